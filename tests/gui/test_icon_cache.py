"""Issue 16: icons are rendered once per size and colour, not on every paint."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from briefer.gui.icons import icon

ACTIVE = QPalette.ColorGroup.Active
TEXT = QPalette.ColorRole.WindowText


def _ink(pixmap) -> set[str]:
    image = pixmap.toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_the_same_icon_at_the_same_size_is_one_bitmap(qapp):
    first = icon("source").pixmap(QSize(16, 16))
    again = icon("source").pixmap(QSize(16, 16))
    assert not first.isNull()
    assert first.cacheKey() == again.cacheKey()
    assert icon("source").pixmap(QSize(32, 32)).cacheKey() != first.cacheKey()


def test_a_new_palette_colour_draws_the_icon_afresh(qapp):
    before = QGuiApplication.palette()
    try:
        palette = QPalette(before)
        palette.setColor(ACTIVE, TEXT, QColor("#ff0000"))
        QGuiApplication.setPalette(palette)
        red = icon("source").pixmap(QSize(24, 24))
        palette.setColor(ACTIVE, TEXT, QColor("#0000ff"))
        QGuiApplication.setPalette(palette)
        blue = icon("source").pixmap(QSize(24, 24), QIcon.Mode.Normal)
        assert "#ff0000" in _ink(red)
        assert "#0000ff" in _ink(blue)
        assert "#ff0000" not in _ink(blue)
    finally:
        QGuiApplication.setPalette(before)
