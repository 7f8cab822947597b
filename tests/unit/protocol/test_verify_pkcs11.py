"""A protocol signed with a key on a token (PKCS#11, SoftHSM2) verifies like any other.

SoftHSM2 stands in for a qualified signature card: the signer's key is imported into a
software token made for the test, and ``sign_pdf_pkcs11`` signs through pyHanko's PKCS#11
support. Skipped only when the SoftHSM2 module or tool is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from app.errors import UserError
from app.protocol.pdf import render_pdf
from app.protocol.sign import sign_pdf_pkcs11
from app.protocol.verify import PdfVerdict, check_pdf
from tests.unit.protocol.test_protocol_samples import sample_document
from tests.unit.protocol.test_verify import PASSWORD, Pki, Store

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
TOKEN = "komisja-test"
PIN = "123456"
KEY = "iwona-musz"

# Skipped on a machine without SoftHSM2, unless external programs are required (CI, which
# installs it): there a missing SoftHSM2 fails the tests instead of hiding them.
pytestmark = pytest.mark.skipif(
    (not Path(MODULE).exists() or shutil.which("softhsm2-util") is None)
    and not os.environ.get("KOMISJA_REQUIRE_EXTERNAL"),
    reason="SoftHSM2 is not installed (Debian package softhsm2)",
)


@pytest.fixture(scope="module")
def pki() -> Pki:
    return Pki()


@pytest.fixture(scope="module")
def token(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A SoftHSM2 token holding the signer's key, in a folder of its own."""
    home = tmp_path_factory.mktemp("softhsm")
    (home / "tokens").mkdir()
    config = home / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {home / 'tokens'}\nobjectstore.backend = file\n")
    key, _cert, _ = pkcs12.load_key_and_certificates(pki.signer_p12, PASSWORD)
    assert key is not None
    pem = home / "key.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOFTHSM2_CONF", str(config))
        util = ["softhsm2-util"]
        subprocess.run(
            [*util, "--init-token", "--free", "--label", TOKEN, "--so-pin", "999999", "--pin", PIN],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *util,
                "--import",
                str(pem),
                "--token",
                TOKEN,
                "--label",
                KEY,
                "--id",
                "01",
                "--pin",
                PIN,
            ],
            check=True,
            capture_output=True,
        )
        pem.unlink()
        yield


def test_a_token_signature_is_accepted_and_reported(token: None, pki: Pki) -> None:
    stored = render_pdf(sample_document())
    store = Store(stored)
    certificate = pki.signer.public_bytes(serialization.Encoding.DER)
    signed = sign_pdf_pkcs11(
        stored,
        module=MODULE,
        token_label=TOKEN,
        pin=PIN,
        key_label=KEY,
        certificate=certificate,
        signer_name="Iwona Musz",
        reason="Przyjęcie protokołu",
    )
    assert signed.startswith(stored)
    result = check_pdf(signed, store.is_stored, pki.trust)
    assert result.verdict is PdfVerdict.STORED_SIGNED, result
    (signature,) = result.signatures
    assert signature.signer == "Iwona Musz" and signature.trusted and signature.valid
    assert signature.serial == format(pki.signer.serial_number, "x")


def test_token_problems_are_user_errors(token: None, pki: Pki) -> None:
    stored = render_pdf(sample_document())
    certificate = pki.signer.public_bytes(serialization.Encoding.DER)
    sign = partial(
        sign_pdf_pkcs11,
        stored,
        module=MODULE,
        certificate=certificate,
        signer_name="Iwona Musz",
        reason="r",
    )
    with pytest.raises(UserError) as caught:
        sign(token_label=TOKEN, pin="000000", key_label=KEY)
    assert caught.value.code == "signing_token_pin"
    with pytest.raises(UserError) as caught:
        sign(token_label="brak", pin=PIN, key_label=KEY)
    assert caught.value.code == "signing_token_unavailable"
    with pytest.raises(UserError) as caught:
        sign(token_label=TOKEN, pin=PIN, key_label="inny")
    assert caught.value.code == "signing_token_key_missing"
    assert "inny" in caught.value.text("pl") and "inny" in caught.value.text("en")
