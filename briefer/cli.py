"""The command line over core: every command the GUI's work rests on, scriptable.

`briefer` with no command opens the window. Errors print one line on stderr and exit 1;
listing commands print one JSON document on stdout with --json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from briefer.core.errors import BrieferError, InvalidInput
from briefer.core.oserrors import os_error_line
from briefer.core.paths import default_library_path, resolve_library_path
from briefer.core.records import grade_letter, reliability_text

EXIT_OK, EXIT_FAIL = 0, 1


class CliError(Exception):
    """A usage mistake: reported like a BrieferError."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message} (see `{self.prog} --help`)")


MAX_ID = 2**63 - 1  # SQLite's largest integer: every row id fits
MAX_LIMIT = 100_000


def _whole(low: int, high: int, what: str = ""):
    """An argparse type: a whole number from low to high, refused in one line."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{text!r}: use {what or 'a whole number'} from {low} to {high}"
            )
        return value

    parse.__name__ = what or "number"
    return parse


ID = _whole(1, MAX_ID, "an id")


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="library file (default: $BRIEFER_LIBRARY, else the user data folder)",
    )


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def _follow_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--follow",
        action="store_true",
        help="when the output is a symbolic link, write the file it points to",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefer", description="Briefer: sources, excerpts and briefs.")
    _library_option(parser)
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="import, excerpt, grade, brief and export in a temporary library; exit 0 if all works",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _library_option(p)
        return p

    command("gui", "open the window (the default)")

    p = command("import", "import files or folders (folders recurse); prints new source ids")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="tag every import")
    _json_option(p)

    p = command("sources", "list the sources")
    p.add_argument("--tag", metavar="T")
    p.add_argument("--outlet", metavar="O")
    p.add_argument(
        "--suspect",
        action="store_true",
        help="only sources whose metadata should be checked before citing",
    )
    _json_option(p)

    p = command("excerpts", "list excerpts of a source or a tag")
    p.add_argument("--source", type=ID, metavar="ID")
    p.add_argument("--tag", metavar="T")
    _json_option(p)

    p = command("tags", "list the tags with their counts")
    _json_option(p)

    p = command("briefs", "list the briefs")
    _json_option(p)

    p = command("brief", "make and fill briefs")
    brief = p.add_subparsers(dest="brief_command", parser_class=_Parser, metavar="ACTION")
    brief.required = True
    q = brief.add_parser("new", help="a new brief; prints its id")
    _library_option(q)
    q.add_argument("title")
    q.add_argument("--template", default="Standard brief", metavar="NAME")
    q.add_argument("--marking", default="", metavar="M", help="e.g. TLP:AMBER or free text")
    q.add_argument("--subject", default="", metavar="S")
    q.add_argument("--author", default="", metavar="A")
    _json_option(q)
    q = brief.add_parser("add", help="add text or an excerpt to a section of a brief")
    _library_option(q)
    q.add_argument("brief_id", type=ID, metavar="BRIEF_ID")
    q.add_argument("--section", required=True, metavar="NAME")
    what = q.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", metavar="TEXT")
    what.add_argument("--excerpt", type=ID, metavar="ID")
    q.add_argument("--paraphrase", action="store_true", help="cite the excerpt without quoting it")
    q = brief.add_parser(
        "set", help="set a brief's status, version and date (as the title block prints them)"
    )
    _library_option(q)
    q.add_argument("brief_id", type=ID, metavar="BRIEF_ID")
    q.add_argument("--status", choices=["draft", "in review", "final"])
    q.add_argument(
        "--version", dest="doc_version", type=_whole(1, 1_000_000, "a version"), metavar="N"
    )
    q.add_argument("--date", dest="doc_date", metavar="YYYY-MM-DD")
    _json_option(q)
    q = brief.add_parser("templates", help="list the brief templates")
    _library_option(q)
    _json_option(q)

    p = command("show", "show one item")
    p.add_argument("kind", choices=["source", "excerpt", "brief"])
    p.add_argument("id", type=ID)
    _json_option(p)

    p = command(
        "original",
        "the original file of a source as imported: describe it, "
        "print its text, or save it with -o",
    )
    p.add_argument("id", type=ID, metavar="SOURCE_ID")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the original bytes to FILE (a new file, mode 0600)",
    )
    p.add_argument(
        "--text",
        action="store_true",
        help="print what a reader of the original saw (a page's visible text)",
    )
    _json_option(p)

    p = command("excerpt", "cut an excerpt from a source; prints its id")
    p.add_argument("source_id", type=ID, metavar="SOURCE_ID")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the words to cut, as they stand")
    where.add_argument("--span", metavar="START:END", help="character offsets into the body")
    p.add_argument("--credibility", type=_whole(1, 6), default=6, metavar="1-6")
    p.add_argument("--tag", action="append", default=[], metavar="T")
    p.add_argument("--comment", default="", metavar="C")
    p.add_argument(
        "--speaker", metavar="NAME", help="who is quoted (default: read from a 'said X' beside it)"
    )
    _json_option(p)

    p = command("grade", "set a source's reliability (Admiralty A to F, or ungraded)")
    p.add_argument("source_id", type=ID, metavar="SOURCE_ID")
    p.add_argument("grade", metavar="A-F|ungraded")

    p = command("tag", "tag a source or an excerpt")
    p.add_argument("kind", choices=["source", "excerpt"])
    p.add_argument("id", type=ID)
    p.add_argument("tags", nargs="+", metavar="TAG")

    p = command("search", "search sources and excerpts")
    p.add_argument("query")
    p.add_argument("--limit", type=_whole(1, MAX_LIMIT), default=20, metavar="N")
    _json_option(p)

    p = command(
        "export",
        "export a brief to Word (.docx) or PDF (.pdf, through LibreOffice); prints the path "
        "and a summary",
    )
    p.add_argument("brief_id", type=ID, metavar="BRIEF_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx|FILE.pdf")
    _follow_option(p)
    p.add_argument(
        "--template",
        metavar="NAME",
        help="Word template: Standard (default), Compact, a house template, or a .docx/.dotx",
    )
    p.add_argument("--endnotes", action="store_true", help="citations as endnotes")
    p.add_argument(
        "--full-citations",
        action="store_true",
        help="the full reference in every note (default: a short form for a source cited again)",
    )
    p.add_argument(
        "--final",
        action="store_true",
        help="export as final: a brief not yet final becomes final, its version one higher",
    )
    p.add_argument(
        "--empty-sections",
        choices=["omit", "note"],
        default="omit",
        help="sections with nothing in them: left out (default) or 'Nothing to report.'",
    )
    p.add_argument(
        "--with-author", action="store_true", help="put the brief's author in the file properties"
    )
    p.add_argument(
        "--recipients",
        default="",
        metavar="TEXT",
        help="to whom the file goes, kept in the export record (`briefer exports`)",
    )
    _json_option(p)

    p = command("exports", "list the recorded exports, newest first (all, or one brief's)")
    p.add_argument("brief_id", nargs="?", type=ID, metavar="BRIEF_ID")
    _json_option(p)

    p = command(
        "verify",
        "say which recorded export a file is, or that it was changed since; exit 0 when it "
        "is one, 1 when changed or unknown, 2 on error",
    )
    p.add_argument("file", metavar="FILE.docx|FILE.pdf")
    _json_option(p)

    command("check", "check the library's integrity; exit 0 when sound")

    p = command("backup", "back up the library (into its backups folder, or to FILE)")
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the backup here (never overwrites)"
    )
    _follow_option(p)

    p = command("restore", "replace the library with a backup; the current file is kept aside")
    p.add_argument("backup", metavar="BACKUP")

    _lint_parser(command("lint", "check a brief against ICD 203/206 tradecraft; exit 1 if open"))
    p = command("portion", "set a paragraph's portion mark; the brief's marking rolls up")
    p.add_argument("brief_id", type=ID, metavar="BRIEF_ID")
    p.add_argument("section", metavar="SECTION")
    p.add_argument("paragraph", type=_whole(1, MAX_ID, "a paragraph number"), metavar="PARAGRAPH")
    p.add_argument("mark", metavar="MARK", help="U, C, S, TS or a TLP label; - clears it")
    return parser


def _version() -> str:
    from briefer import __version__

    return f"briefer {__version__}"


# -- output ------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _emit_json(data: Any) -> None:
    json.dump(_plain(data), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _source_json(src) -> dict:
    keys = (
        "id", "title", "outlet", "authors", "published", "published_precision",
        "published_ambiguous", "published_inferred", "published_alternatives",
        "published_text", "dateline", "url", "language", "accessed", "original_format",
        "reliability", "tags", "excerpt_count", "body_sha256", "created", "modified",
    )  # fmt: skip
    from briefer.core.suspect import reasons

    data = {k: _plain(getattr(src, k)) for k in keys}
    # What to check before citing it (core/suspect.py); [] when nothing.
    data["suspect"] = list(reasons(src))
    if hasattr(src, "body"):
        data["notes"] = src.notes
        data["body"] = src.body
    return data


def _excerpt_json(ex) -> dict:
    data = _plain(ex)
    data["grade"] = ex.grade
    return data


# -- commands ----------------------------------------------------------------------


def _cmd_import(lib, args) -> int:
    from briefer.ingest import import_paths

    report = import_paths(lib, [Path(p) for p in args.paths], tags=tuple(args.tag))
    if args.json:
        _emit_json(
            {
                "results": [dataclasses.asdict(r) for r in report.results],
                "imported": report.imported,
                "duplicates": report.duplicates,
                "failed": report.failed,
                "skipped": report.skipped,
            }
        )
    else:
        for r in report.results:
            if r.status == "imported":
                print(f"imported {r.source_id}\t{_shown(r.path)}\t{_shown(r.title)}")
            elif r.status == "duplicate":
                print(f"duplicate {_shown(r.path)}: {_shown(r.message)}")
            elif r.status == "skipped":
                print(f"skipped {_shown(r.path)}", file=sys.stderr)
            else:
                print(f"failed {_shown(r.path)}: {_shown(r.message)}", file=sys.stderr)
        print(report.summary(), file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAIL


def _cmd_sources(lib, args) -> int:
    rows = lib.sources.list(tag=args.tag, outlet=args.outlet)
    if args.suspect:
        from briefer.core.suspect import reasons

        rows = [s for s in rows if reasons(s)]
    if args.json:
        _emit_json([_source_json(s) for s in rows])
        return EXIT_OK
    for s in rows:
        published = s.published.isoformat() if s.published else "—"
        if s.published_ambiguous:
            published += "?"
        grade = grade_letter(s.reliability)
        outlet = _shown(s.outlet or "—")
        print(f"{s.id}\t{grade}\t{published}\t{outlet}\t{_shown(s.title)}")
    return EXIT_OK


def _cmd_excerpts(lib, args) -> int:
    if args.source is None and not args.tag:
        raise CliError("name --source ID or --tag T")
    rows = lib.excerpts.list(source_id=args.source, tag=args.tag)
    if args.json:
        _emit_json([_excerpt_json(e) for e in rows])
        return EXIT_OK
    for e in rows:
        tags = f"\t[{_shown(', '.join(e.tags))}]" if e.tags else ""
        text = _shown(_one_line(e.text, 80))
        print(f"{e.id}\t{e.grade}\tsource {e.source_id}\t{text}{tags}")
    return EXIT_OK


def _cmd_tags(lib, args) -> int:
    rows = lib.tags.list()
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    for t in rows:
        print(f"{_shown(t.name)}\t{t.source_count} sources\t{t.excerpt_count} excerpts")
    return EXIT_OK


def _brief_json(brief) -> dict:
    from briefer.core import document

    data = _plain(brief)
    data["sections"] = [{"id": sid, "title": title} for sid, title in document.sections(brief.body)]
    data["citations"] = list(brief.citations)
    return data


def _cmd_briefs(lib, args) -> int:
    rows = lib.briefs.list()
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    for b in rows:
        marking = f"\t{_shown(b.marking)}" if b.marking else ""
        when = f"{b.modified.astimezone():%Y-%m-%d %H:%M}"
        print(f"{b.id}\t{b.status}\t{when}\t{_shown(b.title)}{marking}")
    return EXIT_OK


def _cmd_brief(lib, args) -> int:
    if args.brief_command == "templates":
        from briefer.core.templates import structure_templates

        templates, problems = structure_templates()
        for problem in problems:
            print(f"briefer: {_shown(problem)}", file=sys.stderr)
        if args.json:
            _emit_json(
                [
                    {
                        "name": t.name,
                        "description": t.description,
                        "path": str(t.path),
                        "builtin": t.builtin,
                        "sections": [title for _, title in _sections(t.document)],
                    }
                    for t in templates
                ]
            )
        else:
            for t in templates:
                sections = ", ".join(title for _, title in _sections(t.document))
                print(f"{_shown(t.name)}\t{_shown(sections)}")
        return EXIT_OK
    if args.brief_command == "new":
        brief = lib.briefs.create(
            args.title,
            template=args.template,
            marking=args.marking,
            subject=args.subject,
            author=args.author,
        )
        if args.json:
            _emit_json(_brief_json(brief))
        else:
            print(brief.id)
        return EXIT_OK
    if args.brief_command == "set":
        on = None
        if args.doc_date is not None:
            try:
                on = date.fromisoformat(args.doc_date)
            except ValueError:
                raise CliError(f"--date {args.doc_date!r}: use YYYY-MM-DD") from None
        if args.status is None and args.doc_version is None and on is None:
            raise CliError("brief set: give --status, --version or --date")
        brief = lib.briefs.set_release(
            args.brief_id, status=args.status, version=args.doc_version, on=on
        )
        if args.json:
            _emit_json(_brief_json(brief))
        else:
            when = f", dated {brief.doc_date.isoformat()}" if brief.doc_date else ""
            print(f"brief {brief.id}: version {brief.doc_version}, {brief.status}{when}")
        return EXIT_OK
    if args.text is not None:
        if args.paraphrase:
            raise CliError("--paraphrase goes with --excerpt")
        brief = lib.briefs.add_text(args.brief_id, args.section, args.text)
    else:
        brief = lib.briefs.add_excerpt(
            args.brief_id, args.section, args.excerpt, paraphrase=args.paraphrase
        )
    print(f"brief {brief.id}: {len(brief.citations)} citation(s)", file=sys.stderr)
    return EXIT_OK


def _sections(doc: dict) -> list[tuple[str, str]]:
    from briefer.core import document

    return document.sections(doc)


def _show_brief(lib, args) -> int:
    from briefer.core import document

    brief = lib.briefs.get(args.id)
    if args.json:
        _emit_json(_brief_json(brief))
        return EXIT_OK
    lines = [
        ("brief", str(brief.id)),
        ("title", brief.title),
        ("subject", brief.subject),
        ("author", brief.author),
        ("status", brief.status),
        ("marking", brief.marking),
        ("template", brief.template),
        ("version", str(brief.version)),
        ("citations", " ".join(str(c) for c in brief.citations)),
    ]
    for key, value in lines:
        if value:
            print(f"{key + ':':13}{_shown(value)}")
    print()
    print(_shown_block(document.plain_text(brief.body)))
    return EXIT_OK


def _cmd_original(lib, args) -> int:
    from briefer.ingest import original as originals

    lib.sources.get(args.id)  # NotFound names the id
    record = lib.sources.original(args.id)
    if record is None:
        raise InvalidInput(f"source {args.id}: no original file is stored for it")
    if args.output:
        out = Path(args.output).expanduser()
        originals.save(record, out)
        print(out)
        return EXIT_OK
    if args.text:
        text = originals.readable_text(record)
        if not text:
            raise InvalidInput(
                f"source {args.id}: the original is {record.media_type}, "
                "not text; save it with -o FILE and open it"
            )
        print(text)
        return EXIT_OK
    info = {
        "source_id": record.source_id,
        "filename": record.filename,
        "media_type": record.media_type,
        "size": record.size,
        "sha256": record.sha256,
        "imported": record.imported.isoformat(),
    }
    if args.json:
        _emit_json(info)
    else:
        for key, value in info.items():
            print(f"{key + ':':12} {value}")
        print(f"briefer: save it with `briefer original {args.id} -o FILE`", file=sys.stderr)
    return EXIT_OK


def _cmd_show(lib, args) -> int:
    if args.kind == "brief":
        return _show_brief(lib, args)
    if args.kind == "excerpt":
        ex = lib.excerpts.get(args.id)
        if args.json:
            _emit_json(_excerpt_json(ex))
        else:
            print(f"excerpt {ex.id} of source {ex.source_id} ({_shown(ex.source_title)})")
            print(f"grade: {ex.grade}  span: {ex.start}:{ex.end}  {_shown(ex.locator)}")
            if ex.tags:
                print(f"tags: {_shown(', '.join(ex.tags))}")
            if ex.comment:
                print(f"comment: {_shown(ex.comment)}")
            print()
            print(_shown_block(ex.text))
        return EXIT_OK
    from briefer.core.suspect import reasons

    src = lib.sources.get(args.id)
    if args.json:
        _emit_json(_source_json(src))
        return EXIT_OK
    published = src.published.isoformat() if src.published else "unknown"
    if src.published_ambiguous:
        readings = " or ".join(d.isoformat() for d in src.published_alternatives)
        published += f" (ambiguous: {readings})"
    lines = [
        ("source", str(src.id)),
        ("title", src.title),
        ("outlet", src.outlet),
        ("authors", "; ".join(src.authors)),
        ("published", published),
        ("dateline", src.dateline),
        ("url", src.url),
        ("language", src.language),
        ("reliability", reliability_text(src.reliability)),
        ("tags", ", ".join(src.tags)),
        ("excerpts", str(src.excerpt_count)),
        ("sha-256", src.body_sha256),
        ("check", "before citing: " + ", ".join(reasons(src)) if reasons(src) else ""),
    ]
    for key, value in lines:
        if value:
            print(f"{key + ':':13}{_shown(value)}")
    print()
    print(_shown_block(src.body))
    return EXIT_OK


def _parse_span(span: str) -> tuple[int, int]:
    try:
        start, end = (int(part) for part in span.split(":"))
    except ValueError as exc:
        raise CliError(f"--span {span!r}: use START:END, two whole numbers") from exc
    return start, end


def _cmd_excerpt(lib, args) -> int:
    options = {"credibility": args.credibility, "tags": args.tag, "comment": args.comment}
    if args.speaker is not None:
        options["speaker"] = args.speaker
    if args.quote is not None:
        ex = lib.excerpts.add_quote(args.source_id, args.quote, **options)
    else:
        start, end = _parse_span(args.span)
        ex = lib.excerpts.add(args.source_id, start, end, **options)
    if args.json:
        _emit_json(_excerpt_json(ex))
    else:
        print(ex.id)
    return EXIT_OK


def _cmd_grade(lib, args) -> int:
    src = lib.sources.set_reliability(args.source_id, args.grade)
    if src.reliability:
        print(f"source {src.id} graded {src.reliability}", file=sys.stderr)
    else:
        print(f"source {src.id} is ungraded", file=sys.stderr)
    return EXIT_OK


def _cmd_tag(lib, args) -> int:
    if args.kind == "source":
        lib.tags.tag_sources([args.id], args.tags)
    else:
        lib.tags.tag_excerpts([args.id], args.tags)
    return EXIT_OK


def _cmd_search(lib, args) -> int:
    hits = lib.search(args.query, limit=args.limit)
    if args.json:
        _emit_json(
            [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "source_id": h.source_id,
                    "title": h.title,
                    "snippet": h.snippet,
                    "highlights": [list(span) for span in h.highlights],
                }
                for h in hits
            ]
        )
        return EXIT_OK
    for h in hits:
        snippet = _one_line(_marked(h.snippet, h.highlights), 120)
        print(f"{h.kind} {h.id}\t{_shown(h.title)}\t{_shown(snippet)}")
    if not hits:
        print("no matches", file=sys.stderr)
    return EXIT_OK


def _takes_path(handler):
    """Mark a command that works on the library file itself, not an open Library:
    it must run on a damaged library, or with the library closed."""
    handler.takes_path = True
    return handler


@_takes_path
def _cmd_check(path: Path, args) -> int:
    from briefer.core import opening

    # The verdict (damage or not, the record beside the file, the backup to offer) is
    # core/opening.py's, the same the window's Library › Check reaches.
    verdict = opening.check_file(path)
    if verdict.sound:
        _print_suspects(verdict.path)
        print(f"{_shown(verdict.path)}: ok")
        return EXIT_OK
    for problem in verdict.report.problems:
        print(_shown(problem))
    found = f"{len(verdict.report.problems)} problem(s) found"
    hint = verdict.restore_hint()
    print(f"briefer: {_shown(verdict.path)}: {found}{_shown(hint)}", file=sys.stderr)
    return EXIT_FAIL


def _print_suspects(path: Path) -> None:  # `briefer sources --suspect` lists them
    """Count the sources whose metadata should be checked before citing (not damage:
    the exit status stays 0)."""
    from briefer.core.library import Library
    from briefer.core.suspect import library_suspects, summary_line

    try:
        with Library.open(path) as lib:
            line = summary_line(library_suspects(lib))
    except BrieferError:
        return
    if line:
        print(line)


@_takes_path
def _cmd_backup(path: Path, args) -> int:
    from briefer.core import backups

    target = _output(args, path).absolute() if args.output else None
    print(_shown(str(backups.make_backup(path.absolute(), target))))
    return EXIT_OK


@_takes_path
def _cmd_restore(path: Path, args) -> int:
    from briefer.core import backups

    kept = backups.restore(path.absolute(), Path(args.backup))
    print(f"restored {_shown(path)} from {_shown(args.backup)}")
    if kept:
        print(f"briefer: the file it replaced is kept as {_shown(kept)}", file=sys.stderr)
    return EXIT_OK


def _output(args, library: Path) -> Path:
    """The -o path to write: a regular file or a new one (see core/targets.py)."""
    from briefer.core.targets import check_target

    wanted = Path(args.output).expanduser()
    return check_target(wanted, follow=args.follow, library=library.absolute())


def _cmd_export(lib, args) -> int:
    from briefer.core.suspect import cited_suspects
    from briefer.export import export_brief, export_pdf

    for suspect in cited_suspects(lib, args.brief_id):
        print(
            f"briefer: warning: the brief cites {suspect.describe()}; check it before "
            f"sending (`briefer show source {suspect.id}`)",
            file=sys.stderr,
        )
    output = _output(args, lib.path)
    write = export_pdf if output.suffix.lower() == ".pdf" else export_brief
    result = write(
        lib,
        args.brief_id,
        output,
        template=args.template,
        endnotes=args.endnotes,
        include_author=args.with_author,
        full_citations=args.full_citations,
        empty_sections=args.empty_sections,
        final=args.final,
        recipients=args.recipients,
    )
    if args.json:
        _emit_json(result.as_json())
    else:
        print(_shown(result.path))
        print(_shown(result.summary()), file=sys.stderr)
    if result.unrecorded:
        print(f"briefer: warning: the export is not recorded: {_shown(result.unrecorded)}",
              file=sys.stderr)  # fmt: skip
    return EXIT_OK


# -- the export record: exports and verify ---------------------------------------------


def _cmd_exports(lib, args) -> int:
    rows = lib.exports.list(args.brief_id)
    if args.json:
        _emit_json([r.as_json() for r in rows])
        return EXIT_OK
    for r in rows:
        brief = f"brief {r.brief_id}" if r.brief_id is not None else "deleted brief"
        print(
            f"{r.id}\t{r.exported.astimezone():%Y-%m-%d %H:%M}\t{brief} v{r.doc_version}\t"
            f"{r.file_format}\t{_shown(r.marking or '-')}\t{_shown(r.recipients or '-')}\t"
            f"{_shown(r.file_name)}"
        )
    if not rows:
        print("no exports recorded" + (f" for brief {args.brief_id}" if args.brief_id else ""),
              file=sys.stderr)  # fmt: skip
    return EXIT_OK


EXIT_VERIFY_ERROR = 2


def _cmd_verify(lib, args) -> int:
    from briefer.export.verify import MATCHED, verify_file

    found = verify_file(lib, Path(args.file).expanduser())
    if args.json:
        _emit_json(found.as_json())
    else:
        for line in found.lines():
            print(_shown(line))
    return EXIT_OK if found.status == MATCHED else EXIT_FAIL


_cmd_verify.error_exit = EXIT_VERIFY_ERROR  # type: ignore[attr-defined]


# -- lint: analytic tradecraft (docs/TRADECRAFT.md) ---------------------------------


def _lint_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("brief_id", type=ID, metavar="BRIEF_ID")
    _json_option(p)
    act = p.add_mutually_exclusive_group()
    finding = _whole(1, MAX_ID, "a finding number")
    act.add_argument(
        "--dismiss", type=finding, metavar="N", help="dismiss finding N (with --reason)"
    )
    act.add_argument("--undismiss", type=finding, metavar="N", help="bring back finding N")
    act.add_argument("--fix", type=finding, metavar="N", help="apply finding N's one-click fix")
    act.add_argument("--support", action="store_true", help="which excerpts support each paragraph")
    act.add_argument("--circular", action="store_true", help="possible circular reporting")
    act.add_argument("--summary", action="store_true", help="draft the source summary statement")
    act.add_argument(
        "--insert-summary", metavar="SECTION", help="add the drafted statement to a section"
    )
    p.add_argument("--reason", metavar="TEXT", help="why the finding does not apply")
    p.add_argument(
        "--with", dest="replacement", metavar="TEXT|K", help="which fix (text or number)"
    )


def _lint_place(f) -> str:
    return f"{f.section or '(brief)'} ¶{f.paragraph}" if f.paragraph else "(brief)"


def _lint_pick(findings, number: int, flag: str):
    if not 1 <= number <= len(findings):
        raise CliError(f"{flag} {number}: the brief has findings 1 to {len(findings)}")
    return findings[number - 1]


def _lint_replacement(finding, wanted: str | None) -> str | None:
    if wanted is None:
        return None
    options = [r.strip() for r in finding.replacements]
    if wanted.isdigit() and 1 <= int(wanted) <= len(options):
        return finding.replacements[int(wanted) - 1]
    for option, raw in zip(options, finding.replacements, strict=True):
        if option.casefold() == wanted.strip().casefold():
            return raw
    choices = ", ".join(f"{n}: “{o}”" for n, o in enumerate(options, 1)) or "none"
    raise CliError(f"--with {wanted!r}: not one of this finding's fixes ({choices})")


def _cmd_lint(lib, args) -> int:
    tc = lib.tradecraft
    if args.reason is not None and args.dismiss is None:
        raise CliError("--reason goes with --dismiss N")
    if args.replacement is not None and args.fix is None:
        raise CliError("--with goes with --fix N")
    if args.support:
        rows = tc.support(args.brief_id)
        if args.json:
            _emit_json(rows)
        for r in [] if args.json else rows:
            cited = "; ".join(f"{e.excerpt_id} {e.grade} {e.label}" for e in r.excerpts) or "—"
            print(f"{r.section or '(brief)'} ¶{r.paragraph}\t{cited}\t{_one_line(r.text, 70)}")
        return EXIT_OK
    if args.circular:
        pairs = tc.circular(args.brief_id)
        if args.json:
            _emit_json(pairs)
        for pair in [] if args.json else pairs:
            who = f", {pair.speaker}" if pair.speaker else ""
            print(f"excerpts {pair.first} and {pair.second} ({pair.kind}{who})")
            print(f"  {pair.first_label}: {_one_line(pair.first_text, 300)}")
            print(f"  {pair.second_label}: {_one_line(pair.second_text, 300)}")
        return EXIT_OK
    if args.summary:
        text = tc.summary(args.brief_id)
        if args.json:
            _emit_json({"statement": text})
        else:
            print(text)
        return EXIT_OK
    if args.insert_summary:
        text = tc.summary(args.brief_id)
        tc.insert_summary(args.brief_id, args.insert_summary)
        print(text)
        return EXIT_OK
    findings = tc.findings(args.brief_id)
    if args.dismiss is not None:
        if not args.reason:
            raise CliError('--dismiss N needs --reason "why it does not apply"')
        f = _lint_pick(findings, args.dismiss, "--dismiss")
        tc.dismiss(args.brief_id, f, args.reason)
        print(f"dismissed {args.dismiss}: {f.rule} at {_lint_place(f)}", file=sys.stderr)
        return EXIT_OK
    if args.undismiss is not None:
        f = _lint_pick(findings, args.undismiss, "--undismiss")
        tc.undismiss(args.brief_id, f.key)
        print(f"finding {args.undismiss} is open again", file=sys.stderr)
        return EXIT_OK
    if args.fix is not None:
        f = _lint_pick(findings, args.fix, "--fix")
        brief = tc.fix(args.brief_id, f, _lint_replacement(f, args.replacement))
        print(
            f"fixed {args.fix}: {f.rule}; brief {brief.id} is at version {brief.version}",
            file=sys.stderr,
        )
        return EXIT_OK
    if args.json:
        _emit_json([{"number": n, **f.as_json()} for n, f in enumerate(findings, 1)])
    else:
        for n, f in enumerate(findings, 1):
            done = f"\t[dismissed: {f.reason}]" if f.dismissed else ""
            print(
                f"{n}\t{_lint_place(f)}\t{f.rule}\t“{_one_line(f.text, 60)}”\t"
                f"{f.message}; {f.suggestion}{done}"
            )
    still = sum(not f.dismissed for f in findings)
    print(
        f"{len(findings)} finding(s): {still} open, {len(findings) - still} dismissed",
        file=sys.stderr,
    )
    return EXIT_FAIL if still else EXIT_OK


def _cmd_portion(lib, args) -> int:
    mark = "" if args.mark == "-" else args.mark
    brief = lib.tradecraft.set_portion(args.brief_id, args.section, args.paragraph, mark)
    marking = brief.marking or "none"
    print(f"brief {brief.id}: {args.section} ¶{args.paragraph} marked; marking {marking}")
    return EXIT_OK


def _marked(snippet: str, spans: Sequence[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [snippet[last:start], "[", snippet[start:end], "]"]
        last = end
    out.append(snippet[last:])
    return "".join(out)


# Characters a terminal acts on: C0/C1 controls, DEL, and the bidirectional overrides
# that reorder what follows them. Lone surrogates are undecodable bytes of a file name.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(ch: str) -> str:
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _shown(value: object) -> str:
    """Text for the terminal: a path or title whose controls are printed escaped.

    A file name may hold newlines, escape sequences or undecodable bytes; printed raw
    they forge lines of output or drive the terminal. Every path and title goes
    through here.
    """
    text = str(value)
    if text.isprintable():
        return text
    return "".join(
        _escaped(ch) if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs") else ch
        for ch in text
    )


def _shown_block(text: str) -> str:
    """Several lines of text (a body) with each line's controls escaped."""
    return "\n".join(_shown(line) for line in text.split("\n"))


