"""Browser pastes, plain-text headers, near-valid UTF-8 and e-mail subjects."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from briefer.core.textutil import is_navigation
from briefer.ingest import import_paths, import_text, parse_bytes
from briefer.ingest.parse import parse_paste, paste_article

from .conftest import RUDAW

NAV = "Home | World | Business | Opinion | Sport | Culture\nSubscribe Sign in\n\nMiddle East\n\n"


def test_browser_paste_with_navigation_takes_the_headline_as_title():
    text = NAV + RUDAW.read_text(encoding="utf-8")
    new = parse_paste(text)
    assert new.title == "Pentagon sending ‘clear message’ with strikes on Iraqi armed groups"
    assert new.outlet == "Rudaw"
    assert new.authors == ("Azhi Rasul",)
    assert new.body.startswith("ERBIL, Kurdistan Region - The purpose")
    for chrome in ("Home | World", "Subscribe", "Sign in", "Middle East\n"):
        assert chrome not in new.body


def test_the_rudaw_sample_paste_as_it_is():
    sample = Path(__file__).parent.parent / "data" / "rudaw-2024-02-09-pentagon-strikes.txt"
    new = parse_paste(sample.read_text(encoding="utf-8"))
    assert new.authors == ("Azhi Rasul",) and new.dateline == "Erbil, Kurdistan Region"
    assert new.published.isoformat() == "2024-02-09"
    assert new.title.startswith("Pentagon sending")
    assert new.outlet == "Rudaw"
    assert "Rudaw moderates all comments" not in new.body
    assert "A+ A-" not in new.body


def test_navigation_lines_are_recognised_by_listed_rules():
    assert is_navigation("Home | World | Business | Opinion")
    assert is_navigation("Subscribe Sign in")
    assert is_navigation("Log in  Register  My account")
    assert is_navigation("الرئيسية | أخبار | اقتصاد | رياضة")
    assert not is_navigation("Team | Wins | Losses 2019")
    assert not is_navigation("Pentagon sending ‘clear message’ with strikes")
    assert not is_navigation("Report number 0 unique marker zq0x.")


def test_a_paste_without_a_headline_asks_instead_of_guessing(library):
    text = (
        "Home | World | Business\n\nIraq\n\n"
        "The ministry said on Monday that salaries would be paid late again this month, "
        "blaming the delay on the budget.\n\nOfficials gave no new date for payment."
    )
    assert paste_article(text).title_uncertain
    result = import_text(library, text, ask_title=True)
    assert result.status == "needs_title" and result.source_id is None
    assert library.sources.count() == 0
    result = import_text(library, text, ask_title=True, title="Salaries late again")
    assert result.status == "imported"
    assert library.sources.get(result.source_id).title == "Salaries late again"


def test_a_paste_with_a_headline_does_not_ask(library):
    text = NAV + RUDAW.read_text(encoding="utf-8")
    result = import_text(library, text, ask_title=True)
    assert result.status == "imported"


def test_short_lines_under_the_title_stay_in_the_body(library, tmp_path):
    for i in range(3):
        (tmp_path / f"report-{i}.txt").write_text(
            f"Quarterly report on water levels {i}\n\n"
            f"Report number {i} unique marker zq0x.\n\n"
            "The river fell by a metre over the summer, the ministry said, the lowest "
            f"level recorded since measurements began in the region {i}.\n",
            encoding="utf-8",
        )
    report = import_paths(library, [tmp_path])
    assert report.imported == 3
    for r in report.results:
        source = library.sources.get(r.source_id)
        assert source.title.startswith("Quarterly report on water levels")
        assert "unique marker zq0x." in source.body
    assert len(library.search("zq0x", kinds=("source",))) == 3


def test_near_valid_utf8_stays_utf8_and_the_summary_counts_replacements(library, tmp_path):
    text = (
        "Militia leader defiant\n\nThe commander spoke for an hour — “we will not "
        "retreat” — and his fighters cheered, witnesses said on Friday.\n\n"
        "Officials in Baghdad said the talks would resume next week — or sooner.\n"
    )
    data = text.encode("utf-8")
    cut = data.index(b"we will")
    (tmp_path / "stray.txt").write_bytes(data[:cut] + b"\x80" + data[cut:])
    report = import_paths(library, [tmp_path / "stray.txt"])
    (result,) = report.results
    body = library.sources.get(result.source_id).body
    assert "— “\ufffdwe will not retreat” —" in body
    assert "тА" not in body
    assert result.replaced_bytes == 1
    assert "1 undecodable byte replaced" in result.message
    assert "1 undecodable byte replaced by \ufffd in 1 file" in report.summary()


def test_a_single_byte_code_page_file_is_still_read_as_its_code_page():
    data = "Le café était fermé à Noël, dit-il. Très étrange, ce matin.".encode("cp1252")
    new = parse_bytes(data, "fr.txt")
    assert "café était fermé à Noël" in new.body and new.replaced_bytes == 0


def test_an_undecodable_email_subject_is_not_replacement_characters():
    raw = (
        b"Subject: "
        + "تقرير البرلمان عن الموازنة العامة".encode("cp1256")
        + b"\nFrom: Desk <desk@example.org>\nContent-Type: text/plain; charset=utf-8\n\n"
        + b"The parliament postponed its vote on the budget again on Monday, "
        b"members said.\n"
    )
    new = parse_bytes(raw, "newsletter.eml")
    assert "\ufffd" not in new.title
    assert new.title == "تقرير البرلمان عن الموازنة العامة"


def test_an_email_subject_that_cannot_be_read_at_all_gives_way_to_the_text():
    msg = EmailMessage()
    msg["From"] = "Desk <desk@example.org>"
    msg.set_content(
        "Budget vote delayed\n\nThe parliament postponed its vote on the budget "
        "again on Monday, members said."
    )
    raw = msg.as_bytes().replace(b"From:", b"Subject: =?x-unknown?b?/w==?=\nFrom:", 1)
    new = parse_bytes(raw, "n.eml")
    assert "\ufffd" not in new.title
    assert new.title == "Budget vote delayed"


def test_an_html_paste_without_a_headline_asks_too(library):
    html = (
        "<p>The ministry said on Monday that salaries would be paid late again this "
        "month, blaming the delay on the budget.</p><p>Officials gave no new date.</p>"
    )
    result = import_text(library, "ignored plain text", html=html, ask_title=True)
    assert result.status == "needs_title"
    html_with_headline = "<h1>Salaries late again in the north</h1>" + html
    result = import_text(library, "x", html=html_with_headline, ask_title=True)
    assert result.status == "imported"
    assert library.sources.get(result.source_id).title == "Salaries late again in the north"
