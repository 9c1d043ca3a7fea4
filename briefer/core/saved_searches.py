"""Saved searches: a query and its filters under a name, shown in the navigator."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, select

from briefer.core import validate
from briefer.core.convert import stored_id
from briefer.core.errors import InvalidInput, NotFound
from briefer.core.models import SavedSearch
from briefer.core.records import SavedSearchRecord, SearchFilters
from briefer.core.textutil import clean_line

if TYPE_CHECKING:
    from briefer.core.library import Library


def filters_to_json(filters: SearchFilters) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if filters.tag:
        data["tag"] = filters.tag
    if filters.outlet:
        data["outlet"] = filters.outlet
    if filters.date_from:
        data["date_from"] = filters.date_from.isoformat()
    if filters.date_to:
        data["date_to"] = filters.date_to.isoformat()
    if filters.reliability:
        data["reliability"] = [validate.reliability_filter(g) for g in filters.reliability]
    if filters.credibility:
        data["credibility"] = [validate.credibility(g) for g in filters.credibility]
    return data


def filters_from_json(data: dict[str, Any]) -> SearchFilters:
    return SearchFilters(
        tag=data.get("tag"),
        outlet=data.get("outlet"),
        date_from=date.fromisoformat(data["date_from"]) if data.get("date_from") else None,
        date_to=date.fromisoformat(data["date_to"]) if data.get("date_to") else None,
        reliability=tuple(data.get("reliability", ())),
        credibility=tuple(data.get("credibility", ())),
    )


def _record(row: SavedSearch) -> SavedSearchRecord:
    return SavedSearchRecord(
        id=stored_id(row.id), name=row.name, query=row.query, filters=filters_from_json(row.filters)
    )


class SavedSearchService:
    def __init__(self, library: Library):
        self._lib = library

    def list(self) -> list[SavedSearchRecord]:
        with self._lib.read_session() as session:
            return [_record(r) for r in session.exec(select(SavedSearch).order_by(SavedSearch.key))]

    def save(
        self, name: str, query: str, filters: SearchFilters | None = None
    ) -> SavedSearchRecord:
        """Save under a name; saving again under the same name replaces it."""
        clean = validate.required_line("saved search name", name)
        data = filters_to_json(filters or SearchFilters())
        now = self._lib.now()
        with self._lib.write_session() as session:
            row = session.exec(
                select(SavedSearch).where(SavedSearch.key == clean.casefold())
            ).first()
            if row is None:
                row = SavedSearch(name=clean, key=clean.casefold(), created=now, modified=now)
            row.name, row.query, row.filters, row.modified = clean, clean_line(query), data, now
            session.add(row)
            session.flush()
            return _record(row)

    def rename(self, search_id: int, name: str) -> SavedSearchRecord:
        clean = validate.required_line("saved search name", name)
        with self._lib.write_session() as session:
            row = _get(session, search_id)
            clash = session.exec(
                select(SavedSearch).where(SavedSearch.key == clean.casefold())
            ).first()
            if clash is not None and clash.id != search_id:
                raise InvalidInput(f"saved search name: “{clash.name}” already exists")
            row.name, row.key, row.modified = clean, clean.casefold(), self._lib.now()
            session.add(row)
            session.flush()
            return _record(row)

    def delete(self, search_id: int) -> None:
        with self._lib.write_session() as session:
            session.delete(_get(session, search_id))


def _get(session: Session, search_id: int) -> SavedSearch:
    row = session.get(SavedSearch, search_id)
    if row is None:
        raise NotFound(f"there is no saved search {search_id} in this library")
    return row
