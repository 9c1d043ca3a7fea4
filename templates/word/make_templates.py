"""Generate the shipped Word templates: Standard and Compact, each on A4 and US Letter.

Run: .venv/bin/python templates/word/make_templates.py
The export code sets no fonts or sizes: the whole look of a brief comes from the named
styles defined here. A template starts from python-docx's package (theme, settings,
font table), gets a styles part and a numbering part written from scratch (Word's
built-in names, so Word and LibreOffice treat them as their own), and is scrubbed of
the package's tool metadata, thumbnail and customXml before it is saved.

Word conventions kept here: body text at 11 pt and notes at 9 pt (whole points), the
marking at body size, only the styles an analyst applies in Word's Quick Styles
gallery (qFormat) with latentStyles that keep Word's other built-ins out of it, the
Sources entries kept whole, and current-mode (15) settings with the page's language
(en-GB on A4, en-US on Letter).
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Cm, Inches

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from briefer.export.settings import write_settings  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Per template: fonts, sizes (half-points), colours, spacing (twips), page margins (cm).
LOOKS = {
    "standard": {
        "body_font": "Arial",
        "head_font": "Arial",
        "body": 22,
        "small": 18,
        "title": 52,
        "subtitle": 28,
        "h1": 30,
        "h2": 25,
        "h3": 22,
        "accent": "1F3864",
        "muted": "595959",
        "bluf_fill": "E8EEF7",
        "after": 140,
        "line": 276,
        "margins": (2.3, 2.2, 2.3, 2.2),
    },
    "compact": {
        "body_font": "Times New Roman",
        "head_font": "Arial",
        "body": 22,
        "small": 18,
        "title": 36,
        "subtitle": 22,
        "h1": 23,
        "h2": 21,
        "h3": 20,
        "accent": "7A1F1F",
        "muted": "4D4D4D",
        "bluf_fill": "F2F2F2",
        "after": 80,
        "line": 240,
        "margins": (1.6, 1.6, 1.6, 1.6),
    },
}


def _fonts(name: str) -> str:
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = None,
    next_style: str | None = None,
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
    default: bool = False,
    priority: int = 10,
    quick: bool = False,
) -> str:
    attrs = f'w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    parts = [f"<w:style {attrs}>", f"<w:name w:val={quoteattr(name)}/>"]
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append(f'<w:uiPriority w:val="{priority}"/>')
    if quick:  # shown in Word's Quick Styles gallery: only what an analyst applies
        parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append(extra)
    parts.append("</w:style>")
    return "".join(parts)


def styles_xml(look: dict, language: str = "en-GB") -> str:
    """Every style the export uses, in Word's own names. Element order follows OOXML."""
    b, h = look["body_font"], look["head_font"]
    accent, muted = look["accent"], look["muted"]
    after, line = look["after"], look["line"]
    spacing = f'<w:spacing w:after="{after}" w:line="{line}" w:lineRule="auto"/>'

    def size(key: str) -> str:
        return f'<w:sz w:val="{look[key]}"/><w:szCs w:val="{look[key]}"/>'

    def heading(level: int, key: str, before: int, extra_rpr: str = "") -> str:
        return _style(
            "paragraph",
            f"Heading{level}",
            f"heading {level}",
            based_on="Normal",
            next_style="Normal",
            priority=9,
            quick=True,
            ppr=(
                f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/>'
                f'<w:outlineLvl w:val="{level - 1}"/>'
            ),
            rpr=f'{_fonts(h)}<w:b/><w:bCs/>{extra_rpr}<w:color w:val="{accent}"/>{size(key)}',
        )

    def list_style(style_id: str, name: str, num_id: int, level: int) -> str:
        return _style(
            "paragraph",
            style_id,
            name,
            based_on="Normal",
            priority=34,
            ppr=(
                f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
                f'<w:spacing w:after="{after // 2}"/><w:contextualSpacing/>'
            ),
        )

    styles = [
        _style(
            "paragraph",
            "Normal",
            "Normal",
            default=True,
            priority=0,
            quick=True,
            ppr=f"<w:widowControl/>{spacing}",
            rpr=f"{_fonts(b)}{size('body')}",
        ),
        _style(
            "character", "DefaultParagraphFont", "Default Paragraph Font", default=True, priority=1
        ),
        _style(
            "table",
            "TableNormal",
            "Normal Table",
            default=True,
            priority=99,
            extra=(
                '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                "</w:tblCellMar></w:tblPr>"
            ),
        ),
        _style("numbering", "NoList", "No List", default=True, priority=99),
        _style(
            "paragraph",
            "Title",
            "Title",
            based_on="Normal",
            next_style="Subtitle",
            quick=True,
            ppr='<w:spacing w:after="60" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>',
            rpr=f'{_fonts(h)}<w:b/><w:bCs/><w:color w:val="{accent}"/>'
            f'<w:kern w:val="28"/>{size("title")}',
        ),
        _style(
            "paragraph",
            "Subtitle",
            "Subtitle",
            based_on="Normal",
            next_style="Normal",
            priority=11,
            ppr='<w:spacing w:after="80"/>',
            rpr=f'{_fonts(h)}<w:color w:val="{muted}"/>{size("subtitle")}',
        ),
        _style(
            "paragraph",
            "BriefDetails",
            "Brief Details",
            based_on="Normal",
            next_style="Normal",
            ppr=(
                f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="6" w:color="{accent}"/>'
                '</w:pBdr><w:spacing w:after="320"/>'
            ),
            rpr=f'{_fonts(h)}<w:color w:val="{muted}"/>{size("small")}',
        ),
        heading(1, "h1", 360),
        heading(2, "h2", 240),
        heading(3, "h3", 200, "<w:i/><w:iCs/>"),
        _style(
            "paragraph",
            "BLUF",
            "BLUF",
            based_on="Normal",
            next_style="Normal",
            quick=True,
            ppr=(
                f'<w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="{accent}"/>'
                "</w:pBdr>"
                f'<w:shd w:val="clear" w:color="auto" w:fill="{look["bluf_fill"]}"/>'
                f'<w:spacing w:before="60" w:after="{after}"/><w:ind w:left="170" w:right="113"/>'
            ),
            rpr="<w:b/><w:bCs/>",
        ),
        _style(
            "paragraph",
            "KeyJudgment",
            "Key Judgment",
            based_on="Normal",
            next_style="KeyJudgment",
            quick=True,
            ppr=(
                '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'
                f'<w:spacing w:after="{after}"/>'
            ),
        ),
        _style(
            "paragraph",
            "Quote",
            "Quote",
            based_on="Normal",
            next_style="Normal",
            priority=29,
            quick=True,
            ppr=(
                f'<w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="{muted}"/>'
                f'</w:pBdr><w:spacing w:before="60" w:after="{after}"/>'
                '<w:ind w:left="567" w:right="567"/>'
            ),
            rpr=f'<w:i/><w:iCs/><w:color w:val="{muted}"/>',
        ),
        list_style("ListBullet", "List Bullet", 1, 0),
        list_style("ListBullet2", "List Bullet 2", 1, 1),
        list_style("ListBullet3", "List Bullet 3", 1, 2),
        list_style("ListNumber", "List Number", 2, 0),
        list_style("ListNumber2", "List Number 2", 2, 1),
        list_style("ListNumber3", "List Number 3", 2, 2),
        _style(
            "paragraph",
            "SourceEntry",
            "Source Entry",
            based_on="Normal",
            ppr='<w:keepLines/><w:spacing w:after="80" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="340" w:hanging="340"/>',
            rpr=size("small"),
        ),
        _style(
            "paragraph",
            "FootnoteText",
            "footnote text",
            based_on="Normal",
            priority=99,
            ppr='<w:tabs><w:tab w:val="left" w:pos="340"/></w:tabs>'
            '<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="340" w:hanging="340"/>',
            rpr=size("small"),
        ),
        _style(
            "character",
            "FootnoteReference",
            "footnote reference",
            priority=99,
            rpr='<w:vertAlign w:val="superscript"/>',
        ),
        _style(
            "paragraph",
            "EndnoteText",
            "endnote text",
            based_on="Normal",
            priority=99,
            ppr='<w:tabs><w:tab w:val="left" w:pos="340"/></w:tabs>'
            '<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="340" w:hanging="340"/>',
            rpr=size("small"),
        ),
        _style(
            "character",
            "EndnoteReference",
            "endnote reference",
            priority=99,
            rpr='<w:vertAlign w:val="superscript"/>',
        ),
        _style(
            "character",
            "Hyperlink",
            "Hyperlink",
            priority=99,
            rpr='<w:color w:val="0563C1"/><w:u w:val="single"/>',
        ),
        _style(
            "paragraph",
            "Header",
            "header",
            based_on="Normal",
            priority=99,
            ppr='<w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/>'
            '</w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        ),
        _style(
            "paragraph",
            "Footer",
            "footer",
            based_on="Normal",
            priority=99,
            ppr='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
            rpr=f'<w:color w:val="{muted}"/>{size("small")}',
        ),
        _style(
            "paragraph",
            "Marking",
            "Marking",
            based_on="Normal",
            ppr='<w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/>'
            '<w:jc w:val="center"/>',
            rpr=f"{_fonts(h)}<w:b/><w:bCs/><w:caps/>{size('body')}",
        ),
        _style(
            "paragraph",
            "SharingCaveat",
            "Sharing Caveat",
            based_on="Normal",
            next_style="Normal",
            ppr='<w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>',
            rpr=f'<w:b/><w:bCs/><w:color w:val="{accent}"/>{size("small")}',
        ),
        _style(
            "table",
            "TableGrid",
            "Table Grid",
            based_on="TableNormal",
            priority=39,
            ppr='<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
            extra=(
                "<w:tblPr><w:tblBorders>"
                + "".join(
                    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
                )
                + "</w:tblBorders></w:tblPr>"
                '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
                '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="'
                + look["bluf_fill"]
                + '"/></w:tcPr></w:tblStylePr>'
            ),
        ),
    ]
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(b)}"
        f'<w:sz w:val="{look["body"]}"/><w:szCs w:val="{look["body"]}"/>'
        f'<w:lang w:val="{language}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault><w:pPr>"
        '<w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    )
    # Word's other built-in styles stay out of the Quick Styles gallery (defQFormat 0).
    latent = (
        '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
        'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"/>'
    )
    return f'<w:styles xmlns:w="{W_NS}">{defaults}{latent}{"".join(styles)}</w:styles>'


