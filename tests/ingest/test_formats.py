"""Saved pages, web archives, Word, PDF and e-mail: article text and metadata come out."""

import socket
from datetime import date
from email.message import EmailMessage

import pytest

from briefer.ingest import IngestError, parse_bytes


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly if anything tries to open a connection or resolve a name."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_saved_page(article_html, no_network):
    src = parse_bytes(article_html.encode(), "page.html")
    assert src.title == "Pentagon sending ‘clear message’ with strikes"
    assert src.outlet == "Rudaw"
    assert src.authors == ("Azhi Rasul",)
    assert src.url == "https://www.rudaw.net/english/middleeast/iraq/090220241"
    assert src.published == date(2024, 2, 9)
    assert not src.published_ambiguous
    assert src.dateline == "Erbil, Kurdistan Region"
    assert src.language == "en"
    assert src.original_format == "html"
    assert src.original.media_type == "text/html"
    assert src.body.startswith("ERBIL, Kurdistan Region - The purpose")
    assert "late January" in src.body
    assert len(src.body.split("\n\n")) == 3


def test_saved_page_body_is_plain_text_without_chrome_or_resources(article_html, no_network):
    body = parse_bytes(article_html.encode(), "page.htm").body
    for unwanted in (
        "<",
        "http",
        "TRACKING-SCRIPT-TEXT",
        "cookies",
        "Newsletter",
        "A+ A-",
        "Share Tweet",
        "moderates all comments",
        "Required",
        "Home",
        "All rights reserved",
        "background",
    ):
        assert unwanted not in body, unwanted


def test_page_without_metadata_uses_the_text(no_network):
    html = (
        b"<html><body><div id='menu'><a href='/'>Home</a> <a href='/x'>World</a></div>"
        b"<div class='story'><h1>Strikes on Iraqi armed groups</h1>"
        b"<p class='date'>09-02-2024</p>"
        b"<p>ERBIL, Kurdistan Region - The purpose of the attacks on armed groups is to "
        b"degrade their capabilities, a spokesperson told Rudaw on Thursday.</p>"
        b"<p>The February 2 strikes hit more than 85 targets in Iraq and Syria after a "
        b"drone strike in late January killed three US troops in Jordan.</p></div>"
        b"<div class='policy'><p>Rudaw moderates all comments submitted on our website.</p>"
        b"</div></body></html>"
    )
    src = parse_bytes(html, "story.html")
    assert src.outlet == "Rudaw"
    assert src.published == date(2024, 2, 9)
    assert not src.published_ambiguous
    assert src.published_alternatives == (date(2024, 2, 9), date(2024, 9, 2))
    assert src.body.startswith("ERBIL")


def test_saved_from_comment_gives_url_and_cp1256_page_decodes(no_network):
    arabic = "قال متحدث باسم وزارة الدفاع الأمريكية إن الغارات تهدف إلى إضعاف قدرات الجماعات"
    html = (
        "<!-- saved from url=(0031)https://example.org/ar/story-1 -->\n"
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
        "<title>عنوان الخبر</title></head><body><article><h1>عنوان الخبر</h1>"
        f"<p>{arabic} المسلحة في العراق.</p><p>{arabic} في سوريا أيضا.</p></article>"
        "</body></html>"
    ).encode("cp1256")
    src = parse_bytes(html, "story.htm")
    assert src.url == "https://example.org/ar/story-1"
    assert src.language == "ar"
    assert arabic in src.body


def test_malformed_html_still_imports_its_text(no_network):
    html = (
        b"<html><body><p>Unclosed <b>bold <div><p>The minister said on Monday that the "
        b"talks would resume next week in Baghdad with all parties present.<table><tr><td>"
    )
    src = parse_bytes(html, "broken.html")
    assert "talks would resume next week" in src.body


def test_html_with_no_text_is_refused():
    with pytest.raises(IngestError, match="no article text"):
        parse_bytes(
            b"<html><head><script>var a=1;</script></head><body></body></html>", "empty.html"
        )


