"""The architecture rules, enforced: `lint-imports` checks the contracts declared in
pyproject.toml ([tool.importlinter]) on every `make test`.

Layers (cli > gui > export, ingest > core), no Qt outside briefer.gui, no SQL in
briefer.gui, and no import cycle between the modules or packages of any package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_rule_has_its_contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert {c["id"] for c in contracts} == {
        "layers", "no-qt-outside-gui", "no-sql-in-gui", "no-cycles",
    }  # fmt: skip


def test_the_import_contracts_hold():
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
    )
    # From the project's root, so grimp reads this tree's briefer.
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout, out.stdout
