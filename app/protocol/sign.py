"""Digital signature of a protocol PDF: PAdES (pyHanko) with a PKCS#12 certificate or a key
on a smart card or token (PKCS#11, ``sign_pdf_pkcs11``).

``sign_pdf`` appends an incremental update to the protocol: a visible signature field placed
over the box that the renderer reserved on the signature page (its position is in the PDF's
``KomisjaSignatureBox`` Info key; a PDF without one gets the field at the bottom right of the
last page) and a CMS signature of the PAdES baseline profile (``ETSI.CAdES.detached``) covering
the whole file.  The bytes before the update stay exactly as they were, so the signed file
still starts with the stored version and ``komisja protocol verify`` can still recognise it.

The field's appearance is drawn with reportlab in the protocol's own embedded font, so the
signer's name keeps its Polish letters (pyHanko's built-in stamp fonts cover Latin-1 only).

Problems the user can fix (a wrong password, a file that is not a PKCS#12 certificate, a file
that is not a PDF) raise :class:`~app.errors.UserError`; nothing is written in that case.
"""

from __future__ import annotations

import io
import logging
import textwrap
from datetime import UTC, datetime

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle
from reportlab.pdfgen.canvas import Canvas

from app.errors import UserError
from app.protocol.fonts import FONTS, register_fonts
from app.protocol.formatting import format_datetime

log = logging.getLogger(__name__)

__all__ = ["FIELD_PREFIX", "sign_pdf", "sign_pdf_pkcs11"]

FIELD_PREFIX = "PodpisProtokolu"
_DEFAULT_BOX = (330, 60, 560, 138)  # bottom right of an A4 portrait page
_CAPTION = 13.0  # the reserved box's caption line (points)
_WORDS = {
    "pl": ("Podpisano elektronicznie", "Data", "Powód", "Miejsce"),
    "en": ("Digitally signed", "Date", "Reason", "Location"),
}


class _PdfBytesPage(ImportedPdfPage):
    """pyHanko's imported page, read from bytes instead of a file."""

    def __init__(self, data: bytes) -> None:
        super().__init__("<memory>", page_ix=0)  # type: ignore[no-untyped-call]  # pyHanko
        self._data = data

    def render(self) -> bytes:
        import binascii
        import uuid

        writer = self._ensure_writer
        reader = PdfFileReader(io.BytesIO(self._data))
        xobj = writer.import_page_as_xobject(reader, page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def _load_signer(p12: bytes, password: bytes | None, source: str) -> signers.SimpleSigner:
    try:
        key, cert, _others = pkcs12.load_key_and_certificates(p12, password)
    except (ValueError, TypeError) as error:
        log.info("PKCS#12 not opened: %s", error)
        raise UserError("signing_certificate_unreadable", {"path": source}) from None
    if key is None or cert is None:
        raise UserError("signing_certificate_incomplete", {"path": source})
    signer: signers.SimpleSigner = signers.SimpleSigner.load_pkcs12_data(
        p12, other_certs=(), passphrase=password
    )
    return signer


def _signature_box(info: dict[str, str], pages: int) -> tuple[int, tuple[int, int, int, int]]:
    """(0-based page index, rectangle) of the visible field."""
    raw = info.get("KomisjaSignatureBox", "")
    parts = raw.split()
    if len(parts) == 5:
        try:
            page = int(parts[0]) - 1
            box = tuple(float(p) for p in parts[1:])
        except ValueError:
            page, box = -1, ()
        if 0 <= page < pages and box[2] > box[0] and box[3] - _CAPTION > box[1]:
            # below the reserved box's caption line, which stays readable
            return page, (
                round(box[0] + 1),
                round(box[1] + 1),
                round(box[2] - 1),
                round(box[3] - _CAPTION),
            )
    return pages - 1, _DEFAULT_BOX


def _appearance(
    width: float, height: float, lang: str, signer: str, when: datetime, reason: str, place: str
) -> bytes:
    """The visible field's content, drawn in the protocol's font (Polish letters intact)."""
    register_fonts()
    words = _WORDS.get(lang, _WORDS["pl"])
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1)
    canvas.setStrokeColorRGB(0.13, 0.33, 0.55)
    canvas.setLineWidth(1)
    canvas.rect(1, 1, width - 2, height - 2)
    y = height - 12
    canvas.setFillColorRGB(0.13, 0.33, 0.55)
    canvas.setFont(FONTS.bold, 8)
    canvas.drawString(6, y, words[0])
    canvas.setFillColorRGB(0, 0, 0)
    y -= 11
    canvas.setFont(FONTS.bold, 9)
    canvas.drawString(6, y, signer[:60])
    canvas.setFont(FONTS.regular, 7)
    lines = [f"{words[1]}: {format_datetime(when, lang)}"]
    lines += textwrap.wrap(f"{words[2]}: {reason}", 62)[:2] if reason else []
    if place:
        lines.append(f"{words[3]}: {place}"[:64])
    for line in lines:
        y -= 9
        if y < 4:
            break
        canvas.drawString(6, y, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def sign_pdf(
    pdf: bytes,
    p12: bytes,
    password: bytes | None,
    *,
    signer_name: str,
    reason: str,
    location: str = "",
    source: str = "PKCS#12",
    pdf_name: str = "PDF",
) -> bytes:
    """The protocol PDF with a visible PAdES signature appended as an incremental update."""
    signer = _load_signer(p12, password, source)
    return _sign(pdf, signer, signer_name, reason, location, pdf_name)


def sign_pdf_pkcs11(
    pdf: bytes,
    *,
    module: str,
    token_label: str,
    pin: str,
    key_label: str,
    certificate: bytes | None = None,
    signer_name: str,
    reason: str,
    location: str = "",
    pdf_name: str = "PDF",
) -> bytes:
    """Like :func:`sign_pdf`, with the key on a smart card or token (PKCS#11).

    ``module`` is the token's PKCS#11 library, ``key_label`` the label of the key (and of its
    certificate, unless the certificate is given as DER in ``certificate``). The PIN is used
    for this one session and not kept.
    """
    from pkcs11 import ObjectClass
    from pkcs11 import exceptions as p11_errors
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    where = {"module": module, "token": token_label, "key": key_label}
    try:
        session = open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=token_label), user_pin=pin
        )
    except (p11_errors.PinIncorrect, p11_errors.PinInvalid, p11_errors.PinLenRange) as error:
        log.info("PKCS#11 PIN refused: %r", error)
        raise UserError("signing_token_pin", where) from None
    except p11_errors.PinLocked:
        raise UserError("signing_token_locked", where) from None
    except (p11_errors.PKCS11Error, OSError, RuntimeError) as error:
        log.info("PKCS#11 token not opened: %r", error)
        raise UserError("signing_token_unavailable", where) from None
    try:
        try:  # exactly one key with that label, asked before anything is drawn
            session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=key_label)
        except (p11_errors.NoSuchKey, p11_errors.MultipleObjectsReturned) as error:
            log.info("PKCS#11 key not found: %r", error)
            raise UserError("signing_token_key_missing", where) from None
        cert = asn1_x509.Certificate.load(certificate) if certificate is not None else None
        signer = PKCS11Signer(session, key_label=key_label, signing_cert=cert)
        try:
            return _sign(pdf, signer, signer_name, reason, location, pdf_name)
        except p11_errors.PKCS11Error as error:  # e.g. the card taken out while signing
            log.info("PKCS#11 signing failed: %r", error)
            raise UserError("signing_token_unavailable", where) from None
    finally:
        session.close()


