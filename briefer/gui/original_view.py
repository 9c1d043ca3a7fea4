"""See the original: the stored bytes of a source, read-only and offline.

The page's visible text and its markup are shown as plain text (QPlainTextEdit renders
no HTML, so nothing the page references is ever loaded, remote or local). PDF and Word
originals open in the system viewer from a private temporary copy (0600); an HTML page
is not handed to a browser, which would fetch what it references. Save Original As…
writes the bytes out unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefer.core.errors import BrieferError
from briefer.core.records import OriginalRecord
from briefer.gui.dialogs.base import BrieferDialog
from briefer.ingest import original as originals


def _viewer(text: str, *, fixed: bool = False) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setPlainText(text)
    if fixed:
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return view


class OriginalDialog(BrieferDialog):
    """The original of one source: its text, its markup, Save As, system viewer."""

    def __init__(self, record: OriginalRecord, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(f"Original of “{title}”")
        self.resize(760, 560)
        size = f"{record.size / 1024:.0f} KB" if record.size >= 1024 else f"{record.size} B"
        name = record.filename or "pasted"
        self.info = QLabel(
            f"{name} — {record.media_type}, {size}, imported "
            f"{record.imported.astimezone():%d %b %Y %H:%M}. Read-only; "
            "nothing it references is loaded."
        )
        self.info.setWordWrap(True)
        self.tabs = QTabWidget()
        self.text_view: QPlainTextEdit | None = None
        self.source_view: QPlainTextEdit | None = None
        if originals.is_text(record):
            self.text_view = _viewer(originals.readable_text(record))
            self.tabs.addTab(self.text_view, "Text")
            if originals.is_html(record) or record.media_type.startswith("message/"):
                self.source_view = _viewer(originals.source_text(record), fixed=True)
                self.tabs.addTab(self.source_view, "Source")
        else:
            self.tabs.addTab(
                QLabel(f"A {record.media_type} file: open it in the system viewer or save it."),
                "File",
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(
            "Save Original As…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.viewer_button = buttons.addButton(
            "Open in System Viewer", QDialogButtonBox.ButtonRole.ActionRole
        )
        # A browser given the page would fetch its images, scripts and styles.
        self.viewer_button.setEnabled(
            not originals.is_html(record) and record.media_type != "multipart/related"
        )
        if not self.viewer_button.isEnabled():
            self.viewer_button.setToolTip(
                "Not for web pages: a browser would load what the page references from the network"
            )
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_as)
        self.viewer_button.clicked.connect(self.open_in_viewer)

    def ask_save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save Original As", str(Path.home() / originals.suggested_name(self.record))
        )
        return path

    def save_as(self) -> Path | None:
        path = self.ask_save_path()
        if not path:
            return None
        try:
            # The file dialog has already asked before replacing an existing file.
            originals.save(self.record, Path(path), replace=True)
        except BrieferError as exc:
            QMessageBox.warning(self, "Save Original As", str(exc))
            return None
        return Path(path)

    def open_in_viewer(self) -> Path | None:
        try:
            path = originals.write_private_copy(self.record)
        except BrieferError as exc:
            QMessageBox.warning(self, "Open original", str(exc))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path
