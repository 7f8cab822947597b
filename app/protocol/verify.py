"""Verification of a protocol file presented as a copy of a stored version.

A protocol version is stored with the exact bytes of its PDF and workbook. A copy passes only
if it *is* those bytes, or — for the PDF — those bytes followed by nothing but incremental
updates that each add a PAdES signature which validates. Anything else is a change, reported
with a code saying which kind, so that the caller can word it; nothing here builds sentences
or touches the database: the caller passes look-ups (``is_stored``, ``reference``) instead.

The rules for the bytes after a stored version (``check_pdf``):

* every revision after the stored one must be the revision of an embedded signature (an
  update without one, or one whose signature was taken out again, is a change);
* each signature must be intact and cryptographically valid; the newest must cover the whole
  file and each earlier one its whole revision (what came after it is judged by the next
  rule);
* the first update may only sign: add a form with signature fields, their widgets on a page,
  the catalog's version and extensions, and new Info/XMP metadata (checked object by object
  here, because pyHanko's difference analysis needs a base revision that has a form and the
  rendered protocol has none);
* pyHanko's difference analysis of every later update (from the first signed revision) must
  stay at ``ModificationLevel.FORM_FILLING`` at most, and the only form fields it may see
  changed are the signature fields themselves. Adding and filling a signature field is what
  signing does (pyHanko rates it as form filling); document time stamps and validation data
  are ``LTA_UPDATES``. Changed page content, annotations or other fields are ``OTHER`` (or a
  suspicious modification) and make the copy a changed one;
* a signer certificate that does not chain to the given trust roots is reported
  (``trusted=False``), not treated as a change: an office may accept signatures from
  certificates it has not configured, and the caller decides what to say.

What cannot be detected here: the stored bytes are the reference, so whoever can rewrite the
database can store a forged version (anchors outside the database are a separate matter). A
copy cut back to the stored bytes (a signature stripped off by truncation) is the stored,
unsigned version again — a legitimate copy. A signature's visible appearance is whatever its
signer drew, anywhere on a page (pyHanko's analysis allows it as form filling): each
signature's page and rectangle are returned so that the caller can show where it is and who
drew it — an untrusted signer's box over the page's text deserves to be pointed out.

A draft carries ``KomisjaStatus=draft`` in its Info dictionary: it is reported as a draft
(``PdfVerdict.DRAFT``) with its date, never as a stored final; a draft stored as a final
version, or a draft whose newest metadata claims to be final, is a change. Drafts are not
stored, so a draft's own bytes are not checked here; rendering is deterministic, so the caller
can render the draft again from the data it states and compare.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from pyhanko.pdf_utils.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel
from pyhanko.sign.diff_analysis.policy_api import SuspiciousModification
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

from app.protocol.pdf import read_protocol_metadata
from app.protocol.pdf_page import KEY_FINGERPRINT, KEY_STATUS, STATUS_DRAFT
from app.protocol.signatures import (
    READ_ERRORS,
    SignatureCheck,
    SignatureKind,
    SignatureProblem,
    TrustSettings,
    check_signature,
    deref,
    page_numbers,
    validation_context,
)

log = logging.getLogger(__name__)

__all__ = [
    "ALLOWED_MODIFICATION",
    "Change",
    "PdfCheck",
    "PdfVerdict",
    "SignatureCheck",
    "SignatureKind",
    "SignatureProblem",
    "StoredRef",
    "TrustSettings",
    "WorkbookCheck",
    "WorkbookVerdict",
    "check_pdf",
    "check_workbook",
]

# The most that the updates after a stored version may do (see the module docstring).
ALLOWED_MODIFICATION = ModificationLevel.FORM_FILLING

_EOF = re.compile(rb"%%EOF(\r\n|\r|\n)?")
_INERT = re.compile(rb"(?:[ \t\r\n\f\x00]|%[^\r\n]*)*")  # PDF white space and comments
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class StoredRef:
    """A stored protocol version that a file's bytes (or a prefix of them) are."""

    version_id: int  # the caller's own key for the version
    number: int  # the protocol version number


