"""Where the shipped templates and phrase bank live.

Installed from a wheel they are the package `drafter.templates`; in a source
checkout they are the top-level `templates/` folder.
"""
from __future__ import annotations

from pathlib import Path


def templates_dir() -> Path:
    package = Path(__file__).resolve().parent
    installed = package / "templates"
    if (installed / "__init__.py").exists() or any(installed.glob("*.yaml")):
        return installed
    return package.parent / "templates"
