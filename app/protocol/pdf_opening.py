"""The protocol PDF's opening sections: title page, meetings, committee, declarations,
offers received, formal check and scoring rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Spacer,
)

from app.protocol.document import (
    CompetitionKind,
)
from app.protocol.flowables import (
    Column,
    GridTable,
)
from app.protocol.formatting import (
    format_score,
)
from app.protocol.labels import (
    aggregation_label,
    allocation_label,
    kind_label,
    role_label,
    rounding_label,
    threshold_label,
    tie_breaker_label,
)
from app.protocol.pdf_page import Heading, plain_paragraph
from app.protocol.pdf_story import StoryBase
from app.scoring.types import (
    CriterionKind,
    MemberRole,
)


class OpeningSections(StoryBase):
    """Sections 1 to the scoring rules."""

    def title_page(self) -> None:
        doc = self.doc
        comp = doc.competition
        inst = doc.institution
        s = self.s
        self.add(Spacer(1, 6 * mm))
        self.add(plain_paragraph(inst.name, s["inst"]))
        if inst.address:
            self.add(plain_paragraph(inst.address, s["center"]))
        self.add(Spacer(1, 12 * mm))
        self.add(Heading(self.t("protocol"), s["protocol"], "title", 0))
        self.add(plain_paragraph(self.t("protocol_sub"), s["sub"]))
        self.add(plain_paragraph(self.t(f"kind_{comp.kind.value}"), s["kind"]))
        self.add(plain_paragraph(f"„{comp.title}”", s["title"]))
        if doc.is_cancelled:
            key = (
                "cancelled_banner_ngo"
                if comp.kind == CompetitionKind.NGO_GRANT
                else "cancelled_banner_other"
            )
            self.add(plain_paragraph(self.t(key), s["banner"]))
        budget_lines = [
            self.t("budget_year", year=line.year, amount=self.money(line.amount))
            for line in comp.budget_lines
        ]
        if comp.total_budget is not None:
            budget_lines.append(self.t("budget_total", amount=self.money(comp.total_budget)))
        if doc.is_draft:
            status = self.t("status_draft")
        else:
            status = self.t(
                "status_signed",
                when=self.when(doc.signed_off_at),
                who=doc.signed_off_by or "",
            )
        rows = [
            (self.t("case_reference"), comp.case_reference),
            (self.t("legal_basis"), comp.legal_basis or self.t("dash")),
            (self.t("committee_act"), comp.committee_act or self.t("dash")),
            (self.t("announced_on"), self.date(comp.announced_on)),
            (self.t("publication_places"), comp.publication_places or self.t("dash")),
            (self.t("submission_deadline"), self.when(comp.submission_deadline)),
            (self.t("decision_date"), self.date(comp.decision_date)),
            (self.t("budget"), "\n".join(budget_lines) or self.t("dash")),
            (self.t("version"), str(doc.version)),
            (self.t("generated_at"), self.when(doc.generated_at)),
            (self.t("status"), status),
            (self.t("competition_uid"), comp.uid),
            (self.t("fingerprint"), doc.fingerprint),
        ]
        self.add(
            GridTable(
                [Column(0.3, font="bold"), Column(0.7)],
                None,
                rows,
                font_size=8.5,
                shade=[i % 2 == 1 for i in range(len(rows))],
            )
        )
        if doc.previous_versions:
            self.add(Spacer(1, 4 * mm))
            self.add(plain_paragraph(self.t("previous_versions"), s["h3"]))
            self.add(
                GridTable(
                    [Column(0.09, "C"), Column(0.17), Column(0.2), Column(0.17), Column(0.37)],
                    [
                        self.t("pv_number"),
                        self.t("pv_signed"),
                        self.t("pv_by"),
                        self.t("pv_reopened"),
                        self.t("pv_reason"),
                    ],
                    [
                        (
                            str(v.number),
                            self.when(v.signed_off_at),
                            v.signed_off_by,
                            self.when(v.reopened_at),
                            v.reopen_reason,
                        )
                        for v in doc.previous_versions
                    ],
                )
            )
        self.add(PageBreak())

    def meetings(self) -> None:
        doc = self.doc
        self.heading(self.t("s_meetings"))
        if not doc.meetings:
            self.para(self.t("none"))
            return
        rows = []
        for meeting in doc.meetings:
            present = [a.member_code for a in meeting.attendance if a.present]
            absent = [a.member_code for a in meeting.attendance if not a.present]
            rows.append(
                (
                    self.when(meeting.starts_at),
                    meeting.place,
                    meeting.purpose,
                    ", ".join(self.member_name(c) for c in present) or self.t("dash"),
                    ", ".join(self.member_name(c) for c in absent) or self.t("dash"),
                )
            )
        self.add(
            GridTable(
                [Column(0.14), Column(0.2), Column(0.24), Column(0.26), Column(0.16)],
                [
                    self.t("m_when"),
                    self.t("m_place"),
                    self.t("m_purpose"),
                    self.t("m_present"),
                    self.t("m_absent"),
                ],
                rows,
            )
        )

    def committee(self) -> None:
        doc = self.doc
        self.heading(self.t("s_committee"))
        rows = [
            (
                m.code,
                m.name,
                role_label(self.lang, m.role),
                m.affiliation or self.t("dash"),
                self.date(m.declaration_signed_on),
                self.t("yes") if m.present_at_sign_off else self.t("no"),
            )
            for m in doc.committee
        ]
        self.add(
            GridTable(
                [
                    Column(0.07, font="bold"),
                    Column(0.22),
                    Column(0.17),
                    Column(0.26),
                    Column(0.14, "C"),
                    Column(0.14, "C"),
                ],
                [
                    self.t("c_code"),
                    self.t("c_name"),
                    self.t("c_role"),
                    self.t("c_affiliation"),
                    self.t("c_declaration"),
                    self.t("c_present"),
                ],
                rows,
            )
        )
        if any(m.role == MemberRole.EXPERT for m in doc.committee):
            self.para(self.t("experts_note"), "note")
        if doc.meetings:
            self.heading(self.t("c_attendance"), level=1)
            # one column per meeting, at most 8 per table so that the columns stay readable
            for start in range(0, len(doc.meetings), 8):
                chunk = doc.meetings[start : start + 8]
                header = [self.t("c_name")] + [self.date(m.starts_at) for m in chunk]
                attendance = [{a.member_code: a.present for a in m.attendance} for m in chunk]
                rows2 = []
                for member in doc.committee:
                    cells = [f"{member.code} {member.name}"]
                    for marks in attendance:
                        state = marks.get(member.code)
                        cells.append(
                            self.t("dash")
                            if state is None
                            else self.t("present_mark")
                            if state
                            else self.t("absent_mark")
                        )
                    rows2.append(cells)
                self.add(
                    GridTable(
                        [Column(0.3)] + [Column(0.7 / max(len(chunk), 1), "C")] * len(chunk),
                        header,
                        rows2,
                    )
                )

    def declarations(self) -> None:
        doc = self.doc
        self.heading(self.t("s_declarations"))
        missing = [m for m in doc.committee if m.declaration_signed_on is None]
        if missing:
            names = ", ".join(f"{m.code} {m.name}" for m in missing)
            self.para(self.t("d_missing", names=names))
        else:
            self.para(self.t("d_all_signed"))
        self.heading(self.t("d_recusals"), level=1)
        if not doc.recusals:
            self.para(self.t("d_no_recusals"))
            return
        rows = [
            (
                self.member_name(r.member_code),
                self.offer_label(r.offer_code),
                r.reason,
                self.date(r.declared_on),
            )
            for r in doc.recusals
        ]
        self.add(
            GridTable(
                [Column(0.22), Column(0.3), Column(0.36), Column(0.12, "C")],
                [self.t("d_member"), self.t("d_offer"), self.t("d_reason"), self.t("d_declared")],
                rows,
            )
        )

    def offers(self) -> None:
        doc = self.doc
        self.heading(self.t("s_offers"))
        total = sum((o.requested for o in doc.offers), Decimal(0))
        self.para(self.t("o_count", count=len(doc.offers), amount=self.money(total)))
        if not doc.offers:
            return
        late_codes = set()
        rows = []
        for index, offer in enumerate(doc.offers):
            if offer.late:
                late_codes.add(index)
            rows.append(
                (
                    offer.code,
                    offer.applicant,
                    offer.legal_form,
                    offer.nip or self.t("dash"),
                    offer.title,
                    self.when(offer.received_at),
                    self.money(offer.requested),
                    self.t("yes") if offer.late else self.t("no"),
                )
            )
        self.add(
            GridTable(
                [
                    Column(0.05, font="bold"),
                    Column(0.18),
                    Column(0.135),  # "stowarzyszenie" fits on one line
                    Column(0.105),  # a NIP on one line
                    Column(0.185),
                    Column(0.1),
                    Column(0.13, "R"),
                    Column(0.085, "C"),  # "Po terminie" without a broken word
                ],
                [
                    self.t("o_code"),
                    self.t("o_applicant"),
                    self.t("o_legal_form"),
                    self.t("o_nip"),
                    self.t("o_title"),
                    self.t("o_received"),
                    self.t("o_requested"),
                    self.t("o_late"),
                ],
                rows,
                font_size=7,
                marks=frozenset(late_codes),
            )
        )

    def formal(self) -> None:
        doc = self.doc
        self.heading(self.t("s_formal"))
        admitted = sum(1 for f in doc.formal_results if f.admitted)
        rejected = sum(1 for f in doc.formal_results if not f.admitted)
        self.para(self.t("f_summary", admitted=admitted, rejected=rejected))
        if not doc.formal_results:
            return
        rows = []
        marks = set()
        for index, f in enumerate(doc.formal_results):
            corrections = []
            for c in f.corrections:
                state = (
                    self.t("f_fulfilled", date=self.date(c.fulfilled_on))
                    if c.fulfilled_on
                    else self.t("f_not_fulfilled")
                )
                corrections.append(
                    self.t(
                        "f_correction",
                        requested=self.date(c.requested_on),
                        deadline=self.date(c.deadline),
                        scope=c.scope,
                        state=state,
                    )
                )
            if not f.admitted:
                marks.add(index)
            rows.append(
                (
                    f.offer_code,
                    self.doc.offer_by_code[f.offer_code].applicant,
                    self.t("f_admitted") if f.admitted else self.t("f_rejected"),
                    f.reason or self.t("dash"),
                    "\n".join(corrections) or self.t("dash"),
                )
            )
        self.add(
            GridTable(
                [
                    Column(0.07, font="bold"),
                    Column(0.23),
                    Column(0.11, "C"),
                    Column(0.3),
                    Column(0.29),
                ],
                [
                    self.t("o_code"),
                    self.t("o_applicant"),
                    self.t("f_result"),
                    self.t("f_reason"),
                    self.t("f_corrections"),
                ],
                rows,
                marks=frozenset(marks),
            )
        )

    def criterion_details(self, crit: Any) -> str:
        lang = self.lang
        weight = format_score(crit.weight, lang)
        if crit.kind == CriterionKind.SCORED:
            top = format_score(crit.max_score or Decimal(0), lang)
            return self.t("detail_scored", max=top, weight=weight)
        if crit.kind == CriterionKind.LOWER_BETTER:
            return self.t("detail_lower", field=crit.field or "", weight=weight)
        if crit.kind == CriterionKind.HIGHER_BETTER:
            text = self.t("detail_higher", field=crit.field or "", weight=weight)
            if crit.cap is not None:
                text += self.t("detail_cap", cap=format_score(crit.cap, lang))
            return text
        if crit.kind == CriterionKind.BANDED:
            bands = "; ".join(
                self.t(
                    "detail_band",
                    from_value=format_score(b.from_value, lang),
                    points=format_score(b.points, lang),
                )
                for b in crit.bands
            )
            return self.t("detail_banded", field=crit.field or "", bands=bands)
        return self.t("detail_yes_no", weight=weight)

    def rules(self) -> None:
        doc = self.doc
        policy = doc.policy
        lang = self.lang
        self.heading(self.t("s_rules"))
        self.heading(self.t("r_criteria"), level=1)
        rows = []
        for crit in doc.criteria:
            if crit.max_score is not None and crit.step is not None:
                scale = self.t(
                    "scale",
                    max=format_score(crit.max_score, lang),
                    step=format_score(crit.step, lang),
                )
            elif crit.max_score is not None:
                scale = self.t("scale_nostep", max=format_score(crit.max_score, lang))
            else:
                scale = self.t("dash")
            rows.append(
                (
                    crit.id,
                    crit.name,
                    kind_label(lang, crit.kind),
                    scale,
                    format_score(crit.weight, lang),
                    self.plain(crit.min_score),
                    self.criterion_details(crit),
                )
            )
        self.add(
            GridTable(
                [
                    Column(0.06, font="bold"),
                    Column(0.26),
                    Column(0.13),
                    Column(0.12, "C"),
                    Column(0.08, "R"),
                    Column(0.07, "R"),
                    Column(0.28),
                ],
                [
                    self.t("r_code"),
                    self.t("r_name"),
                    self.t("r_kind"),
                    self.t("r_scale"),
                    self.t("r_weight"),
                    self.t("r_min"),
                    self.t("r_details"),
                ],
                rows,
            )
        )
        total_weight = sum((c.weight for c in doc.criteria), Decimal(0))
        self.para(f"Σ {self.t('r_weight')}: {format_score(total_weight, lang)}", "small")
        items = [
            self.t("r_aggregation", how=aggregation_label(lang, policy.aggregation)),
            rounding_label(lang, policy.rounding_stage, policy.rounding_places),
        ]
        if policy.min_total is not None:
            items.append(threshold_label(lang, policy.min_total_basis, self.num(policy.min_total)))
        else:
            items.append(self.t("r_no_threshold"))
        crit_thresholds = [
            f"{c.id} ≥ {format_score(c.min_score, lang)}"
            for c in doc.criteria
            if c.min_score is not None
        ]
        if crit_thresholds:
            items.append(self.t("r_criterion_thresholds", items=", ".join(crit_thresholds)))
        if policy.tie_breakers:
            chain = "; ".join(
                f"{n}) {tie_breaker_label(lang, tb.kind, tb.ref)}"
                for n, tb in enumerate(policy.tie_breakers, start=1)
            )
            items.append(self.t("r_ties", chain=chain))
        else:
            items.append(self.t("r_no_ties"))
        if policy.discrepancy_points is not None:
            items.append(self.t("r_discrepancy", value=self.num(policy.discrepancy_points)))
        else:
            items.append(self.t("r_no_discrepancy"))
        alloc = policy.allocation
        items.append(self.t("r_allocation", method=allocation_label(lang, alloc.method)))
        if alloc.budget is not None:
            items.append(
                self.t(
                    "r_budget", amount=self.money(alloc.budget), step=self.money(alloc.award_step)
                )
            )
        if alloc.full_above is not None:
            items.append(self.t("r_full_above", value=self.num(alloc.full_above)))
        if policy.winners is not None:
            items.append(self.t("r_winners", count=policy.winners))
        for item in items:
            self.bullet(item)
