"""What a masked gap stands for, when it sits inside a known wording.

A site that censors words leaves *** or xxx for a leader's name and a lone . or *
where a word was (以***同志为核心的党中央, 中国特色.主义思想). Where the text around
the gap is a known wording with a piece missing (the lexicon's 提法 and the right
forms of the 称谓 list), the gap is masked text and that piece is what it stands
for; a *** that fits no known wording is an ordinary placeholder.

Anchors: the characters the wording and the text share right before and right
after the gap. They must be long enough to be evidence (MIN_ANCHOR in all, or
MIN_ONE_SIDE on one side when the gap starts or ends the wording).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MAX_MISSING = 6  # characters a gap may stand for
WINDOW = 48  # characters either side of a gap that a wording can reach (the longest is shorter)
MIN_ANCHOR = 5
MIN_ONE_SIDE = 6
_QUOTES = "“”‘’\"'「」『』"


@dataclass(frozen=True)
class GapReading:
    wordings: tuple[str, ...]  # the known wordings the gap fits
    missing: tuple[str, ...]  # what the gap may stand for, one per distinct reading
    # every piece the gap may stand for in some wording, with those wordings (weaker readings too)
    pieces: tuple[tuple[str, tuple[str, ...]], ...] = ()
    certain: bool = True  # False: the readings are shown, none is offered as the fix

    @property
    def fix(self) -> str | None:
        return self.missing[0] if self.certain and len(self.missing) == 1 else None

    def as_name(self, names: tuple[str, ...]) -> GapReading:
        """The reading of a gap that stands for a name (*** or xxx): a site masks the name
        and nothing else, so the reading is the masked name the gap fits (学习***新时代…:
        习近平, not 贯彻习近平 of 学习贯彻习近平…), and without one no fix is certain."""
        named = [(piece, wordings) for piece, wordings in self.pieces if piece in names]
        if not named:
            return GapReading(self.wordings, self.missing, self.pieces, certain=False)
        return GapReading(tuple(sorted({w for _piece, wordings in named for w in wordings}, key=lambda w: (len(w), w))),
                          tuple(sorted(piece for piece, _wordings in named)), self.pieces)


@lru_cache(maxsize=1)
def known_wordings() -> tuple[str, ...]:
    """The lexicon's wordings and the right forms of the shipped 称谓 list, without quotes."""
    from drafter.rule_lists import load_rule_list, shipped_path
    from drafter.lexicon import load_lexicon

    found = {w.translate({ord(q): None for q in _QUOTES}) for entry in load_lexicon().entries
             for w in entry.wordings}
    found |= {right for row in load_rule_list(shipped_path("naming")) for right in row.right}
    return tuple(sorted(w for w in found if len(w) >= 4))


def read_gap(text: str, start: int, end: int) -> GapReading | None:
    """The known wordings text[start:end] (a gap) fits, and what it stands for; None if none."""
    left = max(0, start - WINDOW)
    return _read_window(text[left:start], text[start:end], text[end:end + WINDOW])


@lru_cache(maxsize=4096)
def _read_window(before_gap: str, gap: str, after_gap: str) -> GapReading | None:
    """read_gap on the text around the gap (a page repeating one gap reads it once)."""
    text, start, end = before_gap + gap + after_gap, len(before_gap), len(before_gap) + len(gap)
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    fits: dict[str, tuple[int, set[str]]] = {}  # missing piece -> (best anchor, wordings)
    for wording in known_wordings():
        if (before and before[-1] not in wording) and (after and after[0] not in wording):
            continue
        for i in range(len(wording)):
            for j in range(i + 1, min(len(wording), i + MAX_MISSING) + 1):
                left = _common_suffix(wording[:i], text, start)
                right = _common_prefix(wording[j:], text, end)
                if _enough(left, right, i, len(wording) - j):
                    anchor, wordings = fits.get(wording[i:j], (0, set()))
                    fits[wording[i:j]] = (max(anchor, left + right), wordings | {wording})
    if not fits:
        return None
    # the readings with the most evidence around the gap: 中国特色.主义思想 is 社会 (anchored both
    # sides), not 社会主义思想 (a wording ending at the gap, the text going on as it does)
    best = max(anchor for anchor, _wordings in fits.values())
    chosen = {missing: wordings for missing, (anchor, wordings) in fits.items() if anchor == best}
    pieces = tuple((missing, tuple(sorted(wordings))) for missing, (_anchor, wordings) in sorted(fits.items()))
    return GapReading(tuple(sorted(set().union(*chosen.values()))), tuple(sorted(chosen)), pieces)


def _enough(left: int, right: int, room_left: int, room_right: int) -> bool:
    if left and right:
        return left + right >= MIN_ANCHOR
    if not left and room_left == 0:  # the gap starts the wording
        return right >= MIN_ONE_SIDE
    if not right and room_right == 0:  # the gap ends it
        return left >= MIN_ONE_SIDE
    return False


def _common_suffix(piece: str, text: str, end: int) -> int:
    count = 0
    while count < len(piece) and end - count - 1 >= 0 and piece[-1 - count] == text[end - count - 1]:
        count += 1
    return count


def _common_prefix(piece: str, text: str, start: int) -> int:
    count = 0
    while count < len(piece) and start + count < len(text) and piece[count] == text[start + count]:
        count += 1
    return count
