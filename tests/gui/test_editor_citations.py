"""Citation markers: numbered by position, hover details, click, delete, undo, paste."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from briefer.core import document as bdoc
from briefer.gui.editor.editor_widget import BriefEditor
from briefer.gui.editor.markers import source_entries

pytest_plugins = ["tests.gui.editor_support"]


def editor_with(qtbot, body: dict, records=()) -> BriefEditor:
    editor = BriefEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    editor.store.add(records)
    editor.set_body(bdoc.normalize(body))
    return editor


def marker_point(editor: BriefEditor, n: int) -> QPoint:
    pos = editor.index.positions()[n]
    return editor._marker_rect(pos).center()


def test_markers_number_by_order_and_renumber_when_one_is_deleted(qtbot, excerpts):
    a, b, c = (e.id for e in excerpts)
    editor = editor_with(
        qtbot,
        {
            "blocks": [
                bdoc.paragraph("One", bdoc.citation(a)),
                bdoc.paragraph("Two", bdoc.citation(b)),
                bdoc.paragraph("Three", bdoc.citation(c)),
                {"type": "source_list"},
            ]
        },
        excerpts,
    )
    positions = editor.index.positions()
    assert [editor.index.number_at(p) for p in positions] == [1, 2, 3]
    # Delete the first marker with Backspace: the citation goes, the others move up.
    cursor = QTextCursor(editor.document())
    cursor.setPosition(positions[0] + 1)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.citations() == [b, c]
    assert editor.body()["blocks"][0] == bdoc.paragraph("One")
    assert editor.index.number_at(editor.index.positions()[0]) == 1
    assert [line.split(".")[0] for line in source_entries(editor.index, editor.store)] == ["1", "2"]
    # Undo brings the citation back, numbered first again.
    editor.undo()
    assert editor.citations() == [a, b, c]
    assert editor.index.excerpt_at(editor.index.positions()[0]) == a


def test_hover_shows_outlet_date_title_and_grade_and_click_opens_excerpt(qtbot, excerpts):
    first = excerpts[0]
    editor = editor_with(
        qtbot, {"blocks": [bdoc.paragraph("Claim", bdoc.citation(first.id))]}, excerpts
    )
    qtbot.waitUntil(lambda: editor.index.positions() != [], timeout=2_000)
    point = marker_point(editor, 0)
    shown = []
    original = QToolTip.showText
    try:
        QToolTip.showText = staticmethod(lambda _pos, text, *a: shown.append(text))
        QApplication.sendEvent(
            editor.viewport(),
            QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point)),
        )
    finally:
        QToolTip.showText = original
    assert shown, "no tooltip over the marker"
    text = shown[0]
    assert "Rudaw" in text and "09 February 2024" in text
    assert first.source_title in text and "Grade B2" in text
    with qtbot.waitSignal(editor.excerpt_activated, timeout=2_000) as signal:
        qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [first.id]


def test_copy_and_paste_keeps_markers_and_gives_other_programs_numbers(qtbot, excerpts):
    a, b = excerpts[0].id, excerpts[1].id
    editor = editor_with(
        qtbot, {"blocks": [bdoc.paragraph("Alpha", bdoc.citation(a), " beta", bdoc.citation(b))]}
    )
    editor.selectAll()
    mime = editor.createMimeDataFromSelection()
    assert mime.text() == "Alpha[1] beta[2]"
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertFromMimeData(mime)
    assert editor.citations() == [a, b, a, b]
    assert editor.body()["blocks"][0]["content"][-1] == bdoc.citation(b)


def test_typing_after_a_marker_is_text_and_cite_without_quoting_adds_marker_only(qtbot, excerpts):
    editor = editor_with(qtbot, {"blocks": [bdoc.paragraph("Paraphrase")]})
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_excerpts([excerpts[2]], "marker")
    qtbot.keyClicks(editor, " more")
    assert editor.body()["blocks"] == [
        bdoc.paragraph("Paraphrase", bdoc.citation(excerpts[2].id), " more")
    ]
    editor.undo()
    editor.undo()
    assert editor.citations() == []


def test_block_quote_mode_and_drop_of_several_excerpts_is_one_undo_step(qtbot, excerpts):
    editor = editor_with(qtbot, {"blocks": [bdoc.paragraph("Intro")]}, excerpts)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_excerpt_ids([excerpts[0].id, excerpts[1].id], "block")
    blocks = editor.body()["blocks"]
    assert [b["type"] for b in blocks] == ["paragraph", "quote", "quote"]
    assert blocks[2]["content"] == [bdoc.text(excerpts[1].text), bdoc.citation(excerpts[1].id)]
    editor.undo()
    assert editor.body()["blocks"] == [bdoc.paragraph("Intro")]
