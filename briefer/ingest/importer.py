"""Batches of files and clipboard pastes into a library, one line of outcome per input.

Parsing is the slow part and touches no library, so large batches are parsed in worker
processes (one per core) while the calling thread writes each finished source; core
writes one source per transaction, so a failure never leaves half an import behind.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import date
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import lifeline
from briefer.core.errors import BrieferError, Duplicate
from briefer.core.records import NewSource, SourceDetail
from briefer.ingest import dates
from briefer.ingest.budget import ParseCancelled
from briefer.ingest.errors import IngestError
from briefer.ingest.metadata import detect_language
from briefer.ingest.parse import (
    SUPPORTED_EXTENSIONS,
    parse_paste,
    parse_path,
    paste_article,
)

if TYPE_CHECKING:
    from briefer.core.library import Library

# Below this many files, starting worker processes costs more than it saves.
POOL_MIN_FILES = 8
# Parsed sources waiting for the writer, per worker: enough that workers keep parsing
# while a batch is written (at 4 they idled through every commit), and still a bound
# on memory for huge batches (a few MB).
IN_FLIGHT_PER_WORKER = 128
PASTE_PATH = "pasted text"
# How often a wait for a worker's result looks at the cancel button.
POLL_SECONDS = 0.1
# The reason collect() gives a folder's file of a kind Briefer does not read.
SKIPPED = "skipped: not a kind of file Briefer reads"
# Parsed sources written per commit: one fsync for many, and progress still moves.
BATCH_SIZE = 64
BATCH_SECONDS = 0.5

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ImportResult:
    """What became of one file or paste."""

    path: str
    # 'imported' | 'duplicate' | 'failed' | 'skipped' (a folder's file of a kind Briefer
    # does not read) | 'needs_title' (a paste only)
    status: str
    source_id: int | None
    message: str
    title: str = ""
    # Bad bytes of near-valid UTF-8 replaced by U+FFFD while reading the file.
    replaced_bytes: int = 0


@dataclass(frozen=True)
class ImportReport:
    """Every result of a batch, in the order the files were found."""

    results: tuple[ImportResult, ...]
    cancelled: bool = False
    # Files found but not imported because the analyst cancelled.
    not_processed: int = 0

    def _count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def imported(self) -> int:
        return self._count("imported")

    @property
    def duplicates(self) -> int:
        return self._count("duplicate")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    @property
    def replaced_bytes(self) -> int:
        return sum(r.replaced_bytes for r in self.results if r.status == "imported")

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        dup = "duplicate" if self.duplicates == 1 else "duplicates"
        line = f"{self.imported} imported, {self.duplicates} {dup}, {self.failed} failed"
        if self.skipped:
            line += f", {self.skipped} skipped"
        if self.replaced_bytes:
            files = sum(1 for r in self.results if r.replaced_bytes and r.status == "imported")
            line += (
                f"; {self.replaced_bytes} undecodable "
                f"{'byte' if self.replaced_bytes == 1 else 'bytes'} replaced by \ufffd "
                f"in {files} {'file' if files == 1 else 'files'}"
            )
        if self.cancelled:
            line += f"; cancelled, {self.not_processed} not processed"
        return line


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def collect(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[str, str]]:
    """Files to import as (path, error): folders recurse, skipping hidden files.

    A file named explicitly is always listed, so an unsupported or missing one is reported;
    a folder's files of other kinds are listed with the error SKIPPED, so the report
    names them without calling them failures.
    """
    found: list[tuple[str, str]] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    # Hidden files, and libraries with their journals, locks and
                    # backups, are not sources: passed over without a word.
                    if name.startswith(".") or ".briefer" in name.lower():
                        continue
                    supported = Path(name).suffix.lower() in SUPPORTED_EXTENSIONS
                    found.append((os.path.join(root, name), "" if supported else SKIPPED))
        elif not os.path.exists(path):
            found.append((path, "no such file or folder"))
        else:
            found.append((path, ""))
    return found


#: What a worker sends back for one file: the parsed source, or None and why not.
Parsed = tuple[NewSource | None, str]


def _parse_job(
    path: str, today: date, should_cancel: Callable[[], bool] | None = None
) -> tuple[NewSource | None, str]:
    """Worker entry point: never raises, so one bad file cannot stop a batch.

    The language is left to the writing process (see _with_language): one langid model
    loaded there instead of one per worker. Only a cancel (ParseCancelled, polled from
    should_cancel while the file is read) gets out.
    """
    try:
        return parse_path(path, today=today, guess_language=False, should_cancel=should_cancel), ""
    except IngestError as exc:
        return None, _one_line(str(exc))
    except Exception as exc:  # a reader's own bug must not end the batch
        return None, _one_line(f"could not read the file ({type(exc).__name__}: {exc})")


def _context(*, allow_fork: bool = True) -> BaseContext:
    """How worker processes start.

    On Linux, a process without Qt (the command line, scripts) forks: the workers then
    share the readers the parent already imported instead of each importing them (about
    half a second of CPU apiece). A process with Qt never forks: Qt's threads may hold
    locks a forked child would inherit; it uses a fork server, as other systems do.
    """
    methods = multiprocessing.get_all_start_methods()
    if (
        allow_fork
        and sys.platform.startswith("linux")
        and "fork" in methods
        and "PySide6" not in sys.modules
    ):
        # Imported here once, shared by every worker.
        import trafilatura  # noqa: F401

        from briefer.ingest import parse  # noqa: F401

        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server ties itself to this process and loads the readers once (lifeline.py).
    context.set_forkserver_preload(["briefer.forkserver_preload", f"briefer-parent={os.getpid()}"])
    return context


def _new_pool(workers: int, context: BaseContext) -> ProcessPoolExecutor:
    """Workers that die with their parent (lifeline.py), even when it is SIGKILLed."""
    parent = os.getpid() if context.get_start_method() == "fork" else None
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=lifeline.worker_initializer,
        initargs=(parent,),
    )


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now, mid-file: a cancelled import leaves nothing running."""
    processes = dict(getattr(pool, "_processes", None) or {})
    for process in processes.values():
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes.values():
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.join(5)


