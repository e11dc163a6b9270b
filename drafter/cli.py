"""Command line: a thin click layer over `drafter.api`.

Only click and the small error module are imported at start-up; each command
imports what it needs when it runs.
"""
from __future__ import annotations

import os
import re
import sys

import click

from drafter import api
from drafter.console import echo, echo_json, make_streams_safe, shell_quote
from drafter.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, DrafterError
from drafter.vocabulary import CHECK_RULES, KINDS, ROLES, TOPICS, TYPES

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# The words of click's own help screens, in Chinese. click looks each up through the
# `_` (gettext) of its modules when a help screen is shown, so this table replaces it.
_CLICK_WORDS = {
    "Usage:": "用法：",  # the formatter below drops the space click puts after it
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "required": "必填",
    "default: {default}": "默认：{default}",
    "Aborted!": "已中止。",
}


def _click_in_chinese() -> None:
    import click.core
    import click.decorators
    import click.formatting

    def chinese(message: str) -> str:
        return _CLICK_WORDS.get(message, message)

    for module in (click.core, click.decorators, click.formatting):
        if callable(getattr(module, "_", None)):
            module._ = chinese


_click_in_chinese()


class _HelpFormatter(click.HelpFormatter):
    """Chinese punctuation in help headings: 选项： not 选项:."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else "用法：")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """click's definition list, with the first column measured in terminal columns:
        a Chinese metavar (--bank 目录) takes two columns a character."""
        from drafter.characters import terminal_width

        rows = [(first, second) for first, second in rows]
        first_col = min(max((terminal_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if terminal_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - terminal_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_width = max(self.width - first_col - 2, 10)
            lines = click.formatting.wrap_text(second, text_width, preserve_paragraphs=True).splitlines() or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class _Context(click.Context):
    formatter_class = _HelpFormatter


class _Command(click.Command):
    context_class = _Context

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)


class _Argument(click.Argument):
    """An argument with a Chinese metavar keeps click's marks around it:
    [范文库目录] when it may be left out, 文件... when it takes several."""

    def make_metavar(self, ctx: click.Context) -> str:
        if self.metavar is None:
            return super().make_metavar(ctx)
        shown = self.metavar if self.required else f"[{self.metavar}]"
        return shown + ("..." if self.nargs != 1 else "")


def argument(*names, **attrs):
    return click.argument(*names, cls=_Argument, **attrs)


# Paths are checked by the library, with Chinese messages (click's are English).
PATH = click.Path(readable=False)


def _fail(error: DrafterError) -> None:
    echo(f"错误：{error}", err=True)
    sys.exit(EXIT_BAD_INPUT)


# -- options shared by several commands ------------------------------------------

def bank_option(function):
    return click.option("--bank", "bank_dir", type=PATH, metavar="目录",
                        help="语库目录（默认：用 drafter mine 提炼过的用户语库，没有时用随程序发布的语库）。")(function)


def json_option(function):
    return click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")(function)


def force_option(function):
    return click.option("--force", is_flag=True,
                        help="输出文件已存在时覆盖它（默认不覆盖，以免丢失其中的内容）。")(function)


def year_option(help_text: str):
    def decorate(function):
        return click.option("--year", metavar="年份", help=help_text)(function)
    return decorate


def _say_bank(bank_dir: str | None) -> None:
    """Which bank the command used, on stderr (stdout, and JSON on it, stay as they are)."""
    from drafter.bank import choose_bank

    echo(choose_bank(bank_dir).describe(), err=True)


def _choices(vocabulary) -> str:
    return " / ".join(f"{id}（{vocabulary.label(id)}）" for id in vocabulary)


class _ChineseUsageError(click.UsageError):
    """A usage error shown as one Chinese line (click's own are English and three lines)."""

    def show(self, file=None) -> None:
        echo(f"错误：{self.message}", err=True)


_NO_SUCH_COMMAND = re.compile(r"No such command '(.+?)'\.\s*(?:Did you mean '(.+?)'\?)?")

_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments? \((.*)\)")
_NEEDS_VALUE = re.compile(r"Option '(.+?)' requires an argument")

# click's own messages about a bad value, in Chinese.
_VALUE_MESSAGES = (
    (re.compile(r"^(.+?) is not in the range x>=(-?\d+)\.?$"), "“{0}”应是不小于 {1} 的整数"),
    (re.compile(r"^(.+?) is not in the range x<=(-?\d+)\.?$"), "“{0}”应是不大于 {1} 的整数"),
    (re.compile(r"^(.+?) is not in the range (-?\d+)<=x<=(-?\d+)\.?$"), "“{0}”应是 {1} 到 {2} 之间的整数"),
    (re.compile(r"^'?(.*?)'? is not a valid integer(?: range)?\.?$"), "“{0}”不是整数"),
    (re.compile(r"^'?(.*?)'? is not one of (.+?)\.?$"), "“{0}”不是可选的值，可选：{1}"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' does not exist\.?$"), "“{0}”不存在"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' is not readable\.?$"), "“{0}”无法读取（没有权限）"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' is not writable\.?$"), "“{0}”无法写入（没有权限）"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' is a directory\.?$"), "“{0}”是一个目录"),
)


def _value_message(message: str) -> str:
    for pattern, chinese in _VALUE_MESSAGES:
        found = pattern.match(message.strip())
        if found:
            return chinese.format(*(group.replace("'", "") for group in found.groups()))
    return message


def _in_chinese(error: click.UsageError) -> _ChineseUsageError:
    ctx = error.ctx
    param = getattr(error, "param", None)
    hint = " / ".join(param.opts) if param is not None and getattr(param, "param_type_name", "") == "option" \
        else (param.human_readable_name if param is not None else "")
    if isinstance(error, click.exceptions.MissingParameter):
        what = "选项" if getattr(param, "param_type_name", "") == "option" else "参数"
        message = f"缺少{what} {hint}"
    elif isinstance(error, click.exceptions.NoSuchOption):
        message = f"没有选项“{error.option_name}”"
        if error.possibilities:
            message += f"，是否应为“{'”或“'.join(sorted(error.possibilities))}”？"
    elif isinstance(error, click.exceptions.BadParameter):
        message = f"{hint or '参数'} 的值无效：{_value_message(error.message)}"
    elif found := _NO_SUCH_COMMAND.match(error.format_message()):
        message = f"没有命令“{found.group(1)}”" + (f"，是否应为“{found.group(2)}”？" if found.group(2) else "")
    elif found := _EXTRA_ARGUMENTS.match(error.format_message()):
        message = f"多余的参数：{found.group(1)}"
    elif found := _NEEDS_VALUE.match(error.format_message()):
        message = f"选项 {found.group(1)} 后面需要写一个值"
    else:
        message = f"用法有误：{error.message}"
    where = ctx.command_path if ctx is not None else "drafter"
    return _ChineseUsageError(f"{message}（运行 {where} --help 查看用法）", ctx)


class _Group(click.Group):
    """Turns DrafterError into one line and exit code 2, never a traceback;
    click's usage errors become one Chinese line with the same exit code 2."""

    context_class = _Context
    command_class = _Command

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except _ChineseUsageError:
            raise
        except click.UsageError as error:
            raise _in_chinese(error) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except _ChineseUsageError:
            raise
        except click.UsageError as error:
            raise _in_chinese(error) from None
        except DrafterError as error:
            _fail(error)
        except KeyboardInterrupt:
            echo("已中断。", err=True)
            sys.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:  # a bug in drafter: still one line, no traceback
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            command = " ".join(["drafter", *sys.argv[1:]])
            detail = " ".join(str(error).split())[:200]
            echo(f"drafter 内部错误（{type(error).__name__}: {detail}）：这是 drafter 的问题，不是您的文件有误；"
                 f"请把这一行和所运行的命令“{command}”报告给维护人员（设置 DRAFTER_DEBUG=1 可查看详情）。", err=True)
            sys.exit(EXIT_INTERNAL)

    def main(self, *args, **kwargs):
        make_streams_safe()
        return super().main(*args, **kwargs)

    def list_commands(self, ctx):
        return list(self.commands)  # keep the order of the pipeline, not alphabetical


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="drafter", message="drafter %(version)s")
def main() -> None:
    """drafter：离线起草工作总结、述职报告等材料，版式符合 GB/T 9704-2012。

    \b
    常用流程：
      drafter parse corpus/*.txt          解析范文，查看提纲与清理掉的杂质
      drafter mine corpus/                从范文库提炼结构骨架与常用语库
      drafter init --kind annual -o 填写.yaml   生成填写模板
      drafter draft 填写.yaml -o 总结.docx      生成符合国标版式的文稿
      drafter check 总结.docx             检查占位符、序号、过时提法与照抄
      drafter extract 去年总结.docx -o 今年.yaml --year 2025   由去年文稿生成今年填写文件
      drafter serve                       在浏览器中起草、预览、检查和下载（网页工作台，只在本机）
    """


