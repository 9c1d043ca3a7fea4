"""The summary at the end of an import: the counts, then every file that was not
imported, by name. A few (FEW or fewer) are named in the message itself; more go in
a list the analyst can resize and scroll."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs.base import BrieferDialog

FEW = 5
# Failures first: they are what the analyst must act on.
ORDER = {"failed": 0, "skipped": 1, "duplicate": 2}


def report_lines(report) -> list[str]:
    """One line per file not imported: "name — failed: reason"."""
    left = sorted(
        (r for r in report.results if r.status != "imported"),
        key=lambda r: ORDER.get(r.status, 3),
    )
    lines = []
    for r in left:
        reason = r.message.removeprefix("skipped: ")
        status = "" if reason.startswith(r.status) else f"{r.status}: "
        lines.append(f"{Path(r.path).name} — {status}{reason}")
    return lines


class ImportReportDialog(BrieferDialog):
    def __init__(self, report, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import finished")
        self.setSizeGripEnabled(True)
        self.lines = report_lines(report)
        style = self.style()
        kind = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if report.failed
            else (QStyle.StandardPixmap.SP_MessageBoxInformation)
        )
        self.icon = QLabel()
        self.icon.setPixmap(style.standardIcon(kind).pixmap(32, 32))
        self.summary = QLabel(report.summary())
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.icon)
        layout.addWidget(self.summary)
        # Few: named in the message itself. Many: a list that grows with the dialog.
        self.details: QLabel | None = None
        self.list: QListWidget | None = None
        if 0 < len(self.lines) <= FEW:
            self.details = QLabel("\n".join(self.lines))
            self.details.setTextFormat(Qt.TextFormat.PlainText)
            self.details.setWordWrap(True)
            self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.details)
        elif self.lines:
            self.list = QListWidget()
            self.list.addItems(self.lines)
            layout.addWidget(self.list, 1)
            self.resize(560, 380)
        # The long report remembers the size the analyst gave it; the short one fits.
        self.settings_name = "ImportReportDialog" if self.list else "ImportReportDialog.short"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.summary.text()

    def shown_text(self) -> str:
        """Everything the dialog names, for tests and screen readers alike."""
        listed = [self.list.item(i).text() for i in range(self.list.count())] if self.list else []
        details = self.details.text() if self.details else ""
        return "\n".join([self.text(), details, *listed])
