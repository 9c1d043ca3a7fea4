"""The Qt formats that stand for the brief structure, shared by the converter and editor.

Everything the structure means is kept in explicit properties (heading level, a quote
flag, a section id, an excerpt id) so reading a QTextDocument back never guesses from
looks; looks (sizes, margins, colours) are applied on top and ignored when reading.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

_USER_PROPERTY = int(QTextFormat.Property.UserProperty.value)
_USER_OBJECT = int(QTextFormat.ObjectTypes.UserObject.value)

CITATION_TYPE = _USER_OBJECT + 1
SOURCE_LIST_TYPE = _USER_OBJECT + 2

EXCERPT_ID = _USER_PROPERTY + 1  # char: the cited excerpt
SECTION_ID = _USER_PROPERTY + 2  # block: a heading's section id ("bluf")
QUOTE = _USER_PROPERTY + 3  # block: a block quotation
FILLER = _USER_PROPERTY + 4  # block: the empty block Qt needs around a table
PORTION = _USER_PROPERTY + 5  # block: a paragraph's portion mark ("C", "TLP:AMBER")

OBJECT_CHAR = "\ufffc"
BLOCK_QUOTE_LEVEL = QTextFormat.Property.BlockQuoteLevel
FONT_SIZE_ADJUSTMENT = QTextFormat.Property.FontSizeAdjustment

NORMAL_WEIGHT = int(QFont.Weight.Normal.value)
BOLD_WEIGHT = int(QFont.Weight.Bold.value)
# A heading is drawn bold already; bold inside one is drawn black (900) so it survives.
HEADING_BOLD_WEIGHT = int(QFont.Weight.Black.value)
HEADING_SIZE = {1: 2, 2: 1, 3: 0}  # font size adjustment per level
QUOTE_INDENT = 28.0
QUOTE_BACKGROUND = QColor(128, 128, 128, 28)
LINK_COLOUR = QColor(0x1A, 0x5F, 0xB4)
HEADER_BACKGROUND = QColor(128, 128, 128, 40)


def is_bold(fmt: QTextCharFormat, heading: bool) -> bool:
    """Bold is weight above the block's own: Qt gives headings an explicit 700."""
    weight = fmt.fontWeight()
    return weight >= 800 if heading else weight >= 600


def bold_weight(heading: bool) -> int:
    return HEADING_BOLD_WEIGHT if heading else BOLD_WEIGHT


def base_weight(heading: bool) -> int:
    return BOLD_WEIGHT if heading else NORMAL_WEIGHT


