"""The library is open in another Briefer: look read-only, or cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.core.lock import LibraryLocked


class LockedLibraryDialog(QMessageBox):
    """Names the holder (process and host) and offers Open Read-Only or Cancel."""

    def __init__(self, error: LibraryLocked, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Library open elsewhere")
        self.setText("This library is already open in another Briefer.")
        self.setInformativeText(
            f"{error}\n\nTwo Briefers writing to one library could lose work, so this one "
            "can only look at it."
        )
        self.read_only_button = self.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)

    def wants_read_only(self) -> bool:
        return self.clickedButton() is self.read_only_button


def ask_read_only(error: LibraryLocked, parent: QWidget | None = None) -> bool:
    dialog = LockedLibraryDialog(error, parent)
    dialog.exec()
    return dialog.wants_read_only()
