"""The committee: members, impartiality declarations and recusals.

Every public function that changes data is one use case and one transaction
(``Database.unit_of_work``): it completes, with its audit entries, or leaves the database as it
was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.db import Database
from app.errors import UserError
from app.models import (
    Attendance,
    Competition,
    CompetitionStatus,
    Conflict,
    Member,
    Score,
    ScoreSheetIssue,
)
from app.scoring.types import MemberRole
from app.services import base
from app.services.base import Actor, get_competition, require_editable, require_reason
from app.services.specs import (
    MemberSpec,
)


def add_member(db: Database, actor: Actor, competition_id: int, spec: MemberSpec) -> int:
    if not spec.name.strip():
        raise UserError("member_name_required", {"field": "member_name"})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        position = len(competition.members) + 1
        code = spec.code or f"M{position}"
        if any(m.code == code for m in competition.members):
            raise UserError("member_code_taken", {"field": "member_code", "code": code})
        if spec.role is MemberRole.CHAIR and any(
            m.role is MemberRole.CHAIR for m in competition.members
        ):
            raise UserError("committee_has_chair", {"field": "role"})
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
    reason = require_reason(reason, "recusal")
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


def counted_members(competition: Competition) -> list[Member]:
    return [m for m in competition.members if m.role is not MemberRole.EXPERT]


@dataclass(frozen=True)
class ConflictInfo:
    member_code: str
    offer_code: str
    reason: str
    declared_on: date | None


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


def update_member(
    db: Database, actor: Actor, competition_id: int, member_code: str, spec: MemberSpec
) -> None:
    """Correct a member's name, role, affiliation or e-mail (the code stays)."""
    if not spec.name.strip():
        raise UserError("member_name_required", {"field": "member_name"})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        member = base.member_by_code(session, competition_id, member_code)
        if spec.role is MemberRole.CHAIR and any(
            m.role is MemberRole.CHAIR and m.id != member.id for m in competition.members
        ):
            raise UserError("committee_has_chair", {"field": "role"})
        member.name = spec.name.strip()
        member.role = spec.role
        member.affiliation = spec.affiliation
        member.email = spec.email


_BEFORE_SCORING = (
    CompetitionStatus.DRAFT,
    CompetitionStatus.ANNOUNCED,
    CompetitionStatus.SUBMISSIONS_CLOSED,
    CompetitionStatus.FORMAL_CHECK,
)


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
            base.refuse_in_status(competition, "remove_member")
        member = base.member_by_code(session, competition_id, member_code)
        if member.position != max(m.position for m in competition.members):
            raise UserError("member_not_last", {"member": member.code})
        referred: list[str] = []
        if member.declaration_signed_on is not None:
            referred.append("ref.declaration")
        if member.conflicts:
            referred.append("ref.recusals")
        for model, label in (
            (Score, "ref.scores"),
            (ScoreSheetIssue, "ref.score_sheet"),
            (Attendance, "ref.attendance"),
        ):
            if session.scalar(select(model.id).where(model.member_id == member.id).limit(1)):
                referred.append(label)
        base.refuse_if_referred("member_referred", member.code, referred)
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
            base.refuse_in_status(competition, "withdraw_declaration")
        member = base.member_by_code(session, competition_id, member_code)
        member.declaration_signed_on = None
        member.declaration_text = ""