# -- parse -------------------------------------------------------------------

@main.command(context_settings=CONTEXT)
@argument("files", nargs=-1, required=True, type=PATH, metavar="文件")
@json_option
def parse(files: tuple[str, ...], as_json: bool) -> None:
    """解析 .txt / .docx 文稿，输出带角色标注的提纲。

    清理付费标记、广告、密码、免责声明、网页杂质等，并列出清理了什么。
    一个网页上汇编了多篇文稿（第1篇、篇二……）时逐篇解析，来源写作“文件#1”“文件#2”。
    """
    from drafter.outline_view import render_outline

    documents = []
    failed = False
    for path in files:
        try:
            documents.extend(api.parse_documents(path))
        except DrafterError as error:
            echo(f"错误：{error}", err=True)
            failed = True
    if as_json:
        data = [doc.to_dict() for doc in documents]
        payload = data[0] if len(files) == 1 and len(data) == 1 else data
        if documents or not failed:
            echo_json(payload)
    else:
        echo("\n".join(render_outline(doc) for doc in documents), nl=bool(documents))
    if failed:
        sys.exit(EXIT_BAD_INPUT)


# -- mine / phrases / skeletons ------------------------------------------------

@main.command(context_settings=CONTEXT)
@argument("corpus_dir", required=False, type=PATH, metavar="范文库目录")
@click.option("-o", "--out", "out_dir", type=PATH, metavar="目录",
              help="输出目录（默认：用户语库目录，此后各命令默认使用它；随程序发布的语库不会被改动）。")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), metavar="整数", help="并行进程数（默认：CPU 核数）。")
