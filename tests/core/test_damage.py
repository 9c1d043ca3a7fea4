"""Damaged libraries are noticed, reported, put aside untouched, never crash anything."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core import backups, damage
from briefer.core.damage import LibraryDamaged
from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.lock import lock_path
from tests.conftest import make_source

CHILD = Path(__file__).with_name("crash_child.py")
RANDOM_TRIES = int(os.environ.get("BRIEFER_DAMAGE_TRIES", "30"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(library_path) -> Path:
    """A closed library with enough rows to span many pages, and one backup of it."""
    with Library.open(library_path) as lib:
        for i in range(40):
            src = make_source(lib, f"Source {i}", f"Words of source {i}. " * 200)
            lib.excerpts.add(src.id, 0, 5)
        backups.make_backup(lib)
    return library_path


def root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    finally:
        conn.close()


def flip(path: Path, offset: int, count: int = 8) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, offset + count):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_truncated_library_is_refused_untouched(filled, capsys):
    size = filled.stat().st_size
    os.truncate(filled, size // 2 // 4096 * 4096)
    before = digest(filled)
    with pytest.raises(LibraryDamaged) as err:
        Library.open(filled)
    message = str(err.value)
    assert str(filled) in message and "cut short" in message and "\n" not in message
    assert "briefer restore" in message
    assert digest(filled) == before
    assert main(["--library", str(filled), "check"]) == 1
    out = capsys.readouterr()
    assert "cut short" in out.out + out.err
    assert "newest valid backup" in out.err and "Traceback" not in out.err
    assert digest(filled) == before


def test_flipped_page_bytes_are_found_by_the_checks(filled, capsys):
    page = root_page(filled, "excerpt")
    flip(filled, (page - 1) * 4096, 12)  # the b-tree page header and cell pointers
    before = digest(filled)
    report = damage.diagnose(filled, full=True)
    assert not report.ok
    assert main(["--library", str(filled), "check"]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err and out.err.count("\n") <= 2
    assert digest(filled) == before
    # The window runs quick_check before showing a library whose last session died.
    lock_path(filled).write_text('{"pid": 999999, "host": "elsewhere-gone", "since": ""}')
    with pytest.raises(LibraryDamaged):
        Library.open(filled, lock=True)
    assert lock_path(filled).exists(), "the marker stays until the library is sound"


def test_deleted_wal_after_a_crash_is_detected(library_path):
    Library.open(library_path).close()
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(library_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    wal = Path(f"{library_path}-wal")
    assert wal.stat().st_size > 0
    wal.unlink()
    with pytest.raises(LibraryDamaged, match="-wal is missing after a crash"):
        Library.open(library_path, lock=True)
    assert not wal.exists(), "opening must not create a fresh -wal over the evidence"
    aside = damage.move_aside(library_path)
    assert aside.name.startswith(f"{library_path.name}.damaged-")
    assert not library_path.exists()


def test_move_aside_keeps_side_files_and_never_overwrites(filled):
    Path(f"{filled}-wal").write_bytes(b"wal bytes")
    before = digest(filled)
    fixed = lambda: __import__("datetime").datetime(2026, 1, 2, 3, 4, 5)  # noqa: E731
    first = damage.move_aside(filled, clock=fixed)
    assert first.name == f"{filled.name}.damaged-20260102T030405Z"
    assert digest(first) == before
    assert Path(f"{first}-wal").read_bytes() == b"wal bytes"
    filled.write_bytes(b"second")
    second = damage.move_aside(filled, clock=fixed)
    assert second != first and second.read_bytes() == b"second"
    assert digest(first) == before


def test_damaged_library_is_restored_from_the_newest_valid_backup(filled, capsys):
    page = root_page(filled, "source")
    flip(filled, (page - 1) * 4096, 12)
    damaged_bytes = digest(filled)
    newest = backups.newest_valid_backup(filled)
    assert newest is not None
    assert main(["--library", str(filled), "restore", str(newest.path)]) == 0
    capsys.readouterr()
    kept = [p for p in filled.parent.iterdir() if p.name.endswith(".damaged-" + p.name[-16:])]
    assert not list(filled.parent.glob("*.damaged-*-wal")), "checks created no -wal"
    assert len(kept) == 1 and digest(kept[0]) == damaged_bytes
    with Library.open(filled) as lib:
        assert lib.sources.count() == 40
        assert lib.check().ok


def test_random_damage_never_crashes_open_check_or_reads(filled, tmp_path):
    """Bytes flipped anywhere: every outcome is a sound library or a BrieferError, and
    the damaged file itself is not rewritten."""
    pristine = filled.read_bytes()
    size, rng = len(pristine), random.Random(5)
    detected = 0
    for i in range(RANDOM_TRIES):
        path = tmp_path / f"bad-{i}.briefer"
        data = bytearray(pristine)
        start = rng.randrange(100, size - 64)
        for j in range(start, start + rng.randint(1, 64)):
            data[j] = rng.randrange(256)
        path.write_bytes(bytes(data))
        before = digest(path)
        found = not damage.diagnose(path, full=True).ok
        try:
            with Library.open(path) as lib:
                found |= not lib.check().ok
                lib.sources.list()
                lib.search("words")
        except BrieferError:
            found = True
        assert digest(path) == before, f"try {i}: the damaged file was rewritten"
        detected += found
    # Bytes inside text are not checksummed by SQLite: some flips go unseen.
    assert detected > 0
    print(f"\n{RANDOM_TRIES} damaged files, {detected} detected, none crashed or rewritten")
