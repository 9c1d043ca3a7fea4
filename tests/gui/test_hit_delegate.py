"""The results list's delegate does on each paint only what changed (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QListView, QStyleOptionViewItem

from briefer.core.records import SearchHit
from briefer.gui.models.search_model import SearchHitsModel
from briefer.gui.search_bar import HitDelegate


class CountingModel(SearchHitsModel):
    def __init__(self):
        super().__init__()
        self.display_reads = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            self.display_reads += 1
        return super().data(index, role)


def _hit(n: int) -> SearchHit:
    snippet = f"…the minister said the dam at Mosul {n} would hold…"
    start = snippet.index("Mosul")
    return SearchHit("source", n, n, f"Story {n}", snippet, ((start, start + 5),), -1.0)


def _view(qtbot):
    model = CountingModel()
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = HitDelegate(view)
    view.setItemDelegate(delegate)
    model.set_hits("Mosul", [_hit(n) for n in range(30)])
    return view, model, delegate


def _paint(view, delegate, row: int, *, turn: bool = True) -> None:
    """Paint one row; `turn`: then let the event loop turn, as between two paints."""
    image = QImage(400, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect, option.widget = QRect(0, 0, 400, 90), view
    delegate.paint(painter, option, view.model().index(row, 0))
    painter.end()
    if turn:
        QApplication.processEvents()


def test_a_repainted_hit_reuses_its_laid_out_snippet(qtbot):
    view, _model, delegate = _view(qtbot)
    _paint(view, delegate, 3)
    (layout,) = delegate._layouts.values()
    _paint(view, delegate, 3)
    assert list(delegate._layouts.values()) == [layout]
    _paint(view, delegate, 4)
    assert len(delegate._layouts) == 2


def test_the_kept_layouts_are_bounded(qtbot, monkeypatch):
    view, _model, delegate = _view(qtbot)
    monkeypatch.setattr(HitDelegate, "CACHED_LAYOUTS", 5)
    for row in range(12):
        _paint(view, delegate, row)
    assert len(delegate._layouts) == 5


def test_row_sizes_do_not_read_each_rows_text(qtbot):
    view, model, delegate = _view(qtbot)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    sizes = {delegate.sizeHint(option, model.index(r, 0)).height() for r in range(30)}
    assert model.display_reads == 0
    assert len(sizes) == 1 and sizes.pop() > 3 * option.fontMetrics.height()


def test_one_paint_lays_out_a_few_new_hits_and_the_rest_follow(qtbot):
    """A screen of new hits (right-to-left ones cost 2-3 ms each) is laid out a few at a
    time: one paint makes at most NEW_PER_PAINT titles and snippets, and the view is
    painted again in the next turn of the event loop for the rest (issue 16)."""
    view, _model, delegate = _view(qtbot)
    for row in range(12):  # one paint event draws a screen of rows
        _paint(view, delegate, row, turn=False)
    assert len(delegate._layouts) == HitDelegate.NEW_PER_PAINT
    assert len(delegate._titles) == HitDelegate.NEW_PER_PAINT
    assert delegate.budget is not None and delegate.budget.deferred
    qtbot.waitUntil(lambda: not delegate.budget.deferred)  # the view asked to repaint
    for row in range(12):
        _paint(view, delegate, row, turn=False)
    assert len(delegate._layouts) == 2 * HitDelegate.NEW_PER_PAINT


def test_a_long_snippet_is_laid_out_only_as_far_as_the_row_shows(qtbot):
    """The row shows LINES lines of snippet: a longer one is not laid out further."""
    view, model, delegate = _view(qtbot)
    long_hit = SearchHit("source", 99, 99, "Long", "word " * 800, ((0, 4),), -1.0)
    model.set_hits("word", [long_hit])
    _paint(view, delegate, 0)
    (layout,) = delegate._layouts.values()
    assert layout.lineCount() == HitDelegate.LINES
