"""The call: its text, dates, budget, criteria and scoring policy, and new competitions
(from scratch, from a template or as a copy of an earlier one).

Every public function that changes data is one use case and one transaction
(``Database.unit_of_work``): it completes, with its audit entries, or leaves the database as it
was.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import (
    Attendance,
    BudgetLine,
    Competition,
    CompetitionKind,
    CompetitionStatus,
    Criterion,
    CriterionBand,
    FormalCheckItem,
    Meeting,
    ScoringPolicy,
    TieBreakerRule,
)
from app.scoring.types import AllocationMethod, CriterionKind
from app.services import base
from app.services.base import Actor, get_competition, require_editable
from app.services.specs import (
    BandSpec,
    CallSpec,
    CriterionSpec,
    MeetingSpec,
    PolicySpec,
    TieBreakerSpec,
)
from app.services.templates import template_criteria, template_policy
from app.words import Words

MIN_DAYS_OPEN_COMPETITION = 21  # art. 13 ust. 1 of the Public Benefit Act


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


def _apply_call(competition: Competition, spec: CallSpec) -> None:
    if not spec.title.strip():
        raise UserError("call_title_required", {"field": "title"})
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
        raise UserError("budget_year_repeated", {"field": "budget"})
    for year, amount in spec.budget:
        if amount < 0:
            raise UserError("budget_negative", {"field": "budget", "year": year})
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
                    raise UserError("not_found", {"what": Words("entity.member"), "id": code})
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


def _validate_criteria(specs: Sequence[CriterionSpec]) -> None:
    seen: set[str] = set()
    problems: list[Words] = []
    for spec in specs:
        label = spec.code or "?"
        if not spec.code.strip():
            problems.append(Words("error.criterion_no_code"))
        if spec.code in seen:
            problems.append(Words("error.criterion_duplicate_code", {"criterion": label}))
        seen.add(spec.code)
        if not spec.name.strip():
            problems.append(Words("error.criterion_no_name", {"criterion": label}))
        if spec.kind in (CriterionKind.SCORED, CriterionKind.YES_NO):
            if spec.kind is CriterionKind.SCORED and (
                spec.max_score is None or spec.max_score <= 0
            ):
                problems.append(Words("error.criterion_scale_max", {"criterion": label}))
            if spec.kind is CriterionKind.SCORED and (spec.step is None or spec.step <= 0):
                problems.append(Words("error.criterion_scale_step", {"criterion": label}))
            elif (
                spec.kind is CriterionKind.SCORED
                and spec.max_score is not None
                and spec.step is not None
                and (spec.max_score % spec.step) != 0
            ):
                problems.append(
                    Words(
                        "error.criterion_max_off_step",
                        {"criterion": label, "max": spec.max_score, "step": spec.step},
                    )
                )
            if (
                spec.min_score is not None
                and spec.max_score is not None
                and not (0 <= spec.min_score <= spec.max_score)
            ):
                problems.append(Words("error.criterion_threshold_off_scale", {"criterion": label}))
        if (
            spec.kind
            in (CriterionKind.LOWER_BETTER, CriterionKind.HIGHER_BETTER, CriterionKind.BANDED)
            and not (spec.field or "").strip()
        ):
            problems.append(Words("error.criterion_formula_field", {"criterion": label}))
        if spec.kind is CriterionKind.BANDED and not spec.bands:
            problems.append(Words("error.criterion_no_bands", {"criterion": label}))
        if spec.kind is not CriterionKind.YES_NO and spec.weight <= 0:
            problems.append(Words("error.criterion_weight_positive", {"criterion": label}))
        if spec.kind is CriterionKind.YES_NO and spec.weight < 0:
            problems.append(Words("error.criterion_weight_negative", {"criterion": label}))
    if problems:
        raise UserError("criteria_invalid", {"problems": tuple(problems)})


def _write_criteria(
    session: Session, competition: Competition, specs: Sequence[CriterionSpec]
) -> None:
    """Make the card of ``competition`` equal to ``specs`` (validated by the caller)."""
    existing = {c.code: c for c in competition.criteria}
    wanted = {spec.code for spec in specs}
    for code, unwanted in list(existing.items()):
        if code not in wanted:
            competition.criteria.remove(unwanted)
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
        raise UserError("policy_rounding_places", {"field": "rounding", "max": 4})
    if spec.award_step <= 0:
        raise UserError("policy_award_step", {"field": "award_step"})
    if spec.winners is not None and spec.winners < 1:
        raise UserError("policy_winners", {"field": "winners"})
    if (
        spec.allocation_method is AllocationMethod.FULL_ABOVE_PRORATA_BELOW
        and spec.full_above is None
    ):
        raise UserError("policy_full_above_required", {"field": "full_above"})


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
