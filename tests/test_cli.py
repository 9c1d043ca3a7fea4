"""The command line against a temporary library: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.library import Library
from tests.conftest import SAMPLE, make_source


@pytest.fixture
def seeded(library_path):
    with Library.open(library_path) as lib:
        src = make_source(
            lib,
            "Pentagon strikes",
            body="ERBIL - The strikes were efforts to degrade.\n\nSecond paragraph.",
            outlet="Rudaw",
            authors=("Azhi Rasul",),
            tags=("Iraq",),
        )
    return src.id


def test_sources_and_show_source_json(cli, seeded):
    out, _ = cli("sources", "--json")
    rows = json.loads(out)
    assert [r["title"] for r in rows] == ["Pentagon strikes"]
    out, _ = cli("show", "source", str(seeded), "--json")
    doc = json.loads(out)
    for key in (
        "id", "title", "outlet", "authors", "published", "published_precision",
        "published_ambiguous", "dateline", "url", "language", "reliability", "tags",
        "body_sha256", "body",
    ):  # fmt: skip
        assert key in doc, key
    assert doc["authors"] == ["Azhi Rasul"] and doc["tags"] == ["Iraq"]
    assert doc["published"] is None and doc["published_precision"] == "unknown"
    out, _ = cli("show", "source", str(seeded))
    assert "title:       Pentagon strikes" in out and "ERBIL - The strikes" in out


def test_a_source_nobody_graded_reads_ungraded_not_f(cli, seeded):
    out, _ = cli("show", "source", str(seeded))
    assert "reliability: Ungraded" in out
    assert json.loads(cli("show", "source", str(seeded), "--json")[0])["reliability"] is None
    assert cli("sources")[0].split("\t")[1] == "?"
    _, err = cli("grade", str(seeded), "F")
    assert "graded F" in err
    out, _ = cli("show", "source", str(seeded))
    assert "reliability: F: Reliability cannot be judged" in out
    _, err = cli("grade", str(seeded), "ungraded")
    assert "is ungraded" in err
    assert json.loads(cli("show", "source", str(seeded), "--json")[0])["reliability"] is None


def test_excerpt_grade_tag_search_round_trip(cli, seeded, library_path):
    out, _ = cli("excerpt", str(seeded), "--quote", "efforts to degrade", "--credibility", "2",
                 "--tag", "aims", "--comment", "stated aim")  # fmt: skip
    excerpt_id = int(out.strip())
    out, _ = cli("excerpt", str(seeded), "--span", "0:5", "--json")
    assert json.loads(out)["text"] == "ERBIL"
    cli("grade", str(seeded), "b")
    cli("tag", "excerpt", str(excerpt_id), "Kurdistan", "US")
    cli("tag", "source", str(seeded), "Pentagon")
    out, _ = cli("show", "excerpt", str(excerpt_id), "--json")
    doc = json.loads(out)
    assert doc["grade"] == "B2" and doc["tags"] == ["aims", "Kurdistan", "US"]
    out, _ = cli("search", "degrade", "--json")
    hits = json.loads(out)
    assert {(h["kind"], h["id"]) for h in hits} == {("source", seeded), ("excerpt", excerpt_id)}
    assert all({"kind", "id", "title", "snippet"} <= set(h) for h in hits)
    out, _ = cli("search", "degrade")
    assert "[degrade]" in out
    out, _ = cli("excerpts", "--tag", "kurdistan")
    assert out.startswith(f"{excerpt_id}\tB2\t")
    out, _ = cli("sources", "--tag", "pentagon")
    assert "Pentagon strikes" in out
    with Library.open(library_path) as lib:
        assert lib.sources.get(seeded).reliability == "B"
        assert lib.excerpts.get(excerpt_id).comment == "stated aim"


@pytest.mark.parametrize(
    "args, message",
    [
        (("show", "source", "99"), "no source 99"),
        (("grade", "1", "Q"), "use a letter from A to F"),
        (("excerpt", "1", "--quote", "absent words"), "not found in source 1"),
        (("excerpt", "1", "--span", "a:b"), "--span"),
        (("excerpt", "1", "--span", "0:5000"), "outside source"),
        (("excerpt", "1", "--quote", "ERBIL", "--credibility", "9"), "credibility"),
        (("tag", "excerpt", "42", "x"), "no excerpt 42"),
        (("search",), "the following arguments are required"),
        (("frobnicate",), "invalid choice"),
        (("search", "x", "--limit", "0"), "--limit"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(cli, seeded, args, message):
    _, err = cli(*args, expect=1)
    assert err.startswith("briefer: ")
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_not_a_library_is_refused(tmp_path, capsys):
    junk = tmp_path / "junk.briefer"
    junk.write_bytes(b"\x00\x01garbage" * 100)
    assert main(["--library", str(junk), "sources"]) == 1
    _, err = capsys.readouterr()
    assert "not a Briefer library" in err and err.count("\n") == 1
    assert junk.read_bytes() == b"\x00\x01garbage" * 100


def test_check(cli, seeded):
    out, _ = cli("check")
    assert out.strip().endswith(": ok")


def test_import_text_files_and_a_folder(cli, tmp_path):
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / "one.txt").write_text("First article\n\nIts body has words in it.\n")
    (folder / "nested" / "two.md").write_text("# Second article\n\nAnother body entirely.\n")
    out, err = cli("import", str(folder), "--tag", "batch", "--json")
    doc = json.loads(out)
    assert doc["imported"] == 2 and doc["failed"] == 0
    out, _ = cli("sources", "--tag", "batch", "--json")
    assert sorted(r["title"] for r in json.loads(out)) == ["First article", "Second article"]
    out, err = cli("import", str(folder / "one.txt"))
    assert "already in the library as source" in out
    assert "1 duplicate" in err


def test_import_reports_failures_and_continues(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Good title\n\nGood body text.\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out, err = cli("import", str(empty), str(good), str(tmp_path / "missing.txt"), expect=1)
    assert "imported" in out and "good.txt" in out
    assert f"failed {empty}" in err
    assert "missing.txt" in err
    assert "1 imported" in err and "2 failed" in err


def test_import_the_sample_article(cli):
    out, _ = cli("import", str(SAMPLE), "--json")
    (result,) = json.loads(out)["results"]
    out, _ = cli("show", "source", str(result["source_id"]), "--json")
    doc = json.loads(out)
    assert doc["title"] == "Pentagon sending ‘clear message’ with strikes on Iraqi armed groups"
    assert doc["outlet"] == "Rudaw"


def test_default_library_in_user_data_folder(tmp_path, capsys):
    assert main(["sources"]) == 0
    from briefer.core.paths import default_library_path

    path = default_library_path()
    assert path.exists() and str(path).startswith(os.environ["XDG_DATA_HOME"])


def test_console_script_and_module_entry_points(tmp_path):
    library = tmp_path / "lib.briefer"
    env = {**os.environ, "BRIEFER_LIBRARY": str(library)}
    script = Path(sys.executable).with_name("briefer")
    for command in ([str(script)], [sys.executable, "-m", "briefer"]):
        done = subprocess.run([*command, "sources", "--json"], capture_output=True, text=True,
                              env=env, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == []
    assert library.exists()


def test_brief_commands(cli, seeded):
    out, _ = cli("excerpt", str(seeded), "--quote", "efforts to degrade", "--credibility", "2")
    excerpt_id = int(out)
    out, _ = cli("brief", "templates")
    assert "Standard brief\tBLUF, Key judgments" in out
    out, _ = cli("brief", "new", "Weekly update", "--marking", "tlp:amber")
    brief_id = int(out)
    cli("brief", "add", str(brief_id), "--section", "BLUF", "--text", "Strikes aim to degrade.")
    cli("brief", "add", str(brief_id), "--section", "bluf", "--excerpt", str(excerpt_id),
        "--paraphrase")  # fmt: skip
    cli("brief", "add", str(brief_id), "--section", "Discussion", "--excerpt", str(excerpt_id))
    cli("brief", "add", str(brief_id), "--section", "Key judgments", "--text", "One.")
    out, _ = cli("show", "brief", str(brief_id), "--json")
    doc = json.loads(out)
    assert doc["marking"] == "TLP:AMBER" and doc["template"] == "Standard brief"
    assert doc["citations"] == [excerpt_id, excerpt_id]
    assert [s["title"] for s in doc["sections"]][:2] == ["BLUF", "Key judgments"]
    blocks = doc["body"]["blocks"]
    assert blocks[1]["content"] == [
        {"type": "text", "text": "Strikes aim to degrade."},
        {"type": "citation", "excerpt": excerpt_id},
    ]
    assert blocks[3]["items"][0]["content"] == [{"type": "text", "text": "One."}]
    quote = next(b for b in blocks if b["type"] == "quote")
    assert quote["content"][0]["text"] == "efforts to degrade"
    out, _ = cli("show", "brief", str(brief_id))
    assert "Strikes aim to degrade.[1]" in out and "efforts to degrade[2]" in out
    out, _ = cli("briefs", "--json")
    assert [b["title"] for b in json.loads(out)] == ["Weekly update"]
    _, err = cli("brief", "add", str(brief_id), "--section", "Nope", "--text", "x", expect=1)
    assert "section 'Nope' is not in this brief" in err
    _, err = cli("brief", "new", "X", "--template", "Nope", expect=1)
    assert "no brief template 'Nope'" in err
    _, err = cli("excerpts", "--source", str(seeded))
    _, err = cli("show", "brief", "99", expect=1)
    assert "no brief 99" in err
