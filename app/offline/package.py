"""The evaluator package (``.komisja``), its signed return (``.komisja-return``) and drafts.

For members who have Komisja on their own laptop.  The office builds one package per member
with :func:`build_package`: a zip holding ``manifest.json`` (the member's spec: competition,
their offers only, the criteria, their own scores so far), the offers' attachments and an
Ed25519 private key made for this package alone.  The office keeps the matching public key.
Nothing in it belongs to anyone else: no other member's scores, no recused offers.

In evaluator mode the member's Komisja opens the package (:func:`open_package`), autosaves the
work in a draft next to it (:func:`save_draft` / :func:`load_draft`), and makes a return
(:func:`build_return`): a JSON envelope whose ``payload`` — the canonical JSON of every entry,
the identity, a sequence number, a timestamp and the finished flag — is signed with the
package key.  The office reads it with :func:`read_return` and the public key it kept; a
changed byte, another package's key, another competition or member, or stale criteria are
reported as problems.  A return imported twice is the service's to catch, by
``ParsedReturn.return_sha256``.

The private key is not protected by a password: it identifies *the package*, so a return
cannot be forged by someone without the package file nor pass for another member's; it does
not prove who typed the scores.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import logging
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from app.offline.codec import (
    canonical_json,
    entries_from_json,
    entries_to_json,
    spec_from_json,
    spec_to_json,
)
from app.offline.problems import OfflineFileError, ProblemCode
from app.offline.spec import (
    FORMAT_VERSION,
    ParsedReturn,
    ScoreKey,
    ScoreSheetSpec,
    SheetCriterion,
    SheetEntry,
    SheetProblem,
)
from app.offline.validation import key_params, plain, quote, scale_problem, text_score

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# cryptography is imported by the functions that sign and verify: the main window imports this
# module (to read returns) and must start without it.

log = logging.getLogger(__name__)

PACKAGE_FORMAT = "komisja-evaluator-package"
RETURN_FORMAT = "komisja-evaluator-return"
DRAFT_FORMAT = "komisja-evaluator-draft"
PACKAGE_VERSION = RETURN_VERSION = DRAFT_VERSION = 1

PACKAGE_SUFFIX = ".komisja"
RETURN_SUFFIX = ".komisja-return"
DRAFT_SUFFIX = ".komisja-draft"

MANIFEST = "manifest.json"
KEY_FILE = "evaluator-key.pem"
README = "CZYTAJ-README.txt"
SIGNATURE_CONTEXT = b"komisja-evaluator-return/1\n"  # domain separation for the signature

_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_README_TEXT = (
    "Pakiet oceniającego programu Komisja.\n"
    "Otwórz ten plik w programie Komisja (Plik → Otwórz pakiet oceniającego). Nie rozpakowuj\n"
    "go i nie zmieniaj jego zawartości. Zawiera klucz podpisujący Twoje oceny: nie\n"
    "przekazuj pakietu innym osobom.\n\n"
    "Komisja evaluator package. Open this file in Komisja (File → Open evaluator package).\n"
    "Do not unpack or change it. It holds the key that signs your scores: do not pass the\n"
    "package on to anyone.\n"
)


# ------------------------------------------------------------------------------------ keys


def key_id(public_key: bytes) -> str:
    """Short, printable id of a raw Ed25519 public key (for messages and logs)."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def load_public_key(data: bytes) -> Ed25519PublicKey:
    """A public key the office kept: 32 raw bytes (what ``build_package`` returns) or PEM."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if len(data) == 32:
        return Ed25519PublicKey.from_public_bytes(data)
    key = serialization.load_pem_public_key(data)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def _raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes | None:
    if not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _generator() -> str:
    from app import __version__

    return f"komisja {__version__}"


def _format_version(value: object, prefix: str) -> int | None:
    """``komisja-evaluator-return/1`` -> 1; None when it is not our format at all."""
    if not isinstance(value, str) or not value.startswith(prefix + "/"):
        return None
    tail = value[len(prefix) + 1 :]
    return int(tail) if tail.isdigit() else None


def _problem(code: str, **params: object) -> SheetProblem:
    return SheetProblem("", "", code, {k: str(v) for k, v in params.items()})


# --------------------------------------------------------------------------------- package


@dataclass(frozen=True)
class PackageAttachment:
    """An offer's attachment inside a package."""

    offer_code: str
    name: str  # the original file name, for display
    path: str  # member name inside the zip
    size: int
    sha256: str


