"""Validation of one signature embedded in a protocol PDF, as plain values.

``check_signature`` runs pyHanko's validation of a PAdES signature or a document time stamp
against the configured trust roots and reports who signed, when, whether the signature holds
and where it is drawn; ``app.protocol.verify`` decides what that means for the whole file.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.generic import ArrayObject, DictionaryObject, IndirectObject
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import (
    DocumentTimestampStatus,
    PdfSignatureStatus,
    SignatureCoverageLevel,
)
from pyhanko_certvalidator import ValidationContext

log = logging.getLogger(__name__)

# What reading a damaged or hostile PDF may raise (pyHanko, zlib, asn1crypto): such a file is
# reported, never a crash.
READ_ERRORS: tuple[type[Exception], ...] = (
    PdfError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    NotImplementedError,
    zlib.error,
)
_VALIDATION_ERRORS: tuple[type[Exception], ...] = (SignatureValidationError, *READ_ERRORS)

__all__ = [
    "READ_ERRORS",
    "SignatureCheck",
    "SignatureKind",
    "SignatureProblem",
    "TrustSettings",
    "check_signature",
    "deref",
    "page_numbers",
    "validation_context",
]


@dataclass(frozen=True)
class TrustSettings:
    """Certificates that signatures are validated against (DER bytes)."""

    roots: tuple[bytes, ...] = ()
    intermediates: tuple[bytes, ...] = ()


class SignatureKind(StrEnum):
    SIGNATURE = "signature"  # a PAdES signature by a person
    TIMESTAMP = "timestamp"  # a document time stamp by a time-stamping authority (LTA)


class SignatureProblem(StrEnum):
    BROKEN = "broken"  # the signed bytes or the CMS do not verify, or cannot be read
    INCOMPLETE = "incomplete"  # the byte range leaves out part of what it should cover


@dataclass(frozen=True)
class SignatureCheck:
    """One embedded signature: who, when, and whether it holds."""

    field_name: str
    kind: SignatureKind
    revision: int  # 0-based revision of the file that the signature adds
    signer: str  # the certificate subject's common name ("" if none)
    subject: str  # the whole subject, RFC 4514-like, as pyHanko reads it
    serial: str  # hexadecimal
    issuer: str
    signing_time: datetime | None  # as the signer reported it; a time stamp's own time
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the cryptographic signature verifies
    trusted: bool  # the signer certificate chains to a trust root
    coverage: str  # a ``SignatureCoverageLevel`` name, or "" if unknown
    problem: SignatureProblem | None = None
    # where the signature is drawn: 1-based page and (x1, y1, x2, y2) in points; an invisible
    # signature has an empty rectangle. The caller may show it (see app.protocol.verify).
    page: int | None = None
    rect: tuple[Decimal, Decimal, Decimal, Decimal] | None = None


def _subject(cert: asn1_x509.Certificate) -> tuple[str, str, str, str]:
    """(common name, subject, serial in hex, issuer)."""
    subject = cert.subject.native
    name = str(subject.get("common_name", "")) if isinstance(subject, dict) else ""
    return (
        name,
        cert.subject.human_friendly,
        format(cert.serial_number, "x"),
        cert.issuer.human_friendly,
    )


def validation_context(trust: TrustSettings) -> ValidationContext:
    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(der) for der in trust.roots],
        other_certs=[asn1_x509.Certificate.load(der) for der in trust.intermediates],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


def deref(value: object) -> object:
    if isinstance(value, IndirectObject):
        return value.get_object()  # type: ignore[no-untyped-call]  # pyHanko: untyped
    return value


def page_numbers(reader: PdfFileReader) -> dict[int, int]:
    """Object number of each page → its 1-based number."""
    numbers: dict[int, int] = {}
    stack: list[object] = [reader.root.raw_get("/Pages")]
    while stack:
        ref = stack.pop()
        node = deref(ref)
        if not isinstance(node, DictionaryObject):
            continue
        if node.get("/Type") == "/Pages":
            kids = deref(node.raw_get("/Kids"))
            if isinstance(kids, ArrayObject):
                stack.extend(reversed(list(kids)))
        elif isinstance(ref, IndirectObject):
            numbers[ref.idnum] = len(numbers) + 1
    return numbers


def _widget(sig: EmbeddedPdfSignature) -> DictionaryObject:
    field_dict: DictionaryObject = sig.sig_field
    if "/Rect" not in field_dict and "/Kids" in field_dict:
        kid = field_dict["/Kids"][0]
        if isinstance(kid, DictionaryObject):
            return kid
    return field_dict


def _widget_page(sig: EmbeddedPdfSignature, pages: dict[int, int]) -> int | None:
    widget = _widget(sig)
    ref = widget.raw_get("/P") if "/P" in widget else None
    return pages.get(ref.idnum) if isinstance(ref, IndirectObject) else None


def _widget_rect(sig: EmbeddedPdfSignature) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
    try:
        x1, y1, x2, y2 = (Decimal(str(value)) for value in _widget(sig)["/Rect"])
    except (KeyError, ValueError, TypeError, ArithmeticError):
        return None
    return x1, y1, x2, y2


def _padding_is_blank(sig: EmbeddedPdfSignature) -> bool:
    """Whether the space reserved for the CMS holds nothing but the CMS and zero padding.

    The reserved space is outside the signed byte range and the CMS parser stops at the end
    of its own structure, so bytes written into the padding would otherwise go unnoticed.
    """
    contents = sig.sig_object.get("/Contents")
    if not isinstance(contents, bytes):
        return False
    try:
        _, _, _, header, body, trailer = asn1_parser.parse(contents, strict=False)
    except ValueError:
        return False
    return not contents[len(header) + len(body) + len(trailer) :].strip(b"\0")


def check_signature(
    sig: EmbeddedPdfSignature, context: ValidationContext, *, newest: bool, pages: dict[int, int]
) -> SignatureCheck:
    """One signature as plain values; ``newest`` if it must cover the whole file.

    ``pages`` maps page object numbers to page numbers (``page_numbers``).
    """
    revision = sig.signed_revision
    page, rect = _widget_page(sig, pages), _widget_rect(sig)
    try:
        name, subject, serial, issuer = _subject(sig.signer_cert)
    except READ_ERRORS as error:
        log.info("signature %s: certificate not readable: %s", sig.field_name, error)
        name = subject = serial = issuer = ""
    try:
        when = sig.self_reported_timestamp
    except READ_ERRORS as error:
        log.info("signature %s: signing time not readable: %s", sig.field_name, error)
        when = None
    kind = (
        SignatureKind.TIMESTAMP
        if sig.sig_object_type == "/DocTimeStamp"
        else SignatureKind.SIGNATURE
    )
    status: PdfSignatureStatus | DocumentTimestampStatus
    try:
        if kind is SignatureKind.TIMESTAMP:
            status = validate_pdf_timestamp(sig, context, skip_diff=True)
            when = status.timestamp
        else:
            status = validate_pdf_signature(sig, context, skip_diff=True)
            when = status.signer_reported_dt or when
    except _VALIDATION_ERRORS as error:
        log.info("signature %s does not validate: %s", sig.field_name, error)
        return SignatureCheck(
            sig.field_name,
            kind,
            revision,
            name,
            subject,
            serial,
            issuer,
            when,
            intact=False,
            valid=False,
            trusted=False,
            coverage="",
            problem=SignatureProblem.BROKEN,
            page=page,
            rect=rect,
        )
    coverage = status.coverage
    needed = (
        SignatureCoverageLevel.ENTIRE_FILE if newest else SignatureCoverageLevel.ENTIRE_REVISION
    )
    problem: SignatureProblem | None = None
    if not (status.intact and status.valid and _padding_is_blank(sig)):
        problem = SignatureProblem.BROKEN
    elif coverage is None or coverage < needed:
        problem = SignatureProblem.INCOMPLETE
    return SignatureCheck(
        sig.field_name,
        kind,
        revision,
        name,
        subject,
        serial,
        issuer,
        when,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        coverage=coverage.name if coverage is not None else "",
        problem=problem,
        page=page,
        rect=rect,
    )
