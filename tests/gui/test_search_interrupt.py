"""A keystroke stops the search still running for the previous one (issue 16)."""

from __future__ import annotations

import threading

from briefer.core import search
from briefer.core.records import SearchFilters
from briefer.gui.search_bar import Searcher
from briefer.gui.worker import CoreWorker


def test_a_newer_query_interrupts_the_running_one(qtbot, library, add_source, monkeypatch):
    add_source("Baghdad strikes")
    add_source("Erbil talks")
    monkeypatch.setattr(search, "PROGRESS_STEPS", 1)
    started, outcomes = threading.Event(), []
    real_search = library.search_results

    def search_that_waits(query, **kw):
        cancelled = kw.pop("cancelled")

        def stop_when_told():
            if query == "Baghdad":
                started.set()
                # Hold the statement until the next keystroke cancels this job.
                for _ in range(500):
                    if cancelled():
                        break
                    threading.Event().wait(0.01)
            return cancelled()

        try:
            results = real_search(query, cancelled=stop_when_told, **kw)
        except search.SearchCancelled:
            outcomes.append((query, "interrupted"))
            raise
        except BaseException as exc:  # anything else is wrong: show it
            outcomes.append((query, repr(exc)))
            raise
        outcomes.append((query, results.total))
        return results

    monkeypatch.setattr(library, "search_results", search_that_waits)
    worker = CoreWorker()
    searcher = Searcher(library, worker)
    delivered = []
    searcher.results_ready.connect(lambda outcome: delivered.append(outcome.query))
    searcher.request("Baghdad", SearchFilters())
    searcher.run_now()
    assert started.wait(10)
    searcher.request("Erbil", SearchFilters())
    searcher.run_now()
    worker.wait(10_000)
    qtbot.waitUntil(lambda: bool(delivered), timeout=5_000)
    assert outcomes == [("Baghdad", "interrupted"), ("Erbil", 1)]
    assert delivered == ["Erbil"]