def safe_filename(name: str) -> str:
    """A file name safe on Windows and Unix (for the GUI's temporary copy of an attachment)."""
    base = re.split(r"[\\/]", name)[-1]
    base = _UNSAFE_NAME.sub("_", base).strip(" .") or "zalacznik"
    stem, dot, suffix = base.rpartition(".")
    if dot and len(suffix) <= 10:
        return f"{stem[:110]}.{suffix}"
    return base[:120]


@dataclass(frozen=True)
class EvaluatorPackage:
    """An opened, validated package.  ``read_attachment`` gives an attachment's bytes."""

    spec: ScoreSheetSpec
    attachments: tuple[PackageAttachment, ...]
    public_key: bytes
    created_at: datetime | None
    generator: str
    sha256: str
    _private_key: bytes = field(repr=False)
    _data: bytes = field(repr=False, compare=False)

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)

    def attachments_of(self, offer_code: str) -> tuple[PackageAttachment, ...]:
        return tuple(a for a in self.attachments if a.offer_code == offer_code)

    def read_attachment(self, attachment: PackageAttachment) -> bytes:
        """The attachment's bytes, checked against the manifest's SHA-256."""
        with zipfile.ZipFile(io.BytesIO(self._data)) as archive:
            data = archive.read(attachment.path)
        if hashlib.sha256(data).hexdigest() != attachment.sha256:
            raise OfflineFileError(
                [
                    _problem(
                        ProblemCode.ATTACHMENT_CORRUPT,
                        name=attachment.name,
                        offer=attachment.offer_code,
                    )
                ]
            )
        return data

    def sign(self, message: bytes) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self._private_key).sign(message)


