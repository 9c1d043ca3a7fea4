"""Issue 14, item 4 in the window: the export dialog refuses what `export -o` refuses."""

from __future__ import annotations

import os
import stat

from briefer.gui.export_dialog import ExportDialog


def test_the_export_dialog_refuses_a_fifo_and_the_library(qtbot, library, tmp_path):
    brief = library.briefs.create("Note", marking="TLP:GREEN")
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    for target, words in ((fifo, "named pipe"), (library.path, "Briefer library")):
        dialog = ExportDialog(library, brief.id)
        qtbot.addWidget(dialog)
        dialog.path_edit.setText(str(target))
        dialog.marking_check.setChecked(True)
        dialog.export_button.click()
        qtbot.waitUntil(lambda d=dialog: "Not exported" in d.status_label.text(), timeout=30_000)
        assert words in dialog.status_label.text()
        assert dialog.result is None
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
