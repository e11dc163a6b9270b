"""Benchmark: the worst hostile inputs. Every command of the hostile-input suite
(tests/test_hostile.py) on every hostile file, each a whole `python -m drafter …`
process, timed (wall) and measured (peak RSS).

Run:  python bench/bench_hostile.py [--repeat 1] [--only SUBSTRING]

The files and the argument lists come from tests/hostile_files.py, as the suite
builds them: huge lines, runs of spaces, every encoding and control character, zip
bombs, XXE, alias bombs, deep nesting, 100+ items at every level. Anchors measured
in the same run, before and after the hostile runs: `python -c pass` (start-up
floor) and `drafter parse` on the five seeds of corpus/.

Prints the exit code distribution, the slowest runs and the most memory-hungry,
and flags any run that ends outside 0/1/2, prints a traceback or 内部错误, or takes
longer than 10 s. Peak RSS comes from /usr/bin/time (the drafter process alone);
without it, from os.wait4, which also counts the peak this script had before it
started the child (Linux carries it over the exec). Copy the figures with the date
and machine into BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import collections
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_files import (FILL_COMMANDS, INIT_TARGET_NAMES, TEXT_COMMANDS,  # noqa: E402
                           fill_command_args, hostile_fills, hostile_texts, init_args, init_target, mine_args,
                           text_command_args)
from machine import cpu_model  # noqa: E402

SLOW_SECONDS = 10.0  # a hostile run slower than this is reported as a defect
GNU_TIME = Path("/usr/bin/time")


@dataclass
class Case:
    command: str  # as the suite names it: "parse --json", "draft", "mine", …
    file: str
    args: list[str]  # drafter's arguments, outputs in out_dir
    out_dir: Path  # emptied before every run, as the suite's tmp_path is fresh per test
    size: int = 0  # bytes of the input file (the whole folder for mine)
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)


def run_measured(command: list[str], work: Path, env: dict[str, str], guard: float) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS in kB, exit code (-9 when the guard killed it) and the end of the output of one
    process, run in the folder work."""
    out_path, report_path = work / "stdout+stderr.txt", work / "time.txt"
    report_path.unlink(missing_ok=True)
    wrapped = [str(GNU_TIME), "-f", "%M", "-o", str(report_path)] + command if GNU_TIME.exists() else command
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        try:
            os.killpg(process.pid, 9)
        except ProcessLookupError:
            pass

    with open(out_path, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(wrapped, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   cwd=work, env=env, start_new_session=True)
        guard_timer = threading.Timer(guard, kill)
        guard_timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        guard_timer.cancel()
    process.returncode = code = os.waitstatus_to_exitcode(status)
    peak_kb = usage.ru_maxrss
    if GNU_TIME.exists():
        # killed by the guard, time writes no report: the peak is unknown (0), not this script's
        words = report_path.read_text(errors="replace").split() if report_path.exists() else []
        peak_kb = int(words[-1]) if words and words[-1].isdigit() else 0
    output = out_path.read_bytes()[-6000:].decode("utf-8", errors="replace")[-2000:]
    return seconds, peak_kb, (-9 if killed.is_set() else code), output


def build_cases(folder: Path, work: Path, only: str | None) -> list[Case]:
    texts, fills = hostile_texts(), hostile_fills()
    wanted = lambda name: only is None or only in name  # noqa: E731
    for name, data in {**texts, **fills}.items():
        if wanted(name):
            (folder / name).write_bytes(data)
    cases, number = [], 0

    def new_out_dir() -> Path:
        nonlocal number
        number += 1
        path = work / f"{number:04d}"
        path.mkdir()
        return path

    for name in sorted(n for n in texts if wanted(n)):
        for command in TEXT_COMMANDS:
            out = new_out_dir()
            cases.append(Case(command, name, text_command_args(command, folder / name, out), out, len(texts[name])))
    for name in sorted(n for n in fills if wanted(n)):
        for command in FILL_COMMANDS:
            out = new_out_dir()
            cases.append(Case(command, name, fill_command_args(command, folder / name, out), out, len(fills[name])))
    folder_bytes = sum(p.stat().st_size for p in folder.iterdir())
    out = new_out_dir()
    cases.append(Case("mine -j 1", "(the whole folder)", mine_args(folder, out), out, folder_bytes))
    for name in INIT_TARGET_NAMES:
        if wanted(name):
            out = new_out_dir()
            cases.append(Case("init", init_target(out, name).name, init_args(init_target(out, name)), out))
    return cases


def measure_anchors(python: str, work: Path, env: dict[str, str], runs: int) -> dict[str, list[tuple[float, int]]]:
    seeds = sorted(str(p) for p in (ROOT / "corpus").glob("*.txt"))
    anchors = {"python -c pass": [python, "-c", "pass"],
               f"drafter parse corpus/*.txt ({len(seeds)} seeds)": [python, "-m", "drafter", "parse", *seeds]}
    result: dict[str, list[tuple[float, int]]] = {}
    for label, command in anchors.items():
        for _ in range(runs):
            seconds, peak_kb, code, output = run_measured(command, work, env, guard=60)
            if code != 0:
                sys.exit(f"anchor failed: {label}: exit {code}\n{output}")
            result.setdefault(label, []).append((seconds, peak_kb))
    return result


def alarms_of(code: int, output: str, seconds: float) -> list[str]:
    alarms = []
    if code == -9:
        alarms.append("killed by the guard")
    elif code not in (0, 1, 2):
        alarms.append(f"exit {code}")
    if "Traceback" in output:
        alarms.append("traceback")
    if "内部错误" in output:
        alarms.append("内部错误")
    if seconds > SLOW_SECONDS:
        alarms.append(f"over {SLOW_SECONDS:.0f} s")
    return alarms


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f}"


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} B"


