"""Word templates: shipped ones complete and generated, house templates chosen or refused."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from briefer.core.templates import user_templates_dir
from briefer.export import TemplateRefused, export_brief, missing_styles, word_templates
from briefer.export.templates import REQUIRED_STYLES, find_word_template
from tests.export.conftest import ROOT, TEMPLATES, template_path

DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize("name", TEMPLATES)
def test_shipped_templates_define_every_style(name):
    assert missing_styles(template_path(name)) == []


def test_committed_templates_are_what_the_script_makes(tmp_path):
    script = ROOT / "templates" / "word" / "make_templates.py"
    code = (
        "import runpy, sys, pathlib\n"
        "mod = runpy.run_path(sys.argv[1])\n"
        "for name, look in mod['LOOKS'].items():\n"
        "    mod['make_template'](name, look, pathlib.Path(sys.argv[2]) / f'{name}.docx')\n"
    )
    subprocess.run([sys.executable, "-c", code, str(script), str(tmp_path)], check=True)
    for name in TEMPLATES:
        made = tmp_path / f"{name}.docx"
        with zipfile.ZipFile(template_path(name)) as a, zipfile.ZipFile(made) as b:
            for part in ("word/styles.xml", "word/numbering.xml", "word/document.xml"):
                assert a.read(part) == b.read(part), f"{name}: {part} differs; rerun the script"


def test_templates_differ_only_in_styles():
    """Standard and Compact look different through their styles, not the code."""
    a = docx.Document(str(template_path("standard"))).styles["Normal"].font
    b = docx.Document(str(template_path("compact"))).styles["Normal"].font
    assert (a.name, a.size) != (b.name, b.size)


def test_lists_shipped_and_user_templates_user_first_wins(tmp_path):
    folder = user_templates_dir() / "word"
    folder.mkdir(parents=True)
    (folder / "House.docx").write_bytes(template_path("compact").read_bytes())
    (folder / "standard.docx").write_bytes(template_path("compact").read_bytes())
    found = {t.name: t for t in word_templates()}
    assert set(found) == {"Standard", "Compact", "House", "Standard Letter", "Compact Letter"}
    assert not found["House"].builtin and not found["Standard"].builtin
    assert find_word_template("house").path == folder / "House.docx"


def word_saved_like(tmp_path: Path) -> Path:
    """A house template as Word saves it: only the styles it used (python-docx#1333)."""
    doc = docx.Document()
    doc.add_paragraph("House boilerplate", style="Heading 1")
    path = tmp_path / "house.docx"
    doc.save(path)
    return path


def test_house_template_missing_styles_is_refused_with_the_list(library, tmp_path):
    path = word_saved_like(tmp_path)
    brief = library.briefs.create("Note")
    with pytest.raises(TemplateRefused) as caught:
        export_brief(library, brief.id, tmp_path / "out.docx", template=path)
    missing = caught.value.missing
    assert {"BLUF", "Key Judgment", "Marking", "Source Entry", "Footnote Text"} <= set(missing)
    assert "Normal" not in missing and "Heading 1" not in missing
    assert "house.docx" in str(caught.value) and "BLUF" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "out.docx").exists()


def as_dotx(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(DOCX.encode(), DOTX.encode())
            out.writestr(item, data)
    return target


def test_dotx_house_template_is_converted_and_used(library, tmp_path):
    folder = user_templates_dir() / "word"
    folder.mkdir(parents=True)
    as_dotx(template_path("compact"), folder / "Team brief.dotx")
    with pytest.raises(ValueError):  # python-docx alone refuses it by content type
        docx.Document(str(folder / "Team brief.dotx"))
    brief = library.briefs.create("Note", marking="TLP:RED")
    result = export_brief(library, brief.id, tmp_path / "out.docx", template="team brief")
    assert result.template == "Team brief"
    with zipfile.ZipFile(tmp_path / "out.docx") as archive:
        types = archive.read("[Content_Types].xml").decode()
    assert DOCX in types and DOTX not in types
    assert docx.Document(str(tmp_path / "out.docx")).paragraphs[0].text == "Note"


def test_macro_template_and_garbage_are_refused(tmp_path):
    macro = tmp_path / "m.dotm"
    with zipfile.ZipFile(template_path("standard")) as src, zipfile.ZipFile(macro, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    DOCX.encode(), b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
                )
            out.writestr(item, data)
    renamed = macro.rename(tmp_path / "m.dotx")
    with pytest.raises(TemplateRefused, match="macros"):
        missing_styles(renamed)
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(TemplateRefused, match="not a Word"):
        missing_styles(junk)
    with pytest.raises(TemplateRefused, match="no Word template 'nothing'"):
        find_word_template("nothing")


def test_required_styles_cover_what_the_issue_names():
    names = {n for n, _ in REQUIRED_STYLES}
    assert {
        "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Normal", "BLUF",
        "Key Judgment", "Quote", "Footnote Text", "Footnote Reference", "Hyperlink",
        "Marking", "Source Entry",
    } <= names  # fmt: skip
