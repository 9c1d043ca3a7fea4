"""The export record in the window: the export dialog's Recipients field goes into the
record, and the brief's History lists its exports beside its versions."""

from __future__ import annotations

import hashlib

from briefer.core import document as d
from briefer.gui.export_dialog import ExportDialog


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