def _level(ilvl: int, fmt: str, text: str, indent: int, style: str = "") -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="357"/></w:pPr></w:lvl>'
    )


def numbering_xml() -> str:
    """Bullets, numbers (three levels each) and the key judgments' own numbering."""
    bullets = "".join(
        _level(n, "bullet", mark, 357 * (n + 1), style)
        for n, (mark, style) in enumerate(
            (("•", "ListBullet"), ("–", "ListBullet2"), ("▪", "ListBullet3"))
        )
    )
    numbers = "".join(
        _level(n, fmt, f"%{n + 1}{suffix}", 357 * (n + 1), style)
        for n, (fmt, suffix, style) in enumerate(
            (
                ("decimal", ".", "ListNumber"),
                ("lowerLetter", ")", "ListNumber2"),
                ("lowerRoman", ".", "ListNumber3"),
            )
        )
    )
    judgments = _level(0, "decimal", "%1.", 357, "KeyJudgment")
    abstract = [
        ("0", "00A1B2C1", "hybridMultilevel", bullets),
        ("1", "00A1B2C2", "hybridMultilevel", numbers),
        ("2", "00A1B2C3", "singleLevel", judgments),
    ]
    out = [f'<w:numbering xmlns:w="{W_NS}">']
    for aid, nsid, kind, levels in abstract:
        out.append(
            f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="{kind}"/>{levels}</w:abstractNum>'
        )
    for num_id, aid in ((1, 0), (2, 1), (3, 2)):
        out.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/></w:num>')
    out.append("</w:numbering>")
    return "".join(out)


