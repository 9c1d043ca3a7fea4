"""core/opening.py: what opening a library and a check's verdict decide, without Qt.

The window (gui/opening.py, gui/session.py) and the command line follow these
decisions; the tests here need neither.
"""

from __future__ import annotations

import os

from briefer.cli import main
from briefer.core import backups, damage, opening
from briefer.core.library import Library
from briefer.core.opening import Outcome
from tests.conftest import make_source


def test_a_library_held_by_a_window_offers_read_only(library_path):
    holder = Library.open(library_path, lock=True)
    try:
        attempt = opening.open_library(library_path, lock=True)
        assert attempt.outcome is Outcome.LOCKED and attempt.offers_read_only
        assert attempt.library is None and str(library_path) in attempt.message
        taken = opening.open_read_only(library_path)
        assert taken.outcome is Outcome.OPENED and taken.library.read_only
        taken.library.close()
    finally:
        holder.close()


def test_a_damaged_library_offers_its_newest_valid_backup(library_path):
    with Library.open(library_path) as lib:
        make_source(lib, "kept")
        newest = backups.make_backup(lib)
    os.truncate(library_path, library_path.stat().st_size // 2 // 4096 * 4096)
    attempt = opening.open_library(library_path, lock=True)
    assert attempt.outcome is Outcome.DAMAGED and attempt.offers_restore
    assert attempt.backup.path == newest and attempt.problems
    assert "briefer restore" in attempt.refusal() and str(newest) in attempt.refusal()
    opening.restore_over_damage(library_path, attempt.backup.path)
    again = opening.open_library(library_path, lock=True, create=False)
    assert again.outcome is Outcome.OPENED
    assert [s.title for s in again.library.sources.list()] == ["kept"]
    again.library.close()


def test_a_script_refused_a_damaged_library_is_offered_the_same_backup(library_path, capsys):
    """`briefer sources` on a damaged library names the backup the window's dialog
    would restore, and leaves the file as it was."""
    with Library.open(library_path) as lib:
        make_source(lib, "kept")
        newest = backups.make_backup(lib)
    os.truncate(library_path, library_path.stat().st_size // 2 // 4096 * 4096)
    before = library_path.read_bytes()
    assert main(["--library", str(library_path), "sources"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and f"briefer restore '{newest}'" in err
    assert err.count("\n") == 1
    assert library_path.read_bytes() == before


def test_something_else_is_refused_with_its_reason(tmp_path):
    other = tmp_path / "notes.briefer"
    other.write_text("not a library")
    attempt = opening.open_library(other)
    assert attempt.outcome is Outcome.REFUSED and not attempt.offers_read_only
    assert "not a Briefer library" in attempt.message
    assert other.read_text() == "not a library"


def test_a_sound_full_check_lifts_the_damage_record_for_cli_and_window(library_path):
    """A damage record left by a check that was wrong (or fixed since) goes after a
    sound full check, whether `briefer check` or the window's Library › Check ran it."""
    Library.open(library_path).close()
    damage.record_damage(library_path, ("integrity: page 7 is never used",))
    assert main(["--library", str(library_path), "check"]) == 0
    assert damage.damage_record(library_path) is None

    damage.record_damage(library_path, ("integrity: page 7 is never used",))
    with Library.open(library_path) as lib:
        verdict = opening.check_open_library(lib)
    assert verdict.sound and not verdict.damaged
    assert damage.damage_record(library_path) is None


def test_a_quick_check_never_lifts_what_a_full_check_found(library_path):
    Library.open(library_path).close()
    damage.record_damage(library_path, ("integrity: page 7 is never used",))
    verdict = opening.quick_check_on_start(library_path)
    assert verdict.sound
    assert damage.damage_record(library_path) is not None
