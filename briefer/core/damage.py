"""Damaged libraries: noticing them, and putting them aside untouched.

A damaged file is never repaired in place or overwritten: it is renamed, with its
-wal and -shm, to `NAME.damaged-<time>` so whatever can still be read from it stays
there, and the newest valid backup is offered instead (see backups.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefer.core import held_files
from briefer.core.errors import BrieferError
from briefer.core.records import (
    REPAIRABLE_KINDS,
    CheckProblem,
    CheckReport,
    ProblemKind,
    problem_kind,
    problems_of,
)

SIDE_SUFFIXES = ("-wal", "-shm")


class LibraryDamaged(BrieferError):
    """The library file is damaged; it was left as it is."""

    def __init__(self, path: Path, problems: tuple[str, ...], *, found: str = ""):
        first = " ".join(problems[0].split())[:300] if problems else "it cannot be read"
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        when = f" (found {found}; nothing was written)" if found else ""
        super().__init__(
            f"{path} is damaged{when}: {first}{more}; restore a backup with "
            "`briefer restore BACKUP` or Library > Restore from Backup…"
        )
        self.path = path
        self.problems = problems


# -- the damage record: found damaged, so never written -------------------------------

RECORD_SUFFIX = ".damage"


def is_damage(problem: str) -> bool:
    """One rule for the command line and the window: what makes a library damaged.
    The problem's kind decides (records.ProblemKind); plain text is read for it."""
    return problem_kind(problem) not in REPAIRABLE_KINDS


@dataclass(frozen=True, slots=True)
class DamageRecord:
    found: str
    problems: tuple[str, ...]


def _record_path(path: Path) -> Path:
    return Path(f"{path}{RECORD_SUFFIX}")


def record_damage(path: Path, problems: tuple[str, ...] | list[str]) -> None:
    """Leave a record beside the library that it was found damaged; every write
    refuses while the record names this very file (a restored file is another)."""
    try:
        st = os.stat(path)
    except OSError:
        return
    data = json.dumps(
        {
            "found": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "problems": list(problems)[:20],
            "file": [st.st_dev, st.st_ino],
        },
        ensure_ascii=False,
    )
    target = _record_path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    with contextlib.suppress(OSError):
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)


def damage_record(path: Path) -> DamageRecord | None:
    """The record of damage found in this library file, or None."""
    try:
        raw = json.loads(_record_path(path).read_text(encoding="utf-8"))
        st = os.stat(path)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(raw, dict) or raw.get("file") != [st.st_dev, st.st_ino]:
        return None
    problems = tuple(str(p) for p in raw.get("problems") or ()) or ("found damaged",)
    return DamageRecord(found=str(raw.get("found", "")), problems=problems)


def clear_damage(path: Path) -> None:
    with contextlib.suppress(OSError):
        _record_path(path).unlink()


def refuse_if_recorded(path: Path) -> None:
    record = damage_record(path)
    if record is not None:
        raise LibraryDamaged(path, record.problems, found=record.found)


def header_problems(path: Path, *, wal_expected: bool = False) -> list[str]:
    """What the file's size and header show at once, without SQLite reading pages.

    Catches a truncated file, and (wal_expected: the killed session had work in its
    -wal) a -wal deleted after a crash, which SQLite would silently do without.
    """
    problems = []
    wal = Path(f"{path}-wal")
    if wal_expected and not wal.exists():
        problems.append(
            f"its journal {wal.name} is missing after a crash, so the last changes are lost"
        )
    try:
        header = held_files.read_head(path)
        size = path.stat().st_size
    except OSError as exc:
        return [*problems, f"it cannot be read ({exc.strerror or exc})"]
    if len(header) < 100:
        return [*problems, "the file is cut short"]
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return [*problems, "its header is damaged (page size)"]
    if size % page_size:
        problems.append("the file is cut short (not a whole number of pages)")
    pages = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    problems.extend(_journal_cut_short(path, wal, page_size))
    wal_has_frames = wal.exists() and wal.stat().st_size > 32
    # The page count in the header is trustworthy only when written with the counter,
    # and the -wal may still hold the pages that make the file whole.
    if change_counter == valid_for and not wal_has_frames and size < pages * page_size:
        problems.append(
            f"the file is cut short ({size} bytes where its header counts {pages * page_size})"
        )
    return problems


def journal_reached_file(path: Path, first_pending_seq: int | None) -> bool:
    """True when the -wal is gone and the file itself holds the commit that first put
    work in it: SQLite deletes a -wal only after copying all of it into the file, so
    the whole journal reached the file. False when the -wal is there (SQLite will
    recover it) or its work is not in the file (the -wal was lost)."""
    if first_pending_seq is None or Path(f"{path}-wal").exists():
        return False
    try:
        conn = _read_only_connection(path)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute("SELECT value FROM library_meta WHERE key = 'commit_seq'").fetchone()
    except (sqlite3.Error, UnicodeDecodeError):
        return False
    finally:
        conn.close()
    try:
        return row is not None and int(row[0]) >= first_pending_seq
    except ValueError:
        return False


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """Read a file that has no -wal without creating one beside it. Immutable (no
    locks) only while no connection of this process has the file open."""
    mode = "ro" if held_files.connections_open(path) else "ro&immutable=1"
    return sqlite3.connect(f"file:{path}?mode={mode}", uri=True, isolation_level=None)


