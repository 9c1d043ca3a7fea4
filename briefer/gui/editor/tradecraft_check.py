"""Runs the tradecraft checks of one brief tab while its panel is open.

After typing pauses (CHECK_MS) the editor's unsaved document goes to the worker, which
calls `TradecraftService.findings` and `support` (the same calls `briefer lint` makes);
typing never waits for it. Results come back to the panel and as underlines. A fix edits
the editor's text (one undo step; autosave keeps it); dismissals are kept with the brief
in the library.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

from briefer.gui.editor import formats as fx
from briefer.gui.editor.convert import read_located
from briefer.gui.editor.places import path_at, span_range, words_at
from briefer.gui.editor.tradecraft_panel import (
    SOURCING_RULES,
    CircularDialog,
    TradecraftPanel,
    rule_title,
)

CHECK_MS = 700
CURSOR_MS = 150


class TradecraftCheck(QObject):
    checked = Signal()  # new findings are on screen

    def __init__(self, tab, panel: TradecraftPanel):
        super().__init__(panel)
        self.tab = tab
        self.editor = tab.editor
        self.panel = panel
        self.panel.read_only = tab.read_only
        self.findings: list = []
        self.support: dict[tuple, object] = {}
        self.active = False
        self._running = False
        self._again = False
        self._changes = 0  # editor changes; a result for older text is re-checked
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_MS)
        self._dialogs: list[CircularDialog] = []
        self._wire()

    def _wire(self) -> None:
        self.editor.contents_changed.connect(self._edited)
        self.editor.cursorPositionChanged.connect(lambda: self._cursor_timer.start())
        self.tab.loaded.connect(lambda: self.schedule(0))
        self.tab.marking_box.currentTextChanged.connect(lambda _t: self._edited())
        self._timer.timeout.connect(self.run)
        self._cursor_timer.timeout.connect(self.show_cursor_support)
        self.panel.activated.connect(self.select)
        self.panel.fix_requested.connect(self.fix)
        self.panel.dismiss_requested.connect(self.dismiss)
        self.panel.restore_requested.connect(self.restore)
        self.panel.compare_requested.connect(self.compare)
        self.panel.summary_requested.connect(self.insert_summary)

    # -- running ----------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        self.active = on
        if on:
            self.schedule(0)
        else:
            self._timer.stop()
            self.editor.set_finding_marks(())

    def _edited(self) -> None:
        self._changes += 1
        self.schedule()

    def schedule(self, ms: int = CHECK_MS) -> None:
        if self.active:
            self._timer.start(ms)

    @property
    def busy(self) -> bool:
        return self._running or self._timer.isActive()

    def run(self) -> None:
        """Check what the editor holds now, on the worker."""
        if not self.active or self.tab.version is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        self.panel.show_checking()
        body = self.editor.body()
        marking = self.tab.meta()["marking"]
        changes = self._changes
        tc, brief_id = self.tab.library.tradecraft, self.tab.brief_id

        def check(_progress, _cancelled):
            return tc.findings(brief_id, body, marking), tc.support(brief_id, body)

        self.tab.worker.submit(
            "Check tradecraft",
            check,
            on_done=lambda result: self._done(result, changes),
            on_failed=self._failed,
        )

    def _gone(self) -> bool:
        """The tab closed while the worker ran."""
        return not (shiboken6.isValid(self) and shiboken6.isValid(self.panel)
                    and shiboken6.isValid(self.editor))  # fmt: skip

    def _done(self, result, changes: int) -> None:
        if self._gone():
            return
        self._running = False
        findings, support = result
        self.findings = findings
        self.support = {s.unit: s for s in support}
        if self.active:
            self.panel.show_findings(findings)
            self._underline()
            self.show_cursor_support()
        if self._again or changes != self._changes:
            self.schedule()
        self.checked.emit()

    def _failed(self, message: str) -> None:
        if self._gone():
            return
        self._running = False
        self.panel.state.setText("Not checked")
        self.tab.message_bar.show_message(f"Tradecraft check: {message}")

    def _underline(self) -> None:
        """The open findings as underlines, where the editor still holds their words."""
        _body, places = read_located(self.editor.document())
        marks = []
        for f in self.findings:
            blocks = places.get(f.unit)
            if f.dismissed or not blocks or f.span[1] <= f.span[0]:
                continue
            if f.rule.startswith("marking."):
                continue  # the gutter shows which paragraphs carry a mark
            if words_at(blocks, *f.span) != f.text:
                continue  # typed over since the check: the next check redraws it
            found = span_range(blocks, *f.span)
            if found is None:
                continue
            whole = f.span == (0, len(words_at(blocks, 0, 10**9)))
            tip = f"{rule_title(f.rule)}: {f.message}\n{f.suggestion}"
            if f.replacements:
                tip += "\nFix: " + ", ".join(f"“{r.strip()}”" for r in f.replacements)
            marks.append((found[0], found[1], tip, not whole))
        self.editor.set_finding_marks(marks)

    # -- the paragraph under the cursor -----------------------------------------------

    def show_cursor_support(self) -> None:
        if not self.active:
            return
        _body, places = read_located(self.editor.document())
        path = path_at(places, self.editor.textCursor().position())
        support = self.support.get(path) if path is not None else None
        warnings = [f for f in self.findings if f.unit == path and f.rule in SOURCING_RULES]
        self.panel.show_support(support, warnings)

    # -- what the panel asks ----------------------------------------------------------

    def _locate(self, finding):
        _body, places = read_located(self.editor.document())
        return places.get(finding.unit)

    def select(self, finding) -> None:
        """Select the finding's words (or its paragraph) in the editor."""
        blocks = self._locate(finding)
        if not blocks:
            return
        found = None
        if words_at(blocks, *finding.span) == finding.text:
            found = span_range(blocks, *finding.span)
        if found is None:
            found = (blocks[0].position(), blocks[0].position())
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(found[1])
        cursor.setPosition(found[0], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def fix(self, finding, replacement: str) -> None:
        """Apply a one-click fix to the editor's text: one undo step, saved by autosave."""
        if self.tab.read_only:
            return
        blocks = self._locate(finding)
        if not blocks or words_at(blocks, *finding.span) != finding.text:
            self.tab.message_bar.show_message(
                "Tradecraft: the text changed since it was checked; checking it again"
            )
            self.schedule(0)
            return
        at = finding.fix_at or finding.span
        found = span_range(blocks, *at)
        if found is None:
            return
        doc = self.editor.document()
        fmt = fx.body_char_format()
        if found[1] > found[0]:
            probe = QTextCursor(doc)
            probe.setPosition(found[0] + 1)
            if not fx.is_citation(probe.charFormat()):
                fmt = probe.charFormat()
        cursor = QTextCursor(doc)
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(replacement, fmt)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.schedule(0)

    def dismiss(self, finding, reason: str) -> None:
        tc, brief_id = self.tab.library.tradecraft, self.tab.brief_id
        self.tab.worker.submit(
            "Dismiss finding",
            lambda _p, _c: tc.dismiss(brief_id, finding, reason),
            on_done=lambda _d: self._gone() or self.schedule(0),
            on_failed=self.tab.message_bar.show_message,
        )

    def restore(self, finding) -> None:
        tc, brief_id = self.tab.library.tradecraft, self.tab.brief_id
        self.tab.worker.submit(
            "Restore finding",
            lambda _p, _c: tc.undismiss(brief_id, finding.key),
            on_done=lambda _d: self._gone() or self.schedule(0),
            on_failed=self.tab.message_bar.show_message,
        )

    def compare(self, finding) -> CircularDialog:
        dialog = CircularDialog(finding, self.panel)
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def insert_summary(self) -> None:
        """Draft the source summary statement of the text on screen and insert it as a
        paragraph after the cursor's (one undo step)."""
        if self.tab.read_only:
            return
        body = self.editor.body()
        tc, brief_id = self.tab.library.tradecraft, self.tab.brief_id
        self.tab.worker.submit(
            "Draft source summary",
            lambda _p, _c: tc.summary(brief_id, body),
            on_done=self._insert_statement,
            on_failed=self.tab.message_bar.show_message,
        )

    def _insert_statement(self, text: str) -> None:
        if self._gone():
            return
        cursor = self.editor.textCursor()
        cursor.clearSelection()
        cursor.beginEditBlock()
        block = cursor.block()
        if block.length() > 1 or fx.block_kind(block.blockFormat()) != "paragraph":
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(fx.block_format("paragraph"), fx.body_char_format())
        cursor.insertText(text, fx.body_char_format())
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()