class PdfVerdict(StrEnum):
    STORED = "stored"  # exactly the bytes of a stored version
    STORED_SIGNED = "stored_signed"  # a stored version plus valid PAdES signatures only
    DRAFT = "draft"  # a draft protocol (not a stored version, never adopted)
    CHANGED = "changed"  # see ``PdfCheck.change``
    UNKNOWN = "unknown"  # not a Komisja protocol, or not a PDF


class Change(StrEnum):
    """What is wrong with a copy that is not a stored version (``PdfVerdict.CHANGED``)."""

    NOT_STORED = "not_stored"  # claims a version; no stored bytes to compare it with
    BYTES_CHANGED = "bytes_changed"  # same length as the stored version, bytes differ
    BYTES_INSERTED = "bytes_inserted"  # the stored version with bytes inserted in it
    BYTES_REMOVED = "bytes_removed"  # the stored version with bytes cut out of it
    RESAVED = "resaved"  # the same page content written anew (another program saved it)
    CONTENT_DIFFERS = "content_differs"  # page content differs from the version it claims
    TRAILING_GARBAGE = "trailing_garbage"  # bytes after the stored version that are no PDF
    TRAILING_COMMENT = "trailing_comment"  # only comments/white space after the last %%EOF
    UNSIGNED_UPDATE = "unsigned_update"  # an incremental update that adds no signature
    SIGNATURE_REMOVED = "signature_removed"  # a signature added and then taken out again
    SIGNATURE_BROKEN = "signature_broken"  # a signature that is not intact or not valid
    SIGNATURE_INCOMPLETE = "signature_incomplete"  # does not cover its revision / the file
    CONTENT_MODIFIED = "content_modified"  # updates change more than signature fields
    DRAFT_AS_FINAL = "draft_as_final"  # a draft stored or re-labelled as a final version


@dataclass(frozen=True)
class PdfCheck:
    """What a PDF is, as codes and plain values (the caller words them)."""

    verdict: PdfVerdict
    stored: StoredRef | None = None  # the stored version the file is, or starts with
    change: Change | None = None
    fingerprint: str = ""  # the data fingerprint printed in the file ("" if none)
    version: int | None = None  # the version number the file states
    competition_uid: str = ""  # the competition the file states
    generated_at: datetime | None = None  # the file's creation date (a draft's date)
    signatures: tuple[SignatureCheck, ...] = ()
    modification: str = ""  # the ModificationLevel name after the stored version, if judged
    changed_bytes: int = 0  # for BYTES_CHANGED: how many bytes differ
    details: tuple[str, ...] = field(default_factory=tuple)  # short technical notes for logs


class WorkbookVerdict(StrEnum):
    STORED = "stored"
    CHANGED = "changed"  # claims a version (or comes from a stored one) but differs
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class WorkbookCheck:
    verdict: WorkbookVerdict
    stored: StoredRef | None = None
    fingerprint: str = ""
    version: int | None = None
    competition_uid: str = ""


# ---------------------------------------------------------------------------------------------
# PDF


def _revision_ends(data: bytes) -> list[int]:
    """Offsets just after each ``%%EOF`` (and its line end), in file order."""
    return [match.end() for match in _EOF.finditer(data)]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stored_prefix(
    data: bytes, is_stored: Callable[[str], StoredRef | None]
) -> tuple[int, StoredRef] | None:
    """The longest prefix that ends a revision (or the file) and is a stored version.

    A line end after ``%%EOF`` may belong to either revision, so both cuts are tried. The
    digests are computed in one pass over the file, however many ``%%EOF`` it holds.
    """
    cuts: set[int] = {len(data)}
    for match in _EOF.finditer(data):
        cuts.update((match.start() + len(b"%%EOF"), match.end()))
    hasher = hashlib.sha256()
    done = 0
    digests: list[tuple[int, str]] = []
    for cut in sorted(cuts):
        hasher.update(data[done:cut])
        done = cut
        digests.append((cut, hasher.copy().hexdigest()))
    for cut, digest in reversed(digests):
        ref = is_stored(digest)
        if ref is not None:
            return cut, ref
    return None


