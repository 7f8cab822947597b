"""The tamper suite for protocol files: every kind of change is caught with its own code.

Each case is a real file: the protocol as the program renders it, signed by the program's own
``sign_pdf`` (pyHanko) with certificates made here, then changed the way a forger would.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pyhanko.pdf_utils.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    StreamObject,
    pdf_string,
)
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from app.protocol.pdf import read_protocol_metadata, render_pdf
from app.protocol.sign import sign_pdf
from app.protocol.verify import (
    Change,
    PdfCheck,
    PdfVerdict,
    SignatureKind,
    SignatureProblem,
    StoredRef,
    TrustSettings,
    WorkbookVerdict,
    check_pdf,
    check_workbook,
)
from app.protocol.xlsx import render_xlsx
from tests.unit.protocol.test_protocol_samples import sample_document, sample_investor_document

PASSWORD = b"haslo-testowe"


class Pki:
    """A test root CA, a signer it issued, and a stranger with a self-signed certificate."""

    def __init__(self) -> None:
        now = datetime.now(UTC)
        self.ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Komisja Test Root CA")])
        self.ca = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(self.ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .sign(self.ca_key, hashes.SHA256())
        )
        self.signer, self.signer_p12 = self._person("Iwona Musz", issued=True)
        self.second, self.second_p12 = self._person("Jan Żółkiewski", issued=True)
        self.stranger, self.stranger_p12 = self._person("Nieznany Podpisujący", issued=False)
        self.tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        tsa_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Komisja Test TSA")])
        self.tsa = (
            x509.CertificateBuilder()
            .subject_name(tsa_name)
            .issuer_name(self.ca.subject)
            .public_key(self.tsa_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=30))
            .add_extension(
                x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
            .sign(self.ca_key, hashes.SHA256())
        )

    def _person(self, name: str, *, issued: bool) -> tuple[x509.Certificate, bytes]:
        now = datetime.now(UTC)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        issuer = self.ca.subject if issued else subject
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=30))
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .sign(self.ca_key if issued else key, hashes.SHA256())
        )
        p12 = pkcs12.serialize_key_and_certificates(
            b"podpis",
            key,
            cert,
            [self.ca] if issued else None,
            serialization.BestAvailableEncryption(PASSWORD),
        )
        return cert, p12

    @property
    def trust(self) -> TrustSettings:
        return TrustSettings(roots=(self.ca.public_bytes(serialization.Encoding.DER),))


class Store:
    """Stands in for the database: the stored versions' bytes by digest and by version."""

    def __init__(self, *files: bytes) -> None:
        self.by_digest = {
            hashlib.sha256(data).hexdigest(): (StoredRef(n, n), data)
            for n, data in enumerate(files, 1)
        }
        self.by_version: dict[tuple[str, int], bytes] = {}
        for data in files:
            if not data.startswith(b"%PDF"):
                continue
            meta = read_protocol_metadata(data)
            key = (meta.get("KomisjaCompetition", ""), int(meta.get("KomisjaVersion", "0")))
            self.by_version[key] = data

    def is_stored(self, digest: str) -> StoredRef | None:
        found = self.by_digest.get(digest)
        return found[0] if found else None

    def reference(self, uid: str, version: int) -> bytes | None:
        return self.by_version.get((uid, version))


@pytest.fixture(scope="module")
def pki() -> Pki:
    return Pki()


@pytest.fixture(scope="module")
def stored_pdf() -> bytes:
    return render_pdf(sample_document())


@pytest.fixture(scope="module")
def store(stored_pdf: bytes) -> Store:
    return Store(stored_pdf)


@pytest.fixture(scope="module")
def signed_pdf(stored_pdf: bytes, pki: Pki) -> bytes:
    return sign_pdf(
        stored_pdf, pki.signer_p12, PASSWORD, signer_name="Iwona Musz", reason="Przyjęcie"
    )


def check(data: bytes, store: Store, pki: Pki) -> PdfCheck:
    return check_pdf(data, store.is_stored, pki.trust, store.reference)


# --- accepted -----------------------------------------------------------------------------


def test_the_stored_bytes_are_the_stored_version(stored_pdf: bytes, store: Store, pki: Pki) -> None:
    result = check(stored_pdf, store, pki)
    assert result.verdict is PdfVerdict.STORED and result.change is None
    assert result.stored == StoredRef(1, 1)
    doc = sample_document()
    assert result.fingerprint == doc.fingerprint and result.version == doc.version
    assert result.competition_uid == doc.competition.uid
    assert result.signatures == ()


