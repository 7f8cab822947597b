"""The protocol: built from the database into a ``ProtocolDocument``, rendered, verified, signed.

Before sign-off a draft can be exported once the results are complete; at sign-off the chair's
version is rendered and its exact bytes are stored (``signoff.sign_off`` calls the renderer
``render_for_sign_off``).  ``verify_protocol_pdf`` says whether a PDF is one of the stored versions,
which one, and whether the competition's data still give the same fingerprint.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import current_language
from app.db import Database
from app.errors import CancelledError, Progress, UserError
from app.models import (
    Competition,
    CompetitionStatus,
    DecisionKind,
    FormalStatus,
    ProtocolVersion,
    Score,
    ScoreSheetIssue,
)
from app.protocol import document as pd
from app.services import base
from app.services.base import get_competition
from app.services.call_setup import effective_budget
from app.services.results import build_input, compute, compute_input, fingerprint
from app.services.workflow import missing_for
from app.texts import explain, format_money
from app.words import Words
from app.words import text as words_text


def _decision_details(kind: DecisionKind, payload: dict[str, object], lang: str) -> str:
    if kind is DecisionKind.DISCREPANCY_RESOLUTION:
        text = words_text(f"resolution.{payload.get('method', '')}", lang)
        consensus = payload.get("consensus") or {}
        if isinstance(consensus, dict) and consensus:
            text += ": " + ", ".join(f"{k} = {v}" for k, v in sorted(consensus.items()))
        return text
    if kind is DecisionKind.MANUAL_AWARD:
        from decimal import Decimal

        return format_money(Decimal(str(payload.get("amount", "0"))), lang)
    if kind is DecisionKind.FORMAL_OVERRIDE:
        admitted = bool(payload.get("admitted"))
        return words_text("formal.admitted" if admitted else "formal.rejected", lang)
    return ""


def build_document(
    session: Session,
    competition: Competition,
    *,
    lang: str,
    version: int,
    signed_off_by: str | None,
    signed_off_at: datetime | None,
) -> pd.ProtocolDocument:
    # the engine loads on first use: the main window imports this module, the worker builds
    from app.scoring import analysis, explanations

    inp = build_input(session, competition)
    res = compute_input(inp)
    codes = {m.id: m.code for m in competition.members}
    offers = {o.id: o.code for o in competition.offers}
    criteria = {c.id: c.code for c in competition.criteria}
    inst = competition.institution
    deadline = competition.submission_deadline
    last_meeting = competition.meetings[-1] if competition.meetings else None
    present = (
        {codes[a.member_id] for a in last_meeting.attendance if a.present}
        if last_meeting
        else set(codes.values())
    )
    leniency = analysis.member_leniency(inp, res)  # the results already computed from inp
    agreement = analysis.committee_agreement(inp, res)
    try:
        stability = analysis.result_stability(inp, res) if not res.cancel else ()
    except Exception:  # an analysis must never stop the protocol; the reason is logged
        import logging

        logging.getLogger(__name__).exception("stability analysis failed")
        stability = ()
    scores = session.scalars(select(Score).where(Score.competition_id == competition.id)).all()
    issues = session.scalars(
        select(ScoreSheetIssue).where(
            ScoreSheetIssue.competition_id == competition.id,
            ScoreSheetIssue.last_imported_at.is_not(None),
        )
    ).all()
    return pd.ProtocolDocument(
        language=lang,
        version=version,
        fingerprint=fingerprint(competition.uid, inp, res),
        generated_at=signed_off_at or base.now(),
        institution=pd.InstitutionInfo(
            name=inst.name if inst else "",
            address=inst.address if inst else "",
            head_name=inst.head_name if inst else "",
            head_title=inst.head_title if inst else "",
        ),
        competition=pd.CompetitionInfo(
            uid=competition.uid,
            kind=pd.CompetitionKind(competition.kind.value),
            title=competition.title,
            case_reference=competition.case_reference,
            legal_basis=competition.legal_basis,
            committee_act=competition.committee_act,
            announced_on=competition.announced_on,
            publication_places=competition.publication_places,
            submission_deadline=deadline,
            decision_date=competition.decision_date,
            budget_lines=tuple(pd.BudgetLine(b.year, b.amount) for b in competition.budget_lines),
            budget_total=effective_budget(competition),
        ),
        meetings=tuple(
            pd.Meeting(
                starts_at=m.starts_at,
                place=m.place,
                purpose=m.purpose,
                attendance=tuple(
                    pd.Attendance(codes[a.member_id], a.present) for a in m.attendance
                ),
            )
            for m in competition.meetings
        ),
        committee=tuple(
            pd.CommitteeMember(
                code=m.code,
                name=m.name,
                role=m.role,
                affiliation=m.affiliation,
                declaration_signed_on=m.declaration_signed_on,
                present_at_sign_off=m.code in present,
            )
            for m in competition.members
        ),
        recusals=tuple(
            pd.Recusal(m.code, offers[c.offer_id], c.reason, c.declared_on)
            for m in competition.members
            for c in m.conflicts
        ),
        offers=tuple(
            pd.ReceivedOffer(
                code=o.code,
                applicant=o.applicant.name,
                legal_form=o.applicant.legal_form,
                nip=o.applicant.nip,
                title=o.title,
                received_at=o.received_at,
                requested=o.requested_amount,
                late=deadline is not None and o.received_at > deadline,
                values={v.field: v.value for v in o.values},
            )
            for o in competition.offers
        ),
        formal_results=tuple(
            pd.FormalResult(
                offer_code=o.code,
                admitted=o.formal_status is FormalStatus.ADMITTED,
                reason=o.rejection_reason,
                corrections=tuple(
                    pd.CorrectionRequest(r.requested_on, r.deadline, r.scope, r.fulfilled_on)
                    for r in o.corrections
                ),
            )
            for o in competition.offers
        ),
        policy=inp.policy,
        criteria=inp.criteria,
        results=res,
        explanations=tuple(explanations(inp, res)),
        decisions=tuple(
            pd.Decision(
                kind=pd.DecisionKind(d.kind.value),
                offer_codes=tuple(d.payload.get("order", ()))
                if d.kind is DecisionKind.TIE_ORDER
                else ((offers[d.offer_id],) if d.offer_id else ()),
                reason=d.reason,
                decided_on=d.decided_on,
                details=_decision_details(d.kind, d.payload, lang),
            )
            for d in competition.decisions
            if d.active
        ),
        remarks=tuple(line for line in competition.remarks.splitlines() if line.strip()),
        individual_scores=tuple(
            pd.IndividualScore(
                codes[s.member_id],
                offers[s.offer_id],
                criteria[s.criterion_id],
                s.value,
                s.justification,
            )
            for s in scores
        ),
        analysis=pd.Analysis(
            leniency=tuple(
                pd.LeniencyRow(row.member_id, row.mean_difference, row.offers_compared)
                for row in leniency
                if row.mean_difference is not None
            ),
            agreement_coefficient=agreement.coefficient,
            agreement_band=explain(agreement.step, lang),
        ),
        stability=tuple(explain(f.step, lang) for f in stability),
        previous_versions=tuple(
            pd.PreviousVersion(
                v.number, v.signed_off_at, v.signed_off_by, v.reopened_at, v.reopen_reason
            )
            for v in competition.protocol_versions
            if v.number < version
        ),
        cancelled=competition.status is CompetitionStatus.CANCELLED or res.cancel,
        cancellation_reason=competition.cancellation_reason,
        signed_off_by=signed_off_by,
        signed_off_at=signed_off_at,
        sheet_sources=tuple(
            pd.SheetSource(
                codes[i.member_id],
                pd.SheetSourceKind(i.kind.value),
                i.id,
                i.last_import_sha256 or "",
                i.last_imported_at,
            )
            for i in issues
        ),
    )


def _step(progress: Progress | None, done: int, total: int, text: str) -> None:
    if progress is not None and not progress(done, total, text):
        raise CancelledError


def render(
    document: pd.ProtocolDocument,
    formats: tuple[str, ...] = ("pdf", "xlsx"),
    progress: Progress | None = None,
) -> dict[str, bytes]:
    """The protocol in the formats asked for ("pdf", "xlsx"), one after the other; between
    them ``progress`` may stop the work (``CancelledError``)."""
    from app.protocol.pdf import render_pdf
    from app.protocol.xlsx import render_xlsx

    renderers = {"pdf": render_pdf, "xlsx": render_xlsx}
    out: dict[str, bytes] = {}
    total = len(formats) + 1
    for done, kind in enumerate(formats, start=1):
        _step(progress, done, total, kind.upper())
        out[kind] = renderers[kind](document)
    _step(progress, total, total, "")
    return out


def render_for_sign_off(
    session: Session,
    competition: Competition,
    number: int,
    signed_off_by: str,
    signed_off_at: datetime,
    progress: Progress | None = None,
) -> tuple[bytes, bytes]:
    files = render(
        build_document(
            session,
            competition,
            lang=current_language(),
            version=number,
            signed_off_by=signed_off_by,
            signed_off_at=signed_off_at,
        ),
        progress=progress,
    )
    return files["pdf"], files["xlsx"]


def sign_off_blockers(session: Session, competition: Competition) -> list[Words]:
    """What stops the results from being final (signed off, or exported as a draft)."""
    if competition.status is not CompetitionStatus.RESULTS:
        return [Words("gap.results_step", {"status": competition.status.value})]
    computed = compute(session, competition)
    ties, discrepancies = computed.unresolved_ties, computed.unresolved_discrepancies
    return [Words("gap.unresolved_tie", {"offers": tuple(group)}) for group in ties] + [
        Words("gap.unresolved_discrepancy", {"offer": offer}) for offer in discrepancies
    ]


def export_blockers(session: Session, competition: Competition) -> list[Words]:
    status = competition.status
    if status in (
        CompetitionStatus.SIGNED_OFF,
        CompetitionStatus.ARCHIVED,
        CompetitionStatus.CANCELLED,
    ):
        return []
    if status is CompetitionStatus.RESULTS:
        return sign_off_blockers(session, competition)
    if status is CompetitionStatus.SCORING:
        return missing_for(session, competition, CompetitionStatus.RESULTS) or [
            Words("gap.close_scoring")
        ]
    return [Words("gap.before_results")]


def export_protocol(
    db: Database, competition_id: int, lang: str | None = None, version: int | None = None
) -> tuple[bytes, bytes]:
    """The protocol's PDF and workbook: a stored version, or a draft of complete results."""
    files = export_protocol_files(db, competition_id, ("pdf", "xlsx"), lang, version)
    return files["pdf"], files["xlsx"]