def _result(future: Future[Parsed], should_cancel: Callable[[], bool]) -> Parsed | None:
    """The future's result, or None as soon as the import is cancelled."""
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except FuturesTimeout:
            if should_cancel():
                return None


@contextlib.contextmanager
def _no_collection_in_forks(context: BaseContext) -> Iterator[None]:
    """While forked workers live, keep the objects they inherit out of every collection.

    A forked child must never finalise the parent's SQLite connections (closing one
    would checkpoint the library from a second process); gc.freeze() puts everything
    that exists at the fork out of the collector's reach, in the children too.
    """
    if context.get_start_method() != "fork":
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _parsed_here(
    files: list[str], today: date, should_cancel: Callable[[], bool]
) -> Iterator[tuple[str, NewSource | None, str]]:
    for path in files:
        if should_cancel():
            return
        try:
            parsed = _parse_job(path, today, should_cancel)
        except ParseCancelled:  # cancelled while this file was being read
            return
        yield (path, *parsed)


def _parsed_in_order(
    files: list[str], today: date, should_cancel: Callable[[], bool]
) -> Iterator[tuple[str, NewSource | None, str]]:
    """Parse files, in worker processes for large batches, yielding results in order."""
    workers = min(os.cpu_count() or 1, 8, len(files))
    if len(files) < POOL_MIN_FILES or workers < 2:
        yield from _parsed_here(files, today, should_cancel)
        return
    context = _context()
    try:
        pool = _new_pool(workers, context)
    except (OSError, ValueError, NotImplementedError):
        # No worker processes on this system (sandbox, frozen app): parse in this one.
        yield from _parsed_here(files, today, should_cancel)
        return
    pending: list[tuple[str, Future[Parsed]]] = []
    queue = iter(files)
    broken = False
    with _no_collection_in_forks(context):
        try:
            while True:
                while len(pending) < workers * IN_FLIGHT_PER_WORKER:
                    path = next(queue, None)
                    if path is None:
                        break
                    pending.append((path, pool.submit(_parse_job, path, today)))
                if not pending:
                    return
                if should_cancel():
                    return
                path, future = pending.pop(0)
                try:
                    parsed = _result(future, should_cancel)
                    if parsed is None:  # cancelled mid-file
                        return
                    yield (path, *parsed)
                except BrokenProcessPool:
                    # A worker died (a reader crashed, or workers cannot start here): retry
                    # once with fresh workers, then parse what is left in this process.
                    pool.shutdown(wait=False, cancel_futures=True)
                    retry = [path] + [p for p, _ in pending] + list(queue)
                    if broken:
                        yield from _parsed_here(retry, today, should_cancel)
                        return
                    broken = True
                    pool = _new_pool(workers, _context(allow_fork=False))
                    queue = iter(retry)
                    pending = []
        finally:
            if should_cancel() or pending:  # cancelled, or the reader stopped early
                _stop_workers(pool)
            else:
                pool.shutdown(wait=True, cancel_futures=True)


