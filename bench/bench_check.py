"""Benchmark: `drafter check` with the originality rule over a 2,000-document corpus.

Run:  python bench/bench_check.py [--docs 2000] [--runs 5]

Besides the whole check, it times each rule alone on each document (the context
prepared once), `drafter check --fix` (drafter.fix) and, as the anchor measured in
the same run, parsing the same document (drafter.parse_file). Last, every rule but
originality on pathological one-line documents at 50,000 and 100,000 characters:
twice the text should take about twice the time.

The corpus is synthetic: seed paragraphs recombined by bench/make_synthetic_corpus.py
(written to bench/_work/, reused when it is already there). The index is built
into a fresh cache folder first (timed), then each checked document is timed
with the index on disk: in-process through drafter.check, and as a whole
`drafter check` command (a new process each time: start-up, reading the index,
hashing the corpus files included). Prints medians and peak memory; copy them
with the date and machine into BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

WORK = ROOT / "bench" / "_work"

# The peak memory (kB) of one `drafter check` run, measured in a child process. VmHWM
# is per process image; ru_maxrss would carry over the parent's peak (fork + exec).
_PEAK = """
import resource, sys, drafter
report = drafter.check(sys.argv[1], corpus_dir=sys.argv[2])
try:
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    print(int(status.split()[0]))
except (OSError, IndexError):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def checked_documents(work: Path) -> dict[str, Path]:
    """Seeds (their paragraphs recur in hundreds of corpus documents: the worst case), a clean document,
    and a clean document with two sentences copied from a seed."""
    clean = ROOT / "tests" / "data" / "clean_docs" / "2024_branch_party_annual.txt"
    copied = work / "copied_two_sentences.txt"
    seed = (ROOT / "corpus" / "000_928ffb1024447432.txt").read_text(encoding="utf-8")
    sentences = [s + "。" for s in seed.split("。") if 40 <= len(s) <= 120][:2]
    lines = clean.read_text(encoding="utf-8").splitlines()
    lines[5:5] = sentences
    copied.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {"seed 000 (recombined into corpus)": ROOT / "corpus" / "000_928ffb1024447432.txt",
             "seed 004 (recombined into corpus)": ROOT / "corpus" / "004_53a748ed6597df06.txt",
             "clean 2024 annual": clean,
             "clean + 2 copied sentences": copied,
             "leftovers + typos (fix case)": _faulty(work, clean),
             "long: 15 clean bodies in one": _long(work)}
    return found


def _faulty(work: Path, clean: Path) -> Path:
    """The clean annual summary reused for 2025 without care: last year's formula, plans heading
    and date, a shortened name, 截止 for 截至, half-width commas and a split unit."""
    text = clean.read_text(encoding="utf-8")
    text = (text.replace("2024年党建工作总结", "2025年党建工作总结").replace("现将一年来的工作总结如下", "现将2024年工作总结如下")
            .replace("全年开展集中学习14次", "截止11月底开展集中学习14 次").replace("采取支委领学、", "采取支委领学,")
            .replace("坚持以习近平新时代中国特色社会主义思想为指导", "认真学习贯彻习总书记重要讲话精神"))
    path = work / "faulty_2025.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _long(work: Path) -> Path:
    """One document about 15 times the usual length: the body paragraphs of every clean document
    (no titles, signatures or dates, which would make it a compilation) as paragraphs of one part."""
    docs = sorted((ROOT / "tests" / "data" / "clean_docs").glob("*.txt"))
    body = [line for p in docs for line in p.read_text(encoding="utf-8").splitlines()[1:-2]
            if line.strip() and not line.lstrip().startswith(("一、", "二、", "三、", "四、", "五、"))]
    path = work / "long_clean.txt"
    path.write_text("\n".join(["县统计局2025年工作总结", "一、主要工作"] + body) + "\n", encoding="utf-8")
    return path


# One unit repeated into a single line: what each rule does on a page of one mistake over and over.
PATHOLOGICAL = {
    "截止 / , / 的很好 / 习总书记": "截止6月底,学习的很好,习总书记。",
    "masked ** gaps": "认真学习**思想，",
    "masked . gaps": "中国特色.主义思想，",
    "split units (12 次)": "完成 12 次 2023 年 ",
    "unpaired quotes": "“学习“强国",
    "old body names, no full stop": "环境保护部和国土资源部",
    "whole-year sentences": "全年2024年完成，",
}


