"""Ctrl+C on an excerpt: the full citation as plain text and as HTML (issue 12)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from briefer.export.references import full_citation, segments_html, segments_text

FIELDS = dict(
    outlet="Rudaw",
    authors=("Jane Doe",),
    published=date(2024, 2, 9),
    published_precision="day",
    url="https://www.rudaw.net/english/world/0902",
    accessed=date(2024, 2, 10),
    reliability="B",
)
PLAIN = (
    "“Body” — Rudaw, Jane Doe, “Pentagon briefing”, 9 February 2024, "
    "https://www.rudaw.net/english/world/0902, accessed 10 February 2024, para. 1 [B2]."
)


def test_full_citation_text_and_html(library, add_source):
    source = add_source("Pentagon <briefing>", **FIELDS)
    excerpt = library.excerpts.add(source.id, 0, 4, credibility=2)
    segments = full_citation(excerpt, library.sources.get(source.id))
    assert segments_text(segments).startswith("“Body” — Rudaw, Jane Doe, “Pentagon <briefing>”")
    html = segments_html(segments)
    assert "Pentagon &lt;briefing&gt;" in html
    assert '<a href="https://www.rudaw.net/english/world/0902">' in html
    assert html.startswith("<p>“Body” — ") and html.endswith("[B2].</p>")


def test_ctrl_c_in_the_panel_copies_text_and_html(qtbot, window, library, add_source):
    source = add_source("Pentagon briefing", **FIELDS)
    excerpt = library.excerpts.add(source.id, 0, 4, credibility=2)
    window.sources.open_source(source.id)
    panel = window.excerpts_panel
    panel.select_excerpt(excerpt.id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == PLAIN
    assert mime.hasHtml()
    html = mime.html()
    for part in ("“Body”", "Rudaw", "Jane Doe", "“Pentagon briefing”", "9 February 2024",
                 "https://www.rudaw.net/english/world/0902", "[B2]"):  # fmt: skip
        assert part in html
    assert html.index("“Body”") < html.index("Rudaw") < html.index("[B2]")


def test_ctrl_c_on_a_reader_highlight_copies_its_citation(qtbot, window, library, add_source):
    source = add_source("Pentagon briefing", **FIELDS)
    library.excerpts.add(source.id, 0, 4, credibility=2)
    window.sources.open_source(source.id)
    reader = window.tabs.currentWidget().reader
    QGuiApplication.clipboard().setText("before")
    reader.select_span(1, 1)  # the cursor inside "Body", nothing selected
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == PLAIN
    assert "Jane Doe" in mime.html()
    # Selected words copy as words, as in any text view.
    reader.select_span(8, 12)
    qtbot.keyClick(reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == source.body[8:12]
