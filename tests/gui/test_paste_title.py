"""A paste whose headline cannot be told apart: the window asks for the title."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

HEADLESS = (
    "Home | World | Business\n\nIraq\n\n"
    "The ministry said on Monday that salaries would be paid late again this month, "
    "blaming the delay on the budget.\n\nOfficials gave no new date for payment."
)


def test_paste_without_headline_asks_for_the_title(qtbot, window, library, monkeypatch):
    asked = []

    def answer(guess: str) -> str:
        asked.append(guess)
        return "Salaries late again"

    monkeypatch.setattr(window.imports, "ask_paste_title", answer)
    QGuiApplication.clipboard().setText(HEADLESS)
    window.action("paste_article").trigger()
    qtbot.waitUntil(lambda: window.tabs.current_source_tab() is not None, timeout=20_000)
    assert len(asked) == 1
    (source,) = library.sources.list()
    assert source.title == "Salaries late again"


def test_cancelling_the_title_question_stores_nothing(qtbot, window, library, monkeypatch):
    asked = []
    monkeypatch.setattr(window.imports, "ask_paste_title", lambda guess: asked.append(guess) or "")
    QGuiApplication.clipboard().setText(HEADLESS)
    window.action("paste_article").trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    qtbot.wait(200)
    assert library.sources.count() == 0