def test_a_signature_by_a_trusted_ca_is_accepted_and_reported(
    stored_pdf: bytes, signed_pdf: bytes, store: Store, pki: Pki
) -> None:
    result = check(signed_pdf, store, pki)
    assert result.verdict is PdfVerdict.STORED_SIGNED, result
    assert result.change is None and result.stored == StoredRef(1, 1)
    (signature,) = result.signatures
    assert signature.signer == "Iwona Musz"
    assert signature.serial == format(pki.signer.serial_number, "x")
    assert "Komisja Test Root CA" in signature.issuer
    assert signature.intact and signature.valid and signature.trusted
    assert signature.problem is None and signature.coverage == "ENTIRE_FILE"
    assert signature.signing_time is not None
    assert abs(signature.signing_time - datetime.now(UTC)) < timedelta(minutes=10)
    assert result.modification in ("LTA_UPDATES", "FORM_FILLING")
    assert result.fingerprint == sample_document().fingerprint
    # drawn in the box the renderer reserved on the signature page
    box = read_protocol_metadata(stored_pdf)["KomisjaSignatureBox"].split()
    assert signature.page == int(box[0])
    assert signature.rect is not None
    x1, y1, x2, y2 = signature.rect
    assert float(box[1]) <= x1 < x2 <= float(box[3]) and float(box[2]) <= y1 < y2 <= float(box[4])


def test_two_signatures_are_each_validated(signed_pdf: bytes, store: Store, pki: Pki) -> None:
    twice = sign_pdf(
        signed_pdf, pki.second_p12, PASSWORD, signer_name="Jan Żółkiewski", reason="Zatwierdzam"
    )
    result = check(twice, store, pki)
    assert result.verdict is PdfVerdict.STORED_SIGNED, result
    first, second = result.signatures
    assert (first.signer, second.signer) == ("Iwona Musz", "Jan Żółkiewski")
    assert first.coverage == "ENTIRE_REVISION" and second.coverage == "ENTIRE_FILE"
    assert all(s.valid and s.trusted and s.problem is None for s in result.signatures)
    assert first.revision < second.revision


def test_an_unknown_certificate_is_reported_untrusted_not_changed(
    stored_pdf: bytes, store: Store, pki: Pki
) -> None:
    signed = sign_pdf(
        stored_pdf, pki.stranger_p12, PASSWORD, signer_name="Nieznany", reason="Przyjęcie"
    )
    result = check(signed, store, pki)
    assert result.verdict is PdfVerdict.STORED_SIGNED
    (signature,) = result.signatures
    assert signature.signer == "Nieznany Podpisujący"
    assert signature.intact and signature.valid and not signature.trusted


def test_a_document_time_stamp_after_the_signature_is_accepted(
    signed_pdf: bytes, store: Store, pki: Pki
) -> None:
    """Long-term archival: a time stamp added later is reported, not taken for a change."""
    tsa = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(pki.tsa.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            pki.tsa_key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )
    out = io.BytesIO()
    PdfTimeStamper(tsa, field_name="Znacznik").timestamp_pdf(
        IncrementalPdfFileWriter(io.BytesIO(signed_pdf), strict=False), "sha256", output=out
    )
    result = check(out.getvalue(), store, pki)
    assert result.verdict is PdfVerdict.STORED_SIGNED, result
    signature, stamp = result.signatures
    assert signature.kind is SignatureKind.SIGNATURE and signature.signer == "Iwona Musz"
    assert stamp.kind is SignatureKind.TIMESTAMP and stamp.signer == "Komisja Test TSA"
    assert stamp.valid and stamp.trusted and stamp.signing_time is not None
    assert stamp.rect is not None and stamp.rect[0] == stamp.rect[2]  # invisible
    assert result.modification == "FORM_FILLING"


# --- changed, each with its own code ---------------------------------------------------------


def _changed(result: PdfCheck, change: Change) -> None:
    assert result.verdict is PdfVerdict.CHANGED, result
    assert result.change is change, result


def test_a_flipped_byte(stored_pdf: bytes, store: Store, pki: Pki) -> None:
    at = len(stored_pdf) // 2
    flipped = stored_pdf[:at] + bytes([stored_pdf[at] ^ 0x01]) + stored_pdf[at + 1 :]
    result = check(flipped, store, pki)
    _changed(result, Change.BYTES_CHANGED)
    assert result.changed_bytes == 1 and result.stored == StoredRef(1, 1)
    # without the stored bytes to compare, still not accepted
    plain = check_pdf(flipped, store.is_stored, pki.trust)
    _changed(plain, Change.NOT_STORED)


