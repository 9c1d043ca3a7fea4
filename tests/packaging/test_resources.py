"""Shipped files are found through one helper, and every build ships all of them."""

from __future__ import annotations

from pathlib import Path

from briefer import resources
from briefer.core.templates import shipped_templates_dir, structure_templates
from briefer.export.templates import word_templates

ROOT = Path(__file__).resolve().parents[2]
# Files under the top-level folders that are tools or desktop integration, not data
# the program reads at run time.
NOT_SHIPPED = {"resources/linux"}


def test_a_checkout_finds_the_top_level_folders():
    assert resources.resource("icons", "app.svg") == ROOT / "resources" / "icons" / "app.svg"
    assert resources.templates_dir() == ROOT / "templates"
    assert shipped_templates_dir() == ROOT / "templates"
    assert resources.sample_article().is_file()
    assert resources.guide_dir() == ROOT / "docs" / "guide"


def test_the_code_reads_its_templates_through_the_helper():
    names = {t.name for t in structure_templates()[0]}
    assert {"Standard brief", "Situation update", "One-pager"} <= names
    assert {t.name for t in word_templates() if t.builtin} == {
        "Standard",
        "Compact",
        "Standard Letter",
        "Compact Letter",
    }


def test_every_data_file_of_the_top_level_folders_ships():
    shipped = {rel for _path, rel in resources.shipped_files(ROOT)}
    on_disk = {
        p.relative_to(ROOT).as_posix()
        for folder in resources.SHIPPED
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc")
    }
    on_disk = {r for r in on_disk if not any(r.startswith(n + "/") for n in NOT_SHIPPED)}
    assert on_disk - shipped == set()
    assert "templates/word/standard.docx" in shipped
    assert f"resources/samples/{resources.SAMPLE_ARTICLE_NAME}" in shipped
    assert "docs/guide/import.md" in shipped


def test_a_built_package_uses_its_own_copy(tmp_path, monkeypatch):
    """An installed wheel or the frozen app holds briefer/_data; that copy wins."""
    package = tmp_path / "briefer"
    (package / resources.PACKAGED / "templates" / "briefs").mkdir(parents=True)
    monkeypatch.setattr(resources, "files", lambda _name: package)
    assert resources.templates_dir() == package / "_data" / "templates"
    assert resources.resource("icons", "x.svg") == package / "_data/resources/icons/x.svg"