def export_protocol_files(
    db: Database,
    competition_id: int,
    formats: tuple[str, ...],
    lang: str | None = None,
    version: int | None = None,
    progress: Progress | None = None,
) -> dict[str, bytes]:
    """The protocol in the formats asked for ("pdf", "xlsx"): the stored files of a version,
    or a draft of complete results rendered now (only the formats asked for; ``progress`` may
    stop the work between the steps, before anything is returned)."""
    lang = lang or current_language()
    with db.read() as session:
        competition = get_competition(session, competition_id)
        stored = competition.protocol_versions
        if version is not None or (
            stored
            and competition.status in (CompetitionStatus.SIGNED_OFF, CompetitionStatus.ARCHIVED)
        ):
            chosen = next((v for v in stored if v.number == (version or stored[-1].number)), None)
            if chosen is None or chosen.pdf is None or chosen.xlsx is None:
                raise UserError(
                    "not_found", {"what": Words("entity.protocol_version"), "id": version}
                )
            stored_files = {"pdf": chosen.pdf, "xlsx": chosen.xlsx}
            return {kind: stored_files[kind] for kind in formats}
        blockers = export_blockers(session, competition)
        if blockers:
            raise UserError("results_incomplete", {"missing": tuple(blockers)})
        _step(progress, 0, len(formats) + 1, "")
        return render(
            build_document(
                session,
                competition,
                lang=lang,
                version=len(stored) + 1,
                signed_off_by=None,
                signed_off_at=None,
            ),
            formats,
            progress,
        )


