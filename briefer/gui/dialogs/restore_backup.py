"""Library › Restore from Backup…: pick one of the library's backups, or any file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.core.backups import BackupInfo
from briefer.gui.dialogs.base import BrieferDialog
from briefer.gui.dialogs.damaged_library import describe_backup


class RestoreBackupDialog(BrieferDialog):
    """Lists backups newest first; Restore is enabled once one is chosen."""

    def __init__(self, library_path: Path, found: list[BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.library_path = library_path
        self.setWindowTitle("Restore from Backup")
        layout = QVBoxLayout(self)
        note = QLabel(
            f"Replace {library_path.name} with a backup. The current library is kept "
            "aside, next to it, so nothing is deleted."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        for backup in found:
            item = QListWidgetItem(describe_backup(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        if not found:
            self.list.addItem(QListWidgetItem("No backups yet"))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        layout.addWidget(self.list)
        self.file_button = QPushButton("Choose a File…")
        layout.addWidget(self.file_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        layout.addWidget(self.buttons)
        self._chosen_file: Path | None = None
        self._wire()
        if found:
            self.list.setCurrentRow(0)
        self._update()

    def _wire(self) -> None:
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.file_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a backup", str(self.library_path.parent),
            "Briefer libraries (*.briefer);;All files (*)",
        )  # fmt: skip
        if name:
            self._chosen_file = Path(name)
            self.accept()

    def selected_backup(self) -> Path | None:
        if self._chosen_file is not None:
            return self._chosen_file
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return Path(value) if value else None
