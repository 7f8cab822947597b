"""The protocol as a PDF (A4, embedded DejaVu fonts, PDF/A-2b as far as reportlab allows).

``render_pdf(doc)`` lays out every section of the protocol with reportlab's platypus and
returns the bytes; ``read_protocol_metadata(pdf)`` reads back the custom Info keys that tie a
file to its competition, version and data fingerprint (``komisja protocol verify``).

Page chrome (institution and case reference on top; "Strona x z y", version and the short
fingerprint at the bottom) is stamped onto every page after layout, when the page count is
known, by appending to each page's content stream — one layout pass, no page copies.

The output is deterministic: the same document gives the same bytes (fixed dates taken from
``doc.generated_at``, reportlab's invariant mode, a fixed ICC header date).
"""

from __future__ import annotations

import io
import logging
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from functools import partial
from typing import Any, ClassVar
from xml.sax.saxutils import escape

from reportlab import rl_config
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
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

import app
from app.protocol import charts
from app.protocol.document import (
    CompetitionKind,
    DecisionKind,
    ProtocolDocument,
)
from app.protocol.flowables import (
    MUTED_COLOR,
    Column,
    GridTable,
    SignatureAnchor,
    TextEmitter,
    string_width,
)
from app.protocol.fonts import FONTS, register_fonts
from app.protocol.formatting import (
    explain,
    format_date,
    format_datetime,
    format_decimal,
    format_money,
    format_score,
    format_signed,
    pdf_date,
)
from app.protocol.labels import (
    FLAG_ORDER,
    aggregation_label,
    allocation_label,
    flag_label,
    kind_label,
    label,
    role_label,
    rounding_label,
    threshold_label,
    tie_breaker_label,
)
from app.protocol.pdfa import ICC_DESCRIPTION, XmpFields, srgb_icc_profile, xmp_packet
from app.scoring.types import (
    AllocationMethod,
    CriterionKind,
    Flag,
    MemberRole,
    OfferResult,
    RoundingStage,
)

log = logging.getLogger(__name__)

__all__ = ["METADATA_KEYS", "pdf_settings", "read_protocol_metadata", "render_pdf"]

# Custom Info dictionary keys (without the leading slash).
KEY_FINGERPRINT = "KomisjaFingerprint"
KEY_VERSION = "KomisjaVersion"
KEY_COMPETITION = "KomisjaCompetition"
KEY_CASE = "KomisjaCaseReference"
KEY_LANGUAGE = "KomisjaLanguage"
KEY_SIGNATURE_BOX = "KomisjaSignatureBox"
METADATA_KEYS = (
    KEY_FINGERPRINT,
    KEY_VERSION,
    KEY_COMPETITION,
    KEY_CASE,
    KEY_LANGUAGE,
    KEY_SIGNATURE_BOX,
)

PAGE_PORTRAIT = A4
PAGE_LANDSCAPE = landscape(A4)
MARGIN_X = 16 * mm
MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 19 * mm
DRAFT_COLOR = Color(0.75, 0.12, 0.10)


# ---------------------------------------------------------------------------------------------
# Styles


def _styles() -> dict[str, ParagraphStyle]:
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


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; amounts kept on one line)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class _Heading(Paragraph):
    """A section heading that also becomes a PDF bookmark."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, level: int) -> None:
        super().__init__(escape(text), style)
        self.bookmark = (key, text, level)


# ---------------------------------------------------------------------------------------------
# The canvas: Info, XMP, output intent, page chrome


class _ProtocolInfo(PDFInfo):
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
        return PDFDictionary(entries).format(document)


class _PdfACatalog(PDFCatalog):
    """reportlab's catalog, able to carry /OutputIntents."""

    __NoDefault__: ClassVar[list[str]] = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    __Refs__: ClassVar[list[str]] = PDFCatalog.__Refs__


def _info_strings(doc: ProtocolDocument) -> dict[str, str]:
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


class ProtocolCanvas(Canvas):
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
            saved = self._code
            self._code = []
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


class _ProtocolTemplate(BaseDocTemplate):
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
# The story


