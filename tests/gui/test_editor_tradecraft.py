"""The brief tab's tradecraft panel: findings of the unsaved text, selecting, fixing,
dismissing and restoring them, underlines, sourcing per paragraph, and the same
findings as `briefer lint --json`."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from briefer.core import document
from briefer.gui.editor.places import path_at
from tests.conftest import make_source

pytest_plugins = ["tests.gui.editor_support"]

WIRE = (
    "The minister said the strikes on the northern border would continue until the "
    "militias withdrew from the towns they had taken in the spring offensive."
)


@pytest.fixture
def brief(library):
    """A brief with a vague BLUF, a key judgment without confidence, a paragraph on one
    ungraded source and two outlets carrying one wire paragraph."""
    lone = make_source(library, "Claims", body="The group claimed 12 attacks.", outlet="Blog")
    claim = library.excerpts.add_quote(lone.id, "claimed 12 attacks")
    copies = []
    for outlet, grade in (("Reuters", "A"), ("Rudaw", "B")):
        src = make_source(library, f"{outlet} on strikes", body=f"{WIRE} ({outlet})", outlet=outlet,
                          reliability=grade)  # fmt: skip
        copies.append(library.excerpts.add_quote(src.id, WIRE, credibility=2))
    body = document.normalize(
        {
            "blocks": [
                document.heading("BLUF", section="bluf"),
                document.paragraph("Iran might retaliate against US forces."),
                document.heading("Key judgments", section="key-judgments"),
                {"type": "list", "items": [{"content": [document.text("Strikes go on.")]}]},
                document.heading("Discussion", section="discussion"),
                document.paragraph(document.text("It claimed 12."), document.citation(claim.id)),
                document.paragraph(
                    document.text("Strikes will continue."),
                    document.citation(copies[0].id),
                    document.citation(copies[1].id),
                ),
            ]
        }
    )
    return library.briefs.create("Strikes", body=body)


def open_panel(qtbot, open_tab, brief_id):
    tab = open_tab(brief_id)
    tab.show_tradecraft(True)
    qtbot.waitUntil(lambda: bool(tab.tradecraft.findings), timeout=10_000)
    wait_checked(qtbot, tab)
    return tab


def wait_checked(qtbot, tab):
    qtbot.waitUntil(lambda: not tab.tradecraft.busy, timeout=10_000)


def find(tab, rule):
    return next(f for f in tab.tradecraft_panel.findings() if f.rule == rule)


def test_panel_lists_findings_grouped_with_place_and_selects_the_words(qtbot, open_tab, brief):
    tab = open_panel(qtbot, open_tab, brief.id)
    panel = tab.tradecraft_panel
    rules = [f.rule for f in panel.findings()]
    assert "estimative.vague" in rules and "estimative.confidence-missing" in rules
    assert "sourcing.single-source" in rules and "sourcing.ungraded" in rules
    assert "sourcing.circular" in rules
    groups = [panel.tree.topLevelItem(g).text(0) for g in range(panel.tree.topLevelItemCount())]
    assert any(g.startswith("Vague likelihood words") for g in groups)
    vague = find(tab, "estimative.vague")
    assert (vague.section, vague.paragraph, vague.text) == ("bluf", 1, "might")
    panel.select_finding(vague)
    assert tab.editor.textCursor().selectedText() == "might"
    # Grouped by section, the same findings.
    panel.group_box.setCurrentIndex(1)
    assert sorted(f.key for f in panel.shown_findings()) == sorted(f.key for f in panel.findings())


def test_one_click_fix_edits_the_text_undoably_and_the_check_follows(qtbot, open_tab, brief):
    tab = open_panel(qtbot, open_tab, brief.id)
    panel = tab.tradecraft_panel
    vague = find(tab, "estimative.vague")
    panel.select_finding(vague)
    assert panel.fix_button.isVisible()
    assert panel.fix_button.text() == f"Fix: “{vague.replacements[0].strip()}”"
    panel.fix_button.click()
    assert f"Iran {vague.replacements[0]} retaliate" in tab.editor.toPlainText()
    qtbot.waitUntil(
        lambda: not any(f.rule == "estimative.vague" for f in tab.tradecraft.findings),
        timeout=10_000,
    )
    tab.editor.undo()
    assert "Iran might retaliate" in tab.editor.toPlainText()
    qtbot.waitUntil(
        lambda: any(f.rule == "estimative.vague" for f in tab.tradecraft.findings),
        timeout=10_000,
    )
    # A sentence added at the end of a key judgment (its confidence).
    missing = find(tab, "estimative.confidence-missing")
    tab.tradecraft.fix(missing, missing.replacements[0])
    assert "Strikes go on. We have low confidence in this judgment." in tab.editor.toPlainText()


def test_typing_never_waits_and_findings_follow_the_unsaved_text(qtbot, open_tab, brief):
    tab = open_panel(qtbot, open_tab, brief.id)
    cursor = tab.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    tab.editor.setTextCursor(cursor)
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, " Perhaps")  # the Discussion: no finding for vague words
    wait_checked(qtbot, tab)
    qtbot.waitUntil(lambda: not tab.tradecraft.busy, timeout=10_000)
    first = tab.editor.document().firstBlock().next()  # the BLUF paragraph
    cursor = QTextCursor(first)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, " Maybe not.")
    qtbot.waitUntil(lambda: any(f.text == "Maybe" for f in tab.tradecraft.findings), timeout=10_000)


def test_dismiss_with_reason_greys_it_and_restore_brings_it_back(qtbot, open_tab, brief, library):
    tab = open_panel(qtbot, open_tab, brief.id)
    panel = tab.tradecraft_panel
    single = find(tab, "sourcing.single-source")
    panel.dismiss_requested.emit(single, "the group's own claim, said as such")
    qtbot.waitUntil(lambda: find(tab, "sourcing.single-source").dismissed, timeout=10_000)
    assert [d.reason for d in library.tradecraft.dismissals(brief.id)] == [
        "the group's own claim, said as such"
    ]
    panel.select_finding(find(tab, "sourcing.single-source"))
    item = panel.tree.currentItem()
    assert "dismissed: the group's own claim" in item.text(0)
    assert item.foreground(0).color().name() == "#8c8c8c"
    assert panel.restore_button.isVisible() and not panel.dismiss_button.isVisible()
    panel.restore_button.click()
    qtbot.waitUntil(lambda: not find(tab, "sourcing.single-source").dismissed, timeout=10_000)
    assert library.tradecraft.dismissals(brief.id) == []


def test_findings_are_underlined_with_a_tooltip(qtbot, open_tab, brief):
    tab = open_panel(qtbot, open_tab, brief.id)
    selections = tab.editor.extraSelections()
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    wavy = [s for s in selections if s.format.underlineStyle() == wave]
    assert "might" in [s.cursor.selectedText() for s in wavy]
    at = next(s for s in wavy if s.cursor.selectedText() == "might").cursor.selectionStart()
    tip = tab.editor.finding_tip(at + 1)
    assert tip.startswith("Vague likelihood words") and "will likely" in tip
    dotted = [s.cursor.selectedText() for s in selections if s not in wavy]
    assert "It claimed 12." in dotted


def test_sourcing_of_the_paragraph_under_the_cursor(qtbot, open_tab, brief):
    tab = open_panel(qtbot, open_tab, brief.id)
    panel = tab.tradecraft_panel
    panel.select_finding(find(tab, "sourcing.ungraded"))
    tab.tradecraft.show_cursor_support()
    rows = [panel.support_list.item(i).text() for i in range(panel.support_list.count())]
    assert len(rows) == 1 and rows[0].startswith("[?") and "Blog" in rows[0]
    warnings = panel.support_warnings.text()
    assert "single source" in warnings and "ungraded" in warnings
    # The circular pair, side by side.
    circular = find(tab, "sourcing.circular")
    panel.select_finding(circular)
    assert panel.compare_button.isVisible()
    dialog = tab.tradecraft.compare(circular)
    qtbot.addWidget(dialog)
    assert all(WIRE in v.toPlainText() for v in dialog.texts) and len(dialog.texts) == 2
    # The source summary statement goes in at the cursor, one undo step.
    before = tab.editor.toPlainText()
    cursor = tab.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    tab.editor.setTextCursor(cursor)
    panel.summary_button.click()
    qtbot.waitUntil(lambda: "This assessment rests on 3 sources" in tab.editor.toPlainText(),
                    timeout=10_000)  # fmt: skip
    tab.editor.undo()
    assert tab.editor.toPlainText() == before


def test_cursor_paths_match_the_document(qtbot, open_tab, brief):
    from briefer.gui.editor.convert import read_located

    tab = open_tab(brief.id)
    _body, places = read_located(tab.editor.document())
    block = tab.editor.document().findBlock(0).next()
    assert path_at(places, block.position() + 2) == ("blocks", 1)


# -- portion marks ------------------------------------------------------------------


def _cursor_in(tab, text):
    doc = tab.editor.document()
    found = doc.find(text)
    cursor = QTextCursor(found)
    cursor.clearSelection()
    tab.editor.setTextCursor(cursor)


def test_portion_mark_from_the_toolbar_rolls_the_marking_up_and_saves(qtbot, open_tab, brief,
                                                                     library):  # fmt: skip
    tab = open_tab(brief.id)
    _cursor_in(tab, "It claimed 12.")
    box = tab.editor.portion_box
    box.setCurrentIndex(box.findData("C"))
    box.activated.emit(box.currentIndex())
    assert tab.editor.portions == ["C"]
    assert tab.editor.portion_gutter.isVisible()
    assert tab.marking_box.currentText() == "CONFIDENTIAL"
    tab.save_now()
    qtbot.waitUntil(lambda: not tab.dirty and not tab.busy, timeout=10_000)
    saved = library.briefs.get(brief.id)
    assert saved.marking == "CONFIDENTIAL"
    discussion = [b for b in saved.body["blocks"] if b.get("type") == "paragraph"]
    assert discussion[1]["portion"] == "C" and "portion" not in discussion[0]
    # The marking cannot be set lower in the tab: refused and put back.
    tab.marking_box.setCurrentText("UNCLASSIFIED")
    tab.marking_box.lineEdit().editingFinished.emit()
    assert tab.marking_box.currentText() == "CONFIDENTIAL"
    assert "cannot be UNCLASSIFIED" in tab.message_bar.text()
    # A TLP label among classification marks is refused.
    _cursor_in(tab, "Strikes will continue.")
    assert not tab.editor.set_portion("TLP:AMBER")
    assert "mix classification marks and TLP labels" in tab.message_bar.text()
    # A higher mark raises it again; undo takes the mark away (the marking stays, which
    # is allowed: it only may not be lower).
    assert tab.editor.set_portion("S")
    assert tab.marking_box.currentText() == "SECRET"
    tab.editor.undo()
    qtbot.waitUntil(lambda: tab.editor.portions == ["C"], timeout=5_000)


def test_clearing_the_marks_lets_the_marking_go_lower(qtbot, open_tab, brief, library):
    library.tradecraft.set_portion(brief.id, "discussion", 1, "C")
    tab = open_tab(brief.id)
    assert tab.editor.portions == ["C"] and tab.marking_box.currentText() == "CONFIDENTIAL"
    _cursor_in(tab, "It claimed 12.")
    assert tab.editor.set_portion("")
    tab.marking_box.setCurrentText("UNCLASSIFIED")
    tab.marking_box.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: not tab.dirty and not tab.busy, timeout=10_000)
    saved = library.briefs.get(brief.id)
    assert saved.marking == "UNCLASSIFIED"
    assert "Not saved" not in tab.message_bar.text()


def test_portion_mark_from_the_context_menu(qtbot, open_tab, brief):
    tab = open_tab(brief.id)
    _cursor_in(tab, "Iran might")
    menu = tab.editor.context_menu(tab.editor.cursorRect().center())
    sub = next(a.menu() for a in menu.actions() if a.text() == "Portion Mark")
    labels = [a.text() for a in sub.actions()]
    assert "(C) Confidential" in labels and "(TLP:AMBER)" in labels
    next(a for a in sub.actions() if a.text().startswith("(U)")).trigger()
    menu.deleteLater()
    assert tab.editor.portions == ["U"]
    assert tab.editor.body()["blocks"][1]["portion"] == "U"


# -- the panel and `briefer lint` ---------------------------------------------------

FIELDS = ("rule", "section", "paragraph", "text", "dismissed", "reason", "suggestion")


def test_panel_shows_what_briefer_lint_json_prints(qtbot, open_tab, brief, library, cli):
    import json

    library.tradecraft.set_portion(brief.id, "discussion", 2, "C")
    tab = open_panel(qtbot, open_tab, brief.id)
    panel = tab.tradecraft_panel
    # Dismissed in the window, typed in the window (saved): both sides see it.
    panel.dismiss_requested.emit(find(tab, "sourcing.circular"), "one wire story, counted once")
    qtbot.waitUntil(lambda: find(tab, "sourcing.circular").dismissed, timeout=10_000)
    _cursor_in(tab, "Strikes go on.")
    cursor = tab.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, " They could widen.")
    assert tab.flush()
    tab.tradecraft.schedule(0)
    wait_checked(qtbot, tab)
    shown = [{k: getattr(f, k) for k in FIELDS} for f in panel.findings()]
    out, _err = cli("lint", str(brief.id), "--json", expect=1)
    printed = [{k: row[k] for k in FIELDS} for row in json.loads(out)]
    assert shown == printed
    rules = {f["rule"] for f in shown}
    assert {"estimative.vague", "marking.portion-missing", "sourcing.circular"} <= rules
    assert any(f["text"] == "could" and f["section"] == "key-judgments" for f in shown)
    assert [f["dismissed"] for f in shown].count(True) == 1
    # The tree holds the same findings, grouped.
    assert sorted(f.key for f in panel.shown_findings()) == sorted(f.key for f in panel.findings())


def test_a_read_only_library_shows_findings_but_takes_no_fix_dismissal_or_mark(
    qtbot, brief, library, library_path, worker
):
    from briefer.core.library import Library
    from briefer.gui.editor.brief_tab import BriefTab

    ro = Library.open(library_path, read_only=True)
    try:
        tab = BriefTab(ro, worker, brief.id)
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitUntil(lambda: tab.version is not None, timeout=10_000)
        tab.show_tradecraft(True)
        qtbot.waitUntil(lambda: bool(tab.tradecraft.findings), timeout=10_000)
        panel = tab.tradecraft_panel
        panel.select_finding(find(tab, "estimative.vague"))
        assert not panel.fix_button.isEnabled() and not panel.dismiss_button.isEnabled()
        tab.tradecraft.fix(find(tab, "estimative.vague"), "will likely")
        assert "Iran might retaliate" in tab.editor.toPlainText()
        assert not tab.editor.set_portion("C")
        worker.wait(5_000)
    finally:
        ro.close()


def test_brief_menu_toggle_follows_the_tab_in_front(qtbot, open_tab, brief, library):
    from PySide6.QtWidgets import QWidget

    from briefer.gui.editor.actions import BriefActions

    host = QWidget()
    qtbot.addWidget(host)
    actions = BriefActions(host)
    first = open_tab(brief.id)
    second = open_tab(library.briefs.create("Other").id)
    actions.set_tab(first)
    actions.tradecraft.trigger()
    assert first.tradecraft_panel.isVisible() and actions.tradecraft.isChecked()
    actions.set_tab(second)
    assert not actions.tradecraft.isChecked()
    second.tradecraft_action.trigger()  # the tab's own button
    assert actions.tradecraft.isChecked()
    second.tradecraft_panel.close_button.click()
    assert not actions.tradecraft.isChecked() and not second.tradecraft_panel.isVisible()
    first.tradecraft_action.trigger()  # a tab behind: the menu does not follow it
    assert not actions.tradecraft.isChecked()
