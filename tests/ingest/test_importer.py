"""Batches into a real library: counts, duplicates, failures, cancelling, conventions."""

import shutil
from datetime import date

import pytest

from briefer.core.records import NewSource
from briefer.ingest import ImportReport, ImportResult, import_paths, import_text
from briefer.ingest import importer as importer_module

from .conftest import ARTICLE_HTML, RUDAW


def story(n: int, outlet: str = "Daily Example") -> str:
    return (
        f"Story number {n} about the water talks\n\n"
        f"BASRA, Iraq - Negotiators met for round {n} of the water talks on Tuesday and "
        f"agreed to meet again, officials said. Item {n} of the series.\n\n"
        f"Farmers in district {n} say the salinity has doubled since last year.\n\n"
        f"© 2024 {outlet}"
    )


def test_the_rudaw_sample_is_imported_and_stored(library, tmp_path):
    report = import_paths(library, [RUDAW])
    assert report.summary() == "1 imported, 0 duplicates, 0 failed"
    assert report.ok and report.imported == 1
    (result,) = report.results
    assert result.status == "imported" and result.path == str(RUDAW)
    assert result.title.startswith("Pentagon sending")
    detail = library.sources.get(result.source_id)
    assert detail.outlet == "Rudaw"
    assert detail.authors == ("Azhi Rasul",)
    assert detail.published == date(2024, 2, 9)
    assert not detail.published_ambiguous
    assert detail.published_alternatives == (date(2024, 2, 9), date(2024, 9, 2))
    assert detail.published_text == "09-02-2024"
    assert detail.dateline == "Erbil, Kurdistan Region"
    assert detail.body.startswith("ERBIL, Kurdistan Region - The purpose")
    original = library.sources.original(result.source_id)
    assert original.data == RUDAW.read_bytes()
    assert original.filename == RUDAW.name


