"""Export remembers the last folder per library; the default folder exists (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings

from briefer.core.library import Library
from briefer.gui.export_dialog import ExportDialog, default_folder


def export_once(qtbot, library, brief_id, settings, path=None):
    dialog = ExportDialog(library, brief_id, settings=settings)
    qtbot.addWidget(dialog)
    if path is not None:
        dialog.path_edit.setText(str(path))
    dialog.marking_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    return dialog


def test_the_default_folder_exists(tmp_path, monkeypatch):
    # The tests' HOME has no Documents folder: home it is.
    assert default_folder() == Path.home() and default_folder().is_dir()
    (Path.home() / "Documents").mkdir()
    assert default_folder() == Path.home() / "Documents"


def test_the_last_folder_is_remembered_per_library(qtbot, library, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    brief = library.briefs.create("Weekly Iraq")
    first = ExportDialog(library, brief.id, settings=settings)
    qtbot.addWidget(first)
    assert Path(first.path_edit.text()) == default_folder() / "Weekly Iraq.docx"
    chosen = tmp_path / "out" / "deep"
    chosen.mkdir(parents=True)
    export_once(qtbot, library, brief.id, settings, chosen / "x.docx")
    again = ExportDialog(library, brief.id, settings=settings)
    qtbot.addWidget(again)
    assert Path(again.path_edit.text()) == chosen / "Weekly Iraq.docx"
    # Another library keeps its own folder (here: none yet).
    other = Library.open(tmp_path / "other.briefer")
    try:
        brief2 = other.briefs.create("Other")
        dialog = ExportDialog(other, brief2.id, settings=settings)
        qtbot.addWidget(dialog)
        assert Path(dialog.path_edit.text()).parent == default_folder()
    finally:
        other.close()
    # A remembered folder that is gone falls back to the default.
    shutil.rmtree(chosen)
    gone = ExportDialog(library, brief.id, settings=settings)
    qtbot.addWidget(gone)
    assert Path(gone.path_edit.text()).parent == default_folder()
