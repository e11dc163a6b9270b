"""Start the workbench: bind the socket, print the address with this launch's
token, open the browser, serve until Ctrl+C."""
from __future__ import annotations

import errno
import ipaddress
import os
import secrets
import shutil
import signal
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from drafter.errors import DrafterError, os_reason
from drafter.web.security import Settings

LOOPBACK = "127.0.0.1"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """The listening socket (port 0: a free one). A busy port or an address this
    computer does not have is bad input, said in one line."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise DrafterError(f"无法识别的地址“{host}”（通常不用指定 --host，默认只允许本机访问）", key="--host") from None
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    if os.name != "nt":  # on Windows this option would let two servers share a port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)) or getattr(error, "winerror", 0) == 10048:
            raise DrafterError(f"端口 {port} 已被占用（可能已经有一个 drafter serve 在运行），请用 --port 换一个端口",
                               key="--port") from None
        if error.errno == errno.EACCES:
            raise DrafterError(f"没有权限使用端口 {port}，请用 --port 指定 1024 以上的端口", key="--port") from None
        raise DrafterError(f"无法在 {host}:{port} 上启动（{os_reason(error)}）", key="--host") from None
    return sock


def address_for_browser(host: str, port: int) -> str:
    shown = LOOPBACK if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def serve(*, host: str = LOOPBACK, port: int = 8765, corpus_dir: str | os.PathLike | None = None,
          bank_dir: str | os.PathLike | None = None, open_browser: bool = True, say=print) -> None:
    """Run the workbench until interrupted. `say` prints a line for the user."""
    import uvicorn

    from drafter.bank import choose_bank
    from drafter.web.app import create_app

    corpus = Path(corpus_dir).expanduser() if corpus_dir is not None else None
    if corpus is not None and not corpus.is_dir():
        raise DrafterError("范文库目录不存在", path=str(corpus))
    bank = Path(bank_dir).expanduser() if bank_dir is not None else None
    chosen = choose_bank(bank)  # a missing --bank is said now, not on the first page
    sock = bind(host, port)
    work = Path(tempfile.mkdtemp(prefix="drafter-serve-"))  # 0700: uploads being read
    try:
        port = sock.getsockname()[1]
        settings = Settings(host=host, port=port, token=secrets.token_urlsafe(24), corpus_dir=corpus,
                            bank_dir=bank, work_dir=work)
        url = f"{address_for_browser(host, port)}/?token={settings.token}"
        say(f"drafter 工作台已启动：{url}")
        say("请在浏览器中打开上面的地址（含本次启动的令牌，不要发给别人）；按 Ctrl+C 停止。")
        say(chosen.describe() + (f"；范文库：{corpus}" if corpus is not None else ""))
        if not _is_loopback(host):
            say(f"注意：--host {host} 允许其他电脑连接本工作台（仍需令牌）；只在本机使用时不要指定 --host。")
        config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, lifespan="off",
                                server_header=False, date_header=False)
        server = uvicorn.Server(config)
        if open_browser:
            threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
        with _stopped_by_signals():
            server.run(sockets=[sock])
    finally:
        sock.close()
        shutil.rmtree(work, ignore_errors=True)
    say("drafter 工作台已停止。")


@contextmanager
def _stopped_by_signals():
    """Ctrl+C (and a terminate signal) is how the workbench is stopped: the server shuts
    down, raises the signal again when done, and here that ends the run normally."""
    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (a test): nothing to restore
        previous = None
    try:
        yield
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _open_when_ready(server, url: str) -> None:
    import webbrowser

    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    try:
        webbrowser.open(url)
    except Exception:  # no browser here: the printed address is enough
        pass
