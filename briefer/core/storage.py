"""The library file on disk: recognising it, creating it, connecting, copying.

Nothing here writes to a file until it is known to be a Briefer library (or is being
created), so opening the wrong file never changes it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from briefer.core import held_files, schema
from briefer.core.errors import BrieferError, NewerLibrary, NotALibrary

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 5000
# Each connection's page cache, in KiB (SQLite's default is 2,000). A search reads its
# hits' rows right after ranking them; with the default, ranking a common word's long
# lists pushed those rows' pages out and each was read again from the OS (issue 16).
# The cache fills only as pages are read, up to this.
CACHE_KIB = 8192


@dataclass(frozen=True, slots=True)
class FileInfo:
    exists: bool
    schema_version: int = 0


def inspect_library_file(path: Path) -> FileInfo:
    """Tell whether path is a Briefer library, without opening it through SQLite."""
    if path.is_dir():
        raise NotALibrary(f"{path} is a folder, not a Briefer library file")
    if not path.exists():
        if not path.parent.is_dir():
            raise NotALibrary(f"{path}: the folder {path.parent} does not exist")
        return FileInfo(exists=False)
    try:
        header = held_files.read_head(path)
    except OSError as exc:
        raise NotALibrary(f"{path} cannot be read: {exc.strerror or exc}") from exc
    if not header:
        raise NotALibrary(f"{path} is an empty file, not a Briefer library")
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotALibrary(f"{path} is not a Briefer library (not an SQLite database)")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != schema.APPLICATION_ID:
        raise NotALibrary(f"{path} is an SQLite database of another program, not a Briefer library")
    version = int.from_bytes(header[60:64], "big")
    refuse_newer(path, version)
    return FileInfo(exists=True, schema_version=version)


def refuse_newer(path: Path, version: int) -> None:
    if version > schema.SCHEMA_VERSION:
        raise NewerLibrary(
            f"{path} was written by a newer Briefer (library format {version}; this "
            f"Briefer reads up to {schema.SCHEMA_VERSION}): update Briefer to open it"
        )


def create_library_file(path: Path) -> None:
    """Build a new library beside path and move it into place in one step.

    A crash midway leaves only a temp file, never a half-made library at path; an
    existing file at path is never replaced.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".creating", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, FILE_MODE)
        os.close(fd)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            schema.create_schema(conn)
        finally:
            conn.close()
        fsync_file(tmp)
        try:
            os.link(tmp, path)
        except FileExistsError as exc:
            raise BrieferError(f"{path} appeared while the library was being created") from exc
        fsync_dir(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _json_dumps(value: object) -> str:
    # ensure_ascii=False keeps non-Latin authors searchable through the FTS triggers.
    return json.dumps(value, ensure_ascii=False)


def write_protected(path: Path) -> bool:
    """The analyst made the file read-only (no write bit, or no write access): root's
    bypass of permissions must not make Briefer write to it anyway."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not mode & 0o222 or not os.access(path, os.W_OK)


def folder_is_full(folder: Path, needed: int = 256 * 1024) -> bool:
    try:
        return shutil.disk_usage(folder).free < needed
    except OSError:
        return False


def _uri(path: Path, *, immutable: bool) -> str:
    return f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")


def make_engine(
    path: Path, *, write: bool, read_only: bool = False, immutable: bool = False
) -> Engine:
    """An engine whose every connection has the library's pragmas set.

    Writers begin with BEGIN IMMEDIATE so two writers queue on the busy timeout
    instead of failing when a read transaction tries to upgrade. SQLAlchemy is
    imported here, with the first engine: the window paints before it loads (~0.3 s,
    issue 16; core/source_rows.py reads the first screen without it).
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    url = (
        f"sqlite:///{_uri(path, immutable=immutable)}&uri=true"
        if read_only
        else f"sqlite:///{path}"
    )
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        json_serializer=_json_dumps,
        poolclass=NullPool if read_only else None,
    )
    begin_sql = "BEGIN IMMEDIATE" if write and not read_only else "BEGIN"

    @event.listens_for(engine, "connect")
    # pragma: no cover - exercised by every test
    def _on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
        dbapi_conn.isolation_level = None
        apply_pragmas(dbapi_conn, read_only=read_only)
        if write and not read_only:
            # The journal this connection writes to: a commit checks it is still the
            # file at the path (see Library.write_session).
            dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            record.info["wal"] = wal_identity(path)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


