"""Briefs built through core for the export tests and bench/bench_export.py.

rich_brief: every block type, 50 citations, an Arabic paragraph, emoji, a long URL and a
control character (stored behind core's back, as an older tool might have left it).
long_brief: about 100 pages with 500 citations, for the benchmark.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from briefer.core import document as d
from briefer.core.library import Library
from briefer.core.models import Brief
from briefer.core.records import NewSource

LONG_URL = (
    "https://www.example-news.org/en/middle-east/iraq/2024/02/09/"
    "pentagon-sending-clear-message-with-strikes-on-iraqi-armed-groups-analysis-"
    "and-reactions-from-baghdad-erbil-and-washington?ref=briefer-test&section=world"
)
ARABIC = "أعلنت وزارة الدفاع الأمريكية أن الضربات تهدف إلى إضعاف قدرات الفصائل المسلحة."
OUTLETS = ("Rudaw", "Kurdistan24", "Shafaq News", "The New Arab", "Al-Monitor", "Reuters")
AUTHORS = (("Jane Doe",), ("Karwan Faidhi Dri", "Sura Ali"), (), ("Ahmed Twaij",))
GRADES = "ABCDEF"
WORDS = (
    "the ministry said council officials water budget strikes talks Erbil Baghdad "
    "parliament election drone militia coalition oil exports pipeline province governor"
)


@dataclass(frozen=True)
class RichBrief:
    brief_id: int
    excerpt_ids: tuple[int, ...]  # in citation order, repeats kept
    source_ids: tuple[int, ...]
    control_block: int  # 1-based block number holding the control character


def add_sources(lib: Library, count: int, *, seed: int = 7) -> list[tuple[int, list[int]]]:
    """count sources with four excerpts each: [(source id, [excerpt ids])]."""
    rng = random.Random(seed)
    made = []
    for n in range(count):
        sentences = [
            f"Sentence {k} of article {n} reports that officials met in Erbil on day {k}."
            for k in range(8)
        ]
        body = "\n\n".join(sentences)
        source = lib.sources.add(
            NewSource(
                title=f"Strikes and talks, report {n + 1}"
                if n
                else "Pentagon sending ‘clear message’ with strikes on Iraqi armed groups",
                body=body,
                outlet=OUTLETS[n % len(OUTLETS)],
                authors=AUTHORS[n % len(AUTHORS)],
                published=date(2024, 1 + n % 12, 1 + n % 27),
                published_precision="day" if n % 5 else "month",
                url=LONG_URL if n == 0 else f"https://news.example.org/{n}/story",
                accessed=date(2024, 3, 1 + n % 27),
                reliability=GRADES[n % 6],
                tags=("Iraq", f"topic-{n % 3}"),
            )
        )
        excerpts = []
        for k in range(4):
            quote = sentences[k * 2]
            ex = lib.excerpts.add_quote(
                source.id, quote, credibility=1 + (n + k) % 6, tags=("strikes",) if k == 0 else ()
            )
            excerpts.append(ex.id)
        made.append((source.id, excerpts))
        _ = rng
    return made


def rich_brief(lib: Library, *, marking: str = "TLP:AMBER", citations: int = 50) -> RichBrief:
    made = add_sources(lib, 12)
    pool = [ex for _, exs in made for ex in exs]
    order: list[int] = []

    def cite() -> dict:
        excerpt_id = pool[len(order) % len(pool)]
        order.append(excerpt_id)
        return d.citation(excerpt_id)

    blocks: list[dict] = [
        d.heading("BLUF", 1, "bluf"),
        d.paragraph(
            "US strikes aim to ",
            d.text("degrade", "bold"),
            " the armed groups' ability to attack coalition forces.",
            cite(),
        ),
        d.heading("Key judgments", 1, "key-judgments"),
        {
            "type": "list",
            "ordered": True,
            "items": [
                {"content": [d.text("Further strikes are likely within weeks."), cite()]},
                {
                    "content": [d.text("Baghdad will press for a timetable."), cite()],
                    "children": [
                        {
                            "type": "list",
                            "ordered": False,
                            "items": [{"content": [d.text("Talks resumed in February."), cite()]}],
                        }
                    ],
                },
                {"content": [d.text("Retaliation against US bases remains possible."), cite()]},
            ],
        },
        d.heading("Background", 1, "background"),
        d.paragraph(
            d.text("Italic", "italic"),
            " ",
            d.text("underlined", "underline"),
            " ",
            d.text("struck", "strike"),
            " and ",
            d.text("the full report", link=LONG_URL),
            " 🛰️🇮🇶 emoji.",
            cite(),
        ),
        {
            "type": "quote",
            "content": [d.text("We will respond at a time of our choosing."), cite()],
        },
        d.heading("Timeline", 2),
        {
            "type": "list",
            "ordered": False,
            "items": [
                {
                    "content": [d.text("2 February: first wave"), cite()],
                    "children": [
                        {
                            "type": "list",
                            "ordered": True,
                            "items": [
                                {
                                    "content": [d.text("85 targets"), cite()],
                                    "children": [
                                        {
                                            "type": "list",
                                            "ordered": False,
                                            "items": [{"content": [d.text("seven sites")]}],
                                        }
                                    ],
                                }
                            ],
                        }
                    ],
                },
                {"content": [d.text("7 February: Baghdad strike"), cite()]},
            ],
        },
        {
            "type": "table",
            "header": True,
            "rows": [
                [{"content": [d.text("Date")]}, {"content": [d.text("Event")]}],
                [{"content": [d.text("2 Feb")]}, {"content": [d.text("Strikes"), cite()]}],
                [{"content": [d.text("7 Feb")]}, {"content": [d.text("Drone strike"), cite()]}],
            ],
        },
        {"type": "paragraph", "dir": "rtl", "content": [d.text(ARABIC), cite()]},
        d.heading("Discussion", 1, "discussion"),
        d.heading("Detail", 3),
        {"type": "paragraph", "align": "center", "content": [d.text("Centred note."), cite()]},
    ]
    while len(order) < citations - 3:
        blocks.append(
            {
                "type": "paragraph",
                "align": "justify",
                "content": [
                    d.text(f"Analysis paragraph {len(blocks)} weighs the reporting."),
                    cite(),
                    d.text(" A second sentence follows."),
                    cite(),
                ],
            }
        )
    control_block = len(blocks) + 1
    blocks.append(d.paragraph("Vertical tab here", cite()))
    blocks += [
        d.heading("Outlook", 1, "outlook"),
        d.paragraph("Expect more strikes.", cite()),
    ]
    while len(order) < citations:
        blocks[-1]["content"].append(cite())
    blocks += [d.heading("Sources", 1, "sources"), {"type": "source_list"}]
    brief = lib.briefs.create(
        "Iraq: US strikes on armed groups",
        subject="Aims, reactions and outlook",
        author="Kurdistan desk",
        marking=marking,
        body={"format": "briefer.brief", "version": 1, "blocks": blocks},
    )
    store_raw_body(lib, brief.id, _with_control(lib.briefs.get(brief.id).body, control_block))
    return RichBrief(brief.id, tuple(order), tuple(sid for sid, _ in made), control_block)


def _with_control(body: dict, block_number: int) -> dict:
    block = body["blocks"][block_number - 1]
    block["content"][0]["text"] = "Vertical\x0btab here"
    return body


def store_raw_body(lib: Library, brief_id: int, body: dict) -> None:
    """Write a body as is, past core's normalize (which would drop the control)."""
    with lib.write_session() as session:
        row = session.get(Brief, brief_id)
        row.body = body
        session.add(row)


def long_brief(lib: Library, *, paragraphs: int = 620, citations: int = 500) -> int:
    """A ~100-page brief: headings every 12 paragraphs, `citations` citation markers."""
    made = add_sources(lib, 60)
    pool = [ex for _, exs in made for ex in exs]
    rng = random.Random(11)
    words = WORDS.split()
    blocks: list[dict] = []
    placed = 0
    for n in range(paragraphs):
        if n % 12 == 0:
            blocks.append(d.heading(f"Part {n // 12 + 1}", 1))
        sentence = " ".join(rng.choice(words) for _ in range(90)).capitalize() + "."
        content: list[dict] = [d.text(sentence)]
        due = (n + 1) * citations // paragraphs - placed
        for _ in range(due):
            content.append(d.citation(pool[placed % len(pool)]))
            placed += 1
        blocks.append({"type": "paragraph", "content": content})
    blocks += [d.heading("Sources", 1, "sources"), {"type": "source_list"}]
    brief = lib.briefs.create(
        "Long brief", marking="TLP:GREEN",
        body={"format": "briefer.brief", "version": 1, "blocks": blocks},
    )  # fmt: skip
    return brief.id
