"""Build hook: copy the shipped files of the top-level resources/ and templates/ into
the package (briefer/_data/) of every wheel. Everything else is in pyproject.toml.

The top-level folders stay the source of truth (see DEVELOPERS.md); an editable install
needs no copy, since briefer.resources then finds them beside the package.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TOP = Path(__file__).resolve().parent
sys.path.insert(0, str(TOP))

from briefer.resources import PACKAGED, shipped_files  # noqa: E402


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "briefer" / PACKAGED
        for source, relative in shipped_files(TOP):
            self.mkpath(str((target / relative).parent))
            self.copy_file(str(source), str(target / relative), preserve_mode=False)

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        target = Path(self.build_lib) / "briefer" / PACKAGED
        return outputs + [str(target / rel) for _src, rel in shipped_files(TOP)]


setup(cmdclass={"build_py": BuildPyWithData})
