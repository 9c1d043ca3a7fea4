"""Search as you type, and the filters of the sources table.

Typing restarts a short timer; when it fires the query runs on the worker thread. Each
query carries a generation number and results of an older one are dropped, so a slow
search can never overwrite the answer to what the analyst typed last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPalette,
    QStaticText,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QToolButton,
    QWidget,
)

from briefer.core.library import Library
from briefer.core.records import (
    RELIABILITY,
    UNGRADED,
    UNGRADED_CODE,
    ExcerptRecord,
    SearchFilters,
    SearchHit,
)
from briefer.core.search import SearchCancelled, SearchResults
from briefer.gui.icons import icon
from briefer.gui.models.search_model import HitRole
from briefer.gui.paint_budget import PaintBudget
from briefer.gui.worker import CoreWorker

DEBOUNCE_MS = 250
SEARCH_LIMIT = 200
# Of those, the hits read with the search: more than a tall screen of the results list
# shows (rows of three lines). The list reads the others as it scrolls (issue 16).
FIRST_HITS = 40
ANY = "Any"


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    filters: SearchFilters
    results: SearchResults
    # The excerpts among all the ranked matches (the panel lists them), best first.
    excerpts: tuple[ExcerptRecord, ...]
    # The library searched: it reads the hits past the first (Library.more_hits).
    library: Library


class Searcher(QObject):
    """Debounced, off-thread search; only the newest query's results are delivered."""

    results_ready = Signal(object)  # SearchOutcome
    failed = Signal(str)

    def __init__(self, library: Library, worker: CoreWorker, parent=None):
        super().__init__(parent)
        self.library = library
        self._worker = worker
        self._generation = 0
        self._pending: tuple[str, SearchFilters] = ("", SearchFilters())
        self._job = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)

    def request(self, query: str, filters: SearchFilters) -> None:
        self._pending = (query, filters)
        self.timer.start()

    def run_now(self) -> None:
        self.timer.stop()
        query, filters = self._pending
        self._generation += 1
        generation = self._generation
        if self._job is not None:
            self._job.cancel()  # not started: it will not run; running: it stops
        library = self.library

        def work(_progress, cancelled):
            if cancelled():
                return None
            try:
                # A newer keystroke cancels this job: the query stops where it is.
                results = library.search_results(
                    query,
                    filters=filters,
                    limit=SEARCH_LIMIT,
                    first=FIRST_HITS,
                    cancelled=cancelled,
                )
            except SearchCancelled:
                return None
            ids = results.ids("excerpt")
            excerpts = library.excerpts.list(ids=ids) if ids and not cancelled() else []
            return SearchOutcome(query, filters, results, tuple(excerpts), library)

        self._job = self._worker.submit(
            "Search",
            work,
            on_done=lambda outcome: self._deliver(generation, outcome),
            on_failed=lambda message: self._fail(generation, message),
        )

    @property
    def generation(self) -> int:
        return self._generation

    def _deliver(self, generation: int, outcome: SearchOutcome | None) -> None:
        if generation == self._generation and outcome is not None:
            self.results_ready.emit(outcome)

    def _fail(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.failed.emit(message)


class HitDelegate(QStyledItemDelegate):
    """Title on one line, snippet below with the matched words in bold and highlighted;
    drawn with QTextLayout formats, never as HTML.

    Painting is on the GUI thread's path after every keystroke's results (issue 16):
    the style's whole item (CE_ItemViewItem, which lays out the item's text even when
    told to draw none) cost more than the rest of the row, so only its panel is drawn;
    the title is elided to one line; the title's and the snippet's laid-out text are
    kept for the next paint (hover, scrolling, selection) of the same hit at the same
    width and colours. Laying out a new row costs 1-3 ms (right-to-left snippets the
    most): one paint lays out at most NEW_PER_PAINT rows, the others are drawn in the
    next turn of the event loop (gui/paint_budget.py).
    """

    LINES = 3
    CACHED_LAYOUTS = 256
    NEW_PER_PAINT = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layouts: dict[tuple, QTextLayout] = {}
        self._titles: dict[tuple, QStaticText] = {}
        self.budget: PaintBudget | None = None

    def paint(self, painter, option, index) -> None:
        hit: SearchHit | None = index.data(HitRole)
        if hit is None:
            return super().paint(painter, option, index)
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            panel = QStyle.PrimitiveElement.PE_PanelItemViewItem
            style.drawPrimitive(panel, option, painter, widget)
        if self.budget is None and isinstance(widget, QAbstractItemView):
            self.budget = PaintBudget(widget, self.NEW_PER_PAINT)
        rect = option.rect.adjusted(6, 3, -6, -3)
        palette = option.palette
        font_key, width = option.font.key(), rect.width()
        title_key = (hit.kind, hit.title, font_key, width)
        snippet_key = (hit.kind, hit.id, hit.snippet, hit.highlights, font_key, width,
                       palette.cacheKey())  # fmt: skip
        new = title_key not in self._titles or snippet_key not in self._layouts
        if not new or self.budget is None or self.budget.take(option.rect):
            self._draw_texts(painter, option, hit, rect, (title_key, snippet_key))
        if option.state & QStyle.StateFlag.State_HasFocus and style is not None:
            focus = QStyleOptionFocusRect()
            focus.rect, focus.state, focus.palette = option.rect, option.state, palette
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, widget)

    def _draw_texts(self, painter, option, hit: SearchHit, rect, keys: tuple) -> None:
        title_key, snippet_key = keys
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(palette.color(text_role))
        title, height, title_font = self._title(hit, option.font, rect.width(), title_key)
        painter.setFont(title_font)
        painter.drawStaticText(rect.left(), rect.top(), title)
        top = rect.top() + height + 2
        body = self._snippet_layout(hit, option.font, rect.width(), palette, snippet_key)
        painter.setClipRect(QRectF(rect))
        body.draw(painter, QPointF(rect.left(), top))
        painter.restore()

    def _title(self, hit: SearchHit, font: QFont, width: int, key: tuple):
        """The title laid out on one line (bold, elided), its height and font."""
        kept = self._titles.get(key)
        if kept is None:
            font = QFont(font)
            font.setBold(True)
            metrics = QFontMetrics(font)
            kind = "Excerpt · " if hit.kind == "excerpt" else ""
            text = metrics.elidedText(f"{kind}{hit.title}", Qt.TextElideMode.ElideRight, width)
            line = QStaticText(text)
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.prepare(font=font)
            if len(self._titles) >= self.CACHED_LAYOUTS:
                self._titles.pop(next(iter(self._titles)))
            kept = self._titles[key] = (line, metrics.height(), font)
        return kept

    def _snippet_layout(self, hit: SearchHit, font: QFont, width: int, palette, key: tuple):
        layout = self._layouts.get(key)
        if layout is None:
            marks = QTextCharFormat()
            marks.setFontWeight(QFont.Weight.Bold)
            marks.setBackground(palette.color(QPalette.ColorRole.Highlight).lighter(160))
            marks.setForeground(palette.color(QPalette.ColorRole.Text))
            ranges = []
            for start, end in hit.highlights:
                fr = QTextLayout.FormatRange()
                fr.start, fr.length, fr.format = start, end - start, marks
                ranges.append(fr)
            layout = _layout(hit.snippet, font, width, ranges, self.LINES)
            if len(self._layouts) >= self.CACHED_LAYOUTS:
                self._layouts.pop(next(iter(self._layouts)))
            self._layouts[key] = layout
        return layout

    def sizeHint(self, option, index):
        # Not the style's item size: that measures the whole title and snippet of each
        # row; every row is as tall as a title and LINES lines of snippet. No width of
        # its own: the list gives each row the viewport's width, and a row sized to the
        # view before its vertical scroll bar appeared made it scroll sideways.
        lines = option.fontMetrics.height() * (self.LINES + 1) + 10
        return QSize(1, lines)


