"""Benchmark: how well the parser reads real official reports.

Uses /work/shared/real-reports (../shared/real-reports beside the checkout) when it exists:
each file's first line (`# source: …`) is dropped, the rest is parsed in memory, and the
title, kind, level-1 headings and their roles are scored against expectations judged by
reading the reports. Those expectations quote the reports' headings, so they are kept out
of the repository (default: ../notes/real-reports-expected.json; --expected PATH).

Score: one point each for the title, the kind, every expected level-1 heading found (in
order) and the role of every heading found; every extra level-1 section costs a point.
Titles and headings are compared with white space removed. A role may be a list of
acceptable roles. Each report is scored twice: as written, and as a 文库 preview would show
it (the whole text on one line, paragraphs set off by single spaces).

Run:  python bench/bench_real_reports.py [--reports DIR] [--expected FILE] [-v]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT.parent / "shared" / "real-reports"
EXPECTED = ROOT.parent / "notes" / "real-reports-expected.json"
sys.path.insert(0, str(ROOT))

_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACE.sub("", text)


def score(doc, expected: dict) -> tuple[int, int, list[str]]:
    """(points, possible, what went wrong)."""
    points, possible, misses = 0, 2, []
    if _plain(doc.title) == _plain(expected["title"]):
        points += 1
    else:
        misses.append(f"title {doc.title!r}")
    if doc.kind == expected["kind"]:
        points += 1
    else:
        misses.append(f"kind {doc.kind} (expected {expected['kind']})")
    found = [(_plain(s.heading), s.role) for s in doc.sections]
    position = 0
    matched = 0
    for heading, role in expected["sections"]:
        possible += 2
        roles = role if isinstance(role, list) else [role]
        index = next((i for i in range(position, len(found)) if found[i][0] == _plain(heading)), None)
        if index is None:
            misses.append(f"heading missing: {heading}")
            continue
        matched += 1
        position = index + 1
        points += 1
        if found[index][1] in roles:
            points += 1
        else:
            misses.append(f"role of {heading}: {found[index][1]} (expected {'/'.join(roles)})")
    extra = len(found) - matched
    if extra > 0:
        possible += extra
        expected_plain = {_plain(h) for h, _ in expected["sections"]}
        misses.extend(f"extra section: {h}" for h, _ in found if h not in expected_plain)
    return points, possible, misses


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=Path, default=REPORTS)
    parser.add_argument("--expected", type=Path, default=EXPECTED)
    parser.add_argument("-v", "--verbose", action="store_true", help="list what went wrong per file")
    args = parser.parse_args()
    if not args.reports.is_dir() or not args.expected.is_file():
        print(f"skipped: needs {args.reports} and {args.expected}")
        return
    from drafter.parsing import parse_text

    expectations = {k: v for k, v in json.loads(args.expected.read_text(encoding="utf-8")).items()
                    if not k.startswith("_")}
    for form, flatten in (("as written", False), ("on one line", True)):
        print(f"-- {form}")
        _score_all(args, expectations, parse_text, flatten)


def _score_all(args, expectations: dict, parse_text, flatten: bool) -> None:
    total_points = total_possible = 0
    failed = 0
    elapsed = 0.0
    for name, expected in sorted(expectations.items()):
        path = args.reports / name
        text = path.read_text(encoding="utf-8").split("\n", 1)[1]  # drop the `# source:` line
        if flatten:
            text = " ".join(line.strip() for line in text.splitlines() if line.strip())
        start = time.perf_counter()
        try:
            doc = parse_text(text, source=name)
        except Exception as error:  # a file that fails to parse scores nothing
            failed += 1
            print(f"{name}: FAILED {type(error).__name__}: {error}")
            total_possible += 2 + 2 * len(expected["sections"])
            continue
        elapsed += time.perf_counter() - start
        points, possible, misses = score(doc, expected)
        total_points += points
        total_possible += possible
        print(f"{name}: {points}/{possible}")
        if args.verbose:
            for miss in misses:
                print(f"    {miss}")
    share = total_points / total_possible if total_possible else 0.0
    print(f"score: {total_points}/{total_possible} = {share:.1%} over {len(expectations)} reports; "
          f"failed to parse: {failed}; parse time {elapsed:.3f} s")


if __name__ == "__main__":
    main()
