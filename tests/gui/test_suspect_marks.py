"""Suspect metadata is visible: sources table, source details, export dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from briefer.gui.export_dialog import ExportDialog
from briefer.gui.models.sources_model import TITLE, SourcesTableModel, SuspectRole
from briefer.gui.source_details import SourceDetailsForm
from tests.conftest import make_source


def test_table_and_details_mark_suspect_sources(qtbot, library):
    good = make_source(
        library,
        "Pentagon sending a clear message",
        outlet="Rudaw",
        published=date(2024, 2, 9),
        published_precision="day",
    )
    nav = make_source(
        library,
        "Home | World | Business | Opinion",
        outlet="Rudaw",
        published=date(2024, 2, 9),
        published_precision="day",
    )
    model = SourcesTableModel(library)
    rows = {model.source_at(r).id: r for r in range(model.rowCount())}
    good_index = model.index(rows[good.id], TITLE)
    nav_index = model.index(rows[nav.id], TITLE)
    assert model.data(good_index, SuspectRole) == ()
    assert model.data(good_index, Qt.ItemDataRole.DecorationRole) is None
    assert model.data(nav_index, SuspectRole) == ("title looks like navigation",)
    assert model.data(nav_index, Qt.ItemDataRole.DecorationRole) is not None
    assert "Check before citing: title looks like navigation" in model.data(
        nav_index, Qt.ItemDataRole.ToolTipRole
    )

    form = SourceDetailsForm()
    qtbot.addWidget(form)
    form.set_source(library.sources.get(nav.id))
    assert not form.suspect_warning.isHidden()
    assert "title looks like navigation" in form.suspect_warning.text()
    form.set_source(library.sources.get(good.id))
    assert form.suspect_warning.isHidden()


def test_export_dialog_warns_about_cited_suspect_sources(qtbot, library):
    good = make_source(
        library,
        "Pentagon sending a clear message",
        outlet="Rudaw",
        published=date(2024, 2, 9),
        published_precision="day",
    )
    bare = make_source(library, "Talks resume in Baghdad")
    brief = library.briefs.create("Weekly", template="Standard brief")
    section = "BLUF"
    for src in (good, bare):
        excerpt = library.excerpts.add_quote(src.id, "Body of")
        library.briefs.add_excerpt(brief.id, section, excerpt.id)
    dialog = ExportDialog(library, brief.id)
    qtbot.addWidget(dialog)
    assert not dialog.suspect_label.isHidden()
    text = dialog.suspect_label.text()
    assert f"source {bare.id} “Talks resume in Baghdad”: no outlet, no publication date" in text
    assert f"source {good.id} " not in text

    clean = library.briefs.create("Clean", template="Standard brief")
    library.briefs.add_excerpt(clean.id, section, library.excerpts.add_quote(good.id, "Body").id)
    quiet = ExportDialog(library, clean.id)
    qtbot.addWidget(quiet)
    assert quiet.suspect_label.isHidden()


def test_fixing_the_details_clears_the_warning(qtbot, window, library):
    src = make_source(library, "Talks resume in Baghdad")
    tab = window.sources.open_source(src.id)
    assert "no outlet, no publication date" in tab.details.suspect_warning.text()
    tab.details.outlet.setText("Rudaw")
    tab.details.published.setText("2024-02-09")
    tab.details.save_button.click()
    qtbot.waitUntil(
        lambda: window.tabs.source_tab(src.id).details.suspect_warning.isHidden(), timeout=10_000
    )
    assert library.sources.get(src.id).outlet == "Rudaw"
