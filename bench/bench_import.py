"""Import of real-size saved news pages against trafilatura.extract alone.

Pages: bench/pages.py, 100-200 KB each (scripts, JSON state, JSON-LD, menus, comments,
related lists) around the generated articles of bench/corpus.py, English, Arabic and
Sorani. Each round times `trafilatura.extract(html)` with its defaults over all pages in
this process, then `import_paths` of the same folder into a new library (workers and
all), and compares their throughput; CPU per page counts this process and its workers.

    python -m bench import [--pages N] [--rounds R] [--profile] [--no-report]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import tempfile
import threading
import time
from pathlib import Path

TARGET_RATIO = 0.8
TARGET_PEAK_MB = 500


def _cpu() -> float:
    """CPU seconds of this process and its reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _memory_kb(pid: int) -> int:
    """Proportional set size: forked workers share the parent's pages, which their
    resident sizes would each count again; PSS splits them among the sharers."""
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}") as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                    if int(fields[1]) == pid:
                        found.append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
    except OSError:
        pass
    return found


class PeakMemory:
    """Peak memory (PSS) of this process and its descendants together, every 50 ms."""

    def __init__(self):
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        pids, seen = [os.getpid()], set()
        while pids:
            pid = pids.pop()
            if pid in seen:
                continue
            seen.add(pid)
            pids.extend(_children(pid))
        return sum(_memory_kb(pid) for pid in seen)

    def _run(self):
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, self._total())
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak_kb = max(self.peak_kb, self._total())


def write_pages(folder: Path, pages: int) -> list[Path]:
    from bench.corpus import Generator
    from bench.pages import make_page

    gen = Generator()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, pages + 1):
        path = folder / f"page-{n:04}.html"
        path.write_text(make_page(n, gen), encoding="utf-8")
        paths.append(path)
    return paths


def cached_pages(pages: int) -> Path:
    """The folder of that many generated pages, written on first use and kept in the
    bench cache (bench/corpus.py's cache_dir): writing 200 pages took ~9 s a run. The
    folder's name holds a digest of the generator's code, so a changed generator writes
    new pages."""
    import hashlib
    import shutil

    from bench.corpus import cache_dir

    here = Path(__file__).parent
    code = b"".join((here / name).read_bytes() for name in ("pages.py", "corpus.py", "words.py"))
    folder = cache_dir() / f"pages-{pages}-{hashlib.sha256(code).hexdigest()[:12]}"
    if not folder.exists():
        partial = folder.with_name("partial-" + folder.name)
        shutil.rmtree(partial, ignore_errors=True)
        write_pages(partial, pages)
        partial.rename(folder)
    return folder


def baseline(paths: list[Path]) -> tuple[float, float]:
    """(wall s, CPU s) of trafilatura.extract with its defaults over the pages."""
    import trafilatura

    cpu, started = _cpu(), time.perf_counter()
    for path in paths:
        trafilatura.extract(path.read_text(encoding="utf-8"))
    return time.perf_counter() - started, _cpu() - cpu


def import_once(folder: Path, library_path: Path) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak MB, summary) of import_paths over the folder."""
    from briefer.core.library import Library
    from briefer.ingest import import_paths

    library = Library.open(library_path)
    try:
        with PeakMemory() as memory:
            cpu, started = _cpu(), time.perf_counter()
            report = import_paths(library, [folder])
            wall = time.perf_counter() - started
            spent = _cpu() - cpu
    finally:
        library.close()
    return wall, spent, memory.peak_kb / 1024, report.summary()


def profile(paths: list[Path], top: int = 25) -> str:
    """Where one process's CPU goes when it parses the pages as a worker does."""
    import io

    from briefer.ingest.metadata import detect_language
    from briefer.ingest.parse import parse_path

    parse_path(paths[0])
    detect_language("warm up the model")
    prof = cProfile.Profile()
    prof.enable()
    for path in paths:
        source = parse_path(path)
        detect_language(source.body)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """0 when the targets are met (bench/__main__.py reads the code)."""
    from bench.bench_library import machine_load, p95
    from bench.report import append_section, load_note

    parser = argparse.ArgumentParser(prog="bench import")
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print a profile and stop")
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    load = machine_load()
    with tempfile.TemporaryDirectory() as tmp:
        folder = cached_pages(args.pages)
        paths = sorted(folder.glob("page-*.html"))
        size_kb = [p.stat().st_size / 1024 for p in paths]
        if args.profile:
            print(profile(paths))
            return 0
        rows = []
        for r in range(args.rounds):
            base_wall, base_cpu = baseline(paths)
            wall, cpu, peak, summary = import_once(folder, Path(tmp) / f"lib{r}.briefer")
            rows.append((base_wall, base_cpu, wall, cpu, peak, summary))
    ratios = [b / w for b, _bc, w, *_ in rows]
    ratio = statistics.median(ratios)
    peak = max(r[4] for r in rows)
    ok = ratio >= TARGET_RATIO and peak < TARGET_PEAK_MB
    n = args.pages

    def per_page(values):
        return f"{statistics.median(values) / n * 1000:.0f} ms"

    lines = [
        f"- Pages: {n} saved pages of {min(size_kb):.0f}-{max(size_kb):.0f} KB "
        f"(median {statistics.median(size_kb):.0f} KB), bench/pages.py; {os.cpu_count()} "
        f"cores; {load} before, {machine_load()} after; {args.rounds} rounds",
        f"- trafilatura.extract alone (defaults), one process: "
        f"{statistics.median(r[0] for r in rows):.1f} s per round, CPU "
        f"{per_page([r[1] for r in rows])} a page",
        f"- import_paths into a new library: {statistics.median(r[2] for r in rows):.1f} s "
        f"per round, CPU {per_page([r[3] for r in rows])} a page (this process and its "
        f"workers); {rows[-1][5]}",
        f"- Throughput vs extraction alone: median {ratio:.2f}x "
        f"(rounds {', '.join(f'{x:.2f}' for x in ratios)}; p95 {p95(ratios):.2f}); "
        f"target >= {TARGET_RATIO}x",
        f"- Peak memory (proportional set size), this process and its workers: {peak:.0f} MB "
        f"(target < {TARGET_PEAK_MB} MB)",
        f"- Result: {'PASS' if ok else 'FAIL'}",
    ]
    note = load_note("import")
    if note:
        lines += ["", note]
    text = "\n".join(lines)
    print(text)
    if not args.no_report:
        append_section("Import of saved pages (bench/bench_import.py)", text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