@dataclass(frozen=True)
class ProtocolCheck:
    known: bool  # byte-identical to a stored version
    competition_id: int | None
    version: int | None
    fingerprint_matches: bool  # the competition's data still give the version's fingerprint
    message: str
    signed_copy: bool = False  # the stored version with a digital signature appended


def verify_protocol_pdf(db: Database, data: bytes, lang: str | None = None) -> ProtocolCheck:
    shown = lang or current_language()
    with db.read() as session:
        stored = None
        signed_copy = False
        for index, candidate in enumerate(_revisions(data)):
            digest = hashlib.sha256(candidate).hexdigest()
            stored = session.scalars(
                select(ProtocolVersion).where(ProtocolVersion.pdf_sha256 == digest)
            ).first()
            if stored is not None:
                signed_copy = index > 0
                break
        if stored is None:
            claims: dict[str, str] = {}
            try:
                from app.protocol.pdf import read_protocol_metadata

                claims = read_protocol_metadata(data)
            except Exception:  # not a PDF at all, or not ours: reported below
                claims = {}
            claimed = claims.get("KomisjaFingerprint") or claims.get("fingerprint", "")
            if claimed:
                return ProtocolCheck(False, None, None, False, Words("verify.altered").text(shown))
            return ProtocolCheck(False, None, None, False, Words("verify.not_stored").text(shown))
        competition = get_competition(session, stored.competition_id)
        inp = build_input(session, competition)
        current = fingerprint(competition.uid, inp, compute_input(inp))
        matches = current == stored.fingerprint
        latest = competition.protocol_versions[-1].number
        message = Words(
            "verify.stored_matches" if matches else "verify.stored_changed",
            {
                "title": competition.title,
                "reference": competition.case_reference,
                "version": stored.number,
                "signer": stored.signed_off_by,
                "state": Words("verify.current")
                if stored.number == latest
                else Words("verify.superseded", {"latest": latest}),
                "copy": Words("verify.signed_copy") if signed_copy else "",
            },
        ).text(shown)
        return ProtocolCheck(True, competition.id, stored.number, matches, message, signed_copy)


