"""SVG icons from resources/icons, drawn in the palette's text colour at the size asked.

The SVGs use `currentColor`; each is rendered once per size, screen pixel ratio and
palette colour and the bitmap kept, so icons stay sharp at any DPI and readable in dark
mode without re-rendering the SVG on every paint.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from briefer.resources import resource, sample_article

SAMPLE_ARTICLE = sample_article()


@cache
def _svg(name: str) -> str:
    path = resource("icons", f"{name}.svg")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


# Rendered bitmaps per (name, width, height, device pixel ratio, colour): an icon is
# drawn once per size and palette colour, not on every paint (issue 16: a repaint of the
# results list re-parsed and re-rendered each SVG in Python, 35-46 ms per keystroke).
# The colour is in the key, so a palette change (dark mode) renders afresh.
_RENDERED: dict[tuple[str, int, int, float, str], QPixmap] = {}
_RENDERED_LIMIT = 512


@cache
def _renderer(name: str, colour: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))


def _colour(mode: QIcon.Mode) -> str:
    group = (
        QPalette.ColorGroup.Disabled
        if mode == QIcon.Mode.Disabled
        else (QPalette.ColorGroup.Active)
    )
    return QGuiApplication.palette().color(group, QPalette.ColorRole.WindowText).name()


def _rendered(name: str, size: QSize, ratio: float, colour: str) -> QPixmap:
    """The icon drawn at `size` device-independent pixels for a screen of `ratio`."""
    width = max(1, round(size.width() * ratio))
    height = max(1, round(size.height() * ratio))
    key = (name, width, height, ratio, colour)
    pixmap = _RENDERED.get(key)
    if pixmap is None:
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        _renderer(name, colour).render(painter, QRectF(0, 0, width, height))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        if len(_RENDERED) >= _RENDERED_LIMIT:
            _RENDERED.clear()
        _RENDERED[key] = pixmap
    return pixmap


class _PaletteSvgEngine(QIconEngine):
    """Renders an SVG with currentColor taken from the application palette."""

    def __init__(self, name: str):
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = _rendered(self._name, rect.size(), ratio, _colour(mode))
        painter.drawPixmap(rect, pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state) -> QPixmap:
        return _rendered(self._name, size, 1.0, _colour(mode))

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
