"""The saved-page corpus: each realistic page imports with the metadata a citation needs.

The pages (tests/data/ingest/pages, made by make_pages.py) are full-size news pages,
scripts, ads, navigation, related lists and comments included, one per case that
import once got wrong. cases.json holds what import must find on each.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefer.ingest import parse_bytes

PAGES = Path(__file__).parent.parent / "data" / "ingest" / "pages"
CASES = json.loads((PAGES / "cases.json").read_text(encoding="utf-8"))
TODAY = date(2024, 6, 1)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_page_imports_with_citable_metadata(case, no_network):
    path = PAGES / f"{case['name']}.html"
    new = parse_bytes(path.read_bytes(), path.name, today=TODAY)
    if "title" in case:
        assert new.title == case["title"]
    if "authors" in case:
        assert list(new.authors) == case["authors"]
    if "outlet" in case:
        assert new.outlet == case["outlet"]
    if "published" in case:
        assert new.published == date.fromisoformat(case["published"])
        assert new.published_precision == "day"
    if "inferred" in case:
        assert new.published_inferred is case["inferred"]
    if "dateline" in case:
        assert new.dateline == case["dateline"]
    if "agency" in case:
        # An agency is the outlet or the credit line, never an author.
        assert case["agency"] not in new.authors
        assert new.outlet == case["agency"] or f"Credit: {case['agency']}" in new.notes
    if "url" in case:
        assert new.url == case["url"]
    if "language" in case:
        assert new.language == case["language"]
    for phrase in case.get("body_has", ()):
        assert phrase in new.body
    for phrase in case.get("body_lacks", ()):
        assert phrase not in new.body
    # No page chrome in any body.
    for chrome in ("Advertisement", "Skip to content", "This is comment number", "Related stories"):
        assert chrome not in new.body


def test_corpus_pages_are_real_page_size():
    sizes = [p.stat().st_size for p in PAGES.glob("*.html")]
    assert len(sizes) == len(CASES) and min(sizes) > 100_000
