"""The brief editor: rich text over the brief structure, live citations, autosave.

Integration for the main window: `BriefTab` (one open brief), `BriefActions` (the Brief
menu), `NewBriefDialog.create_brief`, `BriefsListModel` (the navigator's briefs).
"""

from briefer.gui.editor.actions import BriefActions
from briefer.gui.editor.brief_tab import BriefTab
from briefer.gui.editor.briefs_model import BriefIdRole, BriefsListModel
from briefer.gui.editor.editor_widget import BriefEditor
from briefer.gui.editor.new_brief_dialog import NewBriefDialog

__all__ = [
    "BriefActions",
    "BriefEditor",
    "BriefIdRole",
    "BriefTab",
    "BriefsListModel",
    "NewBriefDialog",
]
