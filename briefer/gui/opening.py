"""Opening a library for the window: the dialogs for what core/opening.py decides.

core.opening says whether the library opened, is locked elsewhere, damaged or refused,
and what may be offered (read-only, the newest valid backup); this module only asks
the analyst and shows the answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefer.core import backups, opening
from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.opening import Opening, Outcome

# The dialogs are imported when one is shown: a library that opens shows none, and
# importing them (and creating the Python enums of the Qt classes they are first to
# touch) cost ~0.1 s of every start (issue 16).


def ask_read_only(error: Any, parent: QWidget | None) -> bool:
    """The locked-library dialog: True when the analyst opens the library read-only."""
    from briefer.gui.dialogs.lock_dialog import ask_read_only as ask

    return ask(error, parent)


def open_library_interactively(
    path: str | Path, parent: QWidget | None = None, *, create: bool = True
) -> Library | None:
    """Open a library for the window, asking the analyst when something is in the way.

    Takes the writer lock. Open elsewhere: offer read-only or cancel. Damaged: offer
    the newest valid backup (the damaged file is kept aside). Any other refusal is
    shown. Returns None when the analyst cancels or nothing could be opened.
    """
    path = Path(path)
    attempt = opening.open_library(path, create=create, lock=True)
    if attempt.offers_read_only:
        if not ask_read_only(attempt.error, parent):
            return None
        attempt = opening.open_read_only(path)
        if attempt.outcome is Outcome.DAMAGED:
            _show_error(parent, attempt.error)
            return None
    if attempt.outcome is Outcome.DAMAGED:
        if not offer_backup(attempt, parent):
            return None
        return open_library_interactively(path, parent, create=False)
    if attempt.library is None:
        _show_error(parent, attempt.error)
        return None
    show_location_risks(attempt.risks, parent)
    return attempt.library


def open_library_at_start(path: str | Path, parent: QWidget | None = None) -> Library | None:
    """The library to start with. When it is not opened (the analyst cancelled the
    damage or lock dialog, or it was refused), offer another library or a backup of
    this one instead of quitting; None only when the analyst chooses Quit."""
    path = Path(path)
    library = open_library_interactively(path, parent)
    while library is None:
        found = backups.list_backups(path)
        from briefer.gui.dialogs.no_library import NoLibraryDialog

        choice = NoLibraryDialog(path, bool(found), parent).choice()
        if choice == NoLibraryDialog.OTHER:
            name, _ = QFileDialog.getOpenFileName(
                parent, "Open library", str(path.parent),
                "Briefer libraries (*.briefer);;All files (*)",
            )  # fmt: skip
            if name:
                library = open_library_interactively(Path(name), parent, create=False)
        elif choice == NoLibraryDialog.BACKUP:
            library = _restore_chosen_backup(path, found, parent)
        else:
            return None
    return library


def _restore_chosen_backup(
    path: Path, found: list[backups.BackupInfo], parent: QWidget | None
) -> Library | None:
    from briefer.gui.dialogs.restore_backup import RestoreBackupDialog

    dialog = RestoreBackupDialog(path, found, parent)
    if dialog.exec() != RestoreBackupDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selected_backup()
    if chosen is None:
        return None
    try:
        opening.restore_over_damage(path, chosen)
    except BrieferError as exc:
        QMessageBox.critical(parent, "Restore failed", str(exc))
        return None
    return open_library_interactively(path, parent, create=False)


def _show_error(parent: QWidget | None, exc: BaseException | None) -> None:
    QMessageBox.critical(parent, "Briefer cannot open the library", str(exc))


def show_location_risks(risks: tuple[str, ...] | list[str], parent: QWidget | None) -> None:
    """Warn once per opening about synced folders and network filesystems."""
    if risks:
        QMessageBox.warning(parent, "Risky place for a library", "\n\n".join(risks))


def offer_backup(attempt: Opening, parent: QWidget | None = None) -> bool:
    """Show the damage and offer the newest valid backup; True once it is restored.

    The library must be closed. The damaged file is renamed NAME.damaged-<time>,
    never overwritten.
    """
    path, newest = attempt.path, attempt.backup
    from briefer.gui.dialogs.damaged_library import DamagedLibraryDialog

    dialog = DamagedLibraryDialog(attempt.message, attempt.problems, newest, parent)
    dialog.exec()
    if not dialog.wants_restore() or newest is None:
        return False
    try:
        kept = opening.restore_over_damage(path, newest.path)
    except BrieferError as exc:
        QMessageBox.critical(parent, "Restore failed", str(exc))
        return False
    QMessageBox.information(
        parent,
        "Backup restored",
        f"{path.name} now holds the backup of {newest.taken:%Y-%m-%d %H:%M} UTC. "
        f"The damaged file is kept as {kept}.",
    )
    return True
