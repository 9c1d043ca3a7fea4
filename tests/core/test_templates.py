"""Brief structure templates: shipped, user-supplied, broken."""

import json

import pytest

from briefer.core import templates
from briefer.core.document import sections
from briefer.core.errors import NotFound


def test_shipped_templates_have_their_sections():
    found, problems = templates.structure_templates()
    assert problems == []
    by_name = {t.name: t for t in found}
    assert [title for _, title in sections(by_name["Standard brief"].document)] == [
        "BLUF", "Key judgments", "Background", "Discussion", "Outlook", "Sources",
    ]  # fmt: skip
    assert "Situation update" in by_name and "One-pager" in by_name
    assert all(t.builtin for t in found)


def test_user_template_wins_and_broken_ones_are_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(templates, "user_templates_dir", lambda: tmp_path)
    (tmp_path / "briefs").mkdir()
    heading = {"type": "heading", "level": 1, "content": [{"type": "text", "text": "Ours"}]}
    mine = {"name": "Standard brief", "description": "ours", "document": {"blocks": [heading]}}
    (tmp_path / "briefs" / "ours.json").write_text(json.dumps(mine))
    (tmp_path / "briefs" / "broken.json").write_text("{not json")
    found, problems = templates.structure_templates()
    assert templates.structure_template("standard BRIEF").description == "ours"
    assert not templates.structure_template("ours").builtin
    assert len(problems) == 1 and "broken.json" in problems[0]
    assert len([t for t in found if t.name == "Standard brief"]) == 1


def test_unknown_template_names_the_choices():
    with pytest.raises(NotFound, match="Situation update"):
        templates.structure_template("Weekly")


def test_brief_from_template(library):
    brief = library.briefs.create("Weekly", template="one-pager", marking="amber+strict")
    assert brief.template == "One-pager"
    assert brief.marking == "TLP:AMBER+STRICT"
    assert [sid for sid, _ in sections(brief.body)] == ["bluf", "key-judgments", "sources"]
