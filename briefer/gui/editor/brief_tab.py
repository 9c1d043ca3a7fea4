"""One open brief: its details, the editor, and saving that never loses typing.

Saves happen by themselves: AUTOSAVE_MS after typing pauses, when the editor loses
focus, on close, and at once on Ctrl+S; nothing ever asks "save changes?". A failed save
(a full disk) keeps the text here, says so in a bar that does not block, and is tried
again on the next timer. A version is kept at most every SNAPSHOT_SECONDS while editing,
and on demand with a note.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefer.core import document
from briefer.core.errors import InvalidInput
from briefer.core.markings import TLP_COLOURS, TLP_LABELS, normalize_marking, tlp_label
from briefer.core.records import BRIEF_STATUSES, BriefDetail
from briefer.core.tradecraft import portions
from briefer.gui.editor.editor_widget import BriefEditor
from briefer.gui.editor.find_replace import FindReplaceBar
from briefer.gui.editor.history import HistoryDialog
from briefer.gui.editor.picker import ExcerptPicker
from briefer.gui.editor.portion_marks import as_body

AUTOSAVE_MS = 1500
RETRY_MS = 2000
SNAPSHOT_SECONDS = 600.0
STATUS_LABELS = {"draft": "Draft", "in review": "In review", "final": "Final"}


class MessageBar(QFrame):
    """One line about a problem, above the text; it never takes the keyboard."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(255, 236, 179))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(60, 40, 0))
        self.setPalette(palette)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text.splitlines()[0] if text else "")
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class BriefTab(QWidget):
    title_changed = Signal(str)
    excerpt_activated = Signal(int)
    saved = Signal(int)  # the brief's version after the save
    details_changed = Signal()  # title, status or marking: the navigator's row changed
    loaded = Signal()

    def __init__(self, library, worker, brief_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.worker = worker
        self.brief_id = brief_id
        # A library open read-only: the brief shows, takes no typing, never saves.
        self.read_only = bool(getattr(library, "read_only", False))
        self.version: int | None = None
        self.detail: BriefDetail | None = None
        self._edits = 0  # counts every change to text or details
        self._saved_edits = 0
        self._saving = False
        self._pending_note: str | None = None
        self._after_save: list[Callable[[], None]] = []
        self._last_body: dict | None = None
        self._last_meta: dict[str, str] = {}
        self._last_snapshot = time.monotonic()
        self._loading = True
        self._history: HistoryDialog | None = None

        self.title_field = QLineEdit()
        self.title_field.setPlaceholderText("Title")
        font = self.title_field.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_field.setFont(font)
        self.subject_field = QLineEdit()
        self.subject_field.setPlaceholderText("What the brief is about")
        self.author_field = QLineEdit()
        self.author_field.setPlaceholderText("Author")
        self.marking_box = QComboBox()
        self.marking_box.setEditable(True)
        self.marking_box.addItem("")
        self.marking_box.addItems([f"TLP:{label}" for label in TLP_LABELS])
        self.marking_box.setToolTip(
            "Handling marking: a TLP 2.0 label, or your own text such as OFFICIAL-SENSITIVE"
        )
        self.marking_box.lineEdit().setPlaceholderText("Marking")
        self.status_box = QComboBox()
        for status in BRIEF_STATUSES:
            self.status_box.addItem(STATUS_LABELS.get(status, status), status)
        # The title block prints "Version N (status)" and the date; the version goes
        # up with Save Version and with an export as final, never by typing.
        self.version_label = QLabel()
        self.version_label.setTextFormat(Qt.TextFormat.PlainText)
        self.version_label.setToolTip(
            "The brief's version, printed in the title block; Save Version or an "
            "export as final raises it"
        )
        self.date_field = QLineEdit()
        self.date_field.setPlaceholderText("No date")
        self.date_field.setToolTip(
            "The date printed in the title block, as YYYY-MM-DD; empty for no date"
        )
        self.date_field.setMaximumWidth(120)
        self.save_state = QLabel()
        self.save_state.setTextFormat(Qt.TextFormat.PlainText)
        self.message_bar = MessageBar()
        self.editor = BriefEditor()
        self.editor.store.fetch = self._fetch_excerpts
        self.toolbar = self.editor.make_toolbar(self)
        self.find_bar = FindReplaceBar(self.editor)
        self.find_bar.hide()
        # The tradecraft panel (ICD 203/206, portion marks) is made when first shown.
        self.tradecraft_panel = None
        self.tradecraft = None
        self.tradecraft_action = QAction("Tradecraft", self)
        self.tradecraft_action.setCheckable(True)
        self.tradecraft_action.setToolTip(
            "Check likelihood words, sourcing and portion marks (ICD 203/206) in a side panel"
        )
        self.tradecraft_button = QToolButton()
        self.tradecraft_button.setDefaultAction(self.tradecraft_action)
        self.tradecraft_button.setAutoRaise(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.editor)

        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        row = QHBoxLayout()
        row.addWidget(self.subject_field, 3)
        row.addWidget(self.author_field, 2)
        row.addWidget(QLabel("Marking"))
        row.addWidget(self.marking_box, 2)
        row.addWidget(QLabel("Status"))
        row.addWidget(self.status_box, 1)
        row.addWidget(self.version_label)
        row.addWidget(QLabel("Date"))
        row.addWidget(self.date_field)
        top = QHBoxLayout()
        top.addWidget(self.title_field, 1)
        top.addWidget(self.save_state)
        top.addWidget(self.tradecraft_button)
        details.addRow(top)
        details.addRow(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        layout.addLayout(details)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self.setEnabled(False)
        self.save_state.setText("Opening…")
        self._wire()
        self.reload()

    def _wire(self) -> None:
        self.editor.contents_changed.connect(self._edited)
        self.editor.focus_left.connect(self.save_now)
        self.editor.excerpt_activated.connect(self.excerpt_activated)
        self.editor.message.connect(self.message_bar.show_message)
        for field in (self.title_field, self.subject_field, self.author_field):
            field.textEdited.connect(self._edited)
            field.editingFinished.connect(self.save_now)
        self.date_field.textEdited.connect(self._edited)
        self.date_field.editingFinished.connect(self._date_finished)
        self.marking_box.currentTextChanged.connect(self._marking_edited)
        self.marking_box.lineEdit().editingFinished.connect(self._marking_finished)
        self.marking_box.textActivated.connect(lambda _t: self._marking_finished())
        self.editor.portions_changed.connect(self._portions_changed)
        self.status_box.currentIndexChanged.connect(lambda _i: self._edited())
        self._autosave.timeout.connect(self.save_now)
        self.tradecraft_action.toggled.connect(self.show_tradecraft)

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self._loading = True
        self.worker.submit(
            "Open brief",
            lambda _p, _c: self.library.briefs.get(self.brief_id),
            on_done=self.show_detail,
            on_failed=self._open_failed,
        )

    def _open_failed(self, message: str) -> None:
        self.save_state.setText("")
        self.message_bar.show_message(message)

    def show_detail(self, detail: BriefDetail) -> None:
        """Put a brief read from the library on screen; typing starts from here."""
        self._loading = True
        self.detail = detail
        self.version = detail.version
        for widget in (self.title_field, self.subject_field, self.author_field,
                       self.marking_box, self.status_box, self.date_field):  # fmt: skip
            widget.blockSignals(True)
        self.title_field.setText(detail.title)
        self.subject_field.setText(detail.subject)
        self.author_field.setText(detail.author)
        self.marking_box.setCurrentText(detail.marking)
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(detail.status)))
        self.date_field.setText(_iso(detail.doc_date))
        for widget in (self.title_field, self.subject_field, self.author_field,
                       self.marking_box, self.status_box, self.date_field):  # fmt: skip
            widget.blockSignals(False)
        self._show_version(detail)
        self._show_marking(detail.marking)
        self.editor.set_body(detail.body)
        self._last_body = detail.body  # canonical already: core stores the normal form
        self._last_meta = self.meta()
        self._saved_edits = self._edits
        self._loading = False
        self.setEnabled(True)
        self.save_state.setText("Saved")
        if self.read_only:
            self._show_read_only()
        self._flag_placeholders(detail.body)
        self.title_changed.emit(detail.title)
        self.loaded.emit()

    def _show_read_only(self) -> None:
        self.editor.setReadOnly(True)
        self.toolbar.setEnabled(False)
        for field in (self.title_field, self.subject_field, self.author_field,
                      self.date_field):  # fmt: skip
            field.setReadOnly(True)
        self.marking_box.setEnabled(False)
        self.status_box.setEnabled(False)
        self.save_state.setText("Read-only")

    def _flag_placeholders(self, body: dict) -> None:
        """A "[paraphrase of …]" placeholder stays flagged until the analyst writes it."""
        found = document.placeholders(body)
        if found:
            self.message_bar.show_message(
                f"Paraphrase still to write ({', '.join(found)}): replace “[paraphrase of …]” "
                "with your own words; the note stays with them"
            )
        elif self.message_bar.text().startswith("Paraphrase still to write"):
            self.message_bar.hide()

    def _fetch_excerpts(self, ids: list[int], done: Callable) -> None:
        self.worker.submit(
            "Load excerpts",
            lambda _p, _c: self.library.excerpts.list(ids=ids),
            on_done=done,
            on_failed=self.message_bar.show_message,
        )

    # -- details ----------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return {
            "title": self.title_field.text().strip(),
            "subject": self.subject_field.text(),
            "author": self.author_field.text(),
            "marking": self._rolled_up(normalize_marking(self.marking_box.currentText())),
            "status": self.status_box.currentData(),
            "date": self._date_or_last(),
        }

    def _date_or_last(self) -> str:
        """What is typed in the date field, while it is not yet a date the last one."""
        typed = self._typed_date()
        return self._last_meta.get("date", "") if typed is None else typed

    def _typed_date(self) -> str | None:
        """The date field as ISO text, "" for no date, None when it is not a date."""
        text = self.date_field.text().strip()
        if not text:
            return ""
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None

    def _date_finished(self) -> None:
        typed = self._typed_date()
        if typed is None:
            self.message_bar.show_message(
                f"Date: “{self.date_field.text().strip()}” is not a date; type it as "
                "YYYY-MM-DD (for example 2026-11-30), or leave it empty for no date"
            )
            return
        if typed != self.date_field.text():
            self.date_field.setText(typed)
        if self.message_bar.text().startswith("Date:"):
            self.message_bar.hide()
        self.save_now()

    def _show_version(self, detail: BriefDetail) -> None:
        self.version_label.setText(f"Version {detail.doc_version}")

    def refresh_release(self) -> None:
        """Read the version, status and date again (an export as final changed them);
        a field being edited here keeps what was typed."""
        if self.version is None:
            return
        self.worker.submit(
            "Open brief",
            lambda _p, _c: self.library.briefs.get(self.brief_id),
            on_done=self._release_read,
            on_failed=self.message_bar.show_message,
        )

    def _release_read(self, detail: BriefDetail) -> None:
        self._show_version(detail)
        if self.meta()["status"] == self._last_meta.get("status"):
            self.status_box.blockSignals(True)
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(detail.status)))
            self.status_box.blockSignals(False)
            self._last_meta["status"] = detail.status
        if self.meta()["date"] == self._last_meta.get("date") and self._typed_date() is not None:
            self.date_field.setText(_iso(detail.doc_date))
            self._last_meta["date"] = _iso(detail.doc_date)
        self.details_changed.emit()

    def _rolled_up(self, marking: str) -> str:
        """The marking raised to the highest portion mark on screen: a brief's marking
        is never saved lower than its paragraphs."""
        try:
            return portions.roll_up(marking, as_body(self.editor.portions))
        except InvalidInput:
            return marking  # mixed marks: the save says so

    def _portions_changed(self, marks: list[str]) -> None:
        if self._loading or self.read_only:
            return
        current = normalize_marking(self.marking_box.currentText())
        try:
            rolled = portions.roll_up(current, as_body(marks))
        except InvalidInput as exc:
            self.message_bar.show_message(str(exc))
            return
        if rolled != current:
            self.marking_box.setCurrentText(rolled)  # saved like a typed marking

    def _marking_finished(self) -> None:
        """A marking below the highest portion mark is refused and put back."""
        typed = normalize_marking(self.marking_box.currentText())
        try:
            portions.refuse_lower(typed, as_body(self.editor.portions))
        except InvalidInput as exc:
            self.message_bar.show_message(str(exc))
            self.marking_box.setCurrentText(self._rolled_up(typed))
        self.save_now()

    def _marking_edited(self, text: str) -> None:
        self._show_marking(normalize_marking(text))
        self._edited()

    def _show_marking(self, marking: str) -> None:
        """A TLP label shows in its FIRST colours."""
        label = tlp_label(marking)
        if label is None:
            self.marking_box.setStyleSheet("")
            return
        fg, bg = TLP_COLOURS[label]
        self.marking_box.setStyleSheet(f"QComboBox {{ color: #{fg}; background: #{bg}; }}")

    # -- saving -----------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._edits != self._saved_edits

    @property
    def busy(self) -> bool:
        return self._saving

    def _edited(self, *_args) -> None:
        if self._loading or self.read_only:
            return
        self._edits += 1
        self.save_state.setText("Edited")
        self._autosave.start(AUTOSAVE_MS)

    def save_now(self) -> None:
        """Save whatever changed, now (Ctrl+S, focus change, the autosave timer)."""
        self._autosave.stop()
        if self._loading or self.version is None or self.read_only:
            return
        if self._saving:
            return  # the running save's end starts another if more was typed
        note, self._pending_note = self._pending_note, None
        if not self.dirty and note is None:
            self._run_after_save()
            return
        body = self.editor.body()
        meta = self.meta()
        changed_meta = {k: v for k, v in meta.items() if v != self._last_meta.get(k)}
        new_date = changed_meta.pop("date", None)
        if not meta["title"]:
            changed_meta.pop("title", None)
            self.message_bar.show_message(
                "A brief needs a title: the last one is kept until you type one"
            )
        body_changed = body != self._last_body
        snapshot = note
        now = time.monotonic()
        if snapshot is None and body_changed and now - self._last_snapshot >= SNAPSHOT_SECONDS:
            snapshot = "Kept automatically while editing"
        edits, version, brief_id = self._edits, self.version, self.brief_id
        briefs = self.library.briefs

        def save(_progress, _cancelled):
            detail = None
            # The body first: the marking may only go lower once the portion marks
            # that held it up are gone from the stored text.
            if body_changed:
                detail = briefs.save_body(brief_id, body, expected_version=version)
            if changed_meta:
                detail = briefs.update(brief_id, **changed_meta)
            if new_date is not None:
                on = date.fromisoformat(new_date) if new_date else None
                detail = briefs.set_release(brief_id, on=on, clear_date=on is None)
            if snapshot is not None:
                briefs.save_revision(brief_id, snapshot, new_version=note is not None)
                if note is not None:  # the version went up: show it
                    detail = briefs.get(brief_id)
            return detail

        self._saving = True
        self.save_state.setText("Saving…")
        self.worker.submit(
            "Save brief",
            save,
            on_done=lambda detail: self._save_done(detail, edits, body, meta, snapshot, now),
            on_failed=lambda message: self._save_failed(message, note),
        )

    def _save_done(self, detail, edits, body, meta, snapshot, started) -> None:
        self._saving = False
        title_before = self._last_meta.get("title")
        self._last_body = body
        self._last_meta = dict(meta, title=meta["title"] or title_before or "")
        self._saved_edits = edits
        if snapshot is not None:
            self._last_snapshot = started
        if detail is not None:
            self.detail = detail
            self.version = detail.version
            self._show_version(detail)
            if detail.marking != meta["marking"] and not self.dirty:
                # The library rolled the marking up: show what it holds.
                self.marking_box.blockSignals(True)
                self.marking_box.setCurrentText(detail.marking)
                self.marking_box.blockSignals(False)
                self._show_marking(detail.marking)
                self._last_meta["marking"] = detail.marking
        if self.message_bar.text().startswith("Not saved"):
            self.message_bar.hide()
        self._flag_placeholders(body)
        self.save_state.setText("Saved" if not self.dirty else "Edited")
        if meta["title"] and meta["title"] != title_before:
            self.title_changed.emit(meta["title"])
        self.details_changed.emit()
        self.saved.emit(self.version or 0)
        if self.dirty or self._pending_note is not None:
            self.save_now()
        else:
            self._run_after_save()

    def _save_failed(self, message: str, note: str | None) -> None:
        self._saving = False
        if note is not None and self._pending_note is None:
            self._pending_note = note
        self.save_state.setText("Not saved")
        logging.getLogger("briefer.brief").warning("brief %s not saved: %s", self.brief_id, message)
        self.message_bar.show_message(
            f"Not saved: {message}. Your text is kept here; trying again in "
            f"{RETRY_MS // 1000} seconds."
        )
        self._autosave.start(RETRY_MS)

    def _run_after_save(self) -> None:
        waiting, self._after_save = self._after_save, []
        for fn in waiting:
            fn()

    def when_saved(self, fn: Callable[[], None]) -> None:
        """Run fn once everything on screen is in the library."""
        if not self.dirty and not self._saving and self._pending_note is None:
            fn()
            return
        self._after_save.append(fn)
        self.save_now()

    def flush(self, timeout_ms: int = 10_000) -> bool:
        """Save now and wait for it (closing the tab or the window); True when saved."""
        if self.version is None or self.read_only:
            return True
        self.save_now()
        deadline = time.monotonic() + timeout_ms / 1000
        loop = QEventLoop()
        while (self._saving or self.dirty) and time.monotonic() < deadline:
            if not self._saving and self.dirty:
                self.save_now()
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return not self.dirty and not self._saving

    def unsaved_reason(self) -> str:
        title = self.detail.title if self.detail else "The brief"
        return f"“{title}” could not be saved: {self.message_bar.text() or 'no answer'}."

    def closeEvent(self, event) -> None:
        self.flush()
        super().closeEvent(event)

    # -- versions ---------------------------------------------------------------------

    def save_version(self, note: str = "") -> None:
        """Keep the text as it is now as a version, with the analyst's note."""
        self._pending_note = note
        if not self._saving:
            self.save_now()

    def ask_save_version(self) -> None:
        note, ok = QInputDialog.getText(
            self, "Save Version", "A note to find this version by (optional):"
        )
        if ok:
            self.save_version(note)

    def show_history(self) -> HistoryDialog:
        self.save_now()
        if self._history is None:
            self._history = HistoryDialog(self.library, self.worker, self.brief_id, self)
            self._history.restore_requested.connect(self.restore_revision)
            self.saved.connect(lambda _v: self._history and self._history.reload())
        else:
            self._history.reload()
        self._history.show()
        self._history.raise_()
        return self._history

    def restore_revision(self, revision_id: int) -> None:
        """Bring back a version once what is on screen is saved (core keeps it as a
        version before restoring)."""

        def restore() -> None:
            self.worker.submit(
                "Restore version",
                lambda _p, _c: self.library.briefs.restore_revision(revision_id),
                on_done=self._restored,
                on_failed=self.message_bar.show_message,
            )

        self.when_saved(restore)

    def _restored(self, detail: BriefDetail) -> None:
        self.show_detail(detail)
        self.saved.emit(detail.version)

    # -- tradecraft -------------------------------------------------------------------

    def show_tradecraft(self, on: bool = True) -> None:
        """Show (or hide) the tradecraft panel beside the editor; its checks and
        underlines run only while it shows."""
        if on and self.tradecraft_panel is None:
            from briefer.gui.editor.tradecraft_check import TradecraftCheck
            from briefer.gui.editor.tradecraft_panel import TradecraftPanel

            self.tradecraft_panel = TradecraftPanel()
            self.tradecraft = TradecraftCheck(self, self.tradecraft_panel)
            self.tradecraft_panel.close_requested.connect(lambda: self.show_tradecraft(False))
            self.splitter.addWidget(self.tradecraft_panel)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            width = max(self.width(), 900)
            self.splitter.setSizes([width * 3 // 5, width * 2 // 5])
        if self.tradecraft_action.isChecked() != on:
            self.tradecraft_action.setChecked(on)  # comes back here through toggled
            return
        if self.tradecraft_panel is not None:
            self.tradecraft_panel.setVisible(on)
            self.tradecraft.set_active(on)

    # -- commands for the Brief menu --------------------------------------------------

    def insert_excerpt(self) -> None:
        """Ctrl+Shift+I: pick excerpts by searching and insert them at the cursor."""
        choice = ExcerptPicker.choose(self.library, self.worker, self.editor.quote_mode, self)
        if choice is not None:
            records, mode = choice
            self.editor.insert_excerpts(records, mode)
            self.editor.setFocus()

    def find(self) -> None:
        self.find_bar.open(replace=False)

    def replace(self) -> None:
        self.find_bar.open(replace=True)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
