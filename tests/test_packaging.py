"""The wheel holds every package of drafter and every data file of templates/."""
from __future__ import annotations

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_listed():
    listed = set(_config()["tool"]["setuptools"]["packages"])
    found = {"drafter." + ".".join(path.parent.relative_to(ROOT / "drafter").parts) if path.parent != ROOT / "drafter"
             else "drafter" for path in (ROOT / "drafter").rglob("*.py") if "__pycache__" not in path.parts}
    assert found <= listed, f"packages missing from pyproject.toml: {sorted(found - listed)}"
    assert "drafter.templates" in listed


def test_every_package_folder_has_an_init_file():
    for path in (ROOT / "drafter").rglob("*.py"):
        if "__pycache__" not in path.parts:
            assert (path.parent / "__init__.py").exists(), path.parent


def test_every_templates_file_type_ships():
    patterns = _config()["tool"]["setuptools"]["package-data"]["drafter.templates"]
    suffixes = {pattern.lstrip("*") for pattern in patterns}
    for path in (ROOT / "templates").iterdir():
        if path.is_file() and path.name != "__init__.py" and "__pycache__" not in path.parts:
            assert path.suffix in suffixes, path.name


def test_runtime_imports_are_declared():
    declared = " ".join(_config()["project"]["dependencies"])
    for module, package in (("lxml", "lxml"), ("docx", "python-docx"), ("yaml", "pyyaml"), ("jinja2", "jinja2"),
                            ("jieba", "jieba"), ("click", "click"), ("starlette", "starlette"),
                            ("uvicorn", "uvicorn")):
        uses = [p for p in (ROOT / "drafter").rglob("*.py") if f"import {module}" in p.read_text(encoding="utf-8")
                or f"from {module}" in p.read_text(encoding="utf-8")]
        if uses:
            assert package in declared, (module, uses[0])


def test_every_web_file_ships():
    """The workbench's pages, styles and scripts are package data (no CDN: nothing else is served)."""
    from fnmatch import fnmatch

    patterns = _config()["tool"]["setuptools"]["package-data"]["drafter.web"]
    web = ROOT / "drafter" / "web"
    for path in web.rglob("*"):
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
            assert any(fnmatch(path.relative_to(web).as_posix(), p) for p in patterns), path
