"""ICD 206 sourcing: support per paragraph, single/ungraded/low-grade warnings,
circular reporting and the drafted source summary statement."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from briefer.core import document
from briefer.core.tradecraft import circular, grades, lint, sourcing, summary
from briefer.core.tradecraft.units import units


def ex(eid, source, rel="B", cred=2, outlet=None, text="Some words.", tags=(), **extra):
    return SimpleNamespace(
        id=eid,
        source_id=source,
        source_reliability=rel,
        credibility=cred,
        grade=f"{rel}{cred}",
        source_outlet=f"Outlet {source}" if outlet is None else outlet,
        source_title=f"Title {source}",
        text=text,
        tags=tags,
        **extra,
    )


def doc_citing(*paragraphs, section="discussion"):
    blocks = [document.heading(section.title(), section=section)]
    for ids in paragraphs:
        blocks.append(
            document.paragraph(document.text("A judgment."), *[document.citation(i) for i in ids])
        )
    return document.normalize({"blocks": blocks})


def found(doc, excerpts, rule):
    return [f for f in sourcing.check(units(doc), excerpts) if f.rule == rule]


def test_support_lists_each_paragraphs_excerpts_with_grades():
    excerpts = {1: ex(1, 10), 2: ex(2, 11, "A", 1)}
    rows = sourcing.support(units(doc_citing([1, 2], [])), excerpts)
    assert [(r.paragraph, [(e.excerpt_id, e.grade) for e in r.excerpts]) for r in rows] == [
        (1, [(1, "B2"), (2, "A1")]),
        (2, []),
    ]
    assert rows[0].sources == 2


SINGLE = [
    ({1: ex(1, 10)}, [1]),
    ({1: ex(1, 10), 2: ex(2, 10)}, [1, 2]),  # two excerpts, one source
    ({1: ex(1, 10, "A", 1)}, [1]),
    ({1: ex(1, 10), 2: ex(2, 11)}, [1, 1]),
    ({1: ex(1, 10, "F", 6)}, [1]),
]


@pytest.mark.parametrize(("excerpts", "ids"), SINGLE)
def test_a_single_source_is_flagged(excerpts, ids):
    (finding,) = found(doc_citing(ids), excerpts, sourcing.SINGLE_SOURCE)
    assert finding.section == "discussion" and finding.paragraph == 1
    assert "single source" in finding.message


def test_single_source_not_flagged_for_two_sources_quotes_or_reporting_sections():
    excerpts = {1: ex(1, 10), 2: ex(2, 11)}
    assert found(doc_citing([1, 2]), excerpts, sourcing.SINGLE_SOURCE) == []
    assert found(doc_citing([1], section="background"), excerpts, sourcing.SINGLE_SOURCE) == []
    assert found(doc_citing([]), excerpts, sourcing.SINGLE_SOURCE) == []
    quote = document.normalize(
        {"blocks": [{"type": "quote", "content": [document.text("Q"), document.citation(1)]}]}
    )
    assert sourcing.check(units(quote), excerpts) == []


@pytest.mark.parametrize(
    "cited",
    [
        [ex(1, 10, None, 2)],
        [ex(1, 10, None, 1), ex(2, 11, None, 6)],
        [ex(1, 10, "", 3)],  # no letter at all
    ],
)
def test_only_ungraded_sources_are_flagged(cited):
    excerpts = {e.id: e for e in cited}
    doc = doc_citing([e.id for e in cited])
    assert found(doc, excerpts, sourcing.UNGRADED)
    assert found(doc, excerpts, sourcing.LOW_GRADE) == []


@pytest.mark.parametrize(
    "cited",
    [
        [ex(1, 10, "E", 2)],
        [ex(1, 10, "B", 5), ex(2, 11, "A", 6)],
        [ex(1, 10, "E", 1), ex(2, 11, "F", 2)],
        [ex(1, 10, "C", 6), ex(2, 11, "E", 5)],
    ],
)
def test_only_low_grades_are_flagged(cited):
    excerpts = {e.id: e for e in cited}
    (finding,) = found(doc_citing([e.id for e in cited]), excerpts, sourcing.LOW_GRADE)
    assert all(e.grade in finding.message for e in cited)


@pytest.mark.parametrize(
    "cited",
    [
        [ex(1, 10, "E", 5), ex(2, 11, "B", 2)],
        [ex(1, 10, "F", 6), ex(2, 11, "D", 4)],
        [ex(1, 10, "A", 1)],
        [ex(1, 10, "C", 3), ex(2, 11, "E", 2)],
    ],
)
def test_one_good_grade_is_enough(cited):
    excerpts = {e.id: e for e in cited}
    doc = doc_citing([e.id for e in cited])
    assert found(doc, excerpts, sourcing.LOW_GRADE) == []
    assert found(doc, excerpts, sourcing.UNGRADED) == []


def test_grade_helpers_tell_ungraded_from_f():
    assert grades.ungraded(ex(1, 1, None, 2))
    assert not grades.ungraded(ex(1, 1, "F", 2)) and grades.low(ex(1, 1, "F", 2))
    assert not grades.ungraded(ex(1, 1, "B", 2))
    assert grades.code(ex(1, 1, None, 2)) == "?2"
    assert grades.low(ex(1, 1, "B", 6)) and not grades.low(ex(1, 1, "B", 4))
    assert (
        sorted([ex(1, 1, "C", 1), ex(2, 2, "A", 3), ex(3, 3, "F", 1)], key=grades.rank)[0].id == 2
    )


# -- circular reporting -----------------------------------------------------------

KIRBY = "These strikes are designed to degrade the capabilities of the groups responsible"
WIRE = (
    "The United States carried out air strikes on Friday against more than 85 targets in "
    "Iraq and Syria linked to Iran's Revolutionary Guards and the militias it backs, in "
    "retaliation for a drone attack that killed three US soldiers in Jordan."
)


def test_same_words_of_the_same_speaker_in_two_outlets_are_flagged():
    a = ex(1, 10, outlet="Rudaw", text=f"“{KIRBY},” said John Kirby on Friday.")
    b = ex(2, 11, outlet="Kurdistan24", text=f'Kirby said: "{KIRBY}" to reporters.')
    (pair,) = circular.pairs({1: a, 2: b}, {})
    assert pair.kind == circular.SAME_QUOTE and pair.speaker.endswith("Kirby")
    assert KIRBY in pair.first_text and KIRBY in pair.second_text


def test_near_identical_paragraphs_are_flagged_with_both_texts():
    changed = WIRE.replace("on Friday", "late on Friday").replace("three", "3")
    a, b = ex(1, 10, outlet="A", text=WIRE), ex(2, 11, outlet="B", text=changed)
    (pair,) = circular.pairs({1: a, 2: b}, {})
    assert pair.kind == circular.NEAR_IDENTICAL_KIND and pair.similarity >= 0.6
    assert (pair.first_text, pair.second_text) == (WIRE, changed)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (ex(1, 10, outlet="Rudaw", text=WIRE), ex(2, 10, outlet="Rudaw", text=WIRE)),  # one source
        (ex(1, 10, outlet="Rudaw", text=WIRE), ex(2, 11, outlet="rudaw", text=WIRE)),  # one outlet
        (ex(1, 10, text=WIRE), ex(2, 11, text="Talks in Baghdad resumed on Monday after a pause.")),
        (
            ex(1, 10, text=f"“{KIRBY},” said John Kirby. {WIRE}"),
            ex(2, 11, text=f"“{KIRBY},” said Nasser Kanani in Tehran, denying any role."),
        ),
        (ex(1, 10, text="“Short words here,” he said."), ex(2, 11, text="“Short words here.”")),
    ],
)
def test_different_reporting_is_not_flagged(a, b):
    assert circular.pairs({a.id: a, b.id: b}, {}) == []


def test_passage_is_the_source_paragraph_around_an_excerpt():
    body = "First paragraph.\n\nThe second one holds the excerpt and more.\n\nThird."
    start = body.index("holds")
    assert circular.passage(body, start, start + 5) == "The second one holds the excerpt and more."


def test_lint_places_circular_reporting_where_the_second_excerpt_is_cited():
    a = ex(1, 10, outlet="Rudaw", text=WIRE)
    b = ex(2, 11, outlet="Reuters", text=WIRE)
    findings = [
        f for f in lint.check(doc_citing([1], [2]), {1: a, 2: b}) if f.rule == lint.CIRCULAR
    ]
    (finding,) = findings
    assert finding.paragraph == 2 and "Rudaw" in finding.message and "Reuters" in finding.message
    assert len(finding.detail) == 2


# -- source summary statement ------------------------------------------------------


def test_summary_statement_names_count_strongest_corroborating_conflicting():
    excerpts = {
        1: ex(1, 10, "B", 2, outlet="Rudaw"),
        2: ex(2, 11, "A", 2, outlet="Reuters"),
        3: ex(3, 12, "E", 5, outlet="Telegram channel"),
        4: ex(4, 13, None, 6, outlet="Blog"),
    }
    text = summary.statement(units(doc_citing([1, 2], [3], [4])), excerpts)
    assert text.startswith("This assessment rests on 4 sources: Reuters (A2); Rudaw (B2);")
    assert "The strongest is Reuters (A2)." in text
    assert "Corroborating reporting comes from Reuters and Rudaw." in text
    assert "Conflicting reporting comes from Telegram channel." in text
    assert "Blog is not graded." in text


def test_summary_statement_without_corroboration_or_sources():
    excerpts = {1: ex(1, 10, "C", 3, outlet="Rudaw")}
    text = summary.statement(units(doc_citing([1])), excerpts)
    assert "rests on 1 source: Rudaw (C3)." in text
    assert "No reporting is corroborated" in text and "No conflicting reporting" in text
    assert summary.statement(units(doc_citing([])), {}) == "This assessment cites no sources."


def test_two_alike_findings_have_their_own_keys():
    excerpts = {1: ex(1, 10)}
    findings = lint.check(doc_citing([1], [1]), excerpts)
    singles = [f for f in findings if f.rule == sourcing.SINGLE_SOURCE]
    assert len(singles) == 2 and singles[0].key != singles[1].key
    assert len({f.key for f in findings}) == len(findings)
