"""The benchmarks run (at a tiny size): figures are not checked, only that they come."""

from __future__ import annotations

import pytest

from bench import bench_import, bench_library, bench_startup, corpus


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFER_BENCH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_generated_news_is_realistic():
    gen = corpus.Generator()
    articles = [gen.article(n) for n in range(1, 301)]
    lengths = [len(a.body.split()) for a in articles]
    assert min(lengths) >= 250 and max(lengths) <= 700
    assert {a.language for a in articles} == {"en", "ar", "ckb"}
    assert len(gen.english.words) >= 40_000 and gen.english.words[0] == "the"
    assert gen.article(7) == corpus.Generator().article(7)  # the same every run


def test_library_benchmark_runs_tiny(cache, capsys):
    assert bench_library.main(["--sizes", "tiny", "--rounds", "1", "--no-report"]) in (0, 1)
    out = capsys.readouterr().out
    assert "tiny: 200 sources" in out and "`mi*`" in out and "raw bm25" in out
    assert list(cache.glob("library-tiny-*.briefer"))


def test_import_benchmark_runs_tiny(cache, capsys):
    assert bench_import.main(["--pages", "8", "--rounds", "1", "--no-report"]) in (0, 1)
    out = capsys.readouterr().out
    assert "8 imported, 0 duplicates, 0 failed" in out and "trafilatura.extract" in out


def test_startup_benchmark_runs_tiny(cache, capsys):
    assert bench_startup.main(["--size", "tiny", "--runs", "1", "--no-report"]) in (0, 1)
    assert "Ratio of each run to the baseline" in capsys.readouterr().out


def test_saved_pages_are_real_size():
    from bench.pages import make_page

    sizes = [len(make_page(n).encode()) for n in (1, 2, 3)]
    assert all(100_000 <= s <= 200_000 for s in sizes)


def test_a_generated_library_is_indexed_and_keeps_its_triggers(cache):
    """The search indexes are built in one pass at the end (issue 16): they hold every
    row, pass FTS5's own check, and the library indexes what is added after."""
    import sqlite3

    from briefer.core.library import Library
    from briefer.core.records import NewSource

    path, _ = corpus.cached_library("tiny")
    conn = sqlite3.connect(path)
    try:
        for fts, table in (("source_fts", "source"), ("excerpt_fts", "excerpt")):
            conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
            (rows,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            (indexed,) = conn.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()
            assert rows and indexed == rows
    finally:
        conn.close()
    with Library.open(path) as lib:
        lib.sources.add(NewSource(title="Zqxjvutter", body="A zqxjvutter story."))
        assert [h.title for h in lib.search("zqxjvutter", kinds=("source",))] == ["Zqxjvutter"]


def test_saved_pages_are_written_once(cache):
    first = bench_import.cached_pages(3)
    assert sorted(p.name for p in first.iterdir()) == [f"page-000{n}.html" for n in (1, 2, 3)]
    stamp = [p.stat().st_mtime_ns for p in sorted(first.iterdir())]
    assert bench_import.cached_pages(3) == first
    assert [p.stat().st_mtime_ns for p in sorted(first.iterdir())] == stamp


def test_the_keystroke_benchmark_refuses_an_application_it_cannot_time(qapp):
    """In one process after another benchmark's QApplication, it timed nothing and
    reported a longest event of 0 ms (issue 16); `make bench` runs each benchmark in a
    process of its own."""
    from bench import bench_keystroke

    with pytest.raises(RuntimeError, match="process of its own"):
        bench_keystroke.measure("tiny")


def test_keystroke_benchmark_runs_tiny(cache):
    """In a process of its own, as `make bench` runs it: it types into the window the
    app builds, so a renamed window part breaks this test, not only the next bench."""
    import subprocess
    import sys

    from bench.bench_library import child_env

    env = {**child_env(), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "bench", "keystroke", "--size", "tiny", "--no-report"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "`Barzani`" in run.stdout or "Barzani" in run.stdout, run.stdout[-2000:]


def test_the_library_benchmark_searches_as_the_window_does():
    """Its figures are a keystroke's: the same limit, the same hits read first."""
    from bench import bench_library
    from briefer.gui import search_bar

    assert bench_library.LIMIT == search_bar.SEARCH_LIMIT
    assert bench_library.FIRST == search_bar.FIRST_HITS