def build_package(
    spec: ScoreSheetSpec, attachments: Mapping[str, Sequence[tuple[str, bytes]]]
) -> tuple[bytes, bytes]:
    """The member's package file and the raw public key (32 bytes) the office keeps.

    ``attachments`` maps offer codes to (file name, bytes); offers not on the member's card
    are refused (``ValueError``): a recused offer's documents must not travel.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    offers = {o.code for o in spec.offers}
    stray = [code for code in attachments if code not in offers]
    if stray:
        raise ValueError(f"attachments for offers not on this member's card: {stray}")
    private = Ed25519PrivateKey.generate()
    public = _raw_public(private.public_key())
    listed: list[dict[str, Any]] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        number = 0
        for offer in spec.offers:
            for name, data in attachments.get(offer.code, ()):
                number += 1
                path = f"attachments/{number:04d}/{safe_filename(name)}"
                archive.writestr(path, data)
                listed.append(
                    {
                        "offer": offer.code,
                        "name": name,
                        "path": path,
                        "size": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                    }
                )
        manifest = {
            "format": f"{PACKAGE_FORMAT}/{PACKAGE_VERSION}",
            "generator": _generator(),
            "created_at": _now().isoformat(),
            "public_key": _b64(public),
            "key_id": key_id(public),
            "spec": spec_to_json(spec),
            "attachments": listed,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        archive.writestr(KEY_FILE, pem)
        archive.writestr(README, _README_TEXT)
    data = buffer.getvalue()
    log.info(
        "built evaluator package issue=%s member=%s key=%s attachments=%d (%d bytes)",
        spec.issue_id,
        spec.member_code,
        key_id(public),
        len(listed),
        len(data),
    )
    return data, public


def open_package(data: bytes, *, max_bytes: int = 2_000_000_000) -> EvaluatorPackage:
    """Open and validate a package; ``OfflineFileError`` lists every problem."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    problems: list[SheetProblem] = []
    if not data:
        raise OfflineFileError([_problem(ProblemCode.FILE_EMPTY)])
    if len(data) > max_bytes:
        raise OfflineFileError(
            [_problem(ProblemCode.FILE_TOO_LARGE, size=len(data), limit=max_bytes)]
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        if data.startswith(b"PK"):
            raise OfflineFileError([_problem(ProblemCode.FILE_CORRUPT, detail=error)]) from None
        raise OfflineFileError([_problem(ProblemCode.FILE_WRONG_FORMAT, kind="package")]) from None
    with archive:
        if MANIFEST not in archive.namelist():
            raise OfflineFileError([_problem(ProblemCode.FILE_WRONG_FORMAT, kind="package")])
        if sum(i.file_size for i in archive.infolist()) > 4 * max_bytes:
            raise OfflineFileError(
                [_problem(ProblemCode.FILE_TOO_LARGE, size=len(data), limit=max_bytes)]
            )
        try:
            bad = archive.testzip()
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        except Exception as error:  # zlib, CRC, JSON, UTF-8: a damaged file in any way
            raise OfflineFileError(
                [_problem(ProblemCode.FILE_CORRUPT, detail=type(error).__name__)]
            ) from None
        if bad is not None:
            raise OfflineFileError([_problem(ProblemCode.FILE_CORRUPT, detail=bad)])
        if not isinstance(manifest, dict):
            raise OfflineFileError([_problem(ProblemCode.FILE_CORRUPT, detail=MANIFEST)])
        version = _format_version(manifest.get("format"), PACKAGE_FORMAT)
        if version is None:
            raise OfflineFileError([_problem(ProblemCode.FILE_WRONG_FORMAT, kind="package")])
        if version > PACKAGE_VERSION:
            raise OfflineFileError(
                [_problem(ProblemCode.FORMAT_NEWER, found=version, supported=PACKAGE_VERSION)]
            )
        try:
            spec_data = manifest.get("spec")
            spec_version = spec_data.get("format_version") if isinstance(spec_data, dict) else 0
            if isinstance(spec_version, int) and spec_version > FORMAT_VERSION:
                raise OfflineFileError(
                    [
                        _problem(
                            ProblemCode.FORMAT_NEWER, found=spec_version, supported=FORMAT_VERSION
                        )
                    ]
                )
            spec = spec_from_json(spec_data)
            private = serialization.load_pem_private_key(archive.read(KEY_FILE), password=None)
            if not isinstance(private, Ed25519PrivateKey):
                raise ValueError("the package key is not an Ed25519 key")
            public = _raw_public(private.public_key())
            if _unb64(manifest.get("public_key")) != public:
                raise ValueError("the package key does not match its manifest")
            attachments = _attachments(manifest.get("attachments", []), spec, archive)
        except OfflineFileError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise OfflineFileError(
                [_problem(ProblemCode.FILE_CORRUPT, detail=str(error)[:200])]
            ) from None
        for attachment in attachments:
            if hashlib.sha256(archive.read(attachment.path)).hexdigest() != attachment.sha256:
                problems.append(
                    _problem(
                        ProblemCode.ATTACHMENT_CORRUPT,
                        name=attachment.name,
                        offer=attachment.offer_code,
                    )
                )
    if problems:
        raise OfflineFileError(problems)
    created = manifest.get("created_at")
    return EvaluatorPackage(
        spec=spec,
        attachments=attachments,
        public_key=public,
        created_at=datetime.fromisoformat(created) if isinstance(created, str) else None,
        generator=str(manifest.get("generator", "")),
        sha256=hashlib.sha256(data).hexdigest(),
        _private_key=private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        ),
        _data=data,
    )


def _attachments(
    items: object, spec: ScoreSheetSpec, archive: zipfile.ZipFile
) -> tuple[PackageAttachment, ...]:
    if not isinstance(items, list):
        raise ValueError("attachments: expected a list")
    names = set(archive.namelist())
    offers = {o.code for o in spec.offers}
    result = []
    for item in items:
        attachment = PackageAttachment(
            offer_code=str(item["offer"]),
            name=str(item["name"]),
            path=str(item["path"]),
            size=int(item["size"]),
            sha256=str(item["sha256"]),
        )
        if attachment.path not in names or attachment.offer_code not in offers:
            raise ValueError(f"attachment {attachment.name!r} is not in the package")
        result.append(attachment)
    return tuple(result)


# ---------------------------------------------------------------------------------- return


