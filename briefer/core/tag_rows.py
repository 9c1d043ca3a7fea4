"""Tag rows inside the caller's session: names of an item's tags, tags made on demand.

Below the services (tags, sources, excerpts, trash), which all share these helpers;
it imports none of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from briefer.core import validate
from briefer.core.models import Tag


def names_by_item(
    session: Session, link: Any, column: str, ids: list[int]
) -> dict[int, tuple[str, ...]]:
    """Tag names of each item (sources or excerpts, by their link table), sorted."""
    if not ids:
        return {}
    item = getattr(link, column)
    found: dict[int, list[str]] = defaultdict(list)
    stmt = (
        select(item, Tag.name)
        .join(Tag, col(Tag.id) == link.tag_id)
        .where(col(item).in_(ids))
        .order_by(Tag.key)
    )
    for item_id, name in session.exec(stmt):
        found[item_id].append(name)
    return {k: tuple(v) for k, v in found.items()}


def ensure_tags(session: Session, names: Iterable[str], now: datetime) -> list[Tag]:
    """The tags with these names, creating the missing ones, in the caller's session."""
    tags: dict[str, Tag] = {}
    for name in names:
        clean = validate.tag_name(name)
        key = clean.casefold()
        if key in tags:
            continue
        tag = session.exec(select(Tag).where(Tag.key == key)).first()
        if tag is None:
            tag = Tag(name=clean, key=key, created=now)
            session.add(tag)
            session.flush()
        tags[key] = tag
    return list(tags.values())
