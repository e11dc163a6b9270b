"""Build the section tree: headings by marker level, paragraphs, 一是 items, opening."""
from __future__ import annotations


from drafter.model import Line, Section, Table, nest_section
from drafter.outline.heading_text import split_heading
from drafter.outline.items import find_item_marks, item_label, split_items
from drafter.outline.markers import match_marker
from drafter.outline.state import Block, OutlineState
from drafter.outline.table_title import TABLE_TITLE


def build_sections(state: OutlineState) -> None:
    doc = state.doc
    stack: list[Section] = []  # open nodes, outermost first
    opening: list[str] = []
    for line in state.lines:
        if line.cells is not None:
            _add_table(state, stack, opening, line)
            continue
        heading = None if id(line) in state.body_only else _heading_of(line, state.dot_is_full_stop)
        if heading is not None:
            node, body = heading
            nest_section(node, stack, doc.sections)
            if body:
                _add_text(state, stack, body, line.lineno, plain=False)
        elif stack:
            _add_text(state, stack, line.text, line.lineno, plain=True)
        else:
            opening.append(line.text)
            state.blocks.append(Block(None, len(opening) - 1, line.lineno, plain=True))
    doc.opening = "\n".join(opening)


def _add_table(state: OutlineState, stack: list[Section], opening: list[str], line: Line) -> None:
    """A table goes into the open section, after its paragraphs, taking as its title the
    paragraph right above it when that names a table; before the first heading the
    document has no place for a table, so its rows are read as opening text, and said."""
    if not stack:
        opening.extend("　".join(cell for cell in row if cell) for row in line.cells)
        state.warn("table_in_opening", "第一个标题之前的表格按文字读入了导语（导语中不能排表格），请核对", line.lineno)
        return
    node = stack[-1]
    title = ""
    last = state.blocks[-1] if state.blocks else None
    right_above = (last is not None and last.node is node and last.plain and node.paragraphs
                   and last.index == len(node.paragraphs) - 1)
    if right_above and TABLE_TITLE.match(node.paragraphs[-1]) and \
            not any(t.after == len(node.paragraphs) for t in node.tables):
        title = node.paragraphs.pop()
        state.blocks.pop()
    node.tables.append(Table(rows=[list(row) for row in line.cells], title=title, after=len(node.paragraphs),
                             items=len(node.items)))


def _heading_of(line: Line, dot_is_full_stop: bool | None) -> tuple[Section, str] | None:
    found = match_marker(line.text)
    if found:
        marker, rest = found
        heading, body = split_heading(rest, marker.level, dot_is_full_stop)
        return Section(level=marker.level, marker=marker.text, heading=heading, line=line.lineno), body
    if line.style_level:
        heading, body = split_heading(line.text, line.style_level, dot_is_full_stop)
        if heading:
            return Section(level=line.style_level, heading=heading, line=line.lineno), body
    return None


def _add_text(state: OutlineState, stack: list[Section], text: str, lineno: int, plain: bool) -> None:
    """Put a paragraph into the innermost node, or, when it continues an item
    sequence of an outer node (四是 after that node's 三是), into that node."""
    node = _item_owner(state, stack, text) or stack[-1]
    while stack[-1] is not node:
        stack.pop()
    last = state.item_counts.get(id(node), 0)
    split = split_items(text, last)
    if split.lead:
        node.paragraphs.append(split.lead)
    # Every source paragraph leaves a block; only a lead-only one can be the closing.
    index = len(node.paragraphs) - 1 if split.lead else -1
    state.blocks.append(Block(node, index, lineno, plain and bool(split.lead) and not split.items))
    for number, item in zip(split.numbers, split.items):
        if last and number == last:
            state.warn("item_repeat", f"“{node.heading}”中的分项序号重复：“{item_label(last)}”之后又是“{item_label(number)}”",
                       lineno, expected=item_label(last + 1), found=item_label(number))
        elif number != last + 1:
            expected = item_label(last + 1) if last else "一是"
            state.warn("item_skip", f"“{node.heading}”中的分项序号从“{item_label(last) if last else '（无）'}”"
                       f"跳到“{item_label(number)}”，缺少“{expected}”", lineno,
                       expected=expected, found=item_label(number))
        if number in split.doubled:
            state.warn("item_doubled", f"“{node.heading}”中的分项写成了“{split.doubled[number]}”", lineno,
                       expected=item_label(number), found=split.doubled[number])
        node.items.append(item)
        last = number
    if split.items and node.children:
        state.numbering_restarts.setdefault(id(node), set()).add(len(node.children))
    state.item_counts[id(node)] = last


def _item_owner(state: OutlineState, stack: list[Section], text: str) -> Section | None:
    for node in reversed(stack):
        last = state.item_counts.get(id(node), 0)
        if last:
            marks = find_item_marks(text, last)
            if marks and marks[0].start == 0:
                return node
    return None
