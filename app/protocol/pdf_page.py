"""The protocol PDF's pages: paragraph styles, page templates and the canvas that adds the
Info keys, the XMP packet, the output intent and the page chrome (see :mod:`app.protocol.pdf`).
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any, ClassVar
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
)

import app
from app.protocol.document import (
    ProtocolDocument,
)
from app.protocol.flowables import (
    MUTED_COLOR,
    TextEmitter,
    string_width,
)
from app.protocol.fonts import FONTS
from app.protocol.formatting import (
    pdf_date,
)
from app.protocol.labels import (
    label,
)
from app.protocol.pdfa import ICC_DESCRIPTION, XmpFields, srgb_icc_profile, xmp_packet

# Custom Info dictionary keys (without the leading slash).
KEY_FINGERPRINT = "KomisjaFingerprint"
KEY_VERSION = "KomisjaVersion"
KEY_COMPETITION = "KomisjaCompetition"
KEY_CASE = "KomisjaCaseReference"
KEY_LANGUAGE = "KomisjaLanguage"
KEY_SIGNATURE_BOX = "KomisjaSignatureBox"
# "draft" or "final": a draft is recognised as one even when it is not a stored version
KEY_STATUS = "KomisjaStatus"
STATUS_DRAFT = "draft"
STATUS_FINAL = "final"
METADATA_KEYS = (
    KEY_FINGERPRINT,
    KEY_VERSION,
    KEY_COMPETITION,
    KEY_CASE,
    KEY_LANGUAGE,
    KEY_SIGNATURE_BOX,
    KEY_STATUS,
)

PAGE_PORTRAIT = A4
PAGE_LANDSCAPE = landscape(A4)
MARGIN_X = 16 * mm
MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 19 * mm
DRAFT_COLOR = Color(0.75, 0.12, 0.10)


# ---------------------------------------------------------------------------------------------
# Styles


def paragraph_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=FONTS.regular,
        fontSize=9,
        leading=11.8,
        spaceAfter=4,
        alignment=TA_LEFT,
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.6, spaceAfter=3),
        "note": ParagraphStyle(
            "note",
            parent=base,
            fontName=FONTS.italic,
            fontSize=7.5,
            leading=9.6,
            textColor=MUTED_COLOR,
            spaceAfter=4,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONTS.bold,
            fontSize=12.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONTS.bold,
            fontSize=10,
            leading=12.5,
            spaceBefore=7,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=FONTS.bold,
            fontSize=8.8,
            leading=11,
            spaceBefore=5,
            spaceAfter=3,
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "inst": ParagraphStyle(
            "inst",
            parent=base,
            fontName=FONTS.bold,
            fontSize=11.5,
            leading=14,
            alignment=TA_CENTER,
            spaceAfter=2,
        ),
        "protocol": ParagraphStyle(
            "protocol",
            parent=base,
            fontName=FONTS.bold,
            fontSize=22,
            leading=27,
            alignment=TA_CENTER,
            spaceBefore=14,
            spaceAfter=4,
        ),
        "sub": ParagraphStyle(
            "sub", parent=base, fontSize=12.5, leading=16, alignment=TA_CENTER, spaceAfter=3
        ),
        "kind": ParagraphStyle(
            "kind",
            parent=base,
            fontName=FONTS.italic,
            fontSize=9.5,
            leading=12,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=FONTS.bold,
            fontSize=12.5,
            leading=16,
            alignment=TA_CENTER,
            spaceAfter=14,
        ),
        "banner": ParagraphStyle(
            "banner",
            parent=base,
            fontName=FONTS.bold,
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            textColor=DRAFT_COLOR,
            borderColor=DRAFT_COLOR,
            borderWidth=1,
            borderPadding=5,
            spaceBefore=4,
            spaceAfter=14,
        ),
        "approve": ParagraphStyle(
            "approve", parent=base, fontName=FONTS.bold, fontSize=11, leading=14, spaceBefore=14
        ),
    }


def plain_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; amounts kept on one line)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class Heading(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A section heading that also becomes a PDF bookmark."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, level: int) -> None:
        super().__init__(escape(text), style)
        self.bookmark = (key, text, level)


# ---------------------------------------------------------------------------------------------
# The canvas: Info, XMP, output intent, page chrome


class _ProtocolInfo(PDFInfo):  # type: ignore[misc]  # reportlab has no type hints
    """Info dictionary with fixed dates and the custom Komisja keys."""

    def __init__(self, created: datetime, custom: dict[str, str]) -> None:
        super().__init__()
        self.created = created
        self.custom = custom

    def format(self, document: Any) -> bytes:
        when = PDFString(pdf_date(self.created))
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": when,
            "ModDate": when,
        }
        for key, value in self.custom.items():
            entries[key] = PDFString(value)
        return PDFDictionary(entries).format(document)  # type: ignore[no-any-return]  # reportlab has no type hints


class _PdfACatalog(PDFCatalog):  # type: ignore[misc]  # reportlab has no type hints
    """reportlab's catalog, able to carry /OutputIntents."""

    __NoDefault__: ClassVar[list[str]] = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    __Refs__: ClassVar[list[str]] = PDFCatalog.__Refs__


