"""Help › About: the version, the library in use, and the licence notices of what the
app includes (briefer.notices reads them from the packages' metadata)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefer import __version__
from briefer.gui.dialogs.base import BrieferDialog
from briefer.gui.icons import app_icon
from briefer.notices import notices_text

QT_NOTICE = (
    "Qt and PySide6 are used under the GNU Lesser General Public License version 3: "
    "their libraries are separate files in the app's folder and can be replaced."
)


class AboutDialog(BrieferDialog):
    def __init__(self, library_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About Briefer")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        self.title = QLabel(
            f"<b>Briefer {__version__}</b><br>Offline sources, excerpts and briefs."
        )
        self.title.setTextFormat(Qt.TextFormat.RichText)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(self.title, 1)
        self.library = QLabel(f"Library: {library_path}" if library_path else "")
        self.library.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.library.setWordWrap(True)
        heading = QLabel("Software included, and its licences:")
        self.notices = QPlainTextEdit(f"{notices_text()}\n\n{QT_NOTICE}")
        self.notices.setReadOnly(True)
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.library)
        layout.addWidget(heading)
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)


def open_about(parent: QWidget, library_path: Path | None) -> AboutDialog:
    """Shows the dialog without blocking; the caller keeps the returned reference."""
    dialog = AboutDialog(library_path, parent)
    dialog.open()
    return dialog
