"""Fixture makers for ingest tests: every odd file is generated here, not checked in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data" / "ingest"
RUDAW = DATA / "rudaw-2024-02-09-pentagon-strikes.txt"


def pdf_bytes(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a real text layer (Helvetica, one line per entry)."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def docx_bytes(paragraphs: list[str], *, title: str = "", footnote: str = "") -> bytes:
    """A .docx made by python-docx, with one footnote spliced in when asked."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    if not footnote:
        return buf.getvalue()
    return _add_footnote(buf.getvalue(), footnote)


def _add_footnote(data: bytes, text: str) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{w}" xmlns:r="{r}">'
        f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        f"</w:footnotes>"
    )
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(
                    b"</w:t></w:r></w:p>",
                    b'</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
                    1,
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            elif item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                    b"</Types>",
                )
            dst.writestr(item.filename, content)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pentagon sending ‘clear message’ with strikes | Rudaw.net</title>
<meta property="og:site_name" content="Rudaw">
<meta property="og:title" content="Pentagon sending ‘clear message’ with strikes">
<meta property="og:url" content="https://www.rudaw.net/english/og-url">
<link rel="canonical" href="https://www.rudaw.net/english/middleeast/iraq/090220241">
<meta property="article:published_time" content="2024-02-09T10:15:00+03:00">
<meta name="author" content="Azhi Rasul">
<link rel="stylesheet" href="https://cdn.example.org/style.css">
<script src="https://tracker.example.org/t.js"></script>
<script>document.write('TRACKING-SCRIPT-TEXT');</script>
<style>.x { background: url(https://cdn.example.org/bg.png) }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/kurdistan">Kurdistan</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article>
<h1>Pentagon sending ‘clear message’ with strikes</h1>
<div class="share">Share Tweet Email</div>
<div class="text-size">A+ A-</div>
<p>ERBIL, Kurdistan Region - The purpose of United States attacks targeting Iraqi armed
groups is to degrade their capabilities and safeguard American troops, a Pentagon
spokesperson told Rudaw on Thursday.</p>
<img src="https://cdn.example.org/photo.jpg" alt="photo">
<p>Pentagon spokesperson Major General Pat Ryder said the February 2 strikes on multiple
targets in Syria and Iraq were efforts to degrade the capabilities of the groups.</p>
<p>After a drone strike in late January killed three US troops in Jordan, Washington
retaliated on February 2 by hitting more than 85 targets in Iraq and Syria.</p>
</article>
<aside class="newsletter"><h3>Newsletter</h3><p>Sign up for our newsletter to get the
latest news delivered to your inbox.</p></aside>
<section class="comments"><h3>Comments</h3><p>Rudaw moderates all comments submitted on
our website.</p><form><label>Name</label><input><label>Required</label></form></section>
<footer>Copyright 2024 Rudaw. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def rudaw_text() -> bytes:
    return RUDAW.read_bytes()


@pytest.fixture
def article_html() -> str:
    return ARTICLE_HTML


@pytest.fixture
def make_pdf():
    return pdf_bytes


@pytest.fixture
def make_docx():
    return docx_bytes


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly if anything tries to open a connection or resolve a name."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
