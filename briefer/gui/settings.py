"""Every setting the window keeps, declared once: its key, type and default.

Settings live in QSettings (the platform's place: ~/.config/Briefer/Briefer.conf on
Linux, the registry on Windows, a plist on macOS; tests pass an INI file). Nothing else
in gui/ names a key: code reads `RECENT_LIBRARIES.get(store)` and gets a list of str,
never a QVariant that is a str in an INI file and a list in the registry.

Some settings are kept per library (the open tabs, the last export folder): their key
ends in a digest of the library's absolute path, so two libraries never share one and
no path is written into the key. Dialog geometry is kept per dialog name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

T = TypeVar("T")
Scope = Literal["library", "dialog"] | None


def library_digest(library_path: Path | str) -> str:
    """The per-library part of a key: 12 hex digits of the path's SHA-1."""
    return hashlib.sha1(str(Path(library_path).absolute()).encode()).hexdigest()[:12]


# -- how each type is read back: QSettings gives strings from INI files -------------------


def _text(raw: Any) -> str:
    return raw if isinstance(raw, str) else str(raw)


def _integer(raw: Any) -> int:
    if isinstance(raw, bool):
        raise ValueError(raw)
    return int(str(raw).strip())


def _text_list(raw: Any) -> list[str]:
    if isinstance(raw, str):  # an INI file gives back a list of one as a string
        return [raw] if raw else []
    return [str(item) for item in raw if item]


def _id_list(raw: Any) -> list[int]:
    """Ids kept as "1,2,3" (the format the window has always written)."""
    parts = raw if isinstance(raw, list | tuple) else str(raw).split(",")
    return [int(p) for p in (str(p).strip() for p in parts) if p.isdigit()]


def _bytes(raw: Any) -> QByteArray:
    if isinstance(raw, QByteArray):
        return raw
    if isinstance(raw, bytes | bytearray):
        return QByteArray(bytes(raw))
    raise ValueError(raw)


def _store_ids(value: list[int]) -> str:
    return ",".join(str(int(v)) for v in value)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting. `get` never raises: a missing or unreadable value is the default."""

    key: str
    default: T
    decode: Callable[[Any], T]
    doc: str
    scope: Scope = None  # "library": one per library file; "dialog": one per dialog
    encode: Callable[[T], Any] | None = None

    def name(self, scope: Path | str | None = None) -> str:
        """The QSettings key, with the library digest or dialog name when scoped."""
        if self.scope is None:
            return self.key
        if scope is None or scope == "":
            raise ValueError(f"the setting {self.key} is kept per {self.scope}: name one")
        part = library_digest(scope) if self.scope == "library" else str(scope)
        return f"{self.key}/{part}"

    def get(self, store: QSettings, scope: Path | str | None = None) -> T:
        raw = store.value(self.name(scope))
        if raw is None:
            return self._default()
        try:
            return self.decode(raw)
        except (TypeError, ValueError):
            return self._default()

    def set(self, store: QSettings, value: T, scope: Path | str | None = None) -> None:
        store.setValue(self.name(scope), self.encode(value) if self.encode else value)

    def remove(self, store: QSettings, scope: Path | str | None = None) -> None:
        store.remove(self.name(scope))

    def _default(self) -> T:
        default = self.default
        if isinstance(default, list):
            return list(default)  # type: ignore[return-value]
        if isinstance(default, QByteArray):
            return QByteArray(default)  # type: ignore[return-value]
        return default


# -- the settings ---------------------------------------------------------------------

WINDOW_GEOMETRY: Setting[QByteArray] = Setting(
    "workbench/geometry", QByteArray(), _bytes, "the main window's size and place"
)
WINDOW_STATE: Setting[QByteArray] = Setting(
    "workbench/state", QByteArray(), _bytes, "the main window's toolbars and docks"
)
WINDOW_SPLITTER: Setting[QByteArray] = Setting(
    "workbench/splitter", QByteArray(), _bytes, "navigator | tabs | excerpts panel sizes"
)
OPEN_SOURCES: Setting[list[int]] = Setting(
    "workbench/open_sources", [], _id_list, "source tabs open at the last close",
    scope="library", encode=_store_ids,
)  # fmt: skip
OPEN_BRIEFS: Setting[list[int]] = Setting(
    "workbench/open_briefs", [], _id_list, "brief tabs open at the last close",
    scope="library", encode=_store_ids,
)  # fmt: skip
CURRENT_TAB: Setting[int] = Setting(
    "workbench/current_tab", -1, _integer, "the tab in front at the last close",
    scope="library",
)  # fmt: skip
RECENT_LIBRARIES: Setting[list[str]] = Setting(
    "recent/libraries", [], _text_list, "File › Open Recent, newest first"
)
EXPORT_FOLDER: Setting[str] = Setting(
    "export/last_folder", "", _text, "the folder this library last exported to",
    scope="library",
)  # fmt: skip
DIALOG_GEOMETRY: Setting[QByteArray] = Setting(
    "dialogs/geometry", QByteArray(), _bytes, "a dialog's size and place (BrieferDialog)",
    scope="dialog",
)  # fmt: skip

ALL: tuple[Setting[Any], ...] = (
    WINDOW_GEOMETRY, WINDOW_STATE, WINDOW_SPLITTER, OPEN_SOURCES, OPEN_BRIEFS,
    CURRENT_TAB, RECENT_LIBRARIES, EXPORT_FOLDER, DIALOG_GEOMETRY,
)  # fmt: skip


def store_for(widget: QWidget | None) -> QSettings:
    """The settings a widget should use: its window's (MainWindow.settings, which tests
    point at a file of their own), else the application's."""
    while widget is not None:
        store = getattr(widget, "settings", None)
        if isinstance(store, QSettings):
            return store
        widget = widget.parentWidget()
    return QSettings()
