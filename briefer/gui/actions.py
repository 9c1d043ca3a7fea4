"""Every menu item, toolbar button and shortcut of the window, declared once (issue 12).

`ACTIONS` is the table: id, text, shortcuts, icon, tooltip, menu, toolbar, when it is
enabled and its page of the user guide. `build_actions` makes the QActions, `fill_menus`
and `fill_toolbar` place them (with the actions other parts own, such as the Brief
menu's, at their `Slot`), `ActionStates` enables them as the tab in front and the
library's mode change, and `shortcut_list` writes Help's list of keys from the menus as
built, so the menus and the help cannot disagree. Picard's ui/mainwindow/actions.py
is the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from briefer.gui.icons import icon

Keys = QKeySequence.StandardKey


class ActionId(StrEnum):
    IMPORT_FILES = "import_files"
    IMPORT_FOLDER = "import_folder"
    PASTE_ARTICLE = "paste_article"
    OPEN_LIBRARY = "open_library"
    OPEN_SAMPLE = "open_sample"
    CLOSE_TAB = "close_tab"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    CUT_EXCERPT = "cut_excerpt"
    CUT_EXACT = "cut_exact"
    DELETE_SOURCE = "delete_source"
    FIND = "find"
    SHOW_SOURCES = "show_sources"
    SHOW_NAVIGATOR = "show_navigator"
    SHOW_PANEL = "show_panel"
    TAG_COLOURS = "tag_colours"
    MANAGE_TAGS = "manage_tags"
    REBUILD_INDEX = "rebuild_index"
    CHECK_LIBRARY = "check_library"
    EXPORT_WORD = "export_word"
    HELP = "help"
    OPEN_LOG_FOLDER = "open_log_folder"
    ABOUT = "about"


class Needs(Enum):
    """When an action may be used."""

    WRITABLE = "the library open for writing"
    SOURCE_TAB = "a source in front"
    BRIEF_TAB = "a brief in front"


class Slot(StrEnum):
    """Places in the menus for actions other parts of the window own."""

    SEPARATOR = "-"
    OPEN_RECENT = "open_recent"  # gui/recent_menu.py
    EXPORT_PDF = "export_pdf"  # gui/pdf_action.py
    PANEL = "panel"  # the excerpts panel's Edit, Copy, Delete
    BRIEF = "brief"  # gui/editor/actions.py
    SESSION = "session"  # Back Up Now, Restore, Check (gui/session.py)


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    text: str
    menu: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    icon: str = ""
    tip: str = ""
    toolbar: bool = False
    needs: tuple[Needs, ...] = ()
    help_page: str = ""
    checkable: bool = False


W, S, B = Needs.WRITABLE, Needs.SOURCE_TAB, Needs.BRIEF_TAB
A = ActionId

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(A.IMPORT_FILES, "&Import Files…", "file", ("Ctrl+I",), "import",
               "Import articles from files", True, (W,), "import"),
    # Ctrl+Shift+I belongs to the brief editor's Insert Excerpt.
    ActionSpec(A.IMPORT_FOLDER, "Import &Folder…", "file", ("Ctrl+Alt+I",), "folder",
               "Import every article in a folder", False, (W,), "import"),
    ActionSpec(A.PASTE_ARTICLE, "&Paste Article as New Source", "file", ("Ctrl+Shift+V",),
               "paste", "The article you copied in a browser becomes a source", True, (W,),
               "import"),
    ActionSpec(A.OPEN_LIBRARY, "&Open Library…", "file", (Keys.Open,), "library",
               help_page="backups"),
    ActionSpec(A.OPEN_SAMPLE, "Open &Sample Library", "file", (), "sample",
               help_page="import"),
    ActionSpec(A.CLOSE_TAB, "&Close Tab", "file", (Keys.Close,), "close"),
    ActionSpec(A.QUIT, "&Quit", "file", (Keys.Quit, "Ctrl+Q")),
    # Fixed texts; gui/undo_router.py enables them and names the item in the tooltip.
    ActionSpec(A.UNDO, "&Undo", "edit", ("Ctrl+Z",), "undo", toolbar=True, needs=(W,)),
    ActionSpec(A.REDO, "&Redo", "edit", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", toolbar=True,
               needs=(W,)),
    ActionSpec(A.CUT_EXCERPT, "Cut &Excerpt…", "edit", ("Ctrl+E",), "excerpt",
               "Make an excerpt of the selected words, whole words (Ctrl+E; Shift+click or "
               "Ctrl+Alt+E: exactly as selected)", True, (W, S), "excerpt"),
    ActionSpec(A.CUT_EXACT, "Cut Excerpt E&xactly as Selected…", "edit", ("Ctrl+Alt+E",),
               needs=(W, S), help_page="excerpt"),
    ActionSpec(A.DELETE_SOURCE, "Delete &Source", "edit", (), "delete", needs=(W,)),
    ActionSpec(A.FIND, "&Find…", "edit", (Keys.Find,), "search",
               "Find in the brief in front, else search the library", help_page="search"),
    ActionSpec(A.SHOW_SOURCES, "&Sources Table", "view", ("Ctrl+0",), "library"),
    ActionSpec(A.SHOW_NAVIGATOR, "&Navigator", "view", ("Ctrl+1",), checkable=True),
    ActionSpec(A.SHOW_PANEL, "E&xcerpts Panel", "view", ("Ctrl+2",), checkable=True),
    ActionSpec(A.TAG_COLOURS, "Colour Highlights by &Tag", "view", checkable=True),
    ActionSpec(A.MANAGE_TAGS, "Manage &Tags…", "library", ("Ctrl+T",), "tag", toolbar=True,
               needs=(W,), help_page="grade"),
    ActionSpec(A.REBUILD_INDEX, "&Rebuild Search Index", "library", needs=(W,),
               help_page="search"),
    ActionSpec(A.CHECK_LIBRARY, "&Check Library", "library", help_page="backups"),
    ActionSpec(A.EXPORT_WORD, "&Export to Word…", "brief", ("Ctrl+Shift+E",), "save",
               needs=(B,), help_page="export"),
    ActionSpec(A.HELP, "Briefer &Help", "help", (Keys.HelpContents,), "help"),
    ActionSpec(A.OPEN_LOG_FOLDER, "Open &Log Folder", "help"),
    ActionSpec(A.ABOUT, "&About Briefer", "help"),
)  # fmt: skip

SPECS: dict[ActionId, ActionSpec] = {spec.id: spec for spec in ACTIONS}

MENUS: tuple[tuple[str, str, tuple[ActionId | Slot, ...]], ...] = (
    ("file", "&File", (A.IMPORT_FILES, A.IMPORT_FOLDER, A.PASTE_ARTICLE, Slot.SEPARATOR,
                       A.OPEN_LIBRARY, Slot.OPEN_RECENT, A.OPEN_SAMPLE, Slot.SEPARATOR,
                       Slot.EXPORT_PDF, A.CLOSE_TAB, Slot.SEPARATOR, A.QUIT)),
    ("edit", "&Edit", (A.UNDO, A.REDO, Slot.SEPARATOR, A.CUT_EXCERPT, A.CUT_EXACT, Slot.PANEL,
                       Slot.SEPARATOR, A.DELETE_SOURCE, Slot.SEPARATOR, A.FIND)),
    ("view", "&View", (A.SHOW_SOURCES, Slot.SEPARATOR, A.SHOW_NAVIGATOR, A.SHOW_PANEL,
                       Slot.SEPARATOR, A.TAG_COLOURS)),
    ("library", "&Library", (A.MANAGE_TAGS, Slot.SEPARATOR, A.REBUILD_INDEX, A.CHECK_LIBRARY,
                             Slot.SESSION)),
    ("brief", "&Brief", (Slot.BRIEF, Slot.SEPARATOR, A.EXPORT_WORD)),
    ("help", "&Help", (A.HELP, A.OPEN_LOG_FOLDER, A.ABOUT)),
)  # fmt: skip

TOOLBAR: tuple[ActionId | Slot, ...] = (
    A.IMPORT_FILES, A.PASTE_ARTICLE, Slot.SEPARATOR, A.CUT_EXCERPT, Slot.SEPARATOR, A.UNDO,
    A.REDO, Slot.SEPARATOR, A.MANAGE_TAGS,
)  # fmt: skip


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The keys of a row: every binding the platform has for a standard key, then the
    keys named, each once (Quit names Ctrl+Q for platforms without a binding)."""
    found: dict[str, QKeySequence] = {}
    for key in spec.shortcuts:
        if isinstance(key, QKeySequence.StandardKey):
            sequences = QKeySequence.keyBindings(key)
        else:
            sequences = [QKeySequence(key)]
        for sequence in sequences:
            found.setdefault(sequence.toString(), sequence)
    return list(found.values())