def _one_line(value: str, width: int) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


COMMANDS = {
    "import": _cmd_import,
    "sources": _cmd_sources,
    "excerpts": _cmd_excerpts,
    "tags": _cmd_tags,
    "show": _cmd_show,
    "briefs": _cmd_briefs,
    "brief": _cmd_brief,
    "excerpt": _cmd_excerpt,
    "grade": _cmd_grade,
    "tag": _cmd_tag,
    "search": _cmd_search,
    "export": _cmd_export,
    "check": _cmd_check,
    "original": _cmd_original,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "lint": _cmd_lint,
    "portion": _cmd_portion,
    "exports": _cmd_exports,
    "verify": _cmd_verify,
}


# Options of `briefer search`; any other word starting with "-" is the query.
_SEARCH_VALUED = ("--limit", "--library")
_SEARCH_FLAGS = ("--json", "--help", "-h")


def _search_option(word: str) -> str | None:
    """The search option `word` names (a unique prefix of a long one counts), else None."""
    name = word.split("=", 1)[0]
    if name in _SEARCH_FLAGS or name in _SEARCH_VALUED:
        return name
    if not name.startswith("--") or len(name) < 3:
        return None
    known = [o for o in (*_SEARCH_VALUED, *_SEARCH_FLAGS) if o.startswith(name)]
    return known[0] if len(known) == 1 else None


