"""What a mined skeleton says about one kind of document: the order of its
level-1 sections, their usual headings, how points are written, the opening
formula. Heading and opening templates have only the slots year, next_year
and unit; they are rendered in a sandbox with the user's values as variables.
"""
from __future__ import annotations

from functools import lru_cache

from jinja2.sandbox import SandboxedEnvironment

from drafter.characters import FULL_STOPS
from drafter.errors import DrafterError
from drafter.vocabulary import ROLES

# Roles not in the skeleton go where a summary usually has them.
CANONICAL_ORDER = tuple(ROLES)

# A role found in at least this share of the mined documents is expected.
EXPECTED_SHARE = 0.5

_SENTENCE_ENDS = tuple(FULL_STOPS)

# Every summary, report and debrief has these parts, in this order.
COMMON_ROLES = ("achievements", "problems", "plans")


def common_skeleton(kind: str) -> dict:
    """The skeleton of a kind the bank holds none of: the parts every such document
    has. Mined from no document, so it expects nothing (share 0: no "most documents
    have…" notices) and has no headings of its own (templates/defaults.j2 words them)."""
    return {"kind": kind, "docs": 0, "common": True, "openings": [], "closings": [],
            "sections": [{"role": role, "share": 0.0, "headings": [], "l2": 0, "items": 0, "points": "items"}
                         for role in COMMON_ROLES]}


@lru_cache(maxsize=1)
def _slot_environment() -> SandboxedEnvironment:
    # No finalize here: these strings are data for the layout template, which escapes them.
    return SandboxedEnvironment(autoescape=False, keep_trailing_newline=False)


@lru_cache(maxsize=256)
def _compiled(template: str):
    return _slot_environment().from_string(template)


def render_slots(template: str, *, year: int, unit: str) -> str:
    """`{{ next_year }}年工作计划` → `2026年工作计划` for year 2025.

    The template comes from the bank (checked by drafter.bank to use only the
    three slots); the user's unit is passed as a value and never parsed.
    """
    if "{" not in template:  # most mined headings have no slot at all
        return template.strip()
    try:
        return _compiled(template).render(year=year, next_year=year + 1, unit=unit).strip()
    except Exception as exc:  # a hand-edited bank with a broken template
        raise DrafterError(f"语库模板“{template}”无法使用（{exc}）", key="template") from None


def by_count(entries: list[dict]) -> list[dict]:
    """Most common first; the bank's own order breaks ties."""
    return sorted(entries, key=lambda entry: -int(entry.get("count", 0)))


class SkeletonGuide:
    """One kind's skeleton, asked questions by the drafting step."""

    def __init__(self, skeleton: dict) -> None:
        self.skeleton = skeleton
        self.kind = skeleton["kind"]
        self._sections = {s["role"]: s for s in skeleton.get("sections", [])}

    @classmethod
    def for_kind(cls, skeletons: list[dict], kind: str) -> "SkeletonGuide":
        """The kind's skeleton (of several, the one mined from most documents); a kind
        the bank has none of gets the common one (common_skeleton)."""
        found = [s for s in skeletons if s["kind"] == kind]
        if not found:
            return cls(common_skeleton(kind))
        return cls(max(found, key=lambda s: s.get("docs", 0)))

    @property
    def is_common(self) -> bool:
        """Whether this is the common skeleton, not one mined for the kind."""
        return bool(self.skeleton.get("common"))

    def roles(self) -> list[str]:
        return list(self._sections)

    def order(self, role: str) -> tuple[int, int]:
        """Sort key: skeleton position first, then the usual position."""
        roles = self.roles()
        if role in roles:
            return (0, roles.index(role))
        return (1, CANONICAL_ORDER.index(role) if role in CANONICAL_ORDER else len(CANONICAL_ORDER))

    def expected_roles(self) -> list[str]:
        return [s["role"] for s in self.skeleton.get("sections", []) if s.get("share", 0) >= EXPECTED_SHARE]

    def heading(self, role: str, *, year: int, unit: str) -> str:
        """The most common wording of this role's heading, slots filled; "" if none."""
        section = self._sections.get(role)
        if not section or not section.get("headings"):
            return ""
        return render_slots(by_count(section["headings"])[0]["template"], year=year, unit=unit)

    def opening(self, *, year: int, unit: str) -> str:
        """The most common lead-in formula (现将…总结如下：). Mined openings also hold
        first clauses (今年以来，) that are no opening on their own; those are skipped."""
        openings = [o for o in self.skeleton.get("openings") or []
                    if str(o.get("template", "")).rstrip().endswith(("：", ":"))]
        if not openings:
            return ""
        # Among equally common ones, the general 现将…如下： that names the year.
        openings.sort(key=lambda o: (not o["template"].startswith("现将"), "{{ year }}" not in o["template"]))
        return render_slots(by_count(openings)[0]["template"], year=year, unit=unit)

    def title(self, *, year: int, unit: str) -> str:
        """A mined title template, if the bank has one (`titles:`); else ""."""
        titles = self.skeleton.get("titles") or []
        if not titles:
            return ""
        return render_slots(by_count(titles)[0]["template"], year=year, unit=unit)

    def closings(self, *, year: int, unit: str) -> list[str]:
        """Closing sentences, most common first. Mined closings also hold first
        clauses (…虽取得一定成效，) that are no closing on their own; those are skipped."""
        complete = [c for c in self.skeleton.get("closings") or []
                    if str(c.get("template", "")).rstrip().rstrip("”’」』）)").endswith(_SENTENCE_ENDS)]
        return [render_slots(c["template"], year=year, unit=unit) for c in by_count(complete)]

    def point_style(self, role: str) -> str:
        """"items" (一是、二是) or "numbered" (1. 2. paragraphs)."""
        section = self._sections.get(role)
        return (section or {}).get("points", "items")

    def writes_items(self, role: str) -> bool:
        """Whether this role is usually written as 一是/二是 items without subheadings."""
        section = self._sections.get(role)
        return bool(section) and section.get("items", 0) > 0 and section.get("l2", 0) == 0

    def subheadings(self, role: str) -> int:
        return int((self._sections.get(role) or {}).get("l2", 0))
