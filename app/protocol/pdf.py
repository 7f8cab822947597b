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
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from reportlab import rl_config
from reportlab.platypus import Flowable

from app.protocol.document import ProtocolDocument
from app.protocol.fonts import FONTS, register_fonts
from app.protocol.pdf_opening import OpeningSections
from app.protocol.pdf_page import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    METADATA_KEYS,
    PAGE_PORTRAIT,
    ProtocolCanvas,
    ProtocolTemplate,
    info_strings,
)
from app.protocol.pdf_results import ResultSections

log = logging.getLogger(__name__)

__all__ = ["METADATA_KEYS", "StoryBuilder", "pdf_settings", "read_protocol_metadata", "render_pdf"]


class StoryBuilder(OpeningSections, ResultSections):
    """Every section of the protocol, in order, as platypus flowables."""

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
    story = StoryBuilder(doc).build()
    buffer = io.BytesIO()
    template = ProtocolTemplate(
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
        **info_strings(doc),
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
