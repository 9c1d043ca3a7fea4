"""Bytes to text: encodings, binary refusal and control characters.

Analysts save files from many systems: UTF-16 from Windows tools, cp1256 from Arabic
sites, latin-1 from old archives. We try what the bytes declare, then UTF-8, then let
charset-normalizer judge; text that still looks like binary is refused, not imported
as garbage.
"""

from __future__ import annotations

import codecs
import re

from briefer.ingest.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures that say "this is not text", whatever the extension claims.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "gzip data"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# C0 and C1 controls except tab and newline; carriage returns are normalised first.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\ufffe]")
# Controls other than tab, newline, form feed and carriage return, plus U+FFFD.
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_CHARSET_DECL = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary file the bytes start with, or None."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few KB, if Python knows it."""
    m = _CHARSET_DECL.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    return len(_BINARY_CHARS.findall(sample)) / len(sample) > 0.05


def clean_controls(text: str) -> str:
    """Normalise line ends and strip NUL and other control characters (keep \\n and \\t)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _CONTROL.sub("", text)


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Decode text of unknown encoding, refusing binary data with a reason."""
    return decode_counted(data, html=html)[0]


# How many bad bytes UTF-8 text may hold and still be UTF-8: a few stray bytes, and
# never more than a quarter of its valid non-ASCII characters (a cp1252 or cp1256 file
# has no valid multi-byte sequences to speak of; a UTF-8 file with one bad byte has many).
_MAX_STRAY = 2


def _near_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text but for a few bad bytes: the text with U+FFFD for them, and how many."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if bad > 0 and (bad <= _MAX_STRAY or bad * 4 <= valid):
        return text, bad
    return None


def decode_counted(data: bytes, *, html: bool = False) -> tuple[str, int]:
    """Decoded text and the number of bad bytes replaced by U+FFFD (near-valid UTF-8)."""
    if not data or not data.strip():
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                near = _near_utf8(data[len(bom) :])
                if near is not None:
                    return clean_controls(near[0]), near[1]
            try:
                return clean_controls(data.decode(encoding)), 0
            except UnicodeDecodeError as exc:
                raise IngestError(f"not valid {encoding.upper()} text ({exc.reason})") from None
    what = sniff_binary(data)
    if what:
        raise IngestError(f"binary data ({what}), not text")
    text = None
    replaced = 0
    if html:
        charset = declared_charset(data)
        if charset:
            try:
                text = data.decode(charset)
            except UnicodeDecodeError:
                text = None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            near = _near_utf8(data)
            text, replaced = near if near is not None else (_guess(data), 0)
    if _looks_binary(text):
        raise IngestError("binary data, not text")
    return clean_controls(text), replaced


_LATIN_LOOKALIKES = frozenset(
    {
        "cp1250",
        "iso8859_2",
        "cp1257",
        "iso8859_4",
        "iso8859_13",
        "iso8859_15",
        "iso8859_16",
        "latin_1",
        "mac_latin2",
        "mac_roman",
        "mac_iceland",
        "cp1258",
        "cp850",
        "cp852",
        "cp437",
        "iso8859_3",
        "iso8859_10",
        "iso8859_14",
    }
)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError("binary data or an unknown text encoding")
    if best.encoding in _LATIN_LOOKALIKES:
        # A few accented letters cannot tell Western from Central European code pages;
        # Western (cp1252, a superset of latin-1's printable range) is far more common.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)
