"""The JSON Schema of the exchange format and a small validator that names the failing place.

The schema here is the single source: ``docs/exchange-format.schema.json`` is written from it
(a test keeps the two identical).  The validator implements the subset of JSON Schema the
document uses (type, required, properties, additionalProperties, items, enum, pattern,
minimum) so import needs no extra dependency and reports places as JSON paths.
"""

from __future__ import annotations

import re
from typing import Any

from app.words import Words

FORMAT = "komisja-exchange"
VERSION = 1

DECIMAL = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
DECIMAL_OR_NULL = {"type": ["string", "null"], "pattern": r"^-?\d+(\.\d+)?$"}
DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATETIME = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$",
}
DATETIME_OR_NULL = {**DATETIME, "type": ["string", "null"]}
TEXT = {"type": "string"}
CODE = {"type": "string", "pattern": r"^[A-Za-z0-9_.\-]{1,32}$"}


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties) if required is None else required,
        "additionalProperties": False,
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Komisja competition exchange document",
    "description": "A whole competition: call, criteria, policy, applicants, offers, committee, "
    "declarations, conflicts, scores, decisions and protocol versions. Decimals are strings.",
    **_obj(
        {
            "format": {"type": "string", "enum": [FORMAT]},
            "version": {"type": "integer", "minimum": 1},
            "generator": TEXT,
            "institution": {
                "type": ["object", "null"],
                "properties": {
                    "name": TEXT,
                    "address": TEXT,
                    "head_name": TEXT,
                    "head_title": TEXT,
                },
                "required": ["name", "address", "head_name", "head_title"],
                "additionalProperties": False,
            },
            "competition": _obj(
                {
                    "uid": {"type": "string", "pattern": r"^[0-9a-f\-]{36}$"},
                    "kind": {"type": "string", "enum": ["ngo_grant", "investor", "provider"]},
                    "status": {
                        "type": "string",
                        "enum": [
                            "draft",
                            "announced",
                            "submissions_closed",
                            "formal_check",
                            "scoring",
                            "results",
                            "signed_off",
                            "archived",
                            "cancelled",
                        ],
                    },
                    "title": TEXT,
                    "case_reference": TEXT,
                    "legal_basis": TEXT,
                    "committee_act": TEXT,
                    "task_description": TEXT,
                    "announced_on": DATE,
                    "publication_places": TEXT,
                    "last_publication_on": DATE,
                    "submission_deadline": DATETIME_OR_NULL,
                    "decision_date": DATE,
                    "meeting_place": TEXT,
                    "require_justification": {"type": "boolean"},
                    "remarks": TEXT,
                    "cancellation_reason": TEXT,
                    "created_at": DATETIME,
                }
            ),
            "budget": _array(_obj({"year": {"type": "integer"}, "amount": DECIMAL})),
            "policy": _obj(
                {
                    "aggregation": {"type": "string", "enum": ["mean", "median"]},
                    "rounding_places": {"type": "integer", "minimum": 0},
                    "rounding_stage": {"type": "string", "enum": ["criterion", "total"]},
                    "min_total": DECIMAL_OR_NULL,
                    "min_total_basis": {"type": "string", "enum": ["weighted", "unscaled"]},
                    "discrepancy_points": DECIMAL_OR_NULL,
                    "winners": {"type": ["integer", "null"]},
                    "allocation_method": {
                        "type": "string",
                        "enum": [
                            "none",
                            "in_order_stop",
                            "in_order_skip",
                            "in_order_partial",
                            "full_above_prorata_below",
                            "manual",
                        ],
                    },
                    "allocation_budget": DECIMAL_OR_NULL,
                    "award_step": DECIMAL,
                    "full_above": DECIMAL_OR_NULL,
                    "tie_breakers": _array(
                        _obj(
                            {
                                "kind": {
                                    "type": "string",
                                    "enum": [
                                        "criterion",
                                        "highest_weight",
                                        "lower",
                                        "higher",
                                        "earlier_submission",
                                    ],
                                },
                                "ref": {"type": ["string", "null"]},
                            }
                        )
                    ),
                }
            ),
            "criteria": _array(
                _obj(
                    {
                        "code": CODE,
                        "name": TEXT,
                        "kind": {
                            "type": "string",
                            "enum": ["scored", "lower_better", "higher_better", "banded", "yes_no"],
                        },
                        "weight": DECIMAL,
                        "max_score": DECIMAL_OR_NULL,
                        "step": DECIMAL_OR_NULL,
                        "min_score": DECIMAL_OR_NULL,
                        "field": {"type": ["string", "null"]},
                        "cap": DECIMAL_OR_NULL,
                        "guidance": TEXT,
                        "bands": _array(_obj({"from": DECIMAL, "points": DECIMAL})),
                    }
                )
            ),
            "formal_items": _array(
                _obj(
                    {
                        "code": CODE,
                        "text": TEXT,
                        "is_timeliness": {"type": "boolean"},
                        "correctable": {"type": "boolean"},
                    }
                )
            ),
            "offers": _array(
                _obj(
                    {
                        "code": CODE,
                        "number": {"type": "integer", "minimum": 1},
                        "title": TEXT,
                        "received_at": DATETIME,
                        "requested_amount": DECIMAL,
                        "formal_status": {
                            "type": "string",
                            "enum": ["pending", "correction_requested", "admitted", "rejected"],
                        },
                        "rejection_reason": TEXT,
                        "applicant": _obj(
                            {
                                "name": TEXT,
                                "legal_form": TEXT,
                                "nip": {"type": ["string", "null"]},
                                "regon": {"type": ["string", "null"]},
                                "krs": {"type": ["string", "null"]},
                                "address": TEXT,
                                "contact_person": TEXT,
                                "email": TEXT,
                                "phone": TEXT,
                            }
                        ),
                        "values": {"type": "object", "additionalProperties": DECIMAL},
                        "attachments": _array(
                            _obj(
                                {
                                    "filename": TEXT,
                                    "sha256": {"type": "string", "pattern": r"^[0-9a-f]{64}$"},
                                    "size": {"type": "integer", "minimum": 0},
                                    "added_at": DATETIME,
                                    "content_base64": TEXT,
                                }
                            )
                        ),
                        "check_results": _array(
                            _obj(
                                {
                                    "item": CODE,
                                    "answer": {"type": "string", "enum": ["yes", "no", "n/a"]},
                                    "note": TEXT,
                                }
                            )
                        ),
                        "corrections": _array(
                            _obj(
                                {
                                    "requested_on": DATE,
                                    "deadline": DATE,
                                    "scope": TEXT,
                                    "fulfilled_on": DATE,
                                }
                            )
                        ),
                    }
                )
            ),
            "members": _array(
                _obj(
                    {
                        "code": CODE,
                        "name": TEXT,
                        "role": {
                            "type": "string",
                            "enum": ["chair", "secretary", "member", "expert"],
                        },
                        "affiliation": TEXT,
                        "email": TEXT,
                        "declaration_signed_on": DATE,
                        "declaration_text": TEXT,
                        "conflicts": _array(
                            _obj({"offer": CODE, "reason": TEXT, "declared_on": DATE})
                        ),
                    }
                )
            ),
            "meetings": _array(
                _obj(
                    {"starts_at": DATETIME, "place": TEXT, "purpose": TEXT, "present": _array(CODE)}
                )
            ),
            "scores": _array(
                _obj(
                    {
                        "member": CODE,
                        "offer": CODE,
                        "criterion": CODE,
                        "value": DECIMAL,
                        "justification": TEXT,
                        "source": {
                            "type": "string",
                            "enum": ["manual", "workbook", "package", "import"],
                        },
                        "entered_at": DATETIME,
                    }
                )
            ),
            "decisions": _array(
                _obj(
                    {
                        "kind": {
                            "type": "string",
                            "enum": [
                                "tie_order",
                                "discrepancy_resolution",
                                "manual_award",
                                "formal_override",
                                "late_admission",
                                "remark",
                            ],
                        },
                        "offer": {"type": ["string", "null"]},
                        "payload": {"type": "object"},
                        "reason": TEXT,
                        "decided_on": DATE,
                        "recorded_at": DATETIME,
                        "active": {"type": "boolean"},
                    }
                )
            ),
            "protocol_versions": _array(
                _obj(
                    {
                        "number": {"type": "integer", "minimum": 1},
                        "signed_off_at": DATETIME,
                        "signed_off_by": TEXT,
                        "fingerprint": {"type": "string", "pattern": r"^[0-9a-f]{64}$"},
                        "results_json": TEXT,
                        "pdf_base64": {"type": ["string", "null"]},
                        "xlsx_base64": {"type": ["string", "null"]},
                        "reopened_at": DATETIME_OR_NULL,
                        "reopen_reason": TEXT,
                    }
                )
            ),
        }
    ),
}

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def _type_ok(value: Any, names: str | list[str]) -> bool:
    for name in [names] if isinstance(names, str) else names:
        if name in ("integer", "number") and isinstance(value, bool):
            continue
        if isinstance(value, _TYPES[name]):
            return True
    return False


