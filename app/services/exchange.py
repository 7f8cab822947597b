"""Whole competitions to and from one versioned JSON document, losslessly.

Export → import → export gives the same document (database ids never appear in it; offers,
members and criteria are referred to by their codes).  Import checks the structure against
the schema, then the rules (references, identifiers, scales, recusals), and writes everything
in one transaction — or nothing, with a message that names the problem and its place.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import __version__
from app.db import Database
from app.errors import UserError
from app.models import (
    Applicant,
    Attachment,
    AttachmentBlob,
    Attendance,
    BudgetLine,
    CheckAnswer,
    Competition,
    CompetitionKind,
    CompetitionStatus,
    Conflict,
    CorrectionRequest,
    Criterion,
    CriterionBand,
    Decision,
    DecisionKind,
    FormalCheckItem,
    FormalCheckResult,
    FormalStatus,
    Institution,
    Meeting,
    Member,
    Offer,
    OfferValue,
    ProtocolVersion,
    Score,
    ScoreSource,
    ScoringPolicy,
    TieBreakerRule,
)
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    MemberRole,
    RoundingStage,
    ThresholdBasis,
    TieBreakerKind,
)
from app.services.base import Actor, get_competition
from app.services.exchange_schema import FORMAT, SCHEMA, VERSION, validate
from app.services.identifiers import validate_krs, validate_nip, validate_regon
from app.words import Words

MAX_IMPORT_BYTES = 512 * 1024 * 1024


def _d(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _ts(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def export_competition(db: Database, competition_id: int) -> dict[str, Any]:
    with db.read() as session:
        c = get_competition(session, competition_id)
        offer_code = {o.id: o.code for o in c.offers}
        member_code = {m.id: m.code for m in c.members}
        criterion_code = {k.id: k.code for k in c.criteria}
        item_code = {i.id: i.code for i in c.formal_items}
        p = c.policy
        inst = c.institution
        scores = session.scalars(select(Score).where(Score.competition_id == c.id)).all()
        blobs: dict[str, bytes] = {}
        for offer in c.offers:
            for attachment in offer.attachments:
                blob = session.get(AttachmentBlob, attachment.sha256)
                blobs[attachment.sha256] = blob.content if blob else b""
        return {
            "format": FORMAT,
            "version": VERSION,
            "generator": f"komisja {__version__}",
            "institution": None
            if inst is None
            else {
                "name": inst.name,
                "address": inst.address,
                "head_name": inst.head_name,
                "head_title": inst.head_title,
            },
            "competition": {
                "uid": c.uid,
                "kind": c.kind.value,
                "status": c.status.value,
                "title": c.title,
                "case_reference": c.case_reference,
                "legal_basis": c.legal_basis,
                "committee_act": c.committee_act,
                "task_description": c.task_description,
                "announced_on": _day(c.announced_on),
                "publication_places": c.publication_places,
                "last_publication_on": _day(c.last_publication_on),
                "submission_deadline": _ts(c.submission_deadline),
                "decision_date": _day(c.decision_date),
                "meeting_place": c.meeting_place,
                "require_justification": c.require_justification,
                "remarks": c.remarks,
                "cancellation_reason": c.cancellation_reason,
                "created_at": _ts(c.created_at),
            },
            "budget": [{"year": b.year, "amount": str(b.amount)} for b in c.budget_lines],
            "policy": {
                "aggregation": p.aggregation.value,
                "rounding_places": p.rounding_places,
                "rounding_stage": p.rounding_stage.value,
                "min_total": _d(p.min_total),
                "min_total_basis": p.min_total_basis.value,
                "discrepancy_points": _d(p.discrepancy_points),
                "winners": p.winners,
                "allocation_method": p.allocation_method.value,
                "allocation_budget": _d(p.allocation_budget),
                "award_step": str(p.award_step),
                "full_above": _d(p.full_above),
                "tie_breakers": [{"kind": t.kind.value, "ref": t.ref} for t in c.tie_breakers],
            },
            "criteria": [
                {
                    "code": k.code,
                    "name": k.name,
                    "kind": k.kind.value,
                    "weight": str(k.weight),
                    "max_score": _d(k.max_score),
                    "step": _d(k.step),
                    "min_score": _d(k.min_score),
                    "field": k.field,
                    "cap": _d(k.cap),
                    "guidance": k.guidance,
                    "bands": [
                        {"from": str(b.from_value), "points": str(b.points)} for b in k.bands
                    ],
                }
                for k in c.criteria
            ],
            "formal_items": [
                {
                    "code": i.code,
                    "text": i.text,
                    "is_timeliness": i.is_timeliness,
                    "correctable": i.correctable,
                }
                for i in c.formal_items
            ],
            "offers": [
                {
                    "code": o.code,
                    "number": o.number,
                    "title": o.title,
                    "received_at": _ts(o.received_at),
                    "requested_amount": str(o.requested_amount),
                    "formal_status": o.formal_status.value,
                    "rejection_reason": o.rejection_reason,
                    "applicant": {
                        "name": o.applicant.name,
                        "legal_form": o.applicant.legal_form,
                        "nip": o.applicant.nip,
                        "regon": o.applicant.regon,
                        "krs": o.applicant.krs,
                        "address": o.applicant.address,
                        "contact_person": o.applicant.contact_person,
                        "email": o.applicant.email,
                        "phone": o.applicant.phone,
                    },
                    "values": {
                        v.field: str(v.value) for v in sorted(o.values, key=lambda v: v.field)
                    },
                    "attachments": [
                        {
                            "filename": a.filename,
                            "sha256": a.sha256,
                            "size": a.size,
                            "added_at": _ts(a.added_at),
                            "content_base64": _b64(blobs[a.sha256]),
                        }
                        for a in sorted(o.attachments, key=lambda a: (a.added_at, a.filename))
                    ],
                    "check_results": sorted(
                        (
                            {"item": item_code[r.item_id], "answer": r.answer.value, "note": r.note}
                            for r in o.check_results
                        ),
                        key=lambda r: r["item"],
                    ),
                    "corrections": [
                        {
                            "requested_on": _day(r.requested_on),
                            "deadline": _day(r.deadline),
                            "scope": r.scope,
                            "fulfilled_on": _day(r.fulfilled_on),
                        }
                        for r in sorted(o.corrections, key=lambda r: r.requested_on)
                    ],
                }
                for o in c.offers
            ],
            "members": [
                {
                    "code": m.code,
                    "name": m.name,
                    "role": m.role.value,
                    "affiliation": m.affiliation,
                    "email": m.email,
                    "declaration_signed_on": _day(m.declaration_signed_on),
                    "declaration_text": m.declaration_text,
                    "conflicts": sorted(
                        (
                            {
                                "offer": offer_code[x.offer_id],
                                "reason": x.reason,
                                "declared_on": _day(x.declared_on),
                            }
                            for x in m.conflicts
                        ),
                        key=lambda x: str(x["offer"]),
                    ),
                }
                for m in c.members
            ],
            "meetings": [
                {
                    "starts_at": _ts(g.starts_at),
                    "place": g.place,
                    "purpose": g.purpose,
                    "present": sorted(member_code[a.member_id] for a in g.attendance if a.present),
                }
                for g in c.meetings
            ],
            "scores": sorted(
                (
                    {
                        "member": member_code[s.member_id],
                        "offer": offer_code[s.offer_id],
                        "criterion": criterion_code[s.criterion_id],
                        "value": str(s.value),
                        "justification": s.justification,
                        "source": s.source.value,
                        "entered_at": _ts(s.entered_at),
                    }
                    for s in scores
                ),
                key=lambda s: (str(s["member"]), str(s["offer"]), str(s["criterion"])),
            ),
            "decisions": [
                {
                    "kind": d.kind.value,
                    "offer": offer_code[d.offer_id] if d.offer_id else None,
                    "payload": d.payload,
                    "reason": d.reason,
                    "decided_on": _day(d.decided_on),
                    "recorded_at": _ts(d.recorded_at),
                    "active": d.active,
                }
                for d in c.decisions
            ],
            "protocol_versions": [
                {
                    "number": v.number,
                    "signed_off_at": _ts(v.signed_off_at),
                    "signed_off_by": v.signed_off_by,
                    "fingerprint": v.fingerprint,
                    "results_json": v.results_json,
                    "pdf_base64": _b64(v.pdf),
                    "xlsx_base64": _b64(v.xlsx),
                    "reopened_at": _ts(v.reopened_at),
                    "reopen_reason": v.reopen_reason,
                }
                for v in c.protocol_versions
            ],
        }


# ---------------------------------------------------------------------------------------------
# Import


def _fail(where: str, detail: Words) -> UserError:
    return UserError("exchange_invalid", {"where": where, "detail": detail})


def _refuse(problems: list[tuple[str, Words]]) -> None:
    """Refuse the document when anything is wrong: the first problem and up to 19 more."""
    if problems:
        (where, detail), rest = problems[0], problems[1:20]
        raise UserError(
            "exchange_invalid",
            {"where": where, "detail": detail},
            details=tuple(Words("xchg.at", {"where": w, "detail": d}) for w, d in rest),
        )


def read_document(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise _fail(
                path.name, Words("xchg.too_large", {"size": size, "limit": MAX_IMPORT_BYTES})
            )
        raw = path.read_bytes()
    except OSError as error:
        raise UserError("file_unreadable", {"path": path, "detail": error.strerror}) from error
    return parse_document(raw, path.name)


def parse_document(raw: bytes, name: str = "document") -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fail(name, Words("xchg.not_utf8", {"byte": error.start})) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise _fail(
            name, Words("xchg.not_json", {"line": error.lineno, "column": error.colno})
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _fail(name, Words("xchg.not_komisja"))
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise UserError("exchange_newer", {"found": version, "supported": VERSION})
    _refuse(validate(document, SCHEMA))
    return document


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value.replace("Z", "+00:00"))


def _check_rules(doc: dict[str, Any]) -> None:
    """Referential and domain rules the schema cannot express; every problem with its place."""
    problems: list[tuple[str, Words]] = []

    def unique(items: list[dict[str, Any]], key: str, where: str) -> set[str]:
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item[key] in seen:
                problems.append(
                    (f"$.{where}[{index}].{key}", Words("xchg.duplicate", {"value": item[key]}))
                )
            seen.add(item[key])
        return seen

    offers = unique(doc["offers"], "code", "offers")
    members = unique(doc["members"], "code", "members")
    criteria = {c["code"]: c for c in doc["criteria"]}
    unique(doc["criteria"], "code", "criteria")
    items = unique(doc["formal_items"], "code", "formal_items")
    recused = {(m["code"], x["offer"]) for m in doc["members"] for x in m["conflicts"]}
    for i, offer in enumerate(doc["offers"]):
        applicant = offer["applicant"]
        for key, check in (("nip", validate_nip), ("regon", validate_regon), ("krs", validate_krs)):
            if applicant[key]:
                try:
                    check(applicant[key])
                except UserError as error:
                    problems.append(
                        (
                            f"$.offers[{i}].applicant.{key}",
                            Words(f"error.{error.code}", error.params),
                        )
                    )
        for j, attachment in enumerate(offer["attachments"]):
            try:
                content = base64.b64decode(attachment["content_base64"], validate=True)
            except ValueError:
                problems.append((f"$.offers[{i}].attachments[{j}]", Words("xchg.not_base64")))
                continue
            if hashlib.sha256(content).hexdigest() != attachment["sha256"]:
                problems.append((f"$.offers[{i}].attachments[{j}]", Words("xchg.sha256")))
        for j, result in enumerate(offer["check_results"]):
            if result["item"] not in items:
                problems.append(
                    (
                        f"$.offers[{i}].check_results[{j}].item",
                        Words("xchg.unknown", {"value": result["item"]}),
                    )
                )
    for i, member in enumerate(doc["members"]):
        for j, conflict in enumerate(member["conflicts"]):
            if conflict["offer"] not in offers:
                problems.append(
                    (
                        f"$.members[{i}].conflicts[{j}].offer",
                        Words("xchg.unknown", {"value": conflict["offer"]}),
                    )
                )
    if sum(1 for m in doc["members"] if m["role"] == "chair") > 1:
        problems.append(("$.members", Words("xchg.two_chairs")))
    for i, meeting in enumerate(doc["meetings"]):
        for code in meeting["present"]:
            if code not in members:
                problems.append(
                    (f"$.meetings[{i}].present", Words("xchg.unknown", {"value": code}))
                )
    for i, score in enumerate(doc["scores"]):
        where = f"$.scores[{i}]"
        if score["member"] not in members:
            problems.append((f"{where}.member", Words("xchg.unknown", {"value": score["member"]})))
        if score["offer"] not in offers:
            problems.append((f"{where}.offer", Words("xchg.unknown", {"value": score["offer"]})))
        criterion = criteria.get(score["criterion"])
        if criterion is None:
            problems.append(
                (f"{where}.criterion", Words("xchg.unknown", {"value": score["criterion"]}))
            )
            continue
        if (score["member"], score["offer"]) in recused:
            problems.append(
                (where, Words("xchg.recused", {"member": score["member"], "offer": score["offer"]}))
            )
        value = Decimal(score["value"])
        maximum = _dec(criterion["max_score"])
        step = _dec(criterion["step"])
        if maximum is None or step is None:
            problems.append(
                (
                    f"{where}.criterion",
                    Words("error.criterion_not_scored", {"criterion": criterion["code"]}),
                )
            )
        elif not (0 <= value <= maximum) or value % step != 0:
            problems.append(
                (
                    f"{where}.value",
                    Words("xchg.off_scale", {"value": value, "max": maximum, "step": step}),
                )
            )
    for i, decision in enumerate(doc["decisions"]):
        if decision["offer"] is not None and decision["offer"] not in offers:
            problems.append(
                (f"$.decisions[{i}].offer", Words("xchg.unknown", {"value": decision["offer"]}))
            )
    for i, rule in enumerate(doc["policy"]["tie_breakers"]):
        if rule["kind"] == "criterion" and rule["ref"] not in criteria:
            problems.append(
                (f"$.policy.tie_breakers[{i}].ref", Words("xchg.unknown", {"value": rule["ref"]}))
            )
    _refuse(problems)


def import_document(db: Database, actor: Actor, doc: dict[str, Any]) -> int:
    """Create the competition of ``doc``; refuses a uid already present.  One transaction."""
    _check_rules(doc)
    info = doc["competition"]
    with db.unit_of_work(actor.operator, actor.member) as session:
        existing = session.scalar(select(Competition.id).where(Competition.uid == info["uid"]))
        if existing is not None:
            raise UserError("exchange_duplicate", {"uid": info["uid"], "title": info["title"]})
        institution = None
        if doc["institution"] is not None:
            inst = doc["institution"]
            institution = session.scalars(
                select(Institution).where(Institution.name == inst["name"])
            ).first() or Institution(**inst)
        c = Competition(
            uid=info["uid"],
            kind=CompetitionKind(info["kind"]),
            status=CompetitionStatus(info["status"]),
            title=info["title"],
            case_reference=info["case_reference"],
            legal_basis=info["legal_basis"],
            committee_act=info["committee_act"],
            task_description=info["task_description"],
            announced_on=_date(info["announced_on"]),
            publication_places=info["publication_places"],
            last_publication_on=_date(info["last_publication_on"]),
            submission_deadline=_dt(info["submission_deadline"]),
            decision_date=_date(info["decision_date"]),
            meeting_place=info["meeting_place"],
            require_justification=info["require_justification"],
            remarks=info["remarks"],
            cancellation_reason=info["cancellation_reason"],
            created_at=_dt(info["created_at"]),
            institution=institution,
        )
        p = doc["policy"]
        c.policy = ScoringPolicy(
            aggregation=Aggregation(p["aggregation"]),
            rounding_places=p["rounding_places"],
            rounding_stage=RoundingStage(p["rounding_stage"]),
            min_total=_dec(p["min_total"]),
            min_total_basis=ThresholdBasis(p["min_total_basis"]),
            discrepancy_points=_dec(p["discrepancy_points"]),
            winners=p["winners"],
            allocation_method=AllocationMethod(p["allocation_method"]),
            allocation_budget=_dec(p["allocation_budget"]),
            award_step=Decimal(p["award_step"]),
            full_above=_dec(p["full_above"]),
        )
        for position, t in enumerate(p["tie_breakers"], start=1):
            c.tie_breakers.append(
                TieBreakerRule(position=position, kind=TieBreakerKind(t["kind"]), ref=t["ref"])
            )
        for b in doc["budget"]:
            c.budget_lines.append(BudgetLine(year=b["year"], amount=Decimal(b["amount"])))
        for position, k in enumerate(doc["criteria"], start=1):
            criterion = Criterion(
                code=k["code"],
                name=k["name"],
                kind=CriterionKind(k["kind"]),
                position=position,
                weight=Decimal(k["weight"]),
                max_score=_dec(k["max_score"]),
                step=_dec(k["step"]),
                min_score=_dec(k["min_score"]),
                field=k["field"],
                cap=_dec(k["cap"]),
                guidance=k["guidance"],
            )
            for band in k["bands"]:
                criterion.bands.append(
                    CriterionBand(from_value=Decimal(band["from"]), points=Decimal(band["points"]))
                )
            c.criteria.append(criterion)
        for position, item in enumerate(doc["formal_items"], start=1):
            c.formal_items.append(FormalCheckItem(position=position, **item))
        session.add(c)
        session.flush()
        items = {i.code: i.id for i in c.formal_items}
        criteria = {k.code: k.id for k in c.criteria}
        offers: dict[str, int] = {}
        for o in doc["offers"]:
            applicant = Applicant(competition_id=c.id, **o["applicant"])
            session.add(applicant)
            session.flush()
            offer = Offer(
                competition_id=c.id,
                number=o["number"],
                code=o["code"],
                applicant_id=applicant.id,
                title=o["title"],
                received_at=_dt(o["received_at"]),
                requested_amount=Decimal(o["requested_amount"]),
                formal_status=FormalStatus(o["formal_status"]),
                rejection_reason=o["rejection_reason"],
            )
            for name, value in o["values"].items():
                offer.values.append(OfferValue(field=name, value=Decimal(value)))
            for a in o["attachments"]:
                if session.get(AttachmentBlob, a["sha256"]) is None:
                    session.add(
                        AttachmentBlob(
                            sha256=a["sha256"], content=base64.b64decode(a["content_base64"])
                        )
                    )
                    session.flush()
                offer.attachments.append(
                    Attachment(
                        filename=a["filename"],
                        sha256=a["sha256"],
                        size=a["size"],
                        added_at=_dt(a["added_at"]),
                    )
                )
            for r in o["check_results"]:
                offer.check_results.append(
                    FormalCheckResult(
                        item_id=items[r["item"]], answer=CheckAnswer(r["answer"]), note=r["note"]
                    )
                )
            for r in o["corrections"]:
                offer.corrections.append(
                    CorrectionRequest(
                        requested_on=_date(r["requested_on"]),
                        deadline=_date(r["deadline"]),
                        scope=r["scope"],
                        fulfilled_on=_date(r["fulfilled_on"]),
                    )
                )
            session.add(offer)
            session.flush()
            offers[o["code"]] = offer.id
        members: dict[str, int] = {}
        for position, m in enumerate(doc["members"], start=1):
            member = Member(
                competition_id=c.id,
                code=m["code"],
                position=position,
                name=m["name"],
                role=MemberRole(m["role"]),
                affiliation=m["affiliation"],
                email=m["email"],
                declaration_signed_on=_date(m["declaration_signed_on"]),
                declaration_text=m["declaration_text"],
            )
            for x in m["conflicts"]:
                member.conflicts.append(
                    Conflict(
                        offer_id=offers[x["offer"]],
                        reason=x["reason"],
                        declared_on=_date(x["declared_on"]),
                    )
                )
            session.add(member)
            session.flush()
            members[m["code"]] = member.id
        for g in doc["meetings"]:
            meeting = Meeting(
                competition_id=c.id,
                starts_at=_dt(g["starts_at"]),
                place=g["place"],
                purpose=g["purpose"],
            )
            for code, member_id in members.items():
                meeting.attendance.append(
                    Attendance(member_id=member_id, present=code in g["present"])
                )
            session.add(meeting)
        for s in doc["scores"]:
            session.add(
                Score(
                    competition_id=c.id,
                    member_id=members[s["member"]],
                    offer_id=offers[s["offer"]],
                    criterion_id=criteria[s["criterion"]],
                    value=Decimal(s["value"]),
                    justification=s["justification"],
                    source=ScoreSource(s["source"]),
                    entered_at=_dt(s["entered_at"]),
                )
            )
        for d in doc["decisions"]:
            session.add(
                Decision(
                    competition_id=c.id,
                    kind=DecisionKind(d["kind"]),
                    offer_id=offers[d["offer"]] if d["offer"] else None,
                    payload=d["payload"],
                    reason=d["reason"],
                    decided_on=_date(d["decided_on"]),
                    recorded_at=_dt(d["recorded_at"]),
                    active=d["active"],
                )
            )
        for v in doc["protocol_versions"]:
            session.add(
                ProtocolVersion(
                    competition_id=c.id,
                    number=v["number"],
                    signed_off_at=_dt(v["signed_off_at"]),
                    signed_off_by=v["signed_off_by"],
                    fingerprint=v["fingerprint"],
                    results_json=v["results_json"],
                    pdf=base64.b64decode(v["pdf_base64"]) if v["pdf_base64"] else None,
                    pdf_sha256=(
                        hashlib.sha256(base64.b64decode(v["pdf_base64"])).hexdigest()
                        if v["pdf_base64"]
                        else None
                    ),
                    xlsx=base64.b64decode(v["xlsx_base64"]) if v["xlsx_base64"] else None,
                    reopened_at=_dt(v["reopened_at"]),
                    reopen_reason=v["reopen_reason"],
                )
            )
        session.flush()
        return c.id


def import_file(db: Database, actor: Actor, path: Path) -> int:
    return import_document(db, actor, read_document(path))
