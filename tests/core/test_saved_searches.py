"""Saved searches: named query + filters, kept in the library."""

from datetime import date

import pytest

from briefer.core.errors import InvalidInput, NotFound
from briefer.core.records import SearchFilters


def test_save_list_replace_rename_delete(library):
    filters = SearchFilters(
        tag="Iraq", date_from=date(2024, 1, 1), reliability=("A", "B"), credibility=(1, 2)
    )
    saved = library.searches.save("Strikes 2024", "strik*", filters)
    assert saved.filters == filters and saved.query == "strik*"
    again = library.searches.save("strikes 2024", "strike", SearchFilters())
    assert again.id == saved.id and again.query == "strike" and again.name == "strikes 2024"
    other = library.searches.save("Another", "x")
    assert [s.name for s in library.searches.list()] == ["Another", "strikes 2024"]
    with pytest.raises(InvalidInput, match="already exists"):
        library.searches.rename(other.id, "STRIKES 2024")
    assert library.searches.rename(other.id, "Zed").name == "Zed"
    library.searches.delete(saved.id)
    assert [s.name for s in library.searches.list()] == ["Zed"]
    with pytest.raises(NotFound):
        library.searches.delete(saved.id)
    with pytest.raises(InvalidInput, match="saved search name"):
        library.searches.save("  ", "x")
