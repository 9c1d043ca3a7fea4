"""Nothing was opened (damage, a lock, a refusal): the way on, instead of quitting.

Cancel on the damaged-library dialog used to close Briefer. Now the analyst is asked
what to do instead: open another library, restore one of this library's backups, or
quit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


class NoLibraryDialog(QMessageBox):
    OTHER, BACKUP, QUIT = "other", "backup", "quit"

    def __init__(self, path: Path, has_backups: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("No library open")
        self.setText(f"Briefer did not open {path.name}.")
        self.setInformativeText(
            "Open another library, restore one of this library's backups (the current "
            "file is kept aside, untouched), or quit."
        )
        self.other_button = self.addButton(
            "Open Another Library…", QMessageBox.ButtonRole.AcceptRole
        )
        self.backup_button = self.addButton("Restore a Backup…", QMessageBox.ButtonRole.ActionRole)
        self.backup_button.setEnabled(has_backups)
        self.quit_button = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.other_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> str:
        """Show the dialog and say what the analyst chose."""
        self.exec()
        clicked = self.clickedButton()
        if clicked is self.other_button:
            return self.OTHER
        if clicked is self.backup_button:
            return self.BACKUP
        return self.QUIT
