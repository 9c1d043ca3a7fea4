"""Word templates: the shipped ones and a team's own, checked before any writing.

Shipped templates sit in templates/word/: Standard and Compact, each on A4
(standard.docx) and US Letter (standard-letter.docx, shown as "Standard Letter"). Asked
for "Standard", the export takes the paper of the system's locale (Letter in the US,
Canada, Mexico, the Philippines and most of Latin America; A4 elsewhere); "Standard A4"
and "Standard Letter" choose one. A team drops its
house template (.docx or .dotx) into the user templates folder's word/ and it wins over
a shipped one of the same name. A template must define every style the export uses:
python-docx raises KeyError only after it has added the paragraph, and Word-saved files
define only the styles they used (python-openxml/python-docx#1333), so templates are
checked up front and refused with the list of what is missing.
"""

from __future__ import annotations

import io
import locale
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document

from briefer.core.templates import shipped_templates_dir, user_templates_dir
from briefer.export.errors import TemplateRefused

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SUFFIXES = (".docx", ".dotx")
DEFAULT_TEMPLATE = "Standard"
LETTER_SUFFIX = "-letter"
# Territories whose paper is US Letter (CLDR's paper size data).
LETTER_TERRITORIES = frozenset(
    "US CA MX PH CL CO VE PR GT CR PA SV NI DO BO BZ".split()
)  # fmt: skip

# Styles the export needs, with the kind each must be. Names compare case-insensitively
# (Word stores its built-ins as "heading 1", "footnote text").
REQUIRED_STYLES: tuple[tuple[str, str], ...] = (
    ("Normal", "paragraph"),
    ("Title", "paragraph"),
    ("Subtitle", "paragraph"),
    ("Heading 1", "paragraph"),
    ("Heading 2", "paragraph"),
    ("Heading 3", "paragraph"),
    ("BLUF", "paragraph"),
    ("Key Judgment", "paragraph"),
    ("Quote", "paragraph"),
    ("List Bullet", "paragraph"),
    ("List Number", "paragraph"),
    ("Footnote Text", "paragraph"),
    ("Footnote Reference", "character"),
    ("Hyperlink", "character"),
    ("Marking", "paragraph"),
    ("Source Entry", "paragraph"),
)
# Styles used when present, else the fallback (None: no style at all).
OPTIONAL_STYLES: dict[str, str | None] = {
    "Brief Details": "Subtitle",
    "Sharing Caveat": "Brief Details",
    "Endnote Text": "Footnote Text",
    "Endnote Reference": "Footnote Reference",
    "List Bullet 2": "List Bullet",
    "List Bullet 3": "List Bullet 2",
    "List Number 2": "List Number",
    "List Number 3": "List Number 2",
    "Header": "Normal",
    "Footer": "Normal",
    "Table Grid": None,
}

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
}
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass(frozen=True, slots=True)
class WordTemplate:
    """A template file the export can be asked to use."""

    name: str
    path: Path
    builtin: bool


@dataclass(frozen=True, slots=True)
class LoadedTemplate:
    """An opened template and the style id to use for every style the export names."""

    template: WordTemplate
    document: Document
    style_ids: dict[str, str | None]

    def style_id(self, name: str) -> str | None:
        return self.style_ids[name]


def word_templates_dirs() -> tuple[tuple[Path, bool], ...]:
    return (
        (user_templates_dir() / "word", False),
        (shipped_templates_dir() / "word", True),
    )


def word_templates() -> list[WordTemplate]:
    """Templates by name, the shipped ones first; a user's file hides a shipped namesake."""
    found: dict[str, WordTemplate] = {}
    for folder, builtin in word_templates_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES or path.name.startswith(("~$", ".")):
                continue
            name = _display_name(path)
            found.setdefault(name.casefold(), WordTemplate(name, path, builtin))
    return sorted(found.values(), key=lambda t: (not t.builtin, t.name.casefold()))


def _display_name(path: Path) -> str:
    stem = path.stem
    letter = stem.casefold().endswith(LETTER_SUFFIX)
    if letter:
        stem = stem[: -len(LETTER_SUFFIX)]
    stem = stem.replace("_", " ").strip()
    name = stem[:1].upper() + stem[1:] if stem.islower() else stem
    return f"{name} Letter" if letter else name


def locale_paper(environ: dict[str, str] | None = None) -> str:
    """'letter' or 'a4': the paper of the system's locale.

    The first of LC_ALL, LC_PAPER and LANG that is set decides (C and POSIX: A4); with
    none set (a GUI session on Windows or macOS), the locale Python reports."""
    env = os.environ if environ is None else environ
    name = next((env[k] for k in ("LC_ALL", "LC_PAPER", "LANG") if env.get(k)), "")
    if not name and environ is None:
        try:
            name = locale.getlocale()[0] or ""
        except ValueError:
            name = ""
    match = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})(?![A-Za-z])", name)
    if match and match.group(1).upper() in LETTER_TERRITORIES:
        return "letter"
    return "a4"


