"""`briefer --self-test`: the whole path an analyst takes, in a throwaway library.

Proves that an installation (a wheel in a fresh environment, the frozen app) carries
what the work needs: SQLite with FTS5, the readers and their data files, the shipped
templates, python-docx and its default parts. Imports no Qt, so it runs headless and
fast. Prints one line: that it passed, or which step failed and why; exits 0 or 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

QUOTE = "efforts to degrade the capabilities"
MARKING = "TLP:AMBER"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class StepFailed(Exception):
    """A check of a step did not hold; the message says what was found."""


@dataclass
class _Run:
    folder: Path
    library: object = None
    ids: dict[str, int] = field(default_factory=dict)
    docx: Path | None = None


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def _open_library(run: _Run) -> None:
    from briefer.core.library import Library

    run.library = Library.open(run.folder / "self-test.briefer")


def _import_sample(run: _Run) -> None:
    from briefer.ingest import import_paths
    from briefer.resources import sample_article

    sample = sample_article()
    _check(sample.is_file(), f"the sample article is missing ({sample})")
    (result,) = import_paths(run.library, [sample]).results
    _check(result.status == "imported", f"{result.status}: {result.message}")
    source = run.library.sources.get(result.source_id)
    _check(source.outlet == "Rudaw", f"the outlet read is {source.outlet!r}, not 'Rudaw'")
    _check(source.language == "en", f"the language found is {source.language!r}, not 'en'")
    run.ids["source"] = result.source_id


SAVED_PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Strikes aim to degrade armed groups | Example News</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-02-09T10:00:00Z">
</head><body><nav>Home | World | Sport</nav><article>
<h1>Strikes aim to degrade armed groups</h1>
<p>The Pentagon said on Thursday that the strikes on February 2 were meant to degrade
the capabilities of the armed groups and to send a clear message to their backers.</p>
<p>Officials in Baghdad condemned the strikes and said the government would press for
the departure of the international coalition from the country within months.</p>
</article><footer>Share this article</footer></body></html>
"""


def _import_saved_page(run: _Run) -> None:
    """trafilatura, its date and URL helpers and the language model, with their data."""
    from briefer.ingest import import_paths

    page = run.folder / "saved-page.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    (result,) = import_paths(run.library, [page]).results
    _check(result.status == "imported", f"{result.status}: {result.message}")
    source = run.library.sources.get(result.source_id)
    _check("degrade" in source.body, "the article's text was not extracted")
    _check("Share this article" not in source.body, "the page's chrome was kept")
    _check(str(source.published) == "2024-02-09", f"the date read is {source.published}")
    _check(source.language == "en", f"the language found is {source.language!r}")


def _cut_excerpt(run: _Run) -> None:
    excerpt = run.library.excerpts.add_quote(run.ids["source"], QUOTE, credibility=2)
    _check(excerpt.text == QUOTE, f"the excerpt reads {excerpt.text!r}")
    run.ids["excerpt"] = excerpt.id


def _search(run: _Run) -> None:
    hits = run.library.search("degrade capabilities")
    _check(
        any(h.kind == "excerpt" and h.id == run.ids["excerpt"] for h in hits),
        "the full-text search does not find the excerpt",
    )


def _grade_source(run: _Run) -> None:
    source = run.library.sources.set_reliability(run.ids["source"], "B")
    _check(source.reliability == "B", f"the source is graded {source.reliability!r}")


def _make_brief(run: _Run) -> None:
    briefs = run.library.briefs
    brief = briefs.create("Self-test brief", template="Standard brief", marking=MARKING)
    brief = briefs.add_excerpt(brief.id, "Discussion", run.ids["excerpt"])
    _check(
        tuple(brief.citations) == (run.ids["excerpt"],),
        f"the brief cites {brief.citations}",
    )
    run.ids["brief"] = brief.id


def _export(run: _Run) -> None:
    from briefer.export import export_brief

    target = run.folder / "self-test.docx"
    result = export_brief(run.library, run.ids["brief"], target)
    _check(target.is_file() and result.notes == 1, f"{result.notes} footnote(s) written")
    run.docx = target


def _reopen(run: _Run) -> None:
    import docx

    document = docx.Document(str(run.docx))
    body_text = "\n".join(p.text for p in document.paragraphs)
    _check(QUOTE in body_text, "the quoted excerpt is not in the body")
    header = document.sections[0].header
    _check(any(p.text == MARKING for p in header.paragraphs), f"the header lacks {MARKING}")
    with zipfile.ZipFile(run.docx) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    _check(refs == ["1"], f"the body's footnote references are {refs}, not ['1']")
    note = next((n for n in notes.iter(f"{W}footnote") if n.get(f"{W}id") == "1"), None)
    _check(note is not None, "footnote 1 is missing from footnotes.xml")
    text = "".join(note.itertext())
    _check("Rudaw" in text and "[B2]" in text, f"footnote 1 reads {text.strip()!r}")


def _notices(run: _Run) -> None:
    """Help > About's licence list: the packages' metadata came along."""
    from briefer.notices import third_party

    names = {n.name.casefold().replace("_", "-") for n in third_party()}
    missing = {"pyside6-essentials", "sqlalchemy", "lxml", "python-docx"} - names
    _check(not missing, f"no licence metadata for {', '.join(sorted(missing))}")


STEPS: tuple[tuple[str, Callable[[_Run], None]], ...] = (
    ("open a new library", _open_library),
    ("import the sample article", _import_sample),
    ("import a saved web page", _import_saved_page),
    ("cut an excerpt", _cut_excerpt),
    ("search the library", _search),
    ("grade the source", _grade_source),
    ("make a brief citing the excerpt", _make_brief),
    ("export the brief to .docx", _export),
    ("reopen the .docx and check citation, marking and footnote", _reopen),
    ("read the licence notices", _notices),
)


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def run_self_test() -> tuple[bool, str]:
    """(passed, the one line to print)."""
    with tempfile.TemporaryDirectory(prefix="briefer-self-test-") as folder:
        run = _Run(Path(folder))
        try:
            for name, step in STEPS:
                try:
                    step(run)
                except Exception as exc:  # every failure becomes the one line
                    if os.environ.get("BRIEFER_DEBUG"):
                        raise
                    return False, f"briefer self-test failed: {name}: {_first_line(exc)}"
        finally:
            if run.library is not None:
                run.library.close()
    return True, f"briefer self-test passed ({len(STEPS)} steps)"


def main() -> int:
    passed, line = run_self_test()
    stream = sys.stdout if passed else sys.stderr
    if stream is not None:  # a windowed Windows app has no console
        print(line, file=stream)
    return 0 if passed else 1