def build_actions(parent: QWidget) -> dict[ActionId, QAction]:
    """One QAction per row of the table."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(icon(spec.icon), spec.text, parent)
        action.setObjectName(spec.id.value)
        action.setShortcuts(key_sequences(spec))
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        if spec.checkable:
            action.setCheckable(True)
        actions[spec.id] = action
    return actions


Placed = Callable[[QMenu], None]


def fill_menus(
    bar: QMenuBar, actions: dict[ActionId, QAction], slots: dict[Slot, Placed]
) -> dict[str, QMenu]:
    """The menu bar as MENUS lays it out; slots put in what other parts own."""
    menus = {}
    for key, title, items in MENUS:
        menu = bar.addMenu(title)
        menu.setObjectName(f"{key}_menu")
        for item in items:
            if item is Slot.SEPARATOR:
                menu.addSeparator()
            elif isinstance(item, Slot):
                place = slots.get(item)
                if place is not None:
                    place(menu)
            else:
                menu.addAction(actions[item])
        menus[key] = menu
    return menus


def fill_toolbar(toolbar: QToolBar, actions: dict[ActionId, QAction]) -> None:
    for item in TOOLBAR:
        if item is Slot.SEPARATOR:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[item])


class ActionStates:
    """Enables the actions that need a tab in front (and a writable library)."""

    def __init__(self, actions: dict[ActionId, QAction]):
        self._actions = actions

    def update(self, *, writable: bool, source_tab: bool, brief_tab: bool) -> None:
        have = {Needs.WRITABLE: writable, Needs.SOURCE_TAB: source_tab,
                Needs.BRIEF_TAB: brief_tab}  # fmt: skip
        for spec in ACTIONS:
            if Needs.SOURCE_TAB in spec.needs or Needs.BRIEF_TAB in spec.needs:
                self._actions[spec.id].setEnabled(all(have[n] for n in spec.needs))


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def menu_entries(bar: QMenuBar) -> Iterable[tuple[str, QAction]]:
    """(menu title, action) for every action in the menus, submenus included."""

    def walk(menu: QMenu, path: str):
        for action in menu.actions():
            if action.menu() is not None:
                yield from walk(action.menu(), f"{path} › {_plain(action.text())}")
            elif not action.isSeparator():
                yield path, action

    for top in bar.actions():
        if top.menu() is not None:
            yield from walk(top.menu(), _plain(top.text()))


def shortcut_of(action: QAction) -> str:
    """The keys of an action as Help shows them: "Ctrl+I", "Ctrl+Shift+Z or Ctrl+Y"."""
    keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
    return " or ".join(k for k in keys if k)


def shortcut_list(bar: QMenuBar) -> list[tuple[str, str]]:
    """("File › Import Files", "Ctrl+I") for every menu item that has keys."""
    return [(f"{path} › {_plain(action.text())}", shortcut_of(action))
            for path, action in menu_entries(bar) if shortcut_of(action)]  # fmt: skip


def duplicate_shortcuts(actions: Sequence[QAction]) -> dict[str, list[str]]:
    """Keys given to more than one action of the whole window (Qt would call them
    ambiguous); keys of one widget (Enter and Delete in a list) may repeat elsewhere."""
    local = (Qt.ShortcutContext.WidgetShortcut, Qt.ShortcutContext.WidgetWithChildrenShortcut)
    seen: dict[str, list[str]] = {}
    for action in actions:
        if action.shortcutContext() in local:
            continue
        for key in action.shortcuts():
            if not key.isEmpty():
                seen.setdefault(key.toString(), []).append(_plain(action.text()))
    return {k: v for k, v in seen.items() if len(v) > 1}
