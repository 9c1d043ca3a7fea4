"""Recording an export in the library once its file is in place (core/export_records.py).

The file comes first: a row is written only for a file that exists, in one transaction
after the atomic rename. When the library cannot take the row (opened read-only, held
by a window while the command line exports, a full disk), the file stays, since the
analyst asked for it, and the result says in one line why it was not recorded.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from briefer.core.errors import BrieferError
from briefer.core.export_records import NewExport

if TYPE_CHECKING:
    from briefer.core.library import Library
    from briefer.export.writer import ExportResult


def cannot_record(library: Library) -> str:
    """Why this library cannot take an export record now; "" when it can. Asked before
    the file is written, so the reason is known even if the file is then written."""
    try:
        library.refuse_if_not_writable()
    except BrieferError as exc:
        return str(exc)
    return ""


def record_export(
    library: Library,
    result: ExportResult,
    file_format: str,
    recipients: str,
    *,
    unrecorded: str = "",
) -> ExportResult:
    """The result with the row written for its file, or with why none was written."""
    if unrecorded or result.exported is None:
        return dataclasses.replace(result, unrecorded=unrecorded or "no export time")
    new = NewExport(
        brief_id=result.brief_id,
        title=result.title,
        doc_version=result.doc_version,
        revision=result.revision,
        status=result.status,
        exported=result.exported,
        file_name=str(result.path.absolute()),
        file_format=file_format,
        sha256=result.sha256,
        size=result.size,
        template=result.template,
        marking=result.marking,
        citations=result.citations,
        recipients=recipients,
    )
    try:
        row = library.exports.record(new)
    except BrieferError as exc:
        return dataclasses.replace(result, unrecorded=str(exc))
    return dataclasses.replace(result, record=row)
