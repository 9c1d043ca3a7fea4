"""Where the files Briefer ships are found: icons, the sample article, templates, the
user guide.

The top-level `resources/`, `templates/` and `docs/guide/` of the repository are the
source of truth. A build (the wheel's setup.py hook, the PyInstaller spec) copies the
files named in SHIPPED into the package as `briefer/_data/resources/...`,
`briefer/_data/templates/...` and `briefer/_data/docs/guide/...`;
in a source checkout or an editable install there is no `_data`, and the top-level
folders beside the package are used as they are. Found through importlib.resources, so
the same call works in a checkout, an installed wheel and the frozen app. Imports no Qt.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGED = "_data"
# The desktop's name for the app: .desktop file, AppStream id, Wayland app id, macOS bundle.
APP_ID = "io.github.briefer.Briefer"

# Folder -> the files under it that ship (glob patterns). setup.py and briefer.spec
# copy exactly these, so the two builds hold the same data.
SHIPPED: dict[str, tuple[str, ...]] = {
    "resources": (
        "icons/*.svg",
        "samples/*.txt",
        "app/*.svg",
        "app/*.png",
        "app/*.ico",
        "app/*.icns",
    ),
    "templates": ("briefs/*.json", "word/*.docx", "word/*.dotx"),
    # The user guide the help window shows (Markdown, written once).
    "docs/guide": ("*.md",),
}

SAMPLE_ARTICLE_NAME = "rudaw-2024-02-09-pentagon-strikes.txt"


def _root() -> Path:
    """The folder holding resources/ and templates/ for this installation."""
    package = Path(str(files("briefer")))
    packaged = package / PACKAGED
    if packaged.is_dir():
        return packaged
    return package.parent  # a source checkout: the repository's top level


def resource(*parts: str) -> Path:
    """A path under resources/ (it may not exist: callers decide what a gap means)."""
    return _root().joinpath("resources", *parts)


def templates_dir() -> Path:
    """The shipped templates/ folder (briefs/ and word/ under it)."""
    return _root() / "templates"


def guide_dir() -> Path:
    """The shipped user guide: one Markdown page per task (docs/guide/ in a checkout)."""
    return _root() / "docs" / "guide"


def sample_article() -> Path:
    """The sample article the window offers and the self-test imports."""
    return resource("samples", SAMPLE_ARTICLE_NAME)


def shipped_files(top: Path) -> list[tuple[Path, str]]:
    """(file, its path relative to `top`) for every file SHIPPED names, sorted.

    `top` is the repository's top level; the builds copy each file to
    `briefer/_data/<relative path>`.
    """
    found: set[Path] = set()
    for folder, patterns in SHIPPED.items():
        for pattern in patterns:
            found.update(p for p in (top / folder).glob(pattern) if p.is_file())
    return [(p, p.relative_to(top).as_posix()) for p in sorted(found)]
