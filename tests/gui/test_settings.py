"""One typed settings module: each key declared once, read back with its type whatever
the storage gives (issue 12, Settings)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from briefer.gui import settings as st

GUI = Path(st.__file__).parent
# Files that still name keys themselves; their owners switch them over at merge
# (the lead's list: main_window.py lines of _restore_state/save_state, export_dialog.py).
NOT_YET_SWITCHED = {"main_window.py"}


def ini(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def test_every_setting_is_declared_once_in_all():
    declared = [v for v in vars(st).values() if isinstance(v, st.Setting)]
    assert set(map(id, declared)) == set(map(id, st.ALL))
    keys = [s.key for s in st.ALL]
    assert len(keys) == len(set(keys))
    assert all(s.doc for s in st.ALL)


def test_values_come_back_with_their_type_from_a_settings_file(tmp_path):
    store = ini(tmp_path)
    library = tmp_path / "lib.briefer"
    st.RECENT_LIBRARIES.set(store, ["/one.briefer"])
    st.OPEN_SOURCES.set(store, [3, 1, 2], library)
    st.CURRENT_TAB.set(store, 2, library)
    st.WINDOW_GEOMETRY.set(store, QByteArray(b"\x01\x02"))
    st.EXPORT_FOLDER.set(store, "/tmp/out", library)
    store.sync()
    again = ini(tmp_path)  # a fresh read of the file: every value was a string there
    assert st.RECENT_LIBRARIES.get(again) == ["/one.briefer"]  # a list, not a str
    assert st.OPEN_SOURCES.get(again, library) == [3, 1, 2]
    assert st.CURRENT_TAB.get(again, library) == 2
    assert bytes(st.WINDOW_GEOMETRY.get(again)) == b"\x01\x02"
    assert st.EXPORT_FOLDER.get(again, library) == "/tmp/out"


def test_missing_or_unreadable_values_are_the_default(tmp_path):
    store = ini(tmp_path)
    library = tmp_path / "lib.briefer"
    assert st.RECENT_LIBRARIES.get(store) == []
    assert st.CURRENT_TAB.get(store, library) == -1
    store.setValue(st.CURRENT_TAB.name(library), "not a number")
    store.setValue(st.WINDOW_GEOMETRY.name(), "text, not bytes")
    assert st.CURRENT_TAB.get(store, library) == -1
    assert st.WINDOW_GEOMETRY.get(store).isEmpty()
    # A default is never shared: changing what get returned changes nothing stored.
    st.RECENT_LIBRARIES.get(store).append("x")
    assert st.RECENT_LIBRARIES.get(store) == []


def test_per_library_keys_differ_by_library_and_keep_todays_names(tmp_path):
    one, two = tmp_path / "one.briefer", tmp_path / "two.briefer"
    assert st.EXPORT_FOLDER.name(one) != st.EXPORT_FOLDER.name(two)
    # The keys already written by earlier versions are read as before.
    digest = hashlib.sha1(str(one.absolute()).encode()).hexdigest()[:12]
    assert st.EXPORT_FOLDER.name(one) == f"export/last_folder/{digest}"
    assert st.OPEN_SOURCES.name(one) == f"workbench/open_sources/{st.library_digest(one)}"
    with pytest.raises(ValueError, match="per library"):
        st.EXPORT_FOLDER.name(None)
    assert st.DIALOG_GEOMETRY.name("help") == "dialogs/geometry/help"


def test_the_window_and_the_module_read_the_same_tabs(window):
    """What the window saves at close, OPEN_SOURCES/CURRENT_TAB read."""
    window.libraries.save_state()
    store, path = window.settings, window.library.path.absolute()
    assert st.OPEN_SOURCES.get(store, path) == [t.source_id for t in window.tabs.source_tabs()]
    assert st.CURRENT_TAB.get(store, path) == window.tabs.currentIndex()


def test_no_other_gui_module_names_a_key():
    literal = re.compile(r"""\.(?:value|setValue|remove)\(\s*f?["'][a-z_]+/""")
    offenders = [
        p.name
        for p in GUI.rglob("*.py")
        if p.name != "settings.py"
        and p.name not in NOT_YET_SWITCHED
        and literal.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