def pathological(work: Path) -> None:
    import drafter

    print("pathological one-line documents (every rule but originality):")
    for name, unit in PATHOLOGICAL.items():
        times = []
        for size in (50_000, 100_000):
            path = work / "pathological.txt"
            path.write_text("2025年党支部工作总结\n一、主要工作\n" + unit * (size // len(unit))
                            + "\n二、存在问题\n学习不够。\n", encoding="utf-8")
            start = time.perf_counter()
            drafter.check(path, disable="originality")
            times.append(time.perf_counter() - start)
        print(f"  {name:30s} 50,000 chars {times[0]:.3f} s | 100,000 chars {times[1]:.3f} s")


def _median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rule_times(path: Path, corpus: Path, runs: int) -> dict[str, float]:
    """Seconds per rule (median), the context prepared once and its caches kept: a rule's own cost."""
    from drafter.checking import prepare
    from drafter.checking.rules import RULES

    ctx = prepare(path, corpus_dir=corpus)
    return {name: _median_time(lambda rule=rule: rule(ctx), runs) for name, rule in RULES}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fresh", action="store_true", help="regenerate the synthetic corpus")
    args = parser.parse_args()

    from make_synthetic_corpus import make_corpus

    import drafter
    from drafter.checking.corpus_index import open_index

    corpus = WORK / f"corpus_{args.docs}"
    WORK.mkdir(parents=True, exist_ok=True)
    if args.fresh or not corpus.is_dir():
        make_corpus(corpus, args.docs)
    chars = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())

    cache = Path(tempfile.mkdtemp(prefix="drafter-bench-cache-"))
    os.environ["DRAFTER_CACHE_DIR"] = str(cache)
    try:
        start = time.perf_counter()
        with open_index(corpus) as index:
            build = time.perf_counter() - start
            postings, docs, folded = index.postings, len(index.docs), index.header["chars"]
            index_bytes = index.path.stat().st_size if index.path else 0
        start = time.perf_counter()
        with open_index(corpus):
            reopen = time.perf_counter() - start

        print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
        print(f"corpus: {docs} documents, {chars / 1e6:.1f} MB on disk, {folded} folded characters")
        print(f"index: built in {build:.2f} s, {postings} shingles, {index_bytes / 1e6:.1f} MB; "
              f"re-opened (hash every file, map the index) in {reopen:.3f} s")
        print(f"per checked document, median of {args.runs} (index on disk):")
        for name, path in checked_documents(WORK).items():
            times, findings = [], 0
            for _ in range(args.runs):
                start = time.perf_counter()
                report = drafter.check(path, corpus_dir=corpus)
                times.append(time.perf_counter() - start)
                findings = sum(f.rule == "originality" and f.source is not None for f in report.findings)
            command = [sys.executable, "-m", "drafter", "check", str(path), "--corpus", str(corpus)]
            walls = []
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                walls.append(time.perf_counter() - start)
            peak = subprocess.run([sys.executable, "-c", _PEAK, str(path), str(corpus)],
                                  capture_output=True, text=True, check=True).stdout.strip()
            parse = _median_time(lambda path=path: drafter.parse_file(path), args.runs)
            out = WORK / ("fixed" + path.suffix)
            fix = _median_time(lambda path=path: drafter.fix(path, out, corpus_dir=corpus), args.runs)
            print(f"  {name:28s} drafter.check {statistics.median(times):.3f} s | "
                  f"`drafter check` command {statistics.median(walls):.3f} s | "
                  f"peak RSS {int(peak) / 1024:.0f} MB | copied sentences found: {findings} | "
                  f"findings {len(report.findings)} | drafter.fix {fix:.3f} s | anchor parse_file {parse:.3f} s")
            per_rule = rule_times(path, corpus, args.runs)
            print("      per rule (ms): " + ", ".join(f"{rule} {seconds * 1000:.1f}" for rule, seconds in per_rule.items()))
        pathological(WORK)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
