"""The licence notices list what Briefer runs on, read from package metadata."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from briefer import notices

ROOT = Path(__file__).resolve().parents[2]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_fallback_list_is_pyprojects_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_normal(Requirement(r).name) for r in project["dependencies"]}
    assert {_normal(n) for n in notices.DIRECT} == declared


def test_notices_reach_indirect_packages_with_their_licences():
    found = {_normal(n.name): n for n in notices.third_party()}
    assert "LGPL-3.0" in found["pyside6-essentials"].licence
    assert found["numpy"].licence.startswith("BSD-3-Clause")  # through py3langid
    assert found["justext"].version  # through trafilatura
    assert "pytest" not in found  # an extra, not shipped


def test_notices_without_briefers_own_metadata(monkeypatch):
    real = notices.metadata.distribution

    def no_briefer(name):
        if name == "briefer":
            raise notices.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(notices.metadata, "distribution", no_briefer)
    names = {_normal(n.name) for n in notices.third_party()}
    assert {"sqlalchemy", "lxml", "python-docx", "numpy"} <= names
