"""The tradecraft service on a real library: findings with cited excerpts, dismissals
kept with the brief (format 4), one-click fixes saved as a new version."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest

from briefer.core import document, schema
from briefer.core.errors import InvalidInput
from briefer.core.library import Library
from briefer.core.tradecraft import estimative, sourcing
from tests.conftest import DATA, make_source

WIRE = (
    "The United States carried out air strikes on Friday against more than 85 targets in "
    "Iraq and Syria linked to Iran's Revolutionary Guards and the militias it backs."
)


@pytest.fixture
def brief(library):
    rudaw = make_source(library, "Strikes", body=f"Intro.\n\n{WIRE}\n\nEnd.", outlet="Rudaw")
    k24 = make_source(library, "Strikes 2", body=f"{WIRE} More.", outlet="Kurdistan24")
    library.sources.set_reliability(rudaw.id, "B")
    first = library.excerpts.add_quote(rudaw.id, "more than 85 targets", credibility=2)
    second = library.excerpts.add_quote(k24.id, "more than 85 targets", credibility=3)
    body = document.normalize(
        {
            "blocks": [
                document.heading("BLUF", section="bluf"),
                document.paragraph("Iran might retaliate."),
                document.heading("Key judgments", section="key-judgments"),
                {"type": "list", "items": [{"content": [document.text("Strikes are likely.")]}]},
                document.heading("Discussion", section="discussion"),
                document.paragraph(document.text("The strikes hit 85 targets."),
                                   document.citation(first.id)),
                document.paragraph(document.text("Both agree."), document.citation(first.id),
                                   document.citation(second.id)),
                document.heading("Sources", section="sources"),
                {"type": "source_list"},
            ]
        }
    )  # fmt: skip
    return library.briefs.create("Strikes", body=body)


def rules(findings):
    return [(f.rule, f.section, f.paragraph) for f in findings]


def test_findings_of_a_brief_in_document_order(library, brief):
    assert rules(library.tradecraft.findings(brief.id)) == [
        (estimative.VAGUE, "bluf", 1),
        (estimative.CONFIDENCE_MISSING, "key-judgments", 1),
        (sourcing.SINGLE_SOURCE, "discussion", 1),
        ("sourcing.circular", "discussion", 2),
    ]


def test_findings_of_an_unsaved_body_are_the_editors(library, brief):
    body = document.add_to_section(brief.body, "discussion", [document.text("Talks may fail.")])
    assert rules(library.tradecraft.findings(brief.id, body)) == rules(
        library.tradecraft.findings(brief.id)
    )
    body = document.add_to_section(brief.body, "bluf", [document.text("Talks may fail.")])
    assert len(library.tradecraft.findings(brief.id, body)) == 5


def test_circular_pair_shows_both_source_paragraphs(library, brief):
    (pair,) = library.tradecraft.circular(brief.id)
    assert pair.first_text == WIRE and pair.second_text == f"{WIRE} More."
    assert {pair.first_label, pair.second_label} == {"Rudaw", "Kurdistan24"}


def test_support_and_summary(library, brief):
    rows = library.tradecraft.support(brief.id)
    assert [[e.grade for e in r.excerpts] for r in rows if r.excerpts] == [["B2"], ["B2", "?3"]]
    text = library.tradecraft.summary(brief.id)
    assert text.startswith("This assessment rests on 2 sources: Rudaw (B2); Kurdistan24 (?3).")
    assert "may share one origin" in text
    assert "No reporting is corroborated" in text  # a possible copy corroborates nothing
    saved = library.tradecraft.insert_summary(brief.id)
    assert text in document.plain_text(saved.body)


def test_dismissal_is_kept_with_the_brief_and_needs_a_reason(library, brief, library_path):
    vague = library.tradecraft.findings(brief.id)[0]
    with pytest.raises(InvalidInput, match="reason"):
        library.tradecraft.dismiss(brief.id, vague, "  ")
    library.tradecraft.dismiss(brief.id, vague, "the minister's own words")
    # other edits keep it; it travels with the brief in the file
    library.briefs.add_text(brief.id, "discussion", "More text.")
    with Library.open(library_path) as again:
        first = again.tradecraft.findings(brief.id)[0]
        assert first.dismissed and first.reason == "the minister's own words"
        (kept,) = again.tradecraft.dismissals(brief.id)
        assert (kept.rule, kept.text) == (estimative.VAGUE, "might")
    library.tradecraft.undismiss(brief.id, vague.key)
    assert not library.tradecraft.findings(brief.id)[0].dismissed
    library.briefs.delete(brief.id)
    conn = sqlite3.connect(library_path)
    assert conn.execute("SELECT count(*) FROM finding_dismissal").fetchone()[0] == 0
    conn.close()


def test_one_click_fix_saves_a_new_version(library, brief):
    findings = library.tradecraft.findings(brief.id)
    vague, missing = findings[0], findings[1]
    with pytest.raises(InvalidInput, match="choose a replacement"):
        library.tradecraft.fix(brief.id, vague)
    fixed = library.tradecraft.fix(brief.id, vague, "will likely")
    assert fixed.version == brief.version + 1
    assert "Iran will likely retaliate." in document.plain_text(fixed.body)
    fixed = library.tradecraft.fix(brief.id, missing, missing.replacements[2])
    assert "Strikes are likely. We have high confidence in this judgment." in (
        document.plain_text(fixed.body)
    )
    assert [f.rule for f in library.tradecraft.findings(brief.id)][:1] == [sourcing.SINGLE_SOURCE]
    # a finding from before the edit is refused, not applied in the wrong place
    with pytest.raises(InvalidInput, match="changed since it was checked"):
        library.tradecraft.fix(brief.id, vague, "will likely")
    single = library.tradecraft.findings(brief.id)[0]
    with pytest.raises(InvalidInput, match="no one-click fix"):
        library.tradecraft.fix(brief.id, single)


def test_version_1_fixture_climbs_through_format_7(tmp_path):
    path = tmp_path / "old.briefer"
    shutil.copy(DATA / "library-v1.briefer", path)
    clock = lambda: datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)  # noqa: E731
    with Library.open(path, clock=clock) as lib:
        (finding,) = lib.tradecraft.findings(1)
        assert (finding.rule, finding.section, finding.paragraph) == (
            sourcing.SINGLE_SOURCE,
            "bluf",
            1,
        )
        assert "(B2)" in finding.message
        lib.tradecraft.dismiss(1, finding, "the Pentagon's own statement")
        assert lib.tradecraft.findings(1)[0].dismissed
        assert lib.check().ok
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 4
    assert conn.execute("SELECT reason FROM finding_dismissal").fetchall() == [
        ("the Pentagon's own statement",)
    ]
    conn.close()
