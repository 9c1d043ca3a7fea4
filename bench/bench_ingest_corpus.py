"""The saved-page corpus: what import stores against what each page says, and htmldate's
date beside ours, so docs/INGEST.md can say which evidence decides the date.

Run: .venv/bin/python -m bench ingest_corpus
Pages: tests/data/ingest/pages (make_pages.py); expectations: its cases.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "ingest" / "pages"
FIELDS = ("title", "authors", "outlet", "published", "dateline", "url", "language")


def _htmldate(data: bytes) -> str:
    from htmldate import find_date

    text = data.decode("utf-8")
    # The options import gives trafilatura (markup only, original date).
    return (
        find_date(text, original_date=True, extensive_search=False, outputformat="%Y-%m-%d") or ""
    )


def _stored(paths: list[Path]) -> dict[str, object]:
    """Import every page into a fresh library; what it stored, by page name."""
    import tempfile

    from briefer.core.library import Library
    from briefer.ingest import import_paths

    with (
        tempfile.TemporaryDirectory() as folder,
        Library.open(Path(folder) / "corpus.briefer") as lib,
    ):
        report = import_paths(lib, paths)
        return {
            Path(r.path).stem: lib.sources.get(r.source_id)
            for r in report.results
            if r.source_id is not None
        }


def main(argv: list[str]) -> int:
    cases = json.loads((PAGES / "cases.json").read_text(encoding="utf-8"))
    paths = [PAGES / f"{case['name']}.html" for case in cases]
    started = time.perf_counter()
    stored = _stored(paths)
    elapsed = time.perf_counter() - started
    checked = right = 0
    dates_ours = dates_htmldate = dates_total = 0
    sizes = []
    print(
        f"{'case':28} {'KB':>4}  {'checks':>7}  {'date: expected':>14} {'stored':>10} "
        f"{'htmldate':>10}"
    )
    for case, path in zip(cases, paths, strict=True):
        data = path.read_bytes()
        sizes.append(len(data))
        src = stored[case["name"]]
        got = {
            "title": src.title,
            "authors": list(src.authors),
            "outlet": src.outlet,
            "published": src.published.isoformat() if src.published else "",
            "dateline": src.dateline,
            "url": src.url,
            "language": src.language,
        }
        checks = [got[f] == case[f] for f in FIELDS if f in case]
        checks += [p in src.body for p in case.get("body_has", ())]
        checks += [p not in src.body for p in case.get("body_lacks", ())]
        if "agency" in case:
            checks.append(
                case["agency"] not in src.authors
                and (src.outlet == case["agency"] or f"Credit: {case['agency']}" in src.notes)
            )
        checked += len(checks)
        right += sum(checks)
        line = f"{case['name']:28} {len(data) // 1024:>4}  {sum(checks):>3}/{len(checks):<3}"
        if "published" in case:
            theirs = _htmldate(data)
            dates_total += 1
            dates_ours += got["published"] == case["published"]
            dates_htmldate += theirs == case["published"]
            line += f"  {case['published']:>14} {got['published']:>10} {theirs:>10}"
        print(line)
    print(
        f"\n{len(cases)} pages, median {sorted(sizes)[len(sizes) // 2] // 1024} KB; "
        f"{right}/{checked} checks right; dates: stored {dates_ours}/{dates_total}, "
        f"htmldate alone {dates_htmldate}/{dates_total}; import {elapsed:.1f} s"
    )
    return 0 if right == checked else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
