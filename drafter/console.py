"""Console output that never fails on the console's encoding.

A Chinese Windows console writing to a pipe or file encodes in GBK, which
cannot hold every character a document may contain (•, 😀, rare names). Text
output replaces what the stream cannot encode with “?”; JSON output escapes it
as \\uXXXX, so it stays valid JSON with the same content.
"""
from __future__ import annotations

import codecs
import json
import sys
from typing import Any

import click


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start:error.end]:
        code = ord(char)
        if code > 0xFFFF:  # a surrogate pair, as JSON writes characters beyond the BMP
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


codecs.register_error("drafter-json-escape", _json_escape)


def make_streams_safe() -> None:
    """Text written to stdout and stderr replaces what their encoding cannot hold."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it
                pass


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    click.echo(text, err=err, nl=nl)


def echo_json(data: Any) -> None:
    """JSON on stdout; characters its encoding cannot hold are written as \\uXXXX escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, "drafter-json-escape").decode(encoding)
    except LookupError:
        pass
    click.echo(text)


def shell_quote(path: str) -> str:
    """A path as the user's shell needs it typed (quoted when it has spaces and the like)."""
    if path and all(char.isalnum() or char in "._-/\\:~+@%," or ord(char) > 0x7F for char in path):
        return path
    if sys.platform.startswith("win"):
        return f'"{path}"'
    import shlex

    return shlex.quote(path)
