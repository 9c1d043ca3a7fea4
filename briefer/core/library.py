"""The library: one SQLite file, opened, migrated and served through named services.

A Library hands out services (sources, excerpts, tags, briefs) and search. Every
service call is one session and, when it writes, one transaction; what it returns is
plain data that outlives the session.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from briefer.core import damage, held_files, schema, storage
from briefer.core import lock as locking
from briefer.core.damage import LibraryDamaged
from briefer.core.errors import BrieferError, NotALibrary
from briefer.core.lock import LibraryLock, LibraryLocked
from briefer.core.paths import resolve_library_path
from briefer.core.records import (
    CheckProblem,
    CheckReport,
    ProblemKind,
    SearchFilters,
    SearchHit,
)
from briefer.core.source_rows import SourceRows

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from briefer.core.briefs import BriefService
    from briefer.core.excerpts import ExcerptService
    from briefer.core.exports import ExportRecordService
    from briefer.core.saved_searches import SavedSearchService
    from briefer.core.search import SearchResults
    from briefer.core.sources import SourceService
    from briefer.core.tags import TagService
    from briefer.core.tradecraft.service import TradecraftService

Clock = Callable[[], datetime]
T = TypeVar("T")


class cached_property(Generic[T]):  # noqa: N801 (named as functools' one it replaces)
    """Made on first use, once per library even when two threads ask at the same time:
    the window's worker loads the services after the first paint (warm_up) while the
    window may ask for one. functools.cached_property has no lock from Python 3.12 on,
    and two engines for one library would leave one undisposed and counted twice in
    held_files."""

    def __init__(self, fn: Callable[[Any], T]):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        with obj._made_once:
            try:
                return cast(T, obj.__dict__[self.name])
            except KeyError:
                value = obj.__dict__[self.name] = self.fn(obj)
                return value


def utc_now() -> datetime:
    return datetime.now(UTC)


class StorageError(BrieferError):
    """SQLite could not do what was asked: full disk, I/O error, lock, read-only file."""


def translate_storage_error(exc: BaseException, path: Path) -> BrieferError | None:
    message = str(getattr(exc, "orig", exc)).lower()
    if "database or disk is full" in message or "disk i/o error" in message:
        return StorageError(
            f"could not write to {path}: the disk is full or refused the write; "
            "nothing of this change was saved — free some space and try again"
        )
    if "database is locked" in message or "database is busy" in message:
        return StorageError(f"{path} is busy in another program; try again in a moment")
    if "readonly" in message or "read-only" in message:
        return StorageError(f"{path} is open read-only; this change was not saved")
    damage_signs = (
        "file is not a database", "malformed", "corrupt", "could not decode",
        "vtable constructor failed", "no such table", "no such column",
        "unsupported file format",
    )  # fmt: skip
    if any(sign in message for sign in damage_signs):
        first = message.splitlines()[0][:120] if message else "unreadable"
        return StorageError(f"{path} is damaged ({first}); run `briefer check`")
    return None


class Library:
    """An open library file. Create with Library.open(); close when done."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool,
        clock: Clock,
        writer_lock: LibraryLock | None = None,
        held: held_files.Key | None = None,
        read_only_reason: str = "",
        immutable: bool = False,
    ):
        self.path = path
        self.read_only = read_only
        #: Why a library asked for writing was opened read-only ("" when it was not):
        #: the file's permissions, a full disk, a folder that cannot be written.
        self.read_only_reason = read_only_reason
        #: Read without locks or journal: nothing could be written beside the file.
        self.immutable = immutable
        self.clock = clock
        #: The exclusive writer lock, held by the window (open(lock=True)); None in
        #: command-line runs, which probe the lock before each write instead.
        self.writer_lock = writer_lock
        #: The session before this one was killed or crashed (a stale lock was taken).
        self.unclean_shutdown = writer_lock is not None and writer_lock.stale_owner is not None
        #: Committed write transactions since opening; backups use it to see change.
        self.write_count = 0
        #: The descriptor that keeps this process's locks on the file safe (held_files).
        self._held = held
        self._engines: list[Engine] = []
        # Held while an engine or a service is made (cached_property above).
        self._made_once = threading.RLock()
        #: All sources in plain SQL: the window's first screen, before the ORM loads.
        self.source_rows = SourceRows(self)
        self._closed = False

    # -- engines -------------------------------------------------------------------
    # Made on first use (SQLAlchemy loads its SQLite dialect then, ~20 ms): the
    # window's first screen reads through storage.connect_raw (core/source_rows.py).

    @cached_property
    def _read_engine(self) -> Engine:
        engine = storage.make_engine(
            self.path, write=False, read_only=self.read_only, immutable=self.immutable
        )
        self._count(engine)
        return engine

    @cached_property
    def _write_engine(self) -> Engine:
        if self.read_only:
            return self._read_engine
        engine = storage.make_engine(self.path, write=True)
        self._count(engine)
        return engine

    def _count(self, engine: Engine) -> None:
        self._engines.append(engine)
        if self._held is not None:
            held_files.count_connections(self._held, storage.live_connections(engine))

    # -- services ------------------------------------------------------------------
    # Each service, and the modules it needs (the SQLModel table classes, the
    # tradecraft checks' patterns), is loaded on its first use: the window paints
    # its first screen (core/source_rows.py) before any is needed (issue 16).

    def _orm(self) -> Library:
        """Self, once the ORM's mappers are configured: services build rows with
        model_construct(), which needs them, and a fresh process has not done it."""
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
        return self

    def warm_up(self) -> None:
        """Load every service and run the excerpts panel's first read, so their
        modules, mappers and compiled statements are ready: the window calls it on its
        worker thread after the first paint, then reads the navigator's lists there
        (gui/features/search.py navigator_content), so they are not read here too.

        SQLAlchemy and SQLModel load here too, and they load on one thread at a time:
        the whole warm-up holds the lock a service is made under, so the window, asking
        for a service meanwhile, waits for it instead of importing the same packages
        at the same time (two threads importing one package can each see the other's
        half-made modules). Nothing the window imports loads them itself
        (tests/gui/test_lazy_imports.py)."""
        with self._made_once:
            self.excerpts.list(limit=1)
            # The others: the navigator's, the brief tab's checks, the exports.
            for name in ("tags", "briefs", "searches", "sources", "tradecraft", "exports"):
                getattr(self, name)

    @cached_property
    def sources(self) -> SourceService:
        from briefer.core.sources import SourceService

        return SourceService(self._orm())

    @cached_property
    def excerpts(self) -> ExcerptService:
        from briefer.core.excerpts import ExcerptService

        return ExcerptService(self._orm())

    @cached_property
    def tags(self) -> TagService:
        from briefer.core.tags import TagService

        return TagService(self._orm())

    @cached_property
    def briefs(self) -> BriefService:
        from briefer.core.briefs import BriefService

        return BriefService(self._orm())

    @cached_property
    def searches(self) -> SavedSearchService:
        from briefer.core.saved_searches import SavedSearchService

        return SavedSearchService(self._orm())

    @cached_property
    def tradecraft(self) -> TradecraftService:
        from briefer.core.tradecraft.service import TradecraftService

        return TradecraftService(self._orm())

    @cached_property
    def exports(self) -> ExportRecordService:
        from briefer.core.exports import ExportRecordService

        return ExportRecordService(self._orm())

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        create: bool = True,
        read_only: bool = False,
        clock: Clock = utc_now,
        lock: bool = False,
    ) -> Library:
        """Open (creating when missing) and migrate a library; refuse anything else.

        Files that are not Briefer libraries are recognised from their header bytes
        and refused before SQLite touches them, so they stay byte-identical.

        lock=True (the window) takes the exclusive writer lock or raises
        LibraryLocked at once. When the session before was killed, the library gets
        a quick_check before anything else reads it; a damaged one raises
        LibraryDamaged and is left exactly as it was.
        """
        path = Path(resolve_library_path(path)).absolute()
        info = storage.inspect_library_file(path)
        reason = ""
        if not read_only and info.exists and storage.write_protected(path):
            # The analyst made the file read-only: honour it, never change its mode.
            read_only, reason = (
                True,
                (
                    "its file permissions do not allow writing (make it writable, e.g. "
                    "`chmod u+w`, to change it)"
                ),
            )
        writer_lock = LibraryLock.acquire(path) if lock and not read_only else None
        held = None
        try:
            if info.exists:
                held = held_files.hold(path)
                _refuse_damaged(path, writer_lock)
            else:
                if not create or read_only:
                    raise NotALibrary(f"{path} does not exist")
                storage.create_library_file(path)
                held = held_files.hold(path)
            try:
                conn, access, why = _first_connection(path, read_only, info.exists)
            except sqlite3.Error as exc:
                raise NotALibrary(f"{path} cannot be opened: {exc}") from exc
            except UnicodeDecodeError as exc:
                raise LibraryDamaged(path, ("SQLite's answer came back garbled",)) from exc
            if access != "write" and not read_only:
                read_only, reason = True, why
                if writer_lock is not None:
                    writer_lock.release()
                    writer_lock = None
            immutable = access == "immutable"
            if immutable and held is not None:
                # No locks are taken at all: nothing to keep safe, and holding would
                # forbid the very connections this library makes.
                held_files.release(held)
                held = None
            try:
                version = _check_identity(conn, path)
                if version < schema.SCHEMA_VERSION:
                    if read_only:
                        raise BrieferError(
                            f"{path} needs upgrading to library format "
                            f"{schema.SCHEMA_VERSION}; open it once without read-only to "
                            "upgrade it"
                        )
                    if writer_lock is None:
                        _refuse_if_locked(path)
                    damage.refuse_if_recorded(path)
                    migrate(conn, path, version, clock)
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                # The header said Briefer library: what SQLite cannot read is damage.
                raise LibraryDamaged(path, (str(exc),)) from exc
            finally:
                conn.close()
            if not read_only:
                storage.secure_side_files(path)
            return cls(
                path, read_only=read_only, clock=clock, writer_lock=writer_lock, held=held,
                read_only_reason=reason, immutable=immutable,
            )  # fmt: skip
        except BaseException:
            if held is not None:
                held_files.release(held)
            if writer_lock is not None:
                # Keep the marker: the next try must check the file again.
                writer_lock.release(clean=False)
            raise

    def close(self) -> None:
        """Checkpoint, close every connection, then drop the lock (a clean close)."""
        if self._closed:
            return
        self._closed = True
        if not self.read_only:
            with contextlib.suppress(Exception):
                self.checkpoint(optimize=True)
        for engine in self._engines:
            engine.dispose()
        if self._held is not None:
            # A connection still checked out somewhere keeps the file held until it goes.
            held_files.release(self._held)
        if self.writer_lock is not None:
            self.writer_lock.release()

    def checkpoint(self, *, optimize: bool = False) -> bool:
        """Move the -wal into the main file and truncate it; True when all of it went.

        Runs on its own autocommit connection, outside any transaction, as a
        checkpoint inside one cannot finish.
        """
        if self.read_only:
            return False
        if self.writer_lock is None and locking.holder(self.path) is not None:
            # The window that holds the library checkpoints it; do not stall it.
            return False
        if damage.damage_record(self.path) is not None:
            return False  # a damaged file is never written, not even by a checkpoint
        conn = storage.connect_raw(self.path)
        try:
            if optimize:
                conn.execute("PRAGMA optimize")
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as exc:
            friendly = translate_storage_error(exc, self.path)
            if friendly is None:
                raise
            raise friendly from exc
        finally:
            conn.close()
        if busy == 0 and self.writer_lock is not None:
            self.writer_lock.mark_wal_pending(False)
        return bool(busy == 0)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- sessions ------------------------------------------------------------------

    def now(self) -> datetime:
        """The library's clock in UTC, the form stored in the file."""
        return self.clock().astimezone(UTC)

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        # The engine first: made under the lock the warm-up holds, so SQLModel is
        # imported (below) only once no other thread is importing it.
        engine = self._read_engine
        from sqlmodel import Session

        with self._translated(), Session(engine) as session:
            yield session

    @contextlib.contextmanager
    def raw_read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction on a plain sqlite3 connection with the library's pragmas
        (as check() reads): reads in plain SQL before SQLAlchemy's engine is made."""
        with self._translated(), self._raw_errors_translated():
            conn = storage.connect_raw(
                self.path, read_only=self.read_only, immutable=self.immutable
            )
            try:
                conn.execute("BEGIN")
                yield conn
            finally:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("COMMIT")
                conn.close()

    @contextlib.contextmanager
    def _raw_errors_translated(self) -> Iterator[None]:
        """sqlite3's own errors as the one-line messages the sessions give."""
        try:
            yield
        except sqlite3.Error as exc:
            friendly = translate_storage_error(exc, self.path)
            if friendly is None:
                raise
            raise friendly from exc

    def refuse_if_not_writable(self) -> None:
        """Raise the one-line reason this library cannot be written now, if any: work
        that reads files before writing (imports) asks first."""
        if self.read_only:
            why = f" ({self.read_only_reason})" if self.read_only_reason else ""
            raise StorageError(f"{self.path} is open read-only{why}; this change was not saved")
        if self.writer_lock is None:
            _refuse_if_locked(self.path)
        damage.refuse_if_recorded(self.path)

    @contextlib.contextmanager
    def write_session(self) -> Iterator[Session]:
        """One user action: commit on success, roll back everything on any error."""
        self.refuse_if_not_writable()
        engine = self._write_engine  # first, as in read_session
        from sqlmodel import Session

        with self._translated(), Session(engine, expire_on_commit=False) as session:
            try:
                yield session
                seq = _count_commit(session)
                raw = self._journal_replaced(session)
                if raw is not None:
                    session.rollback()
                    raise self._after_journal_lost(raw)
                if self.writer_lock is not None:
                    # Durably note, before the commit, that the -wal holds work from
                    # this commit on, so a lost -wal can be told from a checkpointed one.
                    self.writer_lock.mark_wal_pending(True, seq=seq)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        self.write_count += 1

    def _journal_replaced(self, session: Session) -> sqlite3.Connection | None:
        """The connection, when the -wal it writes to is no longer the file at the path
        (deleted or replaced by another program): a commit there would be lost."""
        proxied = session.connection().connection
        expected = proxied.info.get("wal")
        if expected is None or storage.wal_identity(self.path) == expected:
            return None
        return cast("sqlite3.Connection", proxied.dbapi_connection)  # pysqlite's own

    def _after_journal_lost(self, raw: sqlite3.Connection) -> StorageError:
        """Copy what the deleted -wal holds into the file through the connection that
        still has it open, then start every connection afresh."""
        rescued = False
        with contextlib.suppress(sqlite3.Error):
            busy, log, done = raw.execute("PRAGMA wal_checkpoint(FULL)").fetchone()
            rescued = busy == 0 and log == done
        self._write_engine.dispose()
        self._read_engine.dispose()
        kept = (
            "the changes saved before it were copied back into the library"
            if rescued
            else "changes saved since the last checkpoint may be lost — run `briefer check`"
        )
        return StorageError(
            f"the journal {self.path.name}-wal was deleted or replaced by another program "
            f"while Briefer was writing to it; this change was not saved, {kept}; "
            "try again"
        )

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except UnicodeDecodeError as exc:
            # Damaged pages can hand SQLite's messages or rows back as broken UTF-8.
            raise StorageError(
                f"{self.path} is damaged (unreadable text); run `briefer check`"
            ) from exc
        except Exception as exc:
            if not storage.is_dbapi_error(exc):
                raise
            friendly = translate_storage_error(exc, self.path)
            if friendly is None:
                raise
            raise friendly from exc

    # -- search and checks ---------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        kinds: tuple[str, ...] = ("source", "excerpt"),
        filters: SearchFilters | None = None,
        limit: int = 50,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[SearchHit]:
        """Best hits first (core/search.py). With `cancelled`, a query still running
        when it turns true stops and raises search.SearchCancelled."""
        results = self.search_results(
            query, kinds=kinds, filters=filters, limit=limit, cancelled=cancelled
        )
        return list(results.hits)

    def search_results(
        self,
        query: str,
        *,
        kinds: tuple[str, ...] = ("source", "excerpt"),
        filters: SearchFilters | None = None,
        limit: int = 50,
        first: int | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResults:
        """The best `limit` matches ranked, the first `first` of them (all without it)
        read as hits; the others are read by more_hits, as a list scrolls."""
        from briefer.core.search import run_search, vocabulary_cache  # on the first search

        with self._translated(), storage.read_transaction(self._read_engine) as conn:
            return run_search(
                conn,
                query,
                kinds=kinds,
                filters=filters,
                limit=limit,
                first=first,
                cancelled=cancelled,
                vocabulary=vocabulary_cache(self._read_engine),
            )

    def more_hits(self, results: SearchResults, start: int, count: int) -> list[SearchHit]:
        """Hits of `results`' ranked matches start..start+count, read now (a match
        deleted since the search is left out)."""
        from briefer.core.search import read_hits

        wanted = results.ranked[max(0, start) : max(0, start + count)]
        if not wanted:
            return []
        with self._translated(), storage.read_transaction(self._read_engine) as conn:
            return read_hits(conn, wanted, results.pattern, snippets=0)

    def check(self) -> CheckReport:
        """Run SQLite's integrity checks, the FTS indexes' own check, and the excerpts'
        anchors; report every problem found, each with its kind (records.ProblemKind),
        which decides whether it is damage."""
        problems: list[CheckProblem] = []
        # The FTS5 'integrity-check' command is an INSERT that changes nothing, but it
        # needs a writable handle.
        try:
            conn = storage.connect_raw(
                self.path, read_only=self.read_only, immutable=self.immutable
            )
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            unread = CheckProblem(f"the file cannot be read: {exc}", ProblemKind.UNREADABLE)
            return CheckReport(ok=False, problems=(unread,))
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                problems.extend(
                    CheckProblem(f"integrity: {r}", ProblemKind.INTEGRITY) for r in rows
                )
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
                problems.append(
                    CheckProblem(
                        f"foreign key: {table} row {rowid} points at a missing {parent}",
                        ProblemKind.FOREIGN_KEY,
                    )
                )
            for fts, table in (("source_fts", "source"), ("excerpt_fts", "excerpt")):
                problems.extend(
                    CheckProblem(p, ProblemKind.SEARCH_INDEX)
                    for p in _check_search_index(conn, fts, table, self.read_only)
                )
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            problems.append(CheckProblem(f"the file cannot be read: {exc}", ProblemKind.UNREADABLE))
        finally:
            conn.close()
        if not problems:
            problems.extend(
                CheckProblem(p, ProblemKind.ANCHOR) for p in self.excerpts.verify_anchors()
            )
        return CheckReport(ok=not problems, problems=tuple(problems))

    def rebuild_search_index(self) -> None:
        from sqlalchemy import text

        with self.write_session() as session:
            session.execute(text("INSERT INTO source_fts(source_fts) VALUES ('rebuild')"))
            session.execute(text("INSERT INTO excerpt_fts(excerpt_fts) VALUES ('rebuild')"))


def _check_search_index(
    conn: sqlite3.Connection, fts: str, table: str, read_only: bool
) -> list[str]:
    """FTS5's own check, plus the row-by-row match of index and content that SQLite
    before 3.44 does not make for external-content tables."""
    problems = []
    if not read_only:
        try:
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"search index {fts}: {exc}")
    missing = conn.execute(
        f"SELECT count(*) FROM (SELECT id FROM {table} EXCEPT SELECT id FROM {fts}_docsize)"
    ).fetchone()[0]
    stale = conn.execute(
        f"SELECT count(*) FROM (SELECT id FROM {fts}_docsize EXCEPT SELECT id FROM {table})"
    ).fetchone()[0]
    if missing:
        problems.append(f"search index {fts}: {missing} {table}(s) missing from the index")
    if stale:
        problems.append(f"search index {fts}: {stale} deleted {table}(s) still indexed")
    return problems