@click.option("--cache-dir", type=PATH, metavar="目录",
              help="缓存目录（默认：环境变量 DRAFTER_CACHE_DIR，或用户缓存目录下的 drafter）。")
@click.option("--tokenizer", type=click.Choice(["auto", "rjieba", "jieba"]),
              help="分词引擎（默认 auto：已安装 rjieba 时用 rjieba，否则用 jieba）。")
@click.option("-q", "--quiet", is_flag=True, help="不显示进度条和汇总（警告仍会显示）。")
def mine(corpus_dir: str | None, out_dir: str | None, jobs: int | None, cache_dir: str | None,
         tokenizer: str | None, quiet: bool) -> None:
    """从范文库提炼结构骨架（skeletons.yaml）和常用语库（phrases.yaml）。

    读取范文库目录（默认 corpus/）下所有 .txt 和 .docx，先清理杂质再提炼，结果写入输出目录。
    每篇范文的解析结果按内容缓存：范文库未变化时重新提炼只需几秒，新增少量文件时只处理新文件。
    无法读取的单个文件会给出警告并跳过。
    """
    progress = not quiet and sys.stderr.isatty()
    report = api.mine(corpus_dir, out_dir, jobs=jobs, progress=progress, cache_dir=cache_dir,
                      tokenizer=tokenizer)
    if not quiet:
        echo(str(report))


@main.command(context_settings=CONTEXT)
@bank_option
@click.option("--role", metavar="角色", help=f"按章节角色筛选（可写英文或中文）：{_choices(ROLES)}。")
@click.option("--type", "entry_type", metavar="类型", help=f"按类型筛选（可写英文或中文）：{_choices(TYPES)}。")
@click.option("--topic", metavar="主题", help=f"按主题筛选（可写英文或中文）：{_choices(TOPICS)}。")
@click.option("--search", metavar="文字", help="只显示包含该文字的条目。")
@click.option("--top", type=click.IntRange(1), metavar="整数", help="最多显示多少条。")
@year_option("文稿年度，如 2025（默认今年）：含该年已过时提法的条目不列出。")
@click.option("--all", "include_stale", is_flag=True, help="也列出已过时的条目（标明现行提法）。")
@json_option
def phrases(bank_dir, role, entry_type, topic, search, top, year, include_stale, as_json) -> None:
    """查看常用语库：提法、动词搭配、常用词、句式、标题、成组标题、各类章节常用句。

    \b
    “来源”为“规范”的条目来自提法库 terms.yaml，为“语料”的条目从范文库提炼，附次数、篇数和例句。
    """
    entries = api.phrases(bank_dir, role=role, type=entry_type, topic=topic, search=search, top=top, year=year,
                          include_stale=include_stale)
    _say_bank(bank_dir)
    if as_json:
        echo_json(entries)
    else:
        from drafter.bank import render_phrase_table

        echo(render_phrase_table(entries))


