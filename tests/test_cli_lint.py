"""`briefer lint`: findings one a line with place and rule, --json, dismiss, fix, and
exit 1 while any is open."""

from __future__ import annotations

import json

import pytest

from briefer.core import document
from briefer.core.library import Library
from tests.conftest import make_source


@pytest.fixture
def brief_id(library_path):
    with Library.open(library_path) as lib:
        src = make_source(lib, "Strikes", body="The strikes hit 85 targets.", outlet="Rudaw")
        excerpt = lib.excerpts.add_quote(src.id, "hit 85 targets", credibility=2)
        body = document.normalize(
            {
                "blocks": [
                    document.heading("BLUF", section="bluf"),
                    document.paragraph("Iran might retaliate."),
                    document.heading("Key judgments", section="key-judgments"),
                    {"type": "list", "items": [{"content": [document.text("Strikes go on.")]}]},
                    document.heading("Discussion", section="discussion"),
                    document.paragraph(document.text("It hit 85."), document.citation(excerpt.id)),
                    document.heading("Sources", section="sources"),
                    {"type": "source_list"},
                ]
            }
        )
        return lib.briefs.create("Strikes", body=body).id


def test_lint_prints_one_finding_a_line_and_exits_1(cli, brief_id):
    out, err = cli("lint", str(brief_id), expect=1)
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("1\tbluf ¶1\testimative.vague\t“might”\t")
    assert lines[1].startswith("2\tkey-judgments ¶1\testimative.confidence-missing\t")
    assert lines[2].startswith("3\tdiscussion ¶1\tsourcing.single-source\t")
    assert lines[3].startswith("4\tdiscussion ¶1\tsourcing.ungraded\t")
    assert "4 finding(s): 4 open, 0 dismissed" in err


def test_lint_json_is_the_services_findings(cli, brief_id, library_path):
    out, _ = cli("lint", str(brief_id), "--json", expect=1)
    rows = json.loads(out)
    for key in ("rule", "section", "paragraph", "text", "suggestion", "dismissed"):
        assert all(key in r for r in rows), key
    with Library.open(library_path) as lib:
        same = [f.as_json() for f in lib.tradecraft.findings(brief_id)]
    assert [{k: v for k, v in r.items() if k != "number"} for r in rows] == same


def test_dismiss_and_fix_until_lint_passes(cli, brief_id):
    _, err = cli("lint", str(brief_id), "--dismiss", "3", expect=1)
    assert "--reason" in err
    cli("lint", str(brief_id), "--dismiss", "3", "--reason", "one wire story, said so")
    cli("lint", str(brief_id), "--dismiss", "4", "--reason", "graded by the desk")
    out, _ = cli("lint", str(brief_id), expect=1)
    assert "[dismissed: one wire story, said so]" in out
    _, err = cli("lint", str(brief_id), "--fix", "1", expect=1)
    assert "choose a replacement" in err
    _, err = cli("lint", str(brief_id), "--fix", "1", "--with", "nonsense", expect=1)
    assert "not one of this finding's fixes" in err
    cli("lint", str(brief_id), "--fix", "1", "--with", "will likely")
    cli("lint", str(brief_id), "--fix", "1", "--with", "2")
    out, err = cli("lint", str(brief_id))
    assert "2 finding(s): 0 open, 2 dismissed" in err
    out, _ = cli("show", "brief", str(brief_id))
    assert "Iran will likely retaliate." in out
    assert "Strikes go on. We have moderate confidence in this judgment." in out
    cli("lint", str(brief_id), "--undismiss", "1")
    cli("lint", str(brief_id), expect=1)
    _, err = cli("lint", str(brief_id), "--dismiss", "9", "--reason", "x", expect=1)
    assert "findings 1 to 2" in err


def test_support_summary_and_circular(cli, brief_id):
    out, _ = cli("lint", str(brief_id), "--support")
    assert "discussion ¶1\t1 ?2 Rudaw\tIt hit 85." in out
    out, _ = cli("lint", str(brief_id), "--summary")
    assert out.startswith("This assessment rests on 1 source: Rudaw (?2).")
    out, _ = cli("lint", str(brief_id), "--summary", "--json")
    assert json.loads(out)["statement"].startswith("This assessment rests on 1 source")
    out, _ = cli("lint", str(brief_id), "--support", "--json")
    assert [e["grade"] for r in json.loads(out) for e in r["excerpts"]] == ["?2"]
    cli("lint", str(brief_id), "--insert-summary", "sources")
    out, _ = cli("show", "brief", str(brief_id))
    assert "This assessment rests on 1 source" in out
    out, _ = cli("lint", str(brief_id), "--circular", "--json")
    assert json.loads(out) == []
    _, err = cli("lint", "99", expect=1)
    assert "no brief 99" in err


def test_portion_marks_from_the_command_line_roll_up_and_are_linted(cli, brief_id):
    out, _ = cli("portion", str(brief_id), "discussion", "1", "(c)")
    assert out.strip() == f"brief {brief_id}: discussion ¶1 marked; marking CONFIDENTIAL"
    out, _ = cli("lint", str(brief_id), "--json", expect=1)
    missing = [(r["section"], r["paragraph"]) for r in json.loads(out)
               if r["rule"] == "marking.portion-missing"]  # fmt: skip
    assert missing == [("bluf", 1), ("key-judgments", 1)]
    _, err = cli("brief", "add", str(brief_id), "--section", "bluf", "--text", "x")
    out, _ = cli("show", "brief", str(brief_id))
    assert "marking:     CONFIDENTIAL" in out
    cli("portion", str(brief_id), "key-judgments", "1", "S")
    out, _ = cli("show", "brief", str(brief_id), "--json")
    assert json.loads(out)["marking"] == "SECRET"
    _, err = cli("portion", str(brief_id), "discussion", "7", "C", expect=1)
    assert "no paragraph 7 in section 'discussion'" in err
    _, err = cli("portion", str(brief_id), "discussion", "1", "TLP:RED", expect=1)
    assert "mix classification marks and TLP labels" in err
    cli("portion", str(brief_id), "key-judgments", "1", "-")
    out, _ = cli("show", "brief", str(brief_id), "--json")
    assert json.loads(out)["marking"] == "SECRET"  # never lowered by itself