def test_an_inserted_byte(stored_pdf: bytes, store: Store, pki: Pki) -> None:
    at = len(stored_pdf) // 3
    inserted = stored_pdf[:at] + b" " + stored_pdf[at:]
    _changed(check(inserted, store, pki), Change.BYTES_INSERTED)


def test_appended_garbage(stored_pdf: bytes, store: Store, pki: Pki) -> None:
    _changed(check(stored_pdf + b"\x00\xffGARBAGE\x13\x37", store, pki), Change.TRAILING_GARBAGE)


def test_a_comment_after_eof(stored_pdf: bytes, signed_pdf: bytes, store: Store, pki: Pki) -> None:
    _changed(check(stored_pdf + b"% x\n", store, pki), Change.TRAILING_COMMENT)
    _changed(check(signed_pdf + b"% x", store, pki), Change.TRAILING_COMMENT)


def _update(data: bytes, edit: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    edit(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _change_text(writer: IncrementalPdfFileWriter) -> None:
    """Adds a line of text on the first page, as a forger's editor would."""
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    extra = StreamObject(stream_data=b"BT /F1 12 Tf 100 100 Td (24 000,00 zl) Tj ET")
    ref = writer.add_object(extra)
    contents = page.raw_get("/Contents")
    kids = list(contents) if isinstance(contents, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([*kids, ref])
    writer.update_container(page)


def test_an_unsigned_update_changing_text(stored_pdf: bytes, store: Store, pki: Pki) -> None:
    _changed(check(_update(stored_pdf, _change_text), store, pki), Change.UNSIGNED_UPDATE)


def test_a_signed_update_changing_text(stored_pdf: bytes, store: Store, pki: Pki) -> None:
    """Text changed in an update, then signed (even by a trusted signer): still changed."""
    forged = sign_pdf(
        _update(stored_pdf, _change_text),
        pki.signer_p12,
        PASSWORD,
        signer_name="Iwona Musz",
        reason="x",
    )
    # the text update is a revision of its own without a signature
    _changed(check(forged, store, pki), Change.UNSIGNED_UPDATE)


def test_text_changed_after_a_signature(signed_pdf: bytes, store: Store, pki: Pki) -> None:
    changed = sign_pdf(
        _update(signed_pdf, _change_text),
        pki.second_p12,
        PASSWORD,
        signer_name="Jan Żółkiewski",
        reason="x",
    )
    _changed(check(changed, store, pki), Change.UNSIGNED_UPDATE)


def test_text_changed_inside_a_signing_update(stored_pdf: bytes, store: Store, pki: Pki) -> None:
    """One update that both changes the page and adds a valid signature: still changed."""
    result = check(_sign_with_change(stored_pdf, pki, _change_text, "Podpis"), store, pki)
    _changed(result, Change.CONTENT_MODIFIED)
    assert result.modification == "OTHER"
    (signature,) = result.signatures
    assert signature.valid and signature.trusted  # a valid signature does not excuse it


def _sign_with_change(
    data: bytes, pki: Pki, edit: Callable[[IncrementalPdfFileWriter], None], field: str
) -> bytes:
    """One update that makes ``edit`` and adds a valid signature by a trusted signer."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    edit(writer)
    signer = signers.SimpleSigner.load_pkcs12_data(pki.second_p12, (), passphrase=PASSWORD)
    out = io.BytesIO()
    signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256"), signer=signer
    ).sign_pdf(writer, output=out)
    return out.getvalue()


def test_text_changed_inside_a_second_signing_update(
    signed_pdf: bytes, store: Store, pki: Pki
) -> None:
    """After a first signature, pyHanko's difference analysis catches the change."""
    forged = _sign_with_change(signed_pdf, pki, _change_text, "Drugi")
    result = check(forged, store, pki)
    _changed(result, Change.CONTENT_MODIFIED)
    assert result.modification == "OTHER"
    assert [s.signer for s in result.signatures] == ["Iwona Musz", "Jan Żółkiewski"]
    assert all(s.valid and s.trusted for s in result.signatures)


def _add_note(writer: IncrementalPdfFileWriter) -> None:
    """A free-text annotation over the page: not page content, still a visible change."""
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    note = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FreeText"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (100, 100, 300, 120)]),
            NameObject("/Contents"): pdf_string("24 000,00 zł"),
            NameObject("/DA"): pdf_string("/Helv 12 Tf 0 g"),
        }
    )
    annots = page.get("/Annots")
    existing = list(annots) if isinstance(annots, ArrayObject) else []
    page[NameObject("/Annots")] = ArrayObject([*existing, writer.add_object(note)])
    writer.update_container(page)


def test_an_annotation_added_inside_a_signing_update(
    stored_pdf: bytes, signed_pdf: bytes, store: Store, pki: Pki
) -> None:
    first = check(_sign_with_change(stored_pdf, pki, _add_note, "Podpis"), store, pki)
    _changed(first, Change.CONTENT_MODIFIED)
    later = check(_sign_with_change(signed_pdf, pki, _add_note, "Drugi"), store, pki)
    _changed(later, Change.CONTENT_MODIFIED)


def test_a_removed_signature(signed_pdf: bytes, store: Store, pki: Pki) -> None:
    def unsign(writer: IncrementalPdfFileWriter) -> None:
        for field_ref in writer.root["/AcroForm"]["/Fields"]:
            sig_field = field_ref.get_object()
            if "/V" in sig_field:
                del sig_field["/V"]
                writer.update_container(sig_field)

    _changed(check(_update(signed_pdf, unsign), store, pki), Change.SIGNATURE_REMOVED)


def test_a_signature_that_no_longer_covers_the_file(
    signed_pdf: bytes, store: Store, pki: Pki
) -> None:
    """A second end-of-file section pointing at the signed cross-reference section: the file
    reads the same, but the signature stops short of its end."""
    last_xref = re.findall(rb"startxref\s+(\d+)", signed_pdf)[-1]
    extended = signed_pdf + b"startxref\n" + last_xref + b"\n%%EOF\n"
    result = check(extended, store, pki)
    _changed(result, Change.SIGNATURE_INCOMPLETE)
    (signature,) = result.signatures
    assert signature.problem is SignatureProblem.INCOMPLETE and signature.valid


def test_a_broken_signature(signed_pdf: bytes, store: Store, pki: Pki) -> None:
    match = list(re.finditer(rb"/Contents\s*<([0-9a-fA-F]+)>", signed_pdf))[-1]
    hex_start, hex_end = match.span(1)
    # a byte of the signature value near the end of the CMS's meaningful part
    meaningful = match.group(1).rstrip(b"0")
    at = hex_start + len(meaningful) - 10
    digit = b"0" if signed_pdf[at : at + 1] != b"0" else b"1"
    broken = signed_pdf[:at] + digit + signed_pdf[at + 1 :]
    assert len(broken) == len(signed_pdf) and hex_start < at < hex_end
    result = check(broken, store, pki)
    _changed(result, Change.SIGNATURE_BROKEN)
    (signature,) = result.signatures
    assert signature.problem is SignatureProblem.BROKEN and not signature.valid


def test_bytes_written_into_the_signature_padding(
    signed_pdf: bytes, store: Store, pki: Pki
) -> None:
    """The zero padding after the CMS is not signed; anything written there is a change."""
    match = list(re.finditer(rb"/Contents\s*<([0-9a-fA-F]+)>", signed_pdf))[-1]
    at = match.end(1) - 4
    assert signed_pdf[at : at + 1] == b"0"
    written = signed_pdf[:at] + b"7" + signed_pdf[at + 1 :]
    _changed(check(written, store, pki), Change.SIGNATURE_BROKEN)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_a_qpdf_resave(stored_pdf: bytes, store: Store, pki: Pki, tmp_path: Path) -> None:
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(stored_pdf)
    subprocess.run(["qpdf", str(source), str(target)], check=True)
    resaved = target.read_bytes()
    assert resaved != stored_pdf
    result = check(resaved, store, pki)
    _changed(result, Change.RESAVED)
    assert result.fingerprint == sample_document().fingerprint


def test_a_different_protocol_claiming_the_version(store: Store, pki: Pki) -> None:
    other = render_pdf(replace(sample_document(), remarks=("Dopisana uwaga.",)))
    _changed(check(other, store, pki), Change.CONTENT_DIFFERS)


# --- drafts ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def draft_pdf() -> bytes:
    return render_pdf(sample_document(signed=False))


def test_a_draft_is_a_draft(draft_pdf: bytes, store: Store, pki: Pki) -> None:
    result = check(draft_pdf, store, pki)
    assert result.verdict is PdfVerdict.DRAFT and result.change is None
    doc = sample_document(signed=False)
    assert result.generated_at == doc.generated_at.astimezone(UTC).replace(microsecond=0)
    assert result.fingerprint == doc.fingerprint


def test_a_draft_stored_as_a_final_version(draft_pdf: bytes, pki: Pki) -> None:
    planted = Store(draft_pdf)
    result = check_pdf(draft_pdf, planted.is_stored, pki.trust)
    _changed(result, Change.DRAFT_AS_FINAL)


def test_a_draft_relabelled_final(draft_pdf: bytes, store: Store, pki: Pki) -> None:
    def relabel(writer: IncrementalPdfFileWriter) -> None:
        info = writer.trailer["/Info"].get_object()
        info[NameObject("/KomisjaStatus")] = pdf_string("final")
        writer.update_container(info)

    relabelled = _update(draft_pdf, relabel)
    _changed(check(relabelled, store, pki), Change.DRAFT_AS_FINAL)


def test_not_a_protocol(store: Store, pki: Pki) -> None:
    assert check(b"%PDF-1.4\n%%EOF\n", store, pki).verdict is PdfVerdict.UNKNOWN
    assert check(b"not a pdf", store, pki).verdict is PdfVerdict.UNKNOWN


# --- workbook -------------------------------------------------------------------------------


def test_a_workbook_is_stored_only_if_identical() -> None:
    doc = sample_investor_document()
    workbook = render_xlsx(doc)
    store = Store(workbook)
    result = check_workbook(workbook, store.is_stored)
    assert result.verdict is WorkbookVerdict.STORED and result.stored == StoredRef(1, 1)
    assert result.fingerprint == doc.fingerprint and result.version == doc.version
    assert result.competition_uid == doc.competition.uid
    at = len(workbook) // 2
    flipped = workbook[:at] + bytes([workbook[at] ^ 1]) + workbook[at + 1 :]
    assert check_workbook(flipped, store.is_stored).verdict in (
        WorkbookVerdict.CHANGED,
        WorkbookVerdict.UNKNOWN,
    )
    assert check_workbook(workbook + b"\0", store.is_stored).verdict is WorkbookVerdict.CHANGED
    assert check_workbook(b"PK junk", store.is_stored).verdict is WorkbookVerdict.UNKNOWN


# --- properties -----------------------------------------------------------------------------


class Files:
    """The stored and the signed file, with a short repr (hypothesis prints its arguments)."""

    def __init__(self, stored: bytes, signed: bytes, store: Store, pki: Pki) -> None:
        self.stored, self.signed, self.store, self.pki = stored, signed, store, pki

    def __repr__(self) -> str:
        return "Files(stored, signed)"


@pytest.fixture(scope="module")
def files(stored_pdf: bytes, signed_pdf: bytes, store: Store, pki: Pki) -> Files:
    return Files(stored_pdf, signed_pdf, store, pki)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tail=st.binary(min_size=1, max_size=64), signed=st.booleans())
