"""The excerpts panel shows tags and comment, fits its columns, and says how to make
the first excerpt when it has none (issue 12, Excerpts panel)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from briefer.gui import excerpts_panel as panel_module
from briefer.gui.excerpts_panel import ExcerptsPanel
from briefer.gui.models.excerpts_model import COLUMNS, COMMENT, DATE, GRADE, SOURCE, TAGS, TEXT

BODY = "The strikes aimed to degrade the groups. Officials said more would follow soon."


def shown_panel(qtbot) -> ExcerptsPanel:
    panel = ExcerptsPanel()
    qtbot.addWidget(panel)
    panel.resize(440, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_an_empty_panel_says_how_to_make_the_first_excerpt(qtbot):
    panel = shown_panel(qtbot)
    panel.show_excerpts("Excerpts — open or select a source", [])
    assert panel.is_empty()
    assert panel.empty_label.isVisible() and not panel.view.isVisible()
    hint = panel.empty_label.text()
    assert "select words" in hint and "<b>Ctrl+E</b>" in hint and "Cut Excerpt" in hint
    # Nothing to scroll sideways: no grid at all, so no horizontal scroll bar.
    assert not panel.view.horizontalScrollBar().isVisible()
    assert panel.empty_label.sizeHint().width() <= panel.width()


def test_the_hint_names_the_windows_real_shortcut(window):
    keys = window.action("cut_excerpt").shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert keys == panel_module.CUT_SHORTCUT
    assert window.excerpts_panel.is_empty()
    assert f"<b>{keys}</b>" in window.excerpts_panel.empty_label.text()
    window.excerpts_panel.set_cut_shortcut("Ctrl+K")  # what an actions table may set
    assert "<b>Ctrl+K</b>" in window.excerpts_panel.empty_label.text()


def test_rows_show_tags_and_comment_and_columns_fit(qtbot, library, add_source):
    src = add_source("Strikes", body=BODY)
    one = library.excerpts.add(src.id, 4, 11, tags=["aims", "US strikes"],
                               comment="The stated aim, in the spokesman's words")  # fmt: skip
    two = library.excerpts.add(src.id, 41, 50)
    panel = shown_panel(qtbot)
    panel.show_excerpts("Excerpts of “Strikes”", library.excerpts.list(source_id=src.id))
    assert not panel.is_empty() and panel.view.isVisible()
    assert COLUMNS[TAGS] == "Tags" and COLUMNS[COMMENT] == "Comment"
    model = panel.model
    row = model.row_of(one.id)
    assert model.data(model.index(row, TAGS)) == "aims, US strikes"
    assert model.data(model.index(row, COMMENT)) == "The stated aim, in the spokesman's words"
    assert model.data(model.index(model.row_of(two.id), COMMENT)) == ""
    view, header = panel.view, panel.view.header()
    assert not view.isColumnHidden(TAGS) and not view.isColumnHidden(COMMENT)
    # One source: its title and date are in the heading, not on every row.
    assert view.isColumnHidden(SOURCE) and view.isColumnHidden(DATE)
    char = panel.fontMetrics().averageCharWidth()
    assert header.sectionSize(TAGS) <= panel_module.CAPS[TAGS] * char
    assert header.sectionSize(COMMENT) <= panel_module.CAPS[COMMENT] * char
    assert header.sectionSize(TAGS) >= view.sizeHintForColumn(TAGS) or (
        header.sectionSize(TAGS) == panel_module.CAPS[TAGS] * char
    )
    # The words take the rest: everything fits, nothing scrolls sideways.
    assert header.sectionSize(TEXT) > header.sectionSize(COMMENT)
    assert header.length() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def test_rows_of_several_sources_show_source_and_date(qtbot, library, add_source):
    a = add_source("First", body=BODY)
    b = add_source("Second", body=BODY + " Another page.")
    made = [library.excerpts.add(a.id, 4, 11), library.excerpts.add(b.id, 4, 11)]
    panel = shown_panel(qtbot)
    panel.show_excerpts("Excerpts matching “strikes”", made)
    assert not panel.view.isColumnHidden(SOURCE) and not panel.view.isColumnHidden(DATE)
    panel.show_excerpts("Excerpts — open or select a source", [])
    assert panel.is_empty()


def test_a_long_search_is_shown_without_reading_every_excerpt(qtbot, library, add_source):
    """A search can hand the panel thousands of excerpts: fitting the columns and laying
    out the rows read a screen or two of them, not every one (it took over a second on
    the GUI thread at 20,000 sources, issue 16)."""
    import dataclasses

    src = add_source("Long", body="The strikes aimed to degrade the groups. " * 20)
    first = library.excerpts.add(src.id, 4, 11)
    many = [
        dataclasses.replace(first, id=first.id + n, text=f"words {n} " * 30) for n in range(3000)
    ]
    panel = shown_panel(qtbot)
    read_rows = set()
    data = panel.model.data
    panel.model.data = lambda index, *role: (read_rows.add(index.row()), data(index, *role))[1]
    panel.show_excerpts("Excerpts matching “words”", many)
    qtbot.wait(50)  # the view's delayed layout
    assert not panel.is_empty() and panel.model.rowCount() >= 1
    assert len(read_rows) <= 200, len(read_rows)
    assert panel.view.uniformRowHeights() and not panel.view.wordWrap()


def _several_sources(library, add_source, count=60):
    import dataclasses

    src = add_source("Fitted", body=BODY)
    first = library.excerpts.add(src.id, 4, 11, tags=["aims"], comment="noted")
    return [
        dataclasses.replace(
            first, id=first.id + n, source_id=src.id + n % 7, text=f"words {n} " * 40,
            source_title=f"Source number {n} of many", tags=("aims", f"tag{n}"),
        )
        for n in range(count)
    ]  # fmt: skip


def test_columns_are_fitted_from_the_models_texts_not_by_the_view(qtbot, library, add_source):
    """Fitting the columns asked the view to measure each cell of 50 rows (every role
    of each, ~20 ms of a search's results, issue 16): they are measured from the
    model's texts now, and painting reads no role through Qt either."""
    from PySide6.QtCore import Qt

    many = _several_sources(library, add_source)
    panel = shown_panel(qtbot)
    reads = []
    data = panel.model.data
    panel.model.data = lambda index, role=Qt.ItemDataRole.DisplayRole: (
        reads.append(role) if role == Qt.ItemDataRole.DisplayRole else None,
        data(index, role),
    )[1]
    panel.show_excerpts("Excerpts matching “words”", many)
    qtbot.wait(50)  # the view's delayed layout and first paint
    # The first row's cells, for the rows' height (every row has the same), once or
    # twice; fitting by the view read hundreds.
    assert len(reads) <= 2 * len(COLUMNS), len(reads)
    header, metrics = panel.view.header(), panel.view.fontMetrics()
    char = panel.fontMetrics().averageCharWidth()
    for column in (TAGS, SOURCE):
        widest = max(metrics.horizontalAdvance(panel.model.display_text(r, column))
                     for r in range(panel.model.rowCount()))  # fmt: skip
        assert header.sectionSize(column) >= min(widest, panel_module.CAPS[column] * char)
        assert header.sectionSize(column) <= panel_module.CAPS[column] * char
    assert header.length() <= panel.view.viewport().width()


def test_a_cell_is_cut_before_qt_measures_it(qapp):
    """A cell shows one line: a 5,000-character excerpt is cut to what the column can
    show before it is shaped and elided (issue 16)."""
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont())
    long_text = "word " * 1000
    shown = panel_module.cut_to_fit(long_text, metrics, 200)
    assert shown.endswith("…") and len(shown) < 100
    assert metrics.horizontalAdvance(shown) <= 200
    assert panel_module.cut_to_fit("B2", metrics, 200) == "B2"


