"""One writer per library: the window's lock, command-line probes, stale locks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from briefer.cli import main
from briefer.core.document import citation, paragraph
from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.lock import LibraryLock, LibraryLocked, holder, lock_path
from tests.conftest import make_source

CHILD = Path(__file__).with_name("crash_child.py")


def start_holder(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.fixture
def held(library_path):
    Library.open(library_path).close()
    proc = start_holder(library_path)
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_second_window_in_one_process_is_refused(library_path):
    first = Library.open(library_path, lock=True)
    try:
        with pytest.raises(LibraryLocked) as err:
            Library.open(library_path, lock=True)
        assert err.value.owner.pid == os.getpid()
        assert "another window of this Briefer" in str(err.value)
        assert "\n" not in str(err.value)
    finally:
        first.close()
    Library.open(library_path, lock=True).close()


def test_another_process_is_named_within_a_second(held, library_path, capsys):
    started = time.monotonic()
    with pytest.raises(LibraryLocked) as err:
        Library.open(library_path, lock=True)
    assert time.monotonic() - started < 1.0
    owner = err.value.owner
    assert owner.pid == held.pid
    assert owner.host == socket.gethostname()
    assert f"process {held.pid}" in str(err.value) and str(library_path) in str(err.value)

    # Read-only is offered instead, and sees the holder's work.
    with Library.open(library_path, read_only=True) as lib:
        assert [s.title for s in lib.sources.list()] == ["written by the holder"]

    # Command-line runs read freely, and refuse to write under the window.
    assert main(["--library", str(library_path), "sources"]) == 0
    assert "written by the holder" in capsys.readouterr().out
    assert main(["--library", str(library_path), "grade", "1", "B"]) == 1
    err_line = capsys.readouterr().err
    assert err_line.count("\n") == 1 and f"process {held.pid}" in err_line
    with Library.open(library_path) as lib, pytest.raises(LibraryLocked):
        make_source(lib, "sneaked in")

    held.stdin.close()
    assert held.stdout.readline().strip() == "closed"
    held.wait()
    assert not lock_path(library_path).exists()
    with Library.open(library_path, lock=True) as lib:
        assert not lib.unclean_shutdown
        assert lib.sources.get(1).reliability is None  # the refused grade changed nothing
        make_source(lib, "after the holder closed")


def test_lock_of_a_killed_process_is_stale_and_taken_over(held, library_path):
    held.send_signal(signal.SIGKILL)
    held.wait()
    assert lock_path(library_path).exists()
    assert holder(library_path) is None
    with Library.open(library_path, lock=True) as lib:
        assert lib.unclean_shutdown
        assert lib.writer_lock.stale_owner.pid == held.pid
        assert [s.title for s in lib.sources.list()] == ["written by the holder"]
    assert not lock_path(library_path).exists()


def test_clean_close_leaves_no_marker(library_path):
    with Library.open(library_path, lock=True) as lib:
        assert lock_path(library_path).exists()
        assert holder(library_path).pid == os.getpid()
        make_source(lib)
        assert lib.writer_lock.wal_pending
    assert not lock_path(library_path).exists()
    with Library.open(library_path, lock=True) as lib:
        assert not lib.unclean_shutdown


def test_command_line_opens_do_not_lock_each_other(library_path):
    a = Library.open(library_path)
    b = Library.open(library_path)
    make_source(a, "from a")
    make_source(b, "from b")
    assert not lock_path(library_path).exists()
    a.close()
    b.close()


def test_lock_file_rewritten_in_place_keeps_a_readable_owner(library_path):
    Library.open(library_path).close()
    with LibraryLock.acquire(library_path) as lk:
        lk.mark_wal_pending(True)
        lk.mark_wal_pending(False)
        owner = holder(library_path)
        assert owner.pid == os.getpid() and owner.host == socket.gethostname()


def test_checkpoint_runs_outside_a_transaction_and_empties_the_wal(library):
    make_source(library)
    wal = Path(f"{library.path}-wal")
    assert wal.stat().st_size > 0
    assert library.checkpoint() is True
    assert wal.stat().st_size == 0
    with library.read_session() as s:
        assert s.execute(text("SELECT count(*) FROM source")).scalar() == 1


def test_a_failed_action_leaves_nothing_and_is_not_counted(library):
    src = make_source(library)
    count = library.write_count
    brief = library.briefs.create("Brief")
    with pytest.raises(Exception, match="not in the library"):
        library.briefs.save_body(brief.id, {"blocks": [paragraph("see", citation(999))]})
    assert library.briefs.get(brief.id).version == 1
    assert library.write_count == count + 1
    assert src.id == 1


def test_a_folder_without_write_access_gets_a_clear_refusal(library_path, monkeypatch):
    Library.open(library_path).close()
    real_open = os.open

    def refuse_lock_file(path, flags, *args):
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse_lock_file)
    with pytest.raises(BrieferError) as err:
        Library.open(library_path, lock=True)
    assert "read-only" in str(err.value) and "Permission denied" in str(err.value)
    monkeypatch.undo()
    with Library.open(library_path, read_only=True) as lib:
        assert lib.sources.count() == 0