def _sign(
    pdf: bytes,
    signer: signers.Signer,
    signer_name: str,
    reason: str,
    location: str,
    pdf_name: str,
) -> bytes:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        reader = writer.prev
        pages = int(reader.root["/Pages"]["/Count"])
        info_obj = reader.trailer_view.get("/Info")
        info: dict[str, str] = {}
        if info_obj is not None:
            info_obj = info_obj.get_object()
            for key in ("KomisjaSignatureBox", "KomisjaLanguage"):
                value = info_obj.get("/" + key)
                if value is not None:
                    info[key] = str(value)
        existing = {name for name, _, _ in fields.enumerate_sig_fields(reader)}
    except (PdfError, ValueError, KeyError, TypeError, OSError) as error:
        log.info("PDF not signable: %s", error)
        raise UserError("signing_pdf_unreadable", {"path": pdf_name}) from None
    number = 1
    while f"{FIELD_PREFIX}{number}" in existing:
        number += 1
    field_name = f"{FIELD_PREFIX}{number}"
    page, box = _signature_box(info, pages)
    if number > 1:  # a second signature goes beside the first, not over it
        shift = round(box[3] - box[1] + 6) * (number - 1)
        box = (box[0], box[1] + shift, box[2], box[3] + shift)
    lang = info.get("KomisjaLanguage", "pl")
    now = datetime.now(UTC)
    fields.append_signature_field(
        writer, fields.SigFieldSpec(sig_field_name=field_name, on_page=page, box=box)
    )
    background = _appearance(
        box[2] - box[0], box[3] - box[1], lang, signer_name, now, reason, location
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=signer_name or None,
    )
    stamp = StaticStampStyle(
        background=_PdfBytesPage(background),
        border_width=0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(0, 0, 0, 0),
        ),
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp)
    output = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=output)
    data = output.getvalue()
    log.info("protocol PDF signed by %s (field %s, page %d)", signer_name, field_name, page + 1)
    return data
