"""The tradecraft checks with the library: cited excerpts and their sources, dismissals
kept with the brief, one-click fixes saved through the briefs service.

`findings(brief_id, body)` is what both `briefer lint` and the editor's panel call (the
editor passes its unsaved document), so the two always show the same list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlmodel import col, select

from briefer.core import document
from briefer.core.convert import aware
from briefer.core.errors import InvalidInput, NotFound
from briefer.core.models import Brief, FindingDismissal
from briefer.core.records import BriefDetail
from briefer.core.textutil import clean_line
from briefer.core.tradecraft import circular, lint, portions, sourcing, summary
from briefer.core.tradecraft.findings import Dismissal, Finding, with_dismissals
from briefer.core.tradecraft.units import node_at, replace_text, units, words_of

if TYPE_CHECKING:
    from briefer.core.library import Library


class TradecraftService:
    def __init__(self, library: Library):
        self._lib = library

    # -- reading ---------------------------------------------------------------------

    def _context(self, brief_id: int, body: dict | None):
        brief = self._lib.briefs.get(brief_id)
        doc = document.normalize(body) if body is not None else brief.body
        ids = sorted({i for u in units(doc) for i in u.citations})
        excerpts = {e.id: e for e in self._lib.excerpts.list(ids=ids)} if ids else {}
        return brief, doc, excerpts

    def _passages(self, excerpts: dict) -> dict[int, str]:
        bodies = {
            sid: self._lib.sources.get(sid).body for sid in {e.source_id for e in excerpts.values()}
        }
        out = {}
        for i, e in excerpts.items():
            around = circular.passage(bodies[e.source_id], e.start, e.end)
            # A lost anchor's offsets point at other words: then the excerpt alone.
            out[i] = around if e.text in around else e.text
        return out

    def findings(
        self, brief_id: int, body: dict | None = None, marking: str | None = None
    ) -> list[Finding]:
        """Every finding of the brief (or of `body` and `marking`, its unsaved text and
        marking in the editor), in document order, with the dismissals stored for it."""
        brief, doc, excerpts = self._context(brief_id, body)
        marking = brief.marking if marking is None else marking
        found = lint.check(doc, excerpts, self._passages(excerpts), marking=marking)
        reasons = {d.key: d.reason for d in self.dismissals(brief_id)}
        return with_dismissals(found, reasons)

    def support(self, brief_id: int, body: dict | None = None) -> list[sourcing.Support]:
        """Which excerpts support each paragraph and key judgment, with grades."""
        _brief, doc, excerpts = self._context(brief_id, body)
        return sourcing.support(units(doc), excerpts)

    def circular(self, brief_id: int, body: dict | None = None) -> list[circular.CircularPair]:
        _brief, _doc, excerpts = self._context(brief_id, body)
        return circular.pairs(excerpts, self._passages(excerpts))

    def summary(self, brief_id: int, body: dict | None = None) -> str:
        """The drafted source summary statement (ICD 206), for the analyst to edit."""
        _brief, doc, excerpts = self._context(brief_id, body)
        pairs = circular.pairs(excerpts, self._passages(excerpts))
        return summary.statement(units(doc), excerpts, pairs)

    def insert_summary(self, brief_id: int, section: str = "sources") -> BriefDetail:
        """Add the drafted statement as a paragraph at the end of a section."""
        return self._lib.briefs.add_text(brief_id, section, self.summary(brief_id))

    # -- dismissals ------------------------------------------------------------------

    def dismissals(self, brief_id: int) -> list[Dismissal]:
        with self._lib.read_session() as session:
            if session.get(Brief, brief_id) is None:
                raise NotFound(f"there is no brief {brief_id} in this library")
            rows = session.exec(
                select(FindingDismissal)
                .where(FindingDismissal.brief_id == brief_id)
                .order_by(FindingDismissal.id)
            ).all()
            return [
                Dismissal(r.brief_id, r.key, r.rule, r.text, r.reason, aware(r.created))
                for r in rows
            ]

    def dismiss(self, brief_id: int, finding: Finding, reason: str) -> Dismissal:
        """Keep with the brief that this finding does not apply, and why."""
        why = clean_line(reason)
        if not why:
            raise InvalidInput("reason: say why the finding does not apply")
        if not finding.key:
            raise InvalidInput("this finding cannot be dismissed (it has no key)")
        now = self._lib.now()
        with self._lib.write_session() as session:
            if session.get(Brief, brief_id) is None:
                raise NotFound(f"there is no brief {brief_id} in this library")
            row = session.exec(
                select(FindingDismissal).where(
                    FindingDismissal.brief_id == brief_id, FindingDismissal.key == finding.key
                )
            ).first()
            if row is None:
                row = FindingDismissal(brief_id=brief_id, key=finding.key, created=now, reason=why)
            row.rule, row.text, row.reason = finding.rule, finding.text[:500], why
            session.add(row)
            session.flush()
            return Dismissal(brief_id, row.key, row.rule, row.text, row.reason, aware(row.created))

    def undismiss(self, brief_id: int, key: str) -> None:
        with self._lib.write_session() as session:
            session.execute(
                delete(FindingDismissal).where(
                    col(FindingDismissal.brief_id) == brief_id, col(FindingDismissal.key) == key
                )
            )

    # -- portion marks ----------------------------------------------------------------

    def set_portion(self, brief_id: int, section: str, paragraph: int, mark: str) -> BriefDetail:
        """Set (or, with "", clear) the portion mark of one paragraph or list item; the
        brief's marking rolls up on the save."""
        mark = portions.normalize_portion(mark)
        brief = self._lib.briefs.get(brief_id)
        key = section.strip().casefold()
        found = [
            u
            for u in units(brief.body)
            if key in (u.section.casefold(), u.scope) and u.paragraph == paragraph
        ]
        if not found:
            raise InvalidInput(
                f"brief {brief_id} has no paragraph {paragraph} in section {section!r}; "
                "`briefer lint BRIEF --support` lists the places"
            )
        if found[0].kind == "cell":
            raise InvalidInput("a table cell carries no portion mark; mark the paragraph before")
        body = document.normalize(brief.body)
        node = node_at(body, found[0].path)
        if mark:
            node["portion"] = mark
        else:
            node.pop("portion", None)
        return self._lib.briefs.save_body(brief_id, body, expected_version=brief.version)

    # -- fixing ----------------------------------------------------------------------

    def fix(
        self,
        brief_id: int,
        finding: Finding,
        replacement: str | None = None,
        *,
        expected_version: int | None = None,
    ) -> BriefDetail:
        """Apply a finding's one-click fix and save the brief (a new version).

        With several replacements on offer, name one; a brief changed since the
        finding was made is refused rather than patched in the wrong place.
        """
        if not finding.replacements:
            raise InvalidInput(f"{finding.rule}: there is no one-click fix; {finding.suggestion}")
        if replacement is None:
            if len(finding.replacements) > 1:
                choices = ", ".join(f"“{r.strip()}”" for r in finding.replacements)
                raise InvalidInput(f"{finding.rule}: choose a replacement: {choices}")
            replacement = finding.replacements[0]
        brief = self._lib.briefs.get(brief_id)
        if expected_version is not None and brief.version != expected_version:
            raise InvalidInput(
                f"brief {brief_id} changed elsewhere (version {brief.version}); check it again"
            )
        words = words_of(node_at(brief.body, finding.unit)["content"])
        start, end = finding.span
        if words[start:end] != finding.text:
            raise InvalidInput(f"brief {brief_id} changed since it was checked; check it again")
        at = finding.fix_at or finding.span
        body = replace_text(brief.body, finding.unit, at[0], at[1], replacement)
        return self._lib.briefs.save_body(brief_id, body, expected_version=brief.version)
