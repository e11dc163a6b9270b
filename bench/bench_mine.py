"""Benchmark: `drafter mine` on synthetic corpora, with jieba.lcut over the same text as the anchor.

Run:  python bench/bench_mine.py [--docs 2000] [--big 20000] [--jobs N] [--no-big] [--no-write]

Steps (each in a fresh process, caches in bench/_work/):
1. make the synthetic corpus (bench/make_synthetic_corpus.py, fixed seed);
2. jieba.lcut alone over the text of every file (the anchor);
3. cold `drafter mine` (empty cache), its phases, and the max RSS of the process tree
   (getrusage of the process itself plus its reaped worker processes: an upper bound);
4. re-mine of the unchanged corpus; 5. re-mine after adding 10 new files;
6. the outline parser alone over all files (to show that parsing does not dominate);
7. cold mine with the jieba fallback forced (DRAFTER_TOKENIZER=jieba);
8. cold mine of the big corpus, to compare memory growth with corpus growth.
The figures are printed and written to the "## Mining" section of BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "_work"
sys.path.insert(0, str(ROOT / "bench"))

from machine import cpu_model  # noqa: E402
from make_synthetic_corpus import make_corpus  # noqa: E402

MINE_DRIVER = """
import json, resource, sys, time
start = time.perf_counter()
from drafter.mining import mine_corpus
corpus, out, cache, jobs = sys.argv[1:5]
report = mine_corpus(corpus, out, cache_dir=cache, jobs=int(jobs), warn=lambda m: None)
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "timings": report.timings, "parsed": report.parsed,
                  "documents": report.documents, "up_to_date": report.up_to_date,
                  "tokenizer": report.tokenizer, "entries": report.entries,
                  "rss_self_kib": own, "rss_children_kib": children}))
"""

JIEBA_DRIVER = """
import json, sys, time
from pathlib import Path
texts = []
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.suffix == ".txt":
        texts.append(path.read_text(encoding="utf-8"))
    elif path.suffix == ".docx":
        import docx
        texts.append("\\n".join(p.text for p in docx.Document(path).paragraphs))
import jieba
jieba.setLogLevel(60)
start = time.perf_counter()
tokens = sum(len(jieba.lcut(text)) for text in texts)
print(json.dumps({"seconds": time.perf_counter() - start, "chars": sum(map(len, texts)), "tokens": tokens}))
"""

PARSE_DRIVER = """
import json, sys, time
from pathlib import Path
from drafter.parsing import parse_file
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".txt", ".docx"))
start = time.perf_counter()
for path in files:
    parse_file(path)