def _with_language(new: NewSource) -> NewSource:
    """The language parse_path would have given, for a source parsed without it."""
    if new.language:
        return new
    return replace(new, language=detect_language(new.body))


def outlet_convention(library: Library, outlet: str) -> dates.Convention:
    """How an outlet orders day and month, from the analyst's choices and its printed dates."""
    corrected = [0, 0]
    printed = [0, 0]
    if not outlet:
        return dates.Convention()
    for s in library.sources.list(outlet=outlet):
        alternatives = tuple(s.published_alternatives)
        if len(alternatives) == 2 and not s.published_ambiguous and s.published:
            if s.published == alternatives[0]:
                corrected[0] += 1
            elif s.published == alternatives[1]:
                corrected[1] += 1
            continue
        order = dates.reading_order(s.published_text or "")
        if order == "day":
            printed[0] += 1
        elif order == "month":
            printed[1] += 1
    return dates.Convention(corrected[0], corrected[1], printed[0], printed[1])


def _apply_convention(
    library: Library, new: NewSource, cache: dict[str, dates.Convention]
) -> NewSource:
    """Settle an ambiguous date from the outlet's habits when the text did not."""
    if not (new.published_ambiguous and new.outlet and new.published_text):
        return new
    if new.outlet not in cache:
        cache[new.outlet] = outlet_convention(library, new.outlet)
    convention = cache[new.outlet]
    if convention == dates.Convention():
        return new
    reading = dates.read_date(new.published_text, context=new.body, convention=convention)
    if reading.ambiguous or reading.published is None:
        return new
    return replace(
        new,
        published=reading.published,
        published_ambiguous=False,
        published_inferred=reading.inferred,
        published_alternatives=reading.alternatives,
    )


def _prepare_for_store(
    library: Library, new: NewSource, tags: tuple[str, ...], cache: dict[str, dates.Convention]
) -> NewSource:
    new = _apply_convention(library, new, cache)
    if tags:
        new = replace(new, tags=tuple(dict.fromkeys((*new.tags, *tags))))
    return new


def _outcome(path: str, new: NewSource, outcome: SourceDetail | BaseException) -> ImportResult:
    if isinstance(outcome, Duplicate):
        existing = outcome.existing_id
        message = (
            f"already in the library as source {existing}"
            if existing is not None
            else _one_line(str(outcome))
        )
        return ImportResult(path, "duplicate", existing, message, new.title)
    if isinstance(outcome, BaseException):
        return ImportResult(path, "failed", None, _one_line(str(outcome)), new.title)
    message = f"imported as source {outcome.id}"
    if new.replaced_bytes:
        message += (
            f" ({new.replaced_bytes} undecodable "
            f"{'byte' if new.replaced_bytes == 1 else 'bytes'} replaced by \ufffd)"
        )
    return ImportResult(path, "imported", outcome.id, message, outcome.title, new.replaced_bytes)


