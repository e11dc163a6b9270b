"""The workbench's pages and API: each endpoint turns a request into a call of
`drafter.api` and its result into JSON, HTML or a file. No drafting, parsing or
checking happens here."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from drafter import api
from drafter.errors import DrafterError
from drafter.vocabulary import KINDS, ROLES, SOURCES, TOPICS, TYPES
from drafter.web import corpus as corpus_work
from drafter.web.pages import render_page
from drafter.web.security import Guard, Settings, TooLarge, too_large_message

STATIC = Path(__file__).resolve().parent / "static"
PHRASES_SHOWN = 60
DOWNLOAD_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "md": "text/markdown; charset=utf-8", "txt": "text/plain; charset=utf-8"}
LAST_YEAR_SUFFIXES = (".docx", ".txt")
_UNSAFE_IN_NAME = '<>:"/\\|?*\r\n\t'


def _error(message: str, status: int = 400, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


async def _json(request: Request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DrafterError("请求内容不是有效的 JSON") from None


def _file_name(stem: str, extension: str) -> str:
    stem = "".join(c for c in stem if c not in _UNSAFE_IN_NAME and c.isprintable()).strip(" .") or "文稿"
    return stem[:80] + extension


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    ascii_name = "drafter" + Path(name).suffix
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media_type, headers={"content-disposition": disposition})


class Workbench:
    """The endpoints, sharing one launch's settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.mining = corpus_work.MiningJob()

    @property
    def bank(self) -> Path | None:
        return self.settings.bank_dir

    # -- the form and its fill file -------------------------------------------------------------

    def _checked(self, data: Any):
        form = api.check_form(data)
        return form, api.form_yaml(form)

    def _form_failure(self, error: DrafterError, written) -> JSONResponse:
        """A fill-reader message about the form's own fill file: shown at its field
        (its line in a file the user never sees means nothing)."""
        from drafter.drafting.engine import MEMORY_FILL

        if error.path not in (None, "", MEMORY_FILL):  # the bank, not the form
            return _error(str(error))
        return _error(error.message, path=written.path_at(error.line))

    def _notices(self, document, written) -> list[dict]:
        return [{"message": notice.message, "path": written.path_at(notice.line)} for notice in document.warnings]

    async def new_form(self, request: Request) -> JSONResponse:
        kind = request.query_params.get("kind", "annual")
        form = await run_in_threadpool(api.new_form, kind, bank_dir=self.bank)
        return JSONResponse({"form": form, "hints": await self._hints(form)})

    async def change_kind(self, request: Request) -> JSONResponse:
        data = await _json(request)
        form = await run_in_threadpool(api.change_kind, data, request.query_params.get("kind", ""), bank_dir=self.bank)
        return JSONResponse({"form": form, "hints": await self._hints(form)})

    async def _hints(self, form: dict) -> dict:
        return await run_in_threadpool(api.form_hints, form["kind"], form.get("year"), form.get("unit", ""),
                                       bank_dir=self.bank)

    async def hints(self, request: Request) -> JSONResponse:
        params = request.query_params
        found = await run_in_threadpool(api.form_hints, params.get("kind", "annual"), params.get("year"),
                                        params.get("unit", ""), bank_dir=self.bank)
        return JSONResponse(found)

    async def preview(self, request: Request) -> JSONResponse:
        form, written = self._checked(await _json(request))
        try:
            shown = await run_in_threadpool(api.preview, written.text, bank_dir=self.bank)
        except DrafterError as error:
            return self._form_failure(error, written)
        report = shown.report
        return JSONResponse({
            "pages": shown.pages,
            "summary": {"sections": report.sections, "characters": report.characters, "gaps": report.gaps,
                        "placeholders": len(report.placeholders)},
            "warnings": self._notices(report.document, written),
        })

    async def check(self, request: Request) -> JSONResponse:
        from drafter.checking.report import SEVERITY_NAMES
        from drafter.checking.rules import RULE_NAMES
        from drafter.drafting.form import field_path

        form, written = self._checked(await _json(request))
        folder = corpus_work.private_folder(self.settings.work_dir)
        try:
            fill = folder / "填写内容.yaml"
            fill.write_text(written.text, encoding="utf-8")
            try:
                report = await run_in_threadpool(api.check, fill, corpus_dir=self.settings.corpus_dir,
                                                  bank_dir=self.bank)
            except DrafterError as error:
                return self._form_failure(error, written)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        findings = []
        for finding in report.findings:
            named = finding.field  # check names the field; the line is the fallback
            path = field_path(form, named) if named else None
            findings.append({
                "rule": finding.rule, "rule_label": RULE_NAMES.get(finding.rule, finding.rule),
                "severity": finding.severity, "severity_label": SEVERITY_NAMES.get(finding.severity, finding.severity),
                "message": finding.message, "text": finding.text, "source": finding.source, "fix": finding.fix,
                "path": path or written.path_at(finding.line),
            })
        return JSONResponse({
            "findings": findings, "year": report.year, "exit_code": report.exit_code,
            "summary": {"errors": len(report.errors), "warnings": len(report.warnings),
                        "infos": len(report.findings) - len(report.errors) - len(report.warnings)},
            "copied": [{"source": s.source, "sentences": s.sentences, "share": s.share} for s in report.copied],
        })

    async def download(self, request: Request) -> Response:
        fmt = request.query_params.get("format", "docx")
        if fmt not in DOWNLOAD_TYPES:
            return _error(f"不支持的格式“{fmt}”，可选：docx、md、txt")
        _form, written = self._checked(await _json(request))
        try:
            output = await run_in_threadpool(api.draft_bytes, written.text, fmt, bank_dir=self.bank)
        except DrafterError as error:
            return self._form_failure(error, written)
        name = _file_name(output.report.document.title, "." + fmt)
        return _attachment(output.data, name, DOWNLOAD_TYPES[fmt])

    async def save(self, request: Request) -> Response:
        form, written = self._checked(await _json(request))
        stem = form["title"] or f"{form['year']}年{KINDS.label(form['kind'])}"
        return _attachment(written.text.encode("utf-8"), _file_name(stem, ".yaml"), "application/x-yaml; charset=utf-8")

    async def load(self, request: Request) -> JSONResponse:
        name = Path(request.query_params.get("name", "填写文件.yaml").replace("\\", "/")).name or "填写文件.yaml"
        raw = await request.body()
        loaded = await run_in_threadpool(api.load_form, raw, name, bank_dir=self.bank)
        warnings = [f"{name} 第 {line} 行：{message}" if line else f"{name}：{message}"
                    for line, message in loaded.warnings]
        return JSONResponse({"form": loaded.form, "hints": await self._hints(loaded.form), "warnings": warnings})

    async def last_year(self, request: Request) -> JSONResponse:
        """Last year's document → this year's form (extract, in a private temp folder)."""
        name = request.query_params.get("name", "")
        year = request.query_params.get("year") or None
        suffix = Path(name).suffix.lower()
        if suffix not in LAST_YEAR_SUFFIXES:
            return _error("去年的文稿应是 .docx 或 .txt 文件", path="last-year")
        raw = await request.body()
        folder = corpus_work.private_folder(self.settings.work_dir)
        try:
            source = folder / f"去年文稿{suffix}"
            source.write_bytes(raw)
            target = folder / "今年.yaml"
            try:
                report = await run_in_threadpool(api.extract, source, target, year=year, force=True)
                loaded = await run_in_threadpool(api.load_form, target.read_bytes(), target.name, bank_dir=self.bank)
            except DrafterError as error:
                shown = Path(name).name or "去年文稿"
                return _error(f"{shown}：{error.message}" if error.path else error.message, path="last-year")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        summary = (f"已由“{Path(name).name}”生成 {report.year} 年的填写内容：一级标题 {report.sections} 个，"
                   f"二级标题 {report.subsections} 个")
        if report.renewing:
            summary += f"；年份前移 {report.years_moved} 处，数字改为 X 共 {len(report.figures)} 处（原数字见各栏下的“原文”）"
        return JSONResponse({"form": loaded.form, "hints": await self._hints(loaded.form),
                             "summary": summary + "。", "warnings": list(report.warnings)})

    # -- the phrase bank --------------------------------------------------------------------------

    async def phrases(self, request: Request) -> JSONResponse:
        params = request.query_params
        entries = await run_in_threadpool(
            api.phrases, self.bank, role=params.get("role") or None, type=params.get("type") or None,
            search=params.get("search") or None, topic=params.get("topic") or None,
            year=params.get("year") or None)  # the form's year: nothing outdated in it is offered
        shown = []
        for entry in entries[:PHRASES_SHOWN]:
            example = (entry.get("examples") or [{}])[0]
            shown.append({
                "text": entry["text"], "type": entry["type"], "type_label": TYPES.label(entry["type"]),
                "roles": [ROLES.label(r) for r in entry.get("roles", [])], "count": entry.get("count", 0),
                "docs": entry.get("docs", 0), "example": example.get("text", ""), "example_doc": example.get("doc", ""),
                "topics": [TOPICS.label(t) for t in entry.get("topics") or []],
                "source": SOURCES.label(entry["source"]) if entry.get("source") else "",
                "items": list(entry.get("items") or []), "structure": entry.get("structure") or "",
                "fillers": [f if isinstance(f, str) else f.get("text", "") for f in entry.get("fillers") or []],
            })
        return JSONResponse({"entries": shown, "total": len(entries)})

    # -- pages ------------------------------------------------------------------------------------

    async def draft_page(self, request: Request) -> HTMLResponse:
        from drafter.bank import choose_bank

        bank = await run_in_threadpool(choose_bank, self.bank)
        kinds_with_skeletons = {s["kind"] for s in await run_in_threadpool(api.skeletons, self.bank)}
        return HTMLResponse(render_page("draft.html", bank=bank.describe(), corpus=self.settings.corpus_dir,
                                        kinds_with_skeletons=kinds_with_skeletons))

    async def corpus_page(self, request: Request) -> HTMLResponse:
        folder = self.settings.corpus_dir
        fallback = folder is None and Path("corpus").is_dir()
        shown = folder or (Path("corpus") if fallback else None)
        entries, error = [], ""
        if shown is not None:
            try:
                entries = await run_in_threadpool(corpus_work.list_corpus, shown)
            except DrafterError as failure:
                error = str(failure)
        return HTMLResponse(render_page("corpus.html", folder=shown, uploads=folder is not None, entries=entries,
                                        error=error, bank_note=corpus_work.user_bank_note(self.bank)))

    # -- the corpus -------------------------------------------------------------------------------

    async def upload(self, request: Request) -> JSONResponse:
        folder = self.settings.corpus_dir
        if folder is None:
            return _error("启动时没有指定范文库目录（drafter serve --corpus 目录），不能上传")
        name = request.query_params.get("name", "")
        overwrite = request.query_params.get("overwrite") == "1"
        data = await request.body()
        try:
            stored = await run_in_threadpool(corpus_work.store_upload, folder, name, data, overwrite=overwrite,
                                             work_dir=self.settings.work_dir)
        except corpus_work.FileExists as exists:
            return _error(str(exists), status=409, exists=True, name=exists.path)
        return JSONResponse({"stored": stored.name})

    async def mine(self, request: Request) -> JSONResponse:
        if request.method == "GET":
            return JSONResponse(self.mining.to_dict())
        folder = self.settings.corpus_dir or (Path("corpus") if Path("corpus").is_dir() else None)
        if folder is None:
            return _error("没有范文库目录：请用 drafter serve --corpus 目录 启动")
        started = self.mining.start(folder)
        return JSONResponse({"started": started, **self.mining.to_dict()})


