"""The closing paragraph after the last section (…虽取得一定成效，但… / 下一步，…), or the
unnumbered tail of a report or speech that an address to the audience opens after its last
section (各位代表！…, 同志们，…)."""
from __future__ import annotations

import re

from drafter.outline.state import OutlineState

# A summing-up that closes the whole document, whatever the last section is.
_SUMMING_UP = re.compile(
    r"虽(然)?(取得|有).{0,12}(成效|成绩|进展)|总之|总的来(看|说)|总体来(看|说)|回顾.{0,10}(一年|半年|过去)|"
    r"展望|新的一年|新的征程|在今后的工作中|今后，?我们|站在新的起点|"
    # the formal last words of a report or debrief
    r"^以上(报告|汇报|述职)|请予审议|请审议|妥否|特此报告|不妥之处|批评指正"
)
# An address to the audience: in a report's or speech's tail it opens the closing words.
_ADDRESS = re.compile(r"^(?:各位代表|各位委员|各位领导|各位同志|同志们|同志们、朋友们|代表们|委员们)[！!，,、：:]")
# Looking ahead: closes the document only when the last section is not the plans.
_LOOKING_AHEAD = re.compile(r"下一步|下步|今后|接下来|明年")


def take_closing(state: OutlineState) -> None:
    """Move the document's trailing plain paragraphs out of the last node when they close it."""
    doc = state.doc
    if not doc.sections or not state.blocks:
        return
    last_role = doc.sections[-1].role
    tail = []
    last_node = state.blocks[-1].node
    for block in reversed(state.blocks):  # the plain paragraphs that end the last node
        if block.node is None or block.node is not last_node or not block.plain:
            break
        tail.append(block)
    tail.reverse()
    if not tail:
        return
    # Paragraphs after the last section's 一是…三是 items close the document: a section's own
    # paragraphs come before its items (drafter writes the closing there, as most writers do).
    before = state.blocks[len(state.blocks) - len(tail) - 1] if len(state.blocks) > len(tail) else None
    if before is not None and before.node is last_node and not before.plain and last_node.items:
        _close(doc, tail)
        return
    # The closing starts at the first tail paragraph that reads like one.
    for position, block in enumerate(tail):
        text = block.node.paragraphs[block.index]
        address = bool(_ADDRESS.match(text))
        if (address or _SUMMING_UP.search(text)
                or (last_role != "plans" and _LOOKING_AHEAD.search(text[:30]))):
            _close(doc, tail[position:], address)
            return


def _close(doc, closing: list, address: bool = False) -> None:
    """The closing paragraphs out of their node, when it keeps text of its own; words to the
    audience (同志们，让我们…) are never the body of a subheading (（三）加强党的建设，提供坚强保证。
    ending a list of tasks), so they close the document after one that has none."""
    node = closing[0].node
    if _keeps_content(node, len(closing)) or (address and not any(node is top for top in doc.sections)):
        doc.closing = "\n".join(node.paragraphs[b.index] for b in closing)
        del node.paragraphs[closing[0].index:]


def _keeps_content(node, removed: int) -> bool:
    """The last section keeps some text of its own: a heading alone (下一步工作安排) does not count."""
    return bool(node.items or node.children or len(node.paragraphs) > removed)
