"""Typing in the search box of the window: how long the GUI thread is ever busy.

The window (offscreen) opens a cached library (bench/corpus.py); queries of the
library benchmark's mix are typed a key at a time, 80 ms apart as a quick typist, and
each is left until its results are shown. Every event the application delivers is
timed (QApplication.notify): key presses, the search timer, the results arriving and
the repaint after them. Searches run on the worker thread and a newer keystroke
interrupts the one running; the target is that no event blocks the GUI thread for more
than 16 ms.

    python -m bench keystroke [--size M|L] [--no-report]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

from bench.bench_library import machine_load
from bench.report import append_section, load_note

TARGET_MS = 16.0
TYPED = ["Barzani", "said", "mi*", "the minister", "Kirkuk oil", "الجسر", '"prime minister"']
KEY_GAP_MS = 80


def measure(size: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bench.corpus import cached_library
    from briefer.core.library import Library

    durations: list[tuple[float, str]] = []

    class TimedApp(QApplication):
        def notify(self, receiver, event):
            started = time.perf_counter()
            try:
                return super().notify(receiver, event)
            finally:
                durations.append(((time.perf_counter() - started) * 1000, event.type().name))

    app = QApplication.instance() or TimedApp(sys.argv[:1])
    from briefer.gui.main_window import MainWindow

    path, _ = cached_library(size)
    library = Library.open(path)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings=settings)
        try:
            window.show()
            app.processEvents()
            QTest.qWait(500)
            field = window.search_field
            per_query = []
            for query in TYPED:
                field.setFocus()
                field.selectAll()
                QTest.keyClick(field, Qt.Key.Key_Delete)
                QTest.qWait(300)
                durations.clear()
                started = time.perf_counter()
                for ch in query:
                    # QTest types ASCII only: the key events an Arabic keyboard sends.
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        app.sendEvent(
                            field,
                            QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
                        )
                    QTest.qWait(KEY_GAP_MS)
                deadline = time.perf_counter() + 30
                while time.perf_counter() < deadline:
                    outcome = window._search_outcome
                    if outcome is not None and outcome.query == query:
                        break
                    QTest.qWait(10)
                shown = (time.perf_counter() - started) * 1000 - KEY_GAP_MS * len(query)
                QTest.qWait(100)  # the repaint after the results
                worst, kind = max(durations) if durations else (0.0, "")
                per_query.append(
                    {
                        "query": query,
                        "worst_ms": worst,
                        "worst_event": kind,
                        "events": len(durations),
                        "over": sum(1 for d, _k in durations if d > TARGET_MS),
                        "results_after_last_key_ms": shown,
                        "p99_ms": sorted(d for d, _k in durations)[int(0.99 * (len(durations) - 1))]
                        if durations
                        else 0.0,
                    }
                )
        finally:
            window.worker.wait(30_000)
            window.close()
            library.close()
    return {"size": size, "queries": per_query}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench keystroke")
    parser.add_argument("--size", default="M")
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    load = machine_load()
    r = measure(args.size)
    worst = max(q["worst_ms"] for q in r["queries"])
    ok = worst <= TARGET_MS
    lines = [
        f"Library {args.size}; offscreen; keys {KEY_GAP_MS} ms apart; {load} before, "
        f"{machine_load()} after.",
        "",
        "| typed | events | longest event ms (kind) | p99 ms | events > 16 ms | "
        "results after the last key, ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *[
            f"| `{q['query']}` | {q['events']} | {q['worst_ms']:.1f} ({q['worst_event']}) | "
            f"{q['p99_ms']:.1f} | {q['over']} | {q['results_after_last_key_ms']:.0f} |"
            for q in r["queries"]
        ],
        "",
        f"Longest GUI-thread event: {worst:.1f} ms (target <= {TARGET_MS:.0f} ms); median of "
        f"the per-query longest: "
        f"{statistics.median(q['worst_ms'] for q in r['queries']):.1f} ms. "
        f"Result: {'PASS' if ok else 'FAIL'}.",
    ]
    note = load_note("keystroke")
    if note:
        lines += ["", note]
    text = "\n".join(lines)
    print(text)
    if not args.no_report:
        append_section("Typing in the search box (bench/bench_keystroke.py)", text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
