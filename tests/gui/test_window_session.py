"""The main window with the app's LibrarySession: Library menu, other libraries, lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.core import backups
from briefer.core.library import Library
from briefer.core.lock import LibraryLocked
from tests.conftest import make_source


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch):
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: None))


def menu_texts(window) -> list[str]:
    return [a.text() for a in window.menus["library"].actions() if a.text()]


def test_library_menu_has_backup_restore_and_one_check(app_window):
    texts = menu_texts(app_window)
    assert texts.count("Check Library") + texts.count("&Check Library") == 1
    assert "Back Up Now" in texts and "Restore from Backup…" in texts


def test_back_up_now_from_the_menu_writes_a_backup(qtbot, app_window):
    make_source(app_window.library, "Worth keeping")
    action = next(a for a in app_window.menus["library"].actions() if a.text() == "Back Up Now")
    action.trigger()
    (info,) = backups.list_backups(app_window.library.path)
    assert info.path.exists()
    assert "Backed up to" in app_window.statusBar().currentMessage()


def test_check_from_the_menu_reports_a_sound_library(qtbot, app_window):
    action = next(a for a in app_window.menus["library"].actions() if a.text() == "Check Library")
    action.trigger()
    qtbot.waitUntil(lambda: app_window.session.last_box is not None, timeout=10_000)
    assert "is sound" in app_window.session.last_box.text()


def test_opening_another_library_moves_the_lock_and_the_session(
    qtbot, app_window, tmp_path, monkeypatch
):
    first = app_window.library.path
    with pytest.raises(LibraryLocked):
        Library.open(first, lock=True)
    other = tmp_path / "other.briefer"
    Library.open(other).close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    app_window.action("open_library").trigger()
    assert app_window.library.path == other
    assert app_window.session.library is app_window.library
    assert app_window.windowTitle() == "Briefer — other.briefer"
    Library.open(first, lock=True).close()  # the first library's lock was released
    with pytest.raises(LibraryLocked):
        Library.open(other, lock=True)
    assert len(menu_texts(app_window)) == len(set(menu_texts(app_window)))


def test_a_library_open_elsewhere_opens_read_only_when_chosen(
    qtbot, app_window, tmp_path, monkeypatch
):
    import briefer.gui.opening as opening_module

    busy = tmp_path / "busy.briefer"
    holder = Library.open(busy, lock=True)
    try:
        asked = []
        monkeypatch.setattr(
            opening_module, "ask_read_only", lambda exc, parent: asked.append(str(exc)) or True
        )
        app_window.libraries.open_other_library(busy, create=False)
        assert asked and "open" in asked[0]
        assert app_window.library.read_only
        assert app_window.windowTitle() == "Briefer — busy.briefer (read-only)"
    finally:
        holder.close()


def test_switching_and_importing_keeps_the_journal_linked(qtbot, app_window, tmp_path):
    """Issue 10's sequence: sample library, back, import, a terminal command reads,
    the window writes again; the -wal stays linked and the other process sees it all."""
    from tests.core.test_journal_links import deleted_side_files, other_process_count

    default = app_window.library.path
    app_window.libraries.open_sample_library()
    qtbot.waitUntil(lambda: app_window.library.sources.count() == 1, timeout=60_000)
    app_window.worker.wait(30_000)
    app_window.libraries.open_other_library(default, create=False)
    assert app_window.library.path == default
    article = tmp_path / "note.txt"
    article.write_text("Militia statement\n\nThe militia said it would not retreat.\n")
    app_window.imports.import_paths([article])
    qtbot.waitUntil(lambda: app_window.library.sources.count() == 1, timeout=60_000)
    app_window.worker.wait(30_000)
    assert other_process_count(default) == 1
    assert deleted_side_files(os.getpid(), default) == []
    source = app_window.library.sources.list()[0]
    app_window.library.sources.update(source.id, reliability="B")
    probe = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from briefer.core.library import Library;"
        "lib = Library.open(sys.argv[1], create=False);"
        "print(lib.sources.list()[0].reliability); lib.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(default), str(Path(__file__).parents[2])],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert out.stdout.strip() == "B"
    assert Path(f"{default}-wal").exists()
    assert deleted_side_files(os.getpid(), default) == []
