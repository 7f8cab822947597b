"""Results for the command line: a table for people and a full JSON with explanations."""

from __future__ import annotations

from typing import Any

from app.scoring import types as st
from app.services.results import ResultsView, results_document


def _steps(steps: tuple[st.Step, ...], lang: str) -> list[dict[str, Any]]:
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


def results_table(view: ResultsView, lang: str = "pl") -> list[str]:
    from app.texts import explain, format_decimal, format_money

    en = lang == "en"
    res = view.results
    places = view.input.policy.rounding_places
    codes = [c.id for c in view.input.criteria]
    lines = []
    if not view.complete:
        lines.append(
            "PROVISIONAL: scoring is not closed yet."
            if en
            else "WYNIKI WSTĘPNE: ocena merytoryczna nie została zamknięta."
        )
    header = (
        f"{'Rank' if en else 'Miejsce':>7}  {'Offer' if en else 'Oferta':<8}"
        + "".join(f"{code:>9}" for code in codes)
        + f"{'Total' if en else 'Suma':>10}"
    )
    if view.input.policy.allocation.method is not st.AllocationMethod.NONE:
        header += f"{'Award' if en else 'Kwota':>18}"
    lines.append(header + ("  Flags" if en else "  Oznaczenia"))
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
        row += "  " + ", ".join(sorted(f.value for f in offer.flags))
        lines.append(row)
    if res.not_evaluated:
        lines.append(
            ("Not evaluated (formal check): " if en else "Nieoceniane (ocena formalna): ")
            + ", ".join(res.not_evaluated)
        )
    if res.awarded_total is not None and res.budget is not None:
        lines.append(
            (f"Awarded {format_money(res.awarded_total, lang)} of {format_money(res.budget, lang)}")
            if en
            else f"Przyznano {format_money(res.awarded_total, lang)} "
            f"z {format_money(res.budget, lang)}"
        )
    if res.cancel:
        lines.append(
            "No offer is eligible: the competition must be cancelled."
            if en
            else "Żadna oferta nie spełnia warunków: konkurs należy unieważnić."
        )
    for step in res.steps:
        lines.append("• " + explain(step, lang))
    lines.append(("Data fingerprint: " if en else "Odcisk danych: ") + view.fingerprint)
    return lines
