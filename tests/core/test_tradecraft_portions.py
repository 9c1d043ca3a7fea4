"""Portion marks: kept in the document, rolled up into the brief's marking, which is
never set lower than the highest mark."""

from __future__ import annotations

import pytest

from briefer.core import document
from briefer.core.errors import InvalidInput
from briefer.core.tradecraft import lint, portions


def body(*marks: str, listed: str = "") -> dict:
    blocks = [document.heading("Discussion", section="discussion")]
    blocks += [{**document.paragraph(f"Paragraph {n}."), "portion": m} for n, m in enumerate(marks)]
    if listed:
        blocks.append(
            {"type": "list", "items": [{"content": [document.text("Item.")], "portion": listed}]}
        )
    return document.normalize({"blocks": blocks})


@pytest.mark.parametrize(
    ("written", "stored"),
    [("(U)", "U"), ("c", "C"), ("(TS)", "TS"), ("secret", "S"), ("tlp amber", "TLP:AMBER"),
     ("(TLP:RED)", "TLP:RED"), ("TLP:WHITE", "TLP:CLEAR"), ("", "")],
)  # fmt: skip
def test_portion_marks_are_stored_in_one_form(written, stored):
    assert portions.normalize_portion(written) == stored


def test_the_document_keeps_portion_marks_and_refuses_unknown_ones():
    doc = body("(c)", "", listed="u")
    assert doc["blocks"][1]["portion"] == "C" and "portion" not in doc["blocks"][2]
    assert doc["blocks"][3]["items"][0]["portion"] == "U"
    with pytest.raises(InvalidInput, match=r"block 2: portion mark 'X'"):
        body("X")


def test_the_marking_rolls_up_to_the_highest_portion(library):
    brief = library.briefs.create("B", body=body("U", "C"))
    assert brief.marking == "CONFIDENTIAL"
    brief = library.briefs.save_body(brief.id, body("U", "S", listed="C"))
    assert brief.marking == "SECRET"
    # a higher marking stays; caveats stay when the level rises
    brief = library.briefs.update(brief.id, marking="TOP SECRET")
    assert library.briefs.save_body(brief.id, body("C")).marking == "TOP SECRET"
    library.briefs.update(brief.id, marking="SECRET//NOFORN")
    assert library.briefs.save_body(brief.id, body("TS")).marking == "TOP SECRET//NOFORN"
    tlp = library.briefs.create("T", marking="TLP:GREEN", body=body("TLP:AMBER", "TLP:CLEAR"))
    assert tlp.marking == "TLP:AMBER"


def test_the_marking_cannot_be_set_lower_than_a_portion(library):
    brief = library.briefs.create("B", body=body("U", "S"))
    for lower in ("CONFIDENTIAL", "UNCLASSIFIED", ""):
        with pytest.raises(InvalidInput, match=r"portion marks up to \(S\)"):
            library.briefs.update(brief.id, marking=lower)
    assert library.briefs.get(brief.id).marking == "SECRET"
    assert library.briefs.update(brief.id, marking="TOP SECRET").marking == "TOP SECRET"
    tlp = library.briefs.create("T", body=body("TLP:RED"))
    with pytest.raises(InvalidInput, match="use TLP:RED"):
        library.briefs.update(tlp.id, marking="tlp:amber")


def test_mixed_ladders_are_refused_on_save(library):
    brief = library.briefs.create("B")
    with pytest.raises(InvalidInput, match="mix classification marks and TLP labels"):
        library.briefs.save_body(brief.id, body("C", "TLP:RED"))
    assert library.briefs.get(brief.id).version == 1


def test_a_brief_without_portions_keeps_any_marking(library):
    brief = library.briefs.create("B", marking="OFFICIAL-SENSITIVE", body=body("", ""))
    assert library.briefs.update(brief.id, marking="").marking == ""


def test_lint_reports_unmarked_paragraphs_and_a_free_text_overall_marking():
    doc = body("C", "", listed="U")
    findings = lint.check(doc, {}, marking="OFFICIAL")
    assert [(f.rule, f.paragraph) for f in findings] == [
        (portions.OVERALL, 0),
        (portions.PORTION_MISSING, 2),
    ]
    assert "CONFIDENTIAL" in findings[0].suggestion
    assert lint.check(body("C", "U"), {}, marking="SECRET") == []
    assert lint.check(body("", ""), {}, marking="") == []
