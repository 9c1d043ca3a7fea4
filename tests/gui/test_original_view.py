"""The source tab opens the original read-only and offline, and saves it out."""

from __future__ import annotations

import stat

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from briefer.core.records import NewSource, OriginalFile
from briefer.gui.original_view import OriginalDialog

PAGE = (
    b"<html><head><script>TRACKING()</script><link rel=stylesheet "
    b"href='https://cdn.example.org/s.css'></head><body><img src='https://cdn.example.org/"
    b"x.png'><p>The minister said the bridge would open in May.</p></body></html>"
)


def test_source_tab_opens_the_original_read_only(qtbot, window, library, tmp_path, monkeypatch):
    src = library.sources.add(
        NewSource(
            title="Bridge to open in May",
            body="The minister said the bridge would open in May.",
            original=OriginalFile(PAGE, "bridge.html", "text/html"),
        )
    )
    tab = window.sources.open_source(src.id)
    tab.original_button.click()
    dialog = window.sources.original_dialog
    assert isinstance(dialog, OriginalDialog)
    assert dialog.text_view.isReadOnly() and dialog.source_view.isReadOnly()
    assert "the bridge would open in May" in dialog.text_view.toPlainText()
    assert "TRACKING" not in dialog.text_view.toPlainText()
    assert "<img src=" in dialog.source_view.toPlainText()  # shown as text, not loaded
    assert not dialog.viewer_button.isEnabled()  # a browser would fetch the page's links

    target = tmp_path / "bridge-copy.html"
    monkeypatch.setattr(dialog, "ask_save_path", lambda: str(target))
    dialog.save_button.click()
    assert target.read_bytes() == PAGE
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    dialog.close()


def test_a_pdf_original_opens_in_the_system_viewer_from_a_private_copy(qtbot, library, monkeypatch):
    src = library.sources.add(
        NewSource(
            title="Report",
            body="Report text.",
            original=OriginalFile(b"%PDF-1.4 fake", "report.pdf", "application/pdf"),
        )
    )
    dialog = OriginalDialog(library.sources.original(src.id), "Report")
    qtbot.addWidget(dialog)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    assert dialog.viewer_button.isEnabled()
    dialog.viewer_button.click()
    (url,) = opened
    path = QUrl(url).toLocalFile()
    with open(path, "rb") as fh:
        assert fh.read() == b"%PDF-1.4 fake"
    import os

    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