@main.command(context_settings=CONTEXT)
@bank_option
@click.option("--kind", metavar="类型", help=f"文稿类型（可写英文或中文）：{_choices(KINDS)}。")
@json_option
def skeletons(bank_dir, kind, as_json) -> None:
    """查看各类文稿的结构骨架：章节顺序、常见标题、开头与结尾套语。"""
    found = api.skeletons(bank_dir, kind=kind)
    _say_bank(bank_dir)
    if as_json:
        echo_json(found)
    else:
        from drafter.bank import render_skeletons

        echo(render_skeletons(found))


# -- init / draft --------------------------------------------------------------

@main.command(context_settings=CONTEXT)
@click.option("--kind", required=True, metavar="类型", help=f"文稿类型（可写英文或中文）：{_choices(KINDS)}。")
@click.option("-o", "--out", "out_path", required=True, type=PATH, metavar="文件", help="要生成的填写文件（.yaml）。")
@bank_option
@force_option
@year_option("文稿所属年度，如 2025（默认：正在总结的年度）；参考写法不含该年已过时的提法。")
def init(kind: str, out_path: str, bank_dir: str | None, force: bool, year: str | None) -> None:
    """生成带中文注释的填写文件模板。

    模板列出该类文稿的各个部分和语库中的参考写法；不填写直接起草，各部分会显示为【待补充】。
    """
    written = api.init_fill(kind, out_path, bank_dir=bank_dir, force=force, year=year)
    _say_bank(bank_dir)
    echo(f"已生成填写文件：{written}（填好后运行：drafter draft {shell_quote(str(written))} -o 总结.docx）")


@main.command(context_settings=CONTEXT)
@argument("fill", type=PATH, metavar="填写文件")
@click.option("-o", "--out", "out_path", required=True, type=PATH, metavar="文件", help="输出文件（.docx / .md / .txt）。")
@click.option("--format", "fmt", metavar="[docx|md|txt]",  # checked by the library: one Chinese line
              help="输出格式：docx / md / txt（默认按扩展名判断）。")
@bank_option
def draft(fill: str, out_path: str, fmt: str | None, bank_dir: str | None) -> None:
    """按填写文件起草文稿，输出符合 GB/T 9704-2012 版式的 .docx（或 Markdown / 纯文本）。

    \b
    例：drafter draft samples/annual.yaml -o 党建工作总结.docx
    未填写的部分标黄【待补充】并附参考写法，X、某某等占位符标黄；完成后显示部分数、字数和遗留占位符。
    """
    report = api.draft(fill, out_path, fmt=fmt, bank_dir=bank_dir)
    _say_bank(bank_dir)
    for warning in report.warnings:
        echo(f"提示：{warning}", err=True)
    echo(str(report))


# -- check / extract -----------------------------------------------------------

@main.command(context_settings=CONTEXT)
@argument("file", type=PATH, metavar="文件")
@click.option("--corpus", "corpus_dir", type=PATH, metavar="目录",
              help="用于比对照抄的范文库目录（默认：当前目录下的 corpus/，没有则不比对）。")
@year_option("文稿所属年度，如 2025（默认取标题或日期中的年份）。")
@click.option("--rules", "rules_file", type=PATH, metavar="文件",
              help="本单位的规则表（YAML，格式同 templates/wording.yaml），加在随程序发布的规则表之上。")
@click.option("--only", multiple=True, metavar="规则",
              help=f"只运行这些规则（可写多次，或用逗号分隔）：{_choices(CHECK_RULES)}。")
@click.option("--disable", multiple=True, metavar="规则", help="不运行这些规则（写法同 --only）。")
@click.option("--fix", "fix", is_flag=True,
              help="写出改正后的副本（只改有唯一改法的错误，原文件不变），须与 -o 一起使用；填写文件请改后重新起草。")
