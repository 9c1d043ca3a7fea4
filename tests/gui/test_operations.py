"""Operations: one transaction each, one change event, failures in the message bar
(issue 12)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from briefer.gui.operations import Changes, ops
from tests.gui.window_support import settle


def choice(credibility=2, comment="", tags=(), speaker=""):
    return SimpleNamespace(credibility=credibility, comment=comment, tags=list(tags),
                           speaker=speaker)  # fmt: skip


@pytest.fixture
def events(window):
    seen: list[Changes] = []
    window.changes.changed.connect(seen.append)
    return seen


def run(window, op):
    results = []
    window.operations.run(op, on_done=results.append)
    settle(window)
    return results[0] if results else None


def test_editing_an_excerpt_is_one_transaction_and_one_event(window, library, add_source, events):
    source = add_source("S")
    excerpt = library.excerpts.add(source.id, 0, 4, tags=["old"])
    before = library.write_count
    run(window, ops.edit_excerpt(excerpt, choice(1, "note", ["new"], "Ali")))
    assert library.write_count == before + 1
    saved = library.excerpts.get(excerpt.id)
    assert (saved.credibility, saved.comment, saved.tags, saved.speaker) == (
        1, "note", ("new",), "Ali")  # fmt: skip
    (event,) = events
    assert event.excerpts == {excerpt.id} and event.sources == {source.id}
    assert event.tags == {"old", "new"} and not event.source_list


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (
            lambda s, e: ops.delete_excerpts([e[0].id, e[1].id]),
            lambda s, e: Changes.of(sources=[s.id], excerpts=[e[0].id, e[1].id], tags=["t"]),
        ),
        (
            lambda s, e: ops.tag_sources([s.id], ["Iraq"]),
            lambda s, e: Changes.of(sources=[s.id], tags=["Iraq"]),
        ),
        (
            lambda s, e: ops.update_source(s.id, {"outlet": "Rudaw"}),
            lambda s, e: Changes.of(sources=[s.id]),
        ),
        (
            lambda s, e: ops.delete_tags(["t", "u"]),
            lambda s, e: Changes.of(tags=["t", "u"], excerpts=[e[0].id], sources=[s.id]),
        ),
        (
            lambda s, e: ops.delete_source(s.id),
            lambda s, e: Changes.of(
                sources=[s.id], excerpts=[x.id for x in e], tags=["u"], source_list=True
            ),
        ),
    ],
)
def test_each_operation_commits_once_and_says_what_changed(
    window, library, add_source, events, make, expect
):
    source = add_source("S", tags=("u",))
    excerpts = [
        library.excerpts.add(source.id, 0, 4, tags=["t"]),
        library.excerpts.add(source.id, 5, 7),
    ]
    before = library.write_count
    run(window, make(source, excerpts))
    assert library.write_count == before + 1
    assert events == [expect(source, excerpts)]


def test_a_refused_operation_reaches_the_message_bar_and_changes_nothing(
    window, library, add_source, events
):
    source = add_source("Cited")
    excerpt = library.excerpts.add(source.id, 0, 4)
    library.briefs.create(
        "Weekly Iraq",
        body={
            "blocks": [
                {"type": "paragraph", "content": [{"type": "citation", "excerpt": excerpt.id}]}
            ]
        },
    )
    before = library.write_count
    assert run(window, ops.delete_excerpts([excerpt.id])) is None
    assert library.write_count == before
    assert events == []
    text = window.messages.texts()["error"]
    assert text.startswith("Delete excerpt:") and "Weekly Iraq" in text
    assert window.messages.isVisible()


def test_views_reload_only_what_changed(window, library, add_source, monkeypatch):
    first, second = add_source("First"), add_source("Second")
    window.refresh()
    window.sources.open_source(first.id)
    other = window.sources.open_source(second.id)
    reloads, refreshed, navigator = [], [], []
    monkeypatch.setattr(window.library_page.sources_model, "reload", lambda: reloads.append(1))
    monkeypatch.setattr(window.library_page.sources_model, "refresh_source", refreshed.append)
    monkeypatch.setattr(window.search, "refresh_navigator", lambda: navigator.append(1))
    set_source = []
    monkeypatch.setattr(other, "set_source", lambda *a: set_source.append(a))
    run(window, ops.update_source(first.id, {"outlet": "Rudaw"}))
    assert reloads == [] and refreshed == [first.id] and navigator == []
    assert set_source == []  # the other source's tab was left alone
    assert window.tabs.source_tab(first.id).source.outlet == "Rudaw"


def test_undo_and_redo_run_as_operations(window, library, add_source):
    source = add_source("S")
    excerpt = library.excerpts.add(source.id, 0, 4)
    window.sources.open_source(source.id)
    window.excerpts.delete_excerpts([excerpt.id])
    settle(window)
    before = library.write_count
    window.undo_stack.undo()
    settle(window)
    assert library.write_count == before + 1
    assert [e.id for e in library.excerpts.list()] == [excerpt.id]
    assert len(window.tabs.current_source_tab().reader.excerpts) == 1
    window.undo_stack.redo()
    settle(window)
    assert library.excerpts.list() == []
    assert window.tabs.current_source_tab().reader.excerpts == []


def test_manage_tags_changes_run_as_operations(window, library, add_source, events, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    add_source("S", tags=("iraq", "pmf"))
    window.action("manage_tags").trigger()
    manager = window.libraries.tag_manager
    manager.select("pmf")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("PMF", True)))
    before = library.write_count
    manager.rename_button.click()
    settle(window)
    assert library.write_count == before + 1
    assert events[-1].tags == {"pmf", "PMF"} and events[-1].source_list
    assert [manager.table.item(r, 0).text() for r in range(2)] == ["iraq", "PMF"]

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warned.append(a[2])))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Iraq", True)))
    manager.select("PMF")
    manager.rename_button.click()
    settle(window)
    assert warned and "merge" in warned[0]  # shown in the manager, where the analyst is
    assert [t.name for t in library.tags.list()] == ["iraq", "PMF"]
