"""The brief editor: rich text over the brief structure, live citations, autosave.

Integration for the main window: `BriefTab` (one open brief), `BriefActions` (the Brief
menu), `NewBriefDialog.create_brief`.

The names load their module on first use (PEP 562), so the window does not pull the
whole editor in before the first paint (issue 16).
"""

from __future__ import annotations

from briefer.lazy import lazy_names

_HOME = {
    "BriefActions": "actions",
    "BriefEditor": "editor_widget",
    "BriefTab": "brief_tab",
    "NewBriefDialog": "new_brief_dialog",
}

__all__ = sorted(_HOME)


__getattr__, __dir__ = lazy_names(__name__, _HOME)
