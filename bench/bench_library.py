"""The library at scale: an analyst's searches on realistic generated news.

Sizes S (1,000 sources), M (20,000) and L (100,000, opt-in), five excerpts per source,
built once by bench/corpus.py and cached. Each size is measured in its own process, so
its peak memory is its own. Every round runs the fixed query mix below through
`Library.search_results` (what the window's search box calls per keystroke: the same
limit, the first screen's hits read) and, right after each
query, the raw baseline: the same words as a bare FTS5 `MATCH ... ORDER BY bm25 LIMIT`
on both search tables of the same file, no snippets, no filters. Figures are medians of
rounds, with the spread over rounds, and the ratio to the baseline of the same round.

    python -m bench library [--sizes S,M[,L]] [--rounds N] [--no-report]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.report import append_section, load_note

LIMIT = 200  # gui/search_bar.py SEARCH_LIMIT: what one keystroke asks for
FIRST = 40  # gui/search_bar.py FIRST_HITS: the hits it reads (the list reads more later)
TARGET_P95_MS = {"M": 50.0, "L": 150.0}
TARGET_RATIO = 1.5
TARGET_RSS_MB = 300.0
ROUNDS = {"tiny": 2, "S": 7, "M": 5, "L": 3}
DEFAULT_SIZES = "S,M"

# The analyst's query mix: (label, query, filters as SearchFilters keyword arguments).
QUERIES: list[tuple[str, str, dict]] = [
    ("name", "Barzani", {}),
    ("name", "Sudani", {}),
    ("name", "Nechirvan Barzani", {}),
    ("name", "Blinken", {}),
    ("place", "Erbil", {}),
    ("place", "Kirkuk", {}),
    ("place", "Sinjar", {}),
    ("place", "Halabja", {}),
    ("common word", "said", {}),
    ("common word", "government", {}),
    ("common words", "the minister", {}),
    ("common words", "security forces", {}),
    ("2-letter prefix", "mi*", {}),
    ("2-letter prefix", "ka*", {}),
    ("2-letter prefix", "se*", {}),
    ("2-letter prefix", "ba*", {}),
    ("2-letter prefix", "ch*", {}),
    ("3-letter prefix", "gov*", {}),
    ("3-letter prefix", "sec*", {}),
    ("3-letter prefix", "pro*", {}),
    ("3-letter prefix", "bar*", {}),
    ("phrase", '"prime minister"', {}),
    ("phrase", '"security forces"', {}),
    ("phrase", '"Mosul Dam"', {}),
    ("words", "oil Kirkuk", {}),
    ("words", "drone strike Erbil", {}),
    ("words", "water drought Basra", {}),
    ("rare word", "vuzoukrag", {}),
    ("Arabic", "الجسر", {}),
    ("Arabic", "جسر", {}),
    ("Arabic", "بغداد", {}),
    ("Arabic", "والنفط", {}),
    ("Sorani", "هەولێر", {}),
    ("Sorani", "پێشمەرگە", {}),
    ("filter: tag", "oil", {"tag": "Energy"}),
    ("filter: grades", "election", {"reliability": ("A", "B")}),
    ("filter: dates", "Baghdad", {"date_from": date(2024, 1, 1), "date_to": date(2024, 12, 31)}),
    ("filter: outlet", "protest", {"outlet": "Rudaw"}),
]

_TERMS = re.compile(r'"([^"]*)"|(\S+)')


def raw_match(query: str) -> str:
    """The words as FTS5 wants them, nothing more: the baseline's MATCH."""
    parts = []
    for phrase, word in _TERMS.findall(query):
        if phrase:
            parts.append('"' + phrase + '"')
        elif word.endswith("*"):
            parts.append('"' + word[:-1] + '"*')
        else:
            parts.append('"' + word + '"')
    return " ".join(parts)


def raw_bm25(conn: sqlite3.Connection, query: str, limit: int = LIMIT) -> int:
    match = raw_match(query)
    found = 0
    for fts in ("source_fts", "excerpt_fts"):
        found += len(
            conn.execute(
                f"SELECT rowid, bm25({fts}) AS r FROM {fts} WHERE {fts} MATCH ? ORDER BY r LIMIT ?",
                (match, limit),
            ).fetchall()
        )
    return found