class _StoryBuilder:
    def __init__(self, doc: ProtocolDocument) -> None:
        self.doc = doc
        self.lang = doc.language
        self.s = _styles()
        self.places = doc.policy.rounding_places
        self.section_no = 0
        self.bookmark_no = 0
        self.results_section = 0
        self.story: list[Flowable] = []

    # -- helpers ---------------------------------------------------------------------------

    def t(self, key: str, **params: Any) -> str:
        return label(self.lang, key, **params)

    def money(self, value: Decimal | None) -> str:
        return self.t("dash") if value is None else format_money(value, self.lang)

    def num(self, value: Decimal | None, places: int | None = None) -> str:
        if value is None:
            return self.t("dash")
        return format_decimal(value, self.places if places is None else places, self.lang)

    def date(self, value: Any) -> str:
        return format_date(value, self.lang)

    def when(self, value: datetime | None) -> str:
        return format_datetime(value, self.lang)

    def plain(self, value: Decimal | None) -> str:
        return self.t("dash") if value is None else format_score(value, self.lang)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def para(self, text: str, style: str = "body") -> None:
        self.add(_p(text, self.s[style]))

    def bullet(self, text: str, style: str = "body") -> None:
        key = f"{style}-bullet"
        hanging = self.s.get(key)
        if hanging is None:
            hanging = self.s[key] = ParagraphStyle(
                key,
                parent=self.s[style],
                leftIndent=11,
                bulletIndent=0,
                bulletFontName=FONTS.regular,
            )
        self.add(Paragraph(escape(text), hanging, bulletText="•"))

    def heading(self, text: str, level: int = 0, numbered: bool = True) -> None:
        self.bookmark_no += 1
        if level == 0 and numbered:
            self.section_no += 1
            text = f"{self.section_no}. {text}"
        style = self.s["h1" if level == 0 else "h2" if level == 1 else "h3"]
        self.add(CondPageBreak(110 if level == 0 else 80))
        self.add(_Heading(text, style, f"s{self.bookmark_no}", level))

    def member_name(self, code: str) -> str:
        member = self.doc.member_by_code.get(code)
        return f"{code} {member.name}" if member else code

    def offer_label(self, code: str) -> str:
        offer = self.doc.offer_by_code.get(code)
        return f"{code} – {offer.applicant}" if offer else code

    # -- sections --------------------------------------------------------------------------

    def build(self) -> list[Flowable]:
        doc = self.doc
        self.title_page()
        self.meetings()
        self.committee()
        self.declarations()
        self.offers()
        self.formal()
        self.rules()
        self.results()
        if doc.is_cancelled:
            self.cancellation()
        else:
            self.ranking()
        self.decisions()
        self.analysis()
        self.remarks()
        self.annex_scores()
        self.annex_explanations()
        self.signatures()
        return self.story

    def title_page(self) -> None:
        doc = self.doc
        comp = doc.competition
        inst = doc.institution
        s = self.s
        self.add(Spacer(1, 6 * mm))
        self.add(_p(inst.name, s["inst"]))
        if inst.address:
            self.add(_p(inst.address, s["center"]))
        self.add(Spacer(1, 12 * mm))
        self.add(_Heading(self.t("protocol"), s["protocol"], "title", 0))
        self.add(_p(self.t("protocol_sub"), s["sub"]))
        self.add(_p(self.t(f"kind_{comp.kind.value}"), s["kind"]))
        self.add(_p(f"„{comp.title}”", s["title"]))
        if doc.is_cancelled:
            key = (
                "cancelled_banner_ngo"
                if comp.kind == CompetitionKind.NGO_GRANT
                else "cancelled_banner_other"
            )
            self.add(_p(self.t(key), s["banner"]))
        budget_lines = [
            self.t("budget_year", year=line.year, amount=self.money(line.amount))
            for line in comp.budget_lines
        ]
        if comp.total_budget is not None:
            budget_lines.append(self.t("budget_total", amount=self.money(comp.total_budget)))
        if doc.is_draft:
            status = self.t("status_draft")
        else:
            status = self.t(
                "status_signed",
                when=self.when(doc.signed_off_at),
                who=doc.signed_off_by or "",
            )
        rows = [
            (self.t("case_reference"), comp.case_reference),
            (self.t("legal_basis"), comp.legal_basis or self.t("dash")),
            (self.t("committee_act"), comp.committee_act or self.t("dash")),
            (self.t("announced_on"), self.date(comp.announced_on)),
            (self.t("publication_places"), comp.publication_places or self.t("dash")),
            (self.t("submission_deadline"), self.when(comp.submission_deadline)),
            (self.t("decision_date"), self.date(comp.decision_date)),
            (self.t("budget"), "\n".join(budget_lines) or self.t("dash")),
            (self.t("version"), str(doc.version)),
            (self.t("generated_at"), self.when(doc.generated_at)),
            (self.t("status"), status),
            (self.t("competition_uid"), comp.uid),
            (self.t("fingerprint"), doc.fingerprint),
        ]
        self.add(
            GridTable(
                [Column(0.3, font="bold"), Column(0.7)],
                None,
                rows,
                font_size=8.5,
                shade=[i % 2 == 1 for i in range(len(rows))],
            )
        )
        if doc.previous_versions:
            self.add(Spacer(1, 4 * mm))
            self.add(_p(self.t("previous_versions"), s["h3"]))
            self.add(
                GridTable(
                    [Column(0.09, "C"), Column(0.17), Column(0.2), Column(0.17), Column(0.37)],
                    [
                        self.t("pv_number"),
                        self.t("pv_signed"),
                        self.t("pv_by"),
                        self.t("pv_reopened"),
                        self.t("pv_reason"),
                    ],
                    [
                        (
                            str(v.number),
                            self.when(v.signed_off_at),
                            v.signed_off_by,
                            self.when(v.reopened_at),
                            v.reopen_reason,
                        )
                        for v in doc.previous_versions
                    ],
                )
            )
        self.add(PageBreak())

    def meetings(self) -> None:
        doc = self.doc
        self.heading(self.t("s_meetings"))
        if not doc.meetings:
            self.para(self.t("none"))
            return
        rows = []
        for meeting in doc.meetings:
            present = [a.member_code for a in meeting.attendance if a.present]
            absent = [a.member_code for a in meeting.attendance if not a.present]
            rows.append(
                (
                    self.when(meeting.starts_at),
                    meeting.place,
                    meeting.purpose,
                    ", ".join(self.member_name(c) for c in present) or self.t("dash"),
                    ", ".join(self.member_name(c) for c in absent) or self.t("dash"),
                )
            )
        self.add(
            GridTable(
                [Column(0.14), Column(0.2), Column(0.24), Column(0.26), Column(0.16)],
                [
                    self.t("m_when"),
                    self.t("m_place"),
                    self.t("m_purpose"),
                    self.t("m_present"),
                    self.t("m_absent"),
                ],
                rows,
            )
        )

    def committee(self) -> None:
        doc = self.doc
        self.heading(self.t("s_committee"))
        rows = [
            (
                m.code,
                m.name,
                role_label(self.lang, m.role),
                m.affiliation or self.t("dash"),
                self.date(m.declaration_signed_on),
                self.t("yes") if m.present_at_sign_off else self.t("no"),
            )
            for m in doc.committee
        ]
        self.add(
            GridTable(
                [
                    Column(0.07, font="bold"),
                    Column(0.22),
                    Column(0.17),
                    Column(0.26),
                    Column(0.14, "C"),
                    Column(0.14, "C"),
                ],
                [
                    self.t("c_code"),
                    self.t("c_name"),
                    self.t("c_role"),
                    self.t("c_affiliation"),
                    self.t("c_declaration"),
                    self.t("c_present"),
                ],
                rows,
            )
        )
        if any(m.role == MemberRole.EXPERT for m in doc.committee):
            self.para(self.t("experts_note"), "note")
        if doc.meetings:
            self.heading(self.t("c_attendance"), level=1)
            # one column per meeting, at most 8 per table so that the columns stay readable
            for start in range(0, len(doc.meetings), 8):
                chunk = doc.meetings[start : start + 8]
                header = [self.t("c_name")] + [self.date(m.starts_at) for m in chunk]
                attendance = [{a.member_code: a.present for a in m.attendance} for m in chunk]
                rows2 = []
                for member in doc.committee:
                    cells = [f"{member.code} {member.name}"]
                    for marks in attendance:
                        state = marks.get(member.code)
                        cells.append(
                            self.t("dash")
                            if state is None
                            else self.t("present_mark")
                            if state
                            else self.t("absent_mark")
                        )
                    rows2.append(cells)
                self.add(
                    GridTable(
                        [Column(0.3)] + [Column(0.7 / max(len(chunk), 1), "C")] * len(chunk),
                        header,
                        rows2,
                    )
                )

    def declarations(self) -> None:
        doc = self.doc
        self.heading(self.t("s_declarations"))
        missing = [m for m in doc.committee if m.declaration_signed_on is None]
        if missing:
            names = ", ".join(f"{m.code} {m.name}" for m in missing)
            self.para(self.t("d_missing", names=names))
        else:
            self.para(self.t("d_all_signed"))
        self.heading(self.t("d_recusals"), level=1)
        if not doc.recusals:
            self.para(self.t("d_no_recusals"))
            return
        rows = [
            (
                self.member_name(r.member_code),
                self.offer_label(r.offer_code),
                r.reason,
                self.date(r.declared_on),
            )
            for r in doc.recusals
        ]
        self.add(
            GridTable(
                [Column(0.22), Column(0.3), Column(0.36), Column(0.12, "C")],
                [self.t("d_member"), self.t("d_offer"), self.t("d_reason"), self.t("d_declared")],
                rows,
            )
        )

    def offers(self) -> None:
        doc = self.doc
        self.heading(self.t("s_offers"))
        total = sum((o.requested for o in doc.offers), Decimal(0))
        self.para(self.t("o_count", count=len(doc.offers), amount=self.money(total)))
        if not doc.offers:
            return
        late_codes = set()
        rows = []
        for index, offer in enumerate(doc.offers):
            if offer.late:
                late_codes.add(index)
            rows.append(
                (
                    offer.code,
                    offer.applicant,
                    offer.legal_form,
                    offer.nip or self.t("dash"),
                    offer.title,
                    self.when(offer.received_at),
                    self.money(offer.requested),
                    self.t("yes") if offer.late else self.t("no"),
                )
            )
        self.add(
            GridTable(
                [
                    Column(0.05, font="bold"),
                    Column(0.18),
                    Column(0.135),  # "stowarzyszenie" fits on one line
                    Column(0.105),  # a NIP on one line
                    Column(0.185),
                    Column(0.1),
                    Column(0.13, "R"),
                    Column(0.085, "C"),  # "Po terminie" without a broken word
                ],
                [
                    self.t("o_code"),
                    self.t("o_applicant"),
                    self.t("o_legal_form"),
                    self.t("o_nip"),
                    self.t("o_title"),
                    self.t("o_received"),
                    self.t("o_requested"),
                    self.t("o_late"),
                ],
                rows,
                font_size=7,
                marks=frozenset(late_codes),
            )
        )

    def formal(self) -> None:
        doc = self.doc
        self.heading(self.t("s_formal"))
        admitted = sum(1 for f in doc.formal_results if f.admitted)
        rejected = sum(1 for f in doc.formal_results if not f.admitted)
        self.para(self.t("f_summary", admitted=admitted, rejected=rejected))
        if not doc.formal_results:
            return
        rows = []
        marks = set()
        for index, f in enumerate(doc.formal_results):
            corrections = []
            for c in f.corrections:
                state = (
                    self.t("f_fulfilled", date=self.date(c.fulfilled_on))
                    if c.fulfilled_on
                    else self.t("f_not_fulfilled")
                )
                corrections.append(
                    self.t(
                        "f_correction",
                        requested=self.date(c.requested_on),
                        deadline=self.date(c.deadline),
                        scope=c.scope,
                        state=state,
                    )
                )
            if not f.admitted:
                marks.add(index)
            rows.append(
                (
                    f.offer_code,
                    self.doc.offer_by_code[f.offer_code].applicant,
                    self.t("f_admitted") if f.admitted else self.t("f_rejected"),
                    f.reason or self.t("dash"),
                    "\n".join(corrections) or self.t("dash"),
                )
            )
        self.add(
            GridTable(
                [
                    Column(0.07, font="bold"),
                    Column(0.23),
                    Column(0.11, "C"),
                    Column(0.3),
                    Column(0.29),
                ],
                [
                    self.t("o_code"),
                    self.t("o_applicant"),
                    self.t("f_result"),
                    self.t("f_reason"),
                    self.t("f_corrections"),
                ],
                rows,
                marks=frozenset(marks),
            )
        )

    def criterion_details(self, crit: Any) -> str:
        lang = self.lang
        weight = format_score(crit.weight, lang)
        if crit.kind == CriterionKind.SCORED:
            top = format_score(crit.max_score or Decimal(0), lang)
            return self.t("detail_scored", max=top, weight=weight)
        if crit.kind == CriterionKind.LOWER_BETTER:
            return self.t("detail_lower", field=crit.field or "", weight=weight)
        if crit.kind == CriterionKind.HIGHER_BETTER:
            text = self.t("detail_higher", field=crit.field or "", weight=weight)
            if crit.cap is not None:
                text += self.t("detail_cap", cap=format_score(crit.cap, lang))
            return text
        if crit.kind == CriterionKind.BANDED:
            bands = "; ".join(
                self.t(
                    "detail_band",
                    from_value=format_score(b.from_value, lang),
                    points=format_score(b.points, lang),
                )
                for b in crit.bands
            )
            return self.t("detail_banded", field=crit.field or "", bands=bands)
        return self.t("detail_yes_no", weight=weight)

    def rules(self) -> None:
        doc = self.doc
        policy = doc.policy
        lang = self.lang
        self.heading(self.t("s_rules"))
        self.heading(self.t("r_criteria"), level=1)
        rows = []
        for crit in doc.criteria:
            if crit.max_score is not None and crit.step is not None:
                scale = self.t(
                    "scale",
                    max=format_score(crit.max_score, lang),
                    step=format_score(crit.step, lang),
                )
            elif crit.max_score is not None:
                scale = self.t("scale_nostep", max=format_score(crit.max_score, lang))
            else:
                scale = self.t("dash")
            rows.append(
                (
                    crit.id,
                    crit.name,
                    kind_label(lang, crit.kind),
                    scale,
                    format_score(crit.weight, lang),
                    self.plain(crit.min_score),
                    self.criterion_details(crit),
                )
            )
        self.add(
            GridTable(
                [
                    Column(0.06, font="bold"),
                    Column(0.26),
                    Column(0.13),
                    Column(0.12, "C"),
                    Column(0.08, "R"),
                    Column(0.07, "R"),
                    Column(0.28),
                ],
                [
                    self.t("r_code"),
                    self.t("r_name"),
                    self.t("r_kind"),
                    self.t("r_scale"),
                    self.t("r_weight"),
                    self.t("r_min"),
                    self.t("r_details"),
                ],
                rows,
            )
        )
        total_weight = sum((c.weight for c in doc.criteria), Decimal(0))
        self.para(f"Σ {self.t('r_weight')}: {format_score(total_weight, lang)}", "small")
        items = [
            self.t("r_aggregation", how=aggregation_label(lang, policy.aggregation)),
            rounding_label(lang, policy.rounding_stage, policy.rounding_places),
        ]
        if policy.min_total is not None:
            items.append(threshold_label(lang, policy.min_total_basis, self.num(policy.min_total)))
        else:
            items.append(self.t("r_no_threshold"))
        crit_thresholds = [
            f"{c.id} ≥ {format_score(c.min_score, lang)}"
            for c in doc.criteria
            if c.min_score is not None
        ]
        if crit_thresholds:
            items.append(self.t("r_criterion_thresholds", items=", ".join(crit_thresholds)))
        if policy.tie_breakers:
            chain = "; ".join(
                f"{n}) {tie_breaker_label(lang, tb.kind, tb.ref)}"
                for n, tb in enumerate(policy.tie_breakers, start=1)
            )
            items.append(self.t("r_ties", chain=chain))
        else:
            items.append(self.t("r_no_ties"))
        if policy.discrepancy_points is not None:
            items.append(self.t("r_discrepancy", value=self.num(policy.discrepancy_points)))
        else:
            items.append(self.t("r_no_discrepancy"))
        alloc = policy.allocation
        items.append(self.t("r_allocation", method=allocation_label(lang, alloc.method)))
        if alloc.budget is not None:
            items.append(
                self.t(
                    "r_budget", amount=self.money(alloc.budget), step=self.money(alloc.award_step)
                )
            )
        if alloc.full_above is not None:
            items.append(self.t("r_full_above", value=self.num(alloc.full_above)))
        if policy.winners is not None:
            items.append(self.t("r_winners", count=policy.winners))
        for item in items:
            self.bullet(item)

    def _admitted_results(self) -> list[OfferResult]:
        return [r for r in self.doc.results.offers if r.admitted]

    def results(self) -> None:
        doc = self.doc
        lang = self.lang
        results = self._admitted_results()
        criteria = list(doc.criteria)
        wide = 2 + len(criteria) + 2 > 12
        if wide:
            self.add(NextPageTemplate("landscape"), PageBreak())
        self.heading(self.t("s_results"))
        self.results_section = self.section_no
        if not results:
            self.para(self.t("res_none"))
        else:
            unscaled = doc.policy.min_total_basis.value == "unscaled"
            self.heading(self.t("res_points"), level=1)
            header = [self.t("res_rank"), self.t("res_offer")]
            max_word = "maks." if lang == "pl" else "max"
            header += [f"{c.id}\n{max_word} {format_score(c.weight, lang)}" for c in criteria]
            header.append(self.t("res_total"))
            if unscaled:
                header.append(self.t("res_unscaled"))
            rows = []
            marks = set()
            for index, r in enumerate(results):
                by_id = {c.criterion_id: c for c in r.criteria}
                cells = [str(r.rank) if r.rank is not None else self.t("dash"), r.offer_id]
                for crit in criteria:
                    cr = by_id.get(crit.id)
                    cells.append(self.num(cr.points) if cr else self.t("dash"))
                cells.append(self.num(r.total))
                if unscaled:
                    cells.append(self.num(r.unscaled_total))
                rows.append(cells)
                if Flag.DISCREPANCY in r.flags or Flag.TIE_UNRESOLVED in r.flags:
                    marks.add(index)
            n = len(criteria)
            columns = [Column(1.1, "C"), Column(1.3, font="bold")]
            columns += [Column(1.0, "R")] * n
            columns.append(Column(1.3, "R", font="bold"))
            if unscaled:
                columns.append(Column(1.2, "R"))
            size = 7.5 if n <= 10 else 6.8
            self.add(
                GridTable(
                    columns,
                    header,
                    rows,
                    font_size=size,
                    shade=[i % 2 == 1 for i in range(len(rows))],
                    marks=frozenset(marks),
                )
            )
            if doc.policy.rounding_stage == RoundingStage.TOTAL:
                self.para(self.t("res_stage_total_note"), "note")
            scored = [c for c in criteria if c.kind in (CriterionKind.SCORED, CriterionKind.YES_NO)]
            if scored:
                how = aggregation_label(lang, doc.policy.aggregation)
                self.heading(self.t("res_scores", how=how), level=1)
                header2 = [self.t("res_offer")]
                header2 += [f"{c.id}\n0–{format_score(c.max_score or 0, lang)}" for c in scored]
                rows2 = []
                for r in results:
                    by_id = {c.criterion_id: c for c in r.criteria}
                    cells = [r.offer_id]
                    for crit in scored:
                        cr = by_id.get(crit.id)
                        cells.append(self.num(cr.score) if cr and cr.score is not None else "—")
                    rows2.append(cells)
                self.add(
                    GridTable(
                        [Column(1.3, font="bold")] + [Column(1.0, "R")] * len(scored),
                        header2,
                        rows2,
                        font_size=size,
                        shade=[i % 2 == 1 for i in range(len(rows2))],
                    )
                )
        if doc.results.not_evaluated:
            self.para(self.t("res_not_evaluated", codes=", ".join(doc.results.not_evaluated)))
        if wide:
            self.add(NextPageTemplate("portrait"), PageBreak())

    def _flags_text(self, r: OfferResult) -> str:
        words = [flag_label(self.lang, f) for f in FLAG_ORDER if f in r.flags]
        if not r.eligible and Flag.BELOW_THRESHOLD not in r.flags:
            words.insert(0, self.t("rk_ineligible"))
        return "; ".join(words)

    def ranking(self) -> None:
        doc = self.doc
        policy = doc.policy
        results = self._admitted_results()
        with_money = policy.allocation.method != AllocationMethod.NONE
        self.heading(self.t("s_ranking" if with_money else "s_selection"))
        if not results:
            self.para(self.t("res_none"))
            return
        rows = []
        marks = set()
        for index, r in enumerate(results):
            offer = doc.offer_by_code[r.offer_id]
            if with_money:
                outcome = self.money(r.award) if r.award is not None else self.t("dash")
            else:
                outcome = self.t("yes") if Flag.SELECTED in r.flags else self.t("no")
            rows.append(
                (
                    str(r.rank) if r.rank is not None else self.t("dash"),
                    r.offer_id,
                    f"{offer.applicant}\n„{offer.title}”",
                    self.num(r.total),
                    self.money(offer.requested),
                    outcome,
                    self._flags_text(r),
                )
            )
            if Flag.TIE_UNRESOLVED in r.flags or Flag.DISCREPANCY in r.flags:
                marks.add(index)
        self.add(
            GridTable(
                [
                    Column(0.08, "C", font="bold"),
                    Column(0.07, font="bold"),
                    Column(0.29),
                    Column(0.09, "R", font="bold"),
                    Column(0.13, "R"),
                    Column(0.13, "R", font="bold"),
                    Column(0.21),
                ],
                [
                    self.t("rk_rank"),
                    self.t("rk_offer"),
                    self.t("rk_applicant"),
                    self.t("rk_total"),
                    self.t("rk_requested"),
                    self.t("rk_award" if with_money else "rk_selected"),
                    self.t("rk_status"),
                ],
                rows,
                shade=[r.eligible is False for r in results],
                marks=frozenset(marks),
            )
        )
        res = doc.results
        if with_money:
            awarded = res.awarded_total
            if awarded is None:
                awarded = sum((r.award or Decimal(0) for r in results), Decimal(0))
            budget = res.budget if res.budget is not None else policy.allocation.budget
            if budget is not None:
                self.para(
                    self.t(
                        "rk_awarded",
                        awarded=self.money(awarded),
                        budget=self.money(budget),
                        left=self.money(budget - awarded),
                    ),
                    "h3",
                )
            else:
                self.para(self.t("rk_awarded_nobudget", awarded=self.money(awarded)), "h3")
        else:
            selected = [r for r in results if Flag.SELECTED in r.flags]
            if selected:
                items = ", ".join(self.offer_label(r.offer_id) for r in selected)
                self.para(self.t("rk_selected_list", items=items), "h3")
            else:
                self.para(self.t("rk_selected_none"), "h3")

    def cancellation(self) -> None:
        doc = self.doc
        ngo = doc.competition.kind == CompetitionKind.NGO_GRANT
        self.heading(self.t("s_cancellation" if ngo else "s_cancellation_other"))
        if ngo:
            point = 1 if not doc.offers else 2
            self.para(
                self.t("cancel_ngo_1", point=point, why=self.t(f"cancel_why_{point}")), "body"
            )
            self.para(self.t("cancel_ngo_2"))
        else:
            self.para(self.t("cancel_other"))
        if doc.cancellation_reason:
            self.para(self.t("cancel_reason", reason=doc.cancellation_reason))
        if self._admitted_results():
            self.para(self.t("cancel_results_note", section=self.results_section), "note")

    def decisions(self) -> None:
        doc = self.doc
        res = doc.results
        self.heading(self.t("s_decisions"))
        # discrepancies
        self.heading(self.t("dc_discrepancies"), level=1)
        flagged = [
            r
            for r in res.offers
            if Flag.DISCREPANCY in r.flags or Flag.DISCREPANCY_RESOLVED in r.flags
        ]
        by_offer: dict[str, list[Any]] = defaultdict(list)
        for d in doc.decisions:
            for code in d.offer_codes:
                by_offer[code].append(d)
        if flagged:
            rows = []
            marks = set()
            for index, r in enumerate(flagged):
                resolved = Flag.DISCREPANCY_RESOLVED in r.flags
                resolutions = [
                    f"{self.date(d.decided_on)}: {d.reason}"
                    + (f" ({d.details})" if d.details else "")
                    for d in by_offer.get(r.offer_id, [])
                    if d.kind == DecisionKind.DISCREPANCY_RESOLUTION
                ]
                if not resolved:
                    marks.add(index)
                rows.append(
                    (
                        r.offer_id,
                        self.num(r.spread),
                        self.t("dc_resolved") if resolved else self.t("dc_unresolved"),
                        "\n".join(resolutions) or self.t("dash"),
                    )
                )
            self.add(
                GridTable(
                    [Column(0.09, font="bold"), Column(0.14, "R"), Column(0.15, "C"), Column(0.62)],
                    [
                        self.t("res_offer"),
                        self.t("dc_spread"),
                        self.t("dc_state"),
                        self.t("dc_reason"),
                    ],
                    rows,
                    marks=frozenset(marks),
                )
            )
        else:
            self.para(self.t("dc_none_discrepancy"))
        # ties
        self.heading(self.t("dc_ties"), level=1)
        tie_decisions = [d for d in doc.decisions if d.kind == DecisionKind.TIE_ORDER]
        for group in res.unresolved_ties:
            self.para(self.t("dc_tie_unresolved", codes=", ".join(group)))
        for d in tie_decisions:
            details = f" ({d.details})" if d.details else ""
            self.para(
                f"{self.date(d.decided_on)} – {self.t('dk_tie_order')}: "
                f"{' > '.join(d.offer_codes)}. {d.reason}{details}"
            )
        if not res.unresolved_ties and not tie_decisions:
            self.para(self.t("dc_no_ties"))
        # every decision
        self.heading(self.t("dc_all"), level=1)
        if doc.decisions:
            rows = [
                (
                    self.date(d.decided_on),
                    self.t(f"dk_{d.kind.value}"),
                    ", ".join(d.offer_codes) or self.t("dash"),
                    d.reason,
                    d.details or self.t("dash"),
                )
                for d in doc.decisions
            ]
            self.add(
                GridTable(
                    [Column(0.11, "C"), Column(0.17), Column(0.12), Column(0.35), Column(0.25)],
                    [
                        self.t("dc_date"),
                        self.t("dc_kind"),
                        self.t("dc_offers"),
                        self.t("dc_reason"),
                        self.t("dc_details"),
                    ],
                    rows,
                )
            )
        else:
            self.para(self.t("none"))
        if res.steps:
            self.heading(self.t("dc_results_notes"), level=1)
            for step in res.steps:
                self.bullet(explain(step, self.lang))

    def analysis(self) -> None:
        doc = self.doc
        lang = self.lang
        self.heading(self.t("s_analysis"))
        analysis = doc.analysis
        has_any = False
        if analysis.leniency:
            has_any = True
            self.heading(self.t("an_leniency"), level=1)
            self.para(self.t("an_leniency_intro"), "note")
            rows = [
                (
                    self.member_name(row.member_code),
                    role_label(lang, self.doc.member_by_code[row.member_code].role),
                    format_signed(row.mean_deviation, 2, lang),
                    str(row.offers_compared),
                )
                for row in analysis.leniency
            ]
            self.add(
                GridTable(
                    [Column(0.4), Column(0.25), Column(0.18, "R"), Column(0.17, "R")],
                    [
                        self.t("an_member"),
                        self.t("c_role"),
                        self.t("an_deviation"),
                        self.t("an_compared"),
                    ],
                    rows,
                )
            )
            chart = charts.leniency_chart(
                [(row.member_code, row.mean_deviation) for row in analysis.leniency],
                PORTRAIT_WIDTH * 0.8,
                lang,
            )
            if chart is not None:
                self.add(chart, Spacer(1, 4 * mm))
        if analysis.agreement_coefficient is not None:
            has_any = True
            self.para(
                self.t(
                    "an_agreement",
                    value=format_decimal(analysis.agreement_coefficient, 2, lang),
                    band=analysis.agreement_band or self.t("dash"),
                )
            )
        spread_rows = []
        for r in doc.results.offers:
            totals = list(r.member_totals.values())
            if len(totals) < 1 or not r.admitted:
                continue
            mean = sum(totals, Decimal(0)) / len(totals)
            spread_rows.append(
                charts.SpreadRow(
                    r.offer_id,
                    min(totals),
                    mean,
                    max(totals),
                    flagged=Flag.DISCREPANCY in r.flags,
                )
            )
        if spread_rows:
            has_any = True
            self.heading(self.t("an_spread"), level=1)
            self.para(self.t("an_spread_intro"), "note")
            scale_max = sum(
                (c.weight for c in doc.criteria if c.kind == CriterionKind.SCORED), Decimal(0)
            )
            if scale_max <= 0:
                scale_max = max(row.high for row in spread_rows)
            for drawing in charts.spread_charts(spread_rows, PORTRAIT_WIDTH, scale_max, lang):
                self.add(drawing, Spacer(1, 3 * mm))
        if doc.stability:
            has_any = True
            self.heading(self.t("an_stability"), level=1)
            for sentence in doc.stability:
                self.bullet(sentence)
        if not has_any:
            self.para(self.t("an_none"))

    def remarks(self) -> None:
        self.heading(self.t("s_remarks"))
        if not self.doc.remarks:
            self.para(self.t("none"))
        for remark in self.doc.remarks:
            self.para(remark)

    def annex_scores(self) -> None:
        doc = self.doc
        lang = self.lang
        self.add(PageBreak())
        title = f"{self.t('annex', number=1)}. {self.t('annex_scores')}"
        self.heading(title, numbered=False)
        if doc.sheet_sources:
            self.heading(self.t("r_sources"), level=1)
            rows = [
                (
                    self.member_name(src.member_code),
                    self.t(f"src_{src.kind.value}"),
                    src.reference or self.t("dash"),
                    src.sha256 or self.t("dash"),
                    self.when(src.imported_at),
                )
                for src in doc.sheet_sources
            ]
            self.add(
                GridTable(
                    [
                        Column(0.2),
                        Column(0.15),
                        Column(0.2),
                        Column(0.32, font="mono"),
                        Column(0.13),
                    ],
                    [
                        self.t("src_member"),
                        self.t("src_kind"),
                        self.t("src_reference"),
                        self.t("src_sha"),
                        self.t("src_imported"),
                    ],
                    rows,
                    font_size=6.5,
                )
            )
        offer_pos = {o.code: i for i, o in enumerate(doc.offers)}
        crit_pos = {c.id: i for i, c in enumerate(doc.criteria)}
        by_member: dict[str, list[Any]] = defaultdict(list)
        for score in doc.individual_scores:
            by_member[score.member_code].append(score)
        recused: dict[str, list[str]] = defaultdict(list)
        for rec in doc.recusals:
            recused[rec.member_code].append(rec.offer_code)
        columns = [Column(0.08, font="bold"), Column(0.1), Column(0.07, "R"), Column(0.75)]
        header = [
            self.t("ax_offer"),
            self.t("ax_criterion"),
            self.t("ax_score"),
            self.t("ax_justification"),
        ]
        for member in doc.committee:
            heading = self.t(
                "ax_member", code=member.code, name=member.name, role=role_label(lang, member.role)
            )
            self.heading(heading, level=1)
            if member.role == MemberRole.EXPERT:
                self.para(self.t("ax_expert_note"), "note")
            if recused.get(member.code):
                self.para(self.t("ax_recused", codes=", ".join(recused[member.code])), "note")
            scores = by_member.get(member.code, [])
            if not scores:
                self.para(self.t("ax_no_scores"))
                continue
            scores.sort(
                key=lambda s: (offer_pos.get(s.offer_code, 0), crit_pos.get(s.criterion_id, 0))
            )
            rows = []
            shade = []
            flip = False
            previous = None
            for s in scores:
                if s.offer_code != previous:
                    flip = not flip
                    previous = s.offer_code
                shade.append(flip)
                rows.append(
                    (s.offer_code, s.criterion_id, format_score(s.score, lang), s.justification)
                )
            self.add(GridTable(columns, header, rows, font_size=7, shade=shade))

    def annex_explanations(self) -> None:
        doc = self.doc
        lang = self.lang
        self.add(PageBreak())
        self.heading(f"{self.t('annex', number=2)}. {self.t('annex_explain')}", numbered=False)
        if doc.results.steps:
            self.heading(self.t("ax_competition_notes"), level=1)
            for step in doc.results.steps:
                self.bullet(explain(step, lang), "small")
        rows: list[tuple[str, str, str]] = []
        shade: list[bool] = []
        bold_rows: set[int] = set()
        flip = False
        word = self.t("ax_step_offer")
        why = {e.offer_id: e for e in doc.explanations}
        for r in doc.results.offers:
            flip = not flip
            offer = doc.offer_by_code[r.offer_id]
            bold_rows.add(len(rows))
            rows.append((r.offer_id, "", f"{offer.applicant} – „{offer.title}”"))
            shade.append(flip)
            told = why.get(r.offer_id)
            for crit in r.criteria:
                for step in told.criteria.get(crit.criterion_id, ()) if told else ():
                    rows.append((r.offer_id, crit.criterion_id, explain(step, lang)))
                    shade.append(flip)
            for step in told.steps if told else r.placement:
                rows.append((r.offer_id, word, explain(step, lang)))
                shade.append(flip)
        if rows:
            self.add(
                GridTable(
                    [Column(0.08, font="bold"), Column(0.09), Column(0.83)],
                    [self.t("ax_offer"), self.t("ax_criterion"), self.t("ax_justification")],
                    rows,
                    font_size=7,
                    shade=shade,
                    bold_rows=frozenset(bold_rows),
                )
            )
        else:
            self.para(self.t("none"))

    def signatures(self) -> None:
        doc = self.doc
        lang = self.lang
        self.add(PageBreak())
        self.heading(self.t("s_signatures"), numbered=False)
        self.para(self.t("sg_intro"))
        present = [m for m in doc.committee if m.present_at_sign_off]
        rows = [(m.name, role_label(lang, m.role), "\n\n", "") for m in present]
        self.add(
            GridTable(
                [Column(0.3), Column(0.22), Column(0.16), Column(0.32)],
                [self.t("sg_name"), self.t("sg_role"), self.t("sg_date"), self.t("sg_signature")],
                rows,
                font_size=8.5,
            )
        )
        inst = doc.institution
        block: list[Flowable] = [
            Spacer(1, 6 * mm),
            _p(self.t("sg_approve"), self.s["approve"]),
            Spacer(1, 12 * mm),
            _p("…" * 40, self.s["body"]),
            _p(self.t("sg_approve_line"), self.s["note"]),
            _p(inst.head_name or "", self.s["h3"]),
            _p(inst.head_title or "", self.s["body"]),
            Spacer(1, 5 * mm),
        ]
        anchor = SignatureAnchor(230, 78, self.t("sg_electronic"))
        anchor.hAlign = "RIGHT"
        block.append(anchor)
        self.add(KeepTogether(block))