def mhtml_bytes(html: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = "https://www.rudaw.net/english/snapshot"
    msg["Subject"] = "Pentagon sending clear message"
    msg["Date"] = "Sat, 10 Feb 2024 08:30:00 +0000"
    msg.make_related()
    msg.add_related(html, subtype="html", cid="<frame-1>")
    msg.get_payload()[0]["Content-Location"] = "https://www.rudaw.net/english/snapshot"
    msg.add_related(
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, maintype="image", subtype="png", cid="<img-1>"
    )
    return msg.as_bytes()


def test_mhtml_archive(article_html, no_network):
    src = parse_bytes(mhtml_bytes(article_html), "page.mhtml")
    assert src.original_format == "mhtml"
    assert src.accessed == date(2024, 2, 10)  # the archive's Date header
    assert src.url == "https://www.rudaw.net/english/middleeast/iraq/090220241"
    assert src.title == "Pentagon sending ‘clear message’ with strikes"
    assert src.body.startswith("ERBIL, Kurdistan Region")


def test_mhtml_without_canonical_uses_the_snapshot_location(no_network):
    html = (
        "<html><body><article><p>"
        + "The council met on Sunday to discuss water. " * 5
        + "</p></article></body></html>"
    )
    src = parse_bytes(mhtml_bytes(html), "page.mht")
    assert src.url == "https://www.rudaw.net/english/snapshot"


def test_mhtml_without_a_page_is_refused():
    msg = EmailMessage()
    msg["Subject"] = "x"
    msg.set_content("just text")
    with pytest.raises(IngestError, match="no web page"):
        parse_bytes(msg.as_bytes(), "odd.mhtml")


def test_docx_paragraphs_and_footnotes(make_docx):
    data = make_docx(
        [
            "Water crisis in Basra",
            "By Jane Smith",
            "BASRA, Iraq - Salinity in the Shatt al-Arab rose again this summer, officials said, "
            "forcing farmers to abandon fields along the river.",
            "The ministry blamed upstream dams and low rainfall.",
        ],
        title="Water crisis in Basra",
        footnote="Ministry of Water Resources, annual report 2023.",
    )
    src = parse_bytes(data, "basra.docx")
    assert src.title == "Water crisis in Basra"
    assert src.authors == ("Jane Smith",)
    assert src.dateline == "Basra, Iraq"
    assert src.original_format == "docx"
    assert src.body.startswith("BASRA, Iraq - Salinity")
    assert "low rainfall." in src.body
    assert "Ministry of Water Resources, annual report 2023." in src.body
    assert "Water crisis in Basra" not in src.body


def test_pdf_text_layer(make_pdf):
    data = make_pdf(
        [
            "Oil exports resume",
            "By Ali Hassan",
            "BAGHDAD - Iraq resumed oil exports through the northern pipeline on Tuesday",
            "after a pause of several months, the oil ministry said in a statement.",
            "",
            "Officials expect the flow to reach full capacity within weeks.",
        ]
    )
    src = parse_bytes(data, "oil.pdf")
    assert src.title == "Oil exports resume"
    assert src.authors == ("Ali Hassan",)
    assert src.dateline == "Baghdad"
    assert src.original_format == "pdf"
    assert "northern pipeline on Tuesday after a pause" in src.body
    assert "full capacity within weeks." in src.body


def test_scanned_pdf_without_text_layer_is_refused():
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(IngestError, match="no text layer; OCR is not supported"):
        parse_bytes(buf.getvalue(), "scan.pdf")


def test_encrypted_pdf_is_refused(make_pdf):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Secret text here."]))))
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(IngestError, match="encrypted PDF"):
        parse_bytes(buf.getvalue(), "locked.pdf")


def test_pdf_with_empty_user_password_is_read(make_pdf):
    import io

    from pypdf import PdfReader, PdfWriter

    text = "The committee met in Erbil on Monday to discuss the electoral law."
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([text]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert "electoral law" in parse_bytes(buf.getvalue(), "open.pdf").body


def test_eml_plain_and_html():
    msg = EmailMessage()
    msg["From"] = "Iraq Daily Brief <brief@example.org>"
    msg["Subject"] = "Morning brief: budget talks"
    msg["Date"] = "Fri, 09 Feb 2024 06:00:00 +0300"
    msg.set_content(
        "Negotiators in Baghdad agreed on the outline of the budget on Thursday, "
        "two officials said.\n\nUnsubscribe | Manage preferences\n"
    )
    msg.add_alternative(
        "<html><body><p>Negotiators in Baghdad agreed.</p></body></html>", subtype="html"
    )
    src = parse_bytes(msg.as_bytes(), "brief.eml")
    assert src.title == "Morning brief: budget talks"
    assert src.outlet == "Iraq Daily Brief"
    assert src.published == date(2024, 2, 9)
    assert src.original_format == "eml"
    assert src.body.startswith("Negotiators in Baghdad agreed on the outline")

    html_only = EmailMessage()
    html_only["From"] = "news@example.org"
    html_only["Subject"] = "HTML only"
    html_only.set_content(
        "<html><body><p>"
        + "Turkish strikes hit targets in Duhok province on Tuesday. " * 3
        + "</p><p>Unsubscribe</p></body></html>",
        subtype="html",
    )
    src = parse_bytes(html_only.as_bytes(), "html.eml")
    assert src.title == "HTML only"
    assert "Turkish strikes hit targets" in src.body
    assert "<p>" not in src.body
