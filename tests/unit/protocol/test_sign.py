"""Digital signature of the protocol PDF (PAdES via pyHanko) with a throw-away certificate."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from app.errors import UserError
from app.protocol.pdf import read_protocol_metadata, render_pdf
from app.protocol.sign import FIELD_PREFIX, sign_pdf
from tests.unit.protocol.test_protocol_samples import sample_investor_document

PASSWORD = b"tajne-haslo"


def make_certificate(name: str = "Iwona Musz") -> tuple[x509.Certificate, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"podpis", key, cert, None, serialization.BestAvailableEncryption(PASSWORD)
    )
    return cert, p12


@pytest.fixture(scope="module")
def protocol_pdf() -> bytes:
    return render_pdf(sample_investor_document())


@pytest.fixture(scope="module")
def certificate() -> tuple[x509.Certificate, bytes]:
    return make_certificate()


def test_signature_is_valid_covers_the_whole_file_and_is_visible(
    protocol_pdf: bytes, certificate: tuple[x509.Certificate, bytes]
) -> None:
    cert, p12 = certificate
    signed = sign_pdf(
        protocol_pdf,
        p12,
        PASSWORD,
        signer_name="Iwona Musz",
        reason="Zatwierdzenie protokołu komisji konkursowej",
        location="Kraków",
    )
    assert signed.startswith(protocol_pdf)  # an incremental update: the original is intact
    reader = PdfFileReader(io.BytesIO(signed))
    (signature,) = reader.embedded_signatures
    trust = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[trust]))
    assert status.intact and status.valid and status.trusted
    assert status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert str(signature.sig_object["/Reason"]).startswith("Zatwierdzenie protokołu")
    # visible: a widget with a non-empty rectangle and an appearance, on the signature page
    field = signature.sig_field
    assert signature.field_name == f"{FIELD_PREFIX}1"
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    assert x2 - x1 > 100 and y2 - y1 > 30
    assert "/N" in field["/AP"]
    box = read_protocol_metadata(protocol_pdf)["KomisjaSignatureBox"].split()
    page = reader.root["/Pages"]["/Kids"][int(box[0]) - 1].get_object()
    assert any(annot.get_object() == field for annot in page["/Annots"])
    assert (
        read_protocol_metadata(signed)["KomisjaFingerprint"]
        == (read_protocol_metadata(protocol_pdf)["KomisjaFingerprint"])
    )


def test_second_signature_gets_its_own_field(
    protocol_pdf: bytes, certificate: tuple[x509.Certificate, bytes]
) -> None:
    _, p12 = certificate
    once = sign_pdf(protocol_pdf, p12, PASSWORD, signer_name="Iwona Musz", reason="Przyjęcie")
    _, other_p12 = make_certificate("Jan Żółkiewski")
    twice = sign_pdf(once, other_p12, PASSWORD, signer_name="Jan Żółkiewski", reason="Zatwierdzam")
    names = [s.field_name for s in PdfFileReader(io.BytesIO(twice)).embedded_signatures]
    assert names == [f"{FIELD_PREFIX}1", f"{FIELD_PREFIX}2"]


def test_wrong_password_is_a_clear_user_error(
    protocol_pdf: bytes, certificate: tuple[x509.Certificate, bytes]
) -> None:
    _, p12 = certificate
    with pytest.raises(UserError) as caught:
        sign_pdf(protocol_pdf, p12, b"zle", signer_name="X", reason="r", source="cert.p12")
    assert caught.value.code == "signing_certificate_unreadable"
    assert "błędne hasło" in caught.value.text("pl") and "cert.p12" in caught.value.text("pl")
    assert "password is wrong" in caught.value.text("en")
    with pytest.raises(UserError) as caught:
        sign_pdf(protocol_pdf, p12, None, signer_name="X", reason="r")
    assert caught.value.code == "signing_certificate_unreadable"


def test_a_file_that_is_not_a_certificate_or_not_a_pdf_is_refused(
    protocol_pdf: bytes, certificate: tuple[x509.Certificate, bytes]
) -> None:
    with pytest.raises(UserError) as caught:
        sign_pdf(protocol_pdf, b"to nie jest certyfikat", PASSWORD, signer_name="X", reason="r")
    assert caught.value.code == "signing_certificate_unreadable"
    _, p12 = certificate
    with pytest.raises(UserError) as caught:
        sign_pdf(b"%PDF-1.4 zepsuty", p12, PASSWORD, signer_name="X", reason="r", pdf_name="a.pdf")
    assert caught.value.code == "signing_pdf_unreadable"
    assert "a.pdf" in caught.value.text("pl")
