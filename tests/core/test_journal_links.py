"""A process that opens its own library twice must never lose its journal.

POSIX advisory locks belong to the process: closing *any* descriptor of the library
file drops every lock SQLite holds on it. Another process then believes nobody uses
the library, checkpoints it and unlinks the -wal and -shm under the first one, whose
later commits go to deleted files (issue 10, part 1). These tests replay what the
window did, in one process and across processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.core import damage, storage
from briefer.core.library import Library
from briefer.core.records import NewSource

ROOT = Path(__file__).resolve().parents[2]

READER = """
import sys
sys.path.insert(0, {root!r})
from briefer.core.library import Library
with Library.open({path!r}, create=False) as lib:
    print(lib.sources.count())
"""

WRITER = """
import os, sys
sys.path.insert(0, {root!r})
from briefer.core.library import Library
from briefer.core.records import NewSource
lib = Library.open({path!r}, lock=True)
lib.sources.add(NewSource(title="first", body="first words"))
# The window's switch: the same library opened again in this process and closed.
Library.open({path!r}).close()
Library.open({path!r}, read_only=True).close()
print("ready", flush=True)
for line in sys.stdin:
    n = int(line)
    lib.sources.add(NewSource(title=f"acked {{n}}", body=f"words {{n}}"))
    print(f"ack {{n}}", flush=True)
"""


def other_process_count(path: Path) -> int:
    """What a command-line run in another process sees (it opens and closes)."""
    out = subprocess.run(
        [sys.executable, "-c", READER.format(root=str(ROOT), path=str(path))],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(out.stdout.split()[-1])


def deleted_side_files(pid: int, path: Path) -> list[str]:
    """The -wal/-shm descriptors of pid whose files were unlinked under it."""
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path)) and target.endswith("(deleted)"):
            found.append(target)
    return found


def journal_ok(pid: int, path: Path) -> None:
    assert Path(f"{path}-wal").exists(), "the -wal was unlinked under the writer"
    assert Path(f"{path}-shm").exists(), "the -shm was unlinked under the writer"
    assert deleted_side_files(pid, path) == []


pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


@pytest.mark.parametrize("second", ["writable", "read_only", "window_open_path"])
def test_second_handle_in_process_keeps_journal_linked(library_path, second):
    lib = Library.open(library_path, lock=True)
    try:
        lib.sources.add(NewSource(title="before", body="before words"))
        if second == "writable":
            Library.open(library_path).close()
        elif second == "read_only":
            Library.open(library_path, read_only=True).close()
        else:
            # Every helper that reads the file behind SQLite's back.
            storage.inspect_library_file(library_path)
            damage.header_problems(library_path)
            damage.quick_check(library_path)
            damage.diagnose(library_path)
        assert other_process_count(library_path) == 1
        journal_ok(os.getpid(), library_path)
        lib.sources.add(NewSource(title="after", body="after words"))
        # Another process sees the write made after the external reader came and went.
        assert other_process_count(library_path) == 2
        journal_ok(os.getpid(), library_path)
    finally:
        lib.close()
    with Library.open(library_path) as again:
        assert again.sources.count() == 2


def test_writer_killed_after_external_reads_loses_nothing_acknowledged(library_path):
    Library.open(library_path).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER.format(root=str(ROOT), path=str(library_path))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        acked = 0
        for n in range(1, 4):
            # An external command reads between the writer's commits.
            assert other_process_count(library_path) == 1 + acked
            journal_ok(proc.pid, library_path)
            proc.stdin.write(f"{n}\n")
            proc.stdin.flush()
            assert proc.stdout.readline().strip() == f"ack {n}"
            acked = n
            assert other_process_count(library_path) == 1 + acked
        journal_ok(proc.pid, library_path)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with Library.open(library_path, lock=True) as lib:
        titles = {s.title for s in lib.sources.list()}
    assert {"first", "acked 1", "acked 2", "acked 3"} <= titles


def test_guard_fails_an_open_behind_sqlites_back(library):
    library.sources.count()  # a pooled connection now holds SQLite's locks
    with pytest.raises(RuntimeError, match="library file SQLite has open"):
        open(library.path, "rb").close()
    with pytest.raises(RuntimeError):
        open(f"{library.path}-wal", "rb").close()
    with pytest.raises(RuntimeError, match="without locks"):
        import sqlite3

        sqlite3.connect(f"file:{library.path}?mode=ro&immutable=1", uri=True)
    from briefer.core import held_files

    assert len(held_files.violations) == 3
    held_files.violations.clear()
    library.close()
    # Let go once closed: the file is an ordinary file again.
    open(library.path, "rb").close()
    assert held_files.violations == []