def _journal_cut_short(path: Path, wal: Path, page_size: int) -> list[str]:
    """A -shm whose index counts frames that the -wal does not hold: the journal was
    deleted or cut. Read only while no connection of this process has the library
    open (closing a descriptor of the -shm would drop SQLite's locks on it)."""
    shm = Path(f"{path}-shm")
    if held_files.connections_open(path) or not shm.exists():
        return []
    try:
        with open(shm, "rb") as fh:
            header = fh.read(48)
        wal_size = wal.stat().st_size if wal.exists() else 0
    except OSError:
        return []
    if len(header) < 48 or header[12] != 1:  # isInit
        return []
    (frames,) = struct.unpack("=I", header[16:20])
    shm_page = struct.unpack("=H", header[14:16])[0] or page_size
    shm_page = 65536 if shm_page == 1 else shm_page
    needed = 32 + frames * (24 + shm_page)
    if frames and wal_size < needed:
        state = "is missing" if not wal.exists() else f"is cut short ({wal_size} bytes)"
        return [
            f"its journal {wal.name} {state} while {shm.name} counts {frames} page(s) "
            "of changes in it: those changes are lost"
        ]
    return []


def _lenient_text(data: bytes) -> str:
    # A damaged file can put broken UTF-8 into the check's own report.
    return data.decode("utf-8", "replace")


def quick_check(path: Path, *, full: bool = False) -> CheckReport:
    """PRAGMA quick_check (or integrity_check when full) on its own connection.

    Read-only where SQLite allows, so checking never writes to a damaged file.
    """
    pragma = "integrity_check" if full else "quick_check"
    problems: list[str] = []
    conn = None
    wal = Path(f"{path}-wal")
    try:
        if not wal.exists() and not held_files.connections_open(path):
            # Nobody is writing (a writer in WAL mode has a -wal): read the file as it
            # is, creating no -wal or -shm beside a library that may be damaged. Never
            # while this process holds it: an immutable connection closes its
            # descriptor behind SQLite's back and drops the process's locks.
            conn = sqlite3.connect(
                f"file:{path}?mode=ro&immutable=1", uri=True, isolation_level=None
            )
            conn.text_factory = _lenient_text
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        else:
            try:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
                conn.text_factory = _lenient_text
                rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
            except sqlite3.OperationalError as exc:
                if "unable to open" not in str(exc):
                    raise
                # A -wal without its -shm needs a writable handle to be read.
                if conn is not None:
                    conn.close()
                conn = sqlite3.connect(path, isolation_level=None)
                conn.text_factory = _lenient_text
                rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        if rows != ["ok"]:
            problems.extend(rows)
    except sqlite3.DatabaseError as exc:
        problems.append(CheckProblem(f"SQLite cannot read it ({exc})", ProblemKind.UNREADABLE))
    except UnicodeDecodeError:
        # SQLite's own error message came out of damaged bytes.
        problems.append(
            CheckProblem(
                "SQLite cannot read it (garbled text where its structure should be)",
                ProblemKind.UNREADABLE,
            )
        )
    finally:
        if conn is not None:
            conn.close()
    return CheckReport(ok=not problems, problems=problems_of(problems, ProblemKind.INTEGRITY))


def diagnose(path: Path, *, full: bool = False) -> CheckReport:
    """Header, then SQLite's own check: what `briefer check` and restore rely on."""
    problems = header_problems(path)
    if problems:
        return CheckReport(ok=False, problems=problems_of(problems, ProblemKind.UNREADABLE))
    return quick_check(path, full=full)


def stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def move_aside(
    path: Path, label: str = "damaged", *, clock: Callable[[], datetime] | None = None
) -> Path:
    """Rename the library with its -wal and -shm to NAME.<label>-<time>; never overwrite.

    Each file is linked under its new name before its old name goes, so a crash in
    between leaves two names for one file, never none.
    """
    now = (clock or (lambda: datetime.now(UTC)))()
    base = path.with_name(f"{path.name}.{label}-{stamp(now)}")
    target, n = base, 1
    while any(Path(f"{target}{s}").exists() for s in ("", *SIDE_SUFFIXES)):
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    for suffix in ("", *SIDE_SUFFIXES):
        src, dst = Path(f"{path}{suffix}"), Path(f"{target}{suffix}")
        if not src.exists():
            continue
        try:
            os.link(src, dst)
        except OSError:
            # No hard links here (some network and FAT drives): a rename still never
            # overwrites, as dst was checked free above.
            os.rename(src, dst)
        else:
            src.unlink()
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return target