def _revisions(data: bytes) -> list[bytes]:
    """The file itself, then its earlier revisions (a digital signature is appended as an
    incremental update, so a signed protocol starts with the exact bytes of the stored one)."""
    found = [data]
    start = 0
    while len(found) < 16:
        at = data.find(b"%%EOF", start)
        if at < 0:
            break
        end = at + len(b"%%EOF")
        for tail in (b"\r\n", b"\n", b"\r", b""):  # the line end belongs to either revision
            if data.startswith(tail, end) and end + len(tail) < len(data):
                found.append(data[: end + len(tail)])
        start = end
    return found


def sign_protocol_pdf(
    pdf: bytes,
    p12: bytes,
    password: str,
    signer: str,
    location: str = "",
    *,
    source: str = "PKCS#12",
    pdf_name: str = "PDF",
    lang: str | None = None,
) -> bytes:
    """The protocol PDF with a visible PAdES signature (PKCS#12 certificate) appended."""
    from app.protocol.sign import sign_pdf

    return sign_pdf(
        pdf,
        p12,
        password.encode("utf-8") if password else None,
        signer_name=signer,
        reason=words_text("verify.sign_reason", lang or current_language()),
        location=location,
        source=source,
        pdf_name=pdf_name,
    )


# Appended for the protocol screen (GUI): what still stops the export, read in one go.
def protocol_blockers(db: Database, competition_id: int, lang: str | None = None) -> list[str]:
    """Everything that stops the protocol from being exported, worded in ``lang``."""
    with db.read() as session:
        competition = get_competition(session, competition_id)
        shown = lang or current_language()
        return [blocker.text(shown) for blocker in export_blockers(session, competition)]
