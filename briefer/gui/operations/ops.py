"""The named operations of the window over core. Each is one core call (one
transaction) and says what it changed; none touches a widget."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from briefer.core.records import (
    DeletedExcerpt,
    DeletedSource,
    DeletedTag,
    ExcerptRecord,
    SearchFilters,
)
from briefer.gui.operations.changes import Changes
from briefer.gui.operations.runner import Operation, operation

# -- sources -------------------------------------------------------------------------


def update_source(source_id: int, values: dict) -> Operation:
    """Details saved from the form (or put back by undo)."""
    return operation(
        "Save details",
        lambda lib: lib.sources.update(source_id, **values),
        lambda _s: Changes.of(sources=[source_id]),
    )


def resolve_date(source_id: int, chosen: date) -> Operation:
    return operation(
        "Choose the date",
        lambda lib: lib.sources.resolve_date(source_id, chosen),
        lambda _s: Changes.of(sources=[source_id]),
    )


def delete_source(source_id: int) -> Operation:
    """Refused by core, naming the briefs, while any of its excerpts is cited."""
    return operation(
        "Delete source",
        lambda lib: lib.sources.delete(source_id),
        lambda d: Changes.of(
            sources=[source_id],
            excerpts=[e.row["id"] for e in d.excerpts],
            source_list=True,
            tags=d.tags,
        ),
    )


def restore_source(deleted: DeletedSource) -> Operation:
    return operation(
        "Undo delete source",
        lambda lib: lib.sources.restore(deleted),
        lambda s: Changes.of(sources=[s.id], tags=deleted.tags, source_list=True),
    )


def tag_sources(source_ids: Sequence[int], names: Sequence[str]) -> Operation:
    ids, names = list(source_ids), list(names)
    return operation(
        "Tag sources",
        lambda lib: lib.tags.tag_sources(ids, names),
        lambda _t: Changes.of(sources=ids, tags=names),
    )


# -- excerpts ------------------------------------------------------------------------


def create_excerpt(source_id: int, start: int, end: int, text: str, choice) -> Operation:
    """An excerpt cut in the reader, as the excerpt editor's choice grades it."""
    return operation(
        "New excerpt",
        lambda lib: lib.excerpts.add(
            source_id,
            start,
            end,
            text=text,
            credibility=choice.credibility,
            comment=choice.comment,
            tags=choice.tags,
            speaker=choice.speaker,
        ),
        lambda e: Changes.of(sources=[source_id], excerpts=[e.id], tags=e.tags),
    )


def edit_excerpt(excerpt: ExcerptRecord, choice) -> Operation:
    """Grade, comment, speaker and tags of an excerpt, in one transaction."""
    return operation(
        "Edit excerpt",
        lambda lib: lib.excerpts.edit(
            excerpt.id,
            credibility=choice.credibility,
            comment=choice.comment,
            speaker=choice.speaker,
            tags=choice.tags,
        ),
        lambda e: Changes.of(
            sources=[excerpt.source_id], excerpts=[excerpt.id], tags={*excerpt.tags, *e.tags}
        ),
    )


def delete_excerpts(excerpt_ids: Sequence[int]) -> Operation:
    ids = list(excerpt_ids)
    return operation(
        "Delete excerpt" if len(ids) == 1 else "Delete excerpts",
        lambda lib: lib.excerpts.delete_many(ids),
        lambda deleted: _excerpts_changed(deleted),
    )


def restore_excerpts(deleted: Sequence[DeletedExcerpt]) -> Operation:
    items = list(deleted)
    return operation(
        "Undo delete excerpts",
        lambda lib: lib.excerpts.restore_many(items),
        lambda records: Changes.of(
            sources={r.source_id for r in records},
            excerpts=[r.id for r in records],
            tags={t for r in records for t in r.tags},
        ),
    )


def _excerpts_changed(deleted: Sequence[DeletedExcerpt]) -> Changes:
    return Changes.of(
        sources={d.row["source_id"] for d in deleted}, excerpts=[d.row["id"] for d in deleted],
        tags={t for d in deleted for t in d.tags},
    )  # fmt: skip