def validate(
    value: Any, schema: dict[str, Any] = SCHEMA, path: str = "$"
) -> list[tuple[str, Words]]:
    """Every violation, as its place (``"$.offers[3].requested_amount"``) and a ``Words``."""
    problems: list[tuple[str, Words]] = []
    if "type" in schema and not _type_ok(value, schema["type"]):
        expected = schema["type"] if isinstance(schema["type"], str) else "/".join(schema["type"])
        return [(path, Words("xchg.type", {"expected": expected, "found": type(value).__name__}))]
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(str(item) for item in schema["enum"])
        return [(path, Words("xchg.enum", {"value": repr(value), "allowed": allowed}))]
    if isinstance(value, str) and "pattern" in schema and not re.match(schema["pattern"], value):
        problems.append((path, Words("xchg.format", {"value": repr(value)})))
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and "minimum" in schema
        and (value < schema["minimum"])
    ):
        problems.append(
            (path, Words("xchg.minimum", {"value": value, "minimum": schema["minimum"]}))
        )
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                problems.append((path, Words("xchg.missing_key", {"key": repr(key)})))
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                problems.extend(validate(item, properties[key], f"{path}.{key}"))
            elif extra is False:
                problems.append((path, Words("xchg.unknown_key", {"key": repr(key)})))
            elif isinstance(extra, dict):
                problems.extend(validate(item, extra, f"{path}.{key}"))
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems.extend(validate(item, schema["items"], f"{path}[{index}]"))
    return problems
