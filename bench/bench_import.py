"""Import throughput: 1,000 saved pages through import_paths vs trafilatura alone.

Run: .venv/bin/python bench/bench_import.py [--pages N] [--no-append]
The target (issue 3): the full import reaches at least 80% of the throughput of
trafilatura.bare_extraction alone over the same pages, with peak memory (this process
plus its worker processes) under 500 MB. Figures are printed and appended to
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "PERFORMANCE.md"

WORDS = ("the ministry said council officials water budget strikes talks Erbil Baghdad Basra "
         "Kirkuk Mosul parliament election drone militia coalition oil exports pipeline "
         "salinity farmers dam province governor protest court ruling agreement delegation "
         "negotiations security forces border crossing refugees camp aid reconstruction").split()
PLACES = ("ERBIL, Kurdistan Region", "BAGHDAD", "BASRA, Iraq", "DAMASCUS", "SULAIMANI")
OUTLETS = ("Rudaw", "Kurdistan24", "Shafaq News", "The New Arab", "Al-Monitor")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
    return " ".join(words).capitalize() + "."


def make_page(i: int, rng: random.Random) -> str:
    """A saved news page with the usual chrome; layouts vary so the extractor works."""
    outlet = rng.choice(OUTLETS)
    title = f"{_sentence(rng)[:-1][:70]} ({i})"
    paragraphs = [f"{rng.choice(PLACES)} - {_sentence(rng)} {_sentence(rng)}"]
    paragraphs += [" ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
                   for _ in range(rng.randint(5, 14))]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    day = date(2024, rng.randint(1, 12), rng.randint(1, 28))
    meta = ""
    if i % 3:
        meta = (f'<meta property="og:site_name" content="{outlet}">'
                f'<link rel="canonical" href="https://example.org/{i}">'
                f'<meta property="article:published_time" content="{day.isoformat()}">')
    layout = i % 4
    nav = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(12))
    related = "".join(f"<li><a href='/r{k}'>{_sentence(rng)[:60]}</a></li>" for k in range(6))
    if layout == 0:
        main = f"<article><h1>{title}</h1><div class='byline'>By Jane Doe</div>{body}</article>"
    elif layout == 1:
        main = f"<div id='content'><h2>{title}</h2><span>{day:%d-%m-%Y}</span>{body}</div>"
    elif layout == 2:
        main = (f"<main><header><h1>{title}</h1></header><section class='story'>{body}"
                f"<table><tr><td>Province</td><td>Casualties</td></tr>"
                f"<tr><td>Anbar</td><td>{i % 40}</td></tr></table></section></main>")
    else:
        main = f"<div class='post'><h1>{title}</h1><div class='entry'>{body}</div></div>"
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | "
        f"{outlet}</title>{meta}<script src='https://cdn.example.org/a.js'></script>"
        f"<style>body{{font:14px sans-serif}}</style></head><body>"
        f"<nav><ul>{nav}</ul></nav><div class='share'>Share Tweet Email</div>{main}"
        f"<aside><h3>Related articles</h3><ul>{related}</ul></aside>"
        f"<div class='comments'><h3>Comments</h3><p>{outlet} moderates all comments.</p>"
        f"<form><input name='c'><label>Required</label></form></div>"
        f"<footer>© 2024 {outlet}. All rights reserved.</footer></body></html>"
    )


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
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
    """Peak RSS of this process and all its descendants together, sampled every 50 ms."""

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
        return sum(_rss_kb(pid) for pid in seen)

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


def bench(pages: int) -> dict:
    import trafilatura

    from briefer.core.library import Library
    from briefer.ingest import import_paths
    from briefer.ingest.html import EXTRACT_OPTIONS

    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for i in range(pages):
            (folder / f"page-{i:04}.html").write_text(make_page(i, rng), encoding="utf-8")
        files = sorted(folder.iterdir())

        start = time.perf_counter()
        for path in files:
            trafilatura.bare_extraction(path.read_text(encoding="utf-8"), **EXTRACT_OPTIONS)
        baseline = time.perf_counter() - start

        library = Library.open(Path(tmp) / "bench.briefer")
        try:
            with PeakMemory() as memory:
                start = time.perf_counter()
                report = import_paths(library, [folder])
                full = time.perf_counter() - start
        finally:
            library.close()
    return {
        "pages": pages,
        "baseline_s": baseline,
        "import_s": full,
        "baseline_pps": pages / baseline,
        "import_pps": pages / full,
        "ratio": baseline / full,
        "peak_mb": memory.peak_kb / 1024,
        "summary": report.summary(),
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    """0 when the targets are met (bench/__main__.py reads the code)."""
    from bench.report import append_section

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    r = bench(args.pages)
    ok = r["ratio"] >= 0.8 and r["peak_mb"] < 500
    lines = [
        f"- Pages: {r['pages']} generated saved pages (4 layouts, with chrome)",
        f"- trafilatura.bare_extraction alone, one process: {r['baseline_s']:.1f} s "
        f"({r['baseline_pps']:.0f} pages/s)",
        f"- import_paths into a new library: {r['import_s']:.1f} s "
        f"({r['import_pps']:.0f} pages/s); {r['summary']}",
        f"- Throughput vs extraction alone: {r['ratio']:.0%} (target >= 80%)",
        f"- Peak memory, this process and its workers: {r['peak_mb']:.0f} MB (target < 500 MB)",
        f"- Result: {'PASS' if ok else 'FAIL'}",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_append:
        append_section("Import of saved pages (bench/bench_import.py)", text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