def _pdf_date(value: str) -> datetime | None:
    match = _PDF_DATE.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Claims:
    """The Komisja metadata of one revision."""

    fingerprint: str = ""
    version: int | None = None
    competition_uid: str = ""
    status: str = ""
    created: datetime | None = None

    @property
    def is_protocol(self) -> bool:
        return bool(self.fingerprint)


def _claims(pdf: bytes) -> _Claims:
    try:
        meta = read_protocol_metadata(pdf)
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        info = reader.trailer_view.get("/Info")
        created = ""
        if info is not None:
            created = str(info.get_object().get("/CreationDate", ""))
    except READ_ERRORS as error:
        log.info("protocol metadata not readable: %s", error)
        return _Claims()
    version = meta.get("KomisjaVersion", "")
    return _Claims(
        fingerprint=meta.get(KEY_FINGERPRINT, ""),
        version=int(version) if version.isdigit() else None,
        competition_uid=meta.get("KomisjaCompetition", ""),
        status=meta.get(KEY_STATUS, ""),
        created=_pdf_date(created),
    )


def _original_claims(data: bytes) -> _Claims:
    """The metadata as the file's first revision states it (later updates may rewrite it)."""
    ends = _revision_ends(data)
    if ends:
        first = _claims(data[: ends[0]])
        if first.is_protocol:
            return first
    return _claims(data)


def _result(
    verdict: PdfVerdict,
    claims: _Claims,
    stored: StoredRef | None = None,
    change: Change | None = None,
    *,
    signatures: tuple[SignatureCheck, ...] = (),
    modification: str = "",
    changed_bytes: int = 0,
    details: tuple[str, ...] = (),
) -> PdfCheck:
    return PdfCheck(
        verdict,
        stored,
        change,
        fingerprint=claims.fingerprint,
        version=claims.version,
        competition_uid=claims.competition_uid,
        generated_at=claims.created,
        signatures=signatures,
        modification=modification,
        changed_bytes=changed_bytes,
        details=details,
    )


def _page_contents(pdf: bytes) -> list[bytes] | None:
    """The decoded content streams of every page, or None if the file cannot be read."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        pages = []
        for page in _pages(reader):
            contents = page.get("/Contents")
            if contents is None:
                pages.append(b"")
                continue
            contents = contents.get_object()
            streams = contents if isinstance(contents, list) else [contents]
            pages.append(b"\n".join(s.get_object().data for s in streams))
        return pages
    except READ_ERRORS as error:
        log.info("page content not readable: %s", error)
        return None


def _pages(reader: PdfFileReader) -> list[DictionaryObject]:
    """The page dictionaries in order."""
    result: list[DictionaryObject] = []
    stack = [reader.root["/Pages"].get_object()]
    while stack:
        node = stack.pop()
        if node.get("/Type") == NameObject("/Pages"):
            stack.extend(kid.get_object() for kid in reversed(node["/Kids"]))
        else:
            result.append(node)
    return result


def _compare(data: bytes, stored: bytes) -> tuple[Change, int]:
    """How a copy that claims a version differs from that version's stored bytes."""
    if len(data) == len(stored):
        differing = sum(1 for a, b in zip(data, stored, strict=True) if a != b)
        return Change.BYTES_CHANGED, differing
    head = 0
    limit = min(len(data), len(stored))
    while head < limit and data[head] == stored[head]:
        head += 1
    tail = 0
    while tail < limit - head and data[-1 - tail] == stored[-1 - tail]:
        tail += 1
    if head + tail >= len(stored):
        return Change.BYTES_INSERTED, len(data) - len(stored)
    if head + tail >= len(data):
        return Change.BYTES_REMOVED, len(stored) - len(data)
    ours = _page_contents(stored)
    theirs = _page_contents(data)
    if ours is not None and ours == theirs:
        return Change.RESAVED, 0
    return Change.CONTENT_DIFFERS, 0


