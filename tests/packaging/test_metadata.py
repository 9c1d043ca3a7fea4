"""pyproject.toml must name what the code imports: a package that only arrives through
another one vanishes the day that one drops it."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> dict[str, Requirement]:
    reqs = (Requirement(r) for r in PYPROJECT["project"]["dependencies"])
    return {_normal(r.name): r for r in reqs}


def _imported_top_levels() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "briefer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "briefer"}


def test_every_imported_package_is_declared():
    owners = importlib.metadata.packages_distributions()
    declared = _declared()
    missing = []
    for module in sorted(_imported_top_levels()):
        dists = {_normal(d) for d in owners.get(module, [])}
        if not dists & declared.keys():
            missing.append(f"{module} (from {', '.join(sorted(dists)) or 'nowhere'})")
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_the_probe_sees_indirect_packages():
    """The test above would pass vacuously if it missed the ones that came in sideways."""
    assert {"sqlalchemy", "lxml", "shiboken6"} <= _imported_top_levels()


def test_pyside_excludes_the_broken_release_only():
    """6.12.0 aborts Python 3.11 (tests/gui/test_qt_runtime.py); a fixed 6.12.x is taken."""
    declared = _declared()
    for name in ("pyside6-essentials", "shiboken6"):
        spec = declared[name].specifier
        assert "6.12.0" not in spec, name
        assert "6.11.3" in spec and "6.12.1" in spec and "6.13.0" in spec, name


def test_the_window_has_a_console_free_entry_point():
    """The same program (no command opens the window); Windows gives it no console."""
    assert PYPROJECT["project"]["gui-scripts"]["briefer-gui"] == "briefer.cli:main"
    assert PYPROJECT["project"]["scripts"]["briefer"] == "briefer.cli:main"


def test_the_installed_metadata_matches_the_package_version():
    import briefer

    assert "version" in PYPROJECT["project"].get("dynamic", [])
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "briefer.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", briefer.__version__)
