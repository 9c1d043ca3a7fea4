"""Issue 14, item 10 in the window: an import is cancelled mid-file.

A hostile PDF that would take over an hour stops when the analyst presses Cancel:
the report says cancelled, nothing was stored, and the window stays usable.
"""

from __future__ import annotations

from briefer.gui.main_window import MainWindow
from tests.gui.window_support import wait_for_import_report
from tests.hostile.pdfs import build_pdf, text_ops


def test_cancel_stops_the_import_of_a_file_mid_parse(qtbot, library, tmp_path):
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(build_pdf(text_ops(20000), pages=1999))
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.imports.import_paths([pdf])
    job = window.imports.job
    qtbot.wait(500)  # the reader is inside the file by now
    window.imports.progress.canceled.emit()  # the dialog's Cancel button
    assert job.cancelled()
    box = wait_for_import_report(qtbot, window, timeout=60_000)
    assert "cancelled, 1 not processed" in box.text()
    assert library.sources.count() == 0
