"""The brief document: validation, canonical form, sections."""

import pytest

from briefer.core import document as d
from briefer.core.errors import InvalidInput


def doc(*blocks):
    return {"format": d.FORMAT, "version": d.VERSION, "blocks": list(blocks)}


def test_normalize_merges_runs_orders_marks_and_drops_empties():
    raw = doc(
        {
            "type": "paragraph",
            "align": "left",
            "dir": "ltr",
            "content": [
                {"type": "text", "text": "Hel", "marks": ["italic", "bold", "bold"]},
                {"type": "text", "text": "lo\x07", "marks": ["bold", "italic"]},
                {"type": "text", "text": ""},
                {"type": "text", "text": " world", "link": "https://e.com"},
                {"type": "citation", "excerpt": 4},
            ],
        }
    )
    assert d.normalize(raw) == doc(
        {
            "type": "paragraph",
            "content": [
                {"type": "text", "text": "Hello", "marks": ["bold", "italic"]},
                {"type": "text", "text": " world", "link": "https://e.com"},
                {"type": "citation", "excerpt": 4},
            ],
        }
    )


def test_every_block_type_survives_normalize_unchanged():
    full = doc(
        d.heading("Key judgments", 1, "key-judgments"),
        {"type": "paragraph", "align": "justify", "dir": "rtl", "content": [d.text("نص")]},
        {"type": "quote", "content": [d.text("quoted"), d.citation(2)]},
        {
            "type": "list",
            "ordered": True,
            "items": [
                {
                    "content": [d.text("one")],
                    "children": [{"type": "list", "ordered": False, "items": [{"content": []}]}],
                },
                {"content": [d.text("two", "strike")], "dir": "rtl"},
            ],
        },
        {
            "type": "table",
            "header": True,
            "rows": [[{"content": [d.text("a")]}, {"content": []}], [{"content": []}] * 2],
        },
        {"type": "source_list"},
    )
    assert d.normalize(full) == full
    assert d.normalize(d.normalize(full)) == full


@pytest.mark.parametrize(
    "bad, message",
    [
        ([], "not a document"),
        ({"format": "other"}, "format"),
        ({"version": 99}, "newer"),
        (doc({"type": "video"}), "block 1: unknown block type"),
        (doc({"type": "heading", "level": 5}), "heading level"),
        (doc(d.paragraph({"type": "citation", "excerpt": "x"})), "excerpt id"),
        (doc(d.paragraph({"type": "text", "text": "a", "marks": ["blink"]})), "marks"),
        (doc({"type": "list", "items": []}), "at least one item"),
        (doc({"type": "table", "rows": [[{"content": []}], []]}), "row 2"),
        (doc({"type": "paragraph", "align": "middle"}), "alignment"),
    ],
)  # fmt: skip
def test_bad_documents_are_refused_naming_the_place(bad, message):
    with pytest.raises(InvalidInput, match=message):
        d.normalize(bad)


def test_add_to_section_fills_placeholders_and_keeps_source_list_last():
    base = doc(
        d.heading("BLUF", 1, "bluf"),
        d.paragraph(),
        d.heading("Key judgments", 1, "key-judgments"),
        {"type": "list", "ordered": True, "items": [{"content": []}]},
        d.heading("Sources", 1, "sources"),
        {"type": "source_list"},
    )
    step = d.add_to_section(base, "BLUF", [d.text("Bottom line.")])
    assert step["blocks"][1] == d.paragraph("Bottom line.")
    step = d.add_to_section(step, "bluf", [d.text("More.")])
    assert step["blocks"][2] == d.paragraph("More.")
    step = d.add_to_section(step, "key judgments", [d.text("KJ one")])
    step = d.add_to_section(step, "Key Judgments", [d.text("KJ two")])
    assert [i["content"][0]["text"] for i in step["blocks"][4]["items"]] == ["KJ one", "KJ two"]
    step = d.add_to_section(step, "sources", [d.text("note")])
    assert step["blocks"][-1] == {"type": "source_list"}
    step = d.add_marker_to_section(step, "bluf", 9)
    assert step["blocks"][2]["content"][-1] == d.citation(9)
    assert base["blocks"][1] == d.paragraph()  # the input is not changed
    with pytest.raises(InvalidInput, match="sections: bluf, key-judgments, sources"):
        d.add_to_section(base, "Outlook", [d.text("x")])


def test_plain_text_numbers_citations():
    body = doc(d.heading("BLUF"), d.paragraph("A claim.", d.citation(3), " And", d.citation(1)))
    assert d.plain_text(body) == "BLUF\nA claim.[1] And[2]"


def test_characters_qt_keeps_for_itself_do_not_survive_normalize():
    raw = doc(d.paragraph("a\u2028b\u2029c\ufffcd\ufdd0e\ufdd1f"))
    assert d.normalize(raw)["blocks"][0]["content"] == [d.text("a b cdef")]
