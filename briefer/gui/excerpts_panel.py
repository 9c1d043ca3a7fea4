"""The excerpts panel: the excerpts of the open source, of a search or of a tag.

Rows drag out as excerpt ids (the brief editor takes them) and plain-text citations;
tagging and deleting act on every selected row. The columns fit their contents (the
excerpt's words take the room left, the others are capped so that a long title does not
push the rest out of the narrow panel); with no excerpt to show, the panel says how to
make one instead of showing an empty grid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAction, QCursor, QFontMetrics, QKeySequence, QPalette, QStaticText
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefer.core.records import ExcerptRecord, SourceSummary
from briefer.export.references import full_citation, segments_html, segments_text
from briefer.gui.clipboard import copy_rich
from briefer.gui.icons import icon
from briefer.gui.models.excerpts_model import (
    COMMENT,
    DATE,
    GRADE,
    SOURCE,
    TAGS,
    TEXT,
    ExcerptsModel,
    format_citation,
)
from briefer.gui.paint_budget import PaintBudget
from briefer.gui.tag_field import TagField

# Widest a column sized to its contents may grow, in average characters; the excerpt's
# own column takes the rest of the panel.
CAPS = {TAGS: 14, COMMENT: 20, SOURCE: 16}
FITTED = (GRADE, TAGS, COMMENT, SOURCE, DATE)  # fitted to their texts; TEXT takes the rest
FIT_ROWS = 50  # rows a column is fitted to (about two screens)
ELLIPSIS = "\u2026"
# What the window's Cut Excerpt action is bound to (the actions table may say otherwise
# through set_cut_shortcut; tests/gui/test_excerpts_panel.py compares the two).
CUT_SHORTCUT = "Ctrl+E"


def empty_hint(shortcut: str) -> str:
    return (
        "<p><b>No excerpts here yet.</b></p>"
        "<p>To make one, open a source, select words in its text and press "
        f"<b>{shortcut}</b>, or click <b>Cut Excerpt</b> in the toolbar.</p>"
        "<p>Excerpts of the open source, of a search or of a tag show here.</p>"
    )


def cut_to_fit(text: str, metrics: QFontMetrics, width: int) -> str:
    """The text of a one-line cell as drawn: cut to what can fit `width` before Qt
    measures it (an excerpt runs to thousands of characters and shaping them, Arabic
    especially, cost the first paint of a search's rows more than the rest of the
    panel, issue 16), then elided at the end with "…" as the style would."""
    most = 2 * width // max(metrics.averageCharWidth(), 1) + 8
    cut = len(text) > most
    if cut:
        text = text[:most]
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if cut and shown == text:  # narrow letters: all of the cut part fits
        shown = text[:-1] + ELLIPSIS
    return shown


class CellDelegate(QStyledItemDelegate):
    """Draws a cell's one line of text from the model's kept texts: no data() call per
    role through Qt and no text layout of the whole excerpt (issue 16). Each cell's
    line, cut and elided, is kept laid out (QStaticText) for the next paint, and one
    paint lays out at most NEW_PER_PAINT new ones (gui/paint_budget.py). Tooltips and
    the rows' height still come from the model's roles."""

    NEW_PER_PAINT = 20
    KEPT = 2000

    def __init__(self, model: ExcerptsModel, view: QAbstractItemView):
        super().__init__(view)
        self._model = model
        self._margins: dict[int, int] = {}  # the text's margin, by style
        self._lines: dict[tuple, QStaticText] = {}
        self.budget = PaintBudget(view, self.NEW_PER_PAINT)

    def paint(self, painter, option, index) -> None:
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return super().paint(painter, option, index)
        style.drawPrimitive(_PANEL, option, painter, widget)
        state = option.state.value  # an int: Qt's flags as Python enums cost ~1 us an op
        text = self._model.display_text(index.row(), index.column())
        if text:
            self._draw_text(painter, option, style, widget, state, text)
        if state & _FOCUS:
            focus = QStyleOptionFocusRect()
            focus.rect, focus.state, focus.palette = option.rect, option.state, option.palette
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, widget)

    def _draw_text(self, painter, option, style, widget, state: int, text: str) -> None:
        group = _color_group(state)
        painter.setPen(option.palette.color(group, _CHOSEN if state & _SELECTED else _TEXT))
        self.draw_line(painter, option.rect, text, option, self.margin(style, widget))

    def margin(self, style, widget) -> int:
        """The text's margin in its cell, as the style leaves it."""
        margin = self._margins.get(id(style))
        if margin is None:
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
            self._margins[id(style)] = margin
        return margin

    def draw_line(self, painter, rect: QRect, text: str, option, margin: int) -> None:
        """The cell's text in the painter's pen and font (the view's: the model
        answers no FontRole), laid out once and kept; past the paint's budget, left
        for the next paint."""
        self.draw_at(painter, rect.left(), rect.top(), rect.width(), rect.height(), text,
                     option, margin, option.direction)  # fmt: skip

    def draw_at(self, painter, x, y, width, height, text, option, margin, direction) -> None:
        key = (text, width, height, direction)
        kept = self._lines.get(key)
        if kept is None:
            rect = QRect(x, y, width, height)
            if not self.budget.take(rect):
                return
            kept = self._line(option, rect, margin, text)
            if kept is None:
                return
            if len(self._lines) >= self.KEPT:
                self._lines.clear()
            self._lines[key] = kept
        line, dx, dy = kept
        painter.drawStaticText(x + dx, y + dy, line)

    def _line(self, option, rect: QRect, margin: int, text: str):
        """The cell's text laid out, and where it goes in the cell."""
        width = rect.width() - 2 * margin
        if width <= 0:
            return None
        line = QStaticText(cut_to_fit(text, option.fontMetrics, width))
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.prepare(font=option.font)
        size = line.size()
        dy = int((rect.height() - size.height()) / 2)
        if option.direction == _RIGHT_TO_LEFT:
            return line, rect.width() - margin - int(size.width()), dy
        return line, margin, dy


