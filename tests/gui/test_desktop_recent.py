"""File › Open Recent (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from briefer.core.library import Library
from briefer.gui.recent_menu import LIMIT, RecentLibraries


def entries(menu):
    return [(a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]


def test_the_window_lists_its_library_and_opens_a_recent_one(qtbot, window, library, tmp_path):
    recent = window.open_recent_menu
    assert recent.menuAction() in window.menus["file"].actions()
    window.recent_libraries.rebuild()
    first = entries(recent)[0]
    assert first == (f"&1 {library.path.name} — {library.path.parent}", True)
    other_path = tmp_path / "other.briefer"
    Library.open(other_path).close()
    window.recent_libraries.add(other_path)
    assert entries(recent)[0][0].startswith("&1 other.briefer")
    recent.actions()[0].trigger()
    assert window.library.path == other_path
    names = window.settings.value("recent/libraries")
    assert names[:2] == [str(other_path), str(library.path)]
    # The library opened from the menu is at the top, the first one second.
    window.recent_libraries.rebuild()
    assert [t for t, _ in entries(recent)[:2]] == [
        f"&1 other.briefer — {tmp_path}",
        f"&2 {library.path.name} — {library.path.parent}",
    ]
    window.library.close()


def test_up_to_eight_missing_ones_disabled_and_clear(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    menu = QMenu()
    opened = []
    recent = RecentLibraries(settings, menu, opened.append)
    assert entries(menu) == [("No Recent Libraries", False), ("&Clear Menu", False)]
    for i in range(LIMIT + 2):
        path = tmp_path / f"lib{i}.briefer"
        path.write_bytes(b"")
        recent.add(path)
    assert len(recent.paths()) == LIMIT == 8
    assert recent.paths()[0] == str(tmp_path / f"lib{LIMIT + 1}.briefer")
    (tmp_path / f"lib{LIMIT + 1}.briefer").unlink()
    menu.aboutToShow.emit()
    text, enabled = entries(menu)[0]
    assert text.endswith("(not found)") and not enabled
    assert entries(menu)[1][1]
    menu.actions()[1].trigger()
    assert opened == [tmp_path / f"lib{LIMIT}.briefer"]
    # Kept across a restart (the settings file), then forgotten by Clear Menu.
    again = RecentLibraries(
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), QMenu(), opened.append
    )
    assert len(again.paths()) == LIMIT
    clear = next(a for a in menu.actions() if a.text() == "&Clear Menu")
    clear.trigger()
    assert recent.paths() == []
    assert entries(menu) == [("No Recent Libraries", False), ("&Clear Menu", False)]
