"""The protocol's words, Polish and English, shared by the PDF and the workbook.

The words live in the catalogue (``app.words``, section ``protocol``) so that the two
renderers name things identically and a translator finds every string in one place.
``label(lang, key, **params)`` formats with ``str.format`` (the protocol writes hundreds of
thousands of cells); a ``Decimal`` parameter is shown in the language's way, never as
"1E+1".  A missing key is a bug and raises ``KeyError``.
"""

from __future__ import annotations

from decimal import Decimal

from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    Flag,
    MemberRole,
    RoundingStage,
    ThresholdBasis,
    TieBreakerKind,
)
from app.words import format_plain
from app.words.protocol import PROTOCOL_TEXTS

_PL: dict[str, str] = {key: pl for key, (pl, _) in PROTOCOL_TEXTS.items()}
_EN: dict[str, str] = {key: en for key, (_, en) in PROTOCOL_TEXTS.items()}
_TABLES = {"pl": _PL, "en": _EN}


def label(lang: str, key: str, **params: object) -> str:
    text = _TABLES[lang][key]
    if not params:
        return text
    shown = {
        name: format_plain(value, lang) if isinstance(value, Decimal) else value
        for name, value in params.items()
    }
    return text.format(**shown)


def role_label(lang: str, role: MemberRole) -> str:
    return label(lang, f"role_{MemberRole(role).value}")


def kind_label(lang: str, kind: CriterionKind) -> str:
    return label(lang, f"kind_{CriterionKind(kind).value}")


def flag_label(lang: str, flag: Flag) -> str:
    return label(lang, f"flag_{Flag(flag).value}")


def aggregation_label(lang: str, aggregation: Aggregation) -> str:
    return label(lang, f"agg_{Aggregation(aggregation).value}")


def allocation_label(lang: str, method: AllocationMethod) -> str:
    return label(lang, f"alloc_{AllocationMethod(method).value}")


def tie_breaker_label(lang: str, kind: TieBreakerKind, ref: str | None) -> str:
    return label(lang, f"tb_{TieBreakerKind(kind).value}", ref=ref or "")


def rounding_label(lang: str, stage: RoundingStage, places: int) -> str:
    key = "r_rounding_criterion" if stage == RoundingStage.CRITERION else "r_rounding_total"
    return label(lang, key, places=places)


def threshold_label(lang: str, basis: ThresholdBasis, value: str) -> str:
    key = "r_threshold_weighted" if basis == ThresholdBasis.WEIGHTED else "r_threshold_unscaled"
    return label(lang, key, value=value)


# Flags in the order they are listed in the ranking's notes column.
FLAG_ORDER: tuple[Flag, ...] = (
    Flag.SELECTED,
    Flag.BELOW_THRESHOLD,
    Flag.CRITERION_THRESHOLD_FAILED,
    Flag.FORMAL_CRITERION_FAILED,
    Flag.DISCREPANCY,
    Flag.DISCREPANCY_RESOLVED,
    Flag.TIE_UNRESOLVED,
    Flag.TIE_DECIDED,
    Flag.MANUAL_AWARD,
    Flag.FORMAL_OVERRIDE,
    Flag.RECUSALS,
    Flag.INCOMPLETE_SCORES,
)


def check_tables_complete() -> None:
    """Both languages define the same keys (called by the tests)."""
    missing = set(_PL) ^ set(_EN)
    if missing:
        raise AssertionError(f"protocol labels differ between languages: {sorted(missing)}")
