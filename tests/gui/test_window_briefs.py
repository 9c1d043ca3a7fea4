"""The brief editor and Word export inside the main window: menus, tabs, restore."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from briefer.core import document as d
from briefer.gui.editor.brief_tab import BriefTab
from briefer.gui.editor.new_brief_dialog import NewBriefDialog
from briefer.gui.main_window import MainWindow
from briefer.gui.source_tab import SourceTab
from tests.conftest import make_source


def wait_loaded(qtbot, tab: BriefTab) -> None:
    qtbot.waitUntil(lambda: tab.version is not None, timeout=10_000)


def test_new_brief_from_the_brief_menu_opens_and_saves(qtbot, window, library, monkeypatch):
    def fake_dialog(parent, lib, worker):
        return lib.briefs.create("Weekly Iraq", template="One-pager").id

    monkeypatch.setattr(NewBriefDialog, "create_brief", staticmethod(fake_dialog))
    assert not window.action("export_word").isEnabled()
    menu_texts = [a.text() for a in window.menus["brief"].actions() if a.text()]
    assert menu_texts[:2] == ["&New Brief…", "&Save"] and "&Export to Word…" in menu_texts
    window.briefs.actions.new_brief.trigger()
    tab = window.tabs.current_brief_tab()
    assert isinstance(tab, BriefTab)
    wait_loaded(qtbot, tab)
    assert window.action("export_word").isEnabled() and window.briefs.actions.save.isEnabled()
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.currentIndex()) == "Weekly Iraq")
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "Bottom line first.")
    window.briefs.actions.save.trigger()
    qtbot.waitUntil(
        lambda: "Bottom line first." in d.plain_text(library.briefs.get(tab.brief_id).body),
        timeout=10_000,
    )
    assert "Weekly Iraq" in [b.title for b in library.briefs.list()]


def test_ctrl_f_finds_in_the_brief_in_front_else_searches(qtbot, window, library, monkeypatch):
    brief = library.briefs.create("Findable")
    calls = []
    tab = window.briefs.open_brief(brief.id)
    wait_loaded(qtbot, tab)
    monkeypatch.setattr(tab, "find", lambda: calls.append("brief"))
    window.action("find").trigger()
    window.search.show_sources()
    monkeypatch.setattr(window.search, "focus_search", lambda: calls.append("library"))
    window.action("find").trigger()
    assert calls == ["brief", "library"]
    keys = [a.shortcut().toString() for a in window.findChildren(type(window.action("find")))]
    assert keys.count("Ctrl+F") == 1 and keys.count("Ctrl+Shift+I") == 1


def test_closing_a_brief_tab_saves_it_and_briefs_reopen_next_time(qtbot, window, library, settings):
    brief = library.briefs.create("Kept open")
    tab = window.briefs.open_brief(brief.id)
    wait_loaded(qtbot, tab)
    assert window.briefs.open_brief(brief.id) is tab  # one tab per brief
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "Typed just before closing")
    window.libraries.save_state()
    window.tabs.close_tab(window.tabs.indexOf(tab))
    text = d.plain_text(library.briefs.get(brief.id).body)
    assert "Typed just before closing" in text
    window.briefs.open_brief(brief.id)
    window.libraries.save_state()
    again = MainWindow(library, settings=QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert [t.brief_id for t in again.tabs.brief_tabs()] == [brief.id]
    again.worker.wait(10_000)


def test_clicking_a_marker_opens_the_excerpt_in_its_source(qtbot, window, library):
    source = make_source(library, "Cited article", "The strikes aim to degrade the groups.")
    excerpt = library.excerpts.add_quote(source.id, "degrade the groups")
    brief = library.briefs.create("Citing")
    library.briefs.save_body(
        brief.id, d.normalize({"blocks": [d.paragraph("x", d.citation(excerpt.id))]})
    )
    tab = window.briefs.open_brief(brief.id)
    wait_loaded(qtbot, tab)
    tab.excerpt_activated.emit(excerpt.id)
    current = window.tabs.currentWidget()
    assert isinstance(current, SourceTab) and current.source_id == source.id
    assert current.reader.textCursor().position() == excerpt.start  # ASCII: same in UTF-16
    assert [e.id for e in window.excerpts_panel.selected()] == [excerpt.id]


def test_export_acts_on_the_brief_in_front(qtbot, window, library, monkeypatch):
    import briefer.gui.export_dialog as export_dialog

    calls = []
    monkeypatch.setattr(
        export_dialog, "export_brief_interactively",
        lambda parent, lib, brief_id, settings=None: calls.append((parent, lib, brief_id)),
    )  # fmt: skip
    brief = library.briefs.create("To export")
    tab = window.briefs.open_brief(brief.id)
    wait_loaded(qtbot, tab)
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert calls == [(window, library, brief.id)]


def test_a_tag_clicked_while_writing_fills_the_panel_and_keeps_the_brief(qtbot, window, library):
    source = make_source(library, "Tagged article", "Words worth quoting here.")
    library.excerpts.add_quote(source.id, "worth quoting", tags=["use"])
    window.refresh()
    brief = library.briefs.create("Writing")
    tab = window.briefs.open_brief(brief.id)
    wait_loaded(qtbot, tab)
    window.search.show_tag("use")
    assert window.tabs.current_brief_tab() is tab
    assert [e.text for e in window.excerpts_panel.model.excerpts()] == ["worth quoting"]


def test_file_menu_exports_the_brief_in_front_to_pdf(qtbot, window, library, monkeypatch):
    import briefer.gui.export_dialog as export_dialog

    calls = []
    monkeypatch.setattr(
        export_dialog, "export_brief_interactively",
        lambda parent, lib, brief_id, pdf=False, settings=None: calls.append((brief_id, pdf)),
    )  # fmt: skip
    action = window.export_pdf_action
    assert action in window.menus["file"].actions()
    assert not action.isEnabled()  # no brief in front
    brief = library.briefs.create("To export")
    tab = window.briefs.open_brief(brief.id)
    wait_loaded(qtbot, tab)
    from briefer.export import find_libreoffice

    assert action.isEnabled() == (find_libreoffice() is not None)
    if action.isEnabled():
        action.trigger()
        assert calls == [(brief.id, True)]


def test_pdf_menu_item_says_why_it_is_disabled(qtbot, library, settings, monkeypatch):
    monkeypatch.setenv("BRIEFER_SOFFICE", "")
    window = MainWindow(library, settings=settings)
    qtbot.addWidget(window)
    action = window.export_pdf_action
    assert action.text() == "Export to PDF (needs LibreOffice)"
    assert "LibreOffice" in action.toolTip() and not action.isEnabled()
    brief = library.briefs.create("To export")
    wait_loaded(qtbot, window.briefs.open_brief(brief.id))
    assert not action.isEnabled()
