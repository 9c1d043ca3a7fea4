"""Sharing safely: no personal or tool metadata, private mode, atomic writes."""

from __future__ import annotations

import os
import stat
import zipfile

import pytest
from lxml import etree

from briefer.export import ExportError, TemplateRefused, export_brief
from tests.export.conftest import TEMPLATES, template_path

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_tool_traces_thumbnail_customxml_or_macros(exported, name):
    path = exported[name].path
    names = exported[name].names()
    assert "docProps/app.xml" not in names and "docProps/custom.xml" not in names
    assert not [n for n in names if n.startswith("customXml/") or "thumbnail" in n]
    assert not [n for n in names if "vbaProject" in n or "glossary" in n]
    with zipfile.ZipFile(path) as archive:
        blob = b"".join(archive.read(n) for n in names)
        core = archive.read("docProps/core.xml").decode()
    assert b"python-docx" not in blob and b"2013-12-23" not in blob
    assert "<dc:creator" not in core and "lastModifiedBy" not in core
    assert b"w:rsid" not in blob and b"w14:docId" not in blob


@pytest.mark.parametrize("name", TEMPLATES)
def test_external_relationships_are_hyperlinks_only(exported, name):
    with zipfile.ZipFile(exported[name].path) as archive:
        rel_parts = [n for n in archive.namelist() if n.endswith(".rels")]
        external = []
        for part in rel_parts:
            for rel in etree.fromstring(archive.read(part)):
                if rel.get("TargetMode") == "External":
                    external.append(rel.get("Type"))
    assert external and set(external) == {HYPERLINK}


def test_exported_file_is_private(exported):
    mode = stat.S_IMODE(os.stat(exported["standard"].path).st_mode)
    assert mode == 0o600


def test_failed_write_leaves_earlier_file_identical_and_no_temp(library, tmp_path, monkeypatch):
    brief = library.briefs.create("Note", marking="TLP:GREEN")
    target = tmp_path / "brief.docx"
    target.write_bytes(b"earlier export")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefer.export.atomic.os.replace", refuse)
    with pytest.raises(ExportError, match=r"brief\.docx: cannot be written"):
        export_brief(library, brief.id, target)
    assert target.read_bytes() == b"earlier export"
    assert not list(tmp_path.glob(".brief.docx.*"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_refused_template_leaves_earlier_file_untouched(library, tmp_path):
    brief = library.briefs.create("Note")
    target = tmp_path / "brief.docx"
    target.write_bytes(b"earlier export")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK broken")
    with pytest.raises(TemplateRefused):
        export_brief(library, brief.id, target, template=bad)
    assert target.read_bytes() == b"earlier export"


def test_export_replaces_an_earlier_file_and_reports_its_hash(library, tmp_path):
    import hashlib

    brief = library.briefs.create("Note")
    target = tmp_path / "brief.docx"
    target.write_bytes(b"earlier export")
    result = export_brief(library, brief.id, target, template=template_path("compact"))
    data = target.read_bytes()
    assert data.startswith(b"PK") and result.sha256 == hashlib.sha256(data).hexdigest()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_missing_folder_is_a_one_line_error(library, tmp_path):
    brief = library.briefs.create("Note")
    with pytest.raises(ExportError, match="does not exist; choose another place"):
        export_brief(library, brief.id, tmp_path / "nowhere" / "b.docx")
