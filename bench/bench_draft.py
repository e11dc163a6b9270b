"""Benchmark: `drafter draft` on the samples, side by side with pandoc turning
the same text, as Markdown, into .docx.

Run:  python bench/bench_draft.py [--runs 9] [--no-write]
Each run times both commands one after the other (interleaved, so both see
the same machine load) as whole processes, start-up included. Medians go into
the "## Drafting" section of BENCHMARKS.md with the date and the machine.
Targets (issue): median ≤ 0.35 s, and ≤ 4 × pandoc.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
BENCHMARKS = ROOT / "BENCHMARKS.md"
SECTION = "## Drafting"
TARGET_SECONDS = 0.35
TARGET_RATIO = 4.0


# As after `pip install`: compiled .pyc files are used (a dev shell may set
# PYTHONDONTWRITEBYTECODE, which would make every run recompile drafter).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd,
                   env=CHILD_ENV)
    return time.perf_counter() - started


def drafter_command() -> list[str]:
    """The installed `drafter` script when it sits next to this Python, as a user runs it."""
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def machine() -> str:
    return f"{cpu_model()}, {os.cpu_count()} CPU, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def pandoc_version(pandoc: str) -> str:
    first = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
    return first.strip()


def measure(sample: Path, runs: int, work: Path, pandoc: str) -> dict:
    sys.path.insert(0, str(ROOT))
    from drafter.drafting import build_document
    from drafter.writers.markdown import to_markdown

    doc, _fill, _plan = build_document(sample)
    markdown = work / f"{sample.stem}.md"
    markdown.write_text(to_markdown(doc), encoding="utf-8")
    ours = drafter_command() + ["draft", str(sample), "-o", str(work / f"{sample.stem}.docx")]
    theirs = [pandoc, str(markdown), "-o", str(work / f"{sample.stem}.pandoc.docx")]
    wall(ours, work), wall(theirs, work)  # warm caches
    ours_times, theirs_times = [], []
    for _ in range(runs):
        ours_times.append(wall(ours, work))
        theirs_times.append(wall(theirs, work))
    return {
        "sample": sample.name,
        "chars": len("".join(markdown.read_text(encoding="utf-8").split())),
        "drafter": statistics.median(ours_times),
        "pandoc": statistics.median(theirs_times),
    }


def measure_help(runs: int, work: Path) -> float:
    command = drafter_command() + ["--help"]
    wall(command, work)
    return statistics.median(wall(command, work) for _ in range(runs))


def jieba_free(sample: Path, work: Path) -> bool:
    """Whether drafting (API and CLI, in one process) leaves jieba unimported."""
    script = ("import sys\nfrom drafter.cli import main\nfrom drafter import api\n"
              f"api.draft({str(sample)!r}, {str(work / 'check.docx')!r})\n"
              f"try:\n    main(['draft', {str(sample)!r}, '-o', {str(work / 'check2.docx')!r}])\n"
              "except SystemExit:\n    pass\nprint('jieba' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=work, env=CHILD_ENV).stdout.strip()
    return found.endswith("False")


def section_text(results: list[dict], runs: int, pandoc: str, help_seconds: float, no_jieba: bool) -> str:
    lines = [
        SECTION,
        "",
        f"`python bench/bench_draft.py --runs {runs}` — {dt.date.today().isoformat()}, {machine()}, {pandoc_version(pandoc)}.",
        "",
        "Median wall time of the whole command (process start-up included, compiled .pyc files in place as "
        "after `pip install`), each run timing drafter and pandoc one after the other on the same text "
        "(pandoc gets drafter's own Markdown of the document). "
        f"Targets: ≤ {TARGET_SECONDS} s and ≤ {TARGET_RATIO:g} × pandoc.",
        "",
        "| sample | characters | `drafter draft` → .docx | `pandoc` .md → .docx | ratio | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        ratio = r["drafter"] / r["pandoc"]
        ok = r["drafter"] <= TARGET_SECONDS and ratio <= TARGET_RATIO
        lines.append(f"| {r['sample']} | {r['chars']} | {r['drafter']:.3f} s | {r['pandoc']:.3f} s | "
                     f"{ratio:.2f} × | {'meets both targets' if ok else 'MISSES a target'} |")
    lines += [
        "",
        f"`drafter --help`: {help_seconds:.3f} s (median). Drafting imports no jieba "
        f"(checked by the script: {'yes' if no_jieba else 'NO — jieba was imported'}).",
    ]
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    """Replace (or add) only the Drafting section; other helpers own the rest."""
    current = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _m: text + "\n", current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    BENCHMARKS.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md alone")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if not pandoc:
        sys.exit("pandoc is not installed: the comparison needs it (apt-get install pandoc)")
    samples = sorted(SAMPLES.glob("*.yaml"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        results = [measure(sample, args.runs, work, pandoc) for sample in samples]
        help_seconds = measure_help(args.runs, work)
        no_jieba = jieba_free(samples[0], work)
    text = section_text(results, args.runs, pandoc, help_seconds, no_jieba)
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"written to {BENCHMARKS}")


if __name__ == "__main__":
    main()
