"""Page images of each shipped Word template, for the README.

Run: .venv/bin/python docs/export/make_page_images.py
A sample brief is exported with every A4 template in templates/word/, converted to PDF by
LibreOffice (headless, its own profile) and its first page rendered by pdftoppm into
docs/export/<template>-page1.png.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from briefer.core import document as d  # noqa: E402
from briefer.core.library import Library  # noqa: E402
from briefer.core.records import NewSource  # noqa: E402
from briefer.core.templates import shipped_templates_dir  # noqa: E402
from briefer.export import export_brief  # noqa: E402

SOURCES = [
    ("Rudaw", ("Karwan Faidhi Dri",), "Pentagon sending ‘clear message’ with strikes on Iraqi "
     "armed groups", date(2024, 2, 9), "https://www.rudaw.net/english/world/090220241", "B"),
    ("Reuters", ("Idrees Ali", "Phil Stewart"), "US strikes Iran-backed groups in Iraq and Syria",
     date(2024, 2, 3), "https://www.reuters.com/world/middle-east/us-strikes-2024-02-03/", "A"),
    ("Shafaq News", (), "Iraqi government condemns US strikes as violation of sovereignty",
     date(2024, 2, 3), "https://shafaq.com/en/Iraq/us-strikes-condemned", "C"),
    ("Al-Monitor", ("Adam Lucente",), "Iraq's armed factions weigh response after US strikes",
     date(2024, 2, 10), "https://www.al-monitor.com/originals/2024/02/iraq-factions", "B"),
]  # fmt: skip
SENTENCES = [
    "The strikes are intended to degrade the groups' ability to attack US forces.",
    "Officials said more strikes would follow if attacks on US bases continued.",
    "Baghdad called the strikes a violation of Iraqi sovereignty.",
    "Faction leaders met in Baghdad to discuss a response.",
]


def sample_brief(lib: Library) -> int:
    ids = []
    for n, (outlet, authors, title, published, url, grade) in enumerate(SOURCES):
        body = title + ".\n\n" + "\n\n".join(SENTENCES)
        src = lib.sources.add(
            NewSource(
                title=title, body=body, outlet=outlet, authors=authors, published=published,
                published_precision="day", url=url, accessed=date(2024, 2, 12),
                reliability=grade, tags=("Iraq", "US strikes"),
            )
        )  # fmt: skip
        ids.append(lib.excerpts.add_quote(src.id, SENTENCES[n], credibility=2 + n % 2).id)
    c = d.citation
    blocks = [
        d.heading("BLUF", 1, "bluf"),
        d.paragraph(
            "US strikes on Iran-backed armed groups in Iraq aim to deter further attacks on US "
            "forces; Baghdad's protest and the factions' restraint so far make a wider "
            "escalation unlikely in the next month.",
            c(ids[0]),
        ),
        d.heading("Key judgments", 1, "key-judgments"),
        {
            "type": "list",
            "ordered": True,
            "items": [
                {
                    "content": [
                        d.text("Further US strikes are likely if attacks on bases resume."),
                        c(ids[1]),
                    ]
                },
                {
                    "content": [
                        d.text(
                            "Baghdad will press harder for a timetable for the "
                            "coalition's withdrawal."
                        ),
                        c(ids[2]),
                    ]
                },
                {
                    "content": [
                        d.text(
                            "The main factions will avoid direct retaliation for now, "
                            "while smaller groups may not."
                        ),
                        c(ids[3]),
                    ]
                },
            ],
        },
        d.heading("Background", 1, "background"),
        d.paragraph(
            "On 2 February US aircraft struck 85 targets at seven sites in Iraq and Syria, "
            "days after a drone attack killed three US soldiers in Jordan.",
            c(ids[1]),
            " A second strike in Baghdad on 7 February killed a senior commander.",
        ),
        {"type": "quote", "content": [d.text(SENTENCES[0]), c(ids[0])]},
        d.heading("Reactions", 2),
        {
            "type": "list",
            "ordered": False,
            "items": [
                {
                    "content": [
                        d.text("Iraqi government: "),
                        d.text("condemned", "bold"),
                        d.text(" the strikes"),
                        c(ids[2]),
                    ]
                },
                {"content": [d.text("Armed factions: met to weigh a response"), c(ids[3])]},
            ],
        },
        {
            "type": "paragraph",
            "dir": "rtl",
            "content": [d.text("وصفت بغداد الضربات بأنها انتهاك للسيادة العراقية."), c(ids[2])],
        },
        d.heading("Outlook", 1, "outlook"),
        d.paragraph("Watch for renewed attacks on US bases in Erbil and at Ain al-Asad."),
        d.heading("Sources", 1, "sources"),
        {"type": "source_list"},
    ]
    brief = lib.briefs.create(
        "Iraq: US strikes on Iran-backed armed groups",
        subject="Aims, reactions and outlook",
        author="Kurdistan desk",
        marking="TLP:AMBER",
        body={"format": "briefer.brief", "version": 1, "blocks": blocks},
    )
    lib.briefs.set_release(brief.id, status="draft", version=2, on=date(2024, 2, 12))
    return brief.id


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lib = Library.open(work / "sample.briefer")
        try:
            brief_id = sample_brief(lib)
            for template in sorted((shipped_templates_dir() / "word").glob("*.docx")):
                name = template.stem
                if name.endswith("-letter"):
                    continue  # the README shows the A4 pages; Letter differs only in size
                out = work / f"{name}.docx"
                export_brief(lib, brief_id, out, template=template)
                subprocess.run(
                    ["soffice", f"-env:UserInstallation={(work / f'lo-{name}').as_uri()}",
                     "--headless", "--convert-to", "pdf", "--outdir", str(work), str(out)],
                    check=True, capture_output=True, timeout=300,
                )  # fmt: skip
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                     str(work / f"{name}.pdf"), str(HERE / f"{name}-page1")],
                    check=True,
                )  # fmt: skip
                print(HERE / f"{name}-page1.png")
        finally:
            lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
