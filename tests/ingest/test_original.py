"""See the original: readable offline, saved out unchanged, from the CLI too."""

from __future__ import annotations

import os
import stat

import pytest

from briefer.cli import main
from briefer.core.errors import InvalidInput
from briefer.core.library import Library
from briefer.ingest import import_paths
from briefer.ingest import original as originals

from .conftest import ARTICLE_HTML


@pytest.fixture
def page_source(library, tmp_path):
    page = tmp_path / "strikes.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    (result,) = import_paths(library, [page]).results
    return result.source_id, page


def test_readable_text_of_a_page_loads_nothing(library, page_source, no_network):
    source_id, page = page_source
    record = library.sources.original(source_id)
    text = originals.readable_text(record)
    assert "degrade their capabilities" in text
    assert "Rudaw moderates all comments" in text  # the original, chrome and all
    assert "TRACKING-SCRIPT-TEXT" not in text and "<p>" not in text
    source = originals.source_text(record)
    assert source == page.read_text(encoding="utf-8")


def test_save_writes_the_bytes_unchanged_and_private(library, page_source, tmp_path):
    source_id, page = page_source
    record = library.sources.original(source_id)
    out = tmp_path / "out" / "copy.html"
    out.parent.mkdir()
    originals.save(record, out)
    assert out.read_bytes() == page.read_bytes()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with pytest.raises(InvalidInput, match="already exists"):
        originals.save(record, out)
    originals.save(record, out, replace=True)
    os.symlink(out, tmp_path / "link.html")
    with pytest.raises(InvalidInput, match="not a regular file"):
        originals.save(record, tmp_path / "link.html", replace=True)
    with pytest.raises(InvalidInput, match="not a regular file"):
        originals.save(record, tmp_path / "out", replace=True)
    copy = originals.write_private_copy(record)
    assert copy.read_bytes() == page.read_bytes() and copy.name == "strikes.html"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700


def test_cli_original(library_path, tmp_path, capsys):
    page = tmp_path / "strikes.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    with Library.open(library_path) as lib:
        (result,) = import_paths(lib, [page]).results
    sid = str(result.source_id)
    run = lambda *a: main(["--library", str(library_path), "original", *a])  # noqa: E731
    assert run(sid) == 0
    out, _ = capsys.readouterr()
    assert "filename:    strikes.html" in out and "media_type:  text/html" in out
    assert run(sid, "--text") == 0
    out, _ = capsys.readouterr()
    assert "degrade their capabilities" in out and "<p>" not in out
    target = tmp_path / "saved.html"
    assert run(sid, "-o", str(target)) == 0
    assert target.read_bytes() == page.read_bytes()
    assert run(sid, "-o", str(target)) == 1
    _, err = capsys.readouterr()
    assert "already exists" in err and err.count("\n") == 1
    assert run("999") == 1
