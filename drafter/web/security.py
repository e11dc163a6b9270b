"""The guard in front of every request of the workbench.

- the launch token: `?token=` once (it becomes a cookie and the address loses it),
  then the cookie; nothing is served without one or the other;
- the Host header: only the loopback names (a DNS-rebinding page is refused);
- another Origin, or a browser's fetch from another page (another site, or another
  port of this computer), is refused; API calls must carry a header no other site's
  form or image can send;
- request bodies over the upload limit are refused, before or while they arrive;
- every response forbids scripts, styles and frames from anywhere else.
"""
from __future__ import annotations

import hmac
import json
import os
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

MAX_UPLOAD = 20 * 1024 * 1024
API_HEADER = "x-drafter"  # sent by the page's own scripts with every API call

CONTENT_SECURITY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                    "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


@dataclass
class Settings:
    """One launch of `drafter serve`."""

    host: str
    port: int
    token: str
    corpus_dir: Path | None = None   # --corpus: where uploads go and what re-mining reads
    bank_dir: Path | None = None     # --bank
    max_upload: int = MAX_UPLOAD
    work_dir: Path | None = None     # a private folder for uploads being read
    extra_hosts: list[str] = field(default_factory=list)

    @property
    def cookie(self) -> str:
        # cookies are per host, not per port: two servers must not overwrite each other's
        return f"drafter_token_{self.port}"

    def host_names(self) -> set[str]:
        names = {*LOOPBACK_NAMES, *self.extra_hosts}
        if self.host not in ("0.0.0.0", "::"):
            names.add(f"[{self.host}]" if ":" in self.host else self.host)
        return {f"{name}:{self.port}" for name in names}

    @property
    def checks_host(self) -> bool:
        """Behind a wildcard bind the machine's own addresses are not known: the token guards."""
        return self.host not in ("0.0.0.0", "::")


class TooLarge(Exception):
    """A request body beyond the upload limit (raised while it arrives)."""


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _cookies(scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                name, _, content = part.strip().partition("=")
                found.setdefault(name, content)
    return found


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware: see the module docstring."""

    def __init__(self, app, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            return  # no websockets here
        settings = self.settings
        path = scope.get("path", "/")
        api = path.startswith("/api/")
        if settings.checks_host and _header(scope, b"host") not in settings.host_names():
            await _refuse(send, 403, "请求的地址不是本机工作台的地址，已拒绝。", api)
            return
        origin = _header(scope, b"origin")
        allowed_origins = {f"http://{name}" for name in settings.host_names()} | {f"http://{_header(scope, b'host')}"}
        # a browser says where a request comes from: only this page itself, or the address bar
        fetched_from = _header(scope, b"sec-fetch-site")
        if (origin is not None and origin not in allowed_origins) or fetched_from not in (None, "same-origin", "none"):
            await _refuse(send, 403, "拒绝来自其他网页的请求。", api)
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        by_cookie = _same(_cookies(scope).get(settings.cookie), settings.token)
        by_query = _same(query.get("token"), settings.token)
        if not (by_cookie or by_query):
            await _refuse(send, 403, "需要本次启动的令牌：请用 drafter serve 启动时显示的完整地址（含 ?token=…）打开工作台。", api)
            return
        if by_query and not api and scope["method"] == "GET":
            # the token becomes a cookie, and leaves the address bar and the history
            rest = urlencode([(k, v) for k, v in query.items() if k != "token"])
            await _redirect(send, quote(path, safe="/") + (f"?{rest}" if rest else ""), settings)
            return
        if api and scope["method"] != "GET" and _header(scope, API_HEADER.encode()) != "1":
            await _refuse(send, 403, "拒绝不是由工作台页面发出的请求。", api)
            return
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > settings.max_upload:
            await _refuse(send, 413, too_large_message(settings.max_upload), api)
            return
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > settings.max_upload:
                    raise TooLarge()
            return message

        async def secured_send(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {key for key, _value in headers}
                headers += [(key, value) for key, value in SECURITY_HEADERS if key not in names]
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message = dict(message, headers=headers)
            await send(message)

        started = False

        async def tracked_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await secured_send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except Exception:
            # Starlette has answered with the one-line internal-error message and raises
            # again for the server's log: the console gets that one line, not a traceback
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            if not started:
                await _refuse(send, 500, "drafter 内部错误：这是 drafter 的问题，请报告给维护人员。", api)


def too_large_message(limit: int) -> str:
    return f"上传的文件过大（最多 {limit // (1024 * 1024)} MB）。"


async def _refuse(send, status: int, message: str, api: bool) -> None:
    if api:
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        kind = b"application/json; charset=utf-8"
    else:
        body = ("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>drafter 工作台</title>"
                f"<p>{escape(message)}</p></html>").encode("utf-8")
        kind = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _redirect(send, location: str, settings: Settings) -> None:
    cookie = f"{settings.cookie}={settings.token}; Path=/; HttpOnly; SameSite=Strict"
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode()),
                            (b"content-length", b"0"), (b"cache-control", b"no-store"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": b""})
