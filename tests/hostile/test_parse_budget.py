"""Issue 14, item 10: a PDF that would keep a reader busy for hours is refused.

The hostile file is 1,999 pages that all draw one heavy content stream (about 360 KB
on disk). Each file's parse has a CPU budget per page and in total (ingest/budget.py);
past it the file is refused with a one-line reason, and a cancel stops it mid-file.
"""

from __future__ import annotations

import pytest

from briefer.cli import main
from briefer.core.library import Library
from briefer.ingest import budget, import_paths, parse_bytes
from briefer.ingest.errors import IngestError
from tests.hostile.pdfs import build_pdf, text_ops


def heavy_pdf(pages: int, lines: int = 2000) -> bytes:
    return build_pdf(text_ops(lines), pages=pages)


def test_the_total_budget_refuses_a_file(monkeypatch):
    monkeypatch.setattr(budget, "TOTAL_SECONDS", 0.5)
    with pytest.raises(IngestError, match=r"took more than 0\.5 s of CPU to read"):
        parse_bytes(heavy_pdf(200), "heavy.pdf")


def test_the_page_budget_refuses_a_file_naming_the_page(monkeypatch):
    monkeypatch.setattr(budget, "PAGE_SECONDS", 0.2)
    with pytest.raises(IngestError, match=r"page 1 took more than 0\.2 s"):
        parse_bytes(heavy_pdf(2, lines=20000), "heavy.pdf")


def test_within_the_budget_the_same_stream_imports(monkeypatch):
    new = parse_bytes(heavy_pdf(2, lines=200), "fine.pdf")
    assert "Line 199 of a heavy page." in new.body


def test_a_budget_stops_code_that_swallows_exceptions():
    def stubborn():
        while True:
            try:
                while True:
                    pass
            except Exception:  # a reader's broad except must not keep it alive
                continue

    with pytest.raises(IngestError, match="took more than"), budget.budgeted(total=0.2):
        stubborn()


# Python reports the stop the finaliser raised as "Exception ignored": that is the case.
@pytest.mark.filterwarnings("ignore:Exception ignored in:pytest.PytestUnraisableExceptionWarning")
def test_a_stop_landing_in_a_finaliser_is_raised_again():
    landed = []

    class Busy:
        def __del__(self):
            try:
                while True:
                    pass
            except budget.ParseStopped:
                landed.append(True)
                raise  # a finaliser's exception goes nowhere: Python ignores it

    with pytest.raises(IngestError, match="took more than"), budget.budgeted(total=0.2):
        Busy()  # finalised at once, where the first stop lands
        while True:
            pass
    assert landed == [True]


def test_the_command_line_refuses_it_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(budget, "TOTAL_SECONDS", 0.5)
    pdf = tmp_path / "heavy.pdf"
    pdf.write_bytes(heavy_pdf(200))
    code = main(["--library", str(tmp_path / "lib.briefer"), "import", str(pdf)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[0] == f"failed {pdf}: took more than 0.5 s of CPU to read; not imported"


def test_cancel_stops_a_file_mid_parse(library_path, tmp_path):
    pdf = tmp_path / "heavy.pdf"
    pdf.write_bytes(heavy_pdf(1999, lines=20000))
    asked = []

    def should_cancel() -> bool:
        asked.append(1)
        return len(asked) > 5  # the budget's watcher asks while the file is read

    with Library.open(library_path) as lib:
        report = import_paths(lib, [pdf], should_cancel=should_cancel)
        assert lib.sources.list() == []
    assert report.cancelled and report.not_processed == 1 and report.results == ()


@pytest.mark.slow
def test_the_full_size_hostile_pdf_is_refused(tmp_path, capsys):
    data = heavy_pdf(1999, lines=20000)
    assert 300_000 < len(data) < 400_000
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(data)
    code = main(["--library", str(tmp_path / "lib.briefer"), "import", str(pdf)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[0].startswith(f"failed {pdf}: ")
    assert "of CPU to read; not imported" in err
