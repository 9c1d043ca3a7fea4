"""The brief editor: rich text over the brief structure, live citations, autosave.

Integration for the main window: `BriefTab` (one open brief), `BriefActions` (the Brief
menu), `NewBriefDialog.create_brief`, `BriefsListModel` (the navigator's briefs).

The names load their module on first use (PEP 562), so the navigator's briefs model
does not pull the whole editor in before the first paint (issue 16).
"""

from __future__ import annotations

from briefer.lazy import lazy_names

_HOME = {
    "BriefActions": "actions",
    "BriefEditor": "editor_widget",
    "BriefIdRole": "briefs_model",
    "BriefTab": "brief_tab",
    "BriefsListModel": "briefs_model",
    "NewBriefDialog": "new_brief_dialog",
}

__all__ = sorted(_HOME)


__getattr__, __dir__ = lazy_names(__name__, _HOME)