def _adds_signature_object(reader: PdfFileReader, revision: int) -> bool:
    """Whether an update writes a signature dictionary (even one no field points to now)."""
    for ref in reader.xrefs.explicit_refs_in_revision(revision):
        try:
            obj = reader.get_historical_resolver(revision)(ref)
        except READ_ERRORS as error:
            log.info("object %s of revision %d not readable: %s", ref, revision, error)
            continue
        if isinstance(obj, DictionaryObject) and (
            obj.get("/Type") in ("/Sig", "/DocTimeStamp") or "/ByteRange" in obj
        ):
            return True
    return False


def _same(old: object, new: object) -> bool:
    """Structural equality of two PDF values; references compare by object number."""
    if isinstance(old, IndirectObject) or isinstance(new, IndirectObject):
        return (
            isinstance(old, IndirectObject)
            and isinstance(new, IndirectObject)
            and (old.idnum, old.generation) == (new.idnum, new.generation)
        )
    if isinstance(old, StreamObject) or isinstance(new, StreamObject):
        return (
            isinstance(old, StreamObject)
            and isinstance(new, StreamObject)
            and old.encoded_data == new.encoded_data
            and _same_dict(old, new, frozenset())
        )
    if isinstance(old, DictionaryObject) or isinstance(new, DictionaryObject):
        return (
            isinstance(old, DictionaryObject)
            and isinstance(new, DictionaryObject)
            and _same_dict(old, new, frozenset())
        )
    if isinstance(old, ArrayObject) or isinstance(new, ArrayObject):
        return (
            isinstance(old, ArrayObject)
            and isinstance(new, ArrayObject)
            and len(old) == len(new)
            and all(_same(a, b) for a, b in zip(old, new, strict=True))
        )
    return type(old) is type(new) and old == new


def _same_dict(old: DictionaryObject, new: DictionaryObject, free: frozenset[str]) -> bool:
    """Equal except for the keys in ``free`` (which may differ, appear or disappear)."""
    keys = (set(old) | set(new)) - free
    return all(
        key in old and key in new and _same(old.raw_get(key), new.raw_get(key)) for key in keys
    )


def _is_signature_widget(value: object) -> bool:
    annotation = deref(value)
    if not isinstance(annotation, DictionaryObject):
        return False
    kind = annotation.get("/FT")
    if kind is None and "/Parent" in annotation:
        kind = annotation["/Parent"].get("/FT")
    return annotation.get("/Subtype") == "/Widget" and kind == "/Sig"


# What signing may add to the catalog: the form, and the PDF version and extension level
# (pyHanko declares PDF 2.0 / the ESIC extension for PAdES).
_CATALOG_FREE = frozenset({"/AcroForm", "/Version", "/Extensions"})


def _only_adds_signature(reader: PdfFileReader, base: int, revision: int) -> bool:
    """Whether the update right after the stored version does no more than sign.

    pyHanko's difference analysis starts from a signed revision (one with a form); the stored
    protocol has none, so the first update is checked here: the objects it overwrites may
    gain a form, a version and extensions (catalog), signature widgets (a page and its
    annotation list) or new Info and XMP metadata, and nothing else; every object it adds is
    only reachable through those.
    """
    xrefs = reader.xrefs
    if xrefs.refs_freed_in_revision(revision):
        return False
    old = reader.get_historical_resolver(base)
    new = reader.get_historical_resolver(revision)
    root = new.trailer_view.raw_get("/Root")
    catalog = root.reference if isinstance(root, IndirectObject) else None
    metadata = {
        value.idnum
        for value in (new.trailer_view.raw_get("/Info"), new.root.raw_get("/Metadata"))
        if isinstance(value, IndirectObject)
    }
    for ref in xrefs.explicit_refs_in_revision(revision):
        if xrefs.get_introducing_revision(ref) == revision:
            continue  # new: only reachable through the changes vetted here
        before, after = old(ref), new(ref)
        if _same(before, after):
            continue
        if catalog is not None and (ref.idnum, ref.generation) == (
            catalog.idnum,
            catalog.generation,
        ):
            if not _same_dict(before, after, _CATALOG_FREE):
                return False
            fields = after["/AcroForm"].get("/Fields", ArrayObject())
            if not all(_is_signature_widget(f) for f in fields):
                return False
        elif ref.idnum in metadata:
            continue  # Info and XMP are read from the stored revision, never from updates
        elif isinstance(before, DictionaryObject) and before.get("/Type") == "/Page":
            if not _same_dict(before, after, frozenset({"/Annots"})):
                return False
            if not _annotations_added(before.get("/Annots"), after.get("/Annots")):
                return False
        elif isinstance(before, ArrayObject) and isinstance(after, ArrayObject):
            if not _annotations_added(before, after):  # a page's own annotation list
                return False
        else:
            return False
    return True


