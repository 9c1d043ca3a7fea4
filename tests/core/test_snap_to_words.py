"""Selections snap to whole words when an excerpt is cut (issue 12)."""

from __future__ import annotations

import pytest

from briefer.core.textutil import snap_to_words

BODY = "The strikes began on Thursday. The ministry said little."


def quote(start: int, end: int) -> str:
    s, e = snap_to_words(BODY, start, end)
    return BODY[s:e]


def at(word: str) -> int:
    return BODY.index(word)


def test_an_overshoot_of_one_letter_is_dropped():
    end = at("The ministry") + 1  # "…Thursday. T"
    assert quote(0, end) == "The strikes began on Thursday."


def test_most_of_a_word_is_completed():
    end = at("Thursday") + 6  # "…Thursd"
    assert quote(0, end) == "The strikes began on Thursday"


def test_a_start_one_letter_early_or_late():
    start = at("began") - 2  # the last letter of "strikes" and a space
    assert quote(start, at("Thursday")) == "began on"
    start = at("strikes") + 1  # "trikes": most of the word
    assert quote(start, at(" began")) == "strikes"


def test_whole_words_and_white_space():
    assert quote(at("strikes") - 1, at(" began") + 1) == "strikes"
    assert quote(0, len(BODY)) == BODY
    assert snap_to_words(BODY, 3, 4) == (4, 4)  # a space only: nothing


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(1, 2, "The"), (at("ministry") + 2, at("ministry") + 3, "ministry")],
)
def test_inside_one_word_gives_that_word(start, end, expected):
    assert quote(start, end) == expected


def test_apostrophes_hyphens_and_marks_stay_inside_words():
    text = "Al-Sudani didn't say. مُحَمَّد قال"
    s, e = snap_to_words(text, 0, text.index("n't") + 1)
    assert text[s:e] == "Al-Sudani didn't"
    arabic = text.index("مُحَمَّد")
    s, e = snap_to_words(text, arabic + 2, len(text))
    assert text[s:e] == "مُحَمَّد قال"