def _layout(text: str, font: QFont, width: int, ranges: list, lines: int) -> QTextLayout:
    """The text laid out in at most `lines` lines of `width` (the row shows no more)."""
    layout = QTextLayout(text.replace("\n", " "), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setFormats(ranges)
    layout.beginLayout()
    y = 0.0
    for _ in range(lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 10))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


class FilterBar(QWidget):
    """Tag, outlet, date range and reliability; changes are reported as SearchFilters."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tag = QComboBox()
        self.tag.setToolTip("Only items with this tag")
        self.outlet = QComboBox()
        self.outlet.setToolTip("Only sources from this outlet")
        self.use_dates = QCheckBox("Published")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        today = QDate.currentDate()
        self.date_from.setDate(today.addYears(-1))
        self.date_to.setDate(today)
        self.reliability_buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Tag"))
        layout.addWidget(self.tag)
        layout.addWidget(QLabel("Outlet"))
        layout.addWidget(self.outlet)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("to"))
        layout.addWidget(self.date_to)
        layout.addWidget(QLabel("Reliability"))
        grades = {**RELIABILITY, UNGRADED: "Sources nobody has graded yet"}
        for grade, meaning in grades.items():
            button = QToolButton()
            button.setText(UNGRADED_CODE if grade == UNGRADED else grade)
            button.setCheckable(True)
            label = "Ungraded" if grade == UNGRADED else grade
            button.setToolTip(f"{label}: {meaning}")
            self.reliability_buttons[grade] = button
            layout.addWidget(button)
            button.toggled.connect(self.changed)
        layout.addStretch(1)
        self.set_choices([], [])
        self.tag.currentIndexChanged.connect(self.changed)
        self.outlet.currentIndexChanged.connect(self.changed)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)

    def set_choices(self, tags: Sequence[str], outlets: Sequence[str]) -> None:
        """New lists of tags and outlets; the current choices stay when still offered."""
        for combo, names in ((self.tag, tags), (self.outlet, outlets)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ANY, None)
            for name in names:
                combo.addItem(name, name)
            found = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
            if current and found < 0:
                self.changed.emit()

    def filters(self) -> SearchFilters:
        dates = self.use_dates.isChecked()
        return SearchFilters(
            tag=self.tag.currentData(),
            outlet=self.outlet.currentData(),
            date_from=self.date_from.date().toPython() if dates else None,
            date_to=self.date_to.date().toPython() if dates else None,
            reliability=tuple(g for g, b in self.reliability_buttons.items() if b.isChecked()),
        )

    def set_filters(self, filters: SearchFilters) -> None:
        """Show a saved search's filters, announcing one change at the end."""
        self.blockSignals(True)
        try:
            for combo, value in ((self.tag, filters.tag), (self.outlet, filters.outlet)):
                if value and combo.findData(value) < 0:
                    combo.addItem(value, value)
                combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
            has_dates = bool(filters.date_from or filters.date_to)
            self.use_dates.setChecked(has_dates)
            if filters.date_from:
                self.date_from.setDate(QDate(filters.date_from))
            if filters.date_to:
                self.date_to.setDate(QDate(filters.date_to))
            for grade, button in self.reliability_buttons.items():
                button.setChecked(grade in filters.reliability)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def set_tag(self, name: str | None) -> None:
        self.set_filters(SearchFilters(tag=name))

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.changed.emit()

    def _dates_changed(self, *_args) -> None:
        if self.use_dates.isChecked():
            self.changed.emit()


def is_empty(filters: SearchFilters) -> bool:
    return filters == SearchFilters()


class SearchBox(QWidget):
    """The search field with its Save Search button."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            'Search sources and excerpts — words, prefix*, "an exact phrase"  (Ctrl+F)'
        )
        self.field.setClearButtonEnabled(True)
        self.field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.save_button = QPushButton(icon("saved-search"), "Save Search…")
        self.save_button.setToolTip("Keep this query and these filters in the navigator")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.save_button)
