"""The export record in the window: the export dialog's Recipients field goes into the
record, and the brief's History lists its exports beside its versions."""

from __future__ import annotations

import hashlib

from briefer.core import document as d
from briefer.gui.export_dialog import ExportDialog

pytest_plugins = ["tests.gui.editor_support"]


def marked_brief(library):
    body = d.normalize({"blocks": [
        d.heading("Discussion", section="discussion"),
        {**d.paragraph("A secret paragraph."), "portion": "S"},
    ]})  # fmt: skip
    return library.briefs.create("Weekly", body=body)


def test_the_dialog_records_the_export_with_its_recipients(qtbot, library, tmp_path):
    brief = marked_brief(library)
    out = tmp_path / "weekly.docx"
    dialog = ExportDialog(library, brief.id)
    qtbot.addWidget(dialog)
    assert "SECRET" in dialog.marking_check.text()  # the rolled-up marking is confirmed
    dialog.path_edit.setText(str(out))
    dialog.recipients_edit.setText("Desk officers, J. Smith")
    dialog.marking_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    (row,) = library.exports.list(brief.id)
    assert row.recipients == "Desk officers, J. Smith"
    assert row.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert row.marking == "SECRET"
    assert f"recorded as export {row.id}" in dialog.status_label.text()


def test_history_shows_the_exports_beside_the_versions(qtbot, library, open_tab, tmp_path):
    from briefer.export import export_brief

    brief = marked_brief(library)
    library.briefs.save_revision(brief.id, "first draft")
    export_brief(library, brief.id, tmp_path / "draft.docx", recipients="Desk officers")
    export_brief(library, brief.id, tmp_path / "final.docx", final=True)
    newest, oldest = library.exports.list(brief.id)
    tab = open_tab(brief.id)
    history = tab.show_history()
    qtbot.waitUntil(lambda: history.exports_table.rowCount() == 2, timeout=5_000)
    qtbot.waitUntil(lambda: history.list.count() >= 1, timeout=5_000)

    def row(n):
        return [history.exports_table.item(n, c).text() for c in range(5)]

    when = oldest.exported.astimezone()
    assert row(1) == [
        f"{when:%Y-%m-%d %H:%M}",
        "1 (draft)",
        "draft.docx (DOCX)",
        "Desk officers",
        "SECRET",
    ]
    assert row(0)[1:] == ["2 (final)", "final.docx (DOCX)", "—", "SECRET"]
    tip = history.exports_table.item(1, 2).toolTip()
    assert oldest.sha256 in tip and str(tmp_path / "draft.docx") in tip
    assert history.exports_label.text() == "Exports (2)"
    assert [r.id for r in history.exports] == [newest.id, oldest.id]

    # a new export shows when the History is opened again
    export_brief(library, brief.id, tmp_path / "again.docx", recipients="Ops")
    tab.show_history()
    qtbot.waitUntil(lambda: history.exports_table.rowCount() == 3, timeout=5_000)
    assert history.exports_table.item(0, 3).text() == "Ops"


def test_history_says_when_no_export_is_recorded(qtbot, library, open_tab):
    brief = marked_brief(library)
    history = open_tab(brief.id).show_history()
    qtbot.waitUntil(lambda: "none recorded" in history.exports_label.text(), timeout=5_000)
    assert history.exports_table.rowCount() == 0