# Paper: (width, height, language of the page's readers).
PAPERS = {
    "a4": (Cm(21.0), Cm(29.7), "en-GB"),
    "letter": (Inches(8.5), Inches(11), "en-US"),
}


def make_template(name: str, look: dict, path: Path, paper: str = "a4") -> None:
    width, height, language = PAPERS[paper]
    document = docx.Document()
    doc_part = document.part
    # Styles and numbering written from scratch; python-docx's huge defaults dropped.
    doc_part._styles_part._element = parse_xml(styles_xml(look, language))
    doc_part.numbering_part._element = parse_xml(numbering_xml())
    for rid, rel in list(doc_part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc_part.rels.pop(rid)
    for rid, rel in list(document.part.package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            document.part.package.rels.pop(rid)
    settings = document.settings.element
    for tag in ("rsids", "savePreviewPicture", "proofState"):
        for child in settings.findall(f"{{{W_NS}}}{tag}"):
            settings.remove(child)
    write_settings(document, language=language, bidi_language="ar-SA")
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    section = document.sections[0]
    section.page_width, section.page_height = width, height
    top, right, bottom, left = look["margins"]
    section.top_margin, section.right_margin = Cm(top), Cm(right)
    section.bottom_margin, section.left_margin = Cm(bottom), Cm(left)
    section.header_distance = section.footer_distance = Cm(1.0)
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header.paragraphs[0].style = "Header"
    section.footer.paragraphs[0].style = "Footer"
    props = document.core_properties
    for child in list(props._element):
        props._element.remove(child)
    paper_name = "A4" if paper == "a4" else "US Letter"
    props.title = f"Briefer {name.capitalize()} template ({paper_name})"
    document.save(path)


def main() -> int:
    for name, look in LOOKS.items():
        for paper in PAPERS:
            path = HERE / (f"{name}.docx" if paper == "a4" else f"{name}-{paper}.docx")
            make_template(name, look, path, paper)
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
