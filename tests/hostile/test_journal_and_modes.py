"""Issue 14, items 6, 7 and 9: a deleted -wal under a writer, read-only files, and
reading a library where nothing can be written beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core import damage
from briefer.core.library import Library, StorageError
from tests.conftest import make_source

ROOT = Path(__file__).resolve().parents[2]


def count_elsewhere(path: Path) -> int:
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from briefer.core.library import Library;"
        "lib = Library.open(sys.argv[1], create=False); print(lib.sources.count()); lib.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), str(ROOT)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return int(out.stdout.split()[-1])


# -- item 6 --------------------------------------------------------------------------


def test_a_write_after_the_wal_was_deleted_stops_and_keeps_acknowledged_work(library_path):
    lib = Library.open(library_path, lock=True)
    try:
        for i in range(5):
            make_source(lib, f"acknowledged {i}")
        Path(f"{library_path}-wal").unlink()  # another program deletes the journal
        with pytest.raises(StorageError, match="journal") as err:
            make_source(lib, "after the deletion")
        assert "\n" not in str(err.value)
        # Work acknowledged before the deletion reached the file; later writes work.
        assert count_elsewhere(library_path) == 5
        make_source(lib, "once the journal is new")
        assert count_elsewhere(library_path) == 6
    finally:
        lib.close()


def test_check_finds_a_wal_whose_shm_counts_frames(library_path, capsys):
    with Library.open(library_path) as lib:
        make_source(lib, "kept")
    keeper = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "core" / "crash_child.py"), "hold",
         str(library_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert keeper.stdout.readline().strip() == "ready"
    keeper.kill()
    keeper.wait()
    Path(f"{library_path}-wal").unlink()
    problems = damage.header_problems(library_path)
    assert any("-shm" in p and "missing" in p for p in problems), problems
    assert main(["--library", str(library_path), "check"]) == 1


# -- item 7 --------------------------------------------------------------------------


def test_a_read_only_library_opens_read_only_and_keeps_its_mode(library_path, capsys):
    with Library.open(library_path) as lib:
        make_source(lib, "kept")
    os.chmod(library_path, 0o444)
    with Library.open(library_path) as lib:
        assert lib.read_only
        assert "permissions do not allow writing" in lib.read_only_reason
        assert lib.sources.count() == 1
        with pytest.raises(StorageError, match="read-only"):
            make_source(lib, "refused")
    assert main(["--library", str(library_path), "grade", "1", "B"]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "chmod" in err and "\n" not in err.strip()
    assert library_path.stat().st_mode & 0o777 == 0o444
    assert main(["--library", str(library_path), "sources"]) == 0
    assert library_path.stat().st_mode & 0o777 == 0o444


# -- item 9 --------------------------------------------------------------------------


def _chattr(flag: str, path: Path) -> bool:
    return (
        shutil.which("chattr") is not None
        and subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0
    )


def test_a_locked_folder_with_a_read_only_library_can_be_read_and_checked(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "lib.briefer"
    with Library.open(path) as lib:
        make_source(lib, "readable")
    os.chmod(path, 0o444)
    if not _chattr("+i", folder):
        pytest.skip("chattr +i is not available here")
    try:
        assert main(["--library", str(path), "sources", "--json"]) == 0
        out, err = capsys.readouterr()
        assert "readable" in out
        assert "read-only" in err  # said so
        assert main(["--library", str(path), "check"]) == 0
        assert sorted(p.name for p in folder.iterdir()) == ["lib.briefer"]
    finally:
        _chattr("-i", folder)


FULL_DISK = """
mount -t tmpfs -o size={size}k tmpfs {mnt} || exit 3
cp {lib} {mnt}/lib.briefer
dd if=/dev/zero of={mnt}/filler bs=4k count=100000 2>/dev/null || true
cd {mnt}
{py} -m briefer --library {mnt}/lib.briefer sources; echo "rc=$?"
{py} -m briefer --library {mnt}/lib.briefer check; echo "rc=$?"
{py} -m briefer --library {mnt}/lib.briefer backup; echo "rc=$?"
{py} -m briefer --library {lib} backup -o {mnt}/copy.briefer; echo "rc=$?"
"""


def test_a_full_disk_still_reads_and_says_what_is_full(library_path, tmp_path):
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare for a small full filesystem")
    with Library.open(library_path) as lib:
        for i in range(10):
            make_source(lib, f"full {i}", f"words of {i} " * 500)
    mnt = tmp_path / "full"
    mnt.mkdir()
    size = library_path.stat().st_size // 1024 + 64
    script = FULL_DISK.format(size=size, mnt=mnt, lib=library_path, py=sys.executable)
    proc = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    if "mount:" in proc.stderr and "rc=" not in proc.stdout:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    rcs = [line for line in proc.stdout.splitlines() if line.startswith("rc=")]
    assert rcs[:2] == ["rc=0", "rc=0"], (proc.stdout, proc.stderr)
    assert "full 9" in proc.stdout
    assert rcs[2:] == ["rc=1", "rc=1"], (proc.stdout, proc.stderr)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("briefer:")]
    backup_errors = [e for e in errors if "no space left" in e]
    assert len(backup_errors) == 2, errors
    assert all("damaged" not in e and "MB" in e for e in backup_errors), errors
