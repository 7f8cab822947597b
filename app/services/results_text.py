"""Results for the command line: a table for people and a full JSON with explanations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.scoring import types as st
from app.services.results import ResultsView, results_document


def _steps(steps: Sequence[st.Step], lang: str) -> list[dict[str, Any]]:
    from app.texts import explain

    return [{"code": s.code, "params": dict(s.params), "text": explain(s, lang)} for s in steps]


def results_json(view: ResultsView, lang: str = "pl") -> dict[str, Any]:
    """Everything the engine said, with each explanation rendered in ``lang``."""
    res = view.results
    document = results_document(str(view.competition_id), view.input, res)
    document["competition"] = view.competition_id
    document["status"] = view.status.value
    document["complete"] = view.complete
    document["fingerprint"] = view.fingerprint
    document["unresolved_ties"] = [list(group) for group in res.unresolved_ties]
    document["unresolved_discrepancies"] = list(res.unresolved_discrepancies)
    document["budget"] = None if res.budget is None else str(res.budget)
    document["notes"] = _steps(res.steps, lang)
    detailed = []
    for offer, why in zip(res.offers, view.explanations(), strict=True):
        detailed.append(
            {
                "id": offer.offer_id,
                "admitted": offer.admitted,
                "eligible": offer.eligible,
                "rank": offer.rank,
                "total": None if offer.total is None else str(offer.total),
                "unscaled_total": None
                if offer.unscaled_total is None
                else str(offer.unscaled_total),
                "award": None if offer.award is None else str(offer.award),
                "flags": sorted(f.value for f in offer.flags),
                "counted_members": list(offer.counted_members),
                "excluded_members": dict(offer.excluded_members),
                "member_totals": {k: str(v) for k, v in offer.member_totals.items()},
                "spread": None if offer.spread is None else str(offer.spread),
                "criteria": [
                    {
                        "id": c.criterion_id,
                        "score": None if c.score is None else str(c.score),
                        "points": str(c.points),
                        "points_exact": str(c.points_exact),
                        "threshold_passed": c.threshold_passed,
                        "counted_members": list(c.counted_members),
                        "explanation": _steps(why.criteria.get(c.criterion_id, ()), lang),
                    }
                    for c in offer.criteria
                ],
                "explanation": _steps(why.steps, lang),
            }
        )
    document["offers"] = detailed
    return document


def _flags(offer: st.OfferResult, lang: str) -> str:
    from app.protocol.labels import FLAG_ORDER, flag_label

    return ", ".join(flag_label(lang, flag) for flag in FLAG_ORDER if flag in offer.flags)


def results_table(view: ResultsView, lang: str = "pl") -> list[str]:
    from app.texts import explain
    from app.words import format_decimal, format_money, text

    res = view.results
    places = view.input.policy.rounding_places
    codes = [c.id for c in view.input.criteria]
    lines = []
    if not view.complete:
        lines.append(text("cli.provisional", lang))
    header = (
        f"{text('cli.col_rank', lang):>7}  {text('cli.col_offer', lang):<8}"
        + "".join(f"{code:>9}" for code in codes)
        + f"{text('cli.col_total', lang):>10}"
    )
    if view.input.policy.allocation.method is not st.AllocationMethod.NONE:
        header += f"{text('cli.col_award', lang):>18}"
    lines.append(header + "  " + text("cli.col_flags", lang))
    for offer in res.offers:
        if not offer.admitted:
            continue
        points = {c.criterion_id: c.points for c in offer.criteria}
        row = f"{offer.rank if offer.rank is not None else '—':>7}  {offer.offer_id:<8}" + "".join(
            f"{format_decimal(points[code], places, lang):>9}" for code in codes
        )
        row += f"{format_decimal(offer.total, places, lang) if offer.total is not None else '':>10}"
        if offer.award is not None:
            row += f"{format_money(offer.award, lang):>18}"
        row += "  " + _flags(offer, lang)
        lines.append(row)
    if res.not_evaluated:
        lines.append(text("cli.not_evaluated", lang, offers=", ".join(res.not_evaluated)))
    if res.awarded_total is not None and res.budget is not None:
        lines.append(text("cli.awarded", lang, awarded=res.awarded_total, budget=res.budget))
    if res.cancel:
        lines.append(text("cli.cancel", lang))
    for step in res.steps:
        lines.append("• " + explain(step, lang))
    lines.append(text("cli.fingerprint", lang, fingerprint=view.fingerprint))
    return lines
