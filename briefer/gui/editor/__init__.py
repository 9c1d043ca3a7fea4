"""The brief editor: rich text over the brief structure, live citations, autosave.

Integration for the main window: `BriefTab` (one open brief), `BriefActions` (the Brief
menu), `NewBriefDialog.create_brief`, `BriefsListModel` (the navigator's briefs).

The names load their module on first use (PEP 562), so the navigator's briefs model
does not pull the whole editor in before the first paint (issue 16).
"""

from __future__ import annotations

import importlib
from typing import Any

_HOME = {
    "BriefActions": "actions",
    "BriefEditor": "editor_widget",
    "BriefIdRole": "briefs_model",
    "BriefTab": "brief_tab",
    "BriefsListModel": "briefs_model",
    "NewBriefDialog": "new_brief_dialog",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    """Import the module that holds `name` the first time it is asked for, and keep it."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'briefer.gui.editor' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"briefer.gui.editor.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
