"""File › Open Recent: the last libraries opened, newest first, kept in the settings.

A library that is not there any more (a drive unplugged, a file moved) stays in the
list but is shown disabled with "(not found)", so it comes back when the drive does;
Clear Menu forgets them all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMenu

from briefer.gui.settings import RECENT_LIBRARIES

LIMIT = 8


class RecentLibraries(QObject):
    def __init__(
        self, settings: QSettings, menu: QMenu, open_path: Callable[[Path], None], parent=None
    ):
        super().__init__(parent)
        self.settings, self.menu, self.open_path = settings, menu, open_path
        menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def paths(self) -> list[str]:
        return RECENT_LIBRARIES.get(self.settings)[:LIMIT]

    def add(self, path: Path) -> None:
        """Put a library at the top of the list (it was just opened)."""
        name = str(Path(path).absolute())
        paths = [name, *(p for p in self.paths() if p != name)][:LIMIT]
        RECENT_LIBRARIES.set(self.settings, paths)
        self.rebuild()

    def clear(self) -> None:
        RECENT_LIBRARIES.remove(self.settings)
        self.rebuild()

    def rebuild(self) -> None:
        self.menu.clear()
        paths = self.paths()
        for number, name in enumerate(paths, 1):
            path = Path(name)
            found = path.is_file()
            label = f"&{number} {path.name} — {path.parent}"
            action = self.menu.addAction(label if found else f"{label} (not found)")
            action.setToolTip(name)
            action.setData(name)
            action.setEnabled(found)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not paths:
            self.menu.addAction("No Recent Libraries").setEnabled(False)
        self.menu.addSeparator()
        clear = self.menu.addAction("&Clear Menu")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear)
