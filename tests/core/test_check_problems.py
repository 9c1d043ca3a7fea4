"""Check problems are typed: what is damage is decided once, in core, for every caller.

`briefer check`, the window's Library › Check and the background check read the same
`CheckProblem.kind`; none of them guesses from the problem's words.
"""

from __future__ import annotations

import sqlite3

from briefer.cli import main
from briefer.core import damage, opening
from briefer.core.library import Library
from briefer.core.records import CheckProblem, CheckReport, ProblemKind
from tests.conftest import make_source


def dangle_an_excerpt(path) -> None:
    """An excerpt whose source row is gone: written with foreign keys off."""
    with Library.open(path) as lib:
        src = make_source(lib, "Source", "Words worth keeping. " * 20)
        lib.excerpts.add(src.id, 0, 5)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE excerpt SET source_id = 999")
        conn.commit()
    finally:
        conn.close()


def test_a_dangling_foreign_key_is_a_typed_problem_that_is_not_damage(library_path):
    dangle_an_excerpt(library_path)
    with Library.open(library_path) as lib:
        report = lib.check()
    kinds = {p.kind for p in report.problems}
    assert ProblemKind.FOREIGN_KEY in kinds
    fk = next(p for p in report.problems if p.kind is ProblemKind.FOREIGN_KEY)
    assert not fk.is_damage and fk.startswith("foreign key:")
    assert not report.ok and not report.damaged


def test_cli_and_window_agree_a_foreign_key_problem_is_not_damage(library_path, capsys):
    dangle_an_excerpt(library_path)
    assert main(["--library", str(library_path), "check"]) == 1
    out, err = capsys.readouterr()
    assert "foreign key:" in out and "restore" not in err
    assert damage.damage_record(library_path) is None
    with Library.open(library_path) as lib:
        verdict = opening.check_open_library(lib)
    assert not verdict.sound and not verdict.damaged
    assert damage.damage_record(library_path) is None


def test_the_kind_decides_not_the_words():
    """SQLite's own words may start like a repairable problem's; the kind rules."""
    sqlite_said = CheckProblem("foreign key mismatch in the schema", ProblemKind.INTEGRITY)
    assert sqlite_said.is_damage and damage.is_damage(sqlite_said)
    report = CheckReport(ok=False, problems=(sqlite_said,))
    assert report.damaged
    mended = CheckProblem(
        "search index source_fts: 2 deleted source(s) still indexed", ProblemKind.SEARCH_INDEX
    )
    assert not CheckReport(ok=False, problems=(mended,)).damaged


def test_damage_found_on_opening_is_damage_whatever_its_words(library_path):
    with Library.open(library_path):
        pass
    damage.record_damage(library_path, ("foreign key mismatch - excerpt referencing source",))
    from briefer.core.damage import LibraryDamaged

    error = LibraryDamaged(library_path, ("foreign key mismatch - excerpt referencing source",))
    report = opening.report_of_damage(error)
    assert report.damaged and all(p.kind is ProblemKind.UNREADABLE for p in report.problems)
