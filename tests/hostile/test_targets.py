"""Issue 14, item 4: `export -o` and `backup -o` replace only regular files.

As root, `export -o /dev/full` once turned the device into a .docx. A device, FIFO,
socket or folder is refused in one line; a symbolic link is refused unless --follow is
given; the library itself (and its -wal, -shm, .lock) is never a target.
"""

from __future__ import annotations

import os
import socket
import stat

import pytest

from briefer.cli import main
from briefer.core import targets
from briefer.core.library import Library
from briefer.export.atomic import write_atomically


@pytest.fixture
def brief_id(library_path) -> int:
    with Library.open(library_path) as lib:
        return lib.briefs.create("Note").id


def run(library_path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_refusal(code: int, err: str, *words: str) -> None:
    assert code == 1, err
    assert err.count("\n") == 1, err
    assert "unexpected error" not in err and "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


def test_a_fifo_is_refused_and_left_a_fifo(library_path, brief_id, tmp_path, capsys):
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(fifo))
    one_line_refusal(code, err, str(fifo), "named pipe")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_is_refused(library_path, brief_id, capsys):
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", os.devnull)
    one_line_refusal(code, err, os.devnull, "device")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_socket_and_a_folder_are_refused(library_path, brief_id, tmp_path, capsys):
    sock_path = tmp_path / "s.docx"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(sock_path))
    one_line_refusal(code, err, "socket")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(folder))
    one_line_refusal(code, err, "folder")
    assert folder.is_dir() and not any(folder.iterdir())


def test_a_symlink_needs_follow(library_path, brief_id, tmp_path, capsys):
    real = tmp_path / "real.docx"
    real.write_bytes(b"old")
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(link))
    one_line_refusal(code, err, "symbolic link", "--follow")
    assert real.read_bytes() == b"old" and link.is_symlink()
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(link), "--follow")
    assert code == 0, err
    assert link.is_symlink() and real.read_bytes()[:2] == b"PK"


def test_a_symlink_to_a_device_is_refused_even_with_follow(
    library_path, brief_id, tmp_path, capsys
):
    link = tmp_path / "null.docx"
    link.symlink_to(os.devnull)
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(link), "--follow")
    one_line_refusal(code, err, "device")


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock"])
def test_the_library_and_its_companions_are_refused(library_path, brief_id, capsys, suffix):
    target = library_path.with_name(library_path.name + suffix)
    before = target.read_bytes() if target.exists() else None
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(target))
    one_line_refusal(code, err, "library")
    assert (target.read_bytes() if target.exists() else None) == before


def test_another_library_is_never_replaced_by_an_export(tmp_path, brief_id, library_path):
    other = tmp_path / "other.briefer"
    Library.open(other).close()
    before = other.read_bytes()
    with pytest.raises(targets.TargetRefused, match="Briefer library"):
        write_atomically(other, lambda fh: fh.write(b"x"))
    assert other.read_bytes() == before


def test_a_regular_file_is_still_replaced(library_path, brief_id, tmp_path, capsys):
    old = tmp_path / "old.docx"
    old.write_bytes(b"old")
    code, _, err = run(library_path, capsys, "export", str(brief_id), "-o", str(old))
    assert code == 0, err
    assert old.read_bytes()[:2] == b"PK"


def test_backup_to_a_device_fifo_or_symlink_is_refused(library_path, brief_id, tmp_path, capsys):
    code, _, err = run(library_path, capsys, "backup", "-o", os.devnull)
    one_line_refusal(code, err, "device")
    fifo = tmp_path / "pipe.briefer"
    os.mkfifo(fifo)
    code, _, err = run(library_path, capsys, "backup", "-o", str(fifo))
    one_line_refusal(code, err, "named pipe")
    dangling = tmp_path / "copy.briefer"
    dangling.symlink_to(tmp_path / "elsewhere.briefer")
    code, _, err = run(library_path, capsys, "backup", "-o", str(dangling))
    one_line_refusal(code, err, "symbolic link")
    for suffix in ("-wal", "-shm", ".lock"):
        target = library_path.with_name(library_path.name + suffix)
        code, _, err = run(library_path, capsys, "backup", "-o", str(target))
        one_line_refusal(code, err, "library")
    code, _, err = run(library_path, capsys, "backup", "-o", str(dangling), "--follow")
    assert code == 0, err
    assert (tmp_path / "elsewhere.briefer").is_file()


def test_check_target_is_qt_free_and_names_the_path(tmp_path):
    new = tmp_path / "new.docx"
    assert targets.check_target(new) == new
    with pytest.raises(targets.TargetRefused) as caught:
        targets.check_target(tmp_path)
    assert str(tmp_path) in str(caught.value)
