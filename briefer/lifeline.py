"""Worker processes die with their parent.

A killed window or command line left parse workers, the fork server and the resource
tracker running for minutes: a worker blocks on a queue whose other end every sibling
still holds. On Linux each of them asks the kernel for SIGKILL when its parent goes
(prctl PR_SET_PDEATHSIG), then checks the parent is still the one it was started by,
since it may have died before the request; elsewhere a thread watches the parent id.

The fork server arms itself by importing briefer/forkserver_preload.py.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0
_in_worker = False


def in_worker() -> bool:
    """Whether this process is an import worker (armed by worker_initializer)."""
    return _in_worker


def _prctl_deathsig() -> bool:
    """Ask Linux to kill this process when its parent dies; False where that fails."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int | None = None) -> None:
    """Arm this process to end when `parent` (its parent now, by default) ends."""
    expected = os.getppid() if parent is None else parent
    if not _prctl_deathsig():
        threading.Thread(
            target=_watch_parent, args=(expected,), name="lifeline", daemon=True
        ).start()
    if os.getppid() != expected:  # the parent went before the request took effect
        os._exit(1)


def worker_initializer(parent: int | None) -> None:
    """ProcessPoolExecutor initializer: tie the worker to the process that made it.

    parent: the pid of a forking parent; None for a worker made by the fork server,
    whose parent is the server (itself tied to the window).
    """
    global _in_worker
    _in_worker = True
    die_with_parent(parent)
    # A worker never takes the analyst's Ctrl-C: the parent stops it.
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
