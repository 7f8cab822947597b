"""The protocol workbook's record sheets: the rules and the call, the formal check, the
committee with its meetings, recusals, decisions and signatures, and the explanations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.protocol.formatting import excel_datetime, format_datetime, format_score
from app.protocol.labels import (
    aggregation_label,
    allocation_label,
    kind_label,
    role_label,
    rounding_label,
    threshold_label,
    tie_breaker_label,
)
from app.protocol.xlsx_base import WorkbookBase
from app.protocol.xlsx_cells import (
    FIRST_ROW,
    HEADER_ROW,
    Sheet,
    date_text,
    line_count,
)
from app.scoring.types import Criterion, CriterionKind, MemberRole
from app.texts import StepExplainer


class RecordSheets(WorkbookBase):
    """The rules, formal check, committee and explanations sheets."""

    # -- rules -------------------------------------------------------------------------------

    def criterion_details(self, crit: Criterion) -> str:
        lang = self.lang
        weight = format_score(crit.weight, lang)
        if crit.kind is CriterionKind.SCORED:
            top = format_score(crit.max_score or Decimal(0), lang)
            return self.t("detail_scored", max=top, weight=weight)
        if crit.kind is CriterionKind.LOWER_BETTER:
            return self.t("detail_lower", field=crit.field or "", weight=weight)
        if crit.kind is CriterionKind.HIGHER_BETTER:
            text = self.t("detail_higher", field=crit.field or "", weight=weight)
            if crit.cap is not None:
                text += self.t("detail_cap", cap=format_score(crit.cap, lang))
            return text
        if crit.kind is CriterionKind.BANDED:
            return self.t("detail_banded", field=crit.field or "", bands=self.bands_text(crit))
        return self.t("detail_yes_no", weight=weight)

    def bands_text(self, crit: Criterion) -> str:
        return "; ".join(
            self.t(
                "detail_band",
                from_value=format_score(b.from_value, self.lang),
                points=format_score(b.points, self.lang),
            )
            for b in crit.bands
        )

    def rules_sheet(self) -> None:
        doc = self.doc
        lang = self.lang
        policy = doc.policy
        sheet = Sheet(
            self.wb, self.names["rules"], self.styles, [8, 40, 20, 11, 10, 10, 9, 16, 12, 24, 48]
        )
        sheet.landscape(HEADER_ROW, "A7")
        self.title_block(sheet, self.t("s_rules"))
        sheet.header(
            [
                self.t("r_code"),
                self.t("r_name"),
                self.t("r_kind"),
                self.t("wb_max"),
                self.t("wb_step_size"),
                self.t("r_weight"),
                self.t("r_min"),
                self.t("wb_field"),
                self.t("wb_cap"),
                self.t("wb_bands"),
                self.t("r_details"),
            ]
        )
        for c in doc.criteria:
            sheet.append(
                [
                    sheet.cell(c.id, "bold"),
                    sheet.text(c.name, "wrap"),
                    sheet.cell(kind_label(lang, c.kind), "wrap"),
                    c.max_score,
                    c.step,
                    sheet.cell(c.weight, "top"),
                    c.min_score,
                    sheet.text(c.field or "", "top"),
                    c.cap,
                    sheet.text(self.bands_text(c) if c.bands else "", "wrap"),
                    sheet.text(self.criterion_details(c), "wrap"),
                ]
            )
        total_row = sheet.row
        sheet.append(
            [
                None,
                sheet.cell("Σ", "bold"),
                None,
                None,
                None,
                sheet.cell(f"=SUM(F{FIRST_ROW}:F{total_row})", "bold"),
            ]
        )
        sheet.blank()
        sheet.append([None, sheet.cell(self.t("wb_rule"), "head"), sheet.cell("", "head")])
        items: list[tuple[str, str]] = [
            (
                self.t("agg_" + policy.aggregation.value).capitalize(),
                self.t("r_aggregation", how=aggregation_label(lang, policy.aggregation)),
            ),
            (
                self.t("wb_step"),
                rounding_label(lang, policy.rounding_stage, policy.rounding_places),
            ),
        ]
        if policy.min_total is not None:
            items.append(
                (
                    self.t("r_min"),
                    threshold_label(lang, policy.min_total_basis, self.num_text(policy.min_total)),
                )
            )
        else:
            items.append((self.t("r_min"), self.t("r_no_threshold")))
        thresholds = [
            f"{c.id} ≥ {format_score(c.min_score, lang)}"
            for c in doc.criteria
            if c.min_score is not None
        ]
        if thresholds:
            items.append(
                (self.t("r_min"), self.t("r_criterion_thresholds", items=", ".join(thresholds)))
            )
        if policy.tie_breakers:
            chain = "; ".join(
                f"{n}) {tie_breaker_label(lang, tb.kind, tb.ref)}"
                for n, tb in enumerate(policy.tie_breakers, start=1)
            )
            items.append((self.t("dc_ties"), self.t("r_ties", chain=chain)))
        else:
            items.append((self.t("dc_ties"), self.t("r_no_ties")))
        if policy.discrepancy_points is not None:
            items.append(
                (
                    self.t("dc_discrepancies"),
                    self.t("r_discrepancy", value=self.num_text(policy.discrepancy_points)),
                )
            )
        else:
            items.append((self.t("dc_discrepancies"), self.t("r_no_discrepancy")))
        alloc = policy.allocation
        items.append(
            (
                self.t("rk_award"),
                self.t("r_allocation", method=allocation_label(lang, alloc.method)),
            )
        )
        if alloc.budget is not None:
            from app.protocol.formatting import format_money

            items.append(
                (
                    self.t("wb_budget"),
                    self.t(
                        "r_budget",
                        amount=format_money(alloc.budget, lang),
                        step=format_money(alloc.award_step, lang),
                    ),
                )
            )
        if alloc.full_above is not None:
            items.append(
                (self.t("rk_award"), self.t("r_full_above", value=self.num_text(alloc.full_above)))
            )
        if policy.winners is not None:
            items.append((self.t("rk_selected"), self.t("r_winners", count=policy.winners)))
        for name, value in items:
            sheet.append([None, sheet.cell(name, "bold"), sheet.text(value, "wrap")])
        # the call itself
        sheet.blank()
        comp = doc.competition
        inst = doc.institution
        call: list[tuple[str, Any, str | None]] = [
            (self.t("case_reference"), comp.case_reference, None),
            (self.t("kind_" + comp.kind.value).capitalize(), comp.title, None),
            (self.t("legal_basis"), comp.legal_basis, None),
            (self.t("committee_act"), comp.committee_act, None),
            (self.t("announced_on"), comp.announced_on, "date"),
            (self.t("publication_places"), comp.publication_places, None),
            (self.t("submission_deadline"), self.when(comp.submission_deadline), "datetime"),
            (self.t("decision_date"), comp.decision_date, "date"),
        ]
        for line in comp.budget_lines:
            call.append((f"{self.t('budget')} – {line.year}", line.amount, "money"))
        if comp.total_budget is not None:
            call.append((self.t("budget"), comp.total_budget, "money"))
        call += [
            (self.t("c_affiliation"), f"{inst.name}, {inst.address}".strip(", "), None),
            (self.t("competition_uid"), comp.uid, None),
            (self.t("version"), doc.version, None),
            (self.t("fingerprint"), doc.fingerprint, None),
        ]
        for name, value, style in call:
            if value is None or value == "":
                continue
            if isinstance(value, str):
                cell = sheet.text(value, "wrap")
            else:
                cell = sheet.cell(value, style or "top")
            sheet.append([None, sheet.cell(name, "bold"), cell])
        if doc.sheet_sources:
            sheet.blank()
            sheet.append(
                [
                    None,
                    sheet.cell(self.t("r_sources"), "head"),
                    sheet.cell(self.t("src_kind"), "head"),
                    sheet.cell(self.t("src_reference"), "head"),
                    sheet.cell(self.t("src_imported"), "head"),
                    sheet.cell(self.t("src_sha"), "head"),
                ]
            )
            for src in doc.sheet_sources:
                member = doc.member_by_code.get(src.member_code)
                sheet.append(
                    [
                        None,
                        sheet.text(f"{src.member_code} – {member.name if member else ''}", "top"),
                        self.t("src_" + src.kind.value),
                        sheet.text(src.reference),
                        sheet.cell(self.when(src.imported_at), "datetime")
                        if src.imported_at
                        else None,
                        sheet.text(src.sha256),
                    ]
                )

    # -- formal check ------------------------------------------------------------------------

    def formal_sheet(self) -> None:
        doc = self.doc
        fields: list[str] = []
        for offer in doc.offers:
            for name in offer.values:
                if name not in fields:
                    fields.append(name)
        widths = [8, 34, 18, 13, 34, 16, 16, 9, 13, 40, 40] + [12] * len(fields)
        sheet = Sheet(self.wb, self.names["formal"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "C7")
        self.title_block(sheet, self.t("s_formal"))
        sheet.header(
            [
                self.t("o_code"),
                self.t("o_applicant"),
                self.t("o_legal_form"),
                self.t("o_nip"),
                self.t("o_title"),
                self.t("o_received"),
                self.t("o_requested"),
                self.t("o_late"),
                self.t("f_result"),
                self.t("f_reason"),
                self.t("f_corrections"),
                *(self.t("wb_value_of", field=name) for name in fields),
            ]
        )
        for offer in doc.offers:
            formal = doc.formal_by_offer.get(offer.code)
            corrections = ""
            if formal is not None:
                corrections = "\n".join(
                    self.t(
                        "f_correction",
                        requested=date_text(c.requested_on, self.lang),
                        deadline=date_text(c.deadline, self.lang),
                        scope=c.scope,
                        state=self.t("f_fulfilled", date=date_text(c.fulfilled_on, self.lang))
                        if c.fulfilled_on
                        else self.t("f_not_fulfilled"),
                    )
                    for c in formal.corrections
                )
            result = ""
            if formal is not None:
                result = self.t("f_admitted" if formal.admitted else "f_rejected")
            sheet.append(
                [
                    sheet.cell(offer.code, "bold"),
                    sheet.text(offer.applicant, "wrap"),
                    sheet.text(offer.legal_form),
                    sheet.text(offer.nip or ""),
                    sheet.text(offer.title, "wrap"),
                    sheet.cell(excel_datetime(offer.received_at), "datetime"),
                    sheet.cell(offer.requested, "money"),
                    self.t("yes") if offer.late else self.t("no"),
                    sheet.cell(result, "bold"),
                    sheet.text(formal.reason if formal else "", "wrap"),
                    sheet.text(corrections, "wrap"),
                    *(offer.values.get(name) for name in fields),
                ]
            )
        sheet.blank()
        total = FIRST_ROW + len(doc.offers) - 1
        if doc.offers:
            sheet.append(
                [
                    None,
                    sheet.cell(self.t("res_total"), "bold"),
                    *([None] * 4),
                    sheet.cell(f"=SUM(G{FIRST_ROW}:G{total})", "money_bold"),
                ]
            )
        admitted = sum(1 for f in doc.formal_results if f.admitted)
        sheet.append(
            [
                None,
                sheet.text(
                    self.t(
                        "f_summary",
                        admitted=admitted,
                        rejected=len(doc.formal_results) - admitted,
                    ),
                    "top",
                ),
            ]
        )

    # -- committee -----------------------------------------------------------------------------

    def committee_sheet(self) -> None:
        doc = self.doc
        lang = self.lang
        meetings = doc.meetings
        widths = [12, 30, 22, 34, 16, 14] + [14] * len(meetings)
        widths[0] = max(widths[0], 16)
        sheet = Sheet(self.wb, self.names["committee"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "C7")
        self.title_block(sheet, self.t("s_committee"))
        sheet.header(
            [
                self.t("c_code"),
                self.t("c_name"),
                self.t("c_role"),
                self.t("c_affiliation"),
                self.t("c_declaration"),
                self.t("c_present"),
                *(
                    f"{self.t('c_attendance')} {format_datetime(m.starts_at, lang)}"
                    for m in meetings
                ),
            ]
        )
        for m in doc.committee:
            present = [
                {a.member_code: a.present for a in meeting.attendance}.get(m.code)
                for meeting in meetings
            ]
            sheet.append(
                [
                    sheet.cell(m.code, "bold"),
                    sheet.text(m.name, "top"),
                    role_label(lang, m.role),
                    sheet.text(m.affiliation, "wrap"),
                    sheet.cell(m.declaration_signed_on, "date") if m.declaration_signed_on else "—",
                    self.t("yes") if m.present_at_sign_off else self.t("no"),
                    *(
                        None
                        if p is None
                        else self.t("present_mark")
                        if p
                        else self.t("absent_mark")
                        for p in present
                    ),
                ]
            )
        if any(m.role is MemberRole.EXPERT for m in doc.committee):
            sheet.append([None, sheet.text(self.t("experts_note"), "line")])
        missing = [m.name for m in doc.committee if m.declaration_signed_on is None]
        sheet.append(
            [
                None,
                sheet.text(
                    self.t("d_missing", names=", ".join(missing))
                    if missing
                    else self.t("d_all_signed"),
                    "line",
                ),
            ]
        )
        # meetings
        sheet.blank()
        sheet.append([sheet.cell(self.t("wb_meetings"), "subtitle")])
        sheet.header(
            [
                self.t("m_when"),
                self.t("m_place"),
                self.t("m_purpose"),
                self.t("m_present"),
                self.t("m_absent"),
            ]
        )
        names = doc.member_by_code
        for meeting in meetings:
            here = [names[a.member_code].name for a in meeting.attendance if a.present]
            away = [names[a.member_code].name for a in meeting.attendance if not a.present]
            sheet.append(
                [
                    sheet.cell(excel_datetime(meeting.starts_at), "datetime"),
                    sheet.text(meeting.place, "wrap"),
                    sheet.text(meeting.purpose, "wrap"),
                    sheet.text(", ".join(here), "wrap"),
                    sheet.text(", ".join(away) or "—", "wrap"),
                ]
            )
        # recusals
        sheet.blank()
        sheet.append([sheet.cell(self.t("d_recusals"), "subtitle")])
        if doc.recusals:
            sheet.header(
                [
                    self.t("d_member"),
                    self.t("c_name"),
                    self.t("d_offer"),
                    self.t("d_reason"),
                    self.t("d_declared"),
                ]
            )
            for rec in doc.recusals:
                sheet.append(
                    [
                        sheet.cell(rec.member_code, "bold"),
                        sheet.text(names[rec.member_code].name, "top"),
                        rec.offer_code,
                        sheet.text(rec.reason, "wrap"),
                        sheet.cell(rec.declared_on, "date") if rec.declared_on else None,
                    ]
                )
        else:
            sheet.append([sheet.text(self.t("d_no_recusals"), "line")])
        # decisions
        sheet.blank()
        sheet.append([sheet.cell(self.t("s_decisions"), "subtitle")])
        if doc.decisions:
            sheet.header(
                [
                    self.t("dc_date"),
                    self.t("dc_kind"),
                    self.t("dc_offers"),
                    self.t("dc_reason"),
                    self.t("dc_details"),
                ]
            )
            for d in doc.decisions:
                sheet.append(
                    [
                        sheet.cell(d.decided_on, "date"),
                        self.t("dk_" + d.kind.value),
                        sheet.text(", ".join(d.offer_codes), "top"),
                        sheet.text(d.reason, "wrap"),
                        sheet.text(d.details, "wrap"),
                    ]
                )
        else:
            sheet.append([sheet.text(self.t("none"), "line")])
        for group in doc.results.unresolved_ties:
            sheet.append([sheet.text(self.t("dc_tie_unresolved", codes=", ".join(group)), "line")])
        # remarks
        sheet.blank()
        sheet.append([sheet.cell(self.t("wb_remarks"), "subtitle")])
        for line in doc.remarks or (self.t("none"),):
            sheet.append([sheet.text(line, "line")])
        # earlier versions
        if doc.previous_versions:
            sheet.blank()
            sheet.append([sheet.cell(self.t("previous_versions"), "subtitle")])
            sheet.header(
                [
                    self.t("pv_number"),
                    self.t("pv_signed"),
                    self.t("pv_by"),
                    self.t("pv_reason"),
                    self.t("pv_reopened"),
                ]
            )
            for v in doc.previous_versions:
                sheet.append(
                    [
                        v.number,
                        sheet.cell(excel_datetime(v.signed_off_at), "datetime"),
                        sheet.text(v.signed_off_by, "top"),
                        sheet.text(v.reopen_reason, "wrap"),
                        sheet.cell(excel_datetime(v.reopened_at), "datetime")
                        if v.reopened_at
                        else None,
                    ]
                )
        self.signature_block(sheet)

    def signature_block(self, sheet: Sheet) -> None:
        """The same signature block as the PDF: every member present at sign-off, then the
        approval of the head of the institution."""
        doc = self.doc
        sheet.blank()
        sheet.append([sheet.cell(self.t("s_signatures"), "subtitle")])
        sheet.append([None, sheet.text(self.t("sg_intro"), "line")])
        sheet.header(
            ["", self.t("sg_name"), self.t("sg_role"), self.t("sg_date"), self.t("sg_signature")]
        )
        for m in doc.committee:
            if m.present_at_sign_off:
                sheet.append([None, sheet.text(m.name, "top"), role_label(self.lang, m.role)], 3)
        sheet.blank()
        inst = doc.institution
        sheet.append([None, sheet.cell(self.t("sg_approve"), "subtitle")])
        sheet.append([None, None, None, self.t("sg_approve_line")], 3)
        sheet.append([None, sheet.text(inst.head_name, "top"), sheet.text(inst.head_title, "wrap")])

    def explanations_sheet(self) -> None:
        """Annex 2 of the PDF: the explanation of every number, offer by offer."""
        doc = self.doc
        lang = self.lang
        sheet = Sheet(self.wb, self.names["explain"], self.styles, [10, 12, 120])
        sheet.landscape(HEADER_ROW, f"A{HEADER_ROW + 1}")
        self.title_block(sheet, self.t("annex_explain"))
        sheet.header([self.t("ax_offer"), self.t("ax_criterion"), self.t("ax_justification")])
        explain_step = StepExplainer(lang)
        for step in doc.results.steps:
            sheet.append([None, None, sheet.text(explain_step(step), "wrap")])
        word = self.t("ax_step_offer")
        widths = sheet.widths
        append = sheet.ws.append
        why = {e.offer_id: e for e in doc.explanations}
        for r in doc.results.offers:
            offer = doc.offer_by_code[r.offer_id]
            code = r.offer_id
            told = why.get(code)
            sheet.append(
                [
                    sheet.cell(code, "bold"),
                    None,
                    sheet.text(f"{offer.applicant} – „{offer.title}”", "wrap"),
                ]
            )
            # 140,000 rows in a large competition: written here directly, with the same
            # heights as Sheet.append gives
            lines = line_count(code, widths[0]) if len(code) > widths[0] else 1
            groups = [
                (crit.criterion_id, told.criteria.get(crit.criterion_id, ()) if told else ())
                for crit in r.criteria
            ]
            groups.append((word, told.steps if told else r.placement))
            row_no = sheet.row
            for name, steps in groups:
                name_lines = line_count(name, widths[1]) if len(name) > widths[1] else 1
                for step in steps:
                    text = explain_step(step)
                    row_no += 1
                    height = max(lines, name_lines)
                    if len(text) > widths[2]:
                        height = max(height, line_count(text, widths[2]))
                    if height > 1:
                        sheet.height(row_no, height)
                    append([code, name, text])
            sheet.row = row_no
