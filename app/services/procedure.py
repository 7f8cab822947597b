"""The rules of the procedure: what may change when, who may do what, and the status machine.

Every public function is one use case and one transaction (``Database.unit_of_work``): it
either completes, with its audit entries, or leaves the database exactly as it was.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError, missing
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
    Meeting,
    Member,
    Offer,
    OfferValue,
    Score,
    ScoreSheetIssue,
    ScoreSource,
    ScoringPolicy,
    TieBreakerRule,
)
from app.scoring.types import AllocationMethod, CriterionKind, MemberRole, TieBreakerKind
from app.services import base
from app.services.base import Actor, get_competition, require_editable, require_reason, status_label
from app.services.identifiers import validate_krs, validate_nip, validate_regon
from app.services.specs import (
    ApplicantSpec,
    CallSpec,
    CriterionSpec,
    MeetingSpec,
    MemberSpec,
    OfferSpec,
    PolicySpec,
    ScoreEntry,
)

MIN_DAYS_OPEN_COMPETITION = 21  # art. 13 ust. 1 of the Public Benefit Act
MAX_MISSING_LISTED = 25

DEFAULT_FORMAL_ITEMS: dict[CompetitionKind, tuple[tuple[str, str, bool, bool], ...]] = {
    # code, text, is_timeliness, correctable
    CompetitionKind.NGO_GRANT: (
        ("F1", "Oferta złożona w terminie", True, False),
        ("F2", "Oferent jest podmiotem uprawnionym (art. 3 ust. 2 i 3 uodpp)", False, False),
        ("F3", "Oferta złożona na obowiązującym wzorze", False, True),
        ("F4", "Oferta zawiera wszystkie wymagane informacje i załączniki", False, True),
        ("F5", "Oferta podpisana przez osoby upoważnione do reprezentacji", False, True),
        ("F6", "Zadanie mieści się w celach statutowych oferenta", False, False),
    ),
    CompetitionKind.INVESTOR: (
        ("F1", "Oferta złożona w terminie", True, False),
        ("F2", "Inwestor spełnia warunki udziału w naborze", False, False),
        ("F3", "Oferta zawiera wymagane oświadczenia i dokumenty", False, True),
        ("F4", "Oferta podpisana przez osoby upoważnione do reprezentacji", False, True),
    ),
    CompetitionKind.PROVIDER: (
        ("F1", "Oferta złożona w terminie", True, False),
        ("F2", "Usługodawca spełnia warunki udziału w naborze", False, False),
        ("F3", "Oferta zawiera wymagane informacje i załączniki", False, True),
        ("F4", "Oferta podpisana przez osoby upoważnione do reprezentacji", False, True),
    ),
}


# ---------------------------------------------------------------------------------------------
# The call


def _apply_call(competition: Competition, spec: CallSpec) -> None:
    if not spec.title.strip():
        raise UserError("invalid_value", {"field": "tytuł / title", "detail": "pole wymagane"})
    competition.kind = spec.kind
    competition.title = spec.title.strip()
    competition.case_reference = spec.case_reference.strip()
    competition.legal_basis = spec.legal_basis
    competition.committee_act = spec.committee_act
    competition.task_description = spec.task_description
    competition.announced_on = spec.announced_on
    competition.publication_places = spec.publication_places
    competition.last_publication_on = spec.last_publication_on
    competition.submission_deadline = spec.submission_deadline
    competition.decision_date = spec.decision_date
    competition.meeting_place = spec.meeting_place
    competition.require_justification = spec.require_justification
    years = [year for year, _ in spec.budget]
    if len(set(years)) != len(years):
        raise UserError("invalid_value", {"field": "budżet / budget", "detail": "rok powtórzony"})
    for year, amount in spec.budget:
        if amount < 0:
            raise UserError("invalid_value", {"field": f"budżet {year}", "detail": "kwota ujemna"})
    existing = {line.year: line for line in competition.budget_lines}
    for year, amount in spec.budget:
        if year in existing:
            existing.pop(year).amount = amount
        else:
            competition.budget_lines.append(BudgetLine(year=year, amount=amount))
    for line in existing.values():
        competition.budget_lines.remove(line)


def _new_competition(spec: CallSpec, uid: str | None) -> Competition:
    """A draft competition with the call of ``spec`` and the default checklist of its kind."""
    competition = Competition(
        uid=uid or str(uuid.uuid4()),
        kind=spec.kind,
        status=CompetitionStatus.DRAFT,
        title=spec.title,
        created_at=base.now(),
    )
    _apply_call(competition, spec)
    competition.policy = ScoringPolicy()
    for position, (code, text, timely, correctable) in enumerate(
        DEFAULT_FORMAL_ITEMS[spec.kind], start=1
    ):
        competition.formal_items.append(
            FormalCheckItem(
                code=code,
                text=text,
                position=position,
                is_timeliness=timely,
                correctable=correctable,
            )
        )
    return competition


def create_competition(
    db: Database, actor: Actor, spec: CallSpec, *, uid: str | None = None
) -> int:
    """A new competition in draft, with the default formal checklist of its kind."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = _new_competition(spec, uid)
        session.add(competition)
        session.flush()
        return competition.id


def update_call(db: Database, actor: Actor, competition_id: int, spec: CallSpec) -> None:
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "call")
        _apply_call(competition, spec)


def set_meetings(
    db: Database, actor: Actor, competition_id: int, meetings: Sequence[MeetingSpec]
) -> None:
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "call_dates")
        members = {m.code: m for m in competition.members}
        competition.meetings.clear()
        session.flush()
        for spec in meetings:
            meeting = Meeting(starts_at=spec.starts_at, place=spec.place, purpose=spec.purpose)
            for code in spec.present:
                if code not in members:
                    raise UserError("not_found", {"what": "członek komisji / member", "id": code})
            competition.meetings.append(meeting)
            session.flush()
            for code, member in members.items():
                meeting.attendance.append(
                    Attendance(member_id=member.id, present=code in spec.present)
                )


def set_remarks(db: Database, actor: Actor, competition_id: int, remarks: str) -> None:
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "remarks")
        competition.remarks = remarks


# ---------------------------------------------------------------------------------------------
# Criteria and the scoring policy (frozen once the call is announced)


def _validate_criteria(specs: Sequence[CriterionSpec]) -> None:
    seen: set[str] = set()
    problems: list[str] = []
    for spec in specs:
        label = spec.code or "?"
        if not spec.code.strip():
            problems.append("kryterium bez kodu / a criterion without a code")
        if spec.code in seen:
            problems.append(f"{label}: kod powtórzony / duplicate code")
        seen.add(spec.code)
        if not spec.name.strip():
            problems.append(f"{label}: brak nazwy / no name")
        if spec.kind in (CriterionKind.SCORED, CriterionKind.YES_NO):
            if spec.kind is CriterionKind.SCORED and (
                spec.max_score is None or spec.max_score <= 0
            ):
                problems.append(f"{label}: skala musi mieć maksimum > 0 / scale max must be > 0")
            if spec.kind is CriterionKind.SCORED and (spec.step is None or spec.step <= 0):
                problems.append(f"{label}: krok skali musi być > 0 / scale step must be > 0")
            elif (
                spec.kind is CriterionKind.SCORED
                and spec.max_score is not None
                and spec.step is not None
                and (spec.max_score % spec.step) != 0
            ):
                problems.append(
                    f"{label}: maksimum {spec.max_score} nie jest wielokrotnością kroku "
                    f"{spec.step} / max is not a multiple of the step"
                )
            if (
                spec.min_score is not None
                and spec.max_score is not None
                and not (0 <= spec.min_score <= spec.max_score)
            ):
                problems.append(f"{label}: próg poza skalą / threshold off the scale")
        if (
            spec.kind
            in (CriterionKind.LOWER_BETTER, CriterionKind.HIGHER_BETTER, CriterionKind.BANDED)
            and not (spec.field or "").strip()
        ):
            problems.append(f"{label}: wzór wymaga pola oferty / a formula needs an offer field")
        if spec.kind is CriterionKind.BANDED and not spec.bands:
            problems.append(f"{label}: brak przedziałów / no bands")
        if spec.kind is not CriterionKind.YES_NO and spec.weight <= 0:
            problems.append(f"{label}: waga musi być > 0 / weight must be > 0")
        if spec.kind is CriterionKind.YES_NO and spec.weight < 0:
            problems.append(f"{label}: waga nie może być ujemna / weight cannot be negative")
    if problems:
        raise UserError(
            "invalid_value",
            {"field": "kryteria / criteria", "detail": problems[0]},
            details=tuple(problems[1:]),
        )


