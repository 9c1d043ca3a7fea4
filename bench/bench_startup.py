"""Cold start to a painted main window, against a baseline program, same library.

The baseline (bench/startup/baseline.py) imports PySide6 and SQLModel, reads 50 rows
with sqlite3 and shows a QMainWindow with a table: the least any window on this stack
can do. Briefer (bench/startup/briefer_window.py) runs gui.app.run on the same library.
Both are timed from the moment the process is started to the first paint of their main
window, alternately, in fresh processes with a fresh settings folder.

    python -m bench startup [--size S|M|L] [--runs N] [--no-report]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench.bench_library import child_env, machine_load, p95
from bench.report import append_section, load_note

TARGET = 1.25


def launch(module: str, library: str, home: str) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds from starting the process to its window's first paint.

    Both programs start with their bytecode compiled, as an installed app does (pip
    and PyInstaller compile it): a shell that sets PYTHONDONTWRITEBYTECODE made the
    source tree's modules compile at every start (~0.2-0.3 s of CPU for Briefer's
    ~60 start-up modules) while the baseline's packages had theirs. The bytecode goes
    to the bench cache, not beside the sources.
    """
    from bench.corpus import cache_dir

    env = {
        **child_env(),
        "PYTHONDONTWRITEBYTECODE": "",
        "PYTHONPYCACHEPREFIX": str(cache_dir() / "pycache"),
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", module, library],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    times = {}
    for line in out.stdout.splitlines():
        word, *values = line.split()
        if word in ("first-paint", "ready") and len(values) >= 2:
            times[word] = (float(values[0]) - started, float(values[1]))
        if word == "ready" and len(values) == 3:
            times["longest-wait"] = (float(values[2]), 0.0)
    if "first-paint" not in times:
        raise RuntimeError(f"{module} painted no window: {out.stderr[-2000:]}")
    return times


def measure(size: str, runs: int) -> dict:
    from bench.corpus import cached_library

    path, _ = cached_library(size)
    base, ours = [], []
    with tempfile.TemporaryDirectory() as home:
        # One unmeasured start each: the first open of a cached library may upgrade it,
        # the first start compiles the bytecode (see launch), and the page cache should
        # hold the libraries, not the run order.
        launch("bench.startup.baseline", str(path), home)
        launch("bench.startup.briefer_window", str(path), home)
        for _ in range(runs):
            base.append(launch("bench.startup.baseline", str(path), home))
            ours.append(launch("bench.startup.briefer_window", str(path), home))
    return {
        "size": size,
        "baseline": [t["first-paint"][0] for t in base],
        "briefer": [t["first-paint"][0] for t in ours],
        "baseline_cpu": [t["first-paint"][1] for t in base],
        "briefer_cpu": [t["first-paint"][1] for t in ours],
        "briefer_ready": [t["ready"][0] for t in ours],
        "briefer_ready_cpu": [t["ready"][1] for t in ours],
        "briefer_longest_wait": [t["longest-wait"][0] for t in ours],
    }


def _fmt(values: list[float]) -> str:
    return (
        f"{statistics.median(values):.2f} s (p95 {p95(values):.2f}, "
        f"{min(values):.2f}-{max(values):.2f})"
    )


def _fmt_ms(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):.0f} ms (p95 {p95(ms):.0f}, {min(ms):.0f}-{max(ms):.0f})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench startup")
    parser.add_argument("--size", default="M")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    load = machine_load()
    r = measure(args.size, args.runs)
    ratios = [o / b for o, b in zip(r["briefer"], r["baseline"], strict=True)]
    ratio = statistics.median(ratios)
    cpu_ratios = [o / b for o, b in zip(r["briefer_cpu"], r["baseline_cpu"], strict=True)]
    ready_ratios = [o / b for o, b in zip(r["briefer_ready"], r["baseline"], strict=True)]
    ok = ratio <= TARGET
    lines = [
        f"Library {args.size} (bench/corpus.py), {args.runs} alternating runs of each, "
        f"platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}; {load} before, "
        f"{machine_load()} after.",
        "",
        f"- Baseline program, start to first paint: {_fmt(r['baseline'])}",
        f"- Briefer, start to first paint of the main window: {_fmt(r['briefer'])}",
        f"- Ratio of each run to the baseline run beside it: median {ratio:.2f}x "
        f"({min(ratios):.2f}-{max(ratios):.2f}); target <= {TARGET}x. "
        f"Result: {'PASS' if ok else 'FAIL'}.",
        f"- CPU time of each process to its first paint (what each program costs, less "
        f"moved by other work on the machine): baseline {_fmt(r['baseline_cpu'])}, "
        f"Briefer {_fmt(r['briefer_cpu'])}; ratio median "
        f"{statistics.median(cpu_ratios):.2f}x ({min(cpu_ratios):.2f}-{max(cpu_ratios):.2f}).",
        f"- Briefer, start to a window ready for every action (what it loads after the "
        f"first paint loaded: the services, SQLAlchemy and SQLModel; the navigator and "
        f"the excerpts panel filled): {_fmt(r['briefer_ready'])}, CPU "
        f"{_fmt(r['briefer_ready_cpu'])} (both threads); median "
        f"{statistics.median(ready_ratios):.2f}x the baseline's first paint "
        f"({min(ready_ratios):.2f}-{max(ready_ratios):.2f}). Meanwhile the window "
        f"answers: the longest wait between two turns of its event loop (a timer every "
        f"5 ms) was {_fmt_ms(r['briefer_longest_wait'])}.",
    ]
    note = load_note("startup")
    if note:
        lines += ["", note]
    text = "\n".join(lines)
    print(text)
    if not args.no_report:
        append_section("Start-up (bench/bench_startup.py)", text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
