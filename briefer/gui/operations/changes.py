"""What an operation changed, and the one object that tells the views."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from PySide6.QtCore import QObject, Signal


def _ids(values: Iterable[int] = ()) -> frozenset[int]:
    return frozenset(values)


@dataclass(frozen=True)
class Changes:
    """One change event. Views look at the parts they show and reload only those."""

    sources: frozenset[int] = field(default_factory=frozenset)  # rows, details, excerpts
    excerpts: frozenset[int] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)  # made, renamed, deleted
    briefs: frozenset[int] = field(default_factory=frozenset)
    source_list: bool = False  # sources added or removed: the table reloads whole
    searches: bool = False  # saved searches
    library_replaced: bool = False  # another library (or a restored one) is shown

    @classmethod
    def of(cls, *, sources=(), excerpts=(), tags=(), briefs=(), **flags) -> Changes:
        return cls(_ids(sources), _ids(excerpts), frozenset(tags), _ids(briefs), **flags)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) | getattr(other, f.name)
                          for f in fields(self)})  # fmt: skip

    @property
    def everything(self) -> bool:
        return self.library_replaced


class ChangeHub(QObject):
    """The window's one change channel: operations emit, views subscribe."""

    changed = Signal(object)  # Changes

    def emit(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)
