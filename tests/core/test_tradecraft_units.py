"""Reading a brief as units with places, and replacing words inside one."""

from __future__ import annotations

import pytest

from briefer.core import document
from briefer.core.errors import InvalidInput
from briefer.core.tradecraft.units import replace_text, units


def doc():
    return document.normalize(
        {
            "blocks": [
                document.paragraph("Before any heading."),
                document.heading("Key judgments", section="key-judgments"),
                {
                    "type": "list",
                    "items": [
                        {
                            "content": [
                                document.text("Iran "),
                                document.text("might", "bold"),
                                document.text(" retaliate."),
                                document.citation(4),
                            ],
                            "children": [
                                {"type": "list", "items": [{"content": [document.text("Sub.")]}]}
                            ],
                        },
                        {"content": [document.text("Second.")]},
                    ],
                },
                document.heading("Detail", level=2),
                document.paragraph("Under a sub-heading."),
                {"type": "table", "rows": [[{"content": [document.text("Cell.")]}]]},
            ]
        }
    )


def test_units_carry_section_scope_paragraph_and_citations():
    found = [(u.section, u.scope, u.paragraph, u.kind, u.depth, u.text) for u in units(doc())]
    assert found == [
        ("", "", 1, "paragraph", 0, "Before any heading."),
        ("key-judgments", "key-judgments", 1, "item", 0, "Iran might retaliate."),
        ("key-judgments", "key-judgments", 2, "item", 1, "Sub."),
        ("key-judgments", "key-judgments", 3, "item", 0, "Second."),
        ("Detail", "key-judgments", 1, "paragraph", 0, "Under a sub-heading."),
        ("Detail", "key-judgments", 2, "cell", 0, "Cell."),
    ]
    first = units(doc())[1]
    assert first.citations == (4,) and units(doc())[2].top == first.path


def test_replacing_keeps_marks_and_citations():
    item = units(doc())[1]
    start = item.text.index("might")
    out = replace_text(doc(), item.path, start, start + 5, "will likely")
    assert out["blocks"][2]["items"][0]["content"] == [
        {"type": "text", "text": "Iran "},
        {"type": "text", "text": "will likely", "marks": ["bold"]},
        {"type": "text", "text": " retaliate."},
        {"type": "citation", "excerpt": 4},
    ]
    across = replace_text(doc(), item.path, 2, 8, "X")
    assert across["blocks"][2]["items"][0]["content"][:2] == [
        {"type": "text", "text": "IrX"},
        {"type": "text", "text": "ht", "marks": ["bold"]},
    ]
    end = len(item.text)
    added = replace_text(doc(), item.path, end, end, " High confidence.")
    assert added["blocks"][2]["items"][0]["content"][-2:] == [
        {"type": "citation", "excerpt": 4},
        {"type": "text", "text": " High confidence."},
    ]


def test_a_stale_place_is_refused():
    with pytest.raises(InvalidInput, match="check it again"):
        replace_text(doc(), ("blocks", 9), 0, 1, "x")
    with pytest.raises(InvalidInput, match="check it again"):
        replace_text(doc(), ("blocks", 0), 0, 99, "x")