def heading_char_format(level: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(BOLD_WEIGHT)
    fmt.setProperty(FONT_SIZE_ADJUSTMENT, HEADING_SIZE.get(level, 0))
    return fmt


def body_char_format() -> QTextCharFormat:
    """What a paragraph's text returns to when it stops being a heading."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(NORMAL_WEIGHT)
    fmt.setProperty(FONT_SIZE_ADJUSTMENT, 0)
    return fmt


def block_format(
    kind: str,
    *,
    level: int = 1,
    section: str = "",
    align: str = "",
    direction: str = "",
    base: QTextBlockFormat | None = None,
    portion: str = "",
) -> QTextBlockFormat:
    """A paragraph, heading or quote block; from `base`, the structure's properties and
    looks are replaced while anything else (list membership, a portion mark) stays; a
    heading carries no portion mark."""
    fmt = QTextBlockFormat(base) if base is not None else QTextBlockFormat()
    for prop in (SECTION_ID, QUOTE, FILLER, BLOCK_QUOTE_LEVEL):
        fmt.clearProperty(prop)
    fmt.clearProperty(QTextFormat.Property.HeadingLevel)
    fmt.clearBackground()
    fmt.setLeftMargin(0)
    fmt.setRightMargin(0)
    fmt.setTopMargin(0)
    fmt.setBottomMargin(6)
    if portion and kind != "heading":
        fmt.setProperty(PORTION, portion)
    if kind == "heading":
        fmt.clearProperty(PORTION)
        fmt.setHeadingLevel(level)
        fmt.setTopMargin({1: 14, 2: 10}.get(level, 8))
        fmt.setBottomMargin(6)
        if section:
            fmt.setProperty(SECTION_ID, section)
    elif kind == "quote":
        fmt.setProperty(QUOTE, True)
        fmt.setProperty(BLOCK_QUOTE_LEVEL, 1)
        fmt.setLeftMargin(QUOTE_INDENT)
        fmt.setRightMargin(QUOTE_INDENT / 2)
        fmt.setBackground(QUOTE_BACKGROUND)
    if align or base is None:
        set_align(fmt, align)
    if direction or base is None:
        set_direction(fmt, direction)
    return fmt


def set_align(fmt: QTextBlockFormat, align: str) -> None:
    flags = {
        "center": Qt.AlignmentFlag.AlignHCenter,
        "right": Qt.AlignmentFlag.AlignRight,
        "justify": Qt.AlignmentFlag.AlignJustify,
    }.get(align)
    if flags is None:
        fmt.clearProperty(QTextFormat.Property.BlockAlignment)
    else:
        fmt.setAlignment(flags)


def set_direction(fmt: QTextBlockFormat, direction: str) -> None:
    if direction == "rtl":
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        fmt.clearProperty(QTextFormat.Property.LayoutDirection)


def read_align(fmt: QTextBlockFormat) -> str:
    if not fmt.hasProperty(QTextFormat.Property.BlockAlignment):
        return ""
    flags = fmt.alignment()
    if flags & Qt.AlignmentFlag.AlignJustify:
        return "justify"
    if flags & Qt.AlignmentFlag.AlignHCenter:
        return "center"
    if flags & Qt.AlignmentFlag.AlignRight:
        return "right"
    return ""


def read_portion(fmt: QTextBlockFormat) -> str:
    return fmt.stringProperty(PORTION) if fmt.hasProperty(PORTION) else ""


def read_direction(fmt: QTextBlockFormat) -> str:
    return "rtl" if fmt.layoutDirection() == Qt.LayoutDirection.RightToLeft else ""


def is_quote(fmt: QTextBlockFormat) -> bool:
    return fmt.boolProperty(QUOTE) or fmt.intProperty(BLOCK_QUOTE_LEVEL) > 0


def heading_level(fmt: QTextBlockFormat) -> int:
    """1 to 3, or 0 for no heading; deeper headings from a paste count as level 3."""
    level = fmt.headingLevel()
    return min(level, 3) if level > 0 else 0


def block_kind(fmt: QTextBlockFormat) -> str:
    if heading_level(fmt):
        return "heading"
    if is_quote(fmt):
        return "quote"
    return "paragraph"


def text_char_format(marks: list[str] | tuple[str, ...], link: str = "", *, heading=False):
    """The character format of a text run with its marks and link."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(bold_weight(heading) if "bold" in marks else base_weight(heading))
    fmt.setFontItalic("italic" in marks)
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.SingleUnderline
        if "underline" in marks
        else QTextCharFormat.UnderlineStyle.NoUnderline
    )
    fmt.setFontStrikeOut("strike" in marks)
    if link:
        set_link(fmt, link)
    else:
        clear_link(fmt)
    return fmt


def set_link(fmt: QTextCharFormat, link: str) -> None:
    fmt.setAnchor(True)
    fmt.setAnchorHref(link)
    fmt.setForeground(LINK_COLOUR)
    if fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.SingleUnderline:
        # Dotted so a link reads as one without looking like the underline mark.
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)


def clear_link(fmt: QTextCharFormat) -> None:
    fmt.setAnchor(False)
    fmt.setAnchorHref("")
    fmt.clearProperty(QTextFormat.Property.AnchorHref)
    fmt.clearProperty(QTextFormat.Property.IsAnchor)
    fmt.clearForeground()
    if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)


def read_marks(fmt: QTextCharFormat, heading: bool) -> list[str]:
    marks = []
    if is_bold(fmt, heading):
        marks.append("bold")
    if fmt.fontItalic():
        marks.append("italic")
    if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline:
        marks.append("underline")
    if fmt.fontStrikeOut():
        marks.append("strike")
    return marks


def read_link(fmt: QTextCharFormat) -> str:
    return fmt.anchorHref() if fmt.isAnchor() else ""


def citation_format(excerpt_id: int) -> QTextCharFormat:
    """A citation marker: one object character whose number is drawn, never stored."""
    fmt = QTextCharFormat()
    fmt.setObjectType(CITATION_TYPE)
    fmt.setProperty(EXCERPT_ID, int(excerpt_id))
    fmt.setToolTip("")
    return fmt


def source_list_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(SOURCE_LIST_TYPE)
    return fmt


def is_citation(fmt: QTextFormat) -> bool:
    return fmt.objectType() == CITATION_TYPE


def is_source_list(fmt: QTextFormat) -> bool:
    return fmt.objectType() == SOURCE_LIST_TYPE


def plain_after_object(fmt: QTextCharFormat) -> QTextCharFormat:
    """The format typing continues with after a marker: the marker's object dropped."""
    out = QTextCharFormat(fmt)
    out.clearProperty(QTextFormat.Property.ObjectType)
    out.clearProperty(EXCERPT_ID)
    return out