def _command_word(argv: list[str]) -> str | None:
    """The command argv names (past the global options), or None."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--library":
            i += 2
            continue
        if not word.startswith("-"):
            return word
        i += 1
    return None


def _query_last(argv: list[str]) -> list[str]:
    """argv with the query of `briefer search` moved behind `--`.

    argparse takes `-militia` for an unknown option; the words after `search` that are
    not its options are its query, whatever they start with.
    """
    at, i = None, 0
    while i < len(argv):  # find the command word past the global options
        word = argv[i]
        if word == "--library":
            i += 2
            continue
        if not word.startswith("-"):
            at = i
            break
        i += 1
    if at is None or argv[at] != "search":
        return argv
    options, query = [], []
    rest = iter(argv[at + 1 :])
    for word in rest:
        if word == "--":
            query.extend(rest)
            break
        name = _search_option(word)
        if name is None:
            query.append(word)
            continue
        options.append(word)
        if name in _SEARCH_VALUED and "=" not in word:
            options.append(next(rest, ""))
    return [*argv[: at + 1], *options, "--", *query]


def _library_path(args) -> Path:
    explicit = getattr(args, "library", None)
    path = resolve_library_path(explicit)
    if path == default_library_path():
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _run_gui(path: Path) -> int:
    from briefer import collector

    # Until the window is painted: gui/app.run releases it (briefer/collector.py).
    collector.hold()
    from briefer.gui.app import run

    return run(path)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A command may exit with its own code on error (verify: 2, as 1 means "changed").
    fail = getattr(COMMANDS.get(_command_word(argv) or ""), "error_exit", EXIT_FAIL)
    try:
        args = build_parser().parse_args(_query_last(argv))
        if args.self_test:
            from briefer.selftest import main as self_test

            return self_test()
        path = _library_path(args)
        if args.command in (None, "gui"):
            return _run_gui(path)
        from briefer.core import opening

        handler = COMMANDS[args.command]
        if getattr(handler, "takes_path", False):
            return handler(path, args)
        # Opened as the window opens (core/opening.py), without the writer lock.
        attempt = opening.open_library(path, lock=False)
        if attempt.library is None:
            raise CliError(attempt.refusal())
        with attempt.library as lib:
            code = handler(lib, args)
            if lib.read_only_reason:
                print(f"briefer: note: {path} is open read-only: {lib.read_only_reason}",
                      file=sys.stderr)  # fmt: skip
            return code
    except (BrieferError, CliError) as exc:
        print(f"briefer: {_shown(exc)}", file=sys.stderr)
        return fail
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # the system refused: say which file and what to do
        if os.environ.get("BRIEFER_DEBUG"):
            raise
        print(f"briefer: {_shown(os_error_line(exc))}", file=sys.stderr)
        return fail
    except Exception as exc:  # the one place a surprise is turned into a line
        if os.environ.get("BRIEFER_DEBUG"):
            raise
        print(
            f"briefer: unexpected error: {type(exc).__name__}: {_shown(exc)} "
            "(run with BRIEFER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return fail


if __name__ == "__main__":
    raise SystemExit(main())