def _write_criteria(
    session: Session, competition: Competition, specs: Sequence[CriterionSpec]
) -> None:
    """Make the card of ``competition`` equal to ``specs`` (validated by the caller)."""
    existing = {c.code: c for c in competition.criteria}
    wanted = {spec.code for spec in specs}
    for code, criterion in list(existing.items()):
        if code not in wanted:
            competition.criteria.remove(criterion)
    session.flush()
    for position, spec in enumerate(specs, start=1):
        criterion = existing.get(spec.code)
        if criterion is None:
            criterion = Criterion(code=spec.code, position=position)
            competition.criteria.append(criterion)
        criterion.position = position
        criterion.name = spec.name
        criterion.kind = spec.kind
        criterion.weight = spec.weight
        is_yes_no = spec.kind is CriterionKind.YES_NO
        criterion.max_score = Decimal(1) if is_yes_no and not spec.field else spec.max_score
        criterion.step = Decimal(1) if is_yes_no and not spec.field else spec.step
        criterion.min_score = spec.min_score
        criterion.field = spec.field
        criterion.cap = spec.cap
        criterion.guidance = spec.guidance
        criterion.bands.clear()
        for band in spec.bands:
            criterion.bands.append(CriterionBand(from_value=band.from_value, points=band.points))


def set_criteria(
    db: Database, actor: Actor, competition_id: int, specs: Sequence[CriterionSpec]
) -> None:
    """Replace the card (only in draft: criteria are fixed once the call is published)."""
    _validate_criteria(specs)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "criteria")
        _write_criteria(session, competition, specs)


def _validate_policy(spec: PolicySpec) -> None:
    if not 0 <= spec.rounding_places <= 4:
        raise UserError(
            "invalid_value", {"field": "zaokrąglenie / rounding", "detail": "od 0 do 4 miejsc"}
        )
    if spec.award_step <= 0:
        raise UserError("invalid_value", {"field": "krok kwot / award step", "detail": "> 0"})
    if spec.winners is not None and spec.winners < 1:
        raise UserError("invalid_value", {"field": "liczba zwycięzców / winners", "detail": "≥ 1"})
    if (
        spec.allocation_method is AllocationMethod.FULL_ABOVE_PRORATA_BELOW
        and spec.full_above is None
    ):
        raise UserError(
            "invalid_value",
            {"field": "próg pełnego finansowania / full-funding threshold", "detail": "wymagany"},
        )


def _write_policy(session: Session, competition: Competition, spec: PolicySpec) -> None:
    policy = competition.policy
    policy.aggregation = spec.aggregation
    policy.rounding_places = spec.rounding_places
    policy.rounding_stage = spec.rounding_stage
    policy.min_total = spec.min_total
    policy.min_total_basis = spec.min_total_basis
    policy.discrepancy_points = spec.discrepancy_points
    policy.winners = spec.winners
    policy.allocation_method = spec.allocation_method
    policy.allocation_budget = spec.allocation_budget
    policy.award_step = spec.award_step
    policy.full_above = spec.full_above
    competition.tie_breakers.clear()
    session.flush()
    for position, breaker in enumerate(spec.tie_breakers, start=1):
        competition.tie_breakers.append(
            TieBreakerRule(position=position, kind=breaker.kind, ref=breaker.ref)
        )


def set_policy(db: Database, actor: Actor, competition_id: int, spec: PolicySpec) -> None:
    _validate_policy(spec)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "criteria")
        _write_policy(session, competition, spec)


def effective_budget(competition: Competition) -> Decimal | None:
    policy = competition.policy
    if policy.allocation_budget is not None:
        return policy.allocation_budget
    if competition.budget_lines:
        return sum((line.amount for line in competition.budget_lines), Decimal("0.00"))
    return None


# ---------------------------------------------------------------------------------------------
# Offers, applicants, attachments


def _applicant(spec: ApplicantSpec) -> Applicant:
    if not spec.name.strip():
        raise UserError(
            "invalid_value", {"field": "nazwa oferenta / applicant", "detail": "pole wymagane"}
        )
    return Applicant(
        name=spec.name.strip(),
        legal_form=spec.legal_form,
        nip=validate_nip(spec.nip) if spec.nip else None,
        regon=validate_regon(spec.regon) if spec.regon else None,
        krs=validate_krs(spec.krs) if spec.krs else None,
        address=spec.address,
        contact_person=spec.contact_person,
        email=spec.email,
        phone=spec.phone,
    )


def add_offer(db: Database, actor: Actor, competition_id: int, spec: OfferSpec) -> int:
    if spec.requested_amount < 0:
        raise UserError(
            "invalid_value", {"field": "kwota wnioskowana / requested", "detail": "kwota ujemna"}
        )
    if spec.received_at.tzinfo is None:
        raise UserError(
            "invalid_value", {"field": "data wpływu / received", "detail": "brak strefy czasowej"}
        )
    applicant = _applicant(spec.applicant)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        number = (
            session.scalar(
                select(func.max(Offer.number)).where(Offer.competition_id == competition_id)
            )
            or 0
        ) + 1
        code = spec.code or f"O{number}"
        duplicate = session.scalar(
            select(Offer.id).where(Offer.competition_id == competition_id, Offer.code == code)
        )
        if duplicate is not None:
            raise UserError("invalid_value", {"field": "kod oferty / offer code", "detail": code})
        applicant.competition_id = competition_id
        session.add(applicant)
        session.flush()
        offer = Offer(
            competition_id=competition_id,
            number=number,
            code=code,
            applicant_id=applicant.id,
            title=spec.title,
            received_at=spec.received_at,
            requested_amount=spec.requested_amount,
            formal_status=FormalStatus.PENDING,
        )
        for field_name, value in spec.values:
            offer.values.append(OfferValue(field=field_name, value=value))
        session.add(offer)
        session.flush()
        return offer.id


def update_applicant(
    db: Database, actor: Actor, competition_id: int, offer_id: int, spec: ApplicantSpec
) -> None:
    fresh = _applicant(spec)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        applicant = offer.applicant
        for column in (
            "name",
            "legal_form",
            "nip",
            "regon",
            "krs",
            "address",
            "contact_person",
            "email",
            "phone",
        ):
            setattr(applicant, column, getattr(fresh, column))


def add_attachment(
    db: Database, actor: Actor, competition_id: int, offer_id: int, filename: str, content: bytes
) -> str:
    digest = hashlib.sha256(content).hexdigest()
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if session.get(AttachmentBlob, digest) is None:
            session.add(AttachmentBlob(sha256=digest, content=content))
            session.flush()
        offer.attachments.append(
            Attachment(filename=filename, sha256=digest, size=len(content), added_at=base.now())
        )
    return digest


def attachment_content(db: Database, sha256: str) -> bytes:
    with db.read() as session:
        blob = session.get(AttachmentBlob, sha256)
        if blob is None:
            raise UserError("not_found", {"what": "załącznik / attachment", "id": sha256[:12]})
        if hashlib.sha256(blob.content).hexdigest() != sha256:
            raise UserError("db_corrupt", {"detail": f"attachment {sha256[:12]} checksum"})
        return blob.content


# ---------------------------------------------------------------------------------------------
# Formal check


def is_late(competition: Competition, offer: Offer) -> bool:
    deadline = competition.submission_deadline
    return deadline is not None and offer.received_at > deadline


def _late_admitted(session: Session, offer: Offer) -> bool:
    return (
        session.scalar(
            select(Decision.id).where(
                Decision.offer_id == offer.id,
                Decision.kind == DecisionKind.LATE_ADMISSION,
                Decision.active.is_(True),
            )
        )
        is not None
    )


