"""Issue 14, item 2: a library found damaged is never written by any command.

`briefer check` (and the window's background check) leave a damage record beside the
library; every write checks it first and refuses, naming the damage and the way out.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core import backups, damage
from briefer.core.library import Library
from tests.conftest import make_source

TRIES = 12


def digest(path: Path) -> str:
    parts = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in parts if p.exists())).hexdigest()


@pytest.fixture
def filled(library_path) -> Path:
    with Library.open(library_path) as lib:
        for i in range(40):
            src = make_source(lib, f"Source {i}", f"Words of source {i}. " * 200)
            lib.excerpts.add(src.id, 0, 5)
        backups.make_backup(lib)
    return library_path


def damage_pages(path: Path, rng: random.Random, how: str) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    first = rng.randrange(1, len(data) // page - 1)
    for i in range(first * page, (first + 2) * page):
        data[i] = 0 if how == "zero" else rng.randrange(256)
    path.write_bytes(bytes(data))


def test_no_command_writes_a_library_check_found_damaged(filled, tmp_path, capsys):
    article = tmp_path / "new.txt"
    article.write_text("A new article\n\nIts words, worth importing into the library.\n")
    pristine = filled.read_bytes()
    rng = random.Random(14)
    found = 0
    for i in range(TRIES):
        path = tmp_path / f"bad-{i}.briefer"
        path.write_bytes(pristine)
        damage_pages(path, rng, "zero" if i % 2 else "random")
        lib = ["--library", str(path)]
        if main([*lib, "check"]) == 0:
            continue
        out = capsys.readouterr().out
        if damage.damage_record(path) is None:
            # Only problems a rebuild mends (a search index): not damage, still writable.
            assert all(not damage.is_damage(p) for p in out.splitlines() if p), out
            continue
        found += 1
        before = digest(path)
        for command in (
            ["import", str(article)],
            ["grade", "1", "B"],
            ["tag", "source", "1", "x"],
            ["brief", "new", "Attempt"],
        ):
            capsys.readouterr()
            assert main([*lib, *command]) == 1, command
            err = capsys.readouterr().err
            assert "damaged" in err and "\n" not in err.strip(), err
        assert digest(path) == before, f"try {i}: a damaged library was written"
    assert found >= TRIES // 2


def test_the_record_goes_once_the_library_is_sound_again(filled, capsys):
    damage.record_damage(filled, ("integrity: page 7 is wrong",))
    with Library.open(filled) as lib, pytest.raises(damage.LibraryDamaged):
        make_source(lib, "refused")
    assert main(["--library", str(filled), "check"]) == 0
    assert damage.damage_record(filled) is None
    with Library.open(filled) as lib:
        make_source(lib, "accepted")


def test_a_restored_library_is_not_held_to_the_old_record(filled, capsys):
    damage.record_damage(filled, ("integrity: page 7 is wrong",))
    (newest,) = backups.list_backups(filled)
    backups.restore(filled, newest.path)
    assert damage.damage_record(filled) is None
    with Library.open(filled) as lib:
        make_source(lib, "after the restore")
