"""The architecture README describes, held by the code: imports run down the layers, and the
modules of shared knowledge in drafter/ itself import no layer (so every layer may use them)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "drafter"
# cli / web → api → extracting / mining / checking → drafting → (parsing) → cleaning / writers
# → outline / reading → model: a lower rank may be imported by a higher one, never the reverse.
RANKS = {"cli": 0, "web": 0, "outline_view": 0, "__main__": 0, "__init__": 0, "api": 1,
         "extracting": 2, "mining": 2, "checking": 2, "drafting": 3, "parsing": 4,
         "cleaning": 5, "writers": 5, "outline": 6, "reading": 6, "model": 7}


def _unit(module: str) -> str | None:
    """drafter.cleaning.rules.x → cleaning; drafter.lexicon → lexicon; other packages → None."""
    parts = module.split(".")
    return parts[1] if parts[0] == "drafter" and len(parts) > 1 else None


def _imports() -> list[tuple[str, int, str, str]]:
    """(file, line, importing unit, imported unit) for every drafter import, lazy ones included."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in filter(None, map(_unit, targets)):
                if target != own:
                    found.append((str(path.relative_to(PACKAGE.parent)), node.lineno, own, target))
    return found


def test_imports_only_run_down_the_layers():
    upward = [f"{file}:{line} {own} → {target}" for file, line, own, target in _imports()
              if own in RANKS and target in RANKS and RANKS[target] < RANKS[own]]
    assert upward == []


def test_shared_knowledge_imports_no_layer():
    shared = {path.stem for path in PACKAGE.glob("*.py")} - set(RANKS)
    assert {"vocabulary", "characters", "years", "lexicon", "masked_text", "rule_lists", "yaml_reader"} <= shared
    into_layers = [f"{file}:{line} {own} → {target}" for file, line, own, target in _imports()
                   if own in shared and target in RANKS and target != "model"]
    assert into_layers == []


def test_the_rules_can_fail():
    """The walk sees lazy imports inside functions too (most of drafter imports lazily)."""
    lazy = [(own, target) for _file, _line, own, target in _imports() if own == "api"]
    assert ("api", "checking") in lazy and ("api", "mining") in lazy


def test_the_cache_versions_name_modules_that_exist():
    """The parse cache and the corpus index are keyed on the code that makes them: a module
    moved without telling these lists would leave old caches in use, so code_id refuses."""
    import pytest

    from drafter.checking.corpus_index import _INDEXED_SOURCES
    from drafter.corpus import code_id
    from drafter.mining.runner import _PARSE_SOURCES

    assert len(code_id(_PARSE_SOURCES)) == len(code_id(_INDEXED_SOURCES)) == 32
    assert "masked_text.py" in _PARSE_SOURCES and "known_gaps.py" in _PARSE_SOURCES
    with pytest.raises(ValueError, match="checking/known_gaps.py"):
        code_id(["checking/known_gaps.py"])