def record_formal_check(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_id: int,
    answers: dict[str, CheckAnswer],
    *,
    notes: dict[str, str] | None = None,
    rejection_reason: str = "",
) -> FormalStatus:
    """Record the checklist; the outcome follows from it (a late offer fails automatically)."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        items = {item.code: item for item in competition.formal_items}
        unknown = sorted(set(answers) - set(items))
        if unknown:
            raise UserError(
                "not_found", {"what": "pozycja listy / checklist item", "id": unknown[0]}
            )
        late = is_late(competition, offer) and not _late_admitted(session, offer)
        results = {result.item_id: result for result in offer.check_results}
        for code, item in items.items():
            answer = answers.get(code)
            if item.is_timeliness:
                answer = CheckAnswer.NO if late else CheckAnswer.YES
            if answer is None:
                continue
            note = (notes or {}).get(code, "")
            result = results.get(item.id)
            if result is None:
                offer.check_results.append(
                    FormalCheckResult(item_id=item.id, answer=answer, note=note)
                )
            else:
                result.answer = answer
                result.note = note
        session.flush()
        answered = {r.item_id: r.answer for r in offer.check_results}
        failed = [
            "oferta złożona po terminie"
            if item.is_timeliness
            else f"niespełniony wymóg: {item.text}"
            for item in items.values()
            if answered.get(item.id) is CheckAnswer.NO
        ]
        if len(answered) < len(items):
            offer.formal_status = FormalStatus.PENDING
        elif failed:
            offer.formal_status = FormalStatus.REJECTED
            offer.rejection_reason = rejection_reason.strip() or ("; ".join(failed)).capitalize()
        else:
            offer.formal_status = FormalStatus.ADMITTED
            offer.rejection_reason = ""
        return offer.formal_status


def request_correction(
    db: Database, actor: Actor, competition_id: int, offer_id: int, scope: str, days: int = 7
) -> date:
    scope = require_reason(scope, "wezwanie do uzupełnienia / correction request")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if offer.corrections:
            raise UserError(
                "invalid_value",
                {
                    "field": "wezwanie / correction",
                    "detail": "dopuszczalne jest jedno wezwanie do uzupełnienia na ofertę",
                },
            )
        today = base.now().date()
        deadline = today + timedelta(days=days)
        offer.corrections.append(
            CorrectionRequest(requested_on=today, deadline=deadline, scope=scope)
        )
        offer.formal_status = FormalStatus.CORRECTION_REQUESTED
        return deadline


def record_correction_received(
    db: Database, actor: Actor, competition_id: int, offer_id: int, received_on: date
) -> None:
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if not offer.corrections:
            raise UserError("not_found", {"what": "wezwanie / correction", "id": offer.code})
        request = offer.corrections[-1]
        request.fulfilled_on = received_on
        offer.formal_status = FormalStatus.PENDING


def admit_late_offer(
    db: Database, actor: Actor, competition_id: int, offer_id: int, reason: str
) -> None:
    """A recorded decision that a late offer is treated as received on time."""
    reason = require_reason(reason, "dopuszczenie oferty złożonej po terminie")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        session.add(
            Decision(
                competition_id=competition_id,
                kind=DecisionKind.LATE_ADMISSION,
                offer_id=offer.id,
                payload={},
                reason=reason,
                decided_on=base.now().date(),
                recorded_at=base.now(),
            )
        )


def override_formal_outcome(
    db: Database, actor: Actor, competition_id: int, offer_id: int, admitted: bool, reason: str
) -> None:
    reason = require_reason(reason, "zmiana wyniku oceny formalnej")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        offer.formal_status = FormalStatus.ADMITTED if admitted else FormalStatus.REJECTED
        offer.rejection_reason = "" if admitted else reason
        session.add(
            Decision(
                competition_id=competition_id,
                kind=DecisionKind.FORMAL_OVERRIDE,
                offer_id=offer.id,
                payload={"admitted": admitted},
                reason=reason,
                decided_on=base.now().date(),
                recorded_at=base.now(),
            )
        )


# ---------------------------------------------------------------------------------------------
# Committee


def add_member(db: Database, actor: Actor, competition_id: int, spec: MemberSpec) -> int:
    if not spec.name.strip():
        raise UserError("invalid_value", {"field": "imię i nazwisko / name", "detail": "wymagane"})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        position = len(competition.members) + 1
        code = spec.code or f"M{position}"
        if any(m.code == code for m in competition.members):
            raise UserError("invalid_value", {"field": "kod członka / member code", "detail": code})
        if spec.role is MemberRole.CHAIR and any(
            m.role is MemberRole.CHAIR for m in competition.members
        ):
            raise UserError(
                "invalid_value",
                {"field": "rola / role", "detail": "komisja ma już przewodniczącego / has a chair"},
            )
        member = Member(
            code=code,
            position=position,
            name=spec.name.strip(),
            role=spec.role,
            affiliation=spec.affiliation,
            email=spec.email,
        )
        competition.members.append(member)
        session.flush()
        return member.id


def sign_declaration(
    db: Database,
    actor: Actor,
    competition_id: int,
    member_code: str,
    signed_on: date,
    text: str = "",
) -> None:
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        member = base.member_by_code(session, competition_id, member_code)
        member.declaration_signed_on = signed_on
        member.declaration_text = text


def declare_conflict(
    db: Database,
    actor: Actor,
    competition_id: int,
    member_code: str,
    offer_code: str,
    reason: str,
) -> None:
    """Recuse a member from an offer; scores already given for it are withdrawn."""
    reason = require_reason(reason, "wyłączenie członka komisji / recusal")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        member = base.member_by_code(session, competition_id, member_code)
        offer = base.offer_by_code(session, competition_id, offer_code)
        if any(c.offer_id == offer.id for c in member.conflicts):
            return
        member.conflicts.append(
            Conflict(offer_id=offer.id, reason=reason, declared_on=base.now().date())
        )
        for score in session.scalars(
            select(Score).where(Score.member_id == member.id, Score.offer_id == offer.id)
        ):
            session.delete(score)


# ---------------------------------------------------------------------------------------------
# Scores


def _check_score(criterion: Criterion, value: Decimal) -> None:
    if criterion.kind not in (CriterionKind.SCORED, CriterionKind.YES_NO) or (
        criterion.kind is CriterionKind.YES_NO and criterion.field
    ):
        raise UserError("criterion_not_scored", {"criterion": criterion.code})
    assert criterion.max_score is not None and criterion.step is not None
    if value < 0 or value > criterion.max_score:
        raise UserError(
            "score_off_scale",
            {"value": value, "criterion": criterion.code, "max": criterion.max_score},
        )
    if value % criterion.step != 0:
        raise UserError(
            "score_off_step",
            {"value": value, "criterion": criterion.code, "step": criterion.step},
        )


def record_scores(
    db: Database,
    actor: Actor,
    competition_id: int,
    member_code: str,
    entries: Iterable[ScoreEntry],
    *,
    source: ScoreSource = ScoreSource.MANUAL,
) -> int:
    """Record one member's scores (all valid, or none written); returns how many changed."""
    entries = list(entries)
    with db.unit_of_work(actor.operator, actor.member or member_code) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "scores")
        return apply_scores(session, competition, member_code, entries, source=source)


def apply_scores(
    session: Session,
    competition: Competition,
    member_code: str,
    entries: Sequence[ScoreEntry],
    *,
    source: ScoreSource,
) -> int:
    """Validate and upsert scores inside the caller's transaction (used by imports too)."""
    member = base.member_by_code(session, competition.id, member_code)
    offers = {o.code: o for o in competition.offers}
    criteria = {c.code: c for c in competition.criteria}
    recused = {c.offer_id for c in member.conflicts}
    problems: list[UserError] = []
    checked: list[tuple[Offer, Criterion, ScoreEntry]] = []
    for entry in entries:
        try:
            offer = offers.get(entry.offer_code)
            if offer is None:
                raise UserError("not_found", {"what": "oferta / offer", "id": entry.offer_code})
            criterion = criteria.get(entry.criterion_code)
            if criterion is None:
                raise UserError(
                    "not_found", {"what": "kryterium / criterion", "id": entry.criterion_code}
                )
            if offer.formal_status is not FormalStatus.ADMITTED:
                raise UserError("offer_not_admitted", {"offer": offer.code})
            if offer.id in recused:
                raise UserError("member_recused", {"member": member.name, "offer": offer.code})
            _check_score(criterion, entry.value)
            if competition.require_justification and not entry.justification.strip():
                raise UserError(
                    "justification_required", {"offer": offer.code, "criterion": criterion.code}
                )
            checked.append((offer, criterion, entry))
        except UserError as error:
            problems.append(error)
    if problems:
        first = problems[0]
        raise UserError(first.code, first.params, details=tuple(p.text() for p in problems[1:]))
    existing = {
        (s.offer_id, s.criterion_id): s
        for s in session.scalars(select(Score).where(Score.member_id == member.id))
    }
    changed = 0
    now = base.now()
    for offer, criterion, entry in checked:
        score = existing.get((offer.id, criterion.id))
        if score is None:
            session.add(
                Score(
                    competition_id=competition.id,
                    member_id=member.id,
                    offer_id=offer.id,
                    criterion_id=criterion.id,
                    value=entry.value,
                    justification=entry.justification.strip(),
                    source=source,
                    entered_at=now,
                )
            )
            changed += 1
        elif score.value != entry.value or score.justification != entry.justification.strip():
            score.value = entry.value
            score.justification = entry.justification.strip()
            score.source = source
            score.entered_at = now
            changed += 1
    return changed