def build_return(
    package: EvaluatorPackage,
    entries: Mapping[ScoreKey, SheetEntry],
    finished: bool,
    *,
    sequence: int | None = None,
    now: datetime | None = None,
) -> bytes:
    """The signed return file (JSON, ``.komisja-return``) with every key of the package.

    ``sequence`` orders the returns of one package (the service keeps the highest imported);
    by default it is the time in milliseconds, which grows across sessions.
    """
    spec = package.spec
    keys = set(spec.keys)
    stray = [key for key in entries if key not in keys]
    if stray:
        raise ValueError(f"entries for keys not in the package: {stray[:5]}")
    created = (now or _now()).astimezone(UTC)
    payload = {
        "format": f"{RETURN_FORMAT}/{RETURN_VERSION}",
        "generator": _generator(),
        "issue_id": spec.issue_id,
        "competition_uid": spec.competition_uid,
        "member_code": spec.member_code,
        "fingerprint": spec.fingerprint,
        "package_sha256": package.sha256,
        "require_justification": spec.require_justification,
        "sequence": sequence if sequence is not None else int(time.time() * 1000),
        "created_at": created.isoformat(),
        "finished": bool(finished),
        "entries": entries_to_json(spec.keys, entries, all_keys=True),
    }
    text = canonical_json(payload).decode("utf-8")
    signature = package.sign(SIGNATURE_CONTEXT + text.encode("utf-8"))
    envelope = {
        "format": f"{RETURN_FORMAT}/{RETURN_VERSION}",
        "key_id": package.key_id,
        "public_key": _b64(package.public_key),
        "payload": text,
        "signature": _b64(signature),
    }
    data = json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8")
    log.info(
        "built return issue=%s member=%s sequence=%s finished=%s",
        spec.issue_id,
        spec.member_code,
        payload["sequence"],
        finished,
    )
    return data


