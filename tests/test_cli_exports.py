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
