"""Trafilatura's tree to paragraphs: no word of its own text output is lost or glued."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from lxml import etree

from briefer.ingest.html import _paragraphs, parse_html

WORDS = st.sampled_from(
    [
        "St.",
        "Louis,",
        "MO",
        "Aug.",
        "30",
        "Pepsi",
        "Center",
        "Denver",
        "CO",
        "deal",
        "اتفاق",
        "الجسر",
        "Erbil",
        "—",
        "strikes",
        "news",
    ]
)
SOME_TEXT = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
TEXT = st.one_of(st.none(), SOME_TEXT)
# No <ref>: links are not extracted (include_links=False), so the tree holds none.
INLINE = st.sampled_from(["hi", "lb"])
# Markers both outputs add around words: list bullets and table rules.
MARKERS = re.compile(r"^[-|]+$")


@st.composite
def element(draw, depth: int = 0):
    # The body holds blocks (and line breaks); inline <hi> only inside them.
    tags = ["p", "head", "quote", "list", "table", "lb"] + (["hi"] if depth else [])
    tag = draw(st.sampled_from(tags if depth < 3 else ["p", "head", "lb", "hi"]))
    el = etree.Element(tag)
    if tag == "list":
        for _ in range(draw(st.integers(1, 3))):
            item = etree.SubElement(el, "item")
            item.text = draw(TEXT)
            for child in draw(st.lists(element(depth + 1), max_size=2)):
                if child.tag in ("list", "hi", "lb", "ref"):
                    item.append(child)
    elif tag == "table":
        for _ in range(draw(st.integers(1, 2))):
            row = etree.SubElement(el, "row")
            for _ in range(draw(st.integers(1, 3))):
                cell = etree.SubElement(row, "cell")
                cell.text = draw(TEXT)
                if draw(st.booleans()):
                    lb = etree.SubElement(cell, "lb")
                    lb.tail = draw(TEXT)
    elif tag != "lb":
        el.text = draw(SOME_TEXT if tag == "hi" else TEXT)
        children = (
            st.lists(element(depth + 1), max_size=3)
            if tag in ("p", "quote")
            else st.lists(st.builds(etree.Element, INLINE), max_size=2)
        )
        for child in draw(children):
            if child.tag == "hi" and not child.text:
                # trafilatura's own output drops the tail of an empty <hi/>: not our case.
                child.text = draw(SOME_TEXT)
            child.tail = draw(TEXT)
            el.append(child)
    return el


@st.composite
def body(draw):
    root = etree.Element("body")
    root.text = draw(TEXT)
    for child in draw(st.lists(element(), min_size=1, max_size=6)):
        child.tail = draw(TEXT)
        root.append(child)
    return root


def _tokens(text: str) -> list[str]:
    return [t for t in text.split() if not MARKERS.match(t)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body())
def test_every_word_of_trafilaturas_text_is_kept_in_order(tree):
    from trafilatura.xml import xmltotxt

    note(etree.tostring(tree, encoding="unicode"))
    theirs = _tokens(xmltotxt(tree, False))
    ours = _tokens("\n\n".join(_paragraphs(tree)))
    # Every word of theirs, in order, as a whole token of ours (a glued "MOAug." fails).
    rest = iter(ours)
    missing = [word for word in theirs if not any(word == mine for mine in rest)]
    assert not missing, (theirs, ours)


def test_tail_text_after_a_heading_is_kept():
    tree = etree.fromstring(
        "<body>Loose opening text.<head>Acme buys Widget</head>Acme pays 3 million for "
        "Widget, closing in May.<p>Second paragraph.</p>Text after it.</body>"
    )
    assert _paragraphs(tree) == [
        "Loose opening text.",
        "Acme buys Widget",
        "Acme pays 3 million for Widget, closing in May.",
        "Second paragraph.",
        "Text after it.",
    ]


def test_line_breaks_are_word_boundaries():
    tree = etree.fromstring(
        "<body><p>Busch Stadium, St. Louis, MO<lb/>Aug. 30 -- Pepsi Center, Denver, CO"
        "<lb/>Sept. 2</p></body>"
    )
    text = "\n\n".join(_paragraphs(tree))
    assert "MOAug." not in text and "COSept." not in text
    assert (
        text.split()
        == "Busch Stadium, St. Louis, MO Aug. 30 -- Pepsi Center, Denver, CO Sept. 2".split()
    )


def test_nested_list_items_are_not_repeated():
    tree = etree.fromstring(
        "<body><list><item>outer<list><item>inner</item></list></item></list></body>"
    )
    assert _paragraphs(tree) == ["- outer", "- inner"]


DEALS_PAGE = """<!DOCTYPE html><html><head><title>Deals of the week</title></head><body>
<article><h1>Deals of the week</h1>
<p>Here are this week's notable deals in the region, with what each buyer pays.</p>
<h2>Acme buys Widget</h2>Acme Holdings pays 3 million dollars for the Widget plant in
Erbil, the company said on Tuesday, closing the sale in May.
<h2>Delta sells its port stake</h2>Delta Logistics sells its 40 percent stake in the
Umm Qasr terminal to a Gulf investor for an undisclosed sum.
<h2>Tour dates</h2><p>Busch Stadium, St. Louis, MO<br>Aug. 30 -- Pepsi Center, Denver,
CO<br>Sept. 2 -- Target Center, Minneapolis, MN</p>
</article></body></html>"""


def test_saved_page_keeps_deal_descriptions_and_breaks(no_network):
    article = parse_html(DEALS_PAGE)
    assert "Acme Holdings pays 3 million dollars" in article.body
    assert "Umm Qasr terminal to a Gulf investor" in article.body
    assert "MOAug." not in article.body
    assert "MO\nAug. 30" in article.body or "MO Aug. 30" in article.body


def test_json_ld_author_types_as_lists(no_network):
    page = (
        "<html><head><meta name='author' content='Daily Ledger Media'>"
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "headline": '
        '"Budget vote delayed", "author": [{"@type": ["Person"], "name": '
        '"Mira Sadeq"}]}</script></head><body><article><h1>Budget vote delayed</h1>'
        "<p>The parliament postponed its vote on the budget again on Monday, members "
        "said, after a day of talks between the blocs.</p></article></body></html>"
    )
    assert parse_html(page).authors == ("Mira Sadeq",)


def test_markup_dates_written_out_are_read(no_network):
    for value, expected in (
        ("Tue, 19 Nov 2019 07:03:25 GMT", "2019-11-19"),
        ("November 18, 2019", "2019-11-18"),
        ("0000-00-00 00:00:00", None),
    ):
        page = (
            f"<html><head><meta property='article:published_time' content='{value}'>"
            "</head><body><article><h1>Budget vote delayed</h1><p>The parliament "
            "postponed its vote on the budget again on Monday, members said, after a "
            "day of talks.</p></article></body></html>"
        )
        published = parse_html(page).published
        assert (published.isoformat() if published else None) == expected
