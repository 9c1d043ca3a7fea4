"""Issue 10: an ungraded source is exported as ungraded, never as F."""

from __future__ import annotations

from briefer.export.references import source_entry
from tests.conftest import make_source


def text_of(segments) -> str:
    return "".join(text for text, _url in segments)


def test_the_sources_section_says_not_graded_and_codes_carry_a_question_mark(library):
    ungraded = make_source(library, "Nobody graded this", outlet="Rudaw")
    judged = make_source(library, "Cannot be judged", outlet="Rudaw", reliability="F")
    assert "Reliability not graded." in text_of(source_entry(ungraded))
    assert "cannot be judged" not in text_of(source_entry(ungraded))
    assert "Reliability F: reliability cannot be judged." in text_of(source_entry(judged))
    excerpt = library.excerpts.add(ungraded.id, 0, 6, credibility=3)
    assert excerpt.grade == "?3"
