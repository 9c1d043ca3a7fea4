"""The editable metadata of one source and its Admiralty reliability grade.

The form only collects what the analyst typed; the window sends it to core, whose
one-line errors name the field to fix.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.core import suspect
from briefer.core.records import RELIABILITY, SourceDetail
from briefer.gui.icons import icon


def reliability_combo() -> QComboBox:
    combo = QComboBox()
    for grade, meaning in RELIABILITY.items():
        combo.addItem(f"{grade} — {meaning}", grade)
    # The long meanings must not widen the details pane; the popup shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


class SourceDetailsForm(QWidget):
    """Title, outlet, authors, date (both readings offered when ambiguous), dateline,
    URL, language, notes and reliability."""

    # source id, the fields that changed (names as SourceService.update takes them)
    changes_submitted = Signal(int, dict)
    # source id, the reading of an ambiguous date the analyst picked
    date_chosen = Signal(int, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source: SourceDetail | None = None
        self.title = QLineEdit()
        self.outlet = QLineEdit()
        self.authors = QLineEdit()
        self.authors.setPlaceholderText("Names, separated by commas")
        self.published = QLineEdit()
        self.published.setPlaceholderText("YYYY-MM-DD")
        self.ambiguity = QLabel()
        self.ambiguity.setWordWrap(True)
        self.ambiguity.setTextFormat(Qt.TextFormat.PlainText)
        self.reading_buttons: list[QPushButton] = []
        self.readings = QHBoxLayout()
        self.dateline = QLineEdit()
        self.url = QLineEdit()
        self.language = QLineEdit()
        self.language.setPlaceholderText("e.g. en, ar, ckb")
        self.reliability = reliability_combo()
        self.reliability.setToolTip(
            "Admiralty grade of the source: A completely reliable … E unreliable, "
            "F reliability cannot be judged"
        )
        # Suspect metadata (core/suspect.py): shown above the form until it is fixed.
        self.suspect_warning = QLabel()
        self.suspect_warning.setObjectName("suspectWarning")
        self.suspect_warning.setWordWrap(True)
        self.suspect_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.suspect_warning.setVisible(False)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Your notes on this source")
        self.save_button = QPushButton(icon("save"), "Save Details")
        self.save_button.setShortcut("Ctrl+Return")
        self.save_button.setToolTip("Save the details (Ctrl+Return)")

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Outlet", self.outlet)
        form.addRow("&Authors", self.authors)
        form.addRow("&Published", self.published)
        form.addRow("", self.ambiguity)
        form.addRow("", self.readings)
        form.addRow("&Dateline", self.dateline)
        form.addRow("&URL", self.url)
        form.addRow("&Language", self.language)
        form.addRow("&Reliability", self.reliability)
        form.addRow("&Notes", self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.suspect_warning)
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.save_button.clicked.connect(self.submit)
        self.setEnabled(False)

    def set_source(self, source: SourceDetail) -> None:
        self.source = source
        self.setEnabled(True)
        self.title.setText(source.title)
        self.outlet.setText(source.outlet)
        self.authors.setText(", ".join(source.authors))
        self.published.setText(source.published.isoformat() if source.published else "")
        self.dateline.setText(source.dateline)
        self.url.setText(source.url)
        self.language.setText(source.language)
        self.reliability.setCurrentIndex(self.reliability.findData(source.reliability))
        self.notes.setPlainText(source.notes)
        for field in (self.title, self.outlet, self.authors, self.dateline, self.url):
            field.setCursorPosition(0)
        self._show_readings(source)
        self._show_suspect(source)

    def _show_suspect(self, source: SourceDetail) -> None:
        reasons = suspect.reasons(source)
        self.suspect_warning.setVisible(bool(reasons))
        self.suspect_warning.setText(
            f"⚠ Check before citing: {', '.join(reasons)}." if reasons else "")

    def _show_readings(self, source: SourceDetail) -> None:
        for button in self.reading_buttons:
            self.readings.removeWidget(button)
            button.deleteLater()
        self.reading_buttons = []
        ambiguous = source.published_ambiguous and len(source.published_alternatives) > 1
        self.ambiguity.setVisible(ambiguous)
        if not ambiguous:
            return
        self.ambiguity.setText(
            f"The article prints “{source.published_text}”, which reads two ways. Which is it?"
        )
        for reading in source.published_alternatives:
            button = QPushButton(f"{reading:%d %B %Y}")
            button.setProperty("reading", reading.isoformat())
            button.clicked.connect(lambda _=False, d=reading: self._choose(d))
            self.readings.addWidget(button)
            self.reading_buttons.append(button)

    def _choose(self, reading: date) -> None:
        if self.source is not None:
            self.date_chosen.emit(self.source.id, reading)

    def changes(self) -> dict:
        """Only what differs from the stored source, so a save touches nothing else."""
        src = self.source
        if src is None:
            return {}
        typed = {
            "title": self.title.text().strip(),
            "outlet": self.outlet.text().strip(),
            "authors": tuple(a.strip() for a in self.authors.text().split(",") if a.strip()),
            "dateline": self.dateline.text().strip(),
            "url": self.url.text().strip(),
            "language": self.language.text().strip(),
            "reliability": self.reliability.currentData(),
            "notes": self.notes.toPlainText(),
        }
        changes = {k: v for k, v in typed.items() if v != getattr(src, k)}
        published = self.published.text().strip()
        if published != (src.published.isoformat() if src.published else ""):
            changes["published"] = published or None
            changes["published_precision"] = "day" if published else "unknown"
            changes["published_ambiguous"] = False
        return changes

    def submit(self) -> None:
        changes = self.changes()
        if self.source is not None and changes:
            self.changes_submitted.emit(self.source.id, changes)
