"""`briefer export`: the path and summary, or one JSON document; errors as one line."""

from __future__ import annotations

import hashlib
import json

from briefer.cli import main
from tests.export.richbrief import rich_brief


def test_export_prints_path_and_summary(library, library_path, tmp_path, capsys):
    brief = rich_brief(library)
    out = tmp_path / "brief.docx"
    code = main(["--library", str(library_path), "export", str(brief.brief_id), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.strip() == str(out)
    assert "50 footnotes" in captured.err and "template Standard" in captured.err
    assert f"U+000B in block {brief.control_block}" in captured.err


def test_export_json_with_template_and_endnotes(library, library_path, tmp_path, capsys):
    brief = rich_brief(library)
    out = tmp_path / "brief.docx"
    args = ["export", str(brief.brief_id), "-o", str(out), "--template", "compact", "--endnotes"]
    code = main(["--library", str(library_path), *args, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["path"] == str(out) and data["template"] == "Compact"
    assert data["footnotes"] == 50 and data["note_kind"] == "endnotes"
    assert data["dropped_characters"] == [
        {"where": f"block {brief.control_block}", "character": "U+000B"}
    ]
    assert data["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()


def test_export_errors_are_one_line_without_traceback(library, library_path, tmp_path, capsys):
    brief = library.briefs.create("Note")
    code = main(
        ["--library", str(library_path), "export", str(brief.id), "-o", str(tmp_path / "x.docx"),
         "--template", "Nonesuch"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "no Word template 'Nonesuch'" in err
    assert "Traceback" not in err
    code = main(["--library", str(library_path), "export", "999", "-o", str(tmp_path / "y.docx")])
    assert code == 1 and "no brief 999" in capsys.readouterr().err
