"""The protocol PDF's story: the builder's shared state and helpers (numbers, dates,
paragraphs, numbered headings), on which the section writers build."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
)

from app.protocol.document import (
    ProtocolDocument,
)
from app.protocol.fonts import FONTS
from app.protocol.formatting import (
    format_date,
    format_datetime,
    format_decimal,
    format_money,
    format_score,
)
from app.protocol.labels import (
    label,
)
from app.protocol.pdf_page import Heading, paragraph_styles, plain_paragraph


class StoryBase:
    """The document, the paragraph styles and the flowables written so far."""

    def __init__(self, doc: ProtocolDocument) -> None:
        self.doc = doc
        self.lang = doc.language
        self.s = paragraph_styles()
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
        self.add(plain_paragraph(text, self.s[style]))

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
        self.add(Heading(text, style, f"s{self.bookmark_no}", level))

    def member_name(self, code: str) -> str:
        member = self.doc.member_by_code.get(code)
        return f"{code} {member.name}" if member else code

    def offer_label(self, code: str) -> str:
        offer = self.doc.offer_by_code.get(code)
        return f"{code} – {offer.applicant}" if offer else code