def _ms(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def _timed(fn) -> tuple[float, float, object]:
    """(wall ms, this thread's CPU ms, result): the CPU time leaves out the time the
    process waited for a core, which on a shared machine moves the wall figures."""
    wall, cpu = time.perf_counter(), time.thread_time()
    result = fn()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    fields = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def measure_size(size: str, rounds: int) -> dict:
    """Build (or reuse) the library of that size and measure it: a JSON-able dict."""
    from bench.corpus import SIZES, cached_library
    from briefer.core.library import Library
    from briefer.core.records import SearchFilters

    path, built = cached_library(size)
    result: dict = {"size": size, "sources": SIZES[size], "built_s": built}
    result["file_mb"] = path.stat().st_size / 1e6
    open_ms, lib = _ms(lambda: Library.open(path))
    result["open_ms"] = open_ms
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    per_query: list[list[tuple[float, float, int, float, float]]] = [[] for _ in QUERIES]
    round_stats = []
    try:
        # What the window's sources table reads (core/source_rows.py, plain SQL): the
        # services (lib.sources) load the ORM on first use, after the window's first paint.
        rows = lib.source_rows
        result["count_ms"], _ = _ms(rows.count)
        result["first_page_ms"], _ = _ms(
            lambda: rows.page(order="created", descending=True, limit=256)
        )
        result["title_page_ms"], _ = _ms(lambda: rows.page(order="title", limit=256))
        for r in range(rounds + 1):  # round 0 warms the page cache and is not counted
            ours_round, raw_round, ours_cpu, raw_cpu = [], [], [], []
            for i, (_label, query, filters) in enumerate(QUERIES):
                f = SearchFilters(**filters)
                ours, ours_c, results = _timed(
                    lambda q=query, f=f: lib.search_results(q, filters=f, limit=LIMIT, first=FIRST)
                )
                base, base_c, _ = _timed(lambda q=query: raw_bm25(raw, q))
                if r:
                    per_query[i].append((ours, base, results.total, ours_c, base_c))
                    ours_round.append(ours)
                    raw_round.append(base)
                    ours_cpu.append(ours_c)
                    raw_cpu.append(base_c)
            if r:
                round_stats.append(
                    {
                        "median": statistics.median(ours_round),
                        "p95": p95(ours_round),
                        "raw_median": statistics.median(raw_round),
                        "raw_p95": p95(raw_round),
                        "cpu_median": statistics.median(ours_cpu),
                        "cpu_p95": p95(ours_cpu),
                        "raw_cpu_median": statistics.median(raw_cpu),
                        "raw_cpu_p95": p95(raw_cpu),
                    }
                )
        result["rss_mb"], result["peak_rss_mb"] = _rss_mb()
    finally:
        raw.close()
        lib.close()
    result["rounds"] = round_stats
    result["queries"] = [
        {
            "label": label,
            "query": query,
            "filters": {k: str(v) for k, v in filters.items()},
            "ms": statistics.median(t[0] for t in times),
            "raw_ms": statistics.median(t[1] for t in times),
            "cpu_ms": statistics.median(t[3] for t in times),
            "raw_cpu_ms": statistics.median(t[4] for t in times),
            "hits": times[-1][2],
        }
        for (label, query, filters), times in zip(QUERIES, per_query, strict=True)
    ]
    return result


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):,.1f} ({min(values):,.1f}-{max(values):,.1f})"


def summarise(r: dict) -> tuple[list[str], bool]:
    rounds = r["rounds"]
    ratio_p95 = [x["p95"] / x["raw_p95"] for x in rounds]
    ratio_med = [x["median"] / x["raw_median"] for x in rounds]
    p95_med = statistics.median(x["p95"] for x in rounds)
    target = TARGET_P95_MS.get(r["size"])
    worst_query = max(r["queries"], key=lambda q: q["ms"] / max(q["raw_ms"], 0.05))
    ok = statistics.median(ratio_p95) <= TARGET_RATIO and (target is None or p95_med <= target)
    if r["size"] == "L":
        ok = ok and r["peak_rss_mb"] <= TARGET_RSS_MB
    rss_target = f" (target <= {TARGET_RSS_MB:.0f} MB)" if r["size"] == "L" else ""
    built = f", generated in {r['built_s']:,.0f} s" if r["built_s"] else " (cached)"
    lines = [
        f"**{r['size']}: {r['sources']:,} sources, {r['sources'] * 5:,} excerpts, "
        f"file {r['file_mb']:,.0f} MB{built}**",
        "",
        "| figure (median of rounds, spread min-max) | ours | raw bm25 | ratio |",
        "| --- | ---: | ---: | ---: |",
        f"| search, median ms | {_spread([x['median'] for x in rounds])} | "
        f"{_spread([x['raw_median'] for x in rounds])} | {_spread(ratio_med)} |",
        f"| search, p95 ms | {_spread([x['p95'] for x in rounds])} | "
        f"{_spread([x['raw_p95'] for x in rounds])} | {_spread(ratio_p95)} |",
        f"| search, median CPU ms | {_spread([x['cpu_median'] for x in rounds])} | "
        f"{_spread([x['raw_cpu_median'] for x in rounds])} | "
        f"{_spread([x['cpu_median'] / x['raw_cpu_median'] for x in rounds])} |",
        f"| search, p95 CPU ms | {_spread([x['cpu_p95'] for x in rounds])} | "
        f"{_spread([x['raw_cpu_p95'] for x in rounds])} | "
        f"{_spread([x['cpu_p95'] / x['raw_cpu_p95'] for x in rounds])} |",
        "",
        f"Target p95: {f'<= {target:.0f} ms and ' if target else ''}<= {TARGET_RATIO}x raw "
        "(wall time; the CPU rows are the same searches by this thread's CPU time). "
        f"Slowest query against its own baseline: `{worst_query['query']}` "
        f"{worst_query['ms']:.1f} ms vs {worst_query['raw_ms']:.1f} ms. "
        f"Open {r['open_ms']:,.0f} ms, count {r['count_ms']:.1f} ms, first page of 256 "
        f"{r['first_page_ms']:.1f} ms, first page by title {r['title_page_ms']:.1f} ms. "
        f"Memory after the searches: {r['rss_mb']:,.0f} MB resident, peak "
        f"{r['peak_rss_mb']:,.0f} MB{rss_target}. Result: {'PASS' if ok else 'FAIL'}.",
    ]
    return lines, ok


