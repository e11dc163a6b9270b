"""Benchmark: `drafter parse corpus/*` on the seeds, with jieba alone as the anchor,
the parser's throughput in one process (characters per second), and the parse of
pathological lines at two sizes: every rule must stay linear (a regex that backtracks
on a long run of spaces would take minutes here).

Run:  python bench/bench_parse.py [--runs 7]
Prints medians; copy them with the date and machine into BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


THROUGHPUT_DRIVER = """
import statistics, sys, time
from pathlib import Path
from drafter.parsing import parse_text
texts = [Path(f).read_text(encoding="utf-8") for f in sys.argv[2:]]
repeats, runs = 40, int(sys.argv[1])
parse_text(texts[0])  # imports and caches warm
rates = []
for _ in range(runs):
    start = time.perf_counter()
    for _ in range(repeats):
        for text in texts:
            parse_text(text)
    rates.append(repeats * sum(map(len, texts)) / (time.perf_counter() - start))
print(statistics.median(rates))
"""


PATHOLOGICAL_DRIVER = """
import json, sys, time
from drafter.parsing import parse_text
cases = {
    "long run of spaces": lambda n: "总结 " + " " * n + "。一、甲" + " " * n + "二、乙。 三、丙",
    "one-line page": lambda n: "甲乙。 " * (n // 4),
    "Chinese without a stop": lambda n: "甲" * n,
    "runs of * and x": lambda n: "甲" + "*" * n + "乙" + "x" * n + "。",
    "masked D": lambda n: "D员" * (n // 2),
    "table cells": lambda n: "（七）总计" + " 12" * (n // 3),
    "一是一、 repeated": lambda n: "一是一、" * (n // 4),
    "markers": lambda n: "一、" * (n // 2),
    "related-list headings": lambda n: "甲。相关推荐" * (n // 6),
    "masked dots in a heading": lambda n: "正文。\\n一、" + "学.习" * (n // 3),
}
result = {}
for name, make in cases.items():
    times = []
    for n in (50000, 100000):
        text = make(n)
        start = time.perf_counter()
        parse_text(text)
        times.append(time.perf_counter() - start)
    result[name] = times
print(json.dumps(result))
"""


def pathological() -> dict[str, list[float]]:
    """Seconds to parse each pathological line at 50,000 and 100,000 characters."""
    import json

    out = subprocess.run([sys.executable, "-c", PATHOLOGICAL_DRIVER], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def throughput(files: list[str], runs: int) -> float:
    """Characters per second through read-from-memory → clean → outline, one process."""
    out = subprocess.run([sys.executable, "-c", THROUGHPUT_DRIVER, str(runs), *files],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    files = sorted(str(p) for p in CORPUS.iterdir() if p.suffix in {".txt", ".docx"})
    drafter_cmd = [sys.executable, "-m", "drafter", "parse", *files]
    json_cmd = drafter_cmd[:4] + ["--json"] + files
    jieba_cmd = [sys.executable, "-c",
                 "import sys, jieba; jieba.setLogLevel(60)\n"
                 "for f in sys.argv[1:]: jieba.lcut(open(f, encoding='utf-8').read())", *files]
    startup_cmd = [sys.executable, "-c", "pass"]
    no_jieba = subprocess.run(
        [sys.executable, "-c", "import sys, drafter.parsing as p\n"
         "[p.parse_file(f) for f in sys.argv[1:]]\nprint('jieba' in sys.modules)", *files],
        capture_output=True, text=True, check=True).stdout.strip()

    results = {}
    for name, command in [("python startup", startup_cmd), ("drafter parse (outline)", drafter_cmd),
                          ("drafter parse --json", json_cmd), ("jieba.lcut alone (anchor)", jieba_cmd)]:
        wall(command)  # warm the file cache
        results[name] = statistics.median(wall(command) for _ in range(args.runs))

    rate = throughput(files, args.runs)
    chars = sum(len(Path(f).read_text(encoding="utf-8", errors="replace")) for f in files)
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, python {platform.python_version()}")
    print(f"files: {len(files)}, characters: {chars}, runs: {args.runs} (median wall seconds)")
    for name, seconds in results.items():
        print(f"  {name:28s} {seconds:.3f} s")
    print(f"  parser throughput, one process: {rate:,.0f} characters/s (median of {args.runs})")
    print(f"  jieba imported while parsing: {no_jieba}")
    print("pathological lines (seconds at 50,000 / 100,000 characters; linear means about ×2):")
    for name, (small, large) in pathological().items():
        print(f"  {name:24s} {small:.3f} / {large:.3f}")


if __name__ == "__main__":
    main()
