"""Fixtures for the brief editor tests: a library with graded excerpts and open tabs."""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6

from briefer.gui.editor.brief_tab import BriefTab
from briefer.gui.worker import CoreWorker
from tests.conftest import make_source

ARTICLES = (
    ("Rudaw", "Pentagon sending clear message with strikes", date(2024, 2, 9), "B",
     "The strikes aim to degrade the capabilities of the groups.", 2),
    ("Kurdistan24", "Erbil talks on the budget resume", date(2024, 3, 1), "C",
     "Negotiators met again in Erbil on Sunday.", 3),
    ("Shafaq News", "Water levels fall in Basra", date(2024, 5, 20), "A",
     "Salinity in the Shatt al-Arab rose for a third month.", 1),
)  # fmt: skip


@pytest.fixture
def excerpts(library):
    """Three excerpts of three sources, each quote the whole body."""
    records = []
    for outlet, title, published, reliability, body, credibility in ARTICLES:
        source = make_source(
            library, title, body, outlet=outlet, published=published,
            published_precision="day", reliability=reliability,
        )  # fmt: skip
        records.append(library.excerpts.add_quote(source.id, body, credibility=credibility))
    return records


@pytest.fixture
def worker(qtbot):
    core = CoreWorker()
    yield core
    core.wait(10_000)


@pytest.fixture
def open_tab(qtbot, library, worker):
    tabs = []

    def _open(brief_id: int) -> BriefTab:
        tab = BriefTab(library, worker, brief_id)
        qtbot.addWidget(tab)
        tab.resize(900, 700)
        tab.show()
        qtbot.waitUntil(lambda: tab.version is not None, timeout=10_000)
        tabs.append(tab)
        return tab

    yield _open
    for tab in tabs:
        if shiboken6.isValid(tab):  # a window the test made may have taken it along
            tab.flush(5_000)
