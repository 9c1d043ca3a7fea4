"""Plain text, Markdown and pasted text: the Rudaw sample is the reference case."""

from datetime import date

import pytest

from briefer.ingest import parse_bytes, parse_path
from briefer.ingest.clean import clean_text, is_chrome, split_paragraphs
from briefer.ingest.metadata import find_dateline, outlet_from_text, split_authors

from .conftest import RUDAW


@pytest.fixture(scope="module")
def rudaw():
    return parse_path(RUDAW, today=date(2024, 3, 1))


def test_rudaw_metadata(rudaw):
    assert rudaw.title == "Pentagon sending ‘clear message’ with strikes on Iraqi armed groups"
    assert rudaw.authors == ("Azhi Rasul",)
    assert rudaw.outlet == "Rudaw"
    assert rudaw.dateline == "Erbil, Kurdistan Region"
    assert rudaw.language == "en"
    assert rudaw.original_format == "txt"
    assert rudaw.accessed == date(2024, 3, 1)


def test_rudaw_date_is_decided_by_the_events_it_reports(rudaw):
    assert rudaw.published == date(2024, 2, 9)
    assert rudaw.published_precision == "day"
    assert not rudaw.published_ambiguous
    assert rudaw.published_alternatives == (date(2024, 2, 9), date(2024, 9, 2))
    assert rudaw.published_text == "09-02-2024"


def test_rudaw_body_is_the_article_without_chrome(rudaw):
    body = rudaw.body
    assert body.startswith("ERBIL, Kurdistan Region - The purpose")
    assert body.endswith("declared territorially defeated in 2019.")
    for chrome in (
        "A+ A-",
        "Post a comment",
        "Required",
        "moderates all comments",
        "community guidelines",
        "approved or rejected",
        "@AzhiYR",
        "Azhi Rasul",
        "Comments",
        "09-02-2024",
    ):
        assert chrome not in body
    assert not body.startswith("Pentagon sending")
    assert "\n\nPentagon spokesperson Major General Pat Ryder" in body
    assert "\n\n\n" not in body
    assert body.count("\n\n") == 12  # 13 paragraphs, one blank line between each


def test_rudaw_original_bytes_are_kept(rudaw):
    assert rudaw.original.data == RUDAW.read_bytes()
    assert rudaw.original.filename == RUDAW.name
    assert rudaw.original.media_type == "text/plain"


def test_dateline_forms():
    assert find_dateline("ERBIL, Kurdistan Region - The purpose of the strikes") == (
        "Erbil, Kurdistan Region",
        "",
    )
    assert find_dateline("BAGHDAD (Reuters) - Iraq's prime minister said on Friday") == (
        "Baghdad",
        "Reuters",
    )
    assert find_dateline("NEW YORK — Markets fell sharply on Monday after") == ("New York", "")
    assert find_dateline("AL-QAIM, Iraq: Residents returned to their homes") == (
        "Al-Qaim, Iraq",
        "",
    )
    assert find_dateline("أربيل - قال متحدث باسم البنتاغون يوم الخميس") == ("أربيل", "")
    assert find_dateline("The US said - in a statement on Friday - that") == ("", "")
    assert find_dateline("US - Iraq") == ("", "")


def test_authors_drop_handles_and_reject_sentences():
    assert split_authors("Azhi Rasul @AzhiYR") == ("Azhi Rasul",)
    assert split_authors("By Jane Smith and Ali al-Tamimi") == ("Jane Smith", "Ali al-Tamimi")
    assert split_authors("Pentagon sending ‘clear message’ with strikes") == ()
    assert split_authors("The talks will resume on Sunday") == ()


def test_outlet_named_in_the_text():
    assert (
        outlet_from_text(
            "a spokesperson told Rudaw on Thursday. Rudaw moderates all "
            "comments submitted on our website."
        )
        == "Rudaw"
    )
    assert outlet_from_text("Copyright © 2024 Kurdistan24. All rights reserved.") == "Kurdistan24"
    assert outlet_from_text("The minister told reporters nothing new.") == ""


def test_chrome_lines():
    for line in (
        "A+ A-",
        "Share",
        "Share Tweet Email",
        "Post a comment",
        "Required",
        "We use cookies to improve your experience. Accept all",
        "Sign up for our newsletter",
        "© 2024 Rudaw",
        "@AzhiYR",
        "•",
    ):
        assert is_chrome(line), line
    for line in (
        "The purpose of the strikes was to degrade capabilities.",
        "Share prices fell by 3 percent on Monday as traders sold.",
    ):
        assert not is_chrome(line), line


