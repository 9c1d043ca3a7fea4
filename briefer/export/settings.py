"""The settings part of an export: Word's current mode and the document's languages.

python-docx's package says compatibilityMode 14 (Word 2010), so Word opens every export
in Compatibility Mode, and its themeFontLang carries a Japanese east-Asian language no
brief has. The export writes mode 15 and the languages the brief is written in: the
template's (en-GB for A4 templates, en-US for Letter ones) and, when a paragraph is
right-to-left, the language of its script for complex-script text.
"""

from __future__ import annotations

from docx.document import Document
from lxml import etree

from briefer.export.ooxml import insert_ordered, remove_all, sub, w

WORD_URI = "http://schemas.microsoft.com/office/word"
# Word 2013 and later write these for a new document (compatibilityMode 15).
COMPAT_SETTINGS = (
    ("compatibilityMode", "15"),
    ("overrideTableStyleFontSizeAndJustification", "1"),
    ("enableOpenTypeFeatures", "1"),
    ("doNotFlipMirrorIndents", "1"),
    ("differentiateMultirowTableHeaders", "1"),
)


def template_language(document: Document) -> str:
    """The language of the template's default run properties (en-GB when it names none)."""
    path = "/".join(w(tag) for tag in ("docDefaults", "rPrDefault", "rPr", "lang"))
    lang = document.styles.element.find(path)
    value = lang.get(w("val")) if lang is not None else None
    return value or "en-GB"


def write_settings(document: Document, *, language: str, bidi_language: str = "") -> None:
    """Current-mode compatibility settings and the document's real languages."""
    settings = document.settings.element
    remove_all(settings, "compat", "themeFontLang")
    compat = etree.Element(w("compat"))
    for name, value in COMPAT_SETTINGS:
        sub(compat, "compatSetting", name=name, uri=WORD_URI, val=value)
    insert_ordered(settings, compat)
    lang = etree.Element(w("themeFontLang"))
    lang.set(w("val"), language)
    if bidi_language:
        lang.set(w("bidi"), bidi_language)
    insert_ordered(settings, lang)