def test_a_searchs_excerpts_reach_the_panel_after_its_hits(qtbot, library, add_source, window):
    """The hits list and the excerpts panel take a search's results in two GUI-thread
    events, each shorter than one both took (issue 16): the panel in a later turn of
    the event loop, after the hits are shown."""
    from briefer.core.records import SearchFilters
    from briefer.gui.search_bar import SearchOutcome

    src = add_source("Strikes", body=BODY)
    made = library.excerpts.add(src.id, 4, 11)
    results = library.search_results("strikes")
    hits = results.hits
    field, panel = window.library_page.search_box.field, window.excerpts_panel
    field.setText("strikes")
    window.search.searcher.timer.stop()  # the outcome is handed over below instead
    made_record = library.excerpts.get(made.id)
    outcome = SearchOutcome("strikes", SearchFilters(), results, (made_record,), library)
    window.search.searcher.results_ready.emit(outcome)
    assert window.library_page.hits_model.hits() == list(hits)
    assert "matching" not in panel.heading.text() and panel.model.rowCount() == 0
    qtbot.waitUntil(lambda: "matching “strikes”" in panel.heading.text())
    assert [e.id for e in panel.model.excerpts()] == [made.id]


def test_a_newer_choice_replaces_the_searchs_excerpts_to_come(qtbot, library, add_source, window):
    """Cleared before the panel's turn came: the panel follows the cleared box, and the
    search's excerpts never arrive after it."""
    from briefer.core.records import SearchFilters
    from briefer.gui.search_bar import SearchOutcome

    src = add_source("Strikes", body=BODY)
    made = library.excerpts.add(src.id, 4, 11)
    field, panel = window.library_page.search_box.field, window.excerpts_panel
    field.setText("strikes")
    window.search.searcher.timer.stop()
    outcome = SearchOutcome(
        "strikes", SearchFilters(), library.search_results("strikes"),
        (library.excerpts.get(made.id),), library,
    )  # fmt: skip
    window.search.searcher.results_ready.emit(outcome)
    field.clear()
    qtbot.wait(50)
    assert "matching" not in panel.heading.text() and panel.is_empty()


def test_one_paint_lays_out_a_bounded_number_of_new_cells(qtbot, library, add_source):
    """A screen of new rows is laid out in a few paints, each making at most
    NEW_PER_PAINT new lines; lines made before are drawn from what was kept."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    panel = ExcerptsPanel()  # not shown: only the paints below lay out lines
    qtbot.addWidget(panel)
    panel.show_excerpts("Excerpts matching “words”", _several_sources(library, add_source))
    delegate = panel.view.itemDelegate()
    assert isinstance(delegate, panel_module.CellDelegate)
    limit = delegate.NEW_PER_PAINT

    def paint_all() -> None:  # one paint event drawing every cell of 25 rows
        image = QImage(400, 30, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        for row in range(25):
            for column in (GRADE, TEXT, TAGS, SOURCE, DATE):
                option = QStyleOptionViewItem()
                option.initFrom(panel.view)
                option.rect, option.widget = QRect(0, 0, 150, 20), panel.view
                delegate.paint(painter, option, panel.model.index(row, column))
        painter.end()

    texts = {panel.model.display_text(r, c) for r in range(25)
             for c in (GRADE, TEXT, TAGS, SOURCE, DATE)} - {""}  # fmt: skip
    delegate._lines.clear()
    paint_all()
    assert len(delegate._lines) == limit < len(texts)
    qtbot.waitUntil(lambda: not delegate.budget.deferred)
    paint_all()
    assert len(delegate._lines) == min(2 * limit, len(texts))
