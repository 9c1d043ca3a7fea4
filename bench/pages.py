"""Saved news pages of real size (100-200 KB) around the generated articles.

A saved news page is mostly not the article: inline CSS, analytics and ad scripts, a
JSON state blob that repeats the story, JSON-LD, a mega menu, share bars, ad slots
between paragraphs, a comment thread, related and most-read lists and a long footer.
The article itself (bench/corpus.py) is 250-700 words. Four layouts vary the markup.
"""

from __future__ import annotations

import html
import json
import random

from bench import words
from bench.corpus import Generator

_SECTIONS = (
    "World Middle East Iraq Kurdistan Syria Turkey Iran Business Energy Oil Markets "
    "Politics Elections Security Opinion Analysis Features Culture Sport Video Podcasts "
    "Science Health Environment Climate Technology Travel Weather"
).split()


def _css(rng: random.Random, kb: int) -> str:
    rules = []
    while sum(map(len, rules)) < kb * 1024:
        name = f".c-{rng.randrange(10**6):06x}"
        rules.append(
            f"{name}{{margin:{rng.randint(0, 32)}px {rng.randint(0, 32)}px;"
            f"padding:{rng.randint(0, 24)}px;color:#{rng.randrange(16**6):06x};"
            f"font:{rng.randint(11, 22)}px/1.{rng.randint(2, 8)} Georgia,serif}}"
            f"@media (max-width:{rng.choice((480, 768, 1024))}px){{{name}{{display:none}}}}"
        )
    return "".join(rules)


def _script(rng: random.Random, kb: int) -> str:
    parts = []
    while sum(map(len, parts)) < kb * 1024:
        fn = f"f{rng.randrange(10**6)}"
        parts.append(
            f"function {fn}(a,b){{var c=document.querySelectorAll('[data-slot=\"'+a+'\"]');"
            f"for(var i=0;i<c.length;i++){{c[i].setAttribute('data-x',b+i);"
            f"if(window.dataLayer){{window.dataLayer.push({{event:'{fn}',slot:a,i:i}});}}}}"
            f"return c.length>{rng.randint(1, 9)}?'<div class=\"ad\"></div>':''}}"
        )
    return "".join(parts)


def _links(rng: random.Random, n: int, gen: Generator) -> str:
    return "".join(
        f'<li><a href="/{rng.choice(_SECTIONS).lower()}/{rng.randrange(10**5)}">'
        f"{html.escape(' '.join(gen.english.draw(rng, rng.randint(2, 6))).title())}</a></li>"
        for _ in range(n)
    )


def _comments(rng: random.Random, n: int, gen: Generator) -> str:
    out = []
    for k in range(n):
        who = rng.choice(gen.people)
        text = " ".join(gen.english.draw(rng, rng.randint(15, 70)))
        out.append(
            f'<li class="comment" id="c{k}"><div class="comment__meta"><span class="author">'
            f"{who}</span> <time>{rng.randint(1, 23)} hours ago</time></div>"
            f'<p class="comment__body">{html.escape(text.capitalize())}.</p>'
            f'<div class="comment__actions"><button>Reply</button><button>Like '
            f"({rng.randint(0, 99)})</button><button>Report</button></div></li>"
        )
    return "".join(out)