def table(cases: list[Case], title: str) -> None:
    print(f"\n{title}\n")
    spread = " (min–max)" if any(len(case.seconds) > 1 for case in cases) else ""
    print(f"| command | file | input | seconds{spread} | peak RSS (MB) | exit |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for case in cases:
        codes = "/".join(str(c) for c in sorted(set(case.exit_codes)))
        seconds = f"{statistics.median(case.seconds):.2f}"
        if len(case.seconds) > 1:
            seconds += f" ({min(case.seconds):.2f}–{max(case.seconds):.2f})"
        print(f"| `{case.command}` | {case.file} | {size_text(case.size)} | {seconds} | {mb(max(case.peak_kb))} "
              f"| {codes} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each command on each file (median time, max RSS)")
    parser.add_argument("--only", help="only the hostile files whose name holds this substring")
    parser.add_argument("--guard", type=float, default=120.0, help="kill a run after this many seconds")
    parser.add_argument("--anchor-runs", type=int, default=3, help="runs of each anchor, before and after")
    options = parser.parse_args()

    python = sys.executable
    temp = Path(tempfile.mkdtemp(prefix="drafter-bench-hostile-"))
    try:
        folder, work = temp / "hostile", temp / "runs"
        folder.mkdir()
        work.mkdir()
        env = dict(os.environ)
        # user folders of the run's own (as the suite's conftest): no mined bank of whoever runs it
        env["DRAFTER_DATA_DIR"], env["DRAFTER_CACHE_DIR"] = str(temp / "data"), str(temp / "cache")
        env.pop("PYTHONIOENCODING", None)

        started = time.perf_counter()
        cases = build_cases(folder, work, options.only)
        print(f"built {len(list(folder.iterdir()))} hostile files and {len(cases)} runs in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)

        anchors_before = measure_anchors(python, work, env, options.anchor_runs)
        for round_number in range(options.repeat):
            for index, case in enumerate(cases, 1):
                shutil.rmtree(case.out_dir)
                case.out_dir.mkdir()
                seconds, peak_kb, code, output = run_measured([python, "-m", "drafter", *case.args], work, env,
                                                              options.guard)
                case.seconds.append(seconds)
                case.peak_kb.append(peak_kb)
                case.exit_codes.append(code)
                for alarm in alarms_of(code, output, seconds):
                    case.alarms.append(f"{alarm}: {output.strip()[-400:]}")
                if index % 25 == 0:
                    print(f"round {round_number + 1}: {index}/{len(cases)}", file=sys.stderr)
        anchors_after = measure_anchors(python, work, env, options.anchor_runs)
        total = time.perf_counter() - started
    finally:
        shutil.rmtree(temp, ignore_errors=True)

    print(f"# bench_hostile: {time.strftime('%Y-%m-%d')}, nproc {os.cpu_count()}, {cpu_model()}, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"# {' '.join(sys.argv)}; {len(cases)} runs × {options.repeat}; {total:.0f} s in all; "
          f"peak RSS from {'/usr/bin/time' if GNU_TIME.exists() else 'os.wait4 (includes this script’s own peak)'}; "
          f"load average {os.getloadavg()[0]:.2f} at the end")

    print("\nanchors (median seconds, min–max; peak RSS MB), before and after the hostile runs:\n")
    print("| anchor | before | after | peak RSS (MB) |")
    print("| --- | ---: | ---: | ---: |")
    for label in anchors_before:
        cells = []
        for runs in (anchors_before[label], anchors_after[label]):
            times = [s for s, _ in runs]
            cells.append(f"{statistics.median(times):.3f} s ({min(times):.3f}–{max(times):.3f})")
        peak = max(k for _, k in anchors_before[label] + anchors_after[label])
        print(f"| `{label}` | {cells[0]} | {cells[1]} | {mb(peak)} |")

    distribution = collections.Counter(code for case in cases for code in case.exit_codes)
    by_command: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for case in cases:
        by_command[case.command].update(case.exit_codes)
    print("\nexit codes over all runs: "
          + ", ".join(f"{code}: {count}" for code, count in sorted(distribution.items())))
    for command, counter in by_command.items():
        print(f"  {command}: " + ", ".join(f"{code}: {count}" for code, count in sorted(counter.items())))
    unstable = [case for case in cases if len(set(case.exit_codes)) > 1]
    for case in unstable:
        print(f"  exit code changed between runs: {case.command} {case.file}: {case.exit_codes}")

    all_seconds = sorted(statistics.median(case.seconds) for case in cases)
    print(f"\nmedian run {statistics.median(all_seconds):.2f} s; {sum(s > 1 for s in all_seconds)} runs over 1 s")
    table(sorted(cases, key=lambda c: -statistics.median(c.seconds))[:15], "15 slowest (median wall time)")
    table(sorted(cases, key=lambda c: -max(c.peak_kb))[:10], "10 most memory-hungry (peak RSS)")

    flagged = [case for case in cases if case.alarms]
    print(f"\nruns outside exit 0/1/2, with a traceback or 内部错误, or over {SLOW_SECONDS:.0f} s: {len(flagged)}")
    for case in flagged:
        print(f"  {case.command} {case.file} ({statistics.median(case.seconds):.2f} s): {case.alarms[0]}")


if __name__ == "__main__":
    main()