def _annotations_added(before: object, after: object) -> bool:
    old = list(before) if isinstance(before, ArrayObject) else []
    new = list(after) if isinstance(after, ArrayObject) else []
    return (
        len(new) >= len(old)
        and all(_same(a, b) for a, b in zip(old, new, strict=False))
        and all(_is_signature_widget(a) for a in new[len(old) :])
    )


def _check_updates(
    data: bytes, base_end: int, trust: TrustSettings
) -> tuple[Change | None, tuple[SignatureCheck, ...], str, tuple[str, ...]]:
    """Judge what follows the stored bytes: (change or None, signatures, level, notes)."""
    tail = data[base_end:]
    ends = _revision_ends(tail)
    last = ends[-1] if ends else 0
    if not ends:
        inert = _INERT.fullmatch(tail) is not None
        return (Change.TRAILING_COMMENT if inert else Change.TRAILING_GARBAGE), (), "", ()
    try:
        base_revisions = PdfFileReader(io.BytesIO(data[:base_end]), strict=False)
        base_count = base_revisions.xrefs.total_revisions
        base_startxref = base_revisions.xrefs.get_startxref_for_revision(base_count - 1)
        reader = PdfFileReader(io.BytesIO(data[: base_end + last]), strict=False)
        total = reader.xrefs.total_revisions
        chained = (
            total > base_count
            and reader.xrefs.get_startxref_for_revision(base_count - 1) == base_startxref
        )
        signatures = list(reader.embedded_signatures)
    except READ_ERRORS as error:
        log.info("update after the stored version not readable: %s", error)
        return Change.TRAILING_GARBAGE, (), "", (str(error),)
    if not chained:
        return Change.TRAILING_GARBAGE, (), "", ("updates do not continue the stored version",)
    if base_end + last < len(data):  # bytes after the last revision's %%EOF
        inert = _INERT.fullmatch(data[base_end + last :]) is not None
        return (Change.TRAILING_COMMENT if inert else Change.TRAILING_GARBAGE), (), "", ()
    try:
        return _judge(reader, base_count, signatures, trust)
    except READ_ERRORS as error:  # a hostile update that pyHanko cannot even compare
        log.info("update after the stored version not comparable: %s", error)
        return Change.CONTENT_MODIFIED, (), ModificationLevel.OTHER.name, (str(error),)


def _judge(
    reader: PdfFileReader,
    base_count: int,
    signatures: list[EmbeddedPdfSignature],
    trust: TrustSettings,
) -> tuple[Change | None, tuple[SignatureCheck, ...], str, tuple[str, ...]]:
    """Judge the signed updates after the stored revision (``base_count`` revisions)."""
    total = reader.xrefs.total_revisions
    context = validation_context(trust)
    newest_revision = total - 1
    pages = page_numbers(reader)
    checks = tuple(
        check_signature(sig, context, newest=sig.signed_revision == newest_revision, pages=pages)
        for sig in signatures
        if sig.signed_revision >= base_count
    )
    by_revision = {check.revision for check in checks}
    for revision in range(base_count, total):
        if revision not in by_revision:
            removed = _adds_signature_object(reader, revision)
            return (
                Change.SIGNATURE_REMOVED if removed else Change.UNSIGNED_UPDATE,
                checks,
                "",
                (f"revision {revision} adds no signature",),
            )
    for check in checks:
        if check.problem is SignatureProblem.BROKEN:
            return Change.SIGNATURE_BROKEN, checks, "", ()
    for check in checks:
        if check.problem is SignatureProblem.INCOMPLETE:
            return Change.SIGNATURE_INCOMPLETE, checks, "", ()
    if not _only_adds_signature(reader, base_count - 1, base_count):
        return Change.CONTENT_MODIFIED, checks, ModificationLevel.OTHER.name, ()
    level = ModificationLevel.FORM_FILLING  # a signature field created and filled
    if total > base_count + 1:
        review = DEFAULT_DIFF_POLICY.review_file(reader, base_count)
        if isinstance(review, SuspiciousModification):
            return Change.CONTENT_MODIFIED, checks, ModificationLevel.OTHER.name, (str(review),)
        level = max(level, review.modification_level)
        signature_fields = {check.field_name for check in checks}
        if level > ALLOWED_MODIFICATION or not review.changed_form_fields <= signature_fields:
            return Change.CONTENT_MODIFIED, checks, level.name, ()
    return None, checks, level.name, ()


