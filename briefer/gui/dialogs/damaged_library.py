"""A damaged library: say what is wrong and offer the newest valid backup."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.core.backups import BackupInfo


def describe_backup(backup: BackupInfo) -> str:
    taken = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{taken} ({backup.size / 1_048_576:.1f} MB)"


class DamagedLibraryDialog(QMessageBox):
    """Restore the newest valid backup (the damaged file is kept aside), or cancel."""

    def __init__(
        self,
        message: str,
        problems: tuple[str, ...],
        newest: BackupInfo | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.newest = newest
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("The library is damaged")
        self.setText("Briefer found damage in this library and will not write to it.")
        if newest is not None:
            advice = (
                f"The newest valid backup is from {describe_backup(newest)}. Restoring it "
                "puts the library back as it was then: every source, excerpt, grade and "
                "brief change made after that time is not in the backup and would be lost "
                "from the library. The damaged file is kept aside, untouched, next to the "
                "library, so what can still be read from it is not deleted."
            )
        else:
            advice = "No valid backup was found. The damaged file is left as it is."
        self.setInformativeText(f"{message}\n\n{advice}")
        self.setDetailedText("\n".join(problems))
        self.restore_button = None
        if newest is not None:
            self.restore_button = self.addButton(
                "Restore Backup", QMessageBox.ButtonRole.AcceptRole
            )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.restore_button or self.cancel_button)

    def wants_restore(self) -> bool:
        return self.restore_button is not None and self.clickedButton() is self.restore_button
