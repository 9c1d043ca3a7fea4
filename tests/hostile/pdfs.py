"""Hostile PDFs built as raw bytes: nothing checked in, every size chosen by the test."""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def build_pdf(content: bytes, *, pages: int = 1, flate: bool = True) -> bytes:
    """A PDF of `pages` pages that all draw the same content stream (one object)."""
    data = zlib.compress(content, 9) if flate else content
    filt = b" /Filter /FlateDecode" if flate else b""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        FONT,
        b"<< /Length %d%s >>\nstream\n" % (len(data), filt) + data + b"\nendstream",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objects += [page] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def text_ops(lines: int) -> bytes:
    """A content stream that shows `lines` short lines of text."""
    body = b"".join(b"(Line %d of a heavy page.) Tj T* " % i for i in range(lines))
    return b"BT /F1 12 Tf 14 TL 72 700 Td " + body + b"ET"


def flate_bomb(expanded: int) -> bytes:
    """One page whose content stream inflates to `expanded` bytes."""
    return build_pdf(b"BT /F1 12 Tf 72 700 Td (Hello bomb) Tj ET " + b" " * expanded)