def test_related_lists_and_comment_sections_are_dropped():
    text = (
        "Headline of the story here\n\n"
        + "First paragraph of the story with plenty of words to count as text. " * 2
        + "\n\nRelated articles\nIraq votes again\nTurkey strikes PKK targets\n\n"
        + "Second paragraph of the story, still with plenty of words in it, goes here."
        + "\n\nComments\n\nGreat article!\n\nI disagree with this completely."
    )
    body = clean_text(text)
    assert "Iraq votes again" not in body
    assert "Second paragraph of the story" in body
    assert "Great article" not in body and "Comments" not in body


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "This is a long paragraph that was wrapped at seventy characters by\n"
        "an e-mail program and should come back as one single paragraph of\n"
        "text in the body.\n\nSecond paragraph."
    )
    assert split_paragraphs(wrapped) == [
        "This is a long paragraph that was wrapped at seventy characters by an e-mail "
        "program and should come back as one single paragraph of text in the body.",
        "Second paragraph.",
    ]


def test_markdown_with_front_matter():
    md = (
        b'---\ntitle: "Iraq\'s budget passes"\nauthor: Jane Smith\n'
        b"source: https://example.org/budget\npublished: 2024-06-12\n---\n\n"
        b"# Iraq's budget passes\n\n"
        b"BAGHDAD - Parliament passed the **three-year** budget on Wednesday after "
        b"[months of talks](https://example.org/talks).\n\n"
        b"![chart](https://example.org/chart.png)\n\n"
        b"- Salaries are paid first\n- Oil revenue is pooled\n"
    )
    src = parse_bytes(md, "budget.md", today=date(2024, 6, 13))
    assert src.title == "Iraq's budget passes"
    assert src.authors == ("Jane Smith",)
    assert src.url == "https://example.org/budget"
    assert src.published == date(2024, 6, 12)
    assert src.dateline == "Baghdad"
    assert src.original_format == "md"
    assert src.body.startswith("BAGHDAD - Parliament passed the three-year budget")
    assert "months of talks" in src.body
    assert "](" not in src.body and "**" not in src.body and "chart.png" not in src.body
    assert "- Salaries are paid first" in src.body


def test_arabic_text_language_and_title():
    text = (
        "البنتاغون يرسل رسالة واضحة\n\n"
        "أربيل - قال متحدث باسم وزارة الدفاع الأمريكية إن الغارات تهدف إلى إضعاف قدرات "
        "الجماعات المسلحة وحماية القوات الأمريكية في العراق وسوريا."
    ).encode()
    src = parse_bytes(text, "arabic.txt")
    assert src.language == "ar"
    assert src.title == "البنتاغون يرسل رسالة واضحة"
    assert src.dateline == "أربيل"
    assert src.body.startswith("أربيل - قال")


def test_text_without_header_gets_a_title_from_the_first_paragraph():
    src = parse_bytes(b"Just one paragraph of notes about the meeting in Erbil today.", "notes.txt")
    assert src.title == "Just one paragraph of notes about the meeting in Erbil today."
    assert src.published is None and src.published_precision == "unknown"


def test_a_dateline_is_a_place_in_any_script_not_a_label():
    assert find_dateline("تقرير: افتتحت السلطات المحلية اليوم الجسر الجديد فوق النهر") == ("", "")
    assert find_dateline("REPORT: The ministry said on Monday that the talks had") == ("", "")
    assert find_dateline("بغداد (رويترز) - أجل البرلمان العراقي اليوم التصويت على") == (
        "بغداد",
        "رويترز",
    )
    assert find_dateline("МОСКВА (ТАСС) — Министерство обороны сообщило в понедельник") == (
        "Москва",
        "ТАСС",
    )
    assert find_dateline("ΑΘΗΝΑ - Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα") == ("Αθηνα", "")
    assert find_dateline("هەولێر - وەزارەتی پێشمەرگە ڕایگەیاند کە هێزەکان") == ("هەولێر", "")


def test_bylines_keep_people_not_credentials_roles_or_dates():
    assert split_authors("Rachael Link, MS, RD") == ("Rachael Link",)
    assert split_authors("Written by Rachael Link, MS, RD on January 8, 2020") == ("Rachael Link",)
    assert split_authors("By Dana Whitfield, Middle East Correspondent") == ("Dana Whitfield",)
    assert split_authors("Jane Roe, Staff Writer | Nov. 18, 2019") == ("Jane Roe",)
    assert split_authors("Martin Luther King, Jr.") == ("Martin Luther King Jr.",)


def test_people_win_over_publishers_and_agencies_are_credit():
    from briefer.ingest.people import choose_authors

    assert choose_authors([("Condé Nast", ""), ("Amelia Brooks", "person")], "Vogue") == (
        ("Amelia Brooks",),
        (),
    )
    assert choose_authors([("Snopes", ""), ("Chidi Okafor", "")], "Snopes.com") == (
        ("Chidi Okafor",),
        (),
    )
    assert choose_authors([("Sky", "")], "Sky News") == ((), ())
    assert choose_authors([("Reuters", ""), ("Ali Hassan", "")], "") == (
        ("Ali Hassan",),
        ("Reuters",),
    )
    assert choose_authors([("Human Rights Watch", "")], "ReliefWeb") == (
        ("Human Rights Watch",),
        (),
    )
