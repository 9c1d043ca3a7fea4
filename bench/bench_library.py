"""The library at scale: 100,000 sources and 500,000 excerpts.

Measures what an analyst feels: opening the library, counting and paging the sources
table (first page and a deep page), sorting, and search (common and rare words, with a
filter). Rows are generated straight into SQLite (through the same triggers the app
uses) because a benchmark of reads should not wait an hour on 100,000 fsyncs.

    python -m bench library [--sources N] [--excerpts-per-source K] [--keep PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.report import append_section

WORDS = (
    "strike drone militia ministry border talks coalition statement attack security forces "
    "government parliament election protest oil pipeline embassy spokesperson ceasefire "
    "province governor official sources report negotiations troops withdrawal sanctions "
    "economy currency inflation refugees camp aid water electricity court ruling"
).split()
OUTLETS = ["Rudaw", "Reuters", "AP", "Al-Monitor", "Kurdistan24", "The National", "AFP"]


def _body(rng: random.Random, n: int) -> str:
    paragraphs = []
    for p in range(4):
        words = [rng.choice(WORDS) for _ in range(45)]
        if p == 0:
            words.insert(5, f"marker{n}")
        paragraphs.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(paragraphs)


def build(path: Path, sources: int, excerpts_per_source: int) -> float:
    from briefer.core.library import Library

    Library.open(path).close()
    started = time.perf_counter()
    rng = random.Random(7)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO tag (id, name, key, created) VALUES (1, 'Iraq', 'iraq', ?)", (now,))
    for n in range(1, sources + 1):
        body = _body(rng, n)
        digest = hashlib.sha256(body.encode()).hexdigest()
        when = (now - timedelta(minutes=n)).isoformat(" ")
        published = date(2024, 1, 1) + timedelta(days=n % 700)
        conn.execute(
            "INSERT INTO source (id, title, outlet, authors, published, published_precision, "
            "body, body_sha256, normalized_sha256, reliability, created, modified) "
            "VALUES (?, ?, ?, '[]', ?, 'day', ?, ?, ?, ?, ?, ?)",
            (
                n,
                f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} report {n}",
                rng.choice(OUTLETS),
                published.isoformat(),
                body,
                digest,
                digest,
                "ABCDEF"[n % 6],
                when,
                when,
            ),
        )
        if n % 10 == 0:
            conn.execute("INSERT INTO source_tag VALUES (?, 1)", (n,))
        for k in range(excerpts_per_source):
            start = 40 * k
            conn.execute(
                "INSERT INTO excerpt (source_id, text, start_offset, end_offset, locator, "
                "credibility, created, modified) VALUES (?, ?, ?, ?, 'para. 1', ?, ?, ?)",
                (n, body[start : start + 30], start, start + 30, 1 + (n + k) % 6, when, when),
            )
        if n % 5000 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - started


def timed(fn, repeat: int = 5) -> tuple[float, float]:
    """Median and worst wall time in milliseconds over repeat runs."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), max(runs)


def measure(path: Path, sources: int) -> list[tuple[str, float, float]]:
    from briefer.core.library import Library
    from briefer.core.records import SearchFilters

    rows: list[tuple[str, float, float]] = []

    def open_close():
        Library.open(path).close()

    rows.append(("open and close the library", *timed(open_close)))
    lib = Library.open(path)
    try:
        rows.append(("count sources", *timed(lambda: lib.sources.count())))
        rows.append(
            (
                "first page of 256 sources (newest first)",
                *timed(lambda: lib.sources.list(order="created", descending=True, limit=256)),
            )
        )
        deep = max(sources - 256, 0)
        rows.append(
            (
                f"page of 256 at offset {deep:,}",
                *timed(lambda: lib.sources.list(order="created", limit=256, offset=deep)),
            )
        )
        rows.append(
            (
                "first page sorted by title",
                *timed(lambda: lib.sources.list(order="title", limit=256)),
            )
        )
        rows.append(("search a common word (top 50)", *timed(lambda: lib.search("strike"))))
        rows.append(
            (
                f"search a rare word (marker{sources // 2})",
                *timed(lambda: lib.search(f"marker{sources // 2}")),
            )
        )
        rows.append(("search a prefix (elect*)", *timed(lambda: lib.search("elect*"))))
        tagged = SearchFilters(tag="Iraq", reliability=("A", "B"))
        rows.append(
            (
                "search with tag and grade filters",
                *timed(lambda: lib.search("ceasefire", filters=tagged)),
            )
        )
        rows.append(
            ("excerpts of one source", *timed(lambda: lib.excerpts.list(source_id=sources // 3)))
        )
    finally:
        lib.close()
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench library")
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--excerpts-per-source", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the library here")
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.briefer"
        build_s = None
        if not path.exists():
            build_s = build(path, args.sources, args.excerpts_per_source)
        size_mb = path.stat().st_size / 1e6
        rows = measure(path, args.sources)
    lines = [
        f"{args.sources:,} sources, {args.sources * args.excerpts_per_source:,} excerpts, "
        f"file {size_mb:,.0f} MB" + (f", generated in {build_s:,.0f} s" if build_s else "") + ".",
        "",
        "| operation | median ms | worst ms |",
        "| --- | ---: | ---: |",
        *[f"| {name} | {median:,.1f} | {worst:,.1f} |" for name, median, worst in rows],
    ]
    print("\n".join(lines))
    if not args.no_report:
        append_section("Library at scale (bench/bench_library.py)", "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
