"""Briefer's own start, as the `briefer` command starts the window (cli.main with
`--library LIBRARY`, no command), with the first-paint probe installed as soon as the
QApplication exists. `python -m bench.startup.briefer_window LIBRARY`"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys

APP_MODULE = "briefer.gui.app"


class _ProbeOnApp(importlib.abc.MetaPathFinder):
    """Once cli imports gui/app.py (after its own start-up steps), wrap its make_app so
    the probe watches the QApplication it makes: nothing is imported earlier than the
    command itself imports it."""

    def find_spec(self, name, path, target=None):
        if name != APP_MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_wrap(module):
            exec_module(module)
            make_app = module.make_app

            def make_app_with_probe(*args, **kwargs):
                from bench.startup.probe import FirstPaint

                app = make_app(*args, **kwargs)
                FirstPaint(app, ready=lambda: _window_started(app))
                return app

            module.make_app = make_app_with_probe

        loader.exec_module = exec_and_wrap
        return spec


def _window_started(app) -> bool:
    """MainWindow.started: the services are loaded and the navigator and the excerpts
    panel filled (MainWindow.finish_start, after the first paint)."""
    return any(getattr(w, "started", False) for w in app.topLevelWidgets())


def main(path: str) -> int:
    sys.meta_path.insert(0, _ProbeOnApp())
    from briefer.cli import main as briefer

    return briefer(["--library", path])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