class ExcerptsView(QTreeView):
    """The panel's list, drawn a row at a time (issue 16): Qt's drawRow calls the
    delegate once for each cell, and each call from C++ into Python costs more than
    drawing the cell's kept line; here the row's background and selection are drawn
    once and its cells' lines after them. Selection, focus, hover and alternating
    colours are drawn as QTreeView draws them for a flat list of whole-row selection."""

    # Set by each paintEvent for the rows it draws.
    _columns: tuple[tuple[int, int, int], ...] = ()
    _row_option: QStyleOptionViewItem | None = None

    def paintEvent(self, event) -> None:
        # What every row of this paint shares, worked out once.
        header = self.header()
        self._columns = tuple(
            (c, header.sectionViewportPosition(c), header.sectionSize(c))
            for c in range(header.count())
            if not header.isSectionHidden(c) and header.sectionSize(c) > 0
        )
        current = self.currentIndex()
        focused = self.hasFocus() or self.viewport().hasFocus()
        self._focus = (current.row(), current.column()) if focused and current.isValid() else None
        viewport = self.viewport()
        hovered = self.indexAt(viewport.mapFromGlobal(QCursor.pos()))
        self._hover_row = hovered.row() if viewport.underMouse() and hovered.isValid() else -1
        self._selected = {i.row() for i in self.selectionModel().selectedRows()}
        self._alternate = self.alternatingRowColors()
        self._style = self.style()
        self._row_option: QStyleOptionViewItem | None = None
        super().paintEvent(event)

    def drawRow(self, painter, option, index) -> None:
        delegate = self.itemDelegate()
        model = self.model()
        columns = self._columns
        if not isinstance(delegate, CellDelegate) or not isinstance(model, ExcerptsModel):
            return super().drawRow(painter, option, index)
        if not columns:
            return
        opt = self._row_option
        if opt is None:  # the first row of this paint
            opt = self._row_option = QStyleOptionViewItem(option)
            self._span = (min(x for _c, x, _w in columns), max(x + w for _c, x, w in columns))
            self._margin = delegate.margin(self._style, self)
            self._direction = option.direction
        row, rect = index.row(), option.rect
        top, height = rect.top(), rect.height()
        state = option.state.value
        if row in self._selected:
            state |= _SELECTED
        if row == self._hover_row:
            state |= _MOUSE_OVER
        opt.state = QStyle.StateFlag(state)
        left, right = self._span
        opt.rect = QRect(left, top, right - left, height)
        alternate = QStyleOptionViewItem.ViewItemFeature.Alternate
        opt.features = (
            option.features | alternate if self._alternate and row & 1 else option.features
        )
        style = self._style
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, opt, painter, self)
        style.drawPrimitive(_PANEL, opt, painter, self)
        painter.setPen(
            opt.palette.color(_color_group(state), _CHOSEN if state & _SELECTED else _TEXT)
        )
        margin, direction, texts = self._margin, self._direction, model.row_texts(row)
        for column, x, width in columns:
            text = texts[column]
            if text:
                delegate.draw_at(painter, x, top, width, height, text, opt, margin, direction)
        focus = self._focus
        if focus is not None and focus[0] == row:
            cell = next(((x, w) for c, x, w in columns if c == focus[1]), None)
            if cell is not None:
                frame = QStyleOptionFocusRect()
                frame.rect = QRect(cell[0], top, cell[1], height)
                frame.state = QStyle.StateFlag(state | _FOCUS)
                frame.palette = opt.palette
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, self)