def delete_score(
    db: Database,
    actor: Actor,
    competition_id: int,
    member_code: str,
    offer_code: str,
    criterion_code: str,
) -> None:
    with db.unit_of_work(actor.operator, actor.member or member_code) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "scores")
        member = base.member_by_code(session, competition_id, member_code)
        offer = base.offer_by_code(session, competition_id, offer_code)
        criterion = base.criterion_by_code(session, competition_id, criterion_code)
        score = session.scalar(
            select(Score).where(
                Score.member_id == member.id,
                Score.offer_id == offer.id,
                Score.criterion_id == criterion.id,
            )
        )
        if score is not None:
            session.delete(score)  # through the unit of work, so the audit trail records it


# ---------------------------------------------------------------------------------------------
# Committee decisions on the results


def _decision(
    session: Session,
    competition: Competition,
    kind: DecisionKind,
    offer: Offer | None,
    payload: dict[str, Any],
    reason: str,
) -> None:
    # A newer decision of the same kind for the same offer (or tie group) replaces the older.
    key = payload.get("key")
    for old in competition.decisions:
        if (
            old.kind is kind
            and old.active
            and (
                (offer is not None and old.offer_id == offer.id)
                or (key and old.payload.get("key") == key)
            )
        ):
            old.active = False
    session.add(
        Decision(
            competition_id=competition.id,
            kind=kind,
            offer_id=offer.id if offer else None,
            payload=payload,
            reason=reason,
            decided_on=base.now().date(),
            recorded_at=base.now(),
        )
    )


def record_tie_order(
    db: Database, actor: Actor, competition_id: int, offer_codes: Sequence[str], reason: str
) -> None:
    reason = require_reason(reason, "rozstrzygnięcie remisu / tie decision")
    if len(offer_codes) < 2 or len(set(offer_codes)) != len(offer_codes):
        raise UserError(
            "invalid_value",
            {"field": "kolejność / order", "detail": "co najmniej dwie różne oferty"},
        )
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "decisions")
        for code in offer_codes:
            base.offer_by_code(session, competition_id, code)
        key = "tie:" + ",".join(sorted(offer_codes))
        _decision(
            session,
            competition,
            DecisionKind.TIE_ORDER,
            None,
            {"key": key, "order": list(offer_codes)},
            reason,
        )


def record_discrepancy_resolution(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_code: str,
    method: str,
    reason: str,
    consensus_scores: dict[str, Decimal] | None = None,
) -> None:
    from app.scoring.types import DiscrepancyMethod

    reason = require_reason(reason, "rozstrzygnięcie rozbieżności / discrepancy resolution")
    resolved = DiscrepancyMethod(method)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "decisions")
        offer = base.offer_by_code(session, competition_id, offer_code)
        consensus = dict(consensus_scores or {})
        if resolved is DiscrepancyMethod.CONSENSUS and not consensus:
            raise UserError(
                "invalid_value",
                {"field": "oceny uzgodnione / consensus scores", "detail": "wymagane"},
            )
        for code, value in consensus.items():
            _check_score(base.criterion_by_code(session, competition_id, code), value)
        _decision(
            session,
            competition,
            DecisionKind.DISCREPANCY_RESOLUTION,
            offer,
            {"method": resolved.value, "consensus": {k: str(v) for k, v in consensus.items()}},
            reason,
        )


def record_manual_award(
    db: Database, actor: Actor, competition_id: int, offer_code: str, amount: Decimal, reason: str
) -> None:
    reason = require_reason(reason, "kwota dotacji / award")
    if amount < 0:
        raise UserError("invalid_value", {"field": "kwota / amount", "detail": "kwota ujemna"})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "decisions")
        offer = base.offer_by_code(session, competition_id, offer_code)
        if amount > offer.requested_amount:
            raise UserError(
                "invalid_value",
                {
                    "field": f"kwota dla {offer.code}",
                    "detail": f"{amount} przekracza kwotę wnioskowaną {offer.requested_amount}",
                },
            )
        if competition.policy.allocation_method is not AllocationMethod.MANUAL:
            raise UserError(
                "invalid_value",
                {
                    "field": "podział środków / allocation",
                    "detail": "kwoty ręczne są możliwe tylko przy metodzie „ręcznie”",
                },
            )
        budget = effective_budget(competition)
        others = sum(
            (
                Decimal(d.payload["amount"])
                for d in competition.decisions
                if d.kind is DecisionKind.MANUAL_AWARD and d.active and d.offer_id != offer.id
            ),
            Decimal(0),
        )
        if budget is not None and others + amount > budget:
            raise UserError(
                "invalid_value",
                {
                    "field": f"kwota dla {offer.code}",
                    "detail": f"suma przyznanych {others + amount} przekroczyłaby budżet {budget}",
                },
            )
        _decision(
            session, competition, DecisionKind.MANUAL_AWARD, offer, {"amount": str(amount)}, reason
        )


# ---------------------------------------------------------------------------------------------
# The status machine

_FLOW: dict[CompetitionStatus, CompetitionStatus] = {
    CompetitionStatus.DRAFT: CompetitionStatus.ANNOUNCED,
    CompetitionStatus.ANNOUNCED: CompetitionStatus.SUBMISSIONS_CLOSED,
    CompetitionStatus.SUBMISSIONS_CLOSED: CompetitionStatus.FORMAL_CHECK,
    CompetitionStatus.FORMAL_CHECK: CompetitionStatus.SCORING,
    CompetitionStatus.SCORING: CompetitionStatus.RESULTS,
    CompetitionStatus.SIGNED_OFF: CompetitionStatus.ARCHIVED,
}


def next_status(status: CompetitionStatus) -> CompetitionStatus | None:
    return _FLOW.get(status)


def counted_members(competition: Competition) -> list[Member]:
    return [m for m in competition.members if m.role is not MemberRole.EXPERT]


def missing_for(
    session: Session, competition: Competition, target: CompetitionStatus, lang: str = "pl"
) -> list[str]:
    """Everything that stops ``competition`` from moving to ``target``, in plain words."""
    en = lang == "en"
    out: list[str] = []
    if target is CompetitionStatus.ANNOUNCED:
        if not competition.case_reference:
            out.append("case reference" if en else "znak sprawy")
        if competition.announced_on is None:
            out.append("announcement date" if en else "data ogłoszenia")
        if competition.submission_deadline is None:
            out.append("submission deadline" if en else "termin składania ofert")
        if not competition.criteria:
            out.append("at least one criterion" if en else "co najmniej jedno kryterium oceny")
        if competition.kind is CompetitionKind.NGO_GRANT and competition.submission_deadline:
            published = competition.last_publication_on or competition.announced_on
            if published is not None:
                deadline_day = competition.submission_deadline.astimezone(base.WARSAW).date()
                if (deadline_day - published).days < MIN_DAYS_OPEN_COMPETITION:
                    out.append(
                        f"a deadline at least 21 days after the last publication ({published})"
                        if en
                        else f"termin składania ofert co najmniej 21 dni od ostatniej publikacji "
                        f"ogłoszenia ({published:%d.%m.%Y}; art. 13 ust. 1 uodpp)"
                    )
        codes = {c.code for c in competition.criteria}
        for rule in competition.tie_breakers:
            if rule.kind is TieBreakerKind.CRITERION and rule.ref not in codes:
                out.append(
                    f"tie-breaker names unknown criterion {rule.ref}"
                    if en
                    else f"kryterium rozstrzygania remisów {rule.ref} nie istnieje"
                )
        policy = competition.policy
        needs_budget = policy.allocation_method not in (AllocationMethod.NONE,)
        if needs_budget and not effective_budget(competition):
            out.append("the budget to allocate" if en else "kwota środków do podziału")
    elif target is CompetitionStatus.SUBMISSIONS_CLOSED:
        deadline = competition.submission_deadline
        if deadline is not None and base.now() < deadline:
            out.append(
                f"the submission deadline has not passed ({deadline.isoformat()})"
                if en
                else f"termin składania ofert jeszcze nie minął "
                f"({deadline.astimezone(base.WARSAW):%d.%m.%Y %H:%M})"
            )
    elif target is CompetitionStatus.FORMAL_CHECK:
        if not competition.offers:
            out.append(
                "at least one offer (with none, cancel the competition)"
                if en
                else "co najmniej jedna oferta (bez ofert konkurs należy unieważnić)"
            )
    elif target is CompetitionStatus.SCORING:
        pending = [
            o.code
            for o in competition.offers
            if o.formal_status in (FormalStatus.PENDING, FormalStatus.CORRECTION_REQUESTED)
        ]
        if pending:
            out.append(
                ("formal check not finished for: " if en else "nieukończona ocena formalna ofert: ")
                + ", ".join(pending[:MAX_MISSING_LISTED])
            )
        if not any(o.formal_status is FormalStatus.ADMITTED for o in competition.offers):
            out.append(
                "at least one admitted offer (with none, cancel)"
                if en
                else "co najmniej jedna oferta dopuszczona (bez nich konkurs należy unieważnić)"
            )
        if not any(m.role is MemberRole.CHAIR for m in competition.members):
            out.append("a chair of the committee" if en else "przewodniczący komisji")
        if not counted_members(competition):
            out.append("members who score" if en else "członkowie komisji oceniający oferty")
        unsigned = [m.name for m in competition.members if m.declaration_signed_on is None]
        if unsigned:
            out.append(
                ("impartiality declarations of: " if en else "oświadczenia o bezstronności: ")
                + ", ".join(unsigned)
            )
    elif target is CompetitionStatus.RESULTS:
        out.extend(missing_scores(session, competition, lang))
    return out