print(json.dumps({"seconds": time.perf_counter() - start, "files": len(files)}))
"""


def run_json(code: str, *args: str, env: dict | None = None) -> tuple[dict, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT, check=True)
    wall = time.perf_counter() - start
    return json.loads(done.stdout.strip().splitlines()[-1]), wall


def mine(corpus: Path, name: str, jobs: int, env: dict | None = None, fresh: bool = True) -> dict:
    cache, out = WORK / f"cache_{name}", WORK / f"out_{name}"
    if fresh:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    result, wall = run_json(MINE_DRIVER, str(corpus), str(out), str(cache), str(jobs), env=env)
    result["wall"] = wall
    result["rss_mib"] = (result["rss_self_kib"] + result["rss_children_kib"]) / 1024
    return result


def machine() -> dict:
    model = cpu_model()
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or str(os.cpu_count())
    rjieba = subprocess.run([sys.executable, "-c", "import rjieba"], capture_output=True).returncode == 0
    return {"date": datetime.date.today().isoformat(), "nproc": nproc, "cpu": model,
            "python": platform.python_version(), "rjieba": rjieba}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--big", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-big", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md alone")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    info = machine()
    print(f"{info['date']}  nproc={info['nproc']}  {info['cpu']}  Python {info['python']}  rjieba={info['rjieba']}")

    corpus = WORK / f"corpus_{args.docs}"
    chars = make_corpus(corpus, args.docs, seed=7)
    print(f"corpus: {args.docs} documents, {chars} characters")

    anchor, _ = run_json(JIEBA_DRIVER, str(corpus))
    print(f"jieba.lcut alone:            {anchor['seconds']:.2f} s")
    cold = mine(corpus, "cold", args.jobs)
    cold_banks = [(WORK / "out_cold" / name).read_bytes() for name in ("skeletons.yaml", "phrases.yaml")]
    print(f"cold drafter mine:           {cold['seconds']:.2f} s in-process, {cold['wall']:.2f} s wall, "
          f"max RSS {cold['rss_mib']:.0f} MiB, phases {fmt(cold['timings'])}")
    warm = mine(corpus, "cold", args.jobs, fresh=False)
    print(f"re-mine, unchanged:          {warm['wall']:.2f} s wall (up to date: {warm['up_to_date']})")

    extra = WORK / "extra"
    make_corpus(extra, 10, seed=99)
    added = corpus / "added"
    shutil.copytree(extra / "00", added)
    incremental = mine(corpus, "cold", args.jobs, fresh=False)
    shutil.rmtree(added)
    print(f"re-mine, 10 new files:       {incremental['wall']:.2f} s wall, parsed {incremental['parsed']}, "
          f"phases {fmt(incremental['timings'])}")

    parse_only, _ = run_json(PARSE_DRIVER, str(corpus))
    print(f"outline parser alone:        {parse_only['seconds']:.2f} s (one process, {parse_only['files']} files)")
    fallback = mine(corpus, "jieba", args.jobs, env={"DRAFTER_TOKENIZER": "jieba"})
    same = cold_banks == [(WORK / "out_jieba" / name).read_bytes() for name in ("skeletons.yaml", "phrases.yaml")]
    print(f"cold mine, jieba fallback:   {fallback['seconds']:.2f} s, same banks as rjieba: {same}")

    big = None
    if not args.no_big:
        big_corpus = WORK / f"corpus_{args.big}"
        big_chars = make_corpus(big_corpus, args.big, seed=7)
        big = mine(big_corpus, "big", args.jobs)
        big["chars"] = big_chars
        print(f"cold mine, {args.big} documents: {big['seconds']:.2f} s, max RSS {big['rss_mib']:.0f} MiB "
              f"({big_chars} characters)")
        shutil.rmtree(big_corpus)

    section = render(info, args, chars, anchor, cold, warm, incremental, parse_only, fallback, same, big)
    print()
    print(section)
    if not args.no_write:
        write_section(ROOT / "BENCHMARKS.md", section)
        print("written to BENCHMARKS.md")


def fmt(timings: dict) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in timings.items())


def render(info, args, chars, anchor, cold, warm, incremental, parse_only, fallback, same, big) -> str:
    ratio = cold["seconds"] / anchor["seconds"]
    lines = [
        "## Mining",
        "",
        f"`python bench/bench_mine.py` on {info['date']}: nproc {info['nproc']}, {info['cpu']}, "
        f"Python {info['python']}, rjieba installed: {info['rjieba']}, jobs {args.jobs}.",
        f"Synthetic corpus: {args.docs} documents recombined from seed paragraphs "
        f"(bench/make_synthetic_corpus.py, seed 7), {chars:,} characters, every 50th file a .docx.",
        "",
        "| measurement | result |",
        "|---|---|",
        f"| jieba.lcut alone over the same text (anchor) | {anchor['seconds']:.2f} s |",
        f"| cold `drafter mine` (empty cache) | {cold['seconds']:.2f} s ({ratio:.2f} × the anchor; "
        f"{cold['wall']:.2f} s wall with interpreter start) |",
        f"| — its phases | {fmt(cold['timings'])} |",
        f"| max RSS of the process tree, cold run | {cold['rss_mib']:.0f} MiB |",
        f"| re-mine, corpus unchanged | {warm['wall']:.2f} s wall |",
        f"| re-mine after adding 10 files | {incremental['wall']:.2f} s wall, {incremental['parsed']} files parsed |",
        f"| outline parser alone, one process | {parse_only['seconds']:.2f} s for {parse_only['files']} files |",
        f"| cold mine with the jieba fallback | {fallback['seconds']:.2f} s; banks identical to rjieba's: {same} |",
    ]
    if big:
        growth = big["chars"] / chars
        memory = big["rss_mib"] / cold["rss_mib"]
        lines.append(f"| cold mine, {args.big} documents ({big['chars']:,} characters) | {big['seconds']:.2f} s, "
                     f"max RSS {big['rss_mib']:.0f} MiB: corpus ×{growth:.1f}, memory ×{memory:.2f} |")
    lines += [
        "",
        "Phases: hash = read and hash files; parse = parse, clean and digest new files and count character "
        "n-grams (map step 1, in parallel); terms = score terms; words = tokenize with the terms as user words "
        "and mine patterns, headings and sentences (map step 2, in parallel); merge = assemble the banks; "
        "write = write the banks and the cache. Repeated paragraphs are counted once per chunk and weighted, "
        "which favours this recombined corpus: real collections repeat less.",
    ]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(r"^## Mining\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    from drafter.atomic_write import write_text_atomic

    write_text_atomic(path, text)


if __name__ == "__main__":
    main()
