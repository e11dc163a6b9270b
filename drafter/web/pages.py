"""Server-rendered pages: Jinja2 with autoescape on, every name from the one vocabulary."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from drafter.vocabulary import KINDS, LEVELS, ROLES, TOPICS, TYPES

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _names(vocabulary) -> list[dict]:
    return [{"id": id, "label": vocabulary.label(id)} for id in vocabulary]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES), encoding="utf-8"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def vocabulary() -> dict:
    """What the page's scripts name things by (the one vocabulary, in Chinese)."""
    return {
        "kinds": _names(KINDS), "roles": _names(ROLES), "types": _names(TYPES), "topics": _names(TOPICS),
        "levels": {str(level): label for level, label in LEVELS.items()},
    }


def render_page(name: str, **context) -> str:
    names = vocabulary()
    return _environment().get_template(name).render(names=names, **context)