def test_no_appended_bytes_pass(files: Files, tail: bytes, signed: bool) -> None:
    """Whatever is appended (with or without an end-of-file marker), the copy is changed."""
    base = files.signed if signed else files.stored
    for data in (base + tail, base + tail + b"\n%%EOF\n"):
        result = check(data, files.store, files.pki)
        assert result.verdict is PdfVerdict.CHANGED, (tail, result.change)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.floats(min_value=0, max_value=1, exclude_max=True), bit=st.integers(0, 7))
def test_no_flipped_bit_of_a_signed_copy_passes(files: Files, where: float, bit: int) -> None:
    """A flipped bit anywhere but in the hex digits of the signature container is not accepted.

    (The container's hex digits may change case without changing the signature: that copy is
    the signed one, byte for byte once decoded.)
    """
    signed = files.signed
    at = int(where * len(signed))
    match = list(re.finditer(rb"/Contents\s*<([0-9a-fA-F]+)>", signed))[-1]
    assume(not match.start(1) <= at < match.end(1))
    flipped = signed[:at] + bytes([signed[at] ^ (1 << bit)]) + signed[at + 1 :]
    result = check(flipped, files.store, files.pki)
    # changed, or (the header or the metadata broken) not recognisable as a protocol at all
    assert result.verdict in (PdfVerdict.CHANGED, PdfVerdict.UNKNOWN), (at, result.verdict)
