"""Publication dates: numeric forms are read from evidence, never month-first by default."""

from datetime import date

import pytest

from briefer.ingest import dates
from briefer.ingest.dates import Convention, read_date

FEB_9, SEP_2 = date(2024, 2, 9), date(2024, 9, 2)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("9 February 2024", FEB_9, "day"),
        ("9th of February, 2024", FEB_9, "day"),
        ("February 9, 2024", FEB_9, "day"),
        ("Feb. 9, 2024", FEB_9, "day"),
        ("Friday, February 9, 2024 - 10:15", FEB_9, "day"),
        ("2024-02-09", FEB_9, "day"),
        ("2024-02-09T10:15:00+03:00", FEB_9, "day"),
        ("Fri, 09 Feb 2024 10:00:00 +0000", FEB_9, "day"),
        ("٩ فبراير ٢٠٢٤", FEB_9, "day"),
        ("9 شباط 2024", FEB_9, "day"),
        ("February 2024", date(2024, 2, 1), "month"),
        ("2024", date(2024, 1, 1), "year"),
    ],
)
def test_unambiguous_forms_are_taken_as_they_are(text, expected, precision):
    reading = read_date(text)
    assert reading.published == expected
    assert reading.precision == precision
    assert not reading.ambiguous
    assert reading.alternatives == ()


def test_a_numeric_date_with_one_valid_reading_is_not_ambiguous():
    assert read_date("25/12/2023").published == date(2023, 12, 25)
    assert read_date("12/25/2023").published == date(2023, 12, 25)
    assert not read_date("12/25/2023").ambiguous
    assert read_date("05.05.2024").published == date(2024, 5, 5)


def test_without_evidence_both_readings_are_kept_day_first_first():
    reading = read_date("09-02-2024")
    assert reading.ambiguous
    assert reading.alternatives == (FEB_9, SEP_2)
    assert reading.published == FEB_9  # never month-first by default
    assert reading.text == "09-02-2024"


def test_events_in_the_text_decide_the_reading():
    context = (
        "Officials said the February 2 strikes hit 85 targets. A drone strike in "
        "late January killed three US troops."
    )
    reading = read_date("09-02-2024", context=context)
    assert reading.published == FEB_9
    assert not reading.ambiguous
    assert not reading.inferred
    assert reading.alternatives == (FEB_9, SEP_2)


def test_events_can_point_to_the_month_first_reading():
    context = "The talks that began on August 28 ended on Friday, August 30."
    reading = read_date("09/02/2024", context=context)
    assert reading.published == SEP_2
    assert not reading.ambiguous
    assert reading.alternatives == (FEB_9, SEP_2)


def test_a_printed_weekday_decides():
    assert read_date("Friday 09-02-2024").published == FEB_9
    assert read_date("Mon, 09/02/2024").published == SEP_2
    assert not read_date("Mon, 09/02/2024").ambiguous


def test_weekday_words_alone_are_weak_evidence():
    # Friday 9 Feb: "Thursday" and "Wednesday" are the two days before; 2 Sep is a Monday.
    context = "The spokesman spoke on Thursday about the strike late on Wednesday."
    reading = read_date("09-02-2024", context=context)
    assert reading.published == FEB_9
    assert reading.ambiguous  # one weak point is not enough to decide


def test_the_outlets_corrections_decide_and_mark_the_date_inferred():
    reading = read_date("09-02-2024", convention=Convention(corrected_month_first=2))
    assert reading.published == SEP_2
    assert not reading.ambiguous
    assert reading.inferred
    assert reading.alternatives == (FEB_9, SEP_2)


def test_the_outlets_other_articles_decide():
    reading = read_date("03-04-2024", convention=Convention(printed_day_first=3))
    assert reading.published == date(2024, 4, 3)
    assert not reading.ambiguous


def test_mixed_convention_does_not_decide_alone():
    reading = read_date(
        "03-04-2024", convention=Convention(printed_day_first=2, printed_month_first=2)
    )
    assert reading.ambiguous


def test_conflicting_strong_evidence_stays_ambiguous():
    context = "The February 2 strikes were followed by more strikes in late January."
    reading = read_date(
        "09-02-2024", context=context, convention=Convention(corrected_month_first=1)
    )
    assert reading.ambiguous
    assert reading.alternatives == (FEB_9, SEP_2)


def test_two_digit_years_and_invalid_dates():
    assert read_date("25/12/23").published == date(2023, 12, 25)
    assert read_date("31/31/2024").published is None
    assert read_date("no date here") == dates.UNKNOWN
    assert read_date("") == dates.UNKNOWN


def test_reading_order_and_iso_helpers():
    assert dates.reading_order("25-01-2024") == "day"
    assert dates.reading_order("01/25/2024") == "month"
    assert dates.reading_order("09-02-2024") is None
    assert dates.reading_order("9 February 2024") is None
    assert dates.from_iso("2024-02-09T10:00:00Z") == FEB_9
    assert dates.from_iso("2024-02-09") == FEB_9
    assert dates.from_iso("yesterday") is None
    assert dates.find_date("Published: 09-02-2024 | Updated") == "09-02-2024"


def test_may_the_verb_is_not_a_month():
    mentions = dates.mentioned_dates("He may 3 times refuse. Elections on May 3.")
    assert [(m.month, m.day) for m in mentions] == [(5, 3)]
