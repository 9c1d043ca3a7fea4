"""Issue 16: the window's module loads what the first screen shows, nothing more.

The brief editor, excerpt editor, tag manager, source tab, dialogs and the .docx
writer load when first used; importing them with the window cost ~0.25 s of start-up.
"""

from __future__ import annotations

import subprocess
import sys

LATER = [
    "briefer.export.writer",
    "briefer.export.pdf",
    "briefer.gui.editor.brief_tab",
    "briefer.gui.editor.editor_widget",
    "briefer.gui.editor.new_brief_dialog",
    "briefer.gui.excerpt_editor",
    "briefer.gui.tag_manager",
    "briefer.gui.source_tab",
    "briefer.gui.dialogs.import_report",
    "briefer.gui.about",
    "docx",
]


def test_importing_the_window_loads_no_editor_dialog_or_writer():
    code = (
        "import sys, briefer.gui.main_window\n"
        f"print(','.join(m for m in {LATER!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_lazy_packages_still_give_every_name():
    import briefer.export
    import briefer.gui.editor
    from briefer.export.writer import export_brief
    from briefer.gui.editor.brief_tab import BriefTab

    assert briefer.export.export_brief is export_brief
    assert briefer.gui.editor.BriefTab is BriefTab
    for package in (briefer.export, briefer.gui.editor):
        for name in package.__all__:
            assert getattr(package, name) is not None


# Issue 16: what start-up does not show loads later (the dialogs of a library that
# does not open; the brief editor).
NOT_AT_START = [
    "briefer.gui.dialogs.restore_backup",
    "briefer.gui.dialogs.damaged_library",
    "briefer.gui.dialogs.no_library",
    "briefer.gui.dialogs.lock_dialog",
    "briefer.gui.dialogs.help_window",
]


def test_starting_the_app_loads_no_opening_dialog():
    code = (
        "import sys, briefer.gui.app, briefer.gui.main_window\n"
        f"print(','.join(m for m in {NOT_AT_START!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