def info_strings(doc: ProtocolDocument) -> dict[str, str]:
    """Title, author, subject, keywords, creator and producer (Info and XMP alike)."""
    lang = doc.language
    comp = doc.competition
    return {
        "title": f"{label(lang, 'protocol')} {label(lang, 'protocol_sub')} – {comp.title}",
        "author": doc.institution.name,
        "subject": comp.case_reference,
        "keywords": (
            f"{comp.case_reference}; {label(lang, 'version')} {doc.version}; "
            f"SHA-256 {doc.fingerprint}"
        ),
        "creator": f"Komisja {app.__version__}",
        "producer": f"Komisja {app.__version__} (ReportLab)",
    }


class _Chrome:
    """What the page header and footer say (computed once per document)."""

    def __init__(self, doc: ProtocolDocument) -> None:
        lang = doc.language
        self.lang = lang
        self.institution = doc.institution.name
        self.case = label(lang, "header_case", ref=doc.competition.case_reference)
        short = f"{doc.fingerprint[:16]}…{doc.fingerprint[-8:]}"
        self.left_footer = (
            f"{label(lang, 'footer_version', version=doc.version)}   ·   "
            f"{label(lang, 'footer_fingerprint', short=short)}"
        )
        self.draft = label(lang, "draft_mark") if doc.is_draft else ""


class ProtocolCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Canvas that writes the PDF/A metadata and stamps header and footer on save."""

    def __init__(self, *args: Any, protocol: ProtocolDocument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._protocol = protocol
        self._chrome = _Chrome(protocol)
        self.komisja_signature_box: tuple[int, float, float, float, float] | None = None
        pdf_doc = self._doc
        comp = protocol.competition
        info = _ProtocolInfo(
            protocol.generated_at,
            {
                KEY_FINGERPRINT: protocol.fingerprint,
                KEY_VERSION: str(protocol.version),
                KEY_COMPETITION: comp.uid,
                KEY_CASE: comp.case_reference,
                KEY_LANGUAGE: protocol.language,
                KEY_STATUS: STATUS_DRAFT if protocol.is_draft else STATUS_FINAL,
            },
        )
        pdf_doc.info = info
        lang = protocol.language
        # the file identifier depends on the data, not only on title and author
        pdf_doc.updateSignature(
            f"{protocol.fingerprint}|{protocol.version}|{protocol.language}|"
            f"{protocol.generated_at.isoformat()}"
        )
        pdf_doc.Catalog.__class__ = _PdfACatalog
        pdf_doc.Catalog.Lang = PDFString("pl-PL" if lang == "pl" else "en-GB")

    # platypus calls these through the doc template; kept for the draw-time hook
    def save(self) -> None:
        if len(self._code):
            self.showPage()
        self._stamp_pages()
        self._attach_pdfa()
        super().save()

    def _stamp_pages(self) -> None:
        pages = self._doc.Pages.pages
        total = len(pages)
        chrome = self._chrome
        for number, page in enumerate(pages, start=1):
            saved: list[str] = self._code  # type: ignore[has-type]  # reportlab has no type hints
            self._code = []  # type: ignore[var-annotated]  # reportlab has no type hints
            try:
                self._draw_chrome(chrome, number, total, page.pagewidth, page.pageheight)
                extra = "\n".join(self._code)
            finally:
                self._code = saved
            page.stream = f"{page.stream}\nq 1 0 0 1 0 0 cm\n{extra}\nQ\n"
        if self.komisja_signature_box is not None:
            page_no, x1, y1, x2, y2 = self.komisja_signature_box
            self._doc.info.custom[KEY_SIGNATURE_BOX] = (
                f"{page_no} {x1:.2f} {y1:.2f} {x2:.2f} {y2:.2f}"
            )

    def _draw_chrome(
        self, chrome: _Chrome, number: int, total: int, width: float, height: float
    ) -> None:
        code = self._code
        top = height - 12 * mm
        bottom = 11 * mm
        left = MARGIN_X
        right = width - MARGIN_X
        code.append(
            f"0.45 w {fp_str(MUTED_COLOR.red, MUTED_COLOR.green, MUTED_COLOR.blue)} RG "
            f"{fp_str(left)} {fp_str(top - 2.5)} m {fp_str(right)} {fp_str(top - 2.5)} l S "
            f"{fp_str(left)} {fp_str(bottom + 7.5)} m {fp_str(right)} {fp_str(bottom + 7.5)} l S"
        )
        size = 7.0
        emitter = TextEmitter(self)
        emitter.begin(gray=0.2)
        case_w = string_width(chrome.case, FONTS.bold, size)
        room = right - left - case_w - 12
        institution = _fit(chrome.institution, FONTS.regular, size, room)
        emitter.text(left, top, institution, FONTS.regular, size)
        emitter.text(right - case_w, top, chrome.case, FONTS.bold, size)
        emitter.text(left, bottom, chrome.left_footer, FONTS.regular, 6.5)
        page_text = label(chrome.lang, "page_of", page=number, pages=total)
        page_w = string_width(page_text, FONTS.bold, size)
        emitter.text(right - page_w, bottom, page_text, FONTS.bold, size)
        emitter.end()
        if chrome.draft:
            draft_w = string_width(chrome.draft, FONTS.bold, 8)
            emitter.begin()
            code.append(f"{fp_str(DRAFT_COLOR.red, DRAFT_COLOR.green, DRAFT_COLOR.blue)} rg")
            emitter.text((width - draft_w) / 2, height - 7 * mm, chrome.draft, FONTS.bold, 8)
            emitter.end()

    def _attach_pdfa(self) -> None:
        pdf_doc = self._doc
        info = pdf_doc.info
        protocol = self._protocol
        xmp = xmp_packet(
            XmpFields(
                title=info.title,
                author=info.author,
                subject=info.subject,
                keywords=info.keywords,
                producer=info.producer,
                creator_tool=info.creator,
                created=protocol.generated_at,
                language="pl-PL" if protocol.language == "pl" else "en-GB",
            )
        )
        metadata = PDFStream(
            PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp
        )
        metadata.filters = None  # PDF/A: the metadata stream stays readable, unfiltered
        pdf_doc.Catalog.Metadata = metadata
        icc = PDFStream(PDFDictionary({"N": 3}), srgb_icc_profile(), filters=[PDFZCompress])
        intent = PDFDictionary(
            {
                "Type": PDFName("OutputIntent"),
                "S": PDFName("GTS_PDFA1"),
                "OutputConditionIdentifier": PDFString(ICC_DESCRIPTION),
                "Info": PDFString(ICC_DESCRIPTION),
                "DestOutputProfile": icc,
            }
        )
        pdf_doc.Catalog.OutputIntents = PDFArray([intent])


def _fit(text: str, font: str, size: float, width: float) -> str:
    if string_width(text, font, size) <= width:
        return text
    while text and string_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class ProtocolTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no type hints
    def __init__(self, target: io.BytesIO, **kwargs: Any) -> None:
        super().__init__(target, **kwargs)
        portrait_frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            PAGE_PORTRAIT[0] - 2 * MARGIN_X,
            PAGE_PORTRAIT[1] - MARGIN_TOP - MARGIN_BOTTOM,
            id="portrait",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        landscape_frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            PAGE_LANDSCAPE[0] - 2 * MARGIN_X,
            PAGE_LANDSCAPE[1] - MARGIN_TOP - MARGIN_BOTTOM,
            id="landscape",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="portrait", frames=[portrait_frame], pagesize=PAGE_PORTRAIT),
                PageTemplate(id="landscape", frames=[landscape_frame], pagesize=PAGE_LANDSCAPE),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab hook)
        bookmark = getattr(flowable, "bookmark", None)
        if bookmark is None:
            return
        key, title, level = bookmark
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


PORTRAIT_WIDTH = PAGE_PORTRAIT[0] - 2 * MARGIN_X
LANDSCAPE_WIDTH = PAGE_LANDSCAPE[0] - 2 * MARGIN_X


# ---------------------------------------------------------------------------------------------
