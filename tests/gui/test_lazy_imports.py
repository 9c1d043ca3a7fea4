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
