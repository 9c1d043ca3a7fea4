"""The sources table: a lazy model over SourceService.list pages."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from briefer.core import suspect
from briefer.core.library import Library
from briefer.core.records import SearchFilters, SourceSummary, reliability_text
from briefer.gui.icons import icon
from briefer.gui.models.record_table import Index, RecordTableModel

PAGE_SIZE = 256
# The first read fetches about one screen, so the window paints sooner; the view asks
# for more, PAGE_SIZE at a time, as it scrolls.
FIRST_PAGE = 64

COLUMNS = (
    ("Title", "title"),
    ("Outlet", "outlet"),
    ("Published", "published"),
    ("Reliability", "reliability"),
    ("Tags", None),
    ("Excerpts", None),
    ("Added", "created"),
)
TITLE, OUTLET, PUBLISHED, RELIABILITY_COLUMN, TAGS, EXCERPTS, ADDED = range(len(COLUMNS))
SourceIdRole = Qt.ItemDataRole.UserRole + 1
# True on the Published column when the printed date reads two ways (the "ambiguous" badge).
AmbiguousRole = Qt.ItemDataRole.UserRole + 2
# On the Title column: why the source's metadata is suspect (core/suspect.py), () if not.
SuspectRole = Qt.ItemDataRole.UserRole + 3

# data() runs for every role of every visible cell on each repaint: the roles are looked
# up once here (an attribute of Qt's enums costs ~0.6 us a lookup in PySide6), and the
# roles this model never answers (font, colours, check state...) return at once.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_ANSWERED = frozenset(
    {_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT, SourceIdRole, AmbiguousRole, SuspectRole}
)


class SourcesTableModel(RecordTableModel):
    """Rows arrive a page at a time as the view scrolls, so a library of 100,000
    sources opens at once; sorting re-queries core instead of sorting in memory.

    Nothing is read until the first question (a view's rowCount, `total`...), so the
    order and filters set while the window is built cost no query of their own.
    """

    HEADERS = tuple(name for name, _key in COLUMNS)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self._library = library
        self._rows: list[SourceSummary] = []
        self._total = 0
        self._order = "created"
        self._descending = False
        self._filters = SearchFilters()
        self._stale = True
        # Per source id: its cells' text and its suspect reasons, worked out on the
        # first paint of its row. A view asks data() for every role of every visible
        # cell on each repaint (hover, scrolling, a keystroke's relayout); reading the
        # title's suspect reasons and formatting dates each time cost more than Qt's
        # own painting of the table (issue 16).
        self._cells: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    # -- loading -------------------------------------------------------------------

    def set_library(self, library: Library) -> None:
        self._library = library
        self._filters = SearchFilters()
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        self._stale = False
        self._cells.clear()
        if self._filters == SearchFilters():
            self._total = self._library.source_rows.count()
        else:
            self._total = self._library.sources.count(filters=self._filters)
        self._rows = self._page(0, min(FIRST_PAGE, PAGE_SIZE))

    def _ensure_loaded(self) -> None:
        if self._stale:
            self._load()

    def set_filters(self, filters: SearchFilters | None) -> None:
        self._filters = filters or SearchFilters()
        self.reload()

    def set_tag_filter(self, tag: str | None) -> None:
        self._filters = SearchFilters(tag=tag or None)
        self.reload()

    @property
    def filters(self) -> SearchFilters:
        return self._filters

    def _page(self, offset: int, limit: int | None = None) -> list[SourceSummary]:
        if self._filters == SearchFilters():
            # The whole library in plain SQL (core/source_rows.py): the first screen
            # paints before the ORM loads (issue 16).
            return self._library.source_rows.page(
                order=self._order,
                descending=self._descending,
                limit=limit or PAGE_SIZE,
                offset=offset,
            )
        return self._library.sources.list(
            filters=self._filters,
            order=self._order,
            descending=self._descending,
            limit=limit or PAGE_SIZE,
            offset=offset,
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        self._ensure_loaded()
        return super().rowCount(parent)

    def record_at(self, row: int):
        self._ensure_loaded()
        return super().record_at(row)

    def row_of(self, record_id: int) -> int | None:
        self._ensure_loaded()
        return super().row_of(record_id)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        self._ensure_loaded()
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        self._ensure_loaded()
        page = self._page(len(self._rows))
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def refresh_source(self, source_id: int) -> None:
        """Re-read one row after an edit, keeping the loaded pages and the scroll."""
        row = self.row_of(source_id)
        if row is None:
            return
        fresh = self._library.sources.list(
            filters=self._filters, order=self._order, descending=self._descending,
            limit=1, offset=row,
        )  # fmt: skip
        if fresh and fresh[0].id == source_id:
            self._rows[row] = fresh[0]
            self._cells.pop(source_id, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        else:
            self.reload()

    @property
    def total(self) -> int:
        self._ensure_loaded()
        return self._total

    @property
    def library_total(self) -> int | None:
        """All the library's sources when no filter is set (the table's own count,
        read with its first rows), else None: the status bar needs no query of its own."""
        if self._filters != SearchFilters():
            return None
        return self.total

    def source_at(self, row: int) -> SourceSummary:
        return self.record_at(row)

    # -- Qt model API ----------------------------------------------------------------

    def data(self, index: Index, role=_DISPLAY):
        if role not in _ANSWERED:
            return None
        self._ensure_loaded()
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return None
        src = self._rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self._cells_of(src)[0][column]
        if role == SourceIdRole:
            return src.id
        if role == AmbiguousRole:
            return column == PUBLISHED and src.published_ambiguous
        if role == _ALIGNMENT:
            return _CENTRED if column in (RELIABILITY_COLUMN, EXCERPTS) else None
        if column == TITLE and role in (SuspectRole, _DECORATION):
            reasons = self._cells_of(src)[1]
            if role == SuspectRole:
                return reasons
            return icon("warning") if reasons else None
        if role == _TOOLTIP:
            if column == RELIABILITY_COLUMN:
                return reliability_text(src.reliability)
            if column == PUBLISHED and src.published_ambiguous:
                readings = " or ".join(d.strftime("%d %B %Y") for d in src.published_alternatives)
                return (
                    f"Ambiguous date “{src.published_text}”: {readings}. Open the source to pick."
                )
            if column == TITLE:
                reasons = self._cells_of(src)[1]
                if reasons:
                    return f"{src.title}\n\nCheck before citing: {', '.join(reasons)}"
                return src.title
        return None

    def _cells_of(self, src: SourceSummary) -> tuple[tuple[str, ...], tuple[str, ...]]:
        cells = self._cells.get(src.id)
        if cells is None:
            texts = tuple(_display(src, column) for column in range(len(COLUMNS)))
            cells = self._cells[src.id] = (texts, suspect.reasons(src))
        return cells

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self._order, self._descending):
            return
        self._order, self._descending = key, descending
        if self._stale:  # nothing read yet: the first question reads it, in this order
            self.beginResetModel()
            self.endResetModel()
        else:
            self.reload()


def format_published(src: SourceSummary) -> str:
    if src.published is None:
        return ""
    return {
        "year": f"{src.published:%Y}",
        "month": f"{src.published:%b %Y}",
    }.get(src.published_precision, f"{src.published:%d %b %Y}")


def _display(src: SourceSummary, column: int) -> str:
    if column == TITLE:
        return src.title
    if column == OUTLET:
        return src.outlet
    if column == PUBLISHED:
        text = format_published(src)
        return f"{text} (ambiguous)" if text and src.published_ambiguous else text
    if column == RELIABILITY_COLUMN:
        return src.reliability or "Ungraded"
    if column == TAGS:
        return ", ".join(src.tags)
    if column == EXCERPTS:
        return str(src.excerpt_count)
    return f"{src.created.astimezone():%d %b %Y %H:%M}"
