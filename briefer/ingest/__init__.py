"""Importing articles: files, folders and clipboard pastes into a library.

No Qt here (a test enforces it): the CLI, the GUI and worker processes all use this
package. Nothing here opens a network connection or fetches what imported material
references.
"""

from briefer.ingest.errors import IngestError
from briefer.ingest.importer import ImportReport, ImportResult, import_paths, import_text
from briefer.ingest.limits import MAX_FILE_BYTES
from briefer.ingest.parse import SUPPORTED_EXTENSIONS, parse_bytes, parse_path

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ImportReport",
    "ImportResult",
    "IngestError",
    "import_paths",
    "import_text",
    "parse_bytes",
    "parse_path",
]