@contextlib.contextmanager
def read_transaction(engine: Engine) -> Iterator[sqlite3.Connection]:
    """One read transaction on a pooled connection of the engine, as the plain sqlite3
    connection: for a search, whose statements go straight to sqlite3 (core/search.py),
    an ORM session's set-up and tear-down cost more than a small library's raw query
    (0.2 ms against 0.04). The connection carries the engine's pragmas and goes back
    to its pool (rolled back) afterwards; sqlite3's errors come out as SQLAlchemy's,
    as a session's would."""
    from sqlalchemy.exc import DBAPIError

    pooled = engine.raw_connection()
    try:
        conn = cast(sqlite3.Connection, pooled.driver_connection)
        try:
            conn.execute("BEGIN")
        except sqlite3.Error as exc:
            raise DBAPIError.instance("BEGIN", (), exc, sqlite3.Error) from exc
        try:
            yield conn
        finally:
            # Never back to the pool holding a snapshot (it would pin the WAL).
            with contextlib.suppress(sqlite3.Error):
                conn.rollback()
    finally:
        pooled.close()


def is_dbapi_error(exc: BaseException) -> bool:
    """Whether SQLAlchemy raised this for an error of the database driver. SQLAlchemy
    loads with the first engine (make_engine): before that, none of its errors can
    have been raised, and asking does not load it."""
    dbapi_error = getattr(sys.modules.get("sqlalchemy.exc"), "DBAPIError", None)
    return dbapi_error is not None and isinstance(exc, dbapi_error)


def wal_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(f"{path}-wal")
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def live_connections(engine: Engine) -> Callable[[], int]:
    """A counter of the engine's open DBAPI connections, checked out or pooled.

    A library's file may be let go (held_files.release) only once this reads 0:
    a connection left open still relies on the process's locks.
    """
    from sqlalchemy import event

    count = [0]
    lock = threading.Lock()

    def opened(*_args: object) -> None:
        with lock:
            count[0] += 1

    def closed(*_args: object) -> None:
        with lock:
            count[0] -= 1

    event.listen(engine, "connect", opened)
    event.listen(engine, "close", closed)
    event.listen(engine, "close_detached", closed)
    return lambda: count[0]


def apply_pragmas(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")


def connect_raw(
    path: Path, *, read_only: bool = False, immutable: bool = False
) -> sqlite3.Connection:
    """A plain sqlite3 connection with the library's pragmas, for maintenance work."""
    if read_only:
        conn = sqlite3.connect(_uri(path, immutable=immutable), uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(path, isolation_level=None)
    apply_pragmas(conn, read_only=read_only)
    return conn


def backup_to(conn: sqlite3.Connection, target: Path, *, overwrite: bool = True) -> Path:
    """Copy a live library with SQLite's backup API into target, atomically, mode 0600.

    With overwrite=False an existing target is refused, even one that appears while
    the copy is being made.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, FILE_MODE)
        os.close(fd)
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            result = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if result != "ok":
            raise BrieferError(f"the copy written to {target} failed its integrity check")
        fsync_file(tmp)
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError as exc:
                raise BrieferError(f"{target} already exists; choose another name") from exc
            except OSError:  # no hard links on this filesystem
                if target.exists():
                    raise BrieferError(f"{target} already exists; choose another name") from None
                os.replace(tmp, target)
        fsync_dir(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target


def secure_side_files(path: Path) -> None:
    """SQLite gives -wal and -shm the main file's mode; make them 0600 whatever it is.

    The library file itself keeps the mode it has: Briefer makes new ones 0600, and
    never changes the mode of an existing one (a read-only file stays read-only).
    """
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if side.stat().st_mode & 0o777 != FILE_MODE:
                os.chmod(side, FILE_MODE)
