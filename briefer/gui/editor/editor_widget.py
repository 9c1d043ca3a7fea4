"""BriefEditor: the rich text editor of one brief, with live citation markers.

A QTextEdit whose document is loaded from and read back to the brief structure
(convert.py). Formatting commands only ever set what the structure can hold, so what
the analyst sees is what is saved. Every edit, citations included, goes through the
document's undo stack.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QDesktopServices,
    QFont,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QMenu,
    QTextEdit,
    QToolBar,
    QToolButton,
    QToolTip,
    QWidget,
)

from briefer.core import document
from briefer.core.errors import InvalidInput
from briefer.core.records import ExcerptRecord
from briefer.core.tradecraft.portions import display, highest
from briefer.gui.editor import formats as fx
from briefer.gui.editor.convert import (
    fragment_of,
    inline,
    list_format,
    read_document,
    table_format,
    write_document,
)
from briefer.gui.editor.markers import (
    OBJECT_UTF16,
    CitationIndex,
    CitationObject,
    ExcerptStore,
    SourceListObject,
    describe_excerpt,
)
from briefer.gui.editor.paste import (
    FRAGMENT_MIME,
    LINK_SCHEMES,
    PasteRefused,
    body_from_mime,
    excerpt_ids,
)
from briefer.gui.editor.portion_marks import CHOICES as PORTION_CHOICES
from briefer.gui.editor.portion_marks import GUTTER_WIDTH, PortionGutter, marks_of

QUOTE_MODES = {
    "block": "Block Quotation",
    "inline": "Inline Quotation",
    "marker": "Cite Without Quoting",
}
STYLES = (
    ("Paragraph", "paragraph", 0),
    ("Heading 1", "heading", 1),
    ("Heading 2", "heading", 2),
    ("Heading 3", "heading", 3),
    ("Quote", "quote", 0),
)


PORTION_CHECK_MS = 100
FINDING_COLOUR = QColor(0xD0, 0x5A, 0x00)
SOURCING_COLOUR = QColor(0x1A, 0x5F, 0xB4)


def _object_positions(doc, start: int, end: int | None) -> list[int]:
    """UTF-16 positions of the object characters in [start, end)."""
    data = doc.toRawText().encode("utf-16-le")
    lo, hi = 2 * start, len(data) if end is None else 2 * end
    found = []
    at = data.find(OBJECT_UTF16, lo, hi)
    while at >= 0:
        if at % 2 == 0:
            found.append(at // 2)
        at = data.find(OBJECT_UTF16, at + 1, hi)
    return found


def quote_text(record: ExcerptRecord) -> str:
    return " ".join(record.text.split())


class BriefEditor(QTextEdit):
    excerpt_activated = Signal(int)
    citations_changed = Signal(list)  # excerpt ids in document order
    message = Signal(str)  # one line for the tab's message bar
    focus_left = Signal()
    contents_changed = Signal()  # the text or its formatting changed (any document)
    portions_changed = Signal(list)  # the portion marks, in reading order

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.index = CitationIndex(self.document(), self)
        self.store = ExcerptStore(self)
        self.quote_mode = "block"
        self._citation_object = CitationObject(self.index, self)
        self._source_list_object = SourceListObject(self.index, self.store, self)
        self._adopt(QTextDocument(self))
        self._press: QPoint | None = None
        self._loading_body = False
        self._finding_tips: list[tuple[QTextCursor, str]] = []
        self.portions: list[str] = []
        self.portion_gutter = PortionGutter(self)
        self.portion_gutter.hide()
        self._portion_check = QTimer(self)
        self._portion_check.setSingleShot(True)
        self._portion_check.setInterval(PORTION_CHECK_MS)
        self._make_actions()
        self._wire()

    # -- setup ------------------------------------------------------------------------

    def _action(self, text: str, shortcut=None, checkable=False, tip="") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setCheckable(checkable)
        if tip:
            action.setToolTip(tip)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.undo_action = a("Undo", None, False, "Undo (Ctrl+Z)")
        self.redo_action = a("Redo", None, False, "Redo (Ctrl+Shift+Z)")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.bold_action = a("Bold", "Ctrl+B", True, "Bold (Ctrl+B)")
        self.italic_action = a("Italic", "Ctrl+I", True, "Italic (Ctrl+I)")
        self.underline_action = a("Underline", "Ctrl+U", True, "Underline (Ctrl+U)")
        self.strike_action = a("Strikethrough", "Ctrl+Shift+X", True, "Strikethrough")
        for action, short in ((self.bold_action, "B"), (self.italic_action, "I"),
                              (self.underline_action, "U"), (self.strike_action, "S")):  # fmt: skip
            action.setIconText(short)
        self.bullets_action = a("Bulleted List", "Ctrl+Shift+8", True, "Bulleted list")
        self.numbers_action = a("Numbered List", "Ctrl+Shift+7", True, "Numbered list")
        self.indent_action = a("Indent List Item", None, False, "Nest the list item (Tab)")
        self.outdent_action = a("Outdent List Item", None, False, "Un-nest (Shift+Tab)")
        self.rtl_action = a("Right-to-Left Paragraph", "Ctrl+Shift+R", True)
        self.link_action = a("Link…", "Ctrl+K", False, "Make the selection a link (Ctrl+K)")
        self.table_action = a("Insert Table…", None, False, "Insert a table")
        self.add_row_action = a("Add Table Row")
        self.add_column_action = a("Add Table Column")
        self.remove_row_action = a("Remove Table Row")
        self.remove_column_action = a("Remove Table Column")
        self.style_actions: list[QAction] = []
        for n, (label, _kind, _level) in enumerate(STYLES):
            self.style_actions.append(a(label, f"Ctrl+{n}" if n < 4 else "Ctrl+Shift+Q"))
        self.quote_mode_group = QActionGroup(self)
        self.quote_mode_actions: dict[str, QAction] = {}
        for mode, label in QUOTE_MODES.items():
            action = QAction(label, self, checkable=True)
            action.setChecked(mode == self.quote_mode)
            self.quote_mode_group.addAction(action)
            self.quote_mode_actions[mode] = action

    def _wire(self) -> None:
        self.undoAvailable.connect(self.undo_action.setEnabled)
        self.redoAvailable.connect(self.redo_action.setEnabled)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.bold_action.triggered.connect(lambda on: self.set_mark("bold", on))
        self.italic_action.triggered.connect(lambda on: self.set_mark("italic", on))
        self.underline_action.triggered.connect(lambda on: self.set_mark("underline", on))
        self.strike_action.triggered.connect(lambda on: self.set_mark("strike", on))
        self.bullets_action.triggered.connect(lambda: self.toggle_list(False))
        self.numbers_action.triggered.connect(lambda: self.toggle_list(True))
        self.indent_action.triggered.connect(lambda: self.change_list_depth(1))
        self.outdent_action.triggered.connect(lambda: self.change_list_depth(-1))
        self.rtl_action.triggered.connect(self.set_rtl)
        self.link_action.triggered.connect(self.ask_link)
        self.table_action.triggered.connect(self.ask_table)
        self.add_row_action.triggered.connect(lambda: self.edit_table("add_row"))
        self.add_column_action.triggered.connect(lambda: self.edit_table("add_column"))
        self.remove_row_action.triggered.connect(lambda: self.edit_table("remove_row"))
        self.remove_column_action.triggered.connect(lambda: self.edit_table("remove_column"))
        for action, (_label, kind, level) in zip(self.style_actions, STYLES, strict=True):
            action.triggered.connect(lambda _=False, k=kind, lv=level: self.set_block_style(k, lv))
        for mode, action in self.quote_mode_actions.items():
            action.triggered.connect(lambda _=False, m=mode: self.set_quote_mode(m))
        self.cursorPositionChanged.connect(self._sync_actions)
        self.currentCharFormatChanged.connect(self._after_marker)
        self.index.changed.connect(self._citations_moved)
        self.store.loaded.connect(self._relayout_source_lists)
        self.contents_changed.connect(self._portion_check.start)
        self._portion_check.timeout.connect(self._check_portions)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.portion_gutter.update())

    def make_toolbar(self, parent: QWidget | None = None) -> QToolBar:
        """The formatting bar: the style of the paragraph, marks, lists, links, tables."""
        bar = QToolBar("Formatting", parent)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.style_box = QComboBox(bar)
        self.style_box.setToolTip("Paragraph style")
        self.style_box.addItems([label for label, _k, _l in STYLES])
        self.style_box.activated.connect(lambda n: self.style_actions[n].trigger())
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        bar.addWidget(self.style_box)
        for action in (self.bold_action, self.italic_action, self.underline_action,
                       self.strike_action):  # fmt: skip
            bar.addAction(action)
        for action, apply in (
            (self.bold_action, lambda f: f.setBold(True)),
            (self.italic_action, lambda f: f.setItalic(True)),
            (self.underline_action, lambda f: f.setUnderline(True)),
            (self.strike_action, lambda f: f.setStrikeOut(True)),
        ):
            button = bar.widgetForAction(action)
            font = QFont(button.font())
            apply(font)
            button.setFont(font)
        bar.addSeparator()
        self.bullets_action.setIconText("• List")
        self.numbers_action.setIconText("1. List")
        self.outdent_action.setIconText("⇤")
        self.indent_action.setIconText("⇥")
        self.rtl_action.setIconText("RTL")
        for action in (self.bullets_action, self.numbers_action, self.outdent_action,
                       self.indent_action, self.rtl_action):  # fmt: skip
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.link_action)
        table_button = QToolButton(bar)
        table_button.setDefaultAction(self.table_action)
        table_menu = QMenu(table_button)
        for action in (self.add_row_action, self.add_column_action, self.remove_row_action,
                       self.remove_column_action):  # fmt: skip
            table_menu.addAction(action)
        table_button.setMenu(table_menu)
        table_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bar.addWidget(table_button)
        bar.addSeparator()
        quote_button = QToolButton(bar)
        quote_button.setText("Quote As")
        quote_button.setToolTip("How a dropped or picked excerpt is inserted")
        quote_menu = QMenu(quote_button)
        for action in self.quote_mode_actions.values():
            quote_menu.addAction(action)
        quote_button.setMenu(quote_menu)
        quote_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(quote_button)
        bar.addSeparator()
        self.portion_box = QComboBox(bar)
        self.portion_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.portion_box.setToolTip(
            "Portion mark of this paragraph; the brief's marking rolls up to the highest"
        )
        for mark, label in PORTION_CHOICES:
            self.portion_box.addItem(display(mark) or "No mark", mark)
            self.portion_box.setItemData(
                self.portion_box.count() - 1, label, Qt.ItemDataRole.ToolTipRole
            )
        self.portion_box.activated.connect(lambda n: self.set_portion(self.portion_box.itemData(n)))
        bar.addWidget(self.portion_box)
        self._sync_actions()
        return bar

    # -- portion marks ----------------------------------------------------------------

    def portion_blocks(self, cursor: QTextCursor | None = None) -> list[QTextBlock]:
        """The paragraphs, quotations and list items of the selection (headings and
        table cells carry no portion mark)."""
        cursor = cursor or self.textCursor()
        out = []
        for block in self._selected_blocks(cursor):
            if self._heading_here(block) or QTextCursor(block).currentTable() is not None:
                continue
            if fx.read_portion(block.blockFormat()) or block.length() > 1 or block.textList():
                out.append(block)
        if not out:
            block = cursor.block()
            if not self._heading_here(block) and QTextCursor(block).currentTable() is None:
                out.append(block)
        return out

    def set_portion(self, mark: str) -> bool:
        """Set (or with "" clear) the portion mark of the selected paragraphs, as one
        undo step; a mark of the other kind (TLP among (U)/(C)…) is refused."""
        if self.isReadOnly():
            return False
        blocks = self.portion_blocks()
        if not blocks:
            self.message.emit("Portion marks go on paragraphs, quotations and list items")
            return False
        if mark:
            numbers = {b.blockNumber() for b in blocks}
            others = []
            block = self.document().begin()
            while block.isValid():
                if block.blockNumber() not in numbers:
                    others.append(fx.read_portion(block.blockFormat()))
                block = block.next()
            try:
                highest([*others, mark])
            except InvalidInput as exc:
                self.message.emit(str(exc))
                self._sync_actions()
                return False
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for block in blocks:
            fmt = block.blockFormat()
            if mark:
                fmt.setProperty(fx.PORTION, mark)
            else:
                fmt.clearProperty(fx.PORTION)
            QTextCursor(block).setBlockFormat(fmt)
        cursor.endEditBlock()
        self._check_portions()
        self._sync_actions()
        return True

    def _check_portions(self) -> None:
        marks = marks_of(self.document())
        shown = bool(marks)
        if shown != self.portion_gutter.isVisible():
            self.setViewportMargins(GUTTER_WIDTH if shown else 0, 0, 0, 0)
            self.portion_gutter.setVisible(shown)
            self._place_gutter()
        self.portion_gutter.update()
        if marks != self.portions:
            self.portions = marks
            self.portions_changed.emit(marks)

    def _place_gutter(self) -> None:
        rect = self.contentsRect()
        self.portion_gutter.setGeometry(rect.left(), rect.top(), GUTTER_WIDTH, rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_gutter()

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The usual menu, with the portion mark of the paragraph under the pointer."""
        if not self.textCursor().hasSelection():
            self.setTextCursor(self.cursorForPosition(pos))
        menu = self.createStandardContextMenu(pos)
        if not self.isReadOnly() and self.portion_blocks():
            menu.addSeparator()
            sub = menu.addMenu("Portion Mark")
            current = fx.read_portion(self.textCursor().block().blockFormat())
            for mark, label in PORTION_CHOICES:
                action = sub.addAction(label)
                action.setCheckable(True)
                action.setChecked(mark == current)
                action.triggered.connect(lambda _=False, m=mark: self.set_portion(m))
        return menu

    # -- the structure ----------------------------------------------------------------

    def set_body(self, body: dict) -> None:
        """Load a brief's body; the undo history starts here.

        The text is built in a fresh document before the editor shows it: Qt then lays
        out a long brief lazily, screen by screen, instead of all at once.
        """
        doc = QTextDocument(self)
        doc.setDefaultFont(self.document().defaultFont())
        write_document(doc, body)
        old = self.document()
        self.set_finding_marks(())
        self._adopt(doc)
        if old.parent() is self:
            old.deleteLater()
        self._loading_body = True  # markers are laid out with their numbers already
        self.index.settle()
        self._loading_body = False
        # Settling left a step on the undo stack: Ctrl+Z right after opening a brief
        # must have nothing to undo (the window's Undo shows this state).
        doc.clearUndoRedoStacks()
        self.store.need(self.index.ids())
        self.portions = marks_of(doc)
        self._check_portions()

    def _adopt(self, doc: QTextDocument) -> None:
        doc.setDocumentMargin(18)
        doc.setUndoRedoEnabled(True)
        self.setDocument(doc)
        self.index.set_document(doc)
        layout = doc.documentLayout()
        layout.registerHandler(fx.CITATION_TYPE, self._citation_object)
        layout.registerHandler(fx.SOURCE_LIST_TYPE, self._source_list_object)
        doc.contentsChanged.connect(self.contents_changed)

    def body(self) -> dict:
        return read_document(self.document())

    # -- tradecraft findings ----------------------------------------------------------

    def set_finding_marks(self, marks: Sequence[tuple[int, int, str, bool]]) -> None:
        """Underline findings: (start, end, tooltip, words) in document positions; the
        flagged words get a wavy line, whole paragraphs (sourcing) a dotted one. The
        underlines move with typing until the next check replaces them."""
        selections = []
        self._finding_tips = []
        for start, end, tip, words in marks:
            if end <= start:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            if words:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(FINDING_COLOUR)
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(SOURCING_COLOUR)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            self._finding_tips.append((cursor, tip))
        self.setExtraSelections(selections)

    def finding_tip(self, position: int) -> str:
        """The tooltips of the underlined findings at a document position."""
        return "\n".join(
            tip
            for cursor, tip in self._finding_tips
            if cursor.selectionStart() <= position < cursor.selectionEnd()
        )

    def citations(self) -> list[int]:
        return self.index.ids()

    # -- citations --------------------------------------------------------------------

    def set_quote_mode(self, mode: str) -> None:
        self.quote_mode = mode
        self.quote_mode_actions[mode].setChecked(True)

    def insert_excerpts(
        self,
        records: Sequence[ExcerptRecord],
        mode: str | None = None,
        cursor: QTextCursor | None = None,
    ) -> None:
        """Quote excerpts (block or inline) with their markers, or add markers only; one
        undo step whatever the number."""
        if not records:
            return
        mode = mode or self.quote_mode
        self.store.add(records)
        cursor = QTextCursor(cursor) if cursor is not None else self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection() and mode != "block":
            cursor.removeSelectedText()
        if mode == "block":
            for record in records:
                self._insert_block_quote(cursor, record)
        else:
            plain = fx.plain_after_object(cursor.charFormat())
            for n, record in enumerate(records):
                if mode == "inline":
                    if n:
                        cursor.insertText(" ", plain)
                    cursor.insertText(f"“{quote_text(record)}”", plain)
                cursor.insertText(fx.OBJECT_CHAR, fx.citation_format(record.id))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(fx.plain_after_object(cursor.charFormat()))

    def _insert_block_quote(self, cursor: QTextCursor, record: ExcerptRecord) -> None:
        block = cursor.block()
        reuse = (
            block.length() <= 1
            and block.textList() is None
            and fx.block_kind(block.blockFormat()) in ("paragraph", "quote")
            and not block.blockFormat().boolProperty(fx.FILLER)
        )
        quote = fx.block_format("quote", base=block.blockFormat())
        quote.clearProperty(QTextFormat.Property.ObjectIndex)
        if reuse:
            cursor.setBlockFormat(quote)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(quote, fx.body_char_format())
            if cursor.block().textList() is not None:
                cursor.block().textList().remove(cursor.block())
                cursor.setBlockFormat(quote)
        cursor.insertText(quote_text(record), fx.body_char_format())
        cursor.insertText(fx.OBJECT_CHAR, fx.citation_format(record.id))

    def insert_excerpt_ids(
        self, ids: Sequence[int], mode: str | None = None, cursor: QTextCursor | None = None
    ) -> None:
        """Drops and pastes carry ids only: quote once the records are at hand."""
        target = QTextCursor(cursor) if cursor is not None else self.textCursor()
        known = [self.store.get(i) for i in ids]
        if all(known):
            self.insert_excerpts(known, mode, target)  # type: ignore[arg-type]
            return
        if self.store.fetch is None:
            self.message.emit("Excerpts cannot be quoted here: no library is open")
            return
        chosen_mode = mode or self.quote_mode

        def arrived(records: list[ExcerptRecord]) -> None:
            self.store.add(records)
            found = {r.id: r for r in records}
            ordered = [found.get(i) or self.store.get(i) for i in ids]
            missing = [i for i, r in zip(ids, ordered, strict=True) if r is None]
            if missing:
                self.message.emit(
                    f"Excerpt {', '.join(map(str, missing))} is no longer in the library"
                )
            self.insert_excerpts([r for r in ordered if r], chosen_mode, target)

        self.store.fetch(list(ids), arrived)

    def _citations_moved(self) -> None:
        self.viewport().update()
        self._fix_marker_widths()
        self._relayout_source_lists()
        ids = self.index.ids()
        self.store.need(ids)
        self.citations_changed.emit(ids)

    def _fix_marker_widths(self) -> None:
        """A marker's box fits its number: relayout those whose digits changed."""
        if self._loading_body:
            return
        from briefer.gui.editor.markers import marker_width

        doc = self.document()
        for number, pos in enumerate(self.index.positions(), start=1):
            block = doc.findBlock(pos)
            layout = block.layout()
            rel = pos - block.position()
            line = layout.lineForTextPosition(rel) if layout else None
            if line is None or not line.isValid():
                continue
            laid = abs(line.cursorToX(rel + 1)[0] - line.cursorToX(rel)[0])
            if abs(laid - marker_width(number, doc)) > 0.5:
                doc.markContentsDirty(pos, 1)

    def _relayout_source_lists(self) -> None:
        doc = self.document()
        for pos in self.index.source_list_positions():
            layout = doc.findBlock(pos).layout()
            # Not laid out yet (Qt lays out a long brief lazily): it will be, with the
            # list as it is then; forcing it now would lay out everything before it.
            if layout is not None and layout.lineCount() > 0:
                doc.markContentsDirty(pos, 1)
        self.viewport().update()

    def marker_at(self, point: QPoint) -> tuple[int, int] | None:
        """(position, excerpt id) of the marker under a viewport point."""
        cursor = self.cursorForPosition(point)
        for pos in (cursor.position() - 1, cursor.position()):
            if pos < 0:
                continue
            excerpt = self.index.excerpt_at(pos)
            if not excerpt:
                continue
            rect = self._marker_rect(pos)
            if rect.adjusted(-2, -2, 2, 2).contains(point):
                return pos, excerpt
        return None

    def _marker_rect(self, pos: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        left = self.cursorRect(cursor)
        cursor.setPosition(pos + 1)
        right = self.cursorRect(cursor)
        x1, x2 = sorted((left.left(), right.left()))
        return QRect(x1, left.top(), max(2, x2 - x1), left.height())

    def _after_marker(self, fmt: QTextCharFormat) -> None:
        """Typing after a marker is text, not another marker."""
        if self.textCursor().hasSelection():
            return  # setting a format now would restyle the selection
        if fx.is_citation(fmt) or fx.is_source_list(fmt):
            self.setCurrentCharFormat(fx.plain_after_object(fmt))

    # -- formatting -------------------------------------------------------------------

    def _heading_here(self, block: QTextBlock | None = None) -> bool:
        block = block if block is not None else self.textCursor().block()
        return fx.heading_level(block.blockFormat()) > 0 and block.textList() is None

    def set_mark(self, mark: str, on: bool) -> None:
        cursor = self.textCursor()
        if mark != "bold":
            fmt = QTextCharFormat()
            if mark == "italic":
                fmt.setFontItalic(on)
            elif mark == "underline":
                fmt.setUnderlineStyle(
                    QTextCharFormat.UnderlineStyle.SingleUnderline
                    if on
                    else QTextCharFormat.UnderlineStyle.NoUnderline
                )
            else:
                fmt.setFontStrikeOut(on)
            self.mergeCurrentCharFormat(fmt)
            return
        if not cursor.hasSelection():
            fmt = QTextCharFormat()
            heading = self._heading_here()
            fmt.setFontWeight(fx.bold_weight(heading) if on else fx.base_weight(heading))
            self.mergeCurrentCharFormat(fmt)
            return
        # Bold is relative to the block (headings are bold already): one block at a time.
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            heading = self._heading_here(block)
            part = QTextCursor(self.document())
            part.setPosition(max(start, block.position()))
            part.setPosition(
                min(end, block.position() + block.length() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            fmt = QTextCharFormat()
            fmt.setFontWeight(fx.bold_weight(heading) if on else fx.base_weight(heading))
            part.mergeCharFormat(fmt)
            block = block.next()
        cursor.endEditBlock()

    def set_block_style(self, kind: str, level: int = 0) -> None:
        """Paragraph, heading 1-3 or quote for every block of the selection."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks(cursor):
            self._restyle_block(block, kind, level)
        cursor.endEditBlock()
        self._sync_actions()

    def _restyle_block(self, block: QTextBlock, kind: str, level: int) -> None:
        was_heading = self._heading_here(block)
        qlist = block.textList()
        if qlist is not None and kind != "paragraph":
            qlist.remove(block)
        cursor = QTextCursor(block)
        old = block.blockFormat()
        section = old.stringProperty(fx.SECTION_ID) if kind == "heading" else ""
        fmt = fx.block_format(kind, level=level or 1, section=section, base=old)
        if qlist is not None and kind != "paragraph":
            fmt.clearProperty(QTextFormat.Property.ObjectIndex)
            fmt.setIndent(0)
        cursor.setBlockFormat(fmt)
        heading = kind == "heading"
        base = fx.heading_char_format(level) if heading else fx.body_char_format()
        cursor.setBlockCharFormat(base)
        # Reweigh each run so bold stays bold and plain stays plain across the change.
        for part in list(block):
            frag = part.fragment()
            if not frag.isValid():
                continue
            bold = fx.is_bold(frag.charFormat(), was_heading)
            fmt = QTextCharFormat(base)
            fmt.setFontWeight(fx.bold_weight(heading) if bold else fx.base_weight(heading))
            run = QTextCursor(self.document())
            run.setPosition(frag.position())
            run.setPosition(frag.position() + frag.length(), QTextCursor.MoveMode.KeepAnchor)
            run.mergeCharFormat(fmt)

    def _selected_blocks(self, cursor: QTextCursor) -> list[QTextBlock]:
        doc = self.document()
        block = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        blocks = []
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        return blocks

    def toggle_list(self, ordered: bool) -> None:
        cursor = self.textCursor()
        blocks = self._selected_blocks(cursor)
        current = blocks[0].textList() if blocks else None
        cursor.beginEditBlock()
        if current is not None and self._list_ordered(current) == ordered:
            for block in blocks:
                qlist = block.textList()
                if qlist is not None:
                    qlist.remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    QTextCursor(block).setBlockFormat(fmt)
        elif current is not None:
            fmt = current.format()
            depth = max(0, fmt.indent() - 1)
            current.setFormat(list_format(ordered, depth))
        else:
            for block in blocks:
                if fx.block_kind(block.blockFormat()) != "paragraph":
                    self._restyle_block(block, "paragraph", 0)
            cursor.createList(list_format(ordered, 0))
        cursor.endEditBlock()
        self._sync_actions()

    @staticmethod
    def _list_ordered(qlist) -> bool:
        from briefer.gui.editor.convert import is_ordered

        return is_ordered(qlist.format())

    def change_list_depth(self, step: int) -> None:
        """Nest or un-nest the list items of the selection."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks(cursor):
            qlist = block.textList()
            if qlist is None:
                continue
            fmt = qlist.format()
            depth = fmt.indent() - 1 + step
            ordered = self._list_ordered(qlist)
            qlist.remove(block)
            if depth < 0:
                bfmt = block.blockFormat()
                bfmt.setIndent(0)
                QTextCursor(block).setBlockFormat(bfmt)
                continue
            if depth >= document.MAX_LIST_DEPTH:
                depth = document.MAX_LIST_DEPTH - 1
            host = self._neighbour_list(block, depth + 1)
            if host is not None:
                host.add(block)
            else:
                QTextCursor(block).createList(list_format(ordered, depth))
        cursor.endEditBlock()

    @staticmethod
    def _neighbour_list(block: QTextBlock, indent: int):
        """The list at this indent that the block continues, looking back past deeper
        items of the same run of list blocks."""
        prev = block.previous()
        while prev.isValid() and prev.textList() is not None:
            qlist = prev.textList()
            if qlist.format().indent() == indent:
                return qlist
            if qlist.format().indent() < indent:
                return None
            prev = prev.previous()
        return None

    def set_rtl(self, on: bool) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks(cursor):
            fmt = block.blockFormat()
            fx.set_direction(fmt, "rtl" if on else "")
            QTextCursor(block).setBlockFormat(fmt)
        cursor.endEditBlock()

    def ask_link(self) -> None:
        current = fx.read_link(self.currentCharFormat())
        url, ok = QInputDialog.getText(
            self, "Link", "Address (http, https or mailto; empty removes the link):", text=current
        )
        if ok:
            try:
                self.set_link(url)
            except ValueError as exc:
                self.message.emit(str(exc))

    def set_link(self, url: str) -> None:
        """Link the selection (or the word at the cursor); links are never followed here
        and only web and mail addresses are taken."""
        url = url.strip()
        if url and not url.lower().startswith(LINK_SCHEMES):
            raise ValueError(f"Link refused: {url!r} is not an http, https or mailto address")
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if not cursor.hasSelection():
            self.message.emit("Select the words to link first")
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        pos = start
        while pos < end:
            run = QTextCursor(self.document())
            run.setPosition(pos + 1)
            fmt = QTextCharFormat(run.charFormat())
            nxt = pos + 1
            if url:
                fx.set_link(fmt, url)
            else:
                fx.clear_link(fmt)
            run.setPosition(pos)
            run.setPosition(nxt, QTextCursor.MoveMode.KeepAnchor)
            if not fx.is_citation(fmt):
                run.setCharFormat(fmt)
            pos = nxt
        cursor.endEditBlock()

    def ask_table(self) -> None:
        size, ok = QInputDialog.getText(
            self, "Insert Table", "Columns × rows (e.g. 3x4):", text="3x3"
        )
        if not ok:
            return
        try:
            cols, rows = (int(x) for x in size.lower().replace("×", "x").split("x"))
        except ValueError:
            self.message.emit(f"Table size {size!r}: write columns x rows, e.g. 3x4")
            return
        self.insert_table(max(1, min(cols, 20)), max(1, min(rows, 200)))

    def insert_table(self, columns: int, rows: int, header: bool = True) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().length() > 1:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(fx.block_format("paragraph"), fx.body_char_format())
        from briefer.gui.editor.convert import style_header

        table = cursor.insertTable(rows, columns, table_format(header))
        if header:
            style_header(table)
        cursor.endEditBlock()
        self.setTextCursor(table.cellAt(0, 0).firstCursorPosition())

    def edit_table(self, what: str) -> None:
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None:
            self.message.emit("Put the cursor in a table first")
            return
        cell = table.cellAt(cursor)
        if what == "add_row":
            table.insertRows(cell.row() + 1, 1)
        elif what == "add_column":
            table.insertColumns(cell.column() + 1, 1)
        elif what == "remove_row" and table.rows() > 1:
            table.removeRows(cell.row(), 1)
        elif what == "remove_column" and table.columns() > 1:
            table.removeColumns(cell.column(), 1)

    def _sync_actions(self) -> None:
        cursor = self.textCursor()
        block = cursor.block()
        fmt = self.currentCharFormat()
        heading = self._heading_here(block)
        self.bold_action.setChecked(fx.is_bold(fmt, heading))
        self.italic_action.setChecked(fmt.fontItalic())
        self.underline_action.setChecked(
            fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        )
        self.strike_action.setChecked(fmt.fontStrikeOut())
        qlist = block.textList()
        self.bullets_action.setChecked(qlist is not None and not self._list_ordered(qlist))
        self.numbers_action.setChecked(qlist is not None and self._list_ordered(qlist))
        self.indent_action.setEnabled(qlist is not None)
        self.outdent_action.setEnabled(qlist is not None)
        self.rtl_action.setChecked(fx.read_direction(block.blockFormat()) == "rtl")
        if hasattr(self, "portion_box"):
            mark = fx.read_portion(block.blockFormat())
            self.portion_box.setCurrentIndex(max(0, self.portion_box.findData(mark)))
            self.portion_box.setEnabled(
                not self._heading_here(block) and cursor.currentTable() is None
            )
        in_table = cursor.currentTable() is not None
        for action in (self.add_row_action, self.add_column_action, self.remove_row_action,
                       self.remove_column_action):  # fmt: skip
            action.setEnabled(in_table)
        if hasattr(self, "style_box"):
            bfmt = block.blockFormat()
            level = fx.heading_level(bfmt)
            row = level if level else (4 if fx.is_quote(bfmt) else 0)
            self.style_box.setCurrentIndex(row)

    # -- keys, mouse, tooltips --------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if self.isReadOnly():
            # The keys handled below edit through the cursor, past read-only.
            super().keyPressEvent(event)
            return
        key = event.key()
        cursor = self.textCursor()
        block = cursor.block()
        if (
            key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and block.textList() is not None
            and (cursor.currentTable() is None or key == Qt.Key.Key_Backtab)
        ):
            self.change_list_depth(-1 if key == Qt.Key.Key_Backtab else 1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Shift+Enter too makes a new paragraph: a brief has no line breaks inside one.
            kind = fx.block_kind(block.blockFormat())
            if kind in ("heading", "quote") and cursor.atBlockEnd() and block.textList() is None:
                # After a heading or a quotation the analyst writes a plain paragraph.
                cursor.beginEditBlock()
                fmt = fx.block_format("paragraph", base=block.blockFormat())
                cursor.insertBlock(fmt, fx.body_char_format())
                cursor.endEditBlock()
                self.setTextCursor(cursor)
                self.setCurrentCharFormat(fx.body_char_format())
                return
            if block.textList() is not None and block.length() <= 1:
                self.change_list_depth(-1)  # Enter on an empty item leaves the list
                return
            cursor.insertBlock()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            pressed = QKeySequence(event.keyCombination())
            if any(pressed in a.shortcuts() for a in self.actions() if a.isEnabled()):
                event.ignore()  # our formatting shortcut wins over QTextEdit's own (Ctrl+K)
                return True
        if event.type() == QEvent.Type.ToolTip:
            hit = self.marker_at(self.viewport().mapFromGlobal(event.globalPos()))
            if hit is not None:
                pos, excerpt = hit
                record = self.store.get(excerpt)
                number = self.index.number_at(pos)
                QToolTip.showText(
                    event.globalPos(), f"[{number}] " + describe_excerpt(record, excerpt), self
                )
                if record is None:
                    self.store.need([excerpt])
                return True
            point = self.viewport().mapFromGlobal(event.globalPos())
            tip = self.finding_tip(self.cursorForPosition(point).position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
                return True
            QToolTip.hideText()
        return super().event(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            return self.event(event)
        return super().viewportEvent(event)

    def mousePressEvent(self, event) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (
            press is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (point - press).manhattanLength() < 4
        ):
            hit = self.marker_at(point)
            if hit is not None:
                super().mouseReleaseEvent(event)
                self.excerpt_activated.emit(hit[1])
                return
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                link = self.anchorAt(point)
                if link.lower().startswith(LINK_SCHEMES):
                    # Ctrl+click hands a link to the analyst's browser; the app loads nothing.
                    QDesktopServices.openUrl(QUrl(link))
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        over = self.marker_at(event.position().toPoint()) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
        )

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    # -- clipboard and drops ----------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copies keep markers inside Briefer and read as [n] everywhere else."""
        cursor = self.textCursor()
        mime = QMimeData()
        fragment = QTextDocumentFragment(cursor)
        body = self.selection_body(cursor)
        mime.setData(FRAGMENT_MIME, json.dumps(body).encode("utf-8"))
        text = fragment.toPlainText()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        numbers = [n for n, p in enumerate(self.index.positions(), start=1) if start <= p < end]
        for n in numbers:
            text = text.replace(fx.OBJECT_CHAR, f"[{n}]", 1)
        mime.setText(text.replace(fx.OBJECT_CHAR, ""))
        mime.setHtml(fragment.toHtml().replace(fx.OBJECT_CHAR, ""))
        return mime

    def selection_body(self, cursor: QTextCursor) -> dict:
        """The selection as a structure, markers included.

        Qt's fragment copy keeps text, blocks and lists but drops the formats of custom
        objects, so they are put back in order: the k-th object character copied is the
        k-th one selected.
        """
        scratch = QTextDocument()
        QTextCursor(scratch).insertFragment(QTextDocumentFragment(cursor))
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        formats = [self.index.format_at(p) for p in _object_positions(self.document(), start, end)]
        fix = QTextCursor(scratch)
        for fmt, pos in zip(formats, _object_positions(scratch, 0, None), strict=False):
            if fmt is None:
                continue
            fix.setPosition(pos)
            fix.setPosition(pos + 1, QTextCursor.MoveMode.KeepAnchor)
            fix.setCharFormat(fmt)
        return read_document(scratch)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(excerpt_ids(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        ids = excerpt_ids(source)
        if ids:
            self.insert_excerpt_ids(ids)
            return
        try:
            body = body_from_mime(source)
        except PasteRefused as exc:
            self.message.emit(str(exc))
            return
        if body is None or not body["blocks"]:
            return
        self.insert_body(body)

    def insert_body(self, body: dict, cursor: QTextCursor | None = None) -> None:
        """Insert a structure at the cursor: words into the paragraph, blocks as blocks."""
        cursor = QTextCursor(cursor) if cursor is not None else self.textCursor()
        cursor.beginEditBlock()
        blocks = body["blocks"]
        if len(blocks) == 1 and blocks[0]["type"] == "paragraph" and not blocks[0].get("dir"):
            cursor.removeSelectedText()
            level = (
                fx.heading_level(cursor.blockFormat()) if self._heading_here(cursor.block()) else 0
            )
            inline(cursor, blocks[0]["content"], level)
        else:
            cursor.insertFragment(fragment_of(body))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
