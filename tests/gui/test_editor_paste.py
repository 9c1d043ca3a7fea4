"""Paste from Word or a web page: the basic formatting stays, the rest and any remote
resource go; control characters are dropped; a huge paste is refused with a message."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor

from briefer.core import document as bdoc
from briefer.gui.editor import paste
from briefer.gui.editor.editor_widget import BriefEditor

WEB_PAGE = """<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>
<h2 style="color:blue">Strikes <b>continue</b></h2>
<p style="font-family:Comic Sans MS">The <b>ministry</b> said <i>talks</i> <u>resume</u>
<s>today</s>. <a href="https://example.org/a">Report</a>, <a href="javascript:alert(1)">bad</a>,
<a href="file:///etc/passwd">local</a>.<img src="http://127.0.0.1:9/track.png">
<span style="background:url(http://127.0.0.1:9/bg.png)">styled</span></p>
<blockquote>A quotation.</blockquote>
<ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>
<ol><li>First</li></ol>
<table><tr><th>Province</th><th>Deaths</th></tr><tr><td>Anbar</td><td>12</td></tr></table>
<p dir="rtl">مرحبا بالعالم 😀</p>
</body></html>"""


def test_web_page_keeps_basic_formatting_and_drops_the_rest():
    body = paste.body_from_html(WEB_PAGE)
    blocks = body["blocks"]
    assert blocks[0] == {"type": "heading", "level": 2, "content": [bdoc.text("Strikes continue")]}
    para = blocks[1]["content"]
    assert bdoc.text("ministry", "bold") in para
    assert bdoc.text("talks", "italic") in para
    assert bdoc.text("resume", "underline") in para
    assert bdoc.text("today", "strike") in para
    assert bdoc.text("Report", link="https://example.org/a") in para
    assert all(n.get("link", "").startswith("https://") for n in para if "link" in n)
    assert "alert" not in str(body) and "track.png" not in str(body)
    assert blocks[2] == {"type": "quote", "content": [bdoc.text("A quotation.")]}
    assert blocks[3]["type"] == "list" and not blocks[3]["ordered"]
    assert blocks[3]["items"][0]["children"][0]["items"][0]["content"] == [bdoc.text("Nested")]
    assert blocks[4]["ordered"] is True
    assert blocks[5]["type"] == "table" and blocks[5]["rows"][1][0]["content"] == [
        bdoc.text("Anbar")
    ]
    assert blocks[6] == {
        "type": "paragraph",
        "dir": "rtl",
        "content": [bdoc.text("مرحبا بالعالم 😀")],
    }


def test_nothing_remote_is_ever_asked_for(monkeypatch):
    asked = []
    original = paste._OfflineDocument.loadResource

    def spy(self, kind, name):
        asked.append(name.toString())
        return original(self, kind, name)

    monkeypatch.setattr(paste._OfflineDocument, "loadResource", spy)
    paste.body_from_html(WEB_PAGE)
    stripped = paste.strip_html(WEB_PAGE)
    assert "<img" not in stripped and "src=" not in stripped and "url(" not in stripped
    assert not [a for a in asked if "127.0.0.1" in a]


def test_word_html_lists_and_mso_noise():
    word = (
        "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>"
        "<p class=MsoNormal><b>Bold</b> and <i>italic</i><o:p></o:p></p>"
        "<p class=MsoListParagraph><![if !supportLists]><span>·<span>&nbsp;</span></span>"
        "<![endif]>Item</p></body></html>"
    )
    blocks = paste.body_from_html(word)["blocks"]
    assert blocks[0]["content"] == [bdoc.text("Bold", "bold"), bdoc.text(" and "),
                                    bdoc.text("italic", "italic")]  # fmt: skip
    assert blocks[1]["content"] == [bdoc.text("Item")]


def editor(qtbot) -> BriefEditor:
    widget = BriefEditor()
    qtbot.addWidget(widget)
    widget.set_body(bdoc.normalize({"blocks": [bdoc.paragraph("Start ")]}))
    widget.moveCursor(QTextCursor.MoveOperation.End)
    return widget


def test_plain_text_paste_drops_control_characters_and_keeps_emoji_and_rtl(qtbot):
    widget = editor(qtbot)
    mime = QMimeData()
    mime.setText("tab\tkept, bell\x07 and nul\x00 gone 😀\nשלום עולם")
    widget.insertFromMimeData(mime)
    assert widget.body()["blocks"] == [
        bdoc.paragraph("Start tab\tkept, bell and nul gone 😀"),
        {"type": "paragraph", "dir": "rtl", "content": [bdoc.text("שלום עולם")]},
    ]


def test_paste_over_the_limit_is_refused_with_a_message(qtbot):
    widget = editor(qtbot)
    mime = QMimeData()
    mime.setText("x" * (paste.MAX_PASTE_CHARS + 1))
    with qtbot.waitSignal(widget.message, timeout=1_000) as signal:
        widget.insertFromMimeData(mime)
    assert signal.args[0].startswith("Paste refused")
    assert widget.body()["blocks"] == [bdoc.paragraph("Start ")]


def test_paste_of_several_megabytes_of_html_is_refused_not_parsed(qtbot):
    widget = editor(qtbot)
    mime = QMimeData()
    mime.setHtml("<p>" + "word " * 1_000_000 + "</p>")
    with qtbot.waitSignal(widget.message, timeout=2_000):
        widget.insertFromMimeData(mime)
    assert widget.toPlainText() == "Start "


def test_word_list_paragraphs_paste_as_nested_lists():
    def item(level: int, marker: str, words: str) -> str:
        return (
            f"<p class=MsoListParagraphCxSpMiddle style='margin-left:{level * 36}pt;"
            f"mso-list:l0 level{level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>"
            f"{marker}<span>&nbsp;&nbsp;</span></span><![endif]>{words}<o:p></o:p></p>"
        )

    word = (
        "<html><body><p class=MsoNormal>Before<o:p></o:p></p>"
        + item(1, "1.", "First")
        + item(2, "a.", "First, detail")
        + item(1, "2.", "<b>Second</b>")
        + "<p class=MsoNormal>Between<o:p></o:p></p>"
        + item(1, "·", "A bullet")
        + item(1, "·", "Another")
        + "</body></html>"
    )
    blocks = paste.body_from_html(word)["blocks"]
    assert [b["type"] for b in blocks] == ["paragraph", "list", "paragraph", "list"]
    numbered, bullets = blocks[1], blocks[3]
    assert numbered["ordered"] and not bullets["ordered"]
    assert [i["content"] for i in numbered["items"]] == [
        [bdoc.text("First")],
        [bdoc.text("Second", "bold")],
    ]
    (nested,) = numbered["items"][0]["children"]
    assert nested["ordered"] and nested["items"][0]["content"] == [bdoc.text("First, detail")]
    assert [i["content"][0]["text"] for i in bullets["items"]] == ["A bullet", "Another"]
    assert "1." not in paste.strip_html(word) and "·" not in paste.strip_html(word)