def _verify(key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def read_return(
    data: bytes,
    *,
    public_key: bytes,
    expected: ScoreSheetSpec | None,
    max_bytes: int = 50_000_000,
) -> ParsedReturn:
    """Check a return's signature, identity and every entry; never raises for file content.

    ``public_key`` is the key the office kept when it built the package (``ValueError`` if
    it is not a key at all: that is the caller's bug, not the file's).
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    office_key = load_public_key(public_key)
    office_raw = _raw_public(office_key)
    sha256 = hashlib.sha256(data).hexdigest()

    def fail(*problems: SheetProblem, **claims: Any) -> ParsedReturn:
        return ParsedReturn(problems=problems, sha256=sha256, **claims)

    if not data:
        return fail(_problem(ProblemCode.FILE_EMPTY))
    if len(data) > max_bytes:
        return fail(_problem(ProblemCode.FILE_TOO_LARGE, size=len(data), limit=max_bytes))
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        if data.lstrip()[:1] == b"{":
            return fail(_problem(ProblemCode.FILE_CORRUPT, detail="JSON"))
        return fail(_problem(ProblemCode.FILE_WRONG_FORMAT, kind="package"))
    if not isinstance(envelope, dict):
        return fail(_problem(ProblemCode.FILE_WRONG_FORMAT, kind="package"))
    version = _format_version(envelope.get("format"), RETURN_FORMAT)
    if version is None:
        return fail(_problem(ProblemCode.FILE_WRONG_FORMAT, kind="package"))
    if version > RETURN_VERSION:
        return fail(_problem(ProblemCode.FORMAT_NEWER, found=version, supported=RETURN_VERSION))
    text, signature = envelope.get("payload"), _unb64(envelope.get("signature"))
    if not isinstance(text, str):
        return fail(_problem(ProblemCode.FILE_CORRUPT, detail="payload"))
    message = SIGNATURE_CONTEXT + text.encode("utf-8")
    file_raw = _unb64(envelope.get("public_key"))
    problems: list[SheetProblem] = []
    signed_by_office = signature is not None and _verify(office_key, signature, message)
    if not signed_by_office:
        foreign = (
            signature is not None
            and file_raw is not None
            and len(file_raw) == 32
            and file_raw != office_raw
            and _verify(Ed25519PublicKey.from_public_bytes(file_raw), signature, message)
        )
        if not foreign:
            log.info("return %s: signature does not verify", sha256[:12])
            return fail(_problem(ProblemCode.TAMPERED))
        assert file_raw is not None
        problems.append(
            _problem(ProblemCode.FOREIGN_KEY, found=key_id(file_raw), expected=key_id(office_raw))
        )
    # from here the payload is exactly what some package key signed
    try:
        payload = json.loads(text)
        if not isinstance(payload, dict):
            raise ValueError("payload is not an object")
    except (ValueError, RecursionError):
        return fail(*problems, _problem(ProblemCode.FILE_CORRUPT, detail="payload"))
    if _format_version(payload.get("format"), RETURN_FORMAT) != version:
        return fail(*problems, _problem(ProblemCode.FILE_CORRUPT, detail="payload format"))
    signer = office_raw if signed_by_office else (file_raw or office_raw)
    return _read_payload(payload, expected, problems, sha256, signer)


def _read_payload(
    payload: dict[str, Any],
    expected: ScoreSheetSpec | None,
    problems: list[SheetProblem],
    sha256: str,
    signer: bytes,
) -> ParsedReturn:
    claims = {
        name: str(payload.get(name, ""))
        for name in ("issue_id", "competition_uid", "member_code", "fingerprint")
    }
    if expected is not None:
        for name, wanted, code in (
            ("competition_uid", expected.competition_uid, ProblemCode.WRONG_COMPETITION),
            ("member_code", expected.member_code, ProblemCode.WRONG_MEMBER),
            ("issue_id", expected.issue_id, ProblemCode.WRONG_ISSUE),
            ("fingerprint", expected.fingerprint, ProblemCode.STALE),
        ):
            if claims[name] != wanted:
                problems.append(_problem(code, found=claims[name], expected=wanted))
    foreign = any(p.code == ProblemCode.FOREIGN_KEY for p in problems)
    entries: dict[ScoreKey, SheetEntry] = {}
    keys: list[ScoreKey] = []
    broken: set[ScoreKey] = set()
    items = payload.get("entries")
    if not isinstance(items, list):
        problems.append(_problem(ProblemCode.FILE_CORRUPT, detail="entries"))
        items = []
    criteria: Mapping[str, SheetCriterion] = expected.criteria_by_code if expected else {}
    require = (
        expected.require_justification
        if expected is not None
        else bool(payload.get("require_justification", True))
    )
    expected_keys = set(expected.keys) if expected is not None else None
    for number, item in enumerate(items, 1):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("offer"), str)
            or not isinstance(item.get("criterion"), str)
        ):
            problems.append(_problem(ProblemCode.FILE_CORRUPT, detail=f"entry {number}"))
            continue
        key = (item["offer"], item["criterion"])
        if key in broken or key in keys:
            problems.append(_problem(ProblemCode.ROW_DUPLICATE, row=number, **key_params(key)))
            broken.add(key)
            continue
        keys.append(key)
        if _check_entry(key, item, criteria, require, expected_keys, entries, problems):
            broken.add(key)
    reference = expected.keys if expected is not None else tuple(keys)
    missing = tuple(
        k for k in reference if k not in broken and (k not in entries or entries[k].value is None)
    )
    created = payload.get("created_at")
    try:
        created_at = datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        created_at = None
    sequence = payload.get("sequence")
    return ParsedReturn(
        format_version=_format_version(payload.get("format"), RETURN_FORMAT),
        generator=str(payload.get("generator", "")),
        entries={} if foreign else entries,  # a foreign signature never yields scores
        problems=tuple(problems),
        missing=missing,
        keys=tuple(keys),
        sha256=sha256,
        sequence=sequence if isinstance(sequence, int) and not isinstance(sequence, bool) else None,
        finished=payload.get("finished") is True,
        created_at=created_at,
        key_id=key_id(signer),
        package_sha256=str(payload.get("package_sha256", "")),
        issue_id=claims["issue_id"],
        competition_uid=claims["competition_uid"],
        member_code=claims["member_code"],
        fingerprint=claims["fingerprint"],
    )


def _check_entry(
    key: ScoreKey,
    item: dict[str, Any],
    criteria: Mapping[str, SheetCriterion],
    require: bool,
    expected_keys: set[ScoreKey] | None,
    entries: dict[ScoreKey, SheetEntry],
    problems: list[SheetProblem],
) -> bool:
    """Validate one entry of a return; record it when valid.  True when broken."""

    def at(code: str, params: dict[str, str]) -> SheetProblem:
        problem = _problem(code, **key_params(key), **params)
        problems.append(problem)
        return problem

    value, problem = text_score(item.get("value"), at)
    justification = item.get("justification", "")
    if not isinstance(justification, str):
        justification = ""
        problem = problem or at(ProblemCode.FILE_CORRUPT, {"detail": "justification"})
    justification = justification.strip()
    if problem is None and value is not None and key[1] in criteria:
        problem = scale_problem(value, criteria[key[1]], at)
    has_value = value is not None or problem is not None
    if has_value and require and not justification:
        shown = plain(value) if value is not None else quote(str(item.get("value")))
        problem = at(ProblemCode.JUSTIFICATION_MISSING, {"value": shown})
    if expected_keys is not None and key not in expected_keys and (has_value or justification):
        at(ProblemCode.KEY_NOT_EXPECTED, {})
        return True
    if problem is not None:
        return True
    if value is not None or justification:
        entries[key] = SheetEntry(value, justification)
    return False


# ----------------------------------------------------------------------------------- draft


@dataclass(frozen=True)
class EvaluatorDraft:
    """The member's work in progress in evaluator mode, autosaved next to the package."""

    issue_id: str
    entries: Mapping[ScoreKey, SheetEntry] = field(default_factory=dict)
    finished: bool = False
    #: sequence number of the last return made from this draft (0: none yet)
    last_sequence: int = 0
    saved_at: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", MappingProxyType(dict(self.entries)))

    def with_entry(self, key: ScoreKey, entry: SheetEntry) -> EvaluatorDraft:
        """A copy with one entry set (an empty entry removes the key)."""
        entries = dict(self.entries)
        if entry.is_empty:
            entries.pop(key, None)
        else:
            entries[key] = entry
        return replace(self, entries=entries, finished=False)


def new_draft(package: EvaluatorPackage) -> EvaluatorDraft:
    """A draft starting from the scores the office already had for this member."""
    return EvaluatorDraft(issue_id=package.spec.issue_id, entries=package.spec.existing)


def draft_path(package_path: Path) -> Path:
    """Where the draft of a package lives: beside it, same name, ``.komisja-draft``."""
    return package_path.with_suffix(DRAFT_SUFFIX)


def draft_to_bytes(draft: EvaluatorDraft, package: EvaluatorPackage) -> bytes:
    body = {
        "format": f"{DRAFT_FORMAT}/{DRAFT_VERSION}",
        "issue_id": draft.issue_id,
        "package_sha256": package.sha256,
        "finished": draft.finished,
        "last_sequence": draft.last_sequence,
        "saved_at": _now().isoformat(),
        "entries": entries_to_json(package.spec.keys, draft.entries, all_keys=False),
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def draft_from_bytes(data: bytes, package: EvaluatorPackage) -> EvaluatorDraft:
    """A draft read back; ``OfflineFileError`` when damaged, newer or of another package."""
    try:
        body = json.loads(data.decode("utf-8"))
        if not isinstance(body, dict):
            raise ValueError("not an object")
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise OfflineFileError([_problem(ProblemCode.FILE_CORRUPT, detail="draft")]) from None
    version = _format_version(body.get("format"), DRAFT_FORMAT)
    if version is None:
        raise OfflineFileError([_problem(ProblemCode.FILE_CORRUPT, detail="draft format")])
    if version > DRAFT_VERSION:
        raise OfflineFileError(
            [_problem(ProblemCode.FORMAT_NEWER, found=version, supported=DRAFT_VERSION)]
        )
    issue = body.get("issue_id")
    if issue != package.spec.issue_id:
        raise OfflineFileError(
            [_problem(ProblemCode.DRAFT_OTHER_PACKAGE, found=issue, expected=package.spec.issue_id)]
        )
    try:
        entries = entries_from_json(body.get("entries", []))
    except ValueError as error:
        raise OfflineFileError([_problem(ProblemCode.FILE_CORRUPT, detail=error)]) from None
    keys = set(package.spec.keys)
    saved = body.get("saved_at")
    sequence = body.get("last_sequence", 0)
    return EvaluatorDraft(
        issue_id=issue,
        entries={k: v for k, v in entries.items() if k in keys},
        finished=body.get("finished") is True,
        last_sequence=sequence if isinstance(sequence, int) else 0,
        saved_at=datetime.fromisoformat(saved) if isinstance(saved, str) else None,
    )


def save_draft(path: Path, draft: EvaluatorDraft, package: EvaluatorPackage) -> None:
    """Write the draft atomically: a crash mid-save leaves the previous draft intact."""
    data = draft_to_bytes(draft, package)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_draft(path: Path, package: EvaluatorPackage) -> EvaluatorDraft:
    """The saved draft, or a new one when none was saved yet (see ``draft_from_bytes``)."""
    if not path.exists():
        return new_draft(package)
    return draft_from_bytes(path.read_bytes(), package)


def next_return(
    package: EvaluatorPackage, draft: EvaluatorDraft, *, finished: bool
) -> tuple[bytes, EvaluatorDraft]:
    """A return from the draft with the next sequence number, and the draft to save."""
    sequence = max(draft.last_sequence + 1, int(time.time() * 1000))
    data = build_return(package, draft.entries, finished, sequence=sequence)
    return data, replace(draft, finished=finished, last_sequence=sequence)