# ---------------------------------------------------------------------------------------------
# Public API


@contextmanager
def pdf_settings() -> Iterator[None]:
    """reportlab's settings while a protocol is written.

    Streams are Flate-compressed only, not also ASCII85-encoded (reportlab's default): the
    file is a fifth smaller and a large protocol is written markedly faster.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def render_pdf(doc: ProtocolDocument) -> bytes:
    """Render the protocol; the same document always gives the same bytes."""
    doc.check_consistency()
    register_fonts()
    story = _StoryBuilder(doc).build()
    buffer = io.BytesIO()
    template = _ProtocolTemplate(
        buffer,
        pagesize=PAGE_PORTRAIT,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=1,
        pageCompression=1,
        initialFontName=FONTS.regular,
        initialFontSize=9,
        **_info_strings(doc),
    )
    with pdf_settings():
        template.build(story, canvasmaker=partial(ProtocolCanvas, protocol=doc))
    data = buffer.getvalue()
    log.info(
        "protocol PDF rendered: %s v%d, %d bytes",
        doc.competition.case_reference,
        doc.version,
        len(data),
    )
    return data


def read_protocol_metadata(pdf: bytes) -> dict[str, str]:
    """The ``Komisja*`` keys of the newest Info dictionary (also after signing).

    Keys are returned without the leading slash; missing keys are absent from the result.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    info = reader.trailer_view.get("/Info")
    result: dict[str, str] = {}
    if info is None:
        return result
    info = info.get_object() if hasattr(info, "get_object") else info
    for key in (*METADATA_KEYS, "Title", "Author", "Subject", "Keywords"):
        value = info.get("/" + key)
        if value is not None:
            result[key] = str(value)
    return result
