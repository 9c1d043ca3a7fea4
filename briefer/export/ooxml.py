"""Small helpers for WordprocessingML built with lxml, keeping the schema's child order.

A child out of order is a schema error that Word may "repair" (and LibreOffice may
ignore), so elements with ordered children are filled through insert_ordered.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {"w": W_NS, "r": R_NS}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """A w: child with w: attributes, appended."""
    el = etree.SubElement(parent, w(tag))
    for key, value in attrs.items():
        el.set(w(key), value)
    return el


def text_el(parent: etree._Element, value: str, tag: str = "t") -> etree._Element:
    el = etree.SubElement(parent, w(tag))
    el.text = value
    if value[:1].isspace() or value[-1:].isspace():
        el.set(XML_SPACE, "preserve")
    return el


# CT_Settings children, in schema order (ECMA-376 part 1, 17.15.1.78).
SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
    "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
    "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
    "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
    "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
    "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip


def insert_ordered(
    parent: etree._Element, child: etree._Element, order: Sequence[str] = SETTINGS_ORDER
) -> None:
    """Insert child before the first sibling that the schema puts after it.

    Siblings of other namespaces not in the order (w14:, w15: extensions) come last in
    Word's files; m:mathPr has its place in the order.
    """
    name = etree.QName(child).localname
    later = set(order[order.index(name) + 1 :])
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        qname = etree.QName(sibling)
        extension = qname.namespace != W_NS and qname.localname not in order
        if extension or qname.localname in later:
            sibling.addprevious(child)
            return
    parent.append(child)


def remove_all(parent: etree._Element, *tags: str) -> None:
    for tag in tags:
        for el in parent.findall(w(tag)):
            parent.remove(el)