def _store_batch(
    library: Library,
    batch: list[tuple[str, NewSource]],
    tags: tuple[str, ...],
    cache: dict[str, dates.Convention],
) -> list[ImportResult]:
    """Write parsed sources in one commit (each in its own savepoint, see add_many)."""
    prepared: list[tuple[str, NewSource]] = []
    results: dict[str, ImportResult] = {}
    for path, new in batch:
        try:
            prepared.append((path, _prepare_for_store(library, new, tags, cache)))
        except Exception as exc:  # a reading of the library failed: this file only
            results[path] = ImportResult(path, "failed", None, _one_line(str(exc)), new.title)
    outcomes: list[SourceDetail | BaseException]
    try:
        outcomes = list(library.sources.add_many([new for _, new in prepared]))
    except BrieferError as exc:  # the whole commit failed (full disk...): none stored
        outcomes = [exc] * len(prepared)
    except Exception as exc:  # storage bugs are reported per file, not raised mid-batch
        outcomes = [RuntimeError(f"could not store ({type(exc).__name__}: {exc})")] * len(prepared)
    for (path, new), outcome in zip(prepared, outcomes, strict=True):
        results[path] = _outcome(path, new, outcome)
        if results[path].status == "imported":
            cache.pop(new.outlet, None)
    return [results[path] for path, _ in batch]


def _store(
    library: Library,
    path: str,
    new: NewSource,
    tags: tuple[str, ...],
    cache: dict[str, dates.Convention],
) -> ImportResult:
    return _store_batch(library, [(path, new)], tags, cache)[0]


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    tags: Iterable[str] = (),
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders; each bad file gets a one-line reason and the batch goes on."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    library.refuse_if_not_writable()  # read nothing into a library that takes no writes
    tags = tuple(tags)
    cancel = should_cancel or (lambda: False)
    entries = collect(paths)
    total = len(entries)
    results: dict[str, ImportResult] = {}
    ordered: list[str] = []
    to_parse: list[str] = []
    for path, error in entries:
        ordered.append(path)
        if error:
            status = "skipped" if error == SKIPPED else "failed"
            results[path] = ImportResult(path, status, None, error)
        else:
            to_parse.append(path)
    done = 0

    def tick(path: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, path)

    for path in ordered:
        if path in results:
            tick(path)
    cache: dict[str, dates.Convention] = {}
    today = date.today()
    cancelled = False
    batch: list[tuple[str, NewSource]] = []
    batch_started = 0.0

    def flush() -> None:
        for result in _store_batch(library, batch, tags, cache):
            results[result.path] = result
        batch.clear()

    # Progress counts files read; their writes follow within BATCH_SECONDS.
    for path, new, error in _parsed_in_order(to_parse, today, cancel):
        if new is None:
            results[path] = ImportResult(path, "failed", None, error)
        else:
            if not batch:
                batch_started = time.monotonic()
            batch.append((path, _with_language(new)))
            if len(batch) >= BATCH_SIZE or time.monotonic() - batch_started > BATCH_SECONDS:
                flush()
        tick(path)
        if cancel() and done < total:
            cancelled = True
            break
    if batch:
        flush()  # parsed already: keep the work, even when cancelled
    if len(results) < total and not cancelled:
        cancelled = cancel()
    final = tuple(results[p] for p in ordered if p in results)
    return ImportReport(final, cancelled=cancelled, not_processed=total - len(final))


def import_text(
    library: Library,
    text: str,
    *,
    html: str | None = None,
    tags: Iterable[str] = (),
    title: str = "",
    ask_title: bool = False,
) -> ImportResult:
    """Import a clipboard paste: its HTML when offered (parsed like a saved page), else text.

    With ask_title, a paste whose headline cannot be told apart from the page around it
    is not stored: the result has status 'needs_title' and the best guess as its title,
    for the window to ask; call again with the analyst's `title`.
    """
    library.refuse_if_not_writable()
    try:
        if ask_title and not title.strip():
            article = paste_article(text, html)
            if article.title_uncertain or not article.title.strip():
                guess = article.title or article.fallback_title
                return ImportResult(
                    PASTE_PATH,
                    "needs_title",
                    None,
                    "no headline could be told apart in the paste",
                    _one_line(guess, 200),
                )
        new = parse_paste(text, html, title=title)
    except IngestError as exc:
        return ImportResult(PASTE_PATH, "failed", None, _one_line(str(exc)))
    except Exception as exc:  # a reader's bug must not take the app down with it
        return ImportResult(
            PASTE_PATH,
            "failed",
            None,
            _one_line(f"could not read the paste ({type(exc).__name__})"),
        )
    return _store(library, PASTE_PATH, new, tuple(tags), {})