def missing_scores(session: Session, competition: Competition, lang: str = "pl") -> list[str]:
    """Which counted member still owes which score (or justification)."""
    en = lang == "en"
    scored = [
        c
        for c in competition.criteria
        if c.kind is CriterionKind.SCORED or (c.kind is CriterionKind.YES_NO and not c.field)
    ]
    admitted = [o for o in competition.offers if o.formal_status is FormalStatus.ADMITTED]
    have: dict[int, set[tuple[int, int]]] = {}
    unjustified: dict[int, int] = {}
    for member_id, offer_id, criterion_id, justification in session.execute(
        select(Score.member_id, Score.offer_id, Score.criterion_id, Score.justification).where(
            Score.competition_id == competition.id
        )
    ):
        have.setdefault(member_id, set()).add((offer_id, criterion_id))
        if competition.require_justification and not justification.strip():
            unjustified[member_id] = unjustified.get(member_id, 0) + 1
    out: list[str] = []
    for member in counted_members(competition):
        recused = {c.offer_id for c in member.conflicts}
        gaps: list[str] = []
        mine = have.get(member.id, set())
        for offer in admitted:
            if offer.id in recused:
                continue
            lacking = [c.code for c in scored if (offer.id, c.id) not in mine]
            if lacking:
                gaps.append(f"{offer.code} ({', '.join(lacking)})")
        if gaps:
            shown = ", ".join(gaps[:10]) + (f" … (+{len(gaps) - 10})" if len(gaps) > 10 else "")
            out.append(f"{member.name}: " + ("scores for " if en else "oceny ofert ") + shown)
        if unjustified.get(member.id):
            out.append(
                f"{member.name}: "
                + (
                    f"{unjustified[member.id]} scores without justification"
                    if en
                    else f"{unjustified[member.id]} ocen bez uzasadnienia"
                )
            )
    return out


