"""A CPU budget for one file's parse, per page and in total, and a way to stop it.

A 392 KB PDF of 1,999 pages that all draw one heavy content stream kept a reader busy
for hours; size limits (limits.py) cannot see that coming. So a parse runs under a
budget: a watcher thread measures the CPU time of the parsing thread and, past the
budget (or when the import is cancelled), raises an exception inside it. That works
in any thread, where a signal would only reach the main one.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import threading
import time
from collections.abc import Callable, Iterator

from briefer import lifeline
from briefer.ingest.errors import IngestError

# Generous: a real 300-page report parses in a few seconds of CPU.
TOTAL_SECONDS = 20.0
PAGE_SECONDS = 5.0
# How often the watcher looks at the clock, and raises again if a reader swallowed it.
TICK_SECONDS = 0.05
REPEAT_SECONDS = 1.0


class ParseStopped(BaseException):
    """Raised inside a parse that ran out of budget or was cancelled.

    A BaseException, so the readers' own `except Exception` cannot swallow it.
    """


class ParseCancelled(ParseStopped):
    """The analyst cancelled the import while this file was being read."""


class OverBudget(ParseStopped):
    """The file took more CPU than its budget."""


def _thread_clock() -> Callable[[], float]:
    """CPU seconds of the calling thread, readable from another thread; else wall time."""
    try:
        clock_id = time.pthread_getcpuclockid(threading.get_ident())
        time.clock_gettime(clock_id)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock_id)


class Budget:
    """The budget of the parse running in the thread that made it."""

    def __init__(
        self,
        total: float | None = None,
        page: float | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ):
        self.total = TOTAL_SECONDS if total is None else total
        self.page = PAGE_SECONDS if page is None else page
        self.should_cancel = should_cancel
        self.reason = ""
        self._clock = _thread_clock()
        self._target = threading.get_ident()
        self._start = self._clock()
        self._page_start = self._start
        self._page_number = 0
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._fired = False

    def next_page(self, number: int) -> None:
        """Called by a reader as it starts page `number` (1-based)."""
        self._page_number = number
        self._page_start = self._clock()

    def used(self) -> float:
        return self._clock() - self._start

    def _over(self) -> str:
        now = self._clock()
        if self.should_cancel is not None and self.should_cancel():
            return "cancelled"
        if now - self._start > self.total:
            return f"took more than {self.total:g} s of CPU to read; not imported"
        if self._page_number and now - self._page_start > self.page:
            return (
                f"page {self._page_number} took more than {self.page:g} s of CPU to read; "
                "not imported"
            )
        return ""

    def _watch(self) -> None:
        last = None
        while not self._done.wait(TICK_SECONDS):
            if last is not None and time.monotonic() - last < REPEAT_SECONDS:
                continue
            reason = self.reason or self._over()
            if not reason:
                continue
            with self._lock:
                if self._done.is_set():
                    return
                self.reason = reason
                self._fired = True
                exc = ParseCancelled if reason == "cancelled" else OverBudget
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self._target), ctypes.py_object(exc)
                )
            last = time.monotonic()  # raised again later if a reader swallowed it

    def stop(self) -> None:
        with self._lock:
            self._done.set()
            if self._fired:  # not delivered yet: the parse ended first, drop it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target), None)


_current = threading.local()
# At most one full collection a second before a parse in a process that is no worker.
COLLECT_SECONDS = 1.0
_last_collect = 0.0


def current() -> Budget | None:
    """The budget of the parse running in this thread, if any."""
    return getattr(_current, "budget", None)


@contextlib.contextmanager
def budgeted(
    should_cancel: Callable[[], bool] | None = None,
    *,
    total: float | None = None,
    page: float | None = None,
) -> Iterator[Budget]:
    """Run the body under a budget.

    Past the budget the body is stopped and IngestError says why; a cancel raises
    ParseCancelled out of here, for the importer to stop the batch.
    """
    global _last_collect
    if not lifeline.in_worker() and time.monotonic() - _last_collect > COLLECT_SECONDS:
        # The exception lands wherever the thread is, a finaliser run by the collector
        # too; collect the garbage that is not the reader's first (a worker has none).
        gc.collect()
        _last_collect = time.monotonic()
    budget = Budget(total, page, should_cancel)
    outer = current()
    _current.budget = budget
    watcher = threading.Thread(target=budget._watch, name="parse-budget", daemon=True)
    stopped = False
    watcher.start()
    try:
        yield budget
    except ParseStopped:
        stopped = True
    finally:
        while True:  # a late delivery must not escape before the watcher is stopped
            try:
                budget.stop()
                watcher.join()
                break
            except ParseStopped:
                stopped = True
        _current.budget = outer
    if stopped and budget.reason == "cancelled":
        raise ParseCancelled()
    if stopped:
        raise IngestError(budget.reason or "reading was stopped; not imported")


def next_page(number: int) -> None:
    """Tell the running budget (if any) that a reader starts page `number`."""
    budget = current()
    if budget is not None:
        budget.next_page(number)
