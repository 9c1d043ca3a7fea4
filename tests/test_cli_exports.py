"""`briefer export --recipients`, `briefer exports` and `briefer verify`: the export
record from the command line, and a file told apart as recorded, changed or unknown."""

from __future__ import annotations

import hashlib
import json

from briefer.core import document as d


def brief_with_marks(library, title="Weekly"):
    body = d.normalize({"blocks": [
        d.heading("Discussion", section="discussion"),
        {**d.paragraph("An unclassified paragraph."), "portion": "U"},
        {**d.paragraph("A confidential paragraph."), "portion": "C"},
    ]})  # fmt: skip
    return library.briefs.create(title, body=body)


def test_export_records_the_recipients(cli, library, tmp_path):
    brief = brief_with_marks(library)
    out = tmp_path / "weekly.docx"
    printed, err = cli("export", str(brief.id), "-o", str(out), "--recipients", "Ops desk")
    (row,) = library.exports.list(brief.id)
    assert printed.strip() == str(out) and f"recorded as export {row.id}" in err
    assert row.recipients == "Ops desk" and row.marking == "CONFIDENTIAL"
    assert row.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    data = json.loads(cli("export", str(brief.id), "-o", str(out), "--json")[0])
    assert data["export"] == row.id + 1 and data["marking"] == "CONFIDENTIAL"


def test_export_under_a_window_writes_the_file_and_warns_it_is_not_recorded(
    cli, library, library_path, tmp_path
):
    from briefer.core.library import Library

    brief = brief_with_marks(library)
    window = Library.open(library_path, lock=True)
    try:
        out = tmp_path / "locked.docx"
        _, err = cli("export", str(brief.id), "-o", str(out))
        assert out.is_file()
        assert "warning: the export is not recorded" in err
    finally:
        window.close()
    assert library.exports.list() == []


def test_exports_lists_all_or_one_briefs(cli, library, tmp_path):
    one = brief_with_marks(library, "One")
    two = brief_with_marks(library, "Two")
    cli("export", str(one.id), "-o", str(tmp_path / "one.docx"), "--recipients", "Ops")
    cli("export", str(two.id), "-o", str(tmp_path / "two.docx"))
    listed, _ = cli("exports")
    lines = listed.strip().splitlines()
    assert len(lines) == 2
    assert lines[1].split("\t")[2:] == [
        f"brief {one.id} v1",
        "docx",
        "CONFIDENTIAL",
        "Ops",
        str(tmp_path / "one.docx"),
    ]
    assert lines[0].split("\t")[5] == "-"  # no recipients
    data = json.loads(cli("exports", str(one.id), "--json")[0])
    assert [(e["brief_id"], e["recipients"], e["marking"]) for e in data] == [
        (one.id, "Ops", "CONFIDENTIAL")
    ]
    assert data[0]["sha256"] == hashlib.sha256((tmp_path / "one.docx").read_bytes()).hexdigest()
    _, err = cli("exports", "999", expect=1)
    assert "brief 999" in err


def test_verify_round_trip_recorded_then_changed(cli, library, tmp_path):
    """export -> record -> verify says it is that export; change the file -> verify
    says it was changed since that export; an unrelated file matches none."""
    import docx

    brief = brief_with_marks(library)
    out = tmp_path / "weekly.docx"
    cli("export", str(brief.id), "-o", str(out), "--recipients", "Desk officers")
    (row,) = library.exports.list(brief.id)

    said, _ = cli("verify", str(out))
    assert said.startswith(f"{out} is export {row.id} of brief {brief.id} “Weekly” version 1")
    assert "marked CONFIDENTIAL" in said and "to Desk officers" in said
    data = json.loads(cli("verify", str(out), "--json")[0])
    assert data["status"] == "matched" and [e["id"] for e in data["exports"]] == [row.id]

    edited = docx.Document(str(out))  # the recipient edits it in Word and saves
    edited.add_paragraph("A line added after export.")
    edited.save(str(out))
    said, _ = cli("verify", str(out), expect=1)
    assert f"was changed since export {row.id} of brief {brief.id}" in said
    assert row.sha256 in said
    assert json.loads(cli("verify", str(out), "--json", expect=1)[0])["status"] == "changed"

    other = tmp_path / "other.txt"
    other.write_text("not an export")
    said, _ = cli("verify", str(other), expect=1)
    assert "matches no recorded export" in said


def test_verify_a_pdf_by_its_digest(cli, library, tmp_path):
    import pytest

    from briefer.export import find_libreoffice

    if find_libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    brief = brief_with_marks(library)
    out = tmp_path / "weekly.pdf"
    cli("export", str(brief.id), "-o", str(out))
    said, _ = cli("verify", str(out))
    assert f"{out} is export 1 of brief {brief.id}" in said
    out.write_bytes(out.read_bytes() + b"\n%changed")
    said, _ = cli("verify", str(out), expect=1)
    assert "matches no recorded export" in said


def test_verify_errors_exit_2_in_one_line(cli, tmp_path):
    _, err = cli("verify", str(tmp_path / "missing.docx"), expect=2)
    assert err.count("\n") == 1 and "missing.docx" in err and "Traceback" not in err
    _, err = cli("verify", str(tmp_path), expect=2)
    assert "is not a regular file" in err
    _, err = cli("verify", expect=2)
    assert "the following arguments are required" in err