def advance(db: Database, actor: Actor, competition_id: int) -> CompetitionStatus:
    """Move to the next step of the procedure, if everything it needs is there."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        target = next_status(competition.status)
        if target is None:
            raise UserError(
                "transition_not_allowed",
                {"current": status_label(competition.status), "target": "—"},
            )
        if competition.status is CompetitionStatus.RESULTS:
            raise UserError(
                "transition_not_allowed",
                {
                    "current": status_label(competition.status),
                    "target": status_label(CompetitionStatus.SIGNED_OFF),
                },
            )
        gaps = missing_for(session, competition, target)
        if gaps:
            raise UserError(
                "preconditions_missing", {"target": status_label(target), "missing": missing(gaps)}
            )
        if target is CompetitionStatus.FORMAL_CHECK:
            _auto_fail_late_offers(session, competition)
        competition.status = target
        return target


def _auto_fail_late_offers(session: Session, competition: Competition) -> None:
    timeliness = next((i for i in competition.formal_items if i.is_timeliness), None)
    for offer in competition.offers:
        if is_late(competition, offer) and not _late_admitted(session, offer):
            offer.formal_status = FormalStatus.REJECTED
            offer.rejection_reason = "Oferta złożona po terminie"
            if timeliness is not None and not any(
                r.item_id == timeliness.id for r in offer.check_results
            ):
                offer.check_results.append(
                    FormalCheckResult(
                        item_id=timeliness.id,
                        answer=CheckAnswer.NO,
                        note="wpływ po terminie składania ofert",
                    )
                )


def reopen_scoring(db: Database, actor: Actor, competition_id: int, reason: str) -> None:
    """Back from results to scoring (before sign-off), e.g. to let a member correct a card."""
    reason = require_reason(reason, "powrót do oceny merytorycznej")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        if competition.status is not CompetitionStatus.RESULTS:
            raise UserError(
                "transition_not_allowed",
                {
                    "current": status_label(competition.status),
                    "target": status_label(CompetitionStatus.SCORING),
                },
            )
        competition.status = CompetitionStatus.SCORING
        from app.db.audit import record_event

        record_event(
            session,
            competition_id=competition.id,
            object_type="Competition",
            object_id=str(competition.id),
            action="reopen_scoring",
            after={"reason": reason},
        )


def cancel_competition(db: Database, actor: Actor, competition_id: int, reason: str) -> None:
    reason = require_reason(reason, "unieważnienie konkursu / cancellation")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        if competition.status in (
            CompetitionStatus.SIGNED_OFF,
            CompetitionStatus.ARCHIVED,
            CompetitionStatus.CANCELLED,
        ):
            raise UserError(
                "transition_not_allowed",
                {
                    "current": status_label(competition.status),
                    "target": status_label(CompetitionStatus.CANCELLED),
                },
            )
        competition.status = CompetitionStatus.CANCELLED
        competition.cancellation_reason = reason


def visible_scores(
    db: Database, actor: Actor, competition_id: int, member: str | None = None
) -> list[tuple[str, str, str, Decimal, str]]:
    """Scores as (member, offer, criterion, value, justification) that ``actor`` may see —
    of one member (a code) when ``member`` is given.

    While scoring is open a committee member sees only their own scores; office staff (no
    acting member) see all, because they type in paper cards.
    """
    with db.read() as session:
        competition = get_competition(session, competition_id)
        members = {m.id: m.code for m in competition.members}
        offers = {o.id: o.code for o in competition.offers}
        criteria = {c.id: c.code for c in competition.criteria}
        # plain columns, not ORM objects: a large competition has a quarter of a million
        statement = _visible(
            session,
            actor,
            competition,
            member,
            select(
                Score.member_id,
                Score.offer_id,
                Score.criterion_id,
                Score.value,
                Score.justification,
            ),
        )
        # fetched in batches: the driver's rows of one batch are freed while the next is read,
        # not a quarter of a million at once at the end (that one free holds the interpreter
        # lock for 20 ms, a GUI thread painting meanwhile waits for it)
        return [
            (members[member_id], offers[offer_id], criteria[criterion_id], value, justification)
            for member_id, offer_id, criterion_id, value, justification in session.execute(
                statement.execution_options(yield_per=_SCORE_BATCH)
            )
        ]


def visible_score_counts(
    db: Database, actor: Actor, competition_id: int
) -> dict[str, dict[str, int]]:
    """How many scores each member has given per offer (member → offer → count), of the
    scores ``actor`` may see (as ``visible_scores``): the progress of every member without
    reading every score."""
    with db.read() as session:
        competition = get_competition(session, competition_id)
        members = {m.id: m.code for m in competition.members}
        offers = {o.id: o.code for o in competition.offers}
        statement = _visible(
            session,
            actor,
            competition,
            None,
            select(Score.member_id, Score.offer_id, func.count()).group_by(
                Score.member_id, Score.offer_id
            ),
        )
        counts: dict[str, dict[str, int]] = {}
        for member_id, offer_id, count in session.execute(statement):
            counts.setdefault(members[member_id], {})[offers[offer_id]] = count
        return counts


def _visible(
    session: Session, actor: Actor, competition: Competition, member: str | None, statement: Any
) -> Any:
    """``statement`` over the score table limited to what ``actor`` may see (and to one
    member's scores when ``member`` is given)."""
    statement = statement.where(Score.competition_id == competition.id)
    closed = competition.status in (
        CompetitionStatus.RESULTS,
        CompetitionStatus.SIGNED_OFF,
        CompetitionStatus.ARCHIVED,
    )
    if actor.member and not closed:
        me = base.member_by_code(session, competition.id, actor.member)
        statement = statement.where(Score.member_id == me.id)
    if member is not None:
        chosen = base.member_by_code(session, competition.id, member)
        statement = statement.where(Score.member_id == chosen.id)
    return statement


_SCORE_BATCH = 10_000  # rows of the score table fetched at a time


# ---------------------------------------------------------------------------------------------
# Appended for the desktop shell: the editors read their specs back, offers and members are
# edited, a call is duplicated, and offer imports add rows inside one transaction.  Existing
# functions above are unchanged; what follows only reuses their validation.

from dataclasses import dataclass  # noqa: E402  (kept with the appended section)
from datetime import datetime  # noqa: E402


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    sha256: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class FormalItemInfo:
    code: str
    text: str
    is_timeliness: bool
    correctable: bool


@dataclass(frozen=True)
class CorrectionInfo:
    requested_on: date
    deadline: date
    scope: str
    fulfilled_on: date | None


@dataclass(frozen=True)
class FormalCheckRow:
    offer_id: int
    code: str
    applicant: str
    received_at: datetime
    late: bool
    late_admitted: bool
    status: FormalStatus
    rejection_reason: str
    answers: tuple[tuple[str, CheckAnswer], ...]  # (item code, answer) for answered items
    notes: tuple[tuple[str, str], ...]
    correction: CorrectionInfo | None


@dataclass(frozen=True)
class FormalCheckView:
    items: tuple[FormalItemInfo, ...]
    rows: tuple[FormalCheckRow, ...]


@dataclass(frozen=True)
class ConflictInfo:
    member_code: str
    offer_code: str
    reason: str
    declared_on: date | None


def _call_spec_of(c: Competition) -> CallSpec:
    return CallSpec(
        kind=c.kind,
        title=c.title,
        case_reference=c.case_reference,
        legal_basis=c.legal_basis,
        committee_act=c.committee_act,
        task_description=c.task_description,
        announced_on=c.announced_on,
        publication_places=c.publication_places,
        last_publication_on=c.last_publication_on,
        submission_deadline=c.submission_deadline,
        decision_date=c.decision_date,
        meeting_place=c.meeting_place,
        require_justification=c.require_justification,
        budget=tuple((line.year, line.amount) for line in c.budget_lines),
    )


def _criterion_specs_of(c: Competition) -> tuple[CriterionSpec, ...]:
    from app.services.specs import BandSpec

    return tuple(
        CriterionSpec(
            code=k.code,
            name=k.name,
            kind=k.kind,
            weight=k.weight,
            max_score=k.max_score,
            step=k.step,
            min_score=k.min_score,
            field=k.field,
            cap=k.cap,
            bands=tuple(BandSpec(from_value=b.from_value, points=b.points) for b in k.bands),
            guidance=k.guidance,
        )
        for k in c.criteria
    )


def _policy_spec_of(c: Competition) -> PolicySpec:
    from app.services.specs import TieBreakerSpec

    p = c.policy
    return PolicySpec(
        aggregation=p.aggregation,
        rounding_places=p.rounding_places,
        rounding_stage=p.rounding_stage,
        min_total=p.min_total,
        min_total_basis=p.min_total_basis,
        tie_breakers=tuple(TieBreakerSpec(kind=t.kind, ref=t.ref) for t in c.tie_breakers),
        discrepancy_points=p.discrepancy_points,
        winners=p.winners,
        allocation_method=p.allocation_method,
        allocation_budget=p.allocation_budget,
        award_step=p.award_step,
        full_above=p.full_above,
    )


def call_spec(db: Database, competition_id: int) -> CallSpec:
    """The call as the editor shows it (every field of ``CallSpec``)."""
    with db.read() as session:
        return _call_spec_of(get_competition(session, competition_id))


def criteria_specs(db: Database, competition_id: int) -> tuple[CriterionSpec, ...]:
    with db.read() as session:
        return _criterion_specs_of(get_competition(session, competition_id))


def policy_spec(db: Database, competition_id: int) -> PolicySpec:
    with db.read() as session:
        return _policy_spec_of(get_competition(session, competition_id))


def offer_fields(db: Database, competition_id: int) -> tuple[str, ...]:
    """The offer figures the competition's formulas and tie-breakers use, in card order."""
    with db.read() as session:
        c = get_competition(session, competition_id)
        names: list[str] = []
        for k in c.criteria:
            if k.field and k.field not in names:
                names.append(k.field)
        for rule in c.tie_breakers:
            if (
                rule.kind in (TieBreakerKind.LOWER, TieBreakerKind.HIGHER)
                and rule.ref
                and (rule.ref not in names)
            ):
                names.append(rule.ref)
        return tuple(names)


def offer_spec(db: Database, competition_id: int, offer_id: int) -> OfferSpec:
    with db.read() as session:
        o = base.get_in(session, Offer, offer_id, competition_id)
        a = o.applicant
        return OfferSpec(
            applicant=ApplicantSpec(
                name=a.name,
                legal_form=a.legal_form,
                nip=a.nip,
                regon=a.regon,
                krs=a.krs,
                address=a.address,
                contact_person=a.contact_person,
                email=a.email,
                phone=a.phone,
            ),
            received_at=o.received_at,
            requested_amount=o.requested_amount,
            title=o.title,
            code=o.code,
            values=tuple(sorted((v.field, v.value) for v in o.values)),
        )


def offer_attachments(
    db: Database, competition_id: int, offer_id: int
) -> tuple[AttachmentInfo, ...]:
    with db.read() as session:
        o = base.get_in(session, Offer, offer_id, competition_id)
        return tuple(
            AttachmentInfo(
                id=x.id, filename=x.filename, sha256=x.sha256, size=x.size, added_at=x.added_at
            )
            for x in sorted(o.attachments, key=lambda x: (x.added_at, x.id))
        )


def formal_check_view(db: Database, competition_id: int) -> FormalCheckView:
    """The checklist grid: every offer's answers, status, correction request and lateness.

    A fixed number of queries whatever the number of offers: plain column reads of the offers
    with their applicants, of every answer and of every correction request, grouped here.
    """
    with db.read() as session:
        c = get_competition(session, competition_id)
        deadline = c.submission_deadline
        item_code = {i.id: i.code for i in c.formal_items}
        admitted_late = set(
            session.scalars(
                select(Decision.offer_id).where(
                    Decision.competition_id == competition_id,
                    Decision.kind == DecisionKind.LATE_ADMISSION,
                    Decision.active.is_(True),
                )
            )
        )
        results: dict[int, list[tuple[str, CheckAnswer, str]]] = {}
        for offer_id, item_id, answer, note in session.execute(
            select(
                FormalCheckResult.offer_id,
                FormalCheckResult.item_id,
                FormalCheckResult.answer,
                FormalCheckResult.note,
            )
            .join(Offer, Offer.id == FormalCheckResult.offer_id)
            .where(Offer.competition_id == competition_id)
        ):
            results.setdefault(offer_id, []).append((item_code[item_id], answer, note))
        last_correction: dict[int, CorrectionInfo] = {}
        for offer_id, requested_on, deadline_on, scope, fulfilled_on in session.execute(
            select(
                CorrectionRequest.offer_id,
                CorrectionRequest.requested_on,
                CorrectionRequest.deadline,
                CorrectionRequest.scope,
                CorrectionRequest.fulfilled_on,
            )
            .join(Offer, Offer.id == CorrectionRequest.offer_id)
            .where(Offer.competition_id == competition_id)
            .order_by(CorrectionRequest.id)
        ):
            last_correction[offer_id] = CorrectionInfo(
                requested_on=requested_on,
                deadline=deadline_on,
                scope=scope,
                fulfilled_on=fulfilled_on,
            )
        rows = []
        for offer_id, code, applicant, received_at, status, rejection_reason in session.execute(
            select(
                Offer.id,
                Offer.code,
                Applicant.name,
                Offer.received_at,
                Offer.formal_status,
                Offer.rejection_reason,
            )
            .join(Applicant, Applicant.id == Offer.applicant_id)
            .where(Offer.competition_id == competition_id)
            .order_by(Offer.number)
        ):
            answered = results.get(offer_id, [])
            rows.append(
                FormalCheckRow(
                    offer_id=offer_id,
                    code=code,
                    applicant=applicant,
                    received_at=received_at,
                    late=deadline is not None and received_at > deadline,  # as ``is_late``
                    late_admitted=offer_id in admitted_late,
                    status=status,
                    rejection_reason=rejection_reason,
                    answers=tuple(sorted((item, answer) for item, answer, _note in answered)),
                    notes=tuple(sorted((item, note) for item, _answer, note in answered)),
                    correction=last_correction.get(offer_id),
                )
            )
        return FormalCheckView(
            items=tuple(
                FormalItemInfo(
                    code=i.code,
                    text=i.text,
                    is_timeliness=i.is_timeliness,
                    correctable=i.correctable,
                )
                for i in c.formal_items
            ),
            rows=tuple(rows),
        )


def member_spec(db: Database, competition_id: int, member_code: str) -> MemberSpec:
    with db.read() as session:
        m = base.member_by_code(session, competition_id, member_code)
        return MemberSpec(
            name=m.name, role=m.role, code=m.code, affiliation=m.affiliation, email=m.email
        )


def conflicts(db: Database, competition_id: int) -> tuple[ConflictInfo, ...]:
    """Every declared recusal with its reason (the committee's conflicts matrix)."""
    with db.read() as session:
        c = get_competition(session, competition_id)
        offer_code = {o.id: o.code for o in c.offers}
        return tuple(
            ConflictInfo(
                member_code=m.code,
                offer_code=offer_code[x.offer_id],
                reason=x.reason,
                declared_on=x.declared_on,
            )
            for m in c.members
            for x in m.conflicts
        )


def update_offer(
    db: Database, actor: Actor, competition_id: int, offer_id: int, spec: OfferSpec
) -> None:
    """Correct a registered offer: applicant, title, received time, amount, figures, code."""
    if spec.requested_amount < 0:
        raise UserError(
            "invalid_value", {"field": "kwota wnioskowana / requested", "detail": "kwota ujemna"}
        )
    if spec.received_at.tzinfo is None:
        raise UserError(
            "invalid_value", {"field": "data wpływu / received", "detail": "brak strefy czasowej"}
        )
    fresh = _applicant(spec.applicant)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if spec.code and spec.code != offer.code:
            if any(o.code == spec.code for o in competition.offers if o.id != offer.id):
                raise UserError(
                    "invalid_value", {"field": "kod oferty / offer code", "detail": spec.code}
                )
            offer.code = spec.code
        for column in (
            "name",
            "legal_form",
            "nip",
            "regon",
            "krs",
            "address",
            "contact_person",
            "email",
            "phone",
        ):
            setattr(offer.applicant, column, getattr(fresh, column))
        offer.title = spec.title
        offer.received_at = spec.received_at
        offer.requested_amount = spec.requested_amount
        wanted = dict(spec.values)
        for value in list(offer.values):
            if value.field not in wanted:
                offer.values.remove(value)
            else:
                value.value = wanted.pop(value.field)
        for field_name, amount in wanted.items():
            offer.values.append(OfferValue(field=field_name, value=amount))


def update_member(
    db: Database, actor: Actor, competition_id: int, member_code: str, spec: MemberSpec
) -> None:
    """Correct a member's name, role, affiliation or e-mail (the code stays)."""
    if not spec.name.strip():
        raise UserError("invalid_value", {"field": "imię i nazwisko / name", "detail": "wymagane"})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        member = base.member_by_code(session, competition_id, member_code)
        if spec.role is MemberRole.CHAIR and any(
            m.role is MemberRole.CHAIR and m.id != member.id for m in competition.members
        ):
            raise UserError(
                "invalid_value",
                {"field": "rola / role", "detail": "komisja ma już przewodniczącego / has a chair"},
            )
        member.name = spec.name.strip()
        member.role = spec.role
        member.affiliation = spec.affiliation
        member.email = spec.email


def add_offer_in_session(session: Session, competition: Competition, spec: OfferSpec) -> Offer:
    """``add_offer`` inside the caller's transaction (imports add many offers or none)."""
    if spec.requested_amount < 0:
        raise UserError(
            "invalid_value", {"field": "kwota wnioskowana / requested", "detail": "kwota ujemna"}
        )
    if spec.received_at.tzinfo is None:
        raise UserError(
            "invalid_value", {"field": "data wpływu / received", "detail": "brak strefy czasowej"}
        )
    require_editable(competition, "offers")
    applicant = _applicant(spec.applicant)
    number = (
        session.scalar(select(func.max(Offer.number)).where(Offer.competition_id == competition.id))
        or 0
    ) + 1
    code = spec.code or f"O{number}"
    duplicate = session.scalar(
        select(Offer.id).where(Offer.competition_id == competition.id, Offer.code == code)
    )
    if duplicate is not None:
        raise UserError("invalid_value", {"field": "kod oferty / offer code", "detail": code})
    applicant.competition_id = competition.id
    session.add(applicant)
    session.flush()
    offer = Offer(
        competition_id=competition.id,
        number=number,
        code=code,
        applicant_id=applicant.id,
        title=spec.title,
        received_at=spec.received_at,
        requested_amount=spec.requested_amount,
        formal_status=FormalStatus.PENDING,
    )
    for field_name, value in spec.values:
        offer.values.append(OfferValue(field=field_name, value=value))
    session.add(offer)
    session.flush()
    return offer


def duplicate_competition(db: Database, actor: Actor, competition_id: int) -> int:
    """A new draft with the call, criteria, policy and checklist of an earlier competition.

    Dates and the case reference are left empty (a new call needs its own); offers, members,
    scores and decisions are not copied.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        source = get_competition(session, competition_id)
        call = _call_spec_of(source)
        criteria = _criterion_specs_of(source)
        policy = _policy_spec_of(source)
        copy = Competition(
            uid=str(uuid.uuid4()),
            kind=source.kind,
            status=CompetitionStatus.DRAFT,
            title=source.title,
            created_at=base.now(),
            institution_id=source.institution_id,
        )
        _apply_call(
            copy,
            CallSpec(
                kind=call.kind,
                title=f"{call.title} (kopia)",
                legal_basis=call.legal_basis,
                committee_act=call.committee_act,
                task_description=call.task_description,
                publication_places=call.publication_places,
                meeting_place=call.meeting_place,
                require_justification=call.require_justification,
                budget=call.budget,
            ),
        )
        copy.policy = ScoringPolicy()
        for item in source.formal_items:
            copy.formal_items.append(
                FormalCheckItem(
                    code=item.code,
                    text=item.text,
                    position=item.position,
                    is_timeliness=item.is_timeliness,
                    correctable=item.correctable,
                )
            )
        session.add(copy)
        _write_policy(session, copy, policy)
        _write_criteria(session, copy, criteria)
        session.flush()
        return copy.id


def create_from_template(
    db: Database, actor: Actor, kind: CompetitionKind, title: str, *, uid: str | None = None
) -> int:
    """A new draft with the shipped criteria, policy and checklist of ``kind`` (one transaction)."""
    from app.services.templates import template_criteria, template_policy

    criteria = template_criteria(kind)
    policy = template_policy(kind)
    _validate_criteria(criteria)
    _validate_policy(policy)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = _new_competition(CallSpec(kind=kind, title=title), uid)
        session.add(competition)
        _write_policy(session, competition, policy)
        _write_criteria(session, competition, criteria)
        session.flush()
        return competition.id


@dataclass(frozen=True)
class ShellStatus:
    """What the status bar shows: the competition, its status and what the next step needs."""

    competition_id: int
    title: str
    case_reference: str
    status: CompetitionStatus
    next_status: CompetitionStatus | None
    missing: tuple[str, ...]
    editable: tuple[str, ...]  # areas of ``base.EDITABLE_IN`` open in this status


def shell_status(db: Database, competition_id: int, lang: str = "pl") -> ShellStatus:
    with db.read() as session:
        c = get_competition(session, competition_id)
        target = next_status(c.status)
        gaps = tuple(missing_for(session, c, target, lang)) if target else ()
        return ShellStatus(
            competition_id=c.id,
            title=c.title,
            case_reference=c.case_reference,
            status=c.status,
            next_status=target,
            missing=gaps,
            editable=tuple(area for area in base.EDITABLE_IN if base.can_edit(c, area)),
        )


def offer_table(db: Database, competition_id: int) -> tuple[Any, ...]:
    """The offers list as ``queries.OfferRow`` values, in two queries whatever the count."""
    from app.services.queries import OfferRow

    with db.read() as session:
        c = get_competition(session, competition_id)
        deadline = c.submission_deadline
        attachments = dict(
            session.execute(
                select(Attachment.offer_id, func.count())
                .join(Offer, Offer.id == Attachment.offer_id)
                .where(Offer.competition_id == competition_id)
                .group_by(Attachment.offer_id)
            ).all()
        )
        rows = session.execute(
            select(Offer, Applicant)
            .join(Applicant, Applicant.id == Offer.applicant_id)
            .where(Offer.competition_id == competition_id)
            .order_by(Offer.number)
        ).all()
        return tuple(
            OfferRow(
                id=o.id,
                number=o.number,
                code=o.code,
                applicant=a.name,
                legal_form=a.legal_form,
                nip=a.nip,
                regon=a.regon,
                krs=a.krs,
                title=o.title,
                received_at=o.received_at,
                requested=o.requested_amount,
                formal_status=o.formal_status,
                rejection_reason=o.rejection_reason,
                late=deadline is not None and o.received_at > deadline,
                attachments=attachments.get(o.id, 0),
            )
            for o, a in rows
        )


# ---------------------------------------------------------------------------------------------
# Undo: the reverse of a registration or a record, refused once later steps depend on it.
# Each is one use case like the others (one transaction, every row change in the audit trail).

_BEFORE_FORMAL_CHECK = (CompetitionStatus.ANNOUNCED, CompetitionStatus.SUBMISSIONS_CLOSED)
_BEFORE_SCORING = (
    CompetitionStatus.DRAFT,
    CompetitionStatus.ANNOUNCED,
    CompetitionStatus.SUBMISSIONS_CLOSED,
    CompetitionStatus.FORMAL_CHECK,
)


def _refuse_in_status(competition: Competition, action: str, hint: str) -> None:
    raise UserError(
        "status_forbids",
        {"status": status_label(competition.status), "action": action, "hint": hint},
    )


def _refuse_if_referred(field: str, polish: str, english: str, referred: list[str]) -> None:
    """Refuse a removal while other records refer to the row (``referred`` names them)."""
    if referred:
        raise UserError(
            "invalid_value",
            {
                "field": field,
                "detail": f"{polish} / cannot be removed, {english}: " + ", ".join(referred),
            },
        )


def remove_offer(db: Database, actor: Actor, competition_id: int, offer_id: int) -> None:
    """Remove an offer registered by mistake (what undoing ``add_offer`` does).

    Only before the formal check starts, and only while nothing refers to the offer yet (files,
    recusals, checklist answers, correction requests, decisions, scores): such an offer is
    part of the procedure and stays.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        if competition.status not in _BEFORE_FORMAL_CHECK:
            _refuse_in_status(
                competition,
                "usunięcie zarejestrowanej oferty / removing a registered offer",
                "Po rozpoczęciu oceny formalnej oferta zostaje w rejestrze; odrzuca się ją w "
                "ocenie formalnej.",
            )
        offer = base.get_in(session, Offer, offer_id, competition_id)
        referred = []
        if offer.attachments:
            referred.append("załączniki / attachments")
        if offer.check_results or offer.corrections:
            referred.append("ocena formalna / formal check")
        if session.scalar(select(Conflict.id).where(Conflict.offer_id == offer.id).limit(1)):
            referred.append("wyłączenia członków komisji / recusals")
        if session.scalar(select(Decision.id).where(Decision.offer_id == offer.id).limit(1)):
            referred.append("rozstrzygnięcia / decisions")
        if session.scalar(select(Score.id).where(Score.offer_id == offer.id).limit(1)):
            referred.append("oceny / scores")
        _refuse_if_referred(
            f"oferta / offer {offer.code}", "nie można jej usunąć, ma już", "it has", referred
        )
        for value in list(offer.values):  # first, while the audit hook can still reach the
            offer.values.remove(value)  # competition through the offer
            session.delete(value)
        session.flush()
        applicant = offer.applicant
        session.delete(offer)
        session.flush()
        if (
            session.scalar(select(Offer.id).where(Offer.applicant_id == applicant.id).limit(1))
            is None
        ):
            session.delete(applicant)


def remove_member(db: Database, actor: Actor, competition_id: int, member_code: str) -> None:
    """Remove the member added last (what undoing ``add_member`` does), before scoring starts.

    Refused once the member has signed the declaration, been recused, scored, been issued a
    score workbook or recorded at a meeting; only the last member, so that the next member
    added gets the freed code again.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        if competition.status not in _BEFORE_SCORING:
            _refuse_in_status(
                competition,
                "usunięcie członka komisji / removing a committee member",
                "Po rozpoczęciu oceny merytorycznej skład komisji zostaje w protokole.",
            )
        member = base.member_by_code(session, competition_id, member_code)
        if member.position != max(m.position for m in competition.members):
            raise UserError(
                "invalid_value",
                {
                    "field": f"członek komisji / member {member.code}",
                    "detail": "usunąć można tylko ostatnio dodanego członka / only the member "
                    "added last can be removed",
                },
            )
        referred = []
        if member.declaration_signed_on is not None:
            referred.append("oświadczenie o bezstronności / impartiality declaration")
        if member.conflicts:
            referred.append("wyłączenia / recusals")
        for model, label in (
            (Score, "oceny / scores"),
            (ScoreSheetIssue, "wydany arkusz ocen / an issued score sheet"),
            (Attendance, "obecność na posiedzeniu / meeting attendance"),
        ):
            if session.scalar(select(model.id).where(model.member_id == member.id).limit(1)):
                referred.append(label)
        _refuse_if_referred(
            f"członek komisji / member {member.code}",
            "nie można go usunąć, ma już",
            "there are",
            referred,
        )
        competition.members.remove(member)
        session.delete(member)


def member_code_of(db: Database, competition_id: int, member_id: int) -> str:
    """The code (M1, M2, …) the committee gave a member, e.g. one just added."""
    with db.read() as session:
        return base.get_in(session, Member, member_id, competition_id).code


def declaration_of(db: Database, competition_id: int, member_code: str) -> tuple[date | None, str]:
    """A member's impartiality declaration: the date signed (None: not yet) and its text."""
    with db.read() as session:
        member = base.member_by_code(session, competition_id, member_code)
        return member.declaration_signed_on, member.declaration_text


def withdraw_declaration(db: Database, actor: Actor, competition_id: int, member_code: str) -> None:
    """Record that a member's declaration is not signed after all (undoing a mistaken entry).

    Refused once scoring has started: scoring begins only when every member has signed.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        if competition.status not in _BEFORE_SCORING:
            _refuse_in_status(
                competition,
                "wycofanie oświadczenia o bezstronności / withdrawing an impartiality declaration",
                "Ocena merytoryczna zaczyna się dopiero po podpisaniu oświadczeń przez wszystkich.",
            )
        member = base.member_by_code(session, competition_id, member_code)
        member.declaration_signed_on = None
        member.declaration_text = ""


def restore_formal_check(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_id: int,
    *,
    answers: dict[str, CheckAnswer],
    notes: dict[str, str],
    status: FormalStatus,
    rejection_reason: str,
    correction: CorrectionInfo | None,
) -> None:
    """Put an offer's formal check back as it was shown before an edit (undo).

    The checklist becomes exactly ``answers`` (items not in it are unanswered again; the
    timeliness item still follows from the received date), a correction request that was not
    there is withdrawn (never one already answered by the applicant), and the outcome must
    follow from the answers: admitted only with every item met, rejected only with one not met,
    "correction requested" only with an open request.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        items = {item.code: item for item in competition.formal_items}
        unknown = sorted(set(answers) - set(items))
        if unknown:
            raise UserError(
                "not_found", {"what": "pozycja listy / checklist item", "id": unknown[0]}
            )
        if correction is None:
            if any(request.fulfilled_on is not None for request in offer.corrections):
                raise UserError(
                    "invalid_value",
                    {
                        "field": "wezwanie / correction",
                        "detail": "uzupełnienie zostało już przyjęte / the correction was "
                        "already received",
                    },
                )
            for request in list(offer.corrections):
                offer.corrections.remove(request)
                session.delete(request)  # an orphan alone would not reach the audit trail
        elif not offer.corrections:
            raise UserError("not_found", {"what": "wezwanie / correction", "id": offer.code})
        else:
            offer.corrections[-1].fulfilled_on = correction.fulfilled_on
        late = is_late(competition, offer) and not _late_admitted(session, offer)
        results = {result.item_id: result for result in offer.check_results}
        for code, item in items.items():
            answer = answers.get(code)
            result = results.get(item.id)
            if answer is None:
                if result is not None:
                    offer.check_results.remove(result)
                    session.delete(result)
                continue
            if item.is_timeliness:
                answer = CheckAnswer.NO if late else CheckAnswer.YES
            note = notes.get(code, "")
            if result is None:
                offer.check_results.append(
                    FormalCheckResult(item_id=item.id, answer=answer, note=note)
                )
            else:
                result.answer = answer
                result.note = note
        session.flush()
        answered = [result.answer for result in offer.check_results]
        allowed = {FormalStatus.PENDING}
        if offer.corrections and offer.corrections[-1].fulfilled_on is None:
            allowed.add(FormalStatus.CORRECTION_REQUESTED)
        if CheckAnswer.NO in answered:
            allowed.add(FormalStatus.REJECTED)
        elif len(answered) == len(items):
            allowed.add(FormalStatus.ADMITTED)
        if status not in allowed:
            raise UserError(
                "invalid_value",
                {
                    "field": f"ocena formalna oferty / formal check of {offer.code}",
                    "detail": f"wynik „{status.value}” nie wynika z odpowiedzi / the outcome "
                    "does not follow from the answers",
                },
            )
        offer.formal_status = status
        offer.rejection_reason = "" if status is FormalStatus.ADMITTED else rejection_reason