def check_pdf(
    data: bytes,
    is_stored: Callable[[str], StoredRef | None],
    trust: TrustSettings,
    reference: Callable[[str, int], bytes | None] | None = None,
) -> PdfCheck:
    """What ``data`` is: a stored version (signed or not), a draft, a changed copy, or unknown.

    ``is_stored(sha256_hex)`` names the stored version whose PDF has that digest;
    ``reference(competition_uid, version)`` returns the stored PDF of the version a file
    claims to be, so that a changed copy can be told apart by kind (optional).
    """
    found = _stored_prefix(data, is_stored)
    if found is not None:
        end, ref = found
        claims = _claims(data[:end])
        if claims.status == STATUS_DRAFT:
            return _result(PdfVerdict.CHANGED, claims, ref, Change.DRAFT_AS_FINAL)
        if end == len(data):
            return _result(PdfVerdict.STORED, claims, ref)
        change, signatures, level, notes = _check_updates(data, end, trust)
        verdict = PdfVerdict.STORED_SIGNED if change is None else PdfVerdict.CHANGED
        return _result(
            verdict,
            claims,
            ref,
            change,
            signatures=signatures,
            modification=level,
            details=notes,
        )
    claims = _original_claims(data)
    if not claims.is_protocol:
        return PdfCheck(PdfVerdict.UNKNOWN)
    if claims.status == STATUS_DRAFT:
        if _claims(data).status != STATUS_DRAFT:
            return _result(PdfVerdict.CHANGED, claims, None, Change.DRAFT_AS_FINAL)
        return _result(PdfVerdict.DRAFT, claims)
    stored = (
        reference(claims.competition_uid, claims.version)
        if reference is not None and claims.version is not None
        else None
    )
    if stored is None:
        return _result(PdfVerdict.CHANGED, claims, None, Change.NOT_STORED)
    change, count = _compare(data, stored)
    return _result(
        PdfVerdict.CHANGED, claims, is_stored(_sha256(stored)), change, changed_bytes=count
    )


# ---------------------------------------------------------------------------------------------
# Workbook


def _workbook_claims(data: bytes) -> tuple[str, int | None, str]:
    """(fingerprint, version, competition uid) from the workbook's document properties."""
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            core = archive.read("docProps/core.xml")
        root = ElementTree.fromstring(core)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError) as error:
        log.info("workbook properties not readable: %s", error)
        return "", None, ""
    values = {element.tag.rsplit("}", 1)[-1]: (element.text or "") for element in root}
    parts = dict(
        item.strip().split("=", 1) for item in values.get("keywords", "").split(";") if "=" in item
    )
    version = parts.get("version", "")
    return (
        parts.get("fingerprint", ""),
        int(version) if version.isdigit() else None,
        values.get("identifier", ""),
    )


def check_workbook(data: bytes, is_stored: Callable[[str], StoredRef | None]) -> WorkbookCheck:
    """A workbook is a stored version's only if it is byte for byte that version's file."""
    fingerprint, version, uid = _workbook_claims(data)
    ref = is_stored(_sha256(data))
    if ref is not None:
        return WorkbookCheck(WorkbookVerdict.STORED, ref, fingerprint, version, uid)
    if fingerprint:
        return WorkbookCheck(WorkbookVerdict.CHANGED, None, fingerprint, version, uid)
    return WorkbookCheck(WorkbookVerdict.UNKNOWN)
