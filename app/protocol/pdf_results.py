"""The protocol PDF's result sections: results, ranking or cancellation, decisions,
analysis, remarks, the annexes of individual scores and explanations, and signatures."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from app.protocol import charts
from app.protocol.document import (
    CompetitionKind,
    DecisionKind,
)
from app.protocol.flowables import (
    Column,
    GridTable,
    SignatureAnchor,
)
from app.protocol.formatting import (
    explain,
    format_decimal,
    format_score,
    format_signed,
)
from app.protocol.labels import (
    FLAG_ORDER,
    aggregation_label,
    flag_label,
    role_label,
)
from app.protocol.pdf_page import PORTRAIT_WIDTH, plain_paragraph
from app.protocol.pdf_story import StoryBase
from app.scoring.types import (
    AllocationMethod,
    CriterionKind,
    Flag,
    MemberRole,
    OfferResult,
    RoundingStage,
)


class ResultSections(StoryBase):
    """The results and everything after them."""

    def _admitted_results(self) -> list[OfferResult]:
        return [r for r in self.doc.results.offers if r.admitted]

    def results(self) -> None:
        doc = self.doc
        lang = self.lang
        results = self._admitted_results()
        criteria = list(doc.criteria)
        wide = 2 + len(criteria) + 2 > 12
        if wide:
            self.add(NextPageTemplate("landscape"), PageBreak())
        self.heading(self.t("s_results"))
        self.results_section = self.section_no
        if not results:
            self.para(self.t("res_none"))
        else:
            unscaled = doc.policy.min_total_basis.value == "unscaled"
            self.heading(self.t("res_points"), level=1)
            header = [self.t("res_rank"), self.t("res_offer")]
            max_word = "maks." if lang == "pl" else "max"
            header += [f"{c.id}\n{max_word} {format_score(c.weight, lang)}" for c in criteria]
            header.append(self.t("res_total"))
            if unscaled:
                header.append(self.t("res_unscaled"))
            rows = []
            marks = set()
            for index, r in enumerate(results):
                by_id = {c.criterion_id: c for c in r.criteria}
                cells = [str(r.rank) if r.rank is not None else self.t("dash"), r.offer_id]
                for crit in criteria:
                    cr = by_id.get(crit.id)
                    cells.append(self.num(cr.points) if cr else self.t("dash"))
                cells.append(self.num(r.total))
                if unscaled:
                    cells.append(self.num(r.unscaled_total))
                rows.append(cells)
                if Flag.DISCREPANCY in r.flags or Flag.TIE_UNRESOLVED in r.flags:
                    marks.add(index)
            n = len(criteria)
            columns = [Column(1.1, "C"), Column(1.3, font="bold")]
            columns += [Column(1.0, "R")] * n
            columns.append(Column(1.3, "R", font="bold"))
            if unscaled:
                columns.append(Column(1.2, "R"))
            size = 7.5 if n <= 10 else 6.8
            self.add(
                GridTable(
                    columns,
                    header,
                    rows,
                    font_size=size,
                    shade=[i % 2 == 1 for i in range(len(rows))],
                    marks=frozenset(marks),
                )
            )
            if doc.policy.rounding_stage == RoundingStage.TOTAL:
                self.para(self.t("res_stage_total_note"), "note")
            scored = [c for c in criteria if c.kind in (CriterionKind.SCORED, CriterionKind.YES_NO)]
            if scored:
                how = aggregation_label(lang, doc.policy.aggregation)
                self.heading(self.t("res_scores", how=how), level=1)
                header2 = [self.t("res_offer")]
                header2 += [
                    f"{c.id}\n0–{format_score(c.max_score or Decimal(0), lang)}" for c in scored
                ]
                rows2 = []
                for r in results:
                    by_id = {c.criterion_id: c for c in r.criteria}
                    cells = [r.offer_id]
                    for crit in scored:
                        cr = by_id.get(crit.id)
                        cells.append(self.num(cr.score) if cr and cr.score is not None else "—")
                    rows2.append(cells)
                self.add(
                    GridTable(
                        [Column(1.3, font="bold")] + [Column(1.0, "R")] * len(scored),
                        header2,
                        rows2,
                        font_size=size,
                        shade=[i % 2 == 1 for i in range(len(rows2))],
                    )
                )
        if doc.results.not_evaluated:
            self.para(self.t("res_not_evaluated", codes=", ".join(doc.results.not_evaluated)))
        if wide:
            self.add(NextPageTemplate("portrait"), PageBreak())

    def _flags_text(self, r: OfferResult) -> str:
        words = [flag_label(self.lang, f) for f in FLAG_ORDER if f in r.flags]
        if not r.eligible and Flag.BELOW_THRESHOLD not in r.flags:
            words.insert(0, self.t("rk_ineligible"))
        return "; ".join(words)

    def ranking(self) -> None:
        doc = self.doc
        policy = doc.policy
        results = self._admitted_results()
        with_money = policy.allocation.method != AllocationMethod.NONE
        self.heading(self.t("s_ranking" if with_money else "s_selection"))
        if not results:
            self.para(self.t("res_none"))
            return
        rows = []
        marks = set()
        for index, r in enumerate(results):
            offer = doc.offer_by_code[r.offer_id]
            if with_money:
                outcome = self.money(r.award) if r.award is not None else self.t("dash")
            else:
                outcome = self.t("yes") if Flag.SELECTED in r.flags else self.t("no")
            rows.append(
                (
                    str(r.rank) if r.rank is not None else self.t("dash"),
                    r.offer_id,
                    f"{offer.applicant}\n„{offer.title}”",
                    self.num(r.total),
                    self.money(offer.requested),
                    outcome,
                    self._flags_text(r),
                )
            )
            if Flag.TIE_UNRESOLVED in r.flags or Flag.DISCREPANCY in r.flags:
                marks.add(index)
        self.add(
            GridTable(
                [
                    Column(0.08, "C", font="bold"),
                    Column(0.07, font="bold"),
                    Column(0.29),
                    Column(0.09, "R", font="bold"),
                    Column(0.13, "R"),
                    Column(0.13, "R", font="bold"),
                    Column(0.21),
                ],
                [
                    self.t("rk_rank"),
                    self.t("rk_offer"),
                    self.t("rk_applicant"),
                    self.t("rk_total"),
                    self.t("rk_requested"),
                    self.t("rk_award" if with_money else "rk_selected"),
                    self.t("rk_status"),
                ],
                rows,
                shade=[r.eligible is False for r in results],
                marks=frozenset(marks),
            )
        )
        res = doc.results
        if with_money:
            awarded = res.awarded_total
            if awarded is None:
                awarded = sum((r.award or Decimal(0) for r in results), Decimal(0))
            budget = res.budget if res.budget is not None else policy.allocation.budget
            if budget is not None:
                self.para(
                    self.t(
                        "rk_awarded",
                        awarded=self.money(awarded),
                        budget=self.money(budget),
                        left=self.money(budget - awarded),
                    ),
                    "h3",
                )
            else:
                self.para(self.t("rk_awarded_nobudget", awarded=self.money(awarded)), "h3")
        else:
            selected = [r for r in results if Flag.SELECTED in r.flags]
            if selected:
                items = ", ".join(self.offer_label(r.offer_id) for r in selected)
                self.para(self.t("rk_selected_list", items=items), "h3")
            else:
                self.para(self.t("rk_selected_none"), "h3")

    def cancellation(self) -> None:
        doc = self.doc
        ngo = doc.competition.kind == CompetitionKind.NGO_GRANT
        self.heading(self.t("s_cancellation" if ngo else "s_cancellation_other"))
        if ngo:
            point = 1 if not doc.offers else 2
            self.para(
                self.t("cancel_ngo_1", point=point, why=self.t(f"cancel_why_{point}")), "body"
            )
            self.para(self.t("cancel_ngo_2"))
        else:
            self.para(self.t("cancel_other"))
        if doc.cancellation_reason:
            self.para(self.t("cancel_reason", reason=doc.cancellation_reason))
        if self._admitted_results():
            self.para(self.t("cancel_results_note", section=self.results_section), "note")

    def decisions(self) -> None:
        doc = self.doc
        res = doc.results
        self.heading(self.t("s_decisions"))
        # discrepancies
        self.heading(self.t("dc_discrepancies"), level=1)
        flagged = [
            r
            for r in res.offers
            if Flag.DISCREPANCY in r.flags or Flag.DISCREPANCY_RESOLVED in r.flags
        ]
        by_offer: dict[str, list[Any]] = defaultdict(list)
        for d in doc.decisions:
            for code in d.offer_codes:
                by_offer[code].append(d)
        if flagged:
            rows = []
            marks = set()
            for index, r in enumerate(flagged):
                resolved = Flag.DISCREPANCY_RESOLVED in r.flags
                resolutions = [
                    f"{self.date(d.decided_on)}: {d.reason}"
                    + (f" ({d.details})" if d.details else "")
                    for d in by_offer.get(r.offer_id, [])
                    if d.kind == DecisionKind.DISCREPANCY_RESOLUTION
                ]
                if not resolved:
                    marks.add(index)
                rows.append(
                    (
                        r.offer_id,
                        self.num(r.spread),
                        self.t("dc_resolved") if resolved else self.t("dc_unresolved"),
                        "\n".join(resolutions) or self.t("dash"),
                    )
                )
            self.add(
                GridTable(
                    [Column(0.09, font="bold"), Column(0.14, "R"), Column(0.15, "C"), Column(0.62)],
                    [
                        self.t("res_offer"),
                        self.t("dc_spread"),
                        self.t("dc_state"),
                        self.t("dc_reason"),
                    ],
                    rows,
                    marks=frozenset(marks),
                )
            )
        else:
            self.para(self.t("dc_none_discrepancy"))
        # ties
        self.heading(self.t("dc_ties"), level=1)
        tie_decisions = [d for d in doc.decisions if d.kind == DecisionKind.TIE_ORDER]
        for group in res.unresolved_ties:
            self.para(self.t("dc_tie_unresolved", codes=", ".join(group)))
        for d in tie_decisions:
            details = f" ({d.details})" if d.details else ""
            self.para(
                f"{self.date(d.decided_on)} – {self.t('dk_tie_order')}: "
                f"{' > '.join(d.offer_codes)}. {d.reason}{details}"
            )
        if not res.unresolved_ties and not tie_decisions:
            self.para(self.t("dc_no_ties"))
        # every decision
        self.heading(self.t("dc_all"), level=1)
        if doc.decisions:
            decision_rows = [
                (
                    self.date(d.decided_on),
                    self.t(f"dk_{d.kind.value}"),
                    ", ".join(d.offer_codes) or self.t("dash"),
                    d.reason,
                    d.details or self.t("dash"),
                )
                for d in doc.decisions
            ]
            self.add(
                GridTable(
                    [Column(0.11, "C"), Column(0.17), Column(0.12), Column(0.35), Column(0.25)],
                    [
                        self.t("dc_date"),
                        self.t("dc_kind"),
                        self.t("dc_offers"),
                        self.t("dc_reason"),
                        self.t("dc_details"),
                    ],
                    decision_rows,
                )
            )
        else:
            self.para(self.t("none"))
        if res.steps:
            self.heading(self.t("dc_results_notes"), level=1)
            for step in res.steps:
                self.bullet(explain(step, self.lang))

    def analysis(self) -> None:
        doc = self.doc
        lang = self.lang
        self.heading(self.t("s_analysis"))
        analysis = doc.analysis
        has_any = False
        if analysis.leniency:
            has_any = True
            self.heading(self.t("an_leniency"), level=1)
            self.para(self.t("an_leniency_intro"), "note")
            rows = [
                (
                    self.member_name(row.member_code),
                    role_label(lang, self.doc.member_by_code[row.member_code].role),
                    format_signed(row.mean_deviation, 2, lang),
                    str(row.offers_compared),
                )
                for row in analysis.leniency
            ]
            self.add(
                GridTable(
                    [Column(0.4), Column(0.25), Column(0.18, "R"), Column(0.17, "R")],
                    [
                        self.t("an_member"),
                        self.t("c_role"),
                        self.t("an_deviation"),
                        self.t("an_compared"),
                    ],
                    rows,
                )
            )
            chart = charts.leniency_chart(
                [(row.member_code, row.mean_deviation) for row in analysis.leniency],
                PORTRAIT_WIDTH * 0.8,
                lang,
            )
            if chart is not None:
                self.add(chart, Spacer(1, 4 * mm))
        if analysis.agreement_coefficient is not None:
            has_any = True
            self.para(
                self.t(
                    "an_agreement",
                    value=format_decimal(analysis.agreement_coefficient, 2, lang),
                    band=analysis.agreement_band or self.t("dash"),
                )
            )
        spread_rows = []
        for r in doc.results.offers:
            totals = list(r.member_totals.values())
            if len(totals) < 1 or not r.admitted:
                continue
            mean = sum(totals, Decimal(0)) / len(totals)
            spread_rows.append(
                charts.SpreadRow(
                    r.offer_id,
                    min(totals),
                    mean,
                    max(totals),
                    flagged=Flag.DISCREPANCY in r.flags,
                )
            )
        if spread_rows:
            has_any = True
            self.heading(self.t("an_spread"), level=1)
            self.para(self.t("an_spread_intro"), "note")
            scale_max = sum(
                (c.weight for c in doc.criteria if c.kind == CriterionKind.SCORED), Decimal(0)
            )
            if scale_max <= 0:
                scale_max = max(row.high for row in spread_rows)
            for drawing in charts.spread_charts(spread_rows, PORTRAIT_WIDTH, scale_max, lang):
                self.add(drawing, Spacer(1, 3 * mm))
        if doc.stability:
            has_any = True
            self.heading(self.t("an_stability"), level=1)
            for sentence in doc.stability:
                self.bullet(sentence)
        if not has_any:
            self.para(self.t("an_none"))

    def remarks(self) -> None:
        self.heading(self.t("s_remarks"))
        if not self.doc.remarks:
            self.para(self.t("none"))
        for remark in self.doc.remarks:
            self.para(remark)

    def annex_scores(self) -> None:
        doc = self.doc
        lang = self.lang
        self.add(PageBreak())
        title = f"{self.t('annex', number=1)}. {self.t('annex_scores')}"
        self.heading(title, numbered=False)
        if doc.sheet_sources:
            self.heading(self.t("r_sources"), level=1)
            rows = [
                (
                    self.member_name(src.member_code),
                    self.t(f"src_{src.kind.value}"),
                    src.reference or self.t("dash"),
                    src.sha256 or self.t("dash"),
                    self.when(src.imported_at),
                )
                for src in doc.sheet_sources
            ]
            self.add(
                GridTable(
                    [
                        Column(0.2),
                        Column(0.15),
                        Column(0.2),
                        Column(0.32, font="mono"),
                        Column(0.13),
                    ],
                    [
                        self.t("src_member"),
                        self.t("src_kind"),
                        self.t("src_reference"),
                        self.t("src_sha"),
                        self.t("src_imported"),
                    ],
                    rows,
                    font_size=6.5,
                )
            )
        offer_pos = {o.code: i for i, o in enumerate(doc.offers)}
        crit_pos = {c.id: i for i, c in enumerate(doc.criteria)}
        by_member: dict[str, list[Any]] = defaultdict(list)
        for score in doc.individual_scores:
            by_member[score.member_code].append(score)
        recused: dict[str, list[str]] = defaultdict(list)
        for rec in doc.recusals:
            recused[rec.member_code].append(rec.offer_code)
        columns = [Column(0.08, font="bold"), Column(0.1), Column(0.07, "R"), Column(0.75)]
        header = [
            self.t("ax_offer"),
            self.t("ax_criterion"),
            self.t("ax_score"),
            self.t("ax_justification"),
        ]
        for member in doc.committee:
            heading = self.t(
                "ax_member", code=member.code, name=member.name, role=role_label(lang, member.role)
            )
            self.heading(heading, level=1)
            if member.role == MemberRole.EXPERT:
                self.para(self.t("ax_expert_note"), "note")
            if recused.get(member.code):
                self.para(self.t("ax_recused", codes=", ".join(recused[member.code])), "note")
            scores = by_member.get(member.code, [])
            if not scores:
                self.para(self.t("ax_no_scores"))
                continue
            scores.sort(
                key=lambda s: (offer_pos.get(s.offer_code, 0), crit_pos.get(s.criterion_id, 0))
            )
            score_rows: list[tuple[str, str, str, str]] = []
            shade = []
            flip = False
            previous = None
            for s in scores:
                if s.offer_code != previous:
                    flip = not flip
                    previous = s.offer_code
                shade.append(flip)
                score_rows.append(
                    (s.offer_code, s.criterion_id, format_score(s.score, lang), s.justification)
                )
            self.add(GridTable(columns, header, score_rows, font_size=7, shade=shade))

    def annex_explanations(self) -> None:
        doc = self.doc
        lang = self.lang
        self.add(PageBreak())
        self.heading(f"{self.t('annex', number=2)}. {self.t('annex_explain')}", numbered=False)
        if doc.results.steps:
            self.heading(self.t("ax_competition_notes"), level=1)
            for step in doc.results.steps:
                self.bullet(explain(step, lang), "small")
        rows: list[tuple[str, str, str]] = []
        shade: list[bool] = []
        bold_rows: set[int] = set()
        flip = False
        word = self.t("ax_step_offer")
        why = {e.offer_id: e for e in doc.explanations}
        for r in doc.results.offers:
            flip = not flip
            offer = doc.offer_by_code[r.offer_id]
            bold_rows.add(len(rows))
            rows.append((r.offer_id, "", f"{offer.applicant} – „{offer.title}”"))
            shade.append(flip)
            told = why.get(r.offer_id)
            for crit in r.criteria:
                for step in told.criteria.get(crit.criterion_id, ()) if told else ():
                    rows.append((r.offer_id, crit.criterion_id, explain(step, lang)))
                    shade.append(flip)
            for step in told.steps if told else r.placement:
                rows.append((r.offer_id, word, explain(step, lang)))
                shade.append(flip)
        if rows:
            self.add(
                GridTable(
                    [Column(0.08, font="bold"), Column(0.09), Column(0.83)],
                    [self.t("ax_offer"), self.t("ax_criterion"), self.t("ax_justification")],
                    rows,
                    font_size=7,
                    shade=shade,
                    bold_rows=frozenset(bold_rows),
                )
            )
        else:
            self.para(self.t("none"))

    def signatures(self) -> None:
        doc = self.doc
        lang = self.lang
        self.add(PageBreak())
        self.heading(self.t("s_signatures"), numbered=False)
        self.para(self.t("sg_intro"))
        present = [m for m in doc.committee if m.present_at_sign_off]
        rows = [(m.name, role_label(lang, m.role), "\n\n", "") for m in present]
        self.add(
            GridTable(
                [Column(0.3), Column(0.22), Column(0.16), Column(0.32)],
                [self.t("sg_name"), self.t("sg_role"), self.t("sg_date"), self.t("sg_signature")],
                rows,
                font_size=8.5,
            )
        )
        inst = doc.institution
        block: list[Flowable] = [
            Spacer(1, 6 * mm),
            plain_paragraph(self.t("sg_approve"), self.s["approve"]),
            Spacer(1, 12 * mm),
            plain_paragraph("…" * 40, self.s["body"]),
            plain_paragraph(self.t("sg_approve_line"), self.s["note"]),
            plain_paragraph(inst.head_name or "", self.s["h3"]),
            plain_paragraph(inst.head_title or "", self.s["body"]),
            Spacer(1, 5 * mm),
        ]
        anchor = SignatureAnchor(230, 78, self.t("sg_electronic"))
        anchor.hAlign = "RIGHT"
        block.append(anchor)
        self.add(KeepTogether(block))


# ---------------------------------------------------------------------------------------------
