"""The editable metadata of one source and its Admiralty reliability grade.

The form saves itself, as briefs do: a field is submitted when the analyst leaves it,
picks a grade, or pauses typing for AUTOSAVE_MS; Ctrl+Return saves at once. The form
only collects what changed; the window runs the save on its worker and answers with
saved() or save_failed(). Until then the form shows "Edited"/"Saving…", keeps what the
analyst typed, and flush() (closing the tab, quitting) waits for the save.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
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

AUTOSAVE_MS = 1500


def reliability_combo() -> QComboBox:
    """Ungraded first (its data ""), then A to F with their meanings."""
    combo = QComboBox()
    combo.addItem("Ungraded — not judged yet", "")
    for grade, meaning in RELIABILITY.items():
        combo.addItem(f"{grade} — {meaning}", grade)
    # The long meanings must not widen the details pane; the popup shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


class SourceDetailsForm(QWidget):
    """Title, outlet, authors, date (both readings offered when ambiguous), dateline,
    URL, language, notes and reliability; saved as the analyst goes."""

    # source id, the fields that changed (names as SourceService.update takes them)
    changes_submitted = Signal(int, dict)
    # source id, the reading of an ambiguous date the analyst picked
    date_chosen = Signal(int, object)
    # "saved", "edited", "saving", "failed" or "read-only": the tab shows a mark
    state_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source: SourceDetail | None = None
        self.read_only = False
        self.state = "saved"
        self.error = ""
        self._saving = False
        self._loading = False
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
            "F reliability cannot be judged; Ungraded until you judge it"
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
        self.save_state = QLabel()
        self.save_state.setTextFormat(Qt.TextFormat.PlainText)
        self.save_state.setWordWrap(True)
        self.save_button = QPushButton(icon("save"), "Save Now")
        self.save_button.setShortcut("Ctrl+Return")
        self.save_button.setToolTip(
            "Details save by themselves as you leave a field; this saves at once (Ctrl+Return)"
        )
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)

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
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_state, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.suspect_warning)
        layout.addLayout(form)
        layout.addLayout(bottom)
        self._wire()
        self.setEnabled(False)

    def _wire(self) -> None:
        for field in self._line_fields():
            field.textEdited.connect(self._edited)
            field.editingFinished.connect(self.submit)
        self.notes.textChanged.connect(self._edited)
        self.notes.installEventFilter(self)
        # A grade is one deliberate choice: saved at once.
        self.reliability.currentIndexChanged.connect(self._grade_changed)
        self.save_button.clicked.connect(self.submit)
        self._autosave.timeout.connect(self.submit)

    def _line_fields(self) -> tuple[QLineEdit, ...]:
        return (self.title, self.outlet, self.authors, self.published, self.dateline,
                self.url, self.language)  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.submit()
        return super().eventFilter(watched, event)

    # -- showing -----------------------------------------------------------------------

    def set_source(self, source: SourceDetail) -> None:
        """Show the stored source. For the same source, a field the analyst has
        edited and not yet saved keeps what they typed; the others follow the store."""
        same = self.source is not None and self.source.id == source.id
        before = self._shown(self.source) if same and self.source is not None else None
        current = self._current()
        self.source = source
        self.setEnabled(True)
        shown = self._shown(source)
        self._loading = True
        try:
            for name, value in shown.items():
                if before is None or current[name] == before[name]:
                    self._put(name, value)
        finally:
            self._loading = False
        if before is None:
            for field in (self.title, self.outlet, self.authors, self.dateline, self.url):
                field.setCursorPosition(0)
        self._show_readings(source)
        self._show_suspect(source)
        if not self._saving:
            self._set_state(self._resting_state())

    def set_read_only(self, read_only: bool) -> None:
        """A read-only library: the details show, nothing takes an edit."""
        self.read_only = read_only
        for field in self._line_fields():
            field.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        self.reliability.setEnabled(not read_only)
        self.save_button.setEnabled(not read_only)
        for button in self.reading_buttons:
            button.setEnabled(not read_only)
        self._set_state(self._resting_state())

    @staticmethod
    def _shown(src: SourceDetail | None) -> dict:
        """A stored source as the form shows it, field by field."""
        if src is None:
            return {}
        return {
            "title": src.title,
            "outlet": src.outlet,
            "authors": tuple(src.authors),
            "published": src.published.isoformat() if src.published else "",
            "dateline": src.dateline,
            "url": src.url,
            "language": src.language,
            "reliability": src.reliability or "",
            "notes": src.notes,
        }

    def _current(self) -> dict:
        """What the fields hold now, in the form _shown() gives."""
        return {
            "title": self.title.text().strip(),
            "outlet": self.outlet.text().strip(),
            "authors": tuple(a.strip() for a in self.authors.text().split(",") if a.strip()),
            "published": self.published.text().strip(),
            "dateline": self.dateline.text().strip(),
            "url": self.url.text().strip(),
            "language": self.language.text().strip(),
            "reliability": self.reliability.currentData(),
            "notes": self.notes.toPlainText(),
        }

    def _put(self, name: str, value) -> None:
        if name == "authors":
            self.authors.setText(", ".join(value))
        elif name == "reliability":
            self.reliability.setCurrentIndex(self.reliability.findData(value))
        elif name == "notes":
            if self.notes.toPlainText() != value:
                self.notes.setPlainText(value)
        else:
            field = getattr(self, name)
            if field.text() != value:
                field.setText(value)

    def _show_suspect(self, source: SourceDetail) -> None:
        reasons = suspect.reasons(source)
        self.suspect_warning.setVisible(bool(reasons))
        self.suspect_warning.setText(
            f"⚠ Check before citing: {', '.join(reasons)}." if reasons else ""
        )

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
            button.setEnabled(not self.read_only)
            button.clicked.connect(lambda _=False, d=reading: self._choose(d))
            self.readings.addWidget(button)
            self.reading_buttons.append(button)

    def _choose(self, reading: date) -> None:
        if self.source is not None and not self.read_only:
            self.date_chosen.emit(self.source.id, reading)

    # -- saving ------------------------------------------------------------------------

    def changes(self) -> dict:
        """Only what differs from the stored source, so a save touches nothing else."""
        src = self.source
        if src is None:
            return {}
        stored = self._shown(src)
        typed = self._current()
        changes = {k: v for k, v in typed.items() if v != stored[k] and k != "published"}
        published = typed["published"]
        if published != stored["published"]:
            changes["published"] = published or None
            changes["published_precision"] = "day" if published else "unknown"
            changes["published_ambiguous"] = False
        return changes

    def previous_values(self, changes: dict) -> dict:
        """The stored values of the fields in changes: what Undo puts back."""
        src = self.source
        if src is None:
            return {}
        return {key: getattr(src, key) for key in changes}

    @property
    def dirty(self) -> bool:
        return bool(self.changes())

    @property
    def saving(self) -> bool:
        return self._saving

    def _edited(self, *_args) -> None:
        if self._loading or self.source is None or self.read_only:
            return
        self._set_state(self._resting_state())
        self._autosave.start(AUTOSAVE_MS)

    def _grade_changed(self, _index: int) -> None:
        if not self._loading:
            self.submit()

    def submit(self) -> None:
        """Send what changed to the window to save (at most one save at a time)."""
        self._autosave.stop()
        if self.source is None or self.read_only or self._saving:
            return
        changes = self.changes()
        if not changes:
            self._set_state(self._resting_state())
            return
        self._saving = True
        self._set_state("saving")
        self.changes_submitted.emit(self.source.id, changes)

    def saved(self, source: SourceDetail) -> None:
        """The window's answer: the save is in the library."""
        self._saving = False
        self.error = ""
        self.set_source(source)
        if self.dirty:
            self.submit()  # typed on while the save ran

    def save_failed(self, message: str) -> None:
        """The window's answer: nothing was saved; what was typed stays here."""
        self._saving = False
        self.error = message
        self._set_state("failed")

    def flush(self, timeout_ms: int = 10_000) -> bool:
        """Save now and wait for it (closing the tab or the window); True when saved."""
        if self.read_only or self.source is None:
            return True
        self.submit()
        deadline = time.monotonic() + timeout_ms / 1000
        loop = QEventLoop()
        while self._saving and time.monotonic() < deadline:
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return not self._saving and not self.dirty

    def _resting_state(self) -> str:
        if self.read_only:
            return "read-only"
        if self.dirty:
            return "failed" if self.error else "edited"
        return "saved"

    def _set_state(self, state: str) -> None:
        self.state = state
        text = {
            "saved": "Saved",
            "edited": "● Edited — saves when you leave the field",
            "saving": "Saving…",
            "failed": "● Not saved",
            "read-only": "Read-only",
        }[state]
        self.save_state.setText(text)
        self.save_state.setToolTip(self.error if state == "failed" else text)
        self.state_changed.emit(state)
