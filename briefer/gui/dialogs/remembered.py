"""Dialogs that come back at the size and place the analyst left them.

The geometry is kept per dialog (`settings.DIALOG_GEOMETRY`, named by `settings_name`,
the class name unless a subclass says otherwise), in the settings of the window the
dialog belongs to (`settings.store_for`). It is restored once, just before the dialog is
first shown (so `show()`, `open()` and `exec()` all get it, with no jump on screen), and
saved whenever it finishes (`done`: accept, reject, Escape) or its window is closed.
The help window is one; every other dialog is a `base.BrieferDialog`, which adds F1.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget

from briefer.gui.settings import DIALOG_GEOMETRY, store_for


class RememberedDialog(QDialog):
    settings_name: str | None = None  # the key's last part; None: the class name

    def __init__(self, parent: QWidget | None = None, *, settings: QSettings | None = None):
        super().__init__(parent)
        self._geometry_store = settings
        self._geometry_restored = False

    # -- geometry -----------------------------------------------------------------------

    def geometry_name(self) -> str:
        return self.settings_name or type(self).__name__

    def geometry_store(self) -> QSettings:
        if self._geometry_store is None:
            self._geometry_store = store_for(self.parentWidget())
        return self._geometry_store

    def restore_geometry(self) -> bool:
        """Back to the remembered size and place; False when there is none."""
        saved = DIALOG_GEOMETRY.get(self.geometry_store(), self.geometry_name())
        return not saved.isEmpty() and self.restoreGeometry(saved)

    def save_geometry(self) -> None:
        DIALOG_GEOMETRY.set(self.geometry_store(), self.saveGeometry(), self.geometry_name())

    def setVisible(self, visible: bool) -> None:
        if visible and not self._geometry_restored:
            self._geometry_restored = True
            self.restore_geometry()
        super().setVisible(visible)

    def done(self, result: int) -> None:
        if self.isVisible():
            self.save_geometry()
        super().done(result)

    def closeEvent(self, event) -> None:
        if self.isVisible():
            self.save_geometry()
        super().closeEvent(event)
