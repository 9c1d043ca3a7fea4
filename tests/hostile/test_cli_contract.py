"""Issue 14, items 8, 9 and 12: the command line keeps its one-line contract.

Ids of 2**63 and more, out-of-range numbers, OS errors (a read-only folder, a full
disk) and a PDF flate bomb each give one line naming the file or the argument;
queries may start with "-"; paths and titles with newlines or terminal controls are
printed escaped.
"""

from __future__ import annotations

import errno
import os
import tempfile

import pytest

from briefer.cli import main
from briefer.core.library import Library
from tests.conftest import make_source
from tests.hostile.pdfs import flate_bomb

HUGE = str(2**63)


@pytest.fixture
def seeded(library_path):
    with Library.open(library_path) as lib:
        src = make_source(lib, "Militia statement", "The -militia statement was read out.")
        lib.excerpts.add(src.id, 0, 10)
        lib.briefs.create("Note")
    return src.id


def one_line(err: str, *words: str) -> None:
    assert err.count("\n") == 1, err
    assert "unexpected error" not in err and "Traceback" not in err, err
    for word in words:
        assert word.casefold() in err.casefold(), (word, err)


@pytest.mark.parametrize(
    "args",
    [
        ("show", "source", HUGE),
        ("show", "excerpt", "-1"),
        ("show", "brief", "0"),
        ("tag", "source", HUGE, "x"),
        ("tag", "excerpt", str(2**64), "x"),
        ("excerpts", "--source", HUGE),
        ("grade", HUGE, "A"),
        ("excerpt", HUGE, "--quote", "x"),
        ("brief", "add", HUGE, "--section", "S", "--text", "x"),
        ("brief", "add", "1", "--section", "S", "--excerpt", HUGE),
        ("export", HUGE, "-o", "x.docx"),
        ("lint", HUGE),
        ("lint", "1", "--fix", HUGE),
        ("portion", HUGE, "S", "1", "U"),
        ("portion", "1", "S", HUGE, "U"),
    ],
)
def test_ids_out_of_range_are_refused_by_the_parser(cli, seeded, args):
    _, err = cli(*args, expect=1)
    one_line(err, "from 1 to 9223372036854775807")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("search", "x", "--limit", HUGE), ("--limit", "from 1 to")),
        (("search", "x", "--limit", "0"), ("--limit", "from 1 to")),
        (("excerpt", "1", "--quote", "The", "--credibility", "7"), ("--credibility", "1 to 6")),
        (("excerpt", "1", "--quote", "The", "--credibility", "0"), ("--credibility", "1 to 6")),
        (("excerpt", "1", "--quote", "The", "--credibility", "x"), ("--credibility",)),
    ],
)
def test_numbers_out_of_range_are_refused_by_the_parser(cli, seeded, args, words):
    _, err = cli(*args, expect=1)
    one_line(err, *words)


def test_a_read_only_folder_for_backup_is_one_line(cli, seeded, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(*args, dir=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(dir, ".x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    _, err = cli("backup", "-o", str(folder / "copy.briefer"), expect=1)
    one_line(err, str(folder), "permission")


def test_creating_a_library_in_a_read_only_folder_is_one_line(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(*args, dir=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(dir, ".n.creating"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code = main(["--library", str(folder / "new.briefer"), "sources"])
    err = capsys.readouterr().err
    assert code == 1
    one_line(err, str(folder), "permission")


def test_a_full_disk_is_one_line_naming_the_file(cli, seeded, tmp_path, monkeypatch):
    import briefer.export.writer as writer

    target = tmp_path / "brief.docx"

    def full(path, write):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(writer, "write_atomically", full)
    _, err = cli("export", "1", "-o", str(target), expect=1)
    one_line(err, str(target), "no space left")


def test_a_pdf_flate_bomb_is_a_one_line_import_failure(cli, tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(flate_bomb(80_000_000))
    _, err = cli("import", str(bomb), expect=1)
    lines = err.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"failed {bomb}: ")
    assert "LimitReachedError" not in err and "(" not in lines[0].split(": ", 1)[1][:12]
    assert "expands" in lines[0]


def test_queries_may_start_with_a_dash(cli, seeded):
    for args in (
        ("search", "-militia"),
        ("search", "--", "-militia"),
        ("search", "-militia", "--limit", "5"),
        ("search", "--limit", "5", "-militia"),
        ("search", "--json", "--", "-militia"),
    ):
        out, err = cli(*args)
        assert "Militia statement" in out, (args, out, err)
    out, _ = cli("search", "-hezbollah")
    assert out == ""
    cli("search", "--limit", "5", expect=1)


def test_paths_and_titles_with_controls_are_printed_escaped(cli, tmp_path):
    name = "evil\n\x1b[2Jname\r.txt"
    path = tmp_path / name
    path.write_text("A title \x1b]0;pwned\x07 here\n\nThe body of the article goes on.\n")
    out, err = cli("import", str(path))
    assert "\x1b" not in out + err and "\r" not in out + err
    assert "\\x1b[2J" in out and "evil\\nname" in out.replace("\\x1b[2J", "")
    assert len(out.splitlines()) == 1
    out, _ = cli("sources")
    assert "\x1b" not in out and "\x07" not in out
    missing = tmp_path / "gone\x1b[31m.txt"
    _, err = cli("import", str(missing), expect=1)
    assert "\x1b" not in err and "gone\\x1b[31m.txt" in err
