"""Brief > Export to Word…: the dialog driven as a user would."""

from __future__ import annotations

import zipfile

import docx
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from briefer.core.templates import user_templates_dir
from briefer.gui import export_dialog
from briefer.gui.export_dialog import ExportDialog, export_brief_interactively
from tests.export.richbrief import rich_brief


def _dialog(qtbot, library, brief_id, path):
    dialog = ExportDialog(library, brief_id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    return dialog


def test_export_waits_for_marking_confirmation_then_writes(qtbot, library, tmp_path, monkeypatch):
    brief = rich_brief(library)
    out = tmp_path / "brief.docx"
    dialog = _dialog(qtbot, library, brief.brief_id, out)
    assert "TLP:AMBER" in dialog.marking_check.text()
    assert not dialog.export_button.isEnabled()
    dialog.marking_check.setChecked(True)
    assert dialog.export_button.isEnabled()
    assert not dialog.open_button.isEnabled() and not dialog.show_button.isEnabled()
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("Compact"))
    dialog.endnotes_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    assert dialog.exported_path == out
    assert "50 endnotes" in dialog.status_label.text()
    assert "template Compact" in dialog.status_label.text()
    with zipfile.ZipFile(out) as archive:
        assert "word/endnotes.xml" in archive.namelist()
    assert docx.Document(str(out)).core_properties.author == ""

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    assert dialog.open_button.isEnabled() and dialog.show_button.isEnabled()
    dialog.open_button.click()
    dialog.show_button.click()
    assert opened == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(tmp_path))]


def test_author_goes_into_properties_only_when_ticked(qtbot, library, tmp_path):
    brief = library.briefs.create("Note", author="Kurdistan desk", marking="TLP:GREEN")
    out = tmp_path / "n.docx"
    dialog = _dialog(qtbot, library, brief.id, out)
    dialog.marking_check.setChecked(True)
    dialog.author_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    assert docx.Document(str(out)).core_properties.author == "Kurdistan desk"


def test_failure_is_shown_as_one_line_and_nothing_is_offered(qtbot, library, tmp_path):
    brief = library.briefs.create("Note")
    dialog = _dialog(qtbot, library, brief.id, tmp_path / "missing" / "n.docx")
    assert "without a handling marking" in dialog.marking_check.text()
    dialog.marking_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "Not exported" in dialog.status_label.text(), timeout=30_000)
    assert "does not exist" in dialog.status_label.text()
    assert dialog.result is None and not dialog.open_button.isEnabled()
    assert dialog.export_button.isEnabled()


def test_house_template_missing_styles_cannot_be_chosen(qtbot, library, tmp_path):
    folder = user_templates_dir() / "word"
    folder.mkdir(parents=True)
    house = docx.Document()
    house.save(folder / "House.docx")
    brief = library.briefs.create("Note")
    dialog = _dialog(qtbot, library, brief.id, tmp_path / "n.docx")
    index = dialog.template_combo.findData("House")
    item = dialog.template_combo.model().item(index)
    assert not item.isEnabled()
    assert "BLUF" in item.toolTip() and "cannot be used" in item.text()
    assert dialog.template_combo.currentData() == "Standard"


def test_interactive_entry_point_returns_the_path(qtbot, library, tmp_path, monkeypatch):
    brief = library.briefs.create("Note", marking="TLP:CLEAR")
    out = tmp_path / "n.docx"

    def run(self):
        self.path_edit.setText(str(out))
        self.marking_check.setChecked(True)
        self.export_button.click()
        qtbot.waitUntil(lambda: self.result is not None, timeout=30_000)
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", run)
    assert export_brief_interactively(None, library, brief.id) == out
    assert out.exists()


def test_dialog_lists_exactly_the_properties_the_file_will_hold(qtbot, library, tmp_path):
    brief = library.briefs.create("Note", author="Kurdistan desk", marking="TLP:AMBER")
    dialog = _dialog(qtbot, library, brief.id, tmp_path / "n.docx")
    shown = dialog.properties_label.text()
    assert "Title: Note" in shown and "Category (the marking): TLP:AMBER" in shown
    assert "Author" not in shown and "Keywords" not in shown
    dialog.author_check.setChecked(True)
    assert "Author: Kurdistan desk" in dialog.properties_label.text()
    dialog.marking_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    with zipfile.ZipFile(tmp_path / "n.docx") as archive:
        core = archive.read("docProps/core.xml").decode()
    assert dict(dialog.result.properties) == dialog.planned_properties()
    assert "keywords" not in core and "Kurdistan desk" in core


def test_pdf_choice_is_disabled_with_its_reason_without_libreoffice(
    qtbot, library, tmp_path, monkeypatch
):
    monkeypatch.setenv("BRIEFER_SOFFICE", "")
    brief = library.briefs.create("Note")
    dialog = ExportDialog(library, brief.id, pdf=True)
    qtbot.addWidget(dialog)
    item = dialog.format_combo.model().item(1)
    assert not item.isEnabled() and "needs LibreOffice" in item.toolTip()
    assert dialog.file_format == "docx" and dialog.pdf_note.text() == item.toolTip()
    assert dialog.path_edit.text().endswith(".docx")


def test_pdf_export_from_the_dialog(qtbot, library, tmp_path):
    from briefer.export import find_libreoffice

    if find_libreoffice() is None:
        import pytest

        pytest.skip("LibreOffice is not installed")
    brief = library.briefs.create("Note", marking="TLP:GREEN")
    dialog = ExportDialog(library, brief.id, pdf=True)
    qtbot.addWidget(dialog)
    assert dialog.file_format == "pdf" and dialog.path_edit.text().endswith(".pdf")
    dialog.path_edit.setText(str(tmp_path / "n.pdf"))
    dialog.format_combo.setCurrentIndex(0)
    assert dialog.path_edit.text().endswith("n.docx")
    dialog.format_combo.setCurrentIndex(1)
    assert dialog.path_edit.text() == str(tmp_path / "n.pdf")
    dialog.marking_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
    assert (tmp_path / "n.pdf").read_bytes().startswith(b"%PDF")


def test_dialog_sets_the_title_block_date_and_exports_as_final(qtbot, library, tmp_path):
    from datetime import date

    from PySide6.QtCore import QDate

    brief = library.briefs.create("Note", marking="TLP:GREEN")
    dialog = _dialog(qtbot, library, brief.id, tmp_path / "n.docx")
    assert dialog.final_check.text() == "Export as final (version 2)"
    dialog.date_edit.setDate(QDate(2024, 2, 10))
    dialog.final_check.setChecked(True)
    dialog.marking_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    stored = library.briefs.get(brief.id)
    assert (stored.doc_date, stored.status, stored.doc_version) == (date(2024, 2, 10), "final", 2)
    details = [
        p.text for p in docx.Document(str(tmp_path / "n.docx")).paragraphs
        if p.style.name == "Brief Details"
    ]  # fmt: skip
    assert details == ["10 February 2024  ·  Version 2 (final)"]
