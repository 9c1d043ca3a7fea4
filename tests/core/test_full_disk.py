"""A full disk: a clear message, unsaved text kept and retried, nothing lost."""

from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from briefer.core import damage
from briefer.core.document import paragraph, plain_text
from briefer.core.errors import BrieferError
from briefer.core.library import Library, StorageError, translate_storage_error

CHILD = Path(__file__).with_name("crash_child.py")


def body(i: int, rng: random.Random) -> dict:
    words = "".join(rng.choice(string.ascii_letters) for _ in range(40_000))
    return {"blocks": [paragraph(f"save {i} {words}")]}


def saved_number(lib: Library, brief_id: int) -> int:
    return int(plain_text(lib.briefs.get(brief_id).body).split()[1])


@pytest.mark.parametrize("sqlite_message", ["database or disk is full", "disk I/O error"])
def test_both_sqlite_messages_become_one_clear_line(sqlite_message, tmp_path):
    friendly = translate_storage_error(Exception(sqlite_message), tmp_path / "lib.briefer")
    assert isinstance(friendly, StorageError)
    text = str(friendly)
    assert "lib.briefer" in text and "disk is full" in text and "free some space" in text
    assert "\n" not in text


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_file_size_limit_refuses_a_save_and_saving_resumes(library_path):
    with Library.open(library_path) as lib:
        brief = lib.briefs.create("Growing")
    out = subprocess.run(
        [sys.executable, str(CHILD), "fsize", str(library_path), str(brief.id)],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.splitlines()[-1])
    assert result["acked"], "the limit left no room for even one save"
    first, again = result["errors"]
    assert str(library_path) in first and "disk is full" in first and "\n" not in first
    assert again == first
    assert result["kept"] and result["resumed"]
    assert damage.quick_check(library_path, full=True).ok
    with Library.open(library_path) as lib:
        # The refused text went in once there was room; all saves before it stayed.
        assert saved_number(lib, brief.id) == len(result["acked"]) + 1
        assert lib.briefs.get(brief.id).version == len(result["acked"]) + 2


@pytest.fixture
def small_tmpfs(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mnt = tmp_path / f"tmpfs-{uuid.uuid4().hex[:6]}"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def try_save(lib, brief_id: int, body: dict) -> str:
    """What the editor does on each autosave: '' when saved, else the one-line reason."""
    try:
        lib.briefs.save_body(brief_id, body)
    except BrieferError as exc:
        return str(exc)
    return ""


def test_full_tmpfs_keeps_text_in_memory_and_resumes_when_space_returns(small_tmpfs):
    path = small_tmpfs / "lib.briefer"
    ballast = small_tmpfs / "ballast"
    ballast.write_bytes(b"\0" * 300_000)
    rng = random.Random(1)
    lib = Library.open(path, lock=True)
    try:
        brief = lib.briefs.create("Filling the disk")
        # The editor's contract: a refused save raises a one-line error and changes
        # nothing; the editor keeps the text and sends the same body again later.
        acked, latest, message = 0, None, ""
        for i in range(1, 100):
            latest = body(i, rng)
            message = try_save(lib, brief.id, latest)
            if message:
                break
            acked = i
        assert 0 < acked < 99
        assert "disk is full" in message and str(path) in message and "\n" not in message
        assert try_save(lib, brief.id, latest)  # still full: refused again
        assert saved_number(lib, brief.id) == acked  # nothing saved before was lost
        ballast.unlink()
        assert try_save(lib, brief.id, latest) == ""  # room again: the same save goes
        assert saved_number(lib, brief.id) == acked + 1
    finally:
        lib.close()
    assert damage.quick_check(path, full=True).ok
    with Library.open(path) as lib:
        assert saved_number(lib, brief.id) == acked + 1
