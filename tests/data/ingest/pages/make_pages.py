"""Write the realistic saved-page corpus: one page per import case, at real page size.

Real news pages weigh ~170 KB, most of it scripts, styles, navigation, ads, related
lists and comments around a few KB of article. Each page here is built the same way
around one case that import once got wrong; cases.json says what import must find.
Deterministic: run it again and the files come out byte for byte the same.

    python tests/data/ingest/pages/make_pages.py
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
WORDS = (
    "data value config module render widget token session index stream buffer "
    "handler element layout promise callback schedule metric banner consent region "
    "player gallery slot refresh viewport anchor tracker beacon payload cache"
).split()
SECTIONS = [
    "World",
    "Middle East",
    "Business",
    "Opinion",
    "Sport",
    "Culture",
    "Science",
    "Health",
    "Technology",
    "Travel",
    "Climate",
    "Video",
    "Podcasts",
    "Newsletters",
]
HEADLINES = (
    "Parliament delays vote on budget as talks drag on",
    "Oil exporters weigh output cut ahead of winter",
    "Drought pushes farmers off the land in the south",
    "Court hears appeal in landmark press freedom case",
    "New rail link opens between the two capitals",
    "Central bank holds rates for a third month",
    "Aid convoy reaches besieged district after weeks of talks",
    "Elections commission sets date for provincial polls",
    "Protesters return to the square over power cuts",
    "Football federation names new national coach",
)


def _js(rng: random.Random, size: int) -> str:
    """Minified-looking script of about `size` characters."""
    out, n = [], 0
    while n < size:
        a, b, c = rng.sample(WORDS, 3)
        chunk = (
            f"function {a}_{b}{rng.randint(0, 999)}(e,t){{var n=e.{c}||{{}};"
            f"if(!n.{a})return t({rng.randint(0, 99)});n.{b}=[{rng.randint(0, 9)},"
            f"{rng.randint(10, 99)}].map(function(r){{return r*{rng.randint(2, 9)}}});"
            f"return window.__{c}.push(n)}}"
        )
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def _css(rng: random.Random, size: int) -> str:
    out, n = [], 0
    while n < size:
        a, b = rng.sample(WORDS, 2)
        chunk = (
            f".{a}-{b}{rng.randint(0, 99)}{{margin:{rng.randint(0, 24)}px "
            f"{rng.randint(0, 24)}px;color:#{rng.randint(0, 0xFFFFFF):06x};"
            f"font-size:{rng.randint(10, 22)}px}}"
        )
        out.append(chunk)
        n += len(chunk)
    return "".join(out)


def _nav(rng: random.Random) -> str:
    items = []
    for section in SECTIONS:
        subs = "".join(
            f'<li><a href="/{section.lower()}/{w}">{w.title()}</a></li>'
            for w in rng.sample(WORDS, 6)
        )
        items.append(
            f'<li class="menu-item"><a href="/{section.lower().replace(" ", "-")}">'
            f'{section}</a><ul class="sub-menu">{subs}</ul></li>'
        )
    return (
        f'<header class="site-header"><a class="skip" href="#main">Skip to content</a>'
        f'<nav class="main-nav" aria-label="Main"><ul>{"".join(items)}</ul></nav>'
        f'<div class="account"><a href="/subscribe">Subscribe</a> '
        f'<a href="/login">Sign in</a></div></header>'
    )


def _ads(rng: random.Random, n: int) -> str:
    return "".join(
        f'<div class="ad-slot" id="ad-{i}" data-slot="{rng.randint(10**6, 10**7)}">'
        f"<span>Advertisement</span><script>googletag.cmd.push(function(){{"
        f"googletag.display('ad-{i}')}});</script></div>"
        for i in range(n)
    )


def _related(rng: random.Random, stamp: str) -> str:
    items = "".join(
        f'<li><a href="/news/{rng.randint(10**5, 10**6)}"><h3>{h}</h3></a>'
        f'<span class="related-date">{stamp}</span></li>'
        for h in rng.sample(HEADLINES, 8)
    )
    return f'<aside class="related"><h2>Related stories</h2><ul>{items}</ul></aside>'


def _comments(rng: random.Random) -> str:
    names = ["reader1984", "Sam T.", "Nour", "kurdistan_watch", "M. Osei", "anon"]
    items = "".join(
        f'<li class="comment"><b>{rng.choice(names)}</b><p>This is comment number {i}, '
        f"and I think the reporting misses the point about the {rng.choice(WORDS)}.</p></li>"
        for i in range(12)
    )
    return (
        f'<section class="comments" id="comments"><h2>Comments</h2><ol>{items}</ol>'
        f"<form><label>Name</label><input name=n><label>Comment</label><textarea>"
        f"</textarea><button>Post a comment</button></form></section>"
    )


def _footer(site: str) -> str:
    links = "".join(f'<a href="/{s.lower()}">{s}</a> ' for s in SECTIONS)
    return (
        f'<footer><div class="footer-links">{links}</div><p>Sign up for our newsletter '
        f"to get the latest news delivered to your inbox.</p><p>© 2024 {site}. All "
        f"rights reserved.</p></footer>"
    )


def page(case: dict, rng: random.Random) -> str:
    site = case.get("site", "The Daily Ledger")
    lang = case.get("lang", "en")
    head = case.get("head", "")
    ld = case.get("jsonld")
    ld_html = (
        (f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
        if ld
        else ""
    )
    scripts = "".join(f"<script>{_js(rng, 14000)}</script>" for _ in range(7))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{case.get("dir", "ltr")}"><head>'
        f'<meta charset="utf-8"><title>{html.escape(case["html_title"])}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">{head}'
        f"{ld_html}<style>{_css(rng, 16000)}</style>{scripts}</head><body>"
        f'{_nav(rng)}{_ads(rng, 3)}<main id="main"><article>{case["article"]}</article>'
        f"{_ads(rng, 2)}{_related(rng, case.get('related_date', 'March 3, 2021'))}"
        f"{_comments(rng)}</main>{_footer(site)}"
        f"<script>{_js(rng, 20000)}</script></body></html>\n"
    )


def _paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


FILLER = (
    "Officials said the decision followed months of negotiation between the parties, "
    "who had disagreed over the terms of the arrangement and its timetable. "
)

CASES = [
    {
        "name": "tails-after-headings",
        "html_title": "Deals of the week: who bought what | The Daily Ledger",
        "head": '<meta property="og:site_name" content="The Daily Ledger">'
        '<meta property="article:published_time" content="2023-06-02T09:00:00+02:00">'
        '<meta name="author" content="Lena Hartmann">',
        "article": "<h1>Deals of the week: who bought what</h1>"
        + _paras(
            "Here are the notable deals of the week in the region, with what "
            "each buyer pays and when the sale closes."
        )
        + "<h2>Acme buys Widget</h2>Acme Holdings pays 3 million dollars for the "
        "Widget plant in Erbil, closing the sale in May.<h2>Delta sells its port "
        "stake</h2>Delta Logistics sells its 40 percent stake in the Umm Qasr "
        "terminal to a Gulf investor for an undisclosed sum.",
        "expect": {
            "title": "Deals of the week: who bought what",
            "authors": ["Lena Hartmann"],
            "outlet": "The Daily Ledger",
            "published": "2023-06-02",
            "body_has": [
                "Acme Holdings pays 3 million dollars",
                "Umm Qasr terminal to a Gulf investor",
            ],
        },
    },
    {
        "name": "line-breaks",
        "html_title": "Band announces autumn tour | The Daily Ledger",
        "head": '<meta property="og:site_name" content="The Daily Ledger">'
        '<meta property="article:published_time" content="2019-05-14T12:00:00+00:00">',
        "article": '<h1>Band announces autumn tour</h1><div class="byline">By Tom Weller</div>'
        + _paras(
            "The band will play eleven cities this autumn, its first tour in "
            "six years, the promoter said on Tuesday.",
            "Aug. 28 -- Busch Stadium, St. Louis, MO<br>Aug. 30 -- Pepsi "
            "Center, Denver, CO<br>Sept. 2 -- Target Center, Minneapolis, MN",
            "Tickets go on sale on Friday morning. " + FILLER,
        ),
        "expect": {
            "title": "Band announces autumn tour",
            "published": "2019-05-14",
            "body_has": ["St. Louis, MO\nAug. 30", "Denver, CO\nSept. 2"],
            "body_lacks": ["MOAug.", "COSept."],
        },
    },
    {
        "name": "placeholder-date",
        "html_title": "Port strike enters second week | Harbour News",
        "site": "Harbour News",
        "head": '<meta property="og:site_name" content="Harbour News">'
        '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
        '<meta name="author" content="Priya Nair">',
        "jsonld": {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Port strike enters second week",
            "datePublished": "2021-03-04T10:00:00Z",
            "author": {"@type": "Person", "name": "Priya Nair"},
        },
        "article": "<h1>Port strike enters second week</h1>"
        + _paras(
            "Dock workers extended their strike into a second week on "
            "Thursday, leaving dozens of ships waiting off the coast.",
            FILLER,
        ),
        "expect": {
            "title": "Port strike enters second week",
            "published": "2021-03-04",
            "authors": ["Priya Nair"],
            "outlet": "Harbour News",
            "inferred": False,
        },
    },
    {
        "name": "future-date",
        "html_title": "Ministers agree grain corridor | Harbour News",
        "site": "Harbour News",
        "head": '<meta property="og:site_name" content="Harbour News">'
        '<meta name="date" content="2999-12-31">'
        '<meta property="article:published_time" content="2022-07-22T08:30:00+03:00">',
        "article": "<h1>Ministers agree grain corridor</h1>"
        + _paras(
            "Ministers agreed on Friday to reopen a sea corridor for grain "
            "exports, after months of talks.",
            FILLER,
        ),
        "expect": {"title": "Ministers agree grain corridor", "published": "2022-07-22"},
    },
    {
        "name": "local-printed-day",
        "html_title": "City council approves transit plan | Pacific Courier",
        "site": "Pacific Courier",
        "head": '<meta property="og:site_name" content="Pacific Courier">'
        '<meta property="article:published_time" content="2019-11-19T07:03:25+00:00">'
        '<meta name="author" content="Dana Whitfield">',
        "related_date": "November 19, 2019",
        "article": "<h1>City council approves transit plan</h1>"
        '<div class="article-meta"><span class="byline">By Dana Whitfield</span> '
        '<time datetime="2019-11-19T07:03:25+00:00">November 18, 2019 11:03 PM'
        "</time></div>"
        + _paras(
            "The city council approved a 20-year transit plan late on Monday "
            "after a seven-hour meeting.",
            FILLER,
        ),
        "expect": {
            "title": "City council approves transit plan",
            "published": "2019-11-18",
            "authors": ["Dana Whitfield"],
        },
    },
    {
        "name": "organisation-meta-author",
        "html_title": "The quiet return of the wool coat | Vogue",
        "site": "Vogue",
        "head": '<meta property="og:site_name" content="Vogue">'
        '<meta name="author" content="Condé Nast">'
        '<meta property="article:published_time" content="2022-10-05T14:00:00Z">',
        "jsonld": {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": "The quiet return of the wool coat",
            "author": [{"@type": "Person", "name": "Amelia Brooks"}],
            "publisher": {"@type": "Organization", "name": "Condé Nast"},
        },
        "article": "<h1>The quiet return of the wool coat</h1>"
        + _paras(
            "Designers showed long wool coats in nearly every collection "
            "this autumn, a return few had predicted.",
            FILLER,
        ),
        "expect": {
            "title": "The quiet return of the wool coat",
            "authors": ["Amelia Brooks"],
            "outlet": "Vogue",
        },
    },
    {
        "name": "organisation-byline-person",
        "html_title": "Fact check: no, the bridge was not sold | Snopes",
        "site": "Snopes",
        "head": '<meta property="og:site_name" content="Snopes.com">'
        '<meta name="author" content="Snopes">'
        '<meta property="article:published_time" content="2023-02-11T16:20:00Z">',
        "article": "<h1>Fact check: no, the bridge was not sold</h1>"
        '<div class="author-byline">By <a rel="author" href="/author/okafor">'
        "Chidi Okafor</a></div>"
        + _paras(
            "A post shared thousands of times claims the city sold its "
            "oldest bridge to a private company. It did not.",
            FILLER,
        ),
        "expect": {"title": "Fact check: no, the bridge was not sold", "authors": ["Chidi Okafor"]},
    },
    {
        "name": "credentials",
        "html_title": "Is oat milk good for you? | Healthline",
        "site": "Healthline",
        "head": '<meta property="og:site_name" content="Healthline">'
        '<meta name="author" content="Rachael Link, MS, RD">'
        '<meta property="article:published_time" content="2020-01-08T00:00:00-05:00">',
        "article": "<h1>Is oat milk good for you?</h1>"
        '<div class="byline">Written by Rachael Link, MS, RD on January 8, 2020'
        "</div>"
        + _paras(
            "Oat milk has become one of the most popular plant-based milks, "
            "and this article looks at what it holds.",
            FILLER,
        ),
        "expect": {"authors": ["Rachael Link"], "published": "2020-01-08", "outlet": "Healthline"},
    },
    {
        "name": "agency-byline",
        "html_title": "Quake shakes eastern province | Gulf Today Online",
        "site": "Gulf Today Online",
        "head": '<meta name="author" content="Reuters">'
        '<meta property="article:published_time" content="2023-08-14T05:10:00+04:00">',
        "article": "<h1>Quake shakes eastern province</h1>"
        + _paras(
            "TEHRAN (Reuters) - A magnitude 5.9 earthquake shook an eastern "
            "province early on Monday, state media said, with no immediate "
            "reports of casualties.",
            FILLER,
        ),
        "expect": {
            "authors": [],
            "dateline": "Tehran",
            "published": "2023-08-14",
            "agency": "Reuters",
        },
    },
    {
        "name": "arabic-report-label",
        "lang": "ar",
        "dir": "rtl",
        "html_title": "الجسر الجديد يفتتح أمام السيارات | الصباح",
        "site": "الصباح",
        "head": '<meta property="og:site_name" content="الصباح">'
        '<meta property="article:published_time" content="2024-04-02T11:00:00+03:00">',
        "article": "<h1>الجسر الجديد يفتتح أمام السيارات</h1>"
        + _paras(
            "تقرير: افتتحت السلطات المحلية اليوم الجسر الجديد فوق النهر بعد "
            "ثلاث سنوات من العمل المتواصل في المشروع.",
            "وقال المسؤولون إن الجسر سيخفف الازدحام في وسط المدينة ويختصر زمن الرحلة بين الضفتين.",
        ),
        "expect": {
            "title": "الجسر الجديد يفتتح أمام السيارات",
            "dateline": "",
            "published": "2024-04-02",
            "language": "ar",
        },
    },
    {
        "name": "arabic-dateline-agency",
        "lang": "ar",
        "dir": "rtl",
        "html_title": "البرلمان يؤجل التصويت على الموازنة | الصباح",
        "site": "الصباح",
        "head": '<meta property="og:site_name" content="الصباح">'
        '<meta property="article:published_time" content="2024-04-03T11:00:00+03:00">',
        "article": "<h1>البرلمان يؤجل التصويت على الموازنة</h1>"
        + _paras(
            "بغداد (رويترز) - أجل البرلمان العراقي اليوم التصويت على "
            "الموازنة العامة إلى الأسبوع المقبل بسبب الخلافات بين الكتل.",
            "وقال نواب إن المفاوضات ستستمر خلال الأيام المقبلة.",
        ),
        "expect": {"dateline": "بغداد", "agency": "رويترز", "published": "2024-04-03"},
    },
    {
        "name": "date-in-url-only",
        "html_title": "Farmers count the cost of the late rains | The Daily Ledger",
        "head": '<meta property="og:site_name" content="The Daily Ledger">'
        '<link rel="canonical" href="https://www.dailyledger.example/2021/09/14/'
        'farmers-late-rains">',
        "article": "<h1>Farmers count the cost of the late rains</h1>"
        + _paras(
            "Farmers in the north said the rains came three weeks late this "
            "year, and much of the wheat was lost.",
            FILLER,
        ),
        "expect": {"published": "2021-09-14", "inferred": True},
    },
    {
        "name": "numeric-printed-date",
        "html_title": "Pentagon sending clear message with strikes | Rudaw",
        "site": "Rudaw",
        "head": '<meta property="og:site_name" content="Rudaw">',
        "article": "<h1>Pentagon sending clear message with strikes</h1>"
        '<div class="article-date">09-02-2024</div>'
        + _paras(
            "ERBIL, Kurdistan Region - A Pentagon spokesperson said on "
            "Thursday that the February 2 strikes on armed groups in Iraq and "
            "Syria were meant to degrade their capabilities.",
            "After a drone strike in late January killed three US troops, "
            "Washington retaliated on February 2.",
            FILLER,
        ),
        "expect": {
            "published": "2024-02-09",
            "dateline": "Erbil, Kurdistan Region",
            "outlet": "Rudaw",
        },
    },
    {
        "name": "ticker-date-first",
        "html_title": "Storm damage closes two schools | Coast Herald",
        "site": "Coast Herald",
        "head": '<meta property="og:site_name" content="Coast Herald">',
        "article": '<div class="news-ticker"><ul><li>Breaking: port reopens — 14 March 2023'
        "</li><li>Ferry times change — 13 March 2023</li></ul></div>"
        "<h1>Storm damage closes two schools</h1>"
        '<div class="post-date">Published 2 March 2023</div>'
        + _paras(
            "Two primary schools in the harbour district will stay closed "
            "for a week after Tuesday's storm tore off part of their roofs.",
            FILLER,
        ),
        "expect": {"published": "2023-03-02", "title": "Storm damage closes two schools"},
    },
    {
        "name": "canonical-trailing-slash",
        "html_title": "Regional leaders meet on water sharing | The Daily Ledger",
        "head": '<meta property="og:site_name" content="The Daily Ledger">'
        '<link rel="canonical" href="https://www.dailyledger.example/news/'
        'water-sharing-talks/">'
        '<meta property="article:published_time" content="2024-05-20T08:00:00+00:00">',
        "article": "<h1>Regional leaders meet on water sharing</h1>"
        + _paras(
            "Leaders of four countries met on Monday to discuss how the "
            "river's water is shared in dry years.",
            FILLER,
        ),
        "expect": {"url": "https://www.dailyledger.example/news/water-sharing-talks/"},
    },
]


def main() -> None:
    manifest = []
    for case in CASES:
        rng = random.Random(case["name"])
        (HERE / f"{case['name']}.html").write_text(page(case, rng), encoding="utf-8")
        manifest.append({"name": case["name"], **case["expect"]})
    (HERE / "cases.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
