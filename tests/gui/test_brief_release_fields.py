"""The brief tab shows and sets the brief's version, status and date (issue 13)."""

from __future__ import annotations

from datetime import date

import docx
from PySide6.QtCore import Qt

from briefer.export import export_brief
from briefer.gui.editor import brief_tab
from tests.export.conftest import template_path

pytest_plugins = ["tests.gui.editor_support"]


def type_date(qtbot, tab, text: str) -> None:
    tab.date_field.setFocus()
    tab.date_field.selectAll()
    if text:
        qtbot.keyClicks(tab.date_field, text)
    else:
        qtbot.keyClick(tab.date_field, Qt.Key.Key_Delete)


def test_date_and_status_autosave_and_the_export_prints_them(
    qtbot, library, open_tab, monkeypatch, tmp_path
):
    monkeypatch.setattr(brief_tab, "AUTOSAVE_MS", 100)
    brief = library.briefs.create("Water in Basra")
    tab = open_tab(brief.id)
    assert tab.date_field.text() == "" and tab.date_field.placeholderText() == "No date"
    assert tab.version_label.text() == "Version 1"
    type_date(qtbot, tab, "2026-11-30")
    tab.status_box.setCurrentIndex(tab.status_box.findData("in review"))
    qtbot.waitUntil(
        lambda: library.briefs.get(brief.id).doc_date == date(2026, 11, 30), timeout=5_000
    )
    qtbot.waitUntil(lambda: library.briefs.get(brief.id).status == "in review", timeout=5_000)
    out = tmp_path / "b.docx"
    export_brief(library, brief.id, out, template=template_path("standard"))
    details = docx.Document(str(out)).paragraphs
    assert any("30 November 2026" in p.text and "Version 1 (in review)" in p.text for p in details)

    # No date at all is allowed: emptying the field clears it.
    qtbot.waitUntil(lambda: not tab.busy, timeout=5_000)
    type_date(qtbot, tab, "")
    qtbot.waitUntil(lambda: library.briefs.get(brief.id).doc_date is None, timeout=5_000)


def test_a_date_that_is_not_iso_is_not_saved_and_says_how(qtbot, library, open_tab):
    brief = library.briefs.create("Budget talks")
    library.briefs.set_release(brief.id, on=date(2026, 1, 5))
    tab = open_tab(brief.id)
    assert tab.date_field.text() == "2026-01-05"
    type_date(qtbot, tab, "30/11/2026")
    tab.date_field.editingFinished.emit()
    assert "YYYY-MM-DD" in tab.message_bar.text()
    tab.flush()
    assert library.briefs.get(brief.id).doc_date == date(2026, 1, 5)
    type_date(qtbot, tab, "2026-02-01")
    tab.date_field.editingFinished.emit()
    assert not tab.message_bar.isVisible()
    tab.flush()
    assert library.briefs.get(brief.id).doc_date == date(2026, 2, 1)


def test_version_label_follows_save_version_and_export_as_final(qtbot, library, open_tab, tmp_path):
    brief = library.briefs.create("Weekly Iraq brief")
    tab = open_tab(brief.id)
    assert tab.version_label.text() == "Version 1"
    tab.save_version("sent to the desk")
    qtbot.waitUntil(lambda: tab.version_label.text() == "Version 2", timeout=5_000)
    assert library.briefs.get(brief.id).doc_version == 2

    export_brief(library, brief.id, tmp_path / "f.docx", template=template_path("standard"),
                 final=True)  # fmt: skip
    assert library.briefs.get(brief.id).doc_version == 3
    tab.refresh_release()  # what the window does when the export dialog closes
    qtbot.waitUntil(lambda: tab.version_label.text() == "Version 3", timeout=5_000)
    assert tab.status_box.currentData() == "final"
    # The refreshed status is what is saved: an edit elsewhere does not put back "draft".
    tab.subject_field.setText("Strikes")
    tab.subject_field.textEdited.emit("Strikes")
    tab.flush()
    saved = library.briefs.get(brief.id)
    assert (saved.subject, saved.status, saved.doc_version) == ("Strikes", "final", 3)
