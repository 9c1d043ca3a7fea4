"""The import summary names the files that were not imported (issue 12)."""

from __future__ import annotations

from briefer.gui.dialogs.import_report import FEW, ImportReportDialog
from briefer.ingest.importer import ImportReport, ImportResult
from tests.conftest import SAMPLE
from tests.gui.window_support import wait_for_import_report


def finished(qtbot, window, paths):
    window.imports.import_paths(paths)
    return wait_for_import_report(qtbot, window)


def test_few_failed_and_skipped_files_are_named_in_the_message(qtbot, window, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    box = finished(qtbot, window, [folder])
    assert isinstance(box, ImportReportDialog)
    assert box.text() == "1 imported, 0 duplicates, 1 failed, 1 skipped"
    assert box.list is None and box.details is not None
    first, second = box.details.text().splitlines()
    assert first.startswith("empty.txt — failed: ")
    assert second == "photo.jpg — skipped: not a kind of file Briefer reads"


def test_many_are_listed_in_a_resizable_list(qtbot, tmp_path):
    results = tuple(
        ImportResult(str(tmp_path / f"f{i}.doc"), "failed", None, "unsupported file type .doc")
        for i in range(FEW + 3)
    )
    box = ImportReportDialog(ImportReport(results))
    qtbot.addWidget(box)
    assert box.details is None and box.list is not None
    assert box.list.count() == FEW + 3
    assert box.list.item(0).text() == "f0.doc — failed: unsupported file type .doc"
    assert box.isSizeGripEnabled()
    box.show()
    box.resize(box.width() + 200, box.height() + 200)
    qtbot.waitUntil(lambda: box.list.height() > 200)
