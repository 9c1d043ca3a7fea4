"""Issue 13 in core: a brief's real version/status/date, an excerpt's speaker, right-to-
left paragraphs by their first strong character, and paraphrase markers that never
join another excerpt's quote."""

import shutil
from datetime import date

import pytest

from briefer.core import document as d
from briefer.core.errors import InvalidInput
from briefer.core.library import Library
from tests.core.test_library_file import V1_FIXTURE

ARABIC = "أعلنت وزارة الدفاع أن الضربات ستستمر."


def test_release_fields_are_set_apart_from_the_save_counter(library):
    brief = library.briefs.create("Weekly", template="Standard brief")
    assert (brief.doc_version, brief.doc_date, brief.status) == (1, None, "draft")
    library.briefs.add_text(brief.id, "bluf", "Words.")
    set_ = library.briefs.set_release(brief.id, status="final", version=2, on=date(2024, 2, 10))
    assert (set_.doc_version, set_.doc_date, set_.status) == (2, date(2024, 2, 10), "final")
    assert set_.version == 2  # the save counter went on its own way (one save)
    assert library.briefs.get(brief.id).doc_date == date(2024, 2, 10)
    with pytest.raises(InvalidInput, match="version"):
        library.briefs.set_release(brief.id, version=0)


def test_saving_a_version_raises_the_real_version_an_automatic_snapshot_does_not(library):
    brief = library.briefs.create("Weekly")
    library.briefs.save_revision(brief.id, "Kept automatically while editing")
    assert library.briefs.get(brief.id).doc_version == 1
    library.briefs.save_revision(brief.id, "sent to the desk", new_version=True)
    assert library.briefs.get(brief.id).doc_version == 2


def test_v1_library_climbs_to_release_fields_and_speaker(tmp_path):
    path = tmp_path / "old.briefer"
    shutil.copy(V1_FIXTURE, path)
    with Library.open(path) as lib:
        brief = lib.briefs.get(1)
        assert brief.doc_version == 1 and brief.doc_date is None
        excerpt = lib.excerpts.list(ids=list(brief.citations))[0]
        assert excerpt.speaker == ""
        assert lib.excerpts.update(excerpt.id, speaker=" Jane  Doe ").speaker == "Jane Doe"


def test_speaker_is_read_from_said_next_to_the_quote_and_editable(library, add_source):
    body = (
        'Officials met in Erbil. "We will respond to every attack," said Hadi al-Amiri, '
        "the Badr leader. The strikes continued.\n\nThe ministry said little."
    )
    src = add_source("Talks", body)
    quoted = library.excerpts.add_quote(src.id, "We will respond to every attack,")
    assert quoted.speaker == "Hadi al-Amiri"
    plain = library.excerpts.add_quote(src.id, "Officials met in Erbil.")
    assert plain.speaker == ""
    assert library.excerpts.update(quoted.id, speaker="Hadi al-Ameri").speaker == "Hadi al-Ameri"
    chosen = library.excerpts.add_quote(src.id, "The strikes continued.", speaker="Reporter")
    assert chosen.speaker == "Reporter"


def test_first_strong_character_makes_paragraphs_and_items_rtl():
    body = d.normalize(
        {
            "blocks": [
                d.paragraph("« " + ARABIC),
                {"type": "quote", "content": [d.text(ARABIC + " (US)")]},
                d.paragraph("English first, then " + ARABIC),
                {
                    "type": "list",
                    "items": [{"content": [d.text(ARABIC)]}, {"content": [d.text("x")]}],
                },
            ]
        }
    )
    blocks = body["blocks"]
    assert blocks[0]["dir"] == "rtl" and blocks[1]["dir"] == "rtl"
    assert "dir" not in blocks[2]
    assert blocks[3]["items"][0]["dir"] == "rtl" and "dir" not in blocks[3]["items"][1]


def test_paraphrase_marker_never_joins_another_excerpts_quote(library, add_source):
    src = add_source("Talks", "Baghdad protested the strikes.\n\nErbil kept quiet.", outlet="Rudaw")
    quoted = library.excerpts.add_quote(src.id, "Baghdad protested the strikes.")
    other = library.excerpts.add_quote(src.id, "Erbil kept quiet.")
    brief = library.briefs.create("Weekly", template="Standard brief")
    library.briefs.add_excerpt(brief.id, "background", quoted.id)
    after = library.briefs.add_excerpt(brief.id, "background", other.id, paraphrase=True)
    blocks = after.body["blocks"]
    quote = next(b for b in blocks if b["type"] == "quote")
    assert [n for n in quote["content"] if n["type"] == "citation"] == [d.citation(quoted.id)]
    placeholder = blocks[blocks.index(quote) + 1]
    assert placeholder["type"] == "paragraph"
    assert placeholder["content"] == [
        d.text("[paraphrase of Rudaw, “Talks”]"),
        d.citation(other.id),
    ]
    assert d.placeholders(after.body) == [f"block {blocks.index(placeholder) + 1}"]


def test_paraphrase_marker_joins_the_analysts_own_paragraph(library, add_source):
    src = add_source("Talks", "Baghdad protested the strikes.")
    excerpt = library.excerpts.add_quote(src.id, "Baghdad protested the strikes.")
    brief = library.briefs.create("Weekly", template="Standard brief")
    library.briefs.add_text(brief.id, "background", "Baghdad objected.")
    after = library.briefs.add_excerpt(brief.id, "background", excerpt.id, paraphrase=True)
    para = next(
        b
        for b in after.body["blocks"]
        if b["type"] == "paragraph"
        and b["content"]
        and b["content"][0].get("text") == "Baghdad objected."
    )
    assert para["content"][-1] == d.citation(excerpt.id)
    assert d.placeholders(after.body) == []


def test_cli_excerpt_takes_a_speaker(library, library_path, add_source, capsys):
    from briefer.cli import main

    src = add_source("Talks", "We will respond. The ministry was silent.")
    args = ["excerpt", str(src.id), "--quote", "We will respond.", "--speaker", "Hadi al-Amiri"]
    assert main(["--library", str(library_path), *args]) == 0
    excerpt_id = int(capsys.readouterr().out.strip())
    assert library.excerpts.get(excerpt_id).speaker == "Hadi al-Amiri"
