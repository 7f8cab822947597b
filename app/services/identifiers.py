"""NIP, REGON and KRS validation with messages that say exactly which digit or format is wrong."""

from __future__ import annotations

import re

from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from app.errors import UserError

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)
_REGON14_WEIGHTS = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)


def _digits(value: str, kind: str) -> str:
    compact = re.sub(r"[\s\-.]", "", value or "")
    if compact.upper().startswith("PL") and kind == "NIP":
        compact = compact[2:]
    if not compact.isdigit():
        bad = next((ch for ch in compact if not ch.isdigit()), "?")
        raise UserError("id_not_digits", {"kind": kind, "char": bad, "value": value})
    return compact


def _check(kind: str, digits: str, weights: tuple[int, ...], modulus: int = 11) -> None:
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=False))
    check = total % modulus
    if kind == "NIP" and check == 10:
        raise UserError("nip_checksum_10", {"value": digits})
    check %= 10
    last = int(digits[len(weights)])
    if check != last:
        raise UserError(
            "id_check_digit",
            {
                "kind": kind,
                "value": digits,
                "position": len(weights) + 1,
                "found": last,
                "expected": check,
            },
        )


def validate_nip(value: str) -> str:
    digits = _digits(value, "NIP")
    if len(digits) != 10:
        raise UserError(
            "id_length", {"kind": "NIP", "value": value, "expected": "10", "found": len(digits)}
        )
    _check("NIP", digits, _NIP_WEIGHTS)
    assert stdnum_nip.is_valid(digits)  # cross-check with python-stdnum
    return digits


def validate_regon(value: str) -> str:
    digits = _digits(value, "REGON")
    if len(digits) not in (9, 14):
        raise UserError(
            "id_length",
            {"kind": "REGON", "value": value, "expected": "9 / 14", "found": len(digits)},
        )
    _check("REGON", digits[:9], _REGON9_WEIGHTS)
    if len(digits) == 14:
        _check("REGON", digits, _REGON14_WEIGHTS)
    assert stdnum_regon.is_valid(digits)
    return digits


def validate_krs(value: str) -> str:
    digits = _digits(value, "KRS")
    if len(digits) > 10 or len(digits) == 0:
        raise UserError(
            "id_length", {"kind": "KRS", "value": value, "expected": "10", "found": len(digits)}
        )
    return digits.zfill(10)
