"""Bad input: one clear reason per file, never a crash, never garbage stored."""

import codecs
import io
import os
import zipfile

import pytest

from briefer.ingest import IngestError, parse_bytes, parse_path
from briefer.ingest.limits import MAX_FILE_BYTES

ARTICLE = (
    "ERBIL, Kurdistan Region - Café owners in Erbil said on Thursday that prices "
    "had risen sharply since the budget dispute began."
)


def test_empty_files_are_refused(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.md", b"  \n\t\n"), ("empty.html", b"")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(IngestError, match="empty file"):
            parse_path(path)


def test_binary_data_with_a_text_extension():
    with pytest.raises(IngestError, match="binary data \\(a PNG image\\)"):
        parse_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500), "photo.txt")
    with pytest.raises(IngestError, match="binary data"):
        parse_bytes(bytes(range(256)) * 40, "random.txt")
    with pytest.raises(IngestError, match="binary data"):
        parse_bytes(b"\x00\x01\x02\x03" * 1000, "zeros.html")


def test_unknown_extension():
    with pytest.raises(IngestError, match=r"unsupported file type \.xyz"):
        parse_bytes(b"hello", "file.xyz")
    with pytest.raises(IngestError, match=r"unsupported file type \(no extension\)"):
        parse_bytes(b"hello", "README")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-16", ARTICLE),  # Python writes the BOM
        ("utf-8-sig", ARTICLE),
        ("cp1252", ARTICLE + " “Prices doubled,” one said — €5 now."),
        ("latin-1", ARTICLE + " Señora Müller agreed."),
        (
            "cp1256",
            "أربيل - قال أصحاب المقاهي في أربيل يوم الخميس إن الأسعار ارتفعت بشكل حاد "
            "منذ بدء الخلاف على الموازنة بين بغداد وأربيل، وأضافوا أن الزبائن قلّوا.",
        ),
    ],
)
def test_encodings_other_than_utf8(encoding, text):
    src = parse_bytes(text.encode(encoding), "story.txt")
    assert src.body == text


def test_nul_and_control_characters_are_stripped():
    data = (
        "Title line here\n\n"
        + ARTICLE[:60]
        + "\x00\x07\x1b"
        + ARTICLE[60:]
        + "\n\nSecond\tparagraph with a tab.\r\n"
    ).encode()
    src = parse_bytes(data, "ctrl.txt")
    assert "\x00" not in src.body and "\x07" not in src.body and "\x1b" not in src.body
    assert "\r" not in src.body
    assert ARTICLE in src.body
    assert "Second\tparagraph" in src.body


def test_oversized_file_is_refused_from_its_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr("builtins.open", no_reading)
    with pytest.raises(IngestError, match="too large \\(50 MB; the limit is 20 MB\\)"):
        parse_path(path)
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


def test_missing_file():
    with pytest.raises(IngestError, match="no such file"):
        parse_path("/nonexistent/story.txt")


def _zip(entries, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


def test_docx_zip_bomb_is_refused_before_parsing(make_docx):
    bomb = _zip(
        [
            ("word/document.xml", b"<w:document/>"),
            ("word/media/bomb.xml", b"\x00" * (150 * 1024 * 1024)),
        ]
    )
    with pytest.raises(IngestError, match=r"zip bomb|expand to"):
        parse_bytes(bomb, "bomb.docx")


def test_docx_with_path_traversal_or_absolute_names_is_refused():
    for name in ("../../etc/passwd", "/etc/passwd", "word/../../evil.xml", "C:/evil.xml"):
        data = _zip([("word/document.xml", b"<w:document/>"), (name, b"x")])
        with pytest.raises(IngestError, match="unsafe name"):
            parse_bytes(data, "evil.docx")


def test_docx_with_thousands_of_entries_is_refused():
    data = _zip(
        [("word/document.xml", b"<w:document/>")]
        + [(f"word/media/f{i}.bin", b"") for i in range(3000)],
        zipfile.ZIP_STORED,
    )
    with pytest.raises(IngestError, match="3001 entries"):
        parse_bytes(data, "many.docx")


def test_docx_that_is_not_a_zip_or_not_word():
    with pytest.raises(IngestError, match=r"not a valid \.docx"):
        parse_bytes(b"This is plain text renamed to docx.", "fake.docx")
    with pytest.raises(IngestError, match=r"no word/document\.xml"):
        parse_bytes(_zip([("content.xml", b"<x/>")]), "odt.docx")


def test_damaged_docx_xml():
    data = _zip([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<<<not xml")])
    with pytest.raises(IngestError):
        parse_bytes(data, "damaged.docx")


def test_garbage_pdf():
    with pytest.raises(IngestError, match=r"not a readable PDF|no text layer"):
        parse_bytes(b"%PDF-1.4\n" + os.urandom(2000), "garbage.pdf")
    with pytest.raises(IngestError, match="not a readable PDF"):
        parse_bytes(b"not a pdf at all", "text.pdf")


def test_garbage_mhtml_and_eml():
    with pytest.raises(IngestError):
        parse_bytes(b"just some words, not an archive", "x.mhtml")
    with pytest.raises(IngestError):
        parse_bytes(b"\n\n", "x.eml")


def test_messages_are_one_line():
    for data, name in (
        (b"", "a.txt"),
        (b"x", "a.xyz"),
        (b"junk", "a.pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt"),
    ):
        with pytest.raises(IngestError) as info:
            parse_bytes(data, name)
        assert "\n" not in str(info.value) and str(info.value)


def test_utf16_without_text_is_empty():
    with pytest.raises(IngestError):
        parse_bytes(codecs.BOM_UTF16_LE + "   ".encode("utf-16-le"), "blank.txt")