# -- errors -----------------------------------------------------------------------------------------

async def _bad_input(request: Request, error: DrafterError) -> JSONResponse:
    return _error(str(error), path=error.key if error.message.startswith("表单数据有误") else None)


async def _too_large(request: Request, _error_: TooLarge) -> JSONResponse:
    settings: Settings = request.app.state.settings
    return _error(too_large_message(settings.max_upload), status=413)


async def _internal(request: Request, error: Exception) -> JSONResponse:
    """A bug in drafter: one line for the page and one on the console; the server runs on."""
    detail = " ".join(str(error).split())[:200]
    message = (f"drafter 内部错误（{type(error).__name__}: {detail}）：这是 drafter 的问题，不是您的输入有误；"
               "请把这一行和所做的操作报告给维护人员。")
    print(message, file=sys.stderr)
    if os.environ.get("DRAFTER_DEBUG"):
        import traceback

        traceback.print_exception(error)
    return _error(message, status=500)


def create_app(settings: Settings) -> Starlette:
    bench = Workbench(settings)
    routes = [
        Route("/", bench.draft_page),
        Route("/corpus", bench.corpus_page),
        Route("/api/form/new", bench.new_form),
        Route("/api/form/kind", bench.change_kind, methods=["POST"]),
        Route("/api/hints", bench.hints),
        Route("/api/preview", bench.preview, methods=["POST"]),
        Route("/api/check", bench.check, methods=["POST"]),
        Route("/api/download", bench.download, methods=["POST"]),
        Route("/api/save", bench.save, methods=["POST"]),
        Route("/api/load", bench.load, methods=["POST"]),
        Route("/api/last-year", bench.last_year, methods=["POST"]),
        Route("/api/phrases", bench.phrases),
        Route("/api/corpus/upload", bench.upload, methods=["POST"]),
        Route("/api/corpus/mine", bench.mine, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={DrafterError: _bad_input, TooLarge: _too_large,
                                                        Exception: _internal})
    app.state.settings = settings
    app.state.workbench = bench
    return Guard(app, settings)
