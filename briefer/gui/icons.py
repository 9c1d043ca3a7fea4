"""SVG icons from resources/icons, drawn in the palette's text colour at the size asked.

The SVGs use `currentColor`; rendering them on demand (not from a cached bitmap) keeps
them sharp at any DPI and readable in dark mode.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from briefer.resources import resource, sample_article

SAMPLE_ARTICLE = sample_article()


@cache
def _svg(name: str) -> str:
    path = resource("icons", f"{name}.svg")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


class _PaletteSvgEngine(QIconEngine):
    """Renders an SVG with currentColor taken from the application palette."""

    def __init__(self, name: str):
        super().__init__()
        self._name = name

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        palette = QGuiApplication.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else (QPalette.ColorGroup.Active)
        )
        colour = palette.color(group, QPalette.ColorRole.WindowText).name()
        return QSvgRenderer(QByteArray(_svg(self._name).replace("currentColor", colour).encode()))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaletteSvgEngine(self._name)


def app_icon() -> QIcon:
    """The application's own icon (resources/app), in colour, at every size shipped."""
    result = QIcon()
    for path in sorted(resource("app").glob("briefer-*.png")):
        result.addFile(str(path))
    svg = resource("app", "briefer.svg")
    if result.isNull() and svg.is_file():
        result.addFile(str(svg))
    return result


def icon(name: str) -> QIcon:
    """The named icon of resources/icons, or an empty icon when the file is missing."""
    if not _svg(name):
        return QIcon()
    return QIcon(_PaletteSvgEngine(name))