def tag_excerpts(excerpt_ids: Sequence[int], names: Sequence[str], source_ids=()) -> Operation:
    ids, names = list(excerpt_ids), list(names)
    return operation(
        "Tag excerpts",
        lambda lib: lib.tags.tag_excerpts(ids, names),
        lambda _t: Changes.of(excerpts=ids, sources=source_ids, tags=names),
    )


# -- tags ----------------------------------------------------------------------------


def delete_tags(names: Sequence[str]) -> Operation:
    names = list(names)
    return operation(
        "Delete tag" if len(names) == 1 else "Delete tags",
        lambda lib: lib.tags.delete_many(names),
        lambda deleted: _tags_changed(deleted),
    )


def restore_tags(deleted: Sequence[DeletedTag]) -> Operation:
    items = list(deleted)
    return operation(
        "Undo delete tags",
        lambda lib: lib.tags.restore_many(items),
        lambda _t: _tags_changed(items),
    )


def _tags_changed(deleted: Sequence[DeletedTag]) -> Changes:
    return Changes.of(
        tags={d.row["name"] for d in deleted},
        sources={i for d in deleted for i in d.source_ids},
        excerpts={i for d in deleted for i in d.excerpt_ids},
    )  # fmt: skip


def _tags_edited(names: Sequence[str]) -> Changes:
    """Tags renamed, merged or recoloured (Manage Tags): every row may show them."""
    return Changes.of(tags=names, source_list=True)


def rename_tag(name: str, new_name: str) -> Operation:
    return operation(
        "Rename tag",
        lambda lib: lib.tags.rename(name, new_name),
        lambda tag: _tags_edited([name, tag.name]),
    )


def merge_tags(names: Sequence[str], into: str) -> Operation:
    names = list(names)
    return operation(
        "Merge tags",
        lambda lib: lib.tags.merge(names, into),
        lambda tag: _tags_edited([*names, tag.name]),
    )


def recolour_tags(names: Sequence[str], colour: str) -> Operation:
    names = list(names)
    return operation(
        "Colour tags",
        lambda lib: lib.tags.recolor_many(names, colour),
        lambda _tags: _tags_edited(names),
    )


# -- saved searches ------------------------------------------------------------------


def save_search(name: str, query: str, filters: SearchFilters) -> Operation:
    return operation(
        "Save search",
        lambda lib: lib.searches.save(name, query, filters),
        lambda _s: Changes(searches=True),
    )


def rename_search(search_id: int, name: str) -> Operation:
    return operation(
        "Rename saved search",
        lambda lib: lib.searches.rename(search_id, name),
        lambda _s: Changes(searches=True),
    )


def delete_search(search_id: int) -> Operation:
    return operation(
        "Delete saved search",
        lambda lib: lib.searches.delete(search_id),
        lambda _s: Changes(searches=True),
        changes_on_failure=Changes(searches=True),
    )


# -- imports -------------------------------------------------------------------------


def import_files(paths: Sequence[Path]) -> Operation:
    """Files and folders; core commits 64 sources at a time, so a cancelled or
    failed import keeps what it stored."""

    def work(library, progress, cancelled):
        from briefer.ingest import import_paths

        return import_paths(
            library, list(paths),
            progress=lambda done, total, path: progress(done, total, str(path)),
            should_cancel=cancelled,
        )  # fmt: skip

    everything = Changes(source_list=True, tags=frozenset(["*"]))
    return Operation("Import", work, lambda _r: everything, changes_on_failure=everything)


def paste_article(text: str, html: str | None, title: str) -> Operation:
    def work(library):
        from briefer.ingest import import_text

        return import_text(library, text, html=html, title=title, ask_title=True)

    return operation(
        "Paste article",
        work,
        lambda r: Changes(source_list=True) if r.status == "imported" else Changes(),
    )


# -- library maintenance -------------------------------------------------------------


def rebuild_search_index() -> Operation:
    return operation("Rebuild search index", lambda lib: lib.rebuild_search_index())


def check_library() -> Operation:
    return operation("Check library", lambda lib: lib.check())