def query_table(results: list[dict]) -> list[str]:
    sizes = [r["size"] for r in results]
    head = "| kind | query | filters | " + " | ".join(f"{s} ms (raw)" for s in sizes) + " |"
    lines = [head, "|" + " --- |" * 3 + " ---: |" * len(sizes)]
    for i, (label, query, filters) in enumerate(QUERIES):
        cells = [f"{r['queries'][i]['ms']:.1f} ({r['queries'][i]['raw_ms']:.1f})" for r in results]
        filt = ", ".join(f"{k}={v}" for k, v in filters.items())
        lines.append(f"| {label} | `{query}` | {filt} | " + " | ".join(cells) + " |")
    return lines


def child_env() -> dict[str, str]:
    """This environment with the repository first on the path, so `-m bench` works from
    any working folder."""
    root = str(Path(__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}


def machine_load() -> str:
    with open("/proc/loadavg") as fh:
        one, five, fifteen = fh.read().split()[:3]
    return f"load average {one} / {five} / {fifteen} (1 / 5 / 15 min)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench library")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated: tiny, S, M, L")
    parser.add_argument("--rounds", type=int, help="rounds per size (default by size)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    if args.child:  # one size in this process; JSON on stdout's last line
        print(json.dumps(measure_size(args.child, args.rounds or ROUNDS[args.child])))
        return 0
    results, ok = [], True
    load_before = machine_load()
    for size in args.sizes.split(","):
        cmd = [sys.executable, "-m", "bench", "library", "--child", size]
        if args.rounds:
            cmd += ["--rounds", str(args.rounds)]
        print(f"-- {size}", flush=True)
        out = subprocess.run(
            cmd, check=True, capture_output=True, text=True, env=child_env()
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        lines, size_ok = summarise(results[-1])
        ok = ok and size_ok
        print("\n".join(lines), flush=True)
    table = query_table(results)
    print("\n".join(table))
    body = [
        "Generated news (bench/corpus.py): articles of 250-700 words from a Zipf vocabulary "
        "of 40,000 words (real common English words first, generated words in the tail), "
        "people, places, datelines and dates; 6% Arabic and 2% Sorani articles with "
        "proclitics and occasional harakat and tatweel. Search as one keystroke runs it "
        f"(`Library.search_results`: the window's limit of {LIMIT} hits ranked, the first "
        f"{FIRST} read, the others read as the list scrolls), against a raw FTS5 bm25 query "
        "of the same words on both search tables of the same file, measured in the same round. "
        f"Machine: {load_before} before, {machine_load()} after.",
        "",
    ]
    for r in results:
        body += summarise(r)[0] + [""]
    body += ["Each query, median ms over the rounds (raw bm25 in brackets):", "", *table]
    note = load_note("library")
    if note:
        body += ["", note]
    text = "\n".join(body)
    if not args.no_report:
        title = "Library at scale (bench/bench_library.py)"
        if args.sizes != DEFAULT_SIZES:  # make bench-large keeps the default run's section
            title = f"Library at scale, sizes {args.sizes} (bench/bench_library.py)"
        append_section(title, text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
