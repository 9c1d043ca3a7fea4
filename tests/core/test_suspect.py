"""Suspect metadata: marked, counted by `briefer check`, warned about before export."""

from __future__ import annotations

from datetime import date

from briefer.cli import main
from briefer.core import suspect
from briefer.core.library import Library
from tests.conftest import make_source


def _seed(lib):
    good = make_source(
        lib,
        "Pentagon sending a clear message",
        outlet="Rudaw",
        published=date(2024, 2, 9),
        published_precision="day",
    )
    nav = make_source(
        lib,
        "Home | World | Business | Opinion",
        outlet="Rudaw",
        published=date(2024, 2, 9),
        published_precision="day",
    )
    bare = make_source(lib, "Talks resume in Baghdad")
    guessed = make_source(
        lib,
        "Oil exports resume",
        outlet="Reuters",
        published=date(2024, 3, 1),
        published_precision="day",
        published_inferred=True,
    )
    return good, nav, bare, guessed


def test_reasons_name_what_is_missing_or_guessed(library):
    good, nav, bare, guessed = _seed(library)
    assert suspect.reasons(good) == ()
    assert suspect.reasons(nav) == (suspect.NAVIGATION_TITLE,)
    assert suspect.reasons(bare) == (suspect.NO_OUTLET, suspect.NO_DATE)
    assert suspect.reasons(guessed) == (suspect.DATE_INFERRED,)
    site_name = make_source(
        library,
        "Rudaw",
        body="Other body.",
        outlet="Rudaw",
        published=date(2024, 2, 9),
        published_precision="day",
    )
    assert suspect.reasons(site_name) == (suspect.NAVIGATION_TITLE,)
    library.sources.delete(site_name.id)
    found = suspect.library_suspects(library)
    assert [s.id for s in found] == [nav.id, bare.id, guessed.id]
    assert suspect.summary_line(found) == (
        "3 sources with suspect metadata (1 title looks like navigation, 1 no outlet, "
        "1 no publication date, 1 date inferred, not stated); "
        "list them with `briefer sources --suspect`"
    )


def test_a_date_the_analyst_types_is_no_longer_inferred(library):
    *_, guessed = _seed(library)
    fixed = library.sources.update(guessed.id, published="2024-03-02")
    assert not fixed.published_inferred
    assert suspect.reasons(fixed) == ()


def test_check_counts_suspect_sources(library_path, capsys):
    with Library.open(library_path) as lib:
        _seed(lib)
    assert main(["--library", str(library_path), "check"]) == 0
    out, _ = capsys.readouterr()
    assert "3 sources with suspect metadata (1 title looks like navigation" in out
    assert out.strip().endswith(": ok")


def test_export_warns_before_citing_a_suspect_source(library_path, tmp_path, capsys):
    with Library.open(library_path) as lib:
        good, _nav, bare, _ = _seed(lib)
    run = lambda *a: main(["--library", str(library_path), *a])  # noqa: E731
    assert run("excerpt", str(good.id), "--quote", "Body of") == 0
    assert run("excerpt", str(bare.id), "--quote", "Body of") == 0
    assert run("brief", "new", "Weekly", "--template", "Standard brief") == 0
    capsys.readouterr()
    assert run("brief", "add", "1", "--section", "BLUF", "--excerpt", "1") == 0
    assert run("brief", "add", "1", "--section", "BLUF", "--excerpt", "2") == 0
    capsys.readouterr()
    assert run("export", "1", "-o", str(tmp_path / "weekly.docx")) == 0
    _, err = capsys.readouterr()
    assert (
        f"warning: the brief cites source {bare.id} “Talks resume in Baghdad”: no outlet, "
        "no publication date" in err
    )
    assert f"source {good.id} " not in err
    assert (tmp_path / "weekly.docx").exists()


def test_show_source_says_what_to_check(library_path, capsys):
    import json

    with Library.open(library_path) as lib:
        _good, _nav, bare, _ = _seed(lib)
    assert main(["--library", str(library_path), "show", "source", str(bare.id)]) == 0
    out, _ = capsys.readouterr()
    assert "check:       before citing: no outlet, no publication date" in out
    assert main(["--library", str(library_path), "sources", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr()[0])}
    assert rows[bare.id]["suspect"] == ["no outlet", "no publication date"]
    assert rows[_good.id]["suspect"] == []
    assert main(["--library", str(library_path), "sources", "--suspect"]) == 0
    listed = [line.split("\t")[0] for line in capsys.readouterr()[0].splitlines()]
    assert str(bare.id) in listed and str(_good.id) not in listed
