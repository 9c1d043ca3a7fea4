"""The editor's structure <-> QTextDocument conversion: lossless, and deaf to looks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from briefer.core import document as bdoc
from briefer.gui.editor.convert import read_document, write_document

# Qt keeps these for its own structure (paragraph/line separators, frames, objects);
# the editor drops them on load, so the round trip is measured on everything else.
QT_RESERVED = "\u2028\u2029\ufffc\ufdd0\ufdd1"

chars = st.characters(blacklist_categories=("Cs",), blacklist_characters=QT_RESERVED)
words = st.text(chars, min_size=1, max_size=12)
marks = st.lists(st.sampled_from(bdoc.MARKS), unique=True, max_size=4)
links = st.one_of(
    st.none(),
    st.sampled_from(["https://example.org/a?b=1", "mailto:desk@example.org", "http://x.y"]),
)


@st.composite
def text_run(draw):
    return bdoc.text(draw(words), *draw(marks), link=draw(links))


inline_node = st.one_of(text_run(), st.integers(min_value=1, max_value=600).map(bdoc.citation))
content = st.lists(inline_node, max_size=6)
portion_marks = st.sampled_from(["U", "C", "S", "TS", "TLP:AMBER", "TLP:CLEAR"])
paragraph_attrs = st.fixed_dictionaries(
    {},
    optional={
        "align": st.sampled_from(["center", "right", "justify", "left"]),
        "dir": st.sampled_from(["rtl", "ltr"]),
        "portion": portion_marks,
    },
)
section_ids = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,12}\Z")


@st.composite
def simple_block(draw):
    kind = draw(st.sampled_from(["paragraph", "quote", "heading"]))
    node = {"type": kind, "content": draw(content), **draw(paragraph_attrs)}
    if kind == "heading":
        node["level"] = draw(st.integers(1, 3))
        section = draw(st.one_of(st.none(), section_ids))
        if section:
            node["section"] = section
    return node


def list_block(depth: int = 0):
    children = (
        st.lists(st.deferred(lambda: list_block(depth + 1)), max_size=2)
        if depth < 3
        else st.just([])
    )
    item = st.fixed_dictionaries(
        {"content": content},
        optional={"children": children, "dir": st.sampled_from(["rtl"]), "portion": portion_marks},
    )
    return st.fixed_dictionaries(
        {
            "type": st.just("list"),
            "ordered": st.booleans(),
            "items": st.lists(item, min_size=1, max_size=3),
        }
    )


@st.composite
def table_block(draw):
    width = draw(st.integers(1, 3))
    height = draw(st.integers(1, 3))
    rows = [[{"content": draw(content)} for _ in range(width)] for _ in range(height)]
    return {"type": "table", "header": draw(st.booleans()), "rows": rows}


blocks = st.one_of(simple_block(), list_block(), table_block(), st.just({"type": "source_list"}))
documents = st.lists(blocks, max_size=8).map(lambda b: bdoc.normalize({"blocks": b}))


def round_trip(body: dict) -> dict:
    doc = QTextDocument()
    write_document(doc, body)
    return read_document(doc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_structure_to_editor_to_structure_is_lossless(qapp, body):
    assert round_trip(body) == bdoc.normalize(body)


def test_portion_marks_survive_editor_to_document_to_editor(qapp):
    """The bug: the editor dropped `portion` on save, so a mark set with `briefer
    portion` vanished the next time the brief was typed in."""
    from briefer.gui.editor.editor_widget import BriefEditor

    body = bdoc.normalize(
        {
            "blocks": [
                {**bdoc.paragraph("Strikes go on."), "portion": "C"},
                {**bdoc.paragraph("Quoted."), "type": "quote", "portion": "U"},
                {"type": "list", "items": [{"content": [bdoc.text("One.")], "portion": "S"},
                                           {"content": [bdoc.text("Two.")]}]},
            ]
        }
    )  # fmt: skip
    editor = BriefEditor()
    editor.set_body(body)
    saved = editor.body()
    assert saved == body
    again = BriefEditor()
    again.set_body(saved)
    assert again.body() == body


def test_shipped_templates_survive_the_round_trip(qapp):
    from briefer.core.templates import structure_templates

    templates, problems = structure_templates()
    assert len(templates) >= 3 and not problems
    for template in templates:
        assert round_trip(template.document) == template.document, template.name


def test_empty_paragraphs_kept_but_qt_filler_blocks_dropped(qapp):
    table = {"type": "table", "header": False, "rows": [[{"content": []}]]}
    assert round_trip(bdoc.empty_document())["blocks"] == []
    assert round_trip({"blocks": [bdoc.paragraph()]})["blocks"] == [
        {"type": "paragraph", "content": []}
    ]
    assert [b["type"] for b in round_trip({"blocks": [table, table]})["blocks"]] == [
        "table",
        "table",
    ]


def test_heading_weight_is_not_read_as_bold(qapp):
    doc = QTextDocument()
    doc.setHtml(
        "<h2>Plain heading <b>bold</b></h2>"
        "<p>body <b>bold</b> <span style='font-weight:600'>semi</span></p>"
    )
    body = read_document(doc)
    assert body["blocks"][0] == {
        "type": "heading",
        "level": 2,
        "content": [bdoc.text("Plain heading bold")],
    }
    assert body["blocks"][1]["content"] == [
        bdoc.text("body "),
        bdoc.text("bold", "bold"),
        bdoc.text(" "),
        bdoc.text("semi", "bold"),
    ]


def test_looks_are_ignored_and_text_typed_after_a_marker_stays_text(qapp):
    doc = QTextDocument()
    write_document(doc, {"blocks": [bdoc.paragraph("See", bdoc.citation(4))]})
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" more")  # takes the marker's format, as typing does
    fmt = cursor.charFormat()
    fmt.setFontPointSize(31)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(fmt)
    assert read_document(doc)["blocks"] == [bdoc.paragraph("See", bdoc.citation(4), " more")]