def _first_connection(
    path: Path, read_only: bool, existed: bool
) -> tuple[sqlite3.Connection, str, str]:
    """Connect for writing, else for reading, else immutably; say which and why.

    Reading a WAL library needs its -shm beside it; on a full disk or in a folder that
    cannot be written it cannot be made, and the library is still read, without locks.
    """
    if not read_only:
        try:
            return storage.connect_raw(path), "write", ""
        except sqlite3.OperationalError as exc:
            if not existed or not _cannot_write_beside(exc):
                raise
            first = exc
    try:
        conn = storage.connect_raw(path, read_only=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, "read", _why_read_only(path, first) if not read_only else ""
    except sqlite3.OperationalError as exc:
        if not _cannot_write_beside(exc):
            raise
        first = exc
    conn = storage.connect_raw(path, read_only=True, immutable=True)
    why = _why_read_only(path, first)
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 32:
        why += f"; changes still in {wal.name} are not shown"
    return conn, "immutable", why


def _cannot_write_beside(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return any(
        sign in message
        for sign in ("unable to open", "disk i/o error", "readonly", "read-only", "disk is full")
    )


def _why_read_only(path: Path, exc: BaseException) -> str:
    if storage.folder_is_full(path.parent):
        return f"the disk holding {path.parent} is full, so nothing can be saved there"
    return f"its folder {path.parent} cannot be written"


def _count_commit(session: Session) -> int:
    """Number this commit: the count in the file tells whether a commit reached it."""
    from sqlalchemy import text

    return int(
        session.execute(
            text(
                "INSERT INTO library_meta (key, value) VALUES ('commit_seq', '1') "
                "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 "
                "RETURNING CAST(value AS INTEGER)"
            )
        ).scalar_one()
    )


def _refuse_if_locked(path: Path) -> None:
    owner = locking.holder(path)
    if owner is not None:
        who = owner.describe() if owner.pid else "by another Briefer"
        raise LibraryLocked(
            f"{path} is open {who}; nothing was changed — make the change there, or "
            "close that window and try again",
            owner,
        )


def _refuse_damaged(path: Path, writer_lock: LibraryLock | None) -> None:
    """The cheap header check always; a quick_check when the last session was killed."""
    unclean = writer_lock is not None and writer_lock.stale_owner is not None
    wal_expected = unclean and writer_lock is not None and writer_lock.stale_wal_pending
    if (
        wal_expected
        and writer_lock is not None
        and damage.journal_reached_file(path, writer_lock.stale_wal_seq)
    ):
        # Another process recovered the killed session's -wal into the file: its work
        # is there, not lost.
        writer_lock.mark_wal_pending(False)
        wal_expected = False
    problems = damage.header_problems(path, wal_expected=wal_expected)
    if not problems and unclean:
        problems = list(damage.quick_check(path).problems)
    if problems:
        damage.record_damage(path, problems)
        raise LibraryDamaged(path, tuple(problems))


def _check_identity(conn: sqlite3.Connection, path: Path) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != schema.APPLICATION_ID:
        raise NotALibrary(f"{path} is an SQLite database of another program, not a Briefer library")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    storage.refuse_newer(path, version)
    if version < 1:
        raise NotALibrary(f"{path} is not a Briefer library (no format version)")
    return int(version)


def migrate(conn: sqlite3.Connection, path: Path, current: int, clock: Clock) -> Path:
    """Upgrade step by step after writing a backup copy beside the library.

    Each step is one transaction with its user_version bump, so a failure leaves the
    library at the last completed version and the backup untouched.
    """
    stamp = clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.v{current}-{stamp}.bak")
    storage.backup_to(conn, backup)
    for version in schema.pending_migrations(current):
        try:
            conn.execute("BEGIN IMMEDIATE")
            schema.MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except Exception as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise BrieferError(
                f"upgrading {path} to library format {version} failed ({exc}); the library "
                f"was left at format {version - 1} and a copy from before is at {backup}"
            ) from exc
    return backup
