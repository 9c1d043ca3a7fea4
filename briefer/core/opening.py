"""Opening a library and judging its checks: the decisions, never the dialogs.

The window (gui/opening.py, gui/session.py) and the command line (cli.py) both follow
these rules, so they agree on what a lock, damage, a check's verdict and a restore
mean. Each function returns plain data saying what happened and what may be offered
next (read-only, a backup); asking the analyst is the caller's part.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from briefer.core import backups, damage, fsinfo
from briefer.core.backups import BackupInfo
from briefer.core.damage import LibraryDamaged
from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.lock import LibraryLocked
from briefer.core.records import CheckReport, ProblemKind, problems_of


class Outcome(Enum):
    """How an attempt to open a library ended."""

    OPENED = "opened"
    #: Another window holds the writer lock: offer to open it read-only.
    LOCKED = "locked"
    #: Found damaged (and recorded so): offer the newest valid backup, if any.
    DAMAGED = "damaged"
    #: Refused for any other reason (not a library, too new, unreadable): show why.
    REFUSED = "refused"


@dataclass(frozen=True)
class Opening:
    """The outcome of one attempt, with what the caller may offer next."""

    outcome: Outcome
    path: Path
    library: Library | None = None
    error: BrieferError | None = None
    #: Damage found (DAMAGED only).
    problems: tuple[str, ...] = ()
    #: The newest valid backup (DAMAGED only; None when there is none to offer).
    backup: BackupInfo | None = None
    #: Warnings about where the library lives (synced folder, network drive), once
    #: it is open.
    risks: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        return str(self.error) if self.error is not None else ""

    @property
    def offers_read_only(self) -> bool:
        return self.outcome is Outcome.LOCKED

    @property
    def offers_restore(self) -> bool:
        return self.outcome is Outcome.DAMAGED and self.backup is not None

    def refusal(self) -> str:
        """Why nothing was opened, in one line; when damaged, with the backup to
        restore (what the window's damaged-library dialog offers)."""
        hint = restore_hint(self.backup) if self.outcome is Outcome.DAMAGED else ""
        return f"{self.message}{hint}"


def open_library(path: str | Path, *, create: bool = True, lock: bool = True) -> Opening:
    """Try to open a library: with the writer lock for the window (lock=True), without
    it for scripts. Never raises a BrieferError: the outcome says what went wrong."""
    path = Path(path)
    try:
        library = Library.open(path, create=create, lock=lock)
    except LibraryLocked as exc:
        return Opening(Outcome.LOCKED, path, error=exc)
    except LibraryDamaged as exc:
        return _damaged(exc)
    except BrieferError as exc:
        return Opening(Outcome.REFUSED, path, error=exc)
    return _opened(library, warn=lock)


def open_read_only(path: str | Path) -> Opening:
    """The analyst took the read-only offer of a locked library."""
    path = Path(path)
    try:
        library = Library.open(path, read_only=True)
    except LibraryDamaged as exc:
        return _damaged(exc)
    except BrieferError as exc:
        return Opening(Outcome.REFUSED, path, error=exc)
    return _opened(library, warn=True)


def _opened(library: Library, *, warn: bool) -> Opening:
    """warn: look for risks of the library's place (the window warns once per opening;
    scripts, which open without the lock, do not)."""
    risks = tuple(r.message for r in fsinfo.location_risks(library.path)) if warn else ()
    return Opening(Outcome.OPENED, library.path, library=library, risks=risks)


def _damaged(exc: LibraryDamaged) -> Opening:
    return Opening(
        Outcome.DAMAGED, exc.path, error=exc, problems=tuple(exc.problems),
        backup=backups.newest_valid_backup(exc.path),
    )  # fmt: skip


def restore_over_damage(path: Path, backup: Path) -> Path | None:
    """Put a backup in place of a library that is not open; the file it replaces is
    kept as NAME.damaged-<time>. Returns that name (None when there was no file)."""
    return backups.restore(path, backup, label="damaged")


def checks_on_start(library: Library) -> bool:
    """Whether the window should check the library in the background once it shows:
    after a clean close yes; after a crash it was already checked on opening."""
    return not library.unclean_shutdown


# -- judging a check -------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What a check means: damage (never written again until restored) or not."""

    path: Path
    report: CheckReport
    damaged: bool
    #: The newest valid backup to offer when damaged.
    backup: BackupInfo | None = None

    @property
    def sound(self) -> bool:
        return self.report.ok

    def restore_hint(self) -> str:
        """The command line's offer of the newest valid backup (the window shows a
        dialog with the same backup)."""
        return restore_hint(self.backup) if self.damaged else ""


def restore_hint(backup: BackupInfo | None) -> str:
    """The command line's words for the restore the window offers in a dialog."""
    if backup is None:
        return "; no valid backup was found"
    return (
        f"; restore the newest valid backup with `briefer restore '{backup.path}'` "
        f"(it holds the library as of {backup.taken:%Y-%m-%d %H:%M} UTC: changes "
        "made after that are lost; the damaged file is kept aside)"
    )


def judge(path: Path, report: CheckReport, *, full: bool = True) -> Verdict:
    """Decide once, for the command line and the window, whether a check found damage,
    and leave the damage record to match: written on damage; removed after a full
    check that found none (a quick check does not clear what a full one found)."""
    damaged = report.damaged
    if damaged:
        damage.record_damage(path, report.problems)
    elif full:
        damage.clear_damage(path)
    newest = backups.newest_valid_backup(path) if damaged else None
    return Verdict(path, report, damaged, newest)


def check_file(path: Path) -> Verdict:
    """`briefer check`: open without the lock, run the full check, judge it. A library
    too damaged to open is judged on what opening found."""
    path = path.absolute()
    try:
        with Library.open(path) as library:
            report = library.check()
    except LibraryDamaged as exc:
        report = report_of_damage(exc)
    return judge(path, report)


def report_of_damage(error: LibraryDamaged) -> CheckReport:
    """Damage found on opening, as a report: damage whatever its words say."""
    return CheckReport(ok=False, problems=problems_of(error.problems, ProblemKind.UNREADABLE))


def check_open_library(library: Library) -> Verdict:
    """Library › Check in the window: the same full check and verdict."""
    return judge(library.path, library.check())


def quick_check_on_start(path: Path) -> Verdict:
    """The window's background check after a clean close: SQLite's quick_check."""
    return judge(path, damage.quick_check(path), full=False)
