"""The workbench's other parts: deletes and undo, tags, saved searches, state, paste."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QColorDialog, QInputDialog

from briefer.core.records import SearchFilters
from briefer.gui import search_bar
from briefer.gui.main_window import MainWindow
from briefer.gui.models.excerpts_model import EXCERPT_MIME, ExcerptsModel
from briefer.gui.models.sources_model import SourcesTableModel
from briefer.gui.search_bar import Searcher
from briefer.gui.worker import CoreWorker
from tests.gui.window_support import settle


def select_source_row(window, source_id):
    window.search.show_sources()
    row = window.library_page.sources_model.row_of(source_id)
    window.library_page.sources_view.selectRow(row)


def test_deleting_a_cited_source_is_refused_naming_the_brief(window, library, add_source):
    source = add_source("Cited")
    excerpt = library.excerpts.add(source.id, 0, 4)
    library.briefs.create(
        "Weekly Iraq",
        body={
            "blocks": [
                {"type": "paragraph", "content": [{"type": "citation", "excerpt": excerpt.id}]}
            ]
        },
    )
    window.refresh()
    select_source_row(window, source.id)
    window.library_page.delete_action.trigger()
    settle(window)
    assert library.sources.count() == 1
    assert "Weekly Iraq" in window.messages.texts()["error"]
    assert window.undo_stack.count() == 0


def test_delete_source_then_undo_brings_back_its_excerpts_and_tags(window, library, add_source):
    source = add_source("Doomed", tags=("Iraq",))
    library.excerpts.add(source.id, 0, 4, tags=["quote"])
    window.refresh()
    window.sources.open_source(source.id)
    select_source_row(window, source.id)
    window.action("delete_source").trigger()
    settle(window)
    assert library.sources.count() == 0
    assert window.tabs.source_tab(source.id) is None
    window.action("undo").trigger()
    settle(window)
    restored = library.sources.get(source.id)
    assert restored.tags == ("Iraq",)
    assert [e.tags for e in library.excerpts.list(source_id=source.id)] == [("quote",)]
    assert window.library_page.sources_model.total == 1


def test_tag_several_sources_at_once_from_the_field(qtbot, window, library, add_source):
    first, second = add_source("One"), add_source("Two")
    add_source("Three")
    window.refresh()
    view = window.library_page.sources_view
    view.selectRow(window.library_page.sources_model.row_of(first.id))
    selection = view.selectionModel()
    model = window.library_page.sources_model
    index = model.index(model.row_of(second.id), 0)
    selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    qtbot.keyClicks(window.library_page.tag_field, "Iraq, PMF")
    qtbot.keyClick(window.library_page.tag_field, Qt.Key.Key_Return)
    settle(window)
    assert library.sources.get(first.id).tags == ("Iraq", "PMF")
    assert library.sources.get(second.id).tags == ("Iraq", "PMF")
    assert library.tags.get("Iraq").source_count == 2
    assert "Iraq (2)" in window.navigator.child_labels(window.navigator.tags_item)


def test_tag_manager_renames_merges_recolours_and_deletes(window, library, add_source, monkeypatch):
    source = add_source("Tagged", tags=("iraq", "Irak", "pmf"))
    window.refresh()
    window.action("manage_tags").trigger()
    manager = window.libraries.tag_manager
    assert [manager.table.item(r, 0).text() for r in range(3)] == ["Irak", "iraq", "pmf"]
    assert manager.table.item(0, 2).text() == "1"

    manager.select("Irak", "iraq")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Iraq", True)))
    manager.merge_button.click()
    settle(window)
    # Merged onto the existing tag of that name (tags are case-insensitive).
    assert [(t.name, t.source_count) for t in library.tags.list()] == [("iraq", 1), ("pmf", 1)]

    manager.select("pmf")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("PMF", True)))
    manager.rename_button.click()
    settle(window)
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#112233")))
    manager.colour_button.click()
    settle(window)
    assert library.tags.get("PMF").color == "#112233"

    manager.select("PMF")
    manager.delete_button.click()
    settle(window)
    assert [t.name for t in library.tags.list()] == ["iraq"]
    assert manager.table.rowCount() == 1
    window.action("undo").trigger()
    settle(window)
    assert library.sources.get(source.id).tags == ("iraq", "PMF")


def test_a_filter_set_is_saved_and_reapplied_from_the_navigator(
    qtbot, window, library, add_source, monkeypatch
):
    add_source("Graded B", outlet="Rudaw", reliability="B")
    add_source("Graded E", outlet="Rudaw", reliability="E")
    window.refresh()
    window.library_page.filter_bar.reliability_buttons["B"].click()
    assert window.library_page.sources_model.total == 1
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Good only", True)))
    window.library_page.search_box.save_button.click()
    settle(window)
    (saved,) = library.searches.list()
    assert saved.name == "Good only" and saved.filters.reliability == ("B",)

    window.library_page.filter_bar.reliability_buttons["B"].click()
    assert window.library_page.sources_model.total == 2
    item = window.navigator.find_child(window.navigator.searches_item, "Good only")
    window.navigator.setCurrentItem(item)
    assert window.library_page.sources_model.total == 1
    assert window.library_page.filter_bar.reliability_buttons["B"].isChecked()


def test_an_older_search_never_overwrites_a_newer_one(qtbot, library, add_source, qapp):
    add_source("Baghdad strikes")
    add_source("Erbil talks")
    worker = CoreWorker()
    searcher = Searcher(library, worker)
    delivered = []
    searcher.results_ready.connect(lambda outcome: delivered.append(outcome.query))
    searcher.request("Baghdad", SearchFilters())
    searcher.run_now()
    searcher.request("Erbil", SearchFilters())
    searcher.run_now()
    worker.wait(10_000)
    qtbot.waitUntil(lambda: bool(delivered), timeout=5_000)
    qtbot.wait(50)
    assert delivered == ["Erbil"]


def test_typing_is_debounced_into_one_search(qtbot, window, add_source, monkeypatch):
    add_source("Baghdad strikes")
    window.refresh()
    runs = []
    original = Searcher.run_now
    monkeypatch.setattr(Searcher, "run_now", lambda self: (runs.append(1), original(self)))
    window.search.focus_search()
    qtbot.keyClicks(window.library_page.search_box.field, "Baghdad")
    qtbot.waitUntil(lambda: window.library_page.hits_model.rowCount() == 1, timeout=5_000)
    assert len(runs) == 1 and search_bar.DEBOUNCE_MS > 0


def test_open_tabs_and_splitters_come_back_next_start(qtbot, library, settings, add_source):
    first, second = add_source("First"), add_source("Second")
    window = MainWindow(library, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.sources.open_source(first.id)
    window.sources.open_source(second.id)
    window.splitter.setSizes([150, 700, 400])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(library, settings=settings)
    qtbot.addWidget(again)
    again.show()
    again.resize(window.size())
    qtbot.waitUntil(lambda: again.splitter.sizes()[1] == sizes[1], timeout=2_000)
    assert again.splitter.sizes() == sizes
    assert [t.source_id for t in again.tabs.source_tabs()] == [first.id, second.id]
    assert again.tabs.current_source_tab().source_id == second.id


def test_paste_an_article_from_the_clipboard(qtbot, window, library):
    text = (
        "Talks on the coalition resume\n\nBaghdad and Washington resumed talks on Monday "
        "about the future of the coalition, officials said, after weeks of strikes."
    )
    QGuiApplication.clipboard().setText(text)
    window.action("paste_article").trigger()
    qtbot.waitUntil(lambda: window.tabs.current_source_tab() is not None, timeout=20_000)
    (source,) = library.sources.list()
    assert "Baghdad and Washington resumed talks" in library.sources.get(source.id).body
    assert window.tabs.current_source_tab().source_id == source.id


def test_sample_library_opens_with_the_sample_article(qtbot, window, library):
    assert window.library_page.first_run.sample_button.isVisible()
    window.library_page.first_run.sample_button.click()
    qtbot.waitUntil(lambda: window.library is not library, timeout=5_000)
    qtbot.waitUntil(lambda: window.tabs.current_source_tab() is not None, timeout=20_000)
    assert window.library.path.name == "sample.briefer"
    assert window.library.sources.count() == 1
    assert library.sources.count() == 0  # the analyst's own library is untouched
    assert window.tabs.current_source_tab().title.startswith("Pentagon sending")


def test_details_form_saves_fields_and_resolves_an_ambiguous_date(
    qtbot, window, library, add_source
):
    source = add_source(
        "Ambiguous",
        published=date(2024, 2, 9),
        published_precision="day",
        published_ambiguous=True,
        published_alternatives=(date(2024, 2, 9), date(2024, 9, 2)),
        published_text="09-02-2024",
    )
    tab = window.sources.open_source(source.id)
    form = tab.details
    assert [b.text() for b in form.reading_buttons] == ["09 February 2024", "02 September 2024"]
    form.reading_buttons[1].click()
    window.worker.wait(10_000)
    qtbot.waitUntil(lambda: library.sources.get(source.id).published == date(2024, 9, 2))
    stored = library.sources.get(source.id)
    assert stored.published == date(2024, 9, 2) and not stored.published_ambiguous
    form = window.tabs.current_source_tab().details
    qtbot.waitUntil(lambda: form.reading_buttons == [])
    form.outlet.setText("Rudaw")
    form.reliability.setCurrentIndex(form.reliability.findData("B"))
    assert form.reliability.currentText() == "B — Usually reliable"
    form.save_button.click()
    assert form.flush()
    stored = library.sources.get(source.id)
    assert (stored.outlet, stored.reliability) == ("Rudaw", "B")
    form.url.setText("not a url at all ::")
    form.published.setText("2024-13-45")
    form.save_button.click()
    assert not form.flush()
    assert "published" in form.error and form.state == "failed"
    assert "published" in window.messages.texts()["write"]
    form.published.setText("")
    form.url.setText("")
    assert form.flush() and "write" not in window.messages.texts()


def test_excerpts_drag_out_as_ids_and_citations(library, add_source, qapp):
    source = add_source("Pentagon briefing", outlet="Rudaw", reliability="B",
                        published=date(2024, 2, 9))  # fmt: skip
    one = library.excerpts.add(source.id, 0, 4, credibility=2)
    two = library.excerpts.add(source.id, 8, 12, credibility=3)
    model = ExcerptsModel()
    model.set_excerpts(library.excerpts.list(source_id=source.id))
    mime = model.mimeData([model.index(0, 1), model.index(1, 0)])
    assert json.loads(bytes(mime.data(EXCERPT_MIME)).decode()) == {"excerpt_ids": [one.id, two.id]}
    first_line = mime.text().splitlines()[0]
    assert first_line.startswith("“Body” — Rudaw, “Pentagon briefing”, 09 February 2024")
    assert first_line.endswith("[B2]")
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_copy_as_citation(qtbot, window, library, add_source):
    source = add_source("Briefing", outlet="Rudaw", reliability="C")
    excerpt = library.excerpts.add(source.id, 0, 4, credibility=3)
    window.sources.open_source(source.id)
    window.excerpts_panel.select_excerpt(excerpt.id)
    window.excerpts_panel.copy_action.trigger()
    text = QGuiApplication.clipboard().text()
    # The full citation (issue 12): the footnote's reference, accessed date included.
    assert text.startswith("“Body” — Rudaw, “Briefing”, accessed ")
    assert text.endswith(", para. 1 [C3].")


def test_sources_model_filters_by_reliability_outlet_and_dates(library, add_source, qapp):
    add_source("Old", outlet="Rudaw", reliability="B", published=date(2023, 1, 1))
    add_source("New", outlet="Rudaw", reliability="B", published=date(2024, 2, 9))
    add_source("Other", outlet="Shafaq", reliability="E", published=date(2024, 2, 9))
    model = SourcesTableModel(library)
    model.set_filters(SearchFilters(outlet="Rudaw", date_from=date(2024, 1, 1)))
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["New"]
    model.set_filters(SearchFilters(reliability=("E",)))
    assert model.total == 1 and model.data(model.index(0, 0)) == "Other"
    assert not model.canFetchMore(QModelIndex())
