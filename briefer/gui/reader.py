"""The reader: a source body as plain text, its excerpts highlighted, cut by selection.

The body goes in with setPlainText, never as HTML, so nothing in an imported article
can make the reader load an image or a link target. Offsets cross to core through an
OffsetMap (Qt counts UTF-16 units, core counts code points).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit

from briefer.core.records import ExcerptRecord, SourceDetail
from briefer.core.textutil import is_rtl, snap_to_words
from briefer.export.references import full_citation, segments_html, segments_text
from briefer.gui.clipboard import copy_rich
from briefer.gui.textpos import OffsetMap

# Credibility 1 (confirmed) to 6 (cannot be judged): green through red to grey.
CREDIBILITY_COLOURS = {
    1: "#2e9d4f",
    2: "#7cb342",
    3: "#f2b705",
    4: "#f08a24",
    5: "#d9453d",
    6: "#8c8c8c",
}
HIGHLIGHT_ALPHA = 90


def highlight_colour(excerpt: ExcerptRecord, tag_colours: dict[str, str] | None) -> QColor:
    colour = None
    if tag_colours:
        colour = next((tag_colours[t] for t in excerpt.tags if tag_colours.get(t)), None)
    result = QColor(colour or CREDIBILITY_COLOURS.get(excerpt.credibility, "#8c8c8c"))
    result.setAlpha(HIGHLIGHT_ALPHA)
    return result


class ReaderView(QTextEdit):
    """Read-only body with excerpt highlights; a click on one reports its id."""

    excerpt_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(18)
        # Dropped files go to the window (import), never into the text.
        self.setAcceptDrops(False)
        # Window actions (cut, edit, delete excerpt) added to the context menu.
        self.extra_actions: list[QAction] = []
        self.source: SourceDetail | None = None
        self.excerpts: list[ExcerptRecord] = []
        self._map = OffsetMap("")
        self._tag_colours: dict[str, str] | None = None

    # -- content -------------------------------------------------------------------

    def set_source(self, source: SourceDetail, excerpts: Sequence[ExcerptRecord]) -> None:
        self.source = source
        self._map = OffsetMap(source.body)
        self.setPlainText(source.body)
        self._set_directions()
        self.set_excerpts(excerpts)

    def set_excerpts(
        self, excerpts: Sequence[ExcerptRecord], tag_colours: dict[str, str] | None = None
    ) -> None:
        """Highlight each excerpt (not lost ones: their words left the body)."""
        self.excerpts = [e for e in excerpts if e.anchor != "lost"]
        if tag_colours is not None:
            self._tag_colours = tag_colours or None
        selections = []
        for ex in self.excerpts:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(ex.start))
            cursor.setPosition(self._map.to_utf16(ex.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(highlight_colour(ex, self._tag_colours))
            fmt.setToolTip(f"{ex.grade} · {', '.join(ex.tags)}" if ex.tags else ex.grade)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def _set_directions(self) -> None:
        block = self.document().begin()
        while block.isValid():
            if is_rtl(block.text()):
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
                fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
                cursor.setBlockFormat(fmt)
            block = block.next()

    # -- selection and offsets -----------------------------------------------------

    def selection_span(self, *, exact: bool = False) -> tuple[int, int] | None:
        """The selected words as code-point offsets into the body, outer white space
        trimmed; None when nothing but white space is selected. Words cut by the
        selection are completed or dropped (core.textutil.snap_to_words) unless exact."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.source is None:
            return None
        start = self._map.from_utf16(cursor.selectionStart())
        end = self._map.from_utf16(cursor.selectionEnd())
        body = self.source.body
        if not exact:
            start, end = snap_to_words(body, start, end)
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select code points start:end (as a user would with the mouse) and show them."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def show_excerpt(self, excerpt_id: int) -> None:
        found = next((e for e in self.excerpts if e.id == excerpt_id), None)
        if found is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(found.start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def excerpt_at(self, utf16_position: int) -> ExcerptRecord | None:
        index = self._map.from_utf16(utf16_position)
        inside = [e for e in self.excerpts if e.start <= index < e.end]
        # The innermost (shortest) excerpt wins where they overlap.
        return min(inside, key=lambda e: e.end - e.start, default=None)

    def copy_excerpt_citation(self) -> bool:
        """Ctrl+C with nothing selected, the cursor in a highlight: that excerpt's full
        citation, as plain text and HTML. With words selected Ctrl+C copies the words."""
        found = self.excerpt_at(self.textCursor().position())
        if found is None or self.source is None or self.textCursor().hasSelection():
            return False
        segments = full_citation(found, self.source)
        copy_rich(segments_text(segments), segments_html(segments))
        return True

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.copy_excerpt_citation():
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        """Right-click on a highlight selects its excerpt first, so Edit and Delete in
        the menu act on it."""
        if not self.textCursor().hasSelection():
            found = self.excerpt_at(self.cursorForPosition(event.pos()).position())
            if found is not None:
                self.excerpt_clicked.emit(found.id)
        menu = self.createStandardContextMenu(event.pos())
        if self.extra_actions:
            menu.addSeparator()
            menu.addActions(self.extra_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        found = self.excerpt_at(self.cursorForPosition(event.position().toPoint()).position())
        if found is not None:
            self.excerpt_clicked.emit(found.id)