def _color_group(state: int) -> QPalette.ColorGroup:
    """The palette's colours for a cell in this state, as the style picks them."""
    if not state & _ENABLED:
        return _DISABLED
    return _NORMAL if state & _ACTIVE else _INACTIVE


_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_MOUSE_OVER = QStyle.StateFlag.State_MouseOver.value
_NORMAL, _DISABLED, _INACTIVE = (
    QPalette.ColorGroup.Normal, QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Inactive
)  # fmt: skip
_TEXT, _CHOSEN = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText
_RIGHT_TO_LEFT = Qt.LayoutDirection.RightToLeft


class ExcerptsPanel(QWidget):
    edit_requested = Signal(int)
    delete_requested = Signal(list)  # excerpt ids
    tag_requested = Signal(list, list)  # excerpt ids, tag names
    excerpt_activated = Signal(object)  # ExcerptRecord: open its source there

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fitting = False
        self.heading = QLabel("Excerpts")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = ExcerptsModel(self)
        # The window sets this: a source id to its summary, for full citations.
        self.source_lookup: Callable[[int], SourceSummary | None] | None = None
        self.view = ExcerptsView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CellDelegate(self.model, self.view))
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        # One line a row, cut with "…" (the tooltip has the whole excerpt): rows of one
        # height let the view lay out thousands of a search's excerpts without
        # measuring each one's wrapped text on the GUI thread (issue 16).
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setUniformRowHeights(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        # Fitting a column reads this many rows, not every loaded one: a search's
        # thousands of excerpts must not be measured on the GUI thread (issue 16).
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fitted by _fit from the model's texts, never by the view measuring rows.
        header.setSectionResizeMode(GRADE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 4)

        self.empty_label = QLabel(empty_hint(CUT_SHORTCUT))
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setMargin(8)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        self.stack.setCurrentWidget(self.empty_label)

        self.tag_field = TagField()
        self.tag_button = QPushButton(icon("tag"), "Tag")
        self.tag_button.setToolTip("Add these tags to the selected excerpts")
        self.edit_button = QToolButton()
        self.copy_button = QToolButton()
        self.delete_button = QToolButton()

        self.edit_action = QAction(icon("edit"), "&Edit Excerpt…", self)
        self.edit_action.setShortcuts([QKeySequence("Return"), QKeySequence("F2")])
        self.copy_action = QAction(icon("copy"), "&Copy as Citation", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.delete_action = QAction(icon("delete"), "&Delete Excerpt", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        for action in (self.edit_action, self.copy_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        self.edit_button.setDefaultAction(self.edit_action)
        self.copy_button.setDefaultAction(self.copy_action)
        self.delete_button.setDefaultAction(self.delete_action)

        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_field, 1)
        tag_row.addWidget(self.tag_button)
        button_row = QHBoxLayout()
        button_row.addWidget(self.edit_button)
        button_row.addWidget(self.copy_button)
        button_row.addWidget(self.delete_button)
        button_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addLayout(tag_row)
        layout.addLayout(button_row)

        self.edit_action.triggered.connect(self._edit)
        self.copy_action.triggered.connect(self.copy_citations)
        self.delete_action.triggered.connect(self._delete)
        self.tag_button.clicked.connect(self._tag)
        self.tag_field.returnPressed.connect(self._tag)
        self.view.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.model.modelReset.connect(self._fit_columns)
        self.model.rowsInserted.connect(self._rows_added)
        self._update_actions()
        self._fit_columns()

    # -- content -------------------------------------------------------------------

    def show_excerpts(self, heading: str, excerpts: Sequence[ExcerptRecord]) -> None:
        """Replace the list, keeping the selection where the same excerpts remain."""
        kept = self.selected_ids()
        self.heading.setText(heading)
        self.model.set_excerpts(excerpts)
        for excerpt_id in kept:
            self.select_excerpt(excerpt_id, clear=False)

    def set_cut_shortcut(self, shortcut: str) -> None:
        """The keys of the window's Cut Excerpt, for the empty panel's hint."""
        self.empty_label.setText(empty_hint(shortcut or CUT_SHORTCUT))

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty_label

    def _rows_added(self, *_args) -> None:
        """More rows (scrolling fetches them, or a new excerpt): the columns were fitted
        to the first rows already, unless the list was empty until now."""
        if self.is_empty():
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Show the hint when there is nothing; else fit each column to its contents
        (its first FIT_ROWS rows), within its cap, and leave the excerpt's words the
        rest. Fitting may make the view fetch more rows: that does not fit again."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        if self.model.rowCount() == 0:
            self.stack.setCurrentWidget(self.empty_label)
            return
        # Rows of one source (the open one) need not repeat its title and date: the
        # heading names it, and the words get the room.
        one_source = len({e.source_id for e in self.model.excerpts()}) == 1
        self.view.setColumnHidden(SOURCE, one_source)
        self.view.setColumnHidden(DATE, one_source)
        # Measured here from the model's texts of the first FIT_ROWS rows, as the
        # style would size each cell: asking the view (resizeColumnToContents, or a
        # ResizeToContents section on every resize) made it lay out and query every
        # role of every measured cell, ~20 ms of each search's results (issue 16).
        header, view = self.view.header(), self.view
        char = self.fontMetrics().averageCharWidth()
        metrics = view.fontMetrics()
        style = view.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        rows = min(self.model.rowCount(), FIT_ROWS)
        for column in FITTED:
            if view.isColumnHidden(column):
                continue
            cap = CAPS.get(column)
            widest = header.sectionSizeHint(column)
            for row in range(rows):
                text = self.model.display_text(row, column)
                if cap is not None:
                    text = text[: 3 * cap]  # longer is cut to the cap anyway
                if text:
                    widest = max(widest, metrics.horizontalAdvance(text) + margin + 1)
            header.resizeSection(column, widest if cap is None else min(widest, cap * char))
        # Shown once fitted: shown first, it would lay out the old widths.
        self.stack.setCurrentWidget(view)

    def select_excerpt(self, excerpt_id: int, *, clear: bool = True) -> bool:
        row = self.model.row_of(excerpt_id)
        if row is None:
            return False
        selection = self.view.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        if clear:
            flags |= selection.SelectionFlag.Clear
        index = self.model.index(row, 0)
        selection.select(index, flags)
        selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
        self.view.scrollTo(index)
        return True

    def selected(self) -> list[ExcerptRecord]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.excerpt_at(r) for r in rows]

    def selected_ids(self) -> list[int]:
        return [e.id for e in self.selected()]

    def set_known_tags(self, names: Sequence[str]) -> None:
        self.tag_field.set_known_tags(names)

    # -- actions -------------------------------------------------------------------

    def copy_citations(self) -> None:
        """Full citations as plain text and as HTML (Word, mail). The excerpt ids
        travel by drag only (gui/clipboard.py says why the clipboard gets no more)."""
        if self.selected():
            copy_rich(self.citation_text(), self.citation_html())

    def _segments(self, excerpt: ExcerptRecord):
        source = self.source_lookup(excerpt.source_id) if self.source_lookup else None
        if source is None:
            return [(format_citation(excerpt), None)]
        return full_citation(excerpt, source)

    def citation_text(self) -> str:
        return "\n".join(segments_text(self._segments(e)) for e in self.selected())

    def citation_html(self) -> str:
        return "\n".join(segments_html(self._segments(e)) for e in self.selected())

    def _update_actions(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.edit_action.setEnabled(count == 1)
        self.copy_action.setEnabled(count > 0)
        self.delete_action.setEnabled(count > 0)
        self.tag_button.setEnabled(count > 0)
        self.tag_field.setEnabled(count > 0)

    def _edit(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.edit_requested.emit(chosen[0].id)

    def _delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _tag(self) -> None:
        ids, names = self.selected_ids(), self.tag_field.tags()
        if ids and names:
            self.tag_requested.emit(ids, names)
            self.tag_field.clear()

    def _activate(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.excerpt_activated.emit(self.model.excerpt_at(row))