def test_the_same_article_twice_is_a_duplicate(library, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(RUDAW, copy)
    first = import_paths(library, [RUDAW])
    second = import_paths(library, [copy])
    (dup,) = second.results
    assert dup.status == "duplicate"
    assert dup.source_id == first.results[0].source_id
    assert dup.message == f"already in the library as source {dup.source_id}"
    assert second.summary() == "0 imported, 1 duplicate, 0 failed"
    assert library.sources.count() == 1


def test_same_canonical_url_is_a_duplicate(library, tmp_path):
    (tmp_path / "a.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        ARTICLE_HTML.replace("late January", "the last week of January"), encoding="utf-8"
    )
    report = import_paths(library, [tmp_path / "a.html", tmp_path / "b.html"])
    assert [r.status for r in report.results] == ["imported", "duplicate"]


def test_a_mixed_batch_goes_on_past_failures(library, tmp_path):
    (tmp_path / "good.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "notes.xyz").write_text("hello")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "good.md").write_text("# Title\n\n" + story(2), encoding="utf-8")
    names = [
        "good.txt",
        "empty.txt",
        "binary.txt",
        "notes.xyz",
        "missing.txt",
        "scan.pdf",
        "good.md",
    ]
    report = import_paths(library, [tmp_path / n for n in names])
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in report.results}
    assert [r.path for r in report.results] == [str(tmp_path / n) for n in names]
    assert by_name["good.txt"].status == by_name["good.md"].status == "imported"
    assert by_name["empty.txt"].message == "empty file"
    assert by_name["binary.txt"].message.startswith("binary data")
    assert by_name["notes.xyz"].message.startswith("unsupported file type .xyz")
    assert by_name["missing.txt"].message == "no such file or folder"
    assert "PDF" in by_name["scan.pdf"].message
    assert all("\n" not in r.message for r in report.results)
    assert (report.imported, report.duplicates, report.failed) == (2, 0, 5)
    assert not report.ok
    assert report.summary() == "2 imported, 0 duplicates, 5 failed"
    assert library.sources.count() == 2  # nothing half-written for the failures


def test_folders_recurse_and_skip_hidden_and_unsupported(library, tmp_path):
    tmp_path = tmp_path / "folder"  # not the library's folder
    (tmp_path / "sub").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "sub" / "b.TXT").write_text(story(2), encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(story(3), encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text(story(4), encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    report = import_paths(library, tmp_path)
    # Unsupported files are listed as skipped (issue 12), hidden ones not at all.
    assert sorted((r.path, r.status) for r in report.results) == [
        (str(tmp_path / "a.txt"), "imported"),
        (str(tmp_path / "photo.jpg"), "skipped"),
        (str(tmp_path / "sub" / "b.TXT"), "imported"),
    ]
    assert report.imported == 2 and report.skipped == 1 and report.ok
    assert report.summary() == "2 imported, 0 duplicates, 0 failed, 1 skipped"


def test_tags_progress_and_pool(library, tmp_path):
    tmp_path = tmp_path / "batch"
    tmp_path.mkdir()
    for i in range(12):  # enough to use worker processes
        (tmp_path / f"s{i:02}.txt").write_text(story(i), encoding="utf-8")
    (tmp_path / "s99.txt").write_bytes(b"")
    calls = []
    report = import_paths(
        library,
        [tmp_path],
        tags=("water", "basra"),
        progress=lambda done, total, path: calls.append((done, total)),
    )
    assert report.imported == 12 and report.failed == 1
    assert calls == [(i, 13) for i in range(1, 14)]
    assert [r.path for r in report.results] == sorted(str(p) for p in tmp_path.iterdir())
    detail = library.sources.get(report.results[0].source_id)
    assert set(detail.tags) == {"water", "basra"}
    assert detail.outlet == "Daily Example"
    assert detail.dateline == "Basra, Iraq"


def test_pool_failure_falls_back_to_parsing_here(library, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(importer_module, "ProcessPoolExecutor", broken)
    for i in range(10):
        (tmp_path / f"s{i}.txt").write_text(story(i), encoding="utf-8")
    assert import_paths(library, [tmp_path]).imported == 10


def test_cancel_stops_between_files(library, tmp_path):
    for i in range(5):
        (tmp_path / f"s{i}.txt").write_text(story(i), encoding="utf-8")
    seen = []
    report = import_paths(
        library,
        [tmp_path],
        progress=lambda d, t, p: seen.append(d),
        should_cancel=lambda: len(seen) >= 2,
    )
    assert report.cancelled
    assert report.imported == 2
    assert report.not_processed == 3
    assert report.summary() == "2 imported, 0 duplicates, 0 failed; cancelled, 3 not processed"
    assert library.sources.count() == 2


def _numeric(n: int, printed: str, outlet: str = "Shafaq") -> NewSource:
    return NewSource(
        title=f"Earlier {n}",
        body=f"Earlier article {n} with its own text.",
        outlet=outlet,
        published_text=printed,
    )


def test_ambiguous_dates_follow_the_outlets_printed_dates(library, tmp_path):
    library.sources.add(_numeric(1, "25-01-2024"))  # only day-first is valid
    library.sources.add(_numeric(2, "28-01-2024"))
    (tmp_path / "new.txt").write_text(
        "Budget vote delayed again\n\n03-04-2024\n\n"
        "Parliament postponed the budget vote, Shafaq News reported. © 2024 Shafaq\n\n"
        "Deputies said the session would be rescheduled.",
        encoding="utf-8",
    )
    (result,) = import_paths(library, [tmp_path / "new.txt"]).results
    detail = library.sources.get(result.source_id)
    assert detail.outlet == "Shafaq"
    assert detail.published == date(2024, 4, 3)
    assert not detail.published_ambiguous
    assert detail.published_inferred
    assert detail.published_alternatives == (date(2024, 4, 3), date(2024, 3, 4))


def test_ambiguous_dates_follow_the_analysts_corrections(library, tmp_path):
    earlier = library.sources.add(
        NewSource(
            title="Earlier",
            body="Earlier text.",
            outlet="Shafaq",
            published=date(2024, 2, 1),
            published_ambiguous=True,
            published_alternatives=(date(2024, 1, 2), date(2024, 2, 1)),
            published_text="01-02-2024",
        )
    )
    library.sources.resolve_date(earlier.id, date(2024, 2, 1))  # the analyst: month first
    (tmp_path / "new.txt").write_text(
        "Budget vote delayed again\n\n03-04-2024\n\n"
        "Parliament postponed the budget vote. Copyright 2024 Shafaq\n\n"
        "Deputies said the session would be rescheduled.",
        encoding="utf-8",
    )
    (result,) = import_paths(library, [tmp_path / "new.txt"]).results
    detail = library.sources.get(result.source_id)
    assert detail.published == date(2024, 3, 4)
    assert not detail.published_ambiguous


def test_without_evidence_the_date_stays_ambiguous(library, tmp_path):
    (tmp_path / "new.txt").write_text(
        "Budget vote delayed again\n\n03-04-2024\n\n"
        "Parliament postponed the budget vote, deputies said.",
        encoding="utf-8",
    )
    (result,) = import_paths(library, [tmp_path / "new.txt"]).results
    detail = library.sources.get(result.source_id)
    assert detail.published_ambiguous
    assert detail.published == date(2024, 4, 3)
    assert detail.published_alternatives == (date(2024, 4, 3), date(2024, 3, 4))


def test_paste_plain_text(library):
    text = RUDAW.read_text(encoding="utf-8")
    result = import_text(library, text, tags=("iraq",))
    assert result.status == "imported"
    detail = library.sources.get(result.source_id)
    assert detail.original_format == "paste"
    assert detail.title.startswith("Pentagon sending")
    assert detail.tags == ("iraq",)
    original = library.sources.original(result.source_id)
    assert original.data == text.encode("utf-8") and original.filename == ""
    again = import_text(library, text)
    assert again.status == "duplicate" and again.source_id == result.source_id


def test_paste_html_keeps_the_html_as_original(library):
    result = import_text(library, "plain fallback", html=ARTICLE_HTML)
    assert result.status == "imported"
    detail = library.sources.get(result.source_id)
    assert detail.outlet == "Rudaw"
    assert detail.body.startswith("ERBIL")
    original = library.sources.original(result.source_id)
    assert original.media_type == "text/html" and original.filename == ""
    assert original.data == ARTICLE_HTML.encode("utf-8")


def test_empty_paste_fails_cleanly(library):
    result = import_text(library, "   \n")
    assert result.status == "failed"
    assert result.message == "nothing to import: the pasted text is empty"


def test_report_counts():
    report = ImportReport(
        (
            ImportResult("a", "imported", 1, ""),
            ImportResult("b", "duplicate", 1, ""),
            ImportResult("c", "duplicate", 1, ""),
            ImportResult("d", "failed", None, "x"),
        )
    )
    assert (report.imported, report.duplicates, report.failed, report.ok) == (1, 2, 1, False)
    assert report.summary() == "1 imported, 2 duplicates, 1 failed"


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.md", "a.eml", "a.pdf", "a.docx", "a.mhtml"])
def test_every_reader_refuses_random_bytes_without_raising(library, tmp_path, name):
    import random

    rng = random.Random(name)
    (tmp_path / name).write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (result,) = import_paths(library, [tmp_path / name]).results
    assert result.status == "failed" and result.message and "\n" not in result.message


def test_broken_workers_fall_back_to_parsing_here(library, tmp_path, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class DeadPool:
        def __init__(self, *args, **kwargs):
            pass

        def submit(self, *args, **kwargs):
            future = Future()
            future.set_exception(BrokenProcessPool("worker died"))
            return future

        def shutdown(self, *args, **kwargs):
            pass

    monkeypatch.setattr(importer_module, "ProcessPoolExecutor", DeadPool)
    for i in range(10):
        (tmp_path / f"s{i}.txt").write_text(story(i), encoding="utf-8")
    report = import_paths(library, [tmp_path])
    assert report.imported == 10 and report.ok