def for_paper(name: str, paper: str) -> str:
    """The name of a shipped template's variant for paper: Standard -> Standard Letter."""
    base = re.sub(r"\s+(A4|Letter)$", "", name.strip(), flags=re.IGNORECASE)
    return f"{base} Letter" if paper == "letter" else base


def find_word_template(name: str | Path | None = None) -> WordTemplate:
    """A template by name (case-insensitive), file name, or path to a .docx/.dotx."""
    wanted = str(name or DEFAULT_TEMPLATE).strip()
    path = Path(wanted).expanduser()
    if path.suffix.lower() in SUFFIXES and (path.is_file() or "/" in wanted or "\\" in wanted):
        if not path.is_file():
            raise TemplateRefused(f"Word template {path}: no such file")
        return WordTemplate(_display_name(path), path, builtin=False)
    templates = word_templates()
    explicit = re.search(r"\s+(A4|Letter)$", wanted, flags=re.IGNORECASE)
    paper = explicit.group(1).casefold() if explicit else locale_paper()
    variant = for_paper(wanted, paper)
    if variant.casefold() != wanted.casefold() and any(
        t.builtin and t.name.casefold() == variant.casefold() for t in templates
    ):
        wanted = variant
    key = wanted.casefold()
    for template in templates:
        if key in (
            template.name.casefold(),
            template.path.stem.casefold(),
            template.path.name.casefold(),
        ):
            return template
    names = ", ".join(t.name for t in templates) or "none"
    raise TemplateRefused(f"there is no Word template {wanted!r} (templates: {names})")


def load_template(template: WordTemplate) -> LoadedTemplate:
    """Open a template for writing; refuse it, naming what is wrong, before any writing."""
    document = _open(template.path)
    style_ids, missing = _resolve_styles(document)
    if missing:
        raise TemplateRefused(
            f"Word template {template.path.name}: missing styles {', '.join(missing)}; "
            "add them to the template (or start from templates/word/standard.docx)",
            tuple(missing),
        )
    return LoadedTemplate(template, document, style_ids)


def missing_styles(path: Path) -> list[str]:
    """What a template lacks (empty when usable); raises TemplateRefused when unreadable."""
    return _resolve_styles(_open(path))[1]


def _open(path: Path) -> Document:
    data = _docx_bytes(path)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise TemplateRefused(
            f"Word template {Path(path).name}: cannot be opened ({type(exc).__name__}); "
            "open and save it again in Word"
        ) from exc


def _docx_bytes(path: Path) -> bytes:
    """The package as a .docx: a .dotx gets its main content type rewritten in a copy."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TemplateRefused(f"Word template {path}: cannot be read ({exc.strerror})") from exc
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        types = archive.read("[Content_Types].xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise TemplateRefused(
            f"Word template {path.name}: not a Word .docx or .dotx file; save it from Word "
            "as a Word Document or Word Template"
        ) from exc
    main = re.search(r'PartName="/word/document\.xml"\s+ContentType="([^"]+)"', types)
    if main is None:
        main = re.search(r'ContentType="([^"]+\.main\+xml)"', types)
    kind = _MAIN_TYPES.get(main.group(1)) if main else None
    if kind in ("docm", "dotm"):
        raise TemplateRefused(
            f"Word template {path.name}: carries macros ({kind}); save it as a Word Template "
            "(.dotx) or Word Document (.docx) without macros"
        )
    if kind is None:
        raise TemplateRefused(
            f"Word template {path.name}: has no Word document part; save it from Word as a "
            "Word Document or Word Template"
        )
    if kind == "docx":
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in archive.infolist():
            payload = archive.read(item.filename)
            if item.filename == "[Content_Types].xml":
                payload = types.replace(main.group(1), _DOCX_MAIN).encode("utf-8")
            copy.writestr(item, payload)
    return out.getvalue()


def _resolve_styles(document: Document) -> tuple[dict[str, str | None], list[str]]:
    by_name: dict[str, tuple[str, str]] = {}
    by_id: dict[str, tuple[str, str]] = {}
    for style in document.styles.element.findall(f"{W}style"):
        style_id = style.get(f"{W}styleId") or ""
        kind = style.get(f"{W}type") or "paragraph"
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val") if name_el is not None else style_id
        by_name.setdefault(name.casefold(), (style_id, kind))
        by_id.setdefault(style_id.casefold(), (style_id, kind))

    def lookup(name: str) -> tuple[str, str] | None:
        return by_name.get(name.casefold()) or by_id.get(name.replace(" ", "").casefold())

    ids: dict[str, str | None] = {}
    missing: list[str] = []
    for name, kind in REQUIRED_STYLES:
        found = lookup(name)
        if found is None:
            missing.append(name)
        elif found[1] != kind:
            missing.append(f"{name} (as a {kind} style)")
        else:
            ids[name] = found[0]
    for name, fallback in OPTIONAL_STYLES.items():
        found = lookup(name)
        if found is not None:
            ids[name] = found[0]
        else:
            ids[name] = ids.get(fallback) if fallback else None
    return ids, missing
