"""The protocol's words (PDF and workbook), shared by both renderers."""

from __future__ import annotations

PROTOCOL_TEXTS: dict[str, tuple[str, str]] = {
    # -- page chrome --
    "page_of": ("Strona {page} z {pages}", "Page {page} of {pages}"),
    "footer_version": ("Protokół – wersja {version}", "Protocol – version {version}"),
    "footer_fingerprint": ("Odcisk danych: {short}", "Data fingerprint: {short}"),
    "header_case": ("Znak sprawy: {ref}", "Case reference: {ref}"),
    "draft_mark": ("PROJEKT – protokół nieprzyjęty", "DRAFT – protocol not signed off"),
    # -- title page --
    "protocol": ("PROTOKÓŁ", "PROTOCOL"),
    "protocol_sub": ("z prac komisji konkursowej", "of the evaluation committee"),
    "kind_ngo_grant": (
        "otwarty konkurs ofert na realizację zadania publicznego",
        "open competition for offers for a public task",
    ),
    "kind_investor": (
        "wybór inwestora – obligacje społeczne",
        "investor selection – social impact bond",
    ),
    "kind_provider": (
        "wybór usługodawcy – obligacje społeczne",
        "service provider selection – social impact bond",
    ),
    "case_reference": ("Znak sprawy", "Case reference"),
    "legal_basis": ("Podstawa prawna", "Legal basis"),
    "committee_act": ("Akt powołujący komisję", "Act appointing the committee"),
    "announced_on": ("Data ogłoszenia", "Call published on"),
    "publication_places": ("Miejsca publikacji ogłoszenia", "Call published in"),
    "submission_deadline": ("Termin składania ofert", "Submission deadline"),
    "decision_date": ("Termin rozstrzygnięcia", "Decision date"),
    "budget": ("Wysokość środków publicznych", "Public funds available"),
    "budget_year": ("rok {year}: {amount}", "year {year}: {amount}"),
    "budget_total": ("razem: {amount}", "total: {amount}"),
    "version": ("Wersja protokołu", "Protocol version"),
    "generated_at": ("Data sporządzenia", "Drawn up on"),
    "status": ("Przyjęcie protokołu", "Sign-off"),
    "status_signed": ("przyjęty {when}; podpis: {who}", "signed off {when} by {who}"),
    "status_draft": (
        "projekt – protokół nie został jeszcze przyjęty",
        "draft – the protocol has not been signed off yet",
    ),
    "fingerprint": ("Odcisk danych (SHA-256)", "Data fingerprint (SHA-256)"),
    "competition_uid": ("Identyfikator konkursu", "Competition identifier"),
    "previous_versions": ("Wcześniejsze wersje protokołu", "Previous versions of the protocol"),
    "pv_number": ("Wersja", "Version"),
    "pv_signed": ("Przyjęta", "Signed off"),
    "pv_by": ("Podpis", "Signed by"),
    "pv_reopened": ("Wznowiono", "Reopened"),
    "pv_reason": ("Powód wznowienia", "Reason for reopening"),
    "cancelled_banner_ngo": ("KONKURS UNIEWAŻNIONY", "COMPETITION CANCELLED"),
    "cancelled_banner_other": ("POSTĘPOWANIE UNIEWAŻNIONE", "PROCEDURE CANCELLED"),
    # -- sections --
    "s_meetings": ("Posiedzenia komisji", "Committee meetings"),
    "s_committee": ("Skład komisji i obecność", "Committee and attendance"),
    "s_declarations": (
        "Oświadczenia o bezstronności i wyłączenia",
        "Declarations of impartiality and recusals",
    ),
    "s_offers": ("Oferty złożone w konkursie", "Offers received"),
    "s_formal": ("Ocena formalna", "Formal check"),
    "s_rules": ("Zasady oceny merytorycznej", "Scoring rules"),
    "s_results": ("Wyniki oceny merytorycznej", "Results of the substantive evaluation"),
    "s_ranking": ("Lista rankingowa i podział środków", "Ranking and awards"),
    "s_selection": ("Lista rankingowa i wybór ofert", "Ranking and selection"),
    "s_cancellation": ("Unieważnienie konkursu", "Cancellation of the competition"),
    "s_cancellation_other": ("Unieważnienie postępowania", "Cancellation of the procedure"),
    "s_decisions": (
        "Rozbieżności, remisy i inne rozstrzygnięcia komisji",
        "Discrepancies, ties and other committee decisions",
    ),
    "s_analysis": ("Analiza ocen", "Analysis of the scores"),
    "s_remarks": ("Uwagi", "Remarks"),
    "s_signatures": (
        "Podpisy członków komisji i zatwierdzenie",
        "Signatures of the committee and approval",
    ),
    "annex": ("Załącznik nr {number}", "Annex {number}"),
    "annex_scores": (
        "Indywidualne oceny członków komisji wraz z uzasadnieniami",
        "Individual scores of the committee members with justifications",
    ),
    "annex_explain": ("Wyjaśnienie wyników", "Explanation of the results"),
    "none": ("Brak.", "None."),
    "dash": ("—", "—"),
    "yes": ("tak", "yes"),
    "no": ("nie", "no"),
    # -- meetings --
    "m_when": ("Data i godzina", "Date and time"),
    "m_place": ("Miejsce", "Place"),
    "m_purpose": ("Cel posiedzenia", "Purpose"),
    "m_present": ("Obecni", "Present"),
    "m_absent": ("Nieobecni", "Absent"),
    # -- committee --
    "c_code": ("Kod", "Code"),
    "c_name": ("Imię i nazwisko", "Name"),
    "c_role": ("Funkcja", "Role"),
    "c_affiliation": ("Reprezentuje / afiliacja", "Represents / affiliation"),
    "c_declaration": ("Oświadczenie o bezstronności", "Declaration of impartiality"),
    "c_present": ("Obecność przy przyjęciu", "Present at sign-off"),
    "c_attendance": ("Obecność na posiedzeniach", "Attendance at meetings"),
    "present_mark": ("obecność", "present"),
    "absent_mark": ("nieobecność", "absent"),
    "role_chair": ("przewodniczący komisji", "chair"),
    "role_secretary": ("sekretarz", "secretary"),
    "role_member": ("członek", "member"),
    "role_expert": ("ekspert (głos doradczy)", "expert (advisory)"),
    "experts_note": (
        (
            "Eksperci uczestniczą w pracach komisji z głosem doradczym: ich oceny są zapisane w "
            "protokole, ale nie są uwzględniane w wynikach."
        ),
        (
            "Experts sit in an advisory capacity: their scores are recorded in the protocol but "
            "never count towards the results."
        ),
    ),
    # -- declarations --
    "d_all_signed": (
        "Wszyscy członkowie komisji podpisali oświadczenia o bezstronności.",
        "Every committee member signed a declaration of impartiality.",
    ),
    "d_missing": (
        "Brak podpisanego oświadczenia o bezstronności: {names}.",
        "No signed declaration of impartiality: {names}.",
    ),
    "d_recusals": (
        "Wyłączenia z oceny ofert (konflikt interesów)",
        "Recusals (conflicts of interest)",
    ),
    "d_member": ("Członek komisji", "Committee member"),
    "d_offer": ("Oferta", "Offer"),
    "d_reason": ("Powód", "Reason"),
    "d_declared": ("Zgłoszono", "Declared"),
    "d_no_recusals": (
        "Żaden członek komisji nie został wyłączony z oceny ofert.",
        "No committee member was recused from any offer.",
    ),
    # -- offers --
    "o_code": ("Nr", "No."),
    "o_applicant": ("Oferent", "Applicant"),
    "o_legal_form": ("Forma prawna", "Legal form"),
    "o_nip": ("NIP", "NIP"),
    "o_title": ("Tytuł zadania / oferty", "Title"),
    "o_received": ("Wpłynęła", "Received"),
    "o_requested": ("Kwota wnioskowana", "Amount requested"),
    "o_late": ("Po terminie", "Late"),
    "o_count": (
        "Liczba złożonych ofert: {count}; łączna kwota wnioskowana: {amount}.",
        "Offers received: {count}; total amount requested: {amount}.",
    ),
    # -- formal --
    "f_result": ("Wynik", "Result"),
    "f_admitted": ("dopuszczona", "admitted"),
    "f_rejected": ("odrzucona", "rejected"),
    "f_reason": ("Uzasadnienie", "Reason"),
    "f_corrections": ("Wezwania do uzupełnienia", "Requests for corrections"),
    "f_correction": (
        "wezwanie {requested} (termin {deadline}): {scope}; {state}",
        "request {requested} (deadline {deadline}): {scope}; {state}",
    ),
    "f_fulfilled": ("uzupełniono {date}", "corrected {date}"),
    "f_not_fulfilled": ("nie uzupełniono", "not corrected"),
    "f_summary": (
        "Dopuszczono do oceny merytorycznej: {admitted}; odrzucono: {rejected}.",
        "Admitted to the substantive evaluation: {admitted}; rejected: {rejected}.",
    ),
    # -- rules --
    "r_criteria": ("Kryteria oceny", "Criteria"),
    "r_code": ("Kod", "Code"),
    "r_name": ("Kryterium", "Criterion"),
    "r_kind": ("Rodzaj", "Kind"),
    "r_scale": ("Skala ocen", "Scale"),
    "r_weight": ("Waga (pkt)", "Weight (pts)"),
    "r_min": ("Próg", "Threshold"),
    "r_details": ("Sposób liczenia", "How points are computed"),
    "kind_scored": ("oceniane przez członków", "scored by members"),
    "kind_lower_better": ("im mniej, tym lepiej", "lower is better"),
    "kind_higher_better": ("im więcej, tym lepiej", "higher is better"),
    "kind_banded": ("przedziały wartości", "bands of a value"),
    "kind_yes_no": ("tak/nie", "yes/no"),
    "scale": ("0–{max}, co {step}", "0–{max}, step {step}"),
    "scale_nostep": ("0–{max}", "0–{max}"),
    "detail_scored": (
        "punkty = ocena zagregowana / {max} × {weight}",
        "points = aggregated score / {max} × {weight}",
    ),
    "detail_lower": (
        "punkty = najniższa wartość „{field}” / wartość oferty × {weight}",
        "points = lowest “{field}” / offer's value × {weight}",
    ),
    "detail_higher": (
        "punkty = wartość „{field}” oferty / najwyższa wartość × {weight}",
        "points = offer's “{field}” / highest value × {weight}",
    ),
    "detail_cap": (
        "; wartości powyżej {cap} liczone jako {cap}",
        "; values above {cap} count as {cap}",
    ),
    "detail_banded": ("wartość „{field}”: {bands}", "value “{field}”: {bands}"),
    "detail_band": ("od {from_value}: {points} pkt", "from {from_value}: {points} pts"),
    "detail_yes_no": (
        "spełnia: {weight} pkt, nie spełnia: 0 pkt",
        "met: {weight} pts, not met: 0 pts",
    ),
    "r_aggregation": (
        (
            "Agregacja ocen członków: {how} ocen członków komisji liczonych dla danej oferty "
            "(eksperci i członkowie wyłączeni nie są liczeni)."
        ),
        (
            "Aggregation of members' scores: {how} of the scores of the members counted for the "
            "offer (experts and recused members are not counted)."
        ),
    ),
    "agg_mean": ("średnia arytmetyczna", "arithmetic mean"),
    "agg_median": ("mediana", "median"),
    "r_rounding_criterion": (
        (
            "Zaokrąglenie: do {places} miejsc po przecinku, w górę od połowy (jak funkcja "
            "ZAOKR/ROUND), na etapie każdego kryterium – zaokrąglana jest ocena zagregowana i "
            "punkty każdego kryterium, a suma jest sumą zaokrąglonych punktów."
        ),
        (
            "Rounding: to {places} decimal places, half up (as the ROUND function), at the stage "
            "of each criterion – the aggregated score and the points of every criterion are "
            "rounded, and the total is the sum of the rounded points."
        ),
    ),
    "r_rounding_total": (
        (
            "Zaokrąglenie: do {places} miejsc po przecinku, w górę od połowy (jak funkcja "
            "ZAOKR/ROUND), tylko sumy – punkty kryteriów liczone są dokładnie, a w tabelach "
            "pokazano je po zaokrągleniu wyłącznie do prezentacji."
        ),
        (
            "Rounding: to {places} decimal places, half up (as the ROUND function), of the total "
            "only – criterion points are exact and are shown rounded in the tables for display "
            "only."
        ),
    ),
    "r_threshold_weighted": (
        "Próg minimalny: {value} pkt sumy ważonej.",
        "Minimum total: {value} weighted points.",
    ),
    "r_threshold_unscaled": (
        "Próg minimalny: {value} pkt sumy ocen kryteriów ocenianych (przed zastosowaniem wag).",
        "Minimum total: {value} points of the sum of the scored criteria (before weights).",
    ),
    "r_no_threshold": ("Próg minimalny sumy punktów: nie określono.", "Minimum total: none."),
    "r_criterion_thresholds": ("Progi kryteriów: {items}.", "Criterion thresholds: {items}."),
    "r_ties": (
        (
            "Rozstrzyganie remisów (kolejno): {chain}; remis nierozstrzygnięty tymi zasadami "
            "rozstrzyga komisja w drodze uchwały zapisanej w protokole."
        ),
        (
            "Tie-breaks (in order): {chain}; a tie these rules leave is decided by the committee "
            "in a recorded decision."
        ),
    ),
    "r_no_ties": (
        "Zasady rozstrzygania remisów: nie określono; remisy rozstrzyga komisja.",
        "Tie-breaks: none set; ties are decided by the committee.",
    ),
    "tb_criterion": ("więcej punktów w kryterium {ref}", "more points on criterion {ref}"),
    "tb_highest_weight": (
        "więcej punktów w kryterium o najwyższej wadze",
        "more points on the heaviest criterion",
    ),
    "tb_lower": ("niższa wartość „{ref}”", "lower “{ref}”"),
    "tb_higher": ("wyższa wartość „{ref}”", "higher “{ref}”"),
    "tb_earlier_submission": ("wcześniejsze złożenie oferty", "earlier submission"),
    "r_discrepancy": (
        (
            "Rozbieżność ocen: oferta jest oznaczana, gdy różnica między najwyższą a najniższą "
            "sumą punktów przyznaną przez członków komisji wynosi co najmniej {value} pkt; "
            "rozbieżność rozstrzyga komisja (konsensus, dodatkowy oceniający lub decyzja "
            "przewodniczącego)."
        ),
        (
            "Discrepancy: an offer is flagged when the members' own totals spread by at least "
            "{value} points; the committee resolves it (consensus, a further evaluator or a "
            "chair's decision)."
        ),
    ),
    "r_no_discrepancy": ("Próg rozbieżności ocen: nie określono.", "Discrepancy threshold: none."),
    "r_allocation": ("Podział środków: {method}.", "Allocation: {method}."),
    "r_budget": (
        "Kwota do podziału: {amount}; kwoty zaokrąglane w dół do {step}.",
        "Funds to allocate: {amount}; awards rounded down to {step}.",
    ),
    "r_full_above": (
        "Pełna kwota dla ofert z co najmniej {value} pkt.",
        "Full amount for offers with at least {value} points.",
    ),
    "r_winners": ("Liczba wybieranych ofert: {count}.", "Number of offers selected: {count}."),
    "alloc_none": (
        "bez podziału kwot – wybór najwyżej ocenionych ofert",
        "no amounts – the best offers are selected",
    ),
    "alloc_in_order_stop": (
        (
            "kwoty wnioskowane w kolejności rankingu do wyczerpania środków; pierwsza oferta, "
            "która się nie mieści, kończy podział"
        ),
        (
            "full requests in rank order until the funds run out; the first offer that does not "
            "fit stops the allocation"
        ),
    ),
    "alloc_in_order_skip": (
        (
            "kwoty wnioskowane w kolejności rankingu; oferta, która się nie mieści, jest "
            "pomijana, a podział trwa dla kolejnych"
        ),
        (
            "full requests in rank order; an offer that does not fit is skipped and the next "
            "ones are still tried"
        ),
    ),
    "alloc_in_order_partial": (
        (
            "kwoty wnioskowane w kolejności rankingu; pierwsza oferta, która się nie mieści, "
            "otrzymuje pozostałą kwotę"
        ),
        "full requests in rank order; the first offer that does not fit receives what is left",
    ),
    "alloc_full_above_prorata_below": (
        "pełne kwoty powyżej progu, poniżej – jednakowy procent kwot wnioskowanych",
        "full requests above a score, one common percentage below it",
    ),
    "alloc_manual": ("kwoty ustalone przez komisję", "amounts decided by the committee"),
    "r_sources": ("Źródła ocen członków komisji", "Sources of the members' scores"),
    "src_member": ("Członek", "Member"),
    "src_kind": ("Źródło", "Source"),
    "src_reference": ("Plik / identyfikator", "File / identifier"),
    "src_sha": ("SHA-256 pliku", "File SHA-256"),
    "src_imported": ("Wczytano", "Imported"),
    "src_manual": ("wprowadzone w urzędzie", "entered at the office"),
    "src_workbook": ("arkusz ocen (.xlsx)", "score workbook (.xlsx)"),
    "src_package": ("pakiet oceniającego", "evaluator package"),
    "src_import": ("import", "import"),
    # -- results --
    "res_points": ("Punkty w kryteriach i suma punktów", "Points per criterion and total"),
    "res_scores": (
        "Oceny zagregowane ({how}) w kryteriach ocenianych przez członków",
        "Aggregated scores ({how}) of the criteria scored by members",
    ),
    "res_offer": ("Oferta", "Offer"),
    "res_total": ("Suma", "Total"),
    "res_unscaled": ("Suma ocen", "Sum of scores"),
    "res_rank": ("Miejsce", "Rank"),
    "res_stage_total_note": (
        (
            "Punkty kryteriów pokazano po zaokrągleniu do prezentacji; suma liczona jest z "
            "wartości dokładnych i dopiero wtedy zaokrąglana."
        ),
        (
            "Criterion points are shown rounded for display; the total is computed from the "
            "exact values and rounded only then."
        ),
    ),
    "res_not_evaluated": (
        "Nie podlegały ocenie merytorycznej (odrzucone formalnie): {codes}.",
        "Not evaluated (rejected in the formal check): {codes}.",
    ),
    "res_none": (
        "Żadna oferta nie podlegała ocenie merytorycznej.",
        "No offer was admitted to the substantive evaluation.",
    ),
    # -- ranking --
    "rk_rank": ("Miejsce", "Rank"),
    "rk_offer": ("Oferta", "Offer"),
    "rk_applicant": ("Oferent i tytuł", "Applicant and title"),
    "rk_total": ("Punkty", "Points"),
    "rk_requested": ("Wnioskowano", "Requested"),
    "rk_award": ("Przyznano", "Awarded"),
    "rk_selected": ("Wybrana", "Selected"),
    "rk_status": ("Uwagi", "Notes"),
    "rk_awarded": (
        "Przyznano {awarded} z {budget} dostępnych środków; pozostaje {left}.",
        "Awarded {awarded} of {budget} available; {left} left.",
    ),
    "rk_awarded_nobudget": ("Przyznano łącznie {awarded}.", "Awarded in total: {awarded}."),
    "rk_selected_list": ("Wybrano: {items}.", "Selected: {items}."),
    "rk_selected_none": ("Nie wybrano żadnej oferty.", "No offer was selected."),
    "rk_ineligible": ("nie spełnia warunków", "not eligible"),
    "flag_selected": ("wybrana", "selected"),
    "flag_discrepancy": ("rozbieżność ocen – nierozstrzygnięta", "discrepancy – unresolved"),
    "flag_discrepancy_resolved": ("rozbieżność ocen rozstrzygnięta", "discrepancy resolved"),
    "flag_tie_unresolved": ("remis nierozstrzygnięty", "unresolved tie"),
    "flag_tie_decided": ("remis rozstrzygnięty przez komisję", "tie decided by the committee"),
    "flag_below_threshold": ("poniżej progu punktowego", "below the minimum total"),
    "flag_criterion_threshold_failed": (
        "nie osiągnięto progu kryterium",
        "criterion threshold not met",
    ),
    "flag_formal_criterion_failed": ("niespełnione kryterium tak/nie", "yes/no criterion not met"),
    "flag_recusals": ("wyłączenia członków", "recusals"),
    "flag_incomplete_scores": ("niekompletne oceny", "incomplete scores"),
    "flag_manual_award": ("kwota ustalona przez komisję", "amount decided by the committee"),
    "flag_formal_override": ("zmiana wyniku oceny formalnej", "formal result changed by decision"),
    # -- cancellation --
    "cancel_ngo_1": (
        (
            "Na podstawie art. 18a ust. 1 pkt {point} ustawy z dnia 24 kwietnia 2003 r. o "
            "działalności pożytku publicznego i o wolontariacie komisja stwierdza, że otwarty "
            "konkurs ofert podlega unieważnieniu, ponieważ {why}."
        ),
        (
            "Under art. 18a(1)({point}) of the Act of 24 April 2003 on public benefit activity "
            "and volunteering the committee finds that the open competition for offers must be "
            "cancelled, because {why}."
        ),
    ),
    "cancel_why_1": ("nie złożono żadnej oferty", "no offer was submitted"),
    "cancel_why_2": (
        "żadna ze złożonych ofert nie spełnia wymogów zawartych w ogłoszeniu",
        "none of the offers meets the requirements of the call",
    ),
    "cancel_ngo_2": (
        (
            "Informację o unieważnieniu otwartego konkursu ofert ogłasza się niezwłocznie, w "
            "sposób określony w art. 13 ust. 3 ustawy (art. 18a ust. 2)."
        ),
        (
            "The cancellation is announced without delay in the manner set out in art. 13(3) of "
            "the Act (art. 18a(2))."
        ),
    ),
    "cancel_other": (
        (
            "Komisja stwierdza, że żadna z ofert nie spełniła warunków wyboru; postępowanie "
            "podlega unieważnieniu."
        ),
        (
            "The committee finds that no offer met the conditions of the selection; the "
            "procedure must be cancelled."
        ),
    ),
    "cancel_reason": ("Uzasadnienie: {reason}", "Reasons: {reason}"),
    "cancel_results_note": (
        (
            "Wyniki oceny ofert dopuszczonych do oceny merytorycznej przedstawiono w punkcie "
            "{section} – żadna z nich nie spełniła warunków."
        ),
        (
            "The results of the offers admitted to the substantive evaluation are given in "
            "section {section} – none of them met the conditions."
        ),
    ),
    # -- decisions --
    "dc_discrepancies": ("Rozbieżności ocen", "Discrepancies"),
    "dc_spread": ("Rozpiętość sum punktów członków", "Spread of the members' totals"),
    "dc_state": ("Stan", "State"),
    "dc_resolved": ("rozstrzygnięta", "resolved"),
    "dc_unresolved": ("NIEROZSTRZYGNIĘTA", "UNRESOLVED"),
    "dc_none_discrepancy": (
        "Nie stwierdzono rozbieżności ocen powyżej progu.",
        "No discrepancy above the threshold.",
    ),
    "dc_ties": ("Remisy", "Ties"),
    "dc_tie_unresolved": (
        "Remis nierozstrzygnięty zasadami ogłoszenia: {codes}.",
        "Tie left unresolved by the rules of the call: {codes}.",
    ),
    "dc_no_ties": (
        "Nie wystąpiły remisy wymagające rozstrzygnięcia przez komisję.",
        "No tie required a decision of the committee.",
    ),
    "dc_all": ("Rozstrzygnięcia komisji", "Decisions of the committee"),
    "dc_date": ("Data", "Date"),
    "dc_kind": ("Rodzaj", "Kind"),
    "dc_offers": ("Oferty", "Offers"),
    "dc_reason": ("Uzasadnienie", "Reason"),
    "dc_details": ("Szczegóły", "Details"),
    "dk_tie_order": ("kolejność ofert w remisie", "order of tied offers"),
    "dk_discrepancy_resolution": ("rozstrzygnięcie rozbieżności", "discrepancy resolution"),
    "dk_manual_award": ("kwota dotacji", "grant amount"),
    "dk_formal_override": ("zmiana wyniku oceny formalnej", "formal result changed"),
    "dk_late_admission": ("dopuszczenie oferty złożonej po terminie", "late offer admitted"),
    "dk_remark": ("uwaga", "remark"),
    "dc_results_notes": ("Uwagi do wyników", "Notes on the results"),
    # -- analysis --
    "an_leniency": ("Łagodność i surowość ocen członków", "Leniency and severity of the members"),
    "an_leniency_intro": (
        (
            "Średnie odchylenie ocen członka od średniej pozostałych liczonych członków (w "
            "punktach; wartość dodatnia – oceny łagodniejsze, ujemna – surowsze)."
        ),
        (
            "Mean deviation of a member's scores from the mean of the other counted members "
            "(points; positive – more lenient, negative – more severe)."
        ),
    ),
    "an_member": ("Członek", "Member"),
    "an_deviation": ("Średnie odchylenie", "Mean deviation"),
    "an_compared": ("Porównane oferty", "Offers compared"),
    "an_agreement": (
        "Współczynnik zgodności ocen: {value} ({band}).",
        "Agreement coefficient: {value} ({band}).",
    ),
    "an_spread": (
        "Rozrzut sum punktów członków dla ofert",
        "Spread of the members' totals per offer",
    ),
    "an_spread_intro": (
        (
            "Dla każdej oferty: zakres od najniższej do najwyższej sumy punktów przyznanej przez "
            "liczonych członków komisji i średnia tych sum (punkt)."
        ),
        (
            "For each offer: the range from the lowest to the highest total given by the counted "
            "members, and the mean of those totals (dot)."
        ),
    ),
    "an_spread_legend": (
        "linia: min–maks sum członków; punkt: średnia",
        "line: min–max of the members' totals; dot: mean",
    ),
    "an_stability": ("Stabilność wyniku", "Stability of the result"),
    "an_none": ("Brak danych do analizy.", "No data to analyse."),
    "an_axis_points": ("punkty", "points"),
    # -- signatures --
    "sg_intro": (
        (
            "Protokół wraz z załącznikami nr 1 i 2, stanowiącymi jego integralną część, "
            "podpisują członkowie komisji obecni przy jego przyjęciu:"
        ),
        (
            "The protocol with Annexes 1 and 2, which form an integral part of it, is signed by "
            "the committee members present at its sign-off:"
        ),
    ),
    "sg_name": ("Imię i nazwisko", "Name"),
    "sg_role": ("Funkcja", "Role"),
    "sg_date": ("Data", "Date"),
    "sg_signature": ("Podpis", "Signature"),
    "sg_approve": ("ZATWIERDZAM", "APPROVED"),
    "sg_approve_line": ("data i podpis", "date and signature"),
    "sg_electronic": (
        "Miejsce na podpis elektroniczny protokołu",
        "Space for the electronic signature of the protocol",
    ),
    # -- annexes --
    "ax_member": ("{code} – {name}, {role}", "{code} – {name}, {role}"),
    "ax_expert_note": (
        "ekspert z głosem doradczym – oceny nie są liczone w wynikach",
        "advisory expert – scores do not count towards the results",
    ),
    "ax_recused": ("Wyłączenie z oceny ofert: {codes}.", "Recused from offers: {codes}."),
    "ax_offer": ("Oferta", "Offer"),
    "ax_criterion": ("Kryterium", "Criterion"),
    "ax_score": ("Ocena", "Score"),
    "ax_justification": ("Uzasadnienie", "Justification"),
    "ax_no_scores": ("Brak ocen.", "No scores."),
    "ax_explain_offer": ("{code} – {label}", "{code} – {label}"),
    "ax_competition_notes": ("Uwagi do całego konkursu", "Notes on the whole competition"),
    "ax_step_offer": ("wynik", "result"),
    "ax_criteria_count": ("Oceny {count}", "Scores {count}"),
    # -- workbook --
    "wb_ranking": ("Ranking", "Ranking"),
    "wb_rules": ("Zasady", "Rules"),
    "wb_scores": ("Oceny", "Scores"),
    "wb_formal": ("Ocena formalna", "Formal check"),
    "wb_committee": ("Komisja", "Committee"),
    "wb_explain": ("Wyjaśnienia", "Explanations"),
    "wb_member_code": ("Członek", "Member"),
    "wb_member_name": ("Imię i nazwisko", "Name"),
    "wb_counted": ("Liczony", "Counted"),
    "wb_counted_yes": ("tak", "yes"),
    "wb_excluded_expert": ("nie – ekspert (głos doradczy)", "no – expert (advisory)"),
    "wb_excluded_recused": (
        "nie – wyłączony (konflikt interesów)",
        "no – recused (conflict of interest)",
    ),
    "wb_excluded_other": ("nie – {reason}", "no – {reason}"),
    "wb_just": ("Uzasadnienie {code}", "Justification {code}"),
    "wb_score_of": ("Ocena {code}", "Score {code}"),
    "wb_points_of": ("Pkt {code}", "Pts {code}"),
    "wb_value_of": ("Wartość „{field}”", "Value “{field}”"),
    "wb_sum_awarded": ("Suma przyznanych", "Total awarded"),
    "wb_budget": ("Kwota do podziału", "Funds to allocate"),
    "wb_left": ("Pozostało", "Left"),
    "wb_not_admitted": ("niedopuszczona (ocena formalna)", "not admitted (formal check)"),
    "wb_comment_consensus": (
        (
            "Ocena uzgodniona przez komisję (rozstrzygnięcie rozbieżności) – wartość z decyzji, "
            "nie ze średniej."
        ),
        (
            "Score agreed by the committee (discrepancy resolution) – taken from the decision, "
            "not from the mean."
        ),
    ),
    "wb_comment_value": (
        "Punkty według zasad kryterium ({kind}) – wartość z wyników.",
        "Points by the rules of the criterion ({kind}) – value from the results.",
    ),
    "wb_comment_given": (
        "Wartość z wyników (brak danych do formuły).",
        "Value from the results (no data for a formula).",
    ),
    "wb_comment_manual_award": (
        "Kwota przyznana decyzją komisji.",
        "Amount decided by the committee.",
    ),
    "wb_comment_award": (
        "Kwota przyznana – rozstrzygnięcie, nie obliczenie.",
        "Amount awarded – a decision, not arithmetic.",
    ),
    "wb_rule": ("Zasada", "Rule"),
    "wb_value": ("Wartość", "Value"),
    "wb_fingerprint": ("Odcisk danych", "Data fingerprint"),
    "wb_generated": ("Sporządzono", "Drawn up"),
    "wb_cancelled": (
        "KONKURS UNIEWAŻNIONY – żadna oferta nie spełniła warunków.",
        "COMPETITION CANCELLED – no offer met the conditions.",
    ),
    "wb_meetings": ("Posiedzenia", "Meetings"),
    "wb_remarks": ("Uwagi", "Remarks"),
    "wb_step": ("Krok", "Step"),
    "wb_max": ("Skala maks.", "Scale max"),
    "wb_step_size": ("Krok skali", "Scale step"),
    "wb_field": ("Pole", "Field"),
    "wb_cap": ("Limit", "Cap"),
    "wb_bands": ("Przedziały", "Bands"),
}