@click.option("-o", "--out", "out_path", type=PATH, metavar="文件", help="--fix 写出的副本（与原文同为 .txt 或 .docx）。")
@force_option
@bank_option
@json_option
def check(file: str, corpus_dir: str | None, year: str | None, rules_file: str | None, only: tuple[str, ...],
          disable: tuple[str, ...], fix: bool, out_path: str | None, force: bool, bank_dir: str | None,
          as_json: bool) -> None:
    """检查文稿：占位符、序号、年份、过时提法、称谓与提法、机构名称、用词、标点、数字、照抄范文、结构。

    \b
    文件可以是 .docx、.txt 或填写文件（.yaml，先在内存中起草再检查）。
    有错误时退出码为 1，没有错误为 0，输入有误为 2。
    --fix -o 副本：写出改正后的副本并逐条列出改动，写出即退出码 0。
    """
    options = {"corpus_dir": corpus_dir, "year": year, "rules_file": rules_file, "only": only, "disable": disable,
               "bank_dir": bank_dir}
    if fix:
        if not out_path:
            raise DrafterError("--fix 需要用 -o 指定改正后副本的文件名", key="--fix")
        result = api.fix(file, out_path, force=force, **options)
        _say_bank(bank_dir)
        if as_json:
            echo_json(result.to_dict())
        else:
            echo(result.render())
        sys.exit(result.exit_code)
    if out_path:
        raise DrafterError("-o 只与 --fix 一起使用（检查本身不写文件）", key="-o")
    if force:
        raise DrafterError("--force 只与 --fix -o 一起使用（检查本身不写文件）", key="--force")
    report = api.check(file, **options)
    _say_bank(bank_dir)
    if as_json:
        echo_json(report.to_dict())
    else:
        echo(report.render())
    sys.exit(report.exit_code)


@main.command(context_settings=CONTEXT)
@argument("file", type=PATH, metavar="原文")
@click.option("-o", "--out", "out_path", required=True, type=PATH, metavar="文件", help="要生成的填写文件（.yaml）。")
@year_option("新的年度，如 2025：年份前移，上年数据变为待填占位符。")
@force_option
def extract(file: str, out_path: str, year: str | None, force: bool) -> None:
    """由去年的文稿（.txt / .docx）生成今年的填写文件。

    \b
    例：drafter extract 2024年总结.docx -o 2025年总结.yaml --year 2025
    保留原文的结构和措辞；指定 --year 时，原文年度改为新年度（计划年度随之顺延），
    原文中的数字改为 X（起草时标黄），原数字写在旁边的“# 原文：”注释中。
    日期、序数、名称中的数字（如“十四五”）和固定提法（如三会一课）不改。
    """
    report = api.extract(file, out_path, year=year, force=force)
    for warning in report.warnings:
        echo(f"提示：{warning}", err=True)
    echo(str(report))


# -- serve ---------------------------------------------------------------------------

@main.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", metavar="地址",
              help="监听的地址（默认 127.0.0.1：只允许本机访问；改为其他地址，同一网络中的电脑也能连接，仍需令牌）。")
@click.option("--port", default=8765, type=click.IntRange(0, 65535), metavar="端口",
              help="端口（默认 8765；0 表示任选一个空闲端口）。")
@click.option("--corpus", "corpus_dir", type=PATH, metavar="目录", help="范文库目录：检查时比对照抄，范文库页面可上传范文、重新提炼语库。")
@bank_option
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器（只显示地址）。")
def serve(host: str, port: int, corpus_dir: str | None, bank_dir: str | None, no_browser: bool) -> None:
    """在本机启动网页工作台：不用命令行和 YAML，在浏览器中起草、预览、检查和下载文稿。

    \b
    启动后显示一个带令牌的地址（如 http://127.0.0.1:8765/?token=…），并自动用默认浏览器打开。
    页面：起草（选文稿类型，按骨架填写，右侧实时预览 A4 版面；语库搜索，点击插入；检查；
    沿用去年的文稿；下载 .docx / .md / .txt；保存和打开填写文件）与范文库（提纲、上传、重新提炼）。
    全部在本机处理，不联网，不向任何服务发送文字。按 Ctrl+C 停止。
    """
    from drafter.web.server import serve as run_server

    run_server(host=host, port=port, corpus_dir=corpus_dir, bank_dir=bank_dir, open_browser=not no_browser,
               say=lambda line: echo(line))


if __name__ == "__main__":  # pragma: no cover
    main()
