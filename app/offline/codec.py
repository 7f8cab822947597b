"""JSON forms of the contract types, shared by packages, returns and drafts.

Numbers travel as decimal *strings* (``"7.5"``), never JSON floats; dates as ISO 8601.
Decoding validates shapes and raises ``ValueError`` with a short reason, which the readers
turn into a ``file_corrupt`` problem.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.offline.spec import ScoreKey, ScoreSheetSpec, SheetCriterion, SheetEntry, SheetOffer
from app.offline.validation import plain


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def decimal_text(value: Decimal) -> str:
    return plain(value)


def parse_decimal(value: object, what: str) -> Decimal:
    if not isinstance(value, str):
        raise ValueError(f"{what}: expected a decimal string")
    try:
        result = Decimal(value)
    except (InvalidOperation, ValueError) as error:
        raise ValueError(f"{what}: {value!r} is not a number") from error
    if not result.is_finite():
        raise ValueError(f"{what}: {value!r} is not a finite number")
    return result


def _str(mapping: Mapping[str, Any], name: str) -> str:
    value = mapping.get(name)
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text")
    return value


def entries_to_json(
    keys: tuple[ScoreKey, ...], entries: Mapping[ScoreKey, SheetEntry], *, all_keys: bool
) -> list[dict[str, Any]]:
    """Entries in key order; with ``all_keys`` every key appears (empty ones as null/"")."""
    result = []
    for key in keys:
        entry = entries.get(key)
        if entry is None and not all_keys:
            continue
        value = entry.value if entry is not None else None
        result.append(
            {
                "offer": key[0],
                "criterion": key[1],
                "value": decimal_text(value) if value is not None else None,
                "justification": entry.justification if entry is not None else "",
            }
        )
    return result


def spec_to_json(spec: ScoreSheetSpec) -> dict[str, Any]:
    return {
        "format_version": spec.format_version,
        "issue_id": spec.issue_id,
        "competition_uid": spec.competition_uid,
        "competition_title": spec.competition_title,
        "case_reference": spec.case_reference,
        "member_code": spec.member_code,
        "member_name": spec.member_name,
        "member_role": spec.member_role,
        "deadline": spec.deadline.isoformat() if spec.deadline else None,
        "language": spec.language,
        "require_justification": spec.require_justification,
        "fingerprint": spec.fingerprint,
        "criteria": [
            {
                "code": c.code,
                "name": c.name,
                "max_score": decimal_text(c.max_score),
                "step": decimal_text(c.step),
                "weight": decimal_text(c.weight),
                "guidance": c.guidance,
            }
            for c in spec.criteria
        ],
        "offers": [
            {
                "code": o.code,
                "applicant": o.applicant,
                "title": o.title,
                "requested": decimal_text(o.requested),
            }
            for o in spec.offers
        ],
        "existing": entries_to_json(spec.keys, spec.existing, all_keys=False),
    }


def entries_from_json(items: object) -> dict[ScoreKey, SheetEntry]:
    """Entries of a package or draft (trusted shapes; values must be decimal strings)."""
    if not isinstance(items, list):
        raise ValueError("entries: expected a list")
    result: dict[ScoreKey, SheetEntry] = {}
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("entries: expected objects")
        key = (_str(item, "offer"), _str(item, "criterion"))
        raw = item.get("value")
        value = None if raw is None else parse_decimal(raw, f"value of {key}")
        justification = item.get("justification", "")
        if not isinstance(justification, str):
            raise ValueError(f"justification of {key}: expected text")
        if key in result:
            raise ValueError(f"entries: {key} twice")
        result[key] = SheetEntry(value, justification)
    return result


def spec_from_json(data: object) -> ScoreSheetSpec:
    if not isinstance(data, dict):
        raise ValueError("spec: expected an object")
    deadline_text = data.get("deadline")
    deadline = None
    if deadline_text is not None:
        if not isinstance(deadline_text, str):
            raise ValueError("deadline: expected a date")
        deadline = date.fromisoformat(deadline_text)
    criteria_data, offers_data = data.get("criteria"), data.get("offers")
    if not isinstance(criteria_data, list) or not isinstance(offers_data, list):
        raise ValueError("spec: criteria and offers must be lists")
    criteria = tuple(
        SheetCriterion(
            code=_str(c, "code"),
            name=_str(c, "name"),
            max_score=parse_decimal(c.get("max_score"), "max_score"),
            step=parse_decimal(c.get("step"), "step"),
            weight=parse_decimal(c.get("weight"), "weight"),
            guidance=_str(c, "guidance"),
        )
        for c in criteria_data
    )
    offers = tuple(
        SheetOffer(
            code=_str(o, "code"),
            applicant=_str(o, "applicant"),
            title=_str(o, "title"),
            requested=parse_decimal(o.get("requested"), "requested"),
        )
        for o in offers_data
    )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("format_version: expected an integer")
    require = data.get("require_justification")
    if not isinstance(require, bool):
        raise ValueError("require_justification: expected true or false")
    return ScoreSheetSpec(
        format_version=version,
        issue_id=_str(data, "issue_id"),
        competition_uid=_str(data, "competition_uid"),
        competition_title=_str(data, "competition_title"),
        case_reference=_str(data, "case_reference"),
        member_code=_str(data, "member_code"),
        member_name=_str(data, "member_name"),
        member_role=_str(data, "member_role"),
        deadline=deadline,
        language=_str(data, "language"),
        require_justification=require,
        fingerprint=_str(data, "fingerprint"),
        criteria=criteria,
        offers=offers,
        existing=entries_from_json(data.get("existing", [])),
    )
