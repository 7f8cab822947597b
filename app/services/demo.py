"""Realistic demo competitions, built through the same services as real ones.

An investor and a provider selection for a social impact bond (elderly care in Małopolska),
and an open competition for NGOs with 14 offers, a recusal, an advisory expert, one offer
rejected in the formal check (late) and complete scores with justifications.  Dates are set
relative to today so every step's preconditions hold.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.db import Database
from app.models import CheckAnswer, CompetitionKind, FormalStatus
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    MemberRole,
    RoundingStage,
    TieBreakerKind,
)
from app.services import call_setup, committee, formal_check, registration, score_entry, workflow
from app.services.base import Actor
from app.services.specs import (
    ApplicantSpec,
    BandSpec,
    CallSpec,
    MeetingSpec,
    MemberSpec,
    OfferSpec,
    PolicySpec,
    ScoreEntry,
    TieBreakerSpec,
)
from app.services.templates import template_criteria, template_policy

NGO_APPLICANTS = [
    ("Fundacja „Złota Jesień”", "fundacja", "Klub Seniora w Gminie Liszki"),
    (
        "Stowarzyszenie Przyjaciół Ziemi Grybowskiej",
        "stowarzyszenie",
        "Aktywny senior – warsztaty i wyjazdy",
    ),
    (
        "Koło Gospodyń Wiejskich w Mogilanach",
        "koło gospodyń wiejskich",
        "Międzypokoleniowa kuchnia",
    ),
    (
        "Spółdzielnia Socjalna „Parasol”",
        "spółdzielnia socjalna",
        "Usługi sąsiedzkie dla osób starszych",
    ),
    ("Fundacja Pomocy Osobom Zależnym", "fundacja", "Opieka wytchnieniowa"),
    ("Stowarzyszenie „Razem dla Kęt”", "stowarzyszenie", "Seniorzy w sieci"),
    ("Caritas Diecezji Tarnowskiej", "kościelna osoba prawna", "Teleopieka i wsparcie domowe"),
    ("Fundacja „Dobczyce Pomagają”", "fundacja", "Ogród terapeutyczny dla seniorów"),
    ("Uniwersytet Trzeciego Wieku w Niepołomicach", "stowarzyszenie", "Akademia zdrowego seniora"),
    ("Stowarzyszenie „Sądecki Wolontariat”", "stowarzyszenie", "Wolontariusze dla samotnych"),
    ("Polski Komitet Pomocy Społecznej – Koło Oświęcim", "stowarzyszenie", "Paczka i rozmowa"),
    ("Fundacja „Ryglickie Korzenie”", "fundacja", "Kawiarenka wspomnień"),
    (
        "Stowarzyszenie Aktywnych Seniorów „Skrzyszów”",
        "stowarzyszenie",
        "Nordic walking i profilaktyka",
    ),
    ("Fundacja „Starosądeckie Serce”", "fundacja", "Asystent seniora w domu"),
]

JUSTIFICATIONS = {
    "high": "Działania szczegółowo opisane, realny harmonogram, doświadczona kadra.",
    "mid": "Opis poprawny, ale harmonogram i rezultaty sformułowane ogólnie.",
    "low": "Braki w opisie działań; rezultaty trudne do zweryfikowania.",
}


def _nip(rng: random.Random) -> str:
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def _regon(rng: random.Random) -> str:
    weights = (8, 9, 2, 3, 4, 5, 6, 7)
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


def _krs(rng: random.Random) -> str:
    return f"{rng.randint(1, 999999):010d}"


def _justification(value: Decimal, maximum: Decimal) -> str:
    share = value / maximum
    return JUSTIFICATIONS[
        "high" if share >= Decimal("0.8") else "mid" if share >= Decimal("0.5") else "low"
    ]


def _score(rng: random.Random, maximum: Decimal, step: Decimal, quality: float) -> Decimal:
    steps = int(maximum / step)
    level = min(steps, max(0, int(steps * quality + rng.choice((-1, 0, 0, 1)))))
    return step * level


def create_demo(db: Database, actor: Actor) -> list[tuple[int, str]]:
    rng = random.Random(2027)
    today = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    return [
        _open_competition(db, actor, rng, today),
        _sib(db, actor, rng, today, CompetitionKind.INVESTOR),
        _sib(db, actor, rng, today, CompetitionKind.PROVIDER),
    ]


def _committee(
    db: Database,
    actor: Actor,
    competition_id: int,
    people: list[tuple[str, MemberRole, str]],
    signed: datetime,
) -> None:
    for name, role, affiliation in people:
        committee.add_member(
            db, actor, competition_id, MemberSpec(name=name, role=role, affiliation=affiliation)
        )
    for index in range(1, len(people) + 1):
        committee.sign_declaration(
            db,
            actor,
            competition_id,
            f"M{index}",
            signed.date(),
            "Oświadczam, że nie pozostaję w stosunku, który mógłby budzić "
            "uzasadnione wątpliwości co do mojej bezstronności.",
        )


def _open_competition(
    db: Database, actor: Actor, rng: random.Random, today: datetime
) -> tuple[int, str]:
    deadline = today - timedelta(days=30)
    announced = deadline - timedelta(days=28)
    title = "Otwarty konkurs ofert: aktywizacja społeczna osób starszych"
    cid = call_setup.create_competition(
        db,
        actor,
        CallSpec(
            kind=CompetitionKind.NGO_GRANT,
            title=title,
            case_reference=f"SO.524.2.{deadline.year}",
            legal_basis="art. 11 ust. 1 pkt 1 i ust. 2 oraz art. 13 ustawy "
            "z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie",
            committee_act=f"Zarządzenie nr 112/{deadline.year} Wójta Gminy Liszki "
            "w sprawie powołania komisji konkursowej",
            task_description="Wspieranie aktywności społecznej osób starszych, "
            "w tym kluby seniora, zajęcia integracyjne i wsparcie sąsiedzkie.",
            announced_on=announced.date(),
            last_publication_on=announced.date(),
            publication_places=(
                "Biuletyn Informacji Publicznej; tablica ogłoszeń urzędu; strona internetowa gminy"
            ),
            submission_deadline=deadline.replace(hour=15, minute=30),
            decision_date=(today + timedelta(days=7)).date(),
            meeting_place="Urząd Gminy Liszki, sala nr 12",
            require_justification=True,
            budget=((deadline.year, Decimal("240000.00")),),
        ),
    )
    call_setup.set_criteria(db, actor, cid, template_criteria(CompetitionKind.NGO_GRANT))
    call_setup.set_policy(
        db,
        actor,
        cid,
        PolicySpec(
            aggregation=Aggregation.MEAN,
            rounding_places=2,
            rounding_stage=RoundingStage.CRITERION,
            min_total=Decimal("21.00"),
            tie_breakers=(
                TieBreakerSpec(TieBreakerKind.CRITERION, "K3"),
                TieBreakerSpec(TieBreakerKind.CRITERION, "K1"),
                TieBreakerSpec(TieBreakerKind.EARLIER_SUBMISSION),
            ),
            discrepancy_points=Decimal("8.00"),
            allocation_method=AllocationMethod.IN_ORDER_SKIP,
            award_step=Decimal("0.01"),
        ),
    )
    _committee(
        db,
        actor,
        cid,
        [
            ("Anna Wójcik", MemberRole.CHAIR, "Urząd Gminy Liszki"),
            ("Piotr Zieliński", MemberRole.SECRETARY, "Urząd Gminy Liszki"),
            ("Małgorzata Kowalczyk", MemberRole.MEMBER, "Gminny Ośrodek Pomocy Społecznej"),
            ("Tomasz Nowicki", MemberRole.MEMBER, "przedstawiciel organizacji pozarządowych"),
            (
                "dr Jerzy Łęcki",
                MemberRole.EXPERT,
                "Uniwersytet Jagielloński (ekspert z głosem doradczym)",
            ),
        ],
        announced,
    )
    workflow.advance(db, actor, cid)  # announced
    offer_ids = []
    for index, (name, form, offer_title) in enumerate(NGO_APPLICANTS):
        late = index == 4
        received = (
            deadline - timedelta(days=10 - index % 9, hours=index)
            if not late
            else deadline + timedelta(hours=18)
        )
        offer_ids.append(
            registration.add_offer(
                db,
                actor,
                cid,
                OfferSpec(
                    applicant=ApplicantSpec(
                        name=name,
                        legal_form=form,
                        nip=_nip(rng),
                        regon=_regon(rng),
                        krs=_krs(rng),
                        address=f"ul. Krakowska {index + 3}, 32-060 Liszki",
                        contact_person="Prezes zarządu",
                        email=f"biuro{index + 1}@example.org",
                    ),
                    received_at=received,
                    title=offer_title,
                    requested_amount=Decimal(
                        rng.choice([12000, 15000, 18500, 24000, 30000, 38500, 45000])
                    )
                    + Decimal("0.00"),
                ),
            )
        )
    workflow.advance(db, actor, cid)  # submissions closed
    workflow.advance(db, actor, cid)  # formal check; the late offer fails by itself
    yes = {code: CheckAnswer.YES for code in ("F2", "F3", "F4", "F5", "F6")}
    for offer_id in offer_ids:
        formal_check.record_formal_check(db, actor, cid, offer_id, dict(yes))
    committee.declare_conflict(
        db, actor, cid, "M3", "O3", "Członek zarządu koła gospodyń wiejskich (oferent)"
    )
    workflow.advance(db, actor, cid)  # scoring
    criteria = template_criteria(CompetitionKind.NGO_GRANT)
    qualities = [rng.uniform(0.45, 0.95) for _ in offer_ids]
    for member in ("M1", "M2", "M3", "M4", "M5"):
        entries = []
        for index, quality in enumerate(qualities):
            code = f"O{index + 1}"
            if index == 4 or (member == "M3" and code == "O3"):
                continue
            for criterion in criteria:
                assert criterion.max_score is not None and criterion.step is not None
                value = _score(rng, criterion.max_score, criterion.step, quality)
                entries.append(
                    ScoreEntry(
                        code, criterion.code, value, _justification(value, criterion.max_score)
                    )
                )
        score_entry.record_scores(db, actor, cid, member, entries)
    call_setup.set_meetings(
        db,
        actor,
        cid,
        [
            MeetingSpec(
                deadline + timedelta(days=3),
                "Urząd Gminy Liszki, sala nr 12",
                "ocena formalna ofert",
                ("M1", "M2", "M3", "M4"),
            ),
            MeetingSpec(
                deadline + timedelta(days=14),
                "Urząd Gminy Liszki, sala nr 12",
                "ocena merytoryczna i ranking",
                ("M1", "M2", "M3", "M4", "M5"),
            ),
        ],
    )
    workflow.advance(db, actor, cid)  # results
    return cid, title


SIB = {
    CompetitionKind.INVESTOR: (
        "Wybór inwestora – obligacja społeczna: usługi opiekuńcze dla osób starszych",
        "WUP-OS.433.1",
        [
            (
                "Fundusz Inwestycji Społecznych TISE S.A.",
                "spółka akcyjna",
                {"max_return": "7.00", "capital": "1200000.00", "capital_at_risk": "60.00"},
            ),
            (
                "Bank Spółdzielczy w Krakowie",
                "bank spółdzielczy",
                {"max_return": "5.60", "capital": "1500000.00", "capital_at_risk": "40.00"},
            ),
            (
                "Fundacja Inicjatyw Społeczno-Ekonomicznych",
                "fundacja",
                {"max_return": "8.75", "capital": "1500000.00", "capital_at_risk": "80.00"},
            ),
            (
                "Małopolska Agencja Rozwoju Regionalnego S.A.",
                "spółka akcyjna",
                {"max_return": "6.10", "capital": "900000.00", "capital_at_risk": "55.00"},
            ),
        ],
    ),
    CompetitionKind.PROVIDER: (
        "Wybór usługodawcy – obligacja społeczna: usługi opiekuńcze dla osób starszych",
        "WUP-OS.433.2",
        [
            (
                "Centrum Usług Społecznych „Dobczyce” sp. z o.o. non-profit",
                "spółka non-profit",
                {"outcomes": "120", "cost_per_participant": "7950.00"},
            ),
            (
                "Fundacja „Sąsiedzka Pomoc”",
                "fundacja",
                {"outcomes": "150", "cost_per_participant": "8800.00"},
            ),
            (
                "Stowarzyszenie Opiekunów Rodzinnych",
                "stowarzyszenie",
                {"outcomes": "95", "cost_per_participant": "7100.00"},
            ),
            (
                "Spółdzielnia Socjalna „Opiekun”",
                "spółdzielnia socjalna",
                {"outcomes": "130", "cost_per_participant": "9400.00"},
            ),
            (
                "Caritas Archidiecezji Krakowskiej",
                "kościelna osoba prawna",
                {"outcomes": "110", "cost_per_participant": "8200.00"},
            ),
        ],
    ),
}


def _sib(
    db: Database, actor: Actor, rng: random.Random, today: datetime, kind: CompetitionKind
) -> tuple[int, str]:
    title, reference, offers = SIB[kind]
    deadline = today - timedelta(days=21)
    announced = deadline - timedelta(days=35)
    cid = call_setup.create_competition(
        db,
        actor,
        CallSpec(
            kind=kind,
            title=title,
            case_reference=f"{reference}.{deadline.year}",
            legal_basis="Regulamin wyboru "
            + ("inwestora" if kind is CompetitionKind.INVESTOR else "usługodawcy")
            + " w modelu obligacji społecznych (projekt PO WER 4.1)",
            committee_act=(
                f"Zarządzenie nr 27/{deadline.year} Dyrektora Wojewódzkiego Urzędu Pracy w Krakowie"
            ),
            announced_on=announced.date(),
            last_publication_on=announced.date(),
            publication_places="BIP Wojewódzkiego Urzędu Pracy w Krakowie",
            submission_deadline=deadline.replace(hour=12, minute=0),
            decision_date=(today + timedelta(days=10)).date(),
            meeting_place="WUP w Krakowie, pl. Na Stawach 1, sala 301",
            budget=((deadline.year, Decimal("663202.02")),),
        ),
    )
    call_setup.set_criteria(db, actor, cid, template_criteria(kind))
    call_setup.set_policy(db, actor, cid, template_policy(kind))
    _committee(
        db,
        actor,
        cid,
        [
            ("Iwona Nowak", MemberRole.CHAIR, "Wojewódzki Urząd Pracy w Krakowie"),
            ("Tomasz Lewandowski", MemberRole.SECRETARY, "Wojewódzki Urząd Pracy w Krakowie"),
            ("Katarzyna Dąbrowska", MemberRole.MEMBER, "Regionalny Ośrodek Polityki Społecznej"),
        ],
        announced,
    )
    workflow.advance(db, actor, cid)
    ids = []
    for index, (name, form, values) in enumerate(offers):
        ids.append(
            registration.add_offer(
                db,
                actor,
                cid,
                OfferSpec(
                    applicant=ApplicantSpec(
                        name=name,
                        legal_form=form,
                        nip=_nip(rng),
                        regon=_regon(rng),
                        address="Kraków",
                    ),
                    received_at=deadline - timedelta(days=5 - index, hours=2),
                    title=title.split(": ")[-1],
                    requested_amount=Decimal(values.get("capital", "650000.00")),
                    values=tuple((k, Decimal(v)) for k, v in values.items()),
                ),
            )
        )
    workflow.advance(db, actor, cid)
    workflow.advance(db, actor, cid)
    answers = {"F2": CheckAnswer.YES, "F3": CheckAnswer.YES, "F4": CheckAnswer.YES}
    for offer_id in ids:
        status = formal_check.record_formal_check(db, actor, cid, offer_id, dict(answers))
        assert status is FormalStatus.ADMITTED
    workflow.advance(db, actor, cid)
    criteria = [c for c in template_criteria(kind) if c.kind is CriterionKind.SCORED]
    for member in ("M1", "M2", "M3"):
        entries = []
        for index in range(len(ids)):
            quality = 0.55 + 0.08 * ((index * 7) % 5)
            for criterion in criteria:
                assert criterion.max_score is not None and criterion.step is not None
                value = _score(rng, criterion.max_score, criterion.step, quality)
                entries.append(
                    ScoreEntry(
                        f"O{index + 1}",
                        criterion.code,
                        value,
                        _justification(value, criterion.max_score),
                    )
                )
        score_entry.record_scores(db, actor, cid, member, entries)
    workflow.advance(db, actor, cid)
    return cid, title


__all__ = ["BandSpec", "create_demo"]
