"""The sources model on its own, without a view."""

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from briefer.gui.models import sources_model
from briefer.gui.models.sources_model import SourceIdRole, SourcesTableModel


def test_loads_lazily_a_page_at_a_time(library, add_source, monkeypatch, qapp):
    monkeypatch.setattr(sources_model, "PAGE_SIZE", 10)
    for n in range(25):
        add_source(f"Source {n:02d}")
    model = SourcesTableModel(library)
    assert model.total == 25
    assert model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    assert not model.canFetchMore(QModelIndex())


def test_columns_sorting_and_tooltips(library, add_source, qapp):
    add_source("Bravo", outlet="Rudaw", reliability="B", tags=("Iraq",))
    amb = add_source(
        "Alpha",
        published=date(2024, 2, 9),
        published_precision="day",
        published_ambiguous=True,
        published_alternatives=(date(2024, 2, 9), date(2024, 9, 2)),
        published_text="09-02-2024",
    )
    library.excerpts.add(amb.id, 0, 4)
    model = SourcesTableModel(library)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:6] == ["Alpha", "", "09 Feb 2024 (ambiguous)", "Ungraded", "", "1"]
    assert model.data(model.index(0, 0), SourceIdRole) == amb.id
    tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert "09 February 2024 or 02 September 2024" in tip
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Bravo"
    assert model.data(model.index(0, 4)) == "Iraq"
    assert "Usually reliable" in model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Reliability"


def test_tag_filter(library, add_source, qapp):
    add_source("Tagged", tags=("x",))
    add_source("Plain")
    model = SourcesTableModel(library)
    model.set_tag_filter("X")
    assert model.total == 1 and model.data(model.index(0, 0)) == "Tagged"


def test_the_window_reads_the_first_screen_once(library, add_source, monkeypatch, qapp):
    """Building the sources page sets an order and a header sort; one page is read."""
    from briefer.gui.library_page import LibraryPage

    for n in range(80):
        add_source(f"Source {n:02d}")
    calls = []
    # The unfiltered table reads in plain SQL (core/source_rows.py), no ORM (issue 16).
    real = library.source_rows.page
    monkeypatch.setattr(library.source_rows, "page", lambda **kw: calls.append(kw) or real(**kw))
    monkeypatch.setattr(library.sources, "list", lambda **kw: calls.append(("orm", kw)))
    page = LibraryPage(library)
    assert page.sources_model.rowCount() == sources_model.FIRST_PAGE
    assert [(c["order"], c["descending"], c["limit"]) for c in calls] == [
        ("created", True, sources_model.FIRST_PAGE)
    ]
    assert page.sources_model.data(page.sources_model.index(0, 0)) == "Source 79"
    page.sources_model.fetchMore(QModelIndex())
    assert page.sources_model.rowCount() == 80


def test_work_waits_for_the_first_paint(qtbot):
    from PySide6.QtWidgets import QLabel, QMainWindow

    from briefer.gui.app import after_first_paint

    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    qtbot.addWidget(window)
    calls = []
    after_first_paint(window, lambda: calls.append(1))
    qtbot.wait(50)
    assert calls == []  # not shown, not painted
    window.show()
    qtbot.waitUntil(lambda: calls == [1], timeout=5_000)


def test_cells_are_worked_out_once_per_row_until_it_is_read_again(
    library, add_source, monkeypatch, qapp
):
    """A repaint asks for every role of every visible cell: the title's suspect reasons
    and the formatted cells are kept per row, and dropped when the row is re-read
    (issue 16)."""
    from briefer.core import suspect

    calls = []
    reasons = suspect.reasons
    monkeypatch.setattr(suspect, "reasons", lambda src: calls.append(src.id) or reasons(src))
    source = add_source("Alpha", outlet="", published=date(2024, 1, 2), published_precision="day")
    model = SourcesTableModel(library)
    title = model.index(0, sources_model.TITLE)
    for _repaint in range(3):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                     Qt.ItemDataRole.ToolTipRole, sources_model.SuspectRole):  # fmt: skip
            model.data(title, role)
    assert calls == [source.id]
    assert model.data(title, sources_model.SuspectRole) == (suspect.NO_OUTLET,)
    library.sources.update(source.id, outlet="Rudaw")
    model.refresh_source(source.id)
    assert model.data(title, sources_model.SuspectRole) == ()
    assert model.data(model.index(0, sources_model.OUTLET)) == "Rudaw"
    assert model.data(title, Qt.ItemDataRole.FontRole) is None