def make_page(n: int, gen: Generator | None = None) -> str:
    """Page n: the same article and chrome every time; 100-200 KB."""
    gen = gen or Generator()
    art = gen.article(n)
    rng = random.Random(n * 7919)
    rtl = art.language in ("ar", "ckb")
    paragraphs = art.body.split("\n\n")
    author = art.authors[0] if art.authors else rng.choice(gen.people)
    day = art.published
    stamp = f"{day.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+03:00"
    url = f"https://www.{art.outlet.lower().replace(' ', '')}.example/news/{n}"
    title = html.escape(art.title)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": art.title,
        "datePublished": stamp,
        "dateModified": stamp,
        "author": [{"@type": "Person", "name": author}],
        "publisher": {"@type": "Organization", "name": art.outlet},
        "mainEntityOfPage": url,
        "image": [f"{url}/lead.jpg"],
        "articleSection": rng.choice(_SECTIONS),
    }
    state = {
        "article": {"id": n, "title": art.title, "body": paragraphs, "tags": _SECTIONS[:6]},
        "related": [
            {"id": rng.randrange(10**6), "title": " ".join(gen.english.draw(rng, 8)),
             "summary": " ".join(gen.english.draw(rng, 40))}
            for _ in range(rng.randint(30, 60))
        ],
        "config": {"ads": {f"slot{k}": {"sizes": [[300, 250], [728, 90]]} for k in range(30)}},
    }  # fmt: skip
    body_html = []
    for k, para in enumerate(paragraphs):
        body_html.append(f"<p>{html.escape(para)}</p>")
        if k % 3 == 2:
            body_html.append(
                f'<div class="ad-slot" data-slot="in-article-{k}"><span>Advertisement</span></div>'
            )
        if k == 1:
            body_html.append(
                '<aside class="read-more"><h4>Read more</h4><ul>'
                + _links(rng, 3, gen)
                + "</ul></aside>"
            )
    when = f"{day:%B} {day.day}, {day.year}"
    byline = (
        f'<div class="byline"><span class="by">By <a rel="author" href="/authors/{n % 97}">'
        f'{author}</a></span> <time datetime="{stamp}">{when}</time></div>'
    )
    figure = (
        f'<figure><img src="{url}/lead.jpg" alt="{title}" width="1200" height="675">'
        f"<figcaption>{html.escape(' '.join(gen.english.draw(rng, 14)))}. Photo: "
        f"{art.outlet}</figcaption></figure>"
    )
    article_html = f"<h1>{title}</h1>{byline}{figure}{''.join(body_html)}"
    layout = n % 4
    if layout == 0:
        main = f'<article class="story">{article_html}</article>'
    elif layout == 1:
        main = f'<div id="content"><div class="article-body">{article_html}</div></div>'
    elif layout == 2:
        main = f'<main role="main"><section class="story-body">{article_html}</section></main>'
    else:
        main = f'<div class="post"><div class="entry-content">{article_html}</div></div>'
    nav = _links(rng, rng.randint(120, 180), gen)
    footer = _links(rng, rng.randint(60, 100), gen)
    related = _links(rng, 12, gen)
    most_read = _links(rng, 10, gen)
    comments = _comments(rng, rng.randint(15, 60), gen)
    svg = "".join(
        f'<svg id="i{k}" viewBox="0 0 24 24"><path d="M{rng.randint(0, 24)} '
        f'{rng.randint(0, 24)}L{rng.randint(0, 24)} {rng.randint(0, 24)}Z"/></svg>'
        for k in range(40)
    )
    metas = "".join(
        f'<meta property="{p}" content="{html.escape(v)}">'
        for p, v in (
            ("og:title", art.title),
            ("og:site_name", art.outlet),
            ("og:url", url),
            ("og:type", "article"),
            ("article:published_time", stamp),
            ("article:author", author),
            ("twitter:card", "summary_large_image"),
        )
    )
    preload = "".join(
        f'<link rel="preload" href="https://cdn.example/{k}.js" as="script">' for k in range(20)
    )
    return (
        f'<!DOCTYPE html><html lang="{art.language}"{" dir=rtl" if rtl else ""}><head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{title} | {art.outlet}</title>"
        f'<meta name="description" content="{html.escape(paragraphs[0][:160])}">'
        f'<link rel="canonical" href="{url}">{metas}{preload}'
        f"<style>{_css(rng, rng.randint(25, 50))}</style>"
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        f"<script>{_script(rng, rng.randint(20, 45))}</script>"
        f"<script>window.__STATE__={json.dumps(state, ensure_ascii=False)};</script>"
        f'<script async src="https://ads.example/tag.js"></script></head><body>'
        f'<div class="cookie-banner">We use cookies to improve your experience. '
        f"<button>Accept all</button><button>Settings</button></div>"
        f'<header class="site-header"><a class="logo" href="/">{art.outlet}</a>'
        f'<nav class="mega-menu"><ul>{nav}</ul></nav>'
        f'<div class="ticker">Breaking: {html.escape(rng.choice(words.PLACES))} live updates'
        f"</div></header>"
        f'<div class="share-bar"><a>Facebook</a><a>Twitter</a><a>WhatsApp</a><a>Email</a>'
        f"<a>Copy link</a></div>{main}"
        f'<div class="tags">Topics: {" ".join(f"<a>{s}</a>" for s in rng.sample(_SECTIONS, 5))}'
        f'</div><section class="comments"><h3>Comments</h3><ol>{comments}</ol>'
        f'<form><textarea name="c"></textarea><button>Post comment</button></form></section>'
        f'<aside class="related"><h3>Related articles</h3><ul>{related}</ul></aside>'
        f'<aside class="most-read"><h3>Most read</h3><ol>{most_read}</ol></aside>'
        f'<div class="newsletter"><h3>Sign up for our newsletter</h3><input type="email">'
        f"<button>Subscribe</button></div>"
        f"<footer><ul>{footer}</ul><p>© {day.year} {art.outlet}. All rights reserved.</p>"
        f"</footer><div hidden>{svg}</div></body></html>"
    )
