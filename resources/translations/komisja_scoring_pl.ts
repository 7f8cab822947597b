<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl_PL">
<context>
    <name>DiscrepancyDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="158" />
        <source>Resolve the discrepancy of offer %1</source>
        <translation>Rozstrzygnięcie rozbieżności oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="166" />
        <source>Resolution method</source>
        <translation>Sposób rozstrzygnięcia</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="167" />
        <source>Consensus scores agreed by the committee</source>
        <translation>Oceny uzgodnione przez komisję</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="168" />
        <source>A third evaluator's scores were added</source>
        <translation>Dodano oceny trzeciego oceniającego</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="169" />
        <source>Chair's decision: the scores stand</source>
        <translation>Decyzja przewodniczącego: oceny pozostają</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="171" />
        <source>&amp;Method:</source>
        <translation>&amp;Sposób:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="176" />
        <source>Consensus score for %1</source>
        <translation>Ocena uzgodniona dla %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="178" />
        <source>0–%1, step %2</source>
        <translation>0–%1, co %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="210" />
        <source>Enter the consensus score for %1.</source>
        <translation>Wpisz ocenę uzgodnioną dla %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="215" />
        <source>„%1” is not a number (criterion %2).</source>
        <translation>„%1” nie jest liczbą (kryterium %2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="221" />
        <source>The score for %1 must be 0–%2 in steps of %3.</source>
        <translation>Ocena dla %1 musi być w skali 0–%2 co %3.</translation>
    </message>
</context>
<context>
    <name>EvaluatorWindow</name>
    <message>
        <location filename="../../app/ui/evaluator.py" line="58" />
        <source>Komisja — evaluator: %1</source>
        <translation>Komisja — oceniający: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="69" />
        <source>Card of %1 (%2)</source>
        <translation>Karta oceny: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="84" />
        <source>Your scores: offers by criteria</source>
        <translation>Twoje oceny: oferty i kryteria</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="102" />
        <source>Justification of the selected score</source>
        <translation>Uzasadnienie wybranej oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="104" />
        <source>Justification of the score (saved automatically as you type)</source>
        <translation>Uzasadnienie oceny (zapisywane automatycznie podczas pisania)</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="111" />
        <source>A&amp;ttachments of the offer:</source>
        <translation>Załą&amp;czniki oferty:</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="114" />
        <source>Attachments of the selected offer</source>
        <translation>Załączniki wybranej oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="125" />
        <source>Save a &amp;return file (unfinished)…</source>
        <translation>Zapisz plik &amp;zwrotny (niezakończony)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="127" />
        <source>&amp;Finished — write the return file…</source>
        <translation>Za&amp;kończono — zapisz plik zwrotny…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="147" />
        <source>Settings…</source>
        <translation>Ustawienia…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="149" />
        <source>The language of the window and your name</source>
        <translation>Język okna i Twoje imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="182" />
        <source>Saved in the draft.</source>
        <translation>Zapisano w wersji roboczej.</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="190" />
        <source>Scored %1 of %2</source>
        <translation>Oceniono %1 z %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="211" />
        <source>No attachments for this offer.</source>
        <translation>Brak załączników do tej oferty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="239" />
        <source>Save the return file</source>
        <translation>Zapisz plik zwrotny</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="240" />
        <source>Evaluator returns (*.komisja-return)</source>
        <translation>Pliki zwrotne oceniającego (*.komisja-return)</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="251" />
        <source>Finished. Send this file to the office: %1</source>
        <translation>Zakończono. Prześlij ten plik do urzędu: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/evaluator.py" line="252" />
        <source>Return file saved: %1</source>
        <translation>Zapisano plik zwrotny: %1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="92" />
        <source>Import scores — preview</source>
        <translation>Import ocen — podgląd</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="97" />
        <source>Member: %1. New scores: %2, changed: %3, unchanged: %4, removed: %5.</source>
        <translation>Członek komisji: %1. Nowe oceny: %2, zmienione: %3, bez zmian: %4, usunięte: %5.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="108" />
        <source>This file has already been imported.</source>
        <translation>Ten plik został już zaimportowany.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="115" />
        <source>Changes per offer</source>
        <translation>Zmiany według ofert</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="124" />
        <source>Changes per score</source>
        <translation>Zmiany według ocen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="134" />
        <source>Problems found in the file</source>
        <translation>Problemy znalezione w pliku</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="139" />
        <source>Nothing will be imported until every problem below is corrected in the file:</source>
        <translation>Nic nie zostanie zaimportowane, dopóki wszystkie poniższe problemy nie zostaną poprawione w pliku:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="148" />
        <source>Import</source>
        <translation>Importuj</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="152" />
        <source>The file has problems; see the list.</source>
        <translation>Plik zawiera błędy; zobacz listę.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="820" />
        <source>new</source>
        <translation>nowa</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="821" />
        <source>changed</source>
        <translation>zmieniona</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="822" />
        <source>unchanged</source>
        <translation>bez zmian</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="823" />
        <source>removed</source>
        <translation>usunięta</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="856" />
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="857" />
        <source>Criterion</source>
        <translation>Kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="858" />
        <source>Now</source>
        <translation>Obecnie</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="859" />
        <source>In the file</source>
        <translation>W pliku</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="860" />
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
</context>
<context>
    <name>LeniencyChart</name>
    <message>
        <location filename="../../app/ui/charts.py" line="130" />
        <source>Leniency of members compared with the others</source>
        <translation>Łagodność członków komisji w porównaniu z pozostałymi</translation>
    </message>
</context>
<context>
    <name>ManualAwardDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="244" />
        <source>Award for offer %1</source>
        <translation>Kwota dla oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="253" />
        <source>Amount awarded</source>
        <translation>Kwota przyznana</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="255" />
        <source>Requested:</source>
        <translation>Wnioskowano:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="256" />
        <source>&amp;Amount awarded:</source>
        <translation>&amp;Kwota przyznana:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="273" />
        <source>Awarded %1 of %2</source>
        <translation>Przyznano %1 z %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="278" />
        <source>Enter the amount in złoty, e.g. 12 500,00.</source>
        <translation>Wpisz kwotę w złotych, np. 12 500,00.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="280" />
        <source>The amount cannot be negative.</source>
        <translation>Kwota nie może być ujemna.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="282" />
        <source>The amount can have at most two decimal places (grosze).</source>
        <translation>Kwota może mieć najwyżej dwa miejsca po przecinku (grosze).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="284" />
        <source>The amount is more than the offer requested.</source>
        <translation>Kwota jest wyższa niż wnioskowana w ofercie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="286" />
        <source>The awards would exceed the budget.</source>
        <translation>Przyznane kwoty przekroczyłyby budżet.</translation>
    </message>
</context>
<context>
    <name>OfferChangesModel</name>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="77" />
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="78" />
        <source>New</source>
        <translation>Nowe</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="79" />
        <source>Changed</source>
        <translation>Zmienione</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="80" />
        <source>Unchanged</source>
        <translation>Bez zmian</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/import_preview.py" line="81" />
        <source>Removed</source>
        <translation>Usunięte</translation>
    </message>
</context>
<context>
    <name>ProtocolPage</name>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="199" />
        <location filename="../../app/ui/pages/protocol_page.py" line="316" />
        <source>Open a competition to prepare its protocol.</source>
        <translation>Otwórz konkurs, aby przygotować protokół.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="211" />
        <source>Before the protocol can be exported:</source>
        <translation>Zanim protokół będzie można wyeksportować:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="214" />
        <source>What still stops the protocol</source>
        <translation>Co jeszcze blokuje protokół</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="219" />
        <source>C&amp;hair:</source>
        <translation>&amp;Przewodniczący:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="222" />
        <source>Chair who signs off</source>
        <translation>Przewodniczący zatwierdzający wynik</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="225" />
        <source>Sign &amp;off…</source>
        <translation>&amp;Zatwierdź…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="232" />
        <source>Export &amp;PDF…</source>
        <translation>Eksportuj &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="235" />
        <source>Export &amp;Excel…</source>
        <translation>Eksportuj do &amp;Excela…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="238" />
        <source>P&amp;review</source>
        <translation>Po&amp;dgląd</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="245" />
        <source>Signed-off versions:</source>
        <translation>Zatwierdzone wersje:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="249" />
        <source>Protocol versions</source>
        <translation>Wersje protokołu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="260" />
        <source>&amp;Reopen…</source>
        <translation>&amp;Otwórz ponownie…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="263" />
        <source>Reopen the signed-off result; the next sign-off makes a new version.</source>
        <translation>Ponownie otwórz zatwierdzony wynik; kolejne zatwierdzenie utworzy nową wersję.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="266" />
        <source>Si&amp;gn PDF with a certificate…</source>
        <translation>Podpi&amp;sz PDF certyfikatem…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="279" />
        <source>Press Preview to see the protocol's pages (rendered with pdftoppm).</source>
        <translation>Naciśnij Podgląd, aby zobaczyć strony protokołu (renderowane programem pdftoppm).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="291" />
        <source>Preview of the protocol pages</source>
        <translation>Podgląd stron protokołu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="345" />
        <source>Nothing: the protocol can be exported.</source>
        <translation>Nic: protokół można wyeksportować.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="383" />
        <source>%1 signs off the result as the chair. The protocol is frozen as a new version; any later change needs a recorded reason. Sign off now?</source>
        <translation>Zatwierdzenie wyniku (funkcja: przewodniczący komisji): %1. Protokół zostanie zamrożony jako nowa wersja; każda późniejsza zmiana wymaga zapisanego uzasadnienia. Zatwierdzić teraz?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="389" />
        <source>Sign off the result</source>
        <translation>Zatwierdzenie wyniku</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="395" />
        <source>Signed off: protocol version %1.</source>
        <translation>Zatwierdzono: wersja protokołu %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="406" />
        <source>Signing off and producing the protocol…</source>
        <translation>Zatwierdzanie i tworzenie protokołu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="416" />
        <source>Reopen the signed-off result</source>
        <translation>Ponowne otwarcie zatwierdzonego wyniku</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="417" />
        <source>Only the chair can reopen. The current version stays readable; the next sign-off produces a new version.</source>
        <translation>Tylko przewodniczący może ponownie otworzyć wynik. Obecna wersja pozostaje dostępna; kolejne zatwierdzenie utworzy nową wersję.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="430" />
        <source>The result was reopened.</source>
        <translation>Wynik został ponownie otwarty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="449" />
        <source>Export the protocol</source>
        <translation>Eksport protokołu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="451" />
        <location filename="../../app/ui/pages/protocol_page.py" line="539" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="451" />
        <source>Workbooks (*.xlsx)</source>
        <translation>Skoroszyty (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="462" />
        <source>Saved %1.</source>
        <translation>Zapisano %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="472" />
        <source>Producing the protocol…</source>
        <translation>Tworzenie protokołu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="498" />
        <source>Rendering the pages…</source>
        <translation>Renderowanie stron…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="415" />
        <source>Cancelled; nothing was saved or changed.</source>
        <translation>Przerwano; nic nie zostało zapisane ani zmienione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="510" />
        <source>Page %1</source>
        <translation>Strona %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="515" />
        <source>pdftoppm is not installed: the text of the pages is shown instead.</source>
        <translation>Program pdftoppm nie jest zainstalowany: zamiast stron wyświetlany jest ich tekst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="522" />
        <source>No preview: install poppler (pdftoppm) to see the pages here, or export the PDF and open it.</source>
        <translation>Brak podglądu: zainstaluj poppler (pdftoppm), aby zobaczyć tu strony, albo wyeksportuj PDF i otwórz go.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="538" />
        <source>Save the signed PDF</source>
        <translation>Zapisz podpisany PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="546" />
        <source>The signed PDF was saved: %1.</source>
        <translation>Zapisano podpisany PDF: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="560" />
        <source>Signing the PDF…</source>
        <translation>Podpisywanie PDF…</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="125" />
        <source>selected</source>
        <translation>wybrana</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="126" />
        <source>discrepancy</source>
        <translation>rozbieżność</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="127" />
        <source>discrepancy resolved</source>
        <translation>rozbieżność rozstrzygnięta</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="128" />
        <source>unresolved tie</source>
        <translation>nierozstrzygnięty remis</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="129" />
        <source>tie decided</source>
        <translation>remis rozstrzygnięty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="130" />
        <source>below threshold</source>
        <translation>poniżej progu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="131" />
        <source>criterion threshold not met</source>
        <translation>nie spełnia progu kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="132" />
        <source>formal criterion failed</source>
        <translation>niespełnione kryterium formalne</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="133" />
        <source>recused members</source>
        <translation>wyłączeni członkowie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="134" />
        <source>incomplete scores</source>
        <translation>niepełne oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="135" />
        <source>manual award</source>
        <translation>kwota ustalona ręcznie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="136" />
        <source>formal decision changed</source>
        <translation>zmieniona decyzja formalna</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="178" />
        <source>Select to see how this number was obtained.</source>
        <translation>Zaznacz, aby zobaczyć, skąd wzięła się ta liczba.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="194" />
        <source>rejected</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="228" />
        <source>Rank</source>
        <translation>Miejsce</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="229" />
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="230" />
        <source>Applicant</source>
        <translation>Oferent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="231" />
        <source>Total</source>
        <translation>Suma</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="232" />
        <source>Requested</source>
        <translation>Wnioskowano</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="233" />
        <source>Awarded</source>
        <translation>Przyznano</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="234" />
        <source>Flags</source>
        <translation>Oznaczenia</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="260" />
        <location filename="../../app/ui/pages/results_page.py" line="361" />
        <source>Open a competition to see its results.</source>
        <translation>Otwórz konkurs, aby zobaczyć jego wyniki.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="272" />
        <source>Record &amp;tie order…</source>
        <translation>Zapisz kolejność przy &amp;remisie…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="275" />
        <source>Resolve &amp;discrepancy…</source>
        <translation>Rozstrzygnij roz&amp;bieżność…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="278" />
        <source>Set &amp;award…</source>
        <translation>Ustal &amp;kwotę…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="281" />
        <source>Reopen &amp;scoring…</source>
        <translation>Wróć do &amp;oceny…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="297" />
        <source>Ranking of offers</source>
        <translation>Ranking ofert</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="312" />
        <source>Why: explanation of the selected number</source>
        <translation>Dlaczego: wyjaśnienie wybranej liczby</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="313" />
        <source>Select a number in the ranking to see why it is so.</source>
        <translation>Zaznacz liczbę w rankingu, aby zobaczyć jej wyjaśnienie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="314" />
        <source>Why?</source>
        <translation>Dlaczego?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="317" />
        <location filename="../../app/ui/pages/results_page.py" line="320" />
        <source>No scores to compare yet.</source>
        <translation>Brak ocen do porównania.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="324" />
        <source>Spread of members' totals per offer (dot: the offer's total)</source>
        <translation>Rozrzut sum członków komisji dla ofert (kropka: suma oferty)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="328" />
        <source>Member leniency: mean difference from the others, in points</source>
        <translation>Łagodność członków: średnia różnica względem pozostałych, w punktach</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="335" />
        <source>Charts</source>
        <translation>Wykresy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="430" />
        <source>Provisional: scoring is still open; the ranking can still change.</source>
        <translation>Wynik wstępny: ocena trwa; ranking może się jeszcze zmienić.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="434" />
        <source>No offer is eligible: the competition must be cancelled (art. 18a).</source>
        <translation>Żadna oferta nie spełnia warunków: konkurs należy unieważnić (art. 18a).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="438" />
        <source>Unresolved tie: %1 — record the committee's order.</source>
        <translation>Nierozstrzygnięty remis: %1 — zapisz kolejność ustaloną przez komisję.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="443" />
        <source>Discrepancy to resolve: %1.</source>
        <translation>Rozbieżność do rozstrzygnięcia: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="448" />
        <source>Results are complete; nothing is waiting for a decision.</source>
        <translation>Wyniki są kompletne; nic nie czeka na decyzję.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="452" />
        <source>Awarded %1 of %2</source>
        <translation>Przyznano %1 z %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="526" />
        <source>Not scored: the offer did not pass the formal check.</source>
        <translation>Nieoceniana: oferta nie przeszła oceny formalnej.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="538" />
        <source>Members' own totals:</source>
        <translation>Sumy poszczególnych członków:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="545" />
        <source>advisory expert, not counted</source>
        <translation>ekspert z głosem doradczym, niewliczany</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="546" />
        <source>recused (conflict of interest)</source>
        <translation>wyłączenie z oceny (konflikt interesów)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="547" />
        <source>gave no scores</source>
        <translation>nie wystawił ocen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="549" />
        <source>Not counted:</source>
        <translation>Niewliczani:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="590" />
        <source>Select an offer flagged with a discrepancy.</source>
        <translation>Zaznacz ofertę oznaczoną rozbieżnością.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="630" />
        <source>The committee's order was recorded: %1.</source>
        <translation>Zapisano kolejność ustaloną przez komisję: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="646" />
        <source>Members' totals for %1 differ by %2 points.</source>
        <translation>Sumy członków dla %1 różnią się o %2 pkt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="662" />
        <source>The resolution of the discrepancy of %1 was recorded.</source>
        <translation>Zapisano rozstrzygnięcie rozbieżności oferty %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="702" />
        <source>The award for %1 was recorded.</source>
        <translation>Zapisano kwotę dla oferty %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="711" />
        <source>Reopen scoring</source>
        <translation>Powrót do oceny merytorycznej</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="712" />
        <source>Scoring is opened again so that members can correct their cards. The reason is recorded in the audit trail.</source>
        <translation>Ocena zostanie ponownie otwarta, aby członkowie mogli poprawić karty. Uzasadnienie trafi do dziennika zmian.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/results_page.py" line="724" />
        <source>Scoring was reopened.</source>
        <translation>Ponownie otwarto ocenę merytoryczną.</translation>
    </message>
</context>
<context>
    <name>ScoreDelegate</name>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="78" />
        <source>Score</source>
        <translation>Ocena</translation>
    </message>
</context>
<context>
    <name>ScoreGridModel</name>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="424" />
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="439" />
        <source>(recused)</source>
        <translation>(wyłączenie)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="447" />
        <source>The member is recused from this offer (conflict of interest) and does not score it.</source>
        <translation>Wyłączenie z oceny tej oferty (konflikt interesów): ta osoba jej nie ocenia.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="497" />
        <source>Recused: this member does not score this offer.</source>
        <translation>Wyłączony: ten członek nie ocenia tej oferty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="504" />
        <source>No justification yet (required).</source>
        <translation>Brak uzasadnienia (wymagane).</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="526" />
        <source>empty</source>
        <translation>pusta</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="548" />
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="550" />
        <source>Applicant</source>
        <translation>Oferent</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="552" />
        <source>Scored</source>
        <translation>Oceniono</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="558" />
        <source>%1: %2
Scale 0–%3 in steps of %4; weight %5 points</source>
        <translation>%1: %2
Skala 0–%3 co %4; waga %5 pkt</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="566" />
        <source>Scores given for the offer out of the criteria to score</source>
        <translation>Oceny wystawione ofercie na tle kryteriów do oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/scoring_models.py" line="658" />
        <source>Justification kept; it is saved when a score is entered.</source>
        <translation>Uzasadnienie zachowane; zostanie zapisane po wpisaniu oceny.</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="136" />
        <source>&amp;Member:</source>
        <translation>&amp;Członek komisji:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="139" />
        <source>Committee member whose card is shown</source>
        <translation>Członek komisji, którego karta jest wyświetlana</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="147" />
        <source>Find an offer or applicant…</source>
        <translation>Znajdź ofertę lub oferenta…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="148" />
        <source>Find an offer</source>
        <translation>Znajdź ofertę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="152" />
        <source>&amp;Unfinished only</source>
        <translation>Tylko &amp;niedokończone</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="161" />
        <source>&amp;Export</source>
        <translation>&amp;Eksport</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="164" />
        <source>Score workbook of this member…</source>
        <translation>Skoroszyt ocen tego członka…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="166" />
        <source>Score workbooks of all members…</source>
        <translation>Skoroszyty ocen wszystkich członków…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="168" />
        <source>Evaluator packages…</source>
        <translation>Pakiety dla oceniających…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="174" />
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="177" />
        <source>Returned score workbook…</source>
        <translation>Zwrócony skoroszyt ocen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="179" />
        <source>Returned evaluator file…</source>
        <translation>Zwrócony plik oceniającego…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="187" />
        <source>&amp;Close scoring</source>
        <translation>&amp;Zamknij ocenę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="190" />
        <source>Close the scoring when every card is complete; the results are computed.</source>
        <translation>Zamknij ocenę, gdy wszystkie karty są kompletne; wyniki zostaną obliczone.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="199" />
        <source>Scores of the member: offers by criteria</source>
        <translation>Oceny członka komisji: oferty i kryteria</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="223" />
        <location filename="../../app/ui/pages/scoring_page.py" line="532" />
        <source>Select a score cell to see and edit its justification.</source>
        <translation>Zaznacz komórkę z oceną, aby zobaczyć i edytować jej uzasadnienie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="229" />
        <source>Justification of the selected score</source>
        <translation>Uzasadnienie wybranej oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="231" />
        <source>Justification of the score (saved automatically as you type)</source>
        <translation>Uzasadnienie oceny (zapisywane automatycznie podczas pisania)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="288" />
        <source>Open a competition to score its offers.</source>
        <translation>Otwórz konkurs, aby ocenić jego oferty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="307" />
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="352" />
        <source>chair</source>
        <translation>przewodniczący komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="353" />
        <source>secretary</source>
        <translation>sekretarz</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="354" />
        <source>member</source>
        <translation>członek</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="355" />
        <source>expert, advisory</source>
        <translation>ekspert z głosem doradczym</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="364" />
        <source>%1 — %2 (%3), %4 of %5 scores</source>
        <translation>%1 — %2 (funkcja: %3), ocen: %4 z %5</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="376" />
        <source>No admitted offers to score yet: finish the formal check first.</source>
        <translation>Brak dopuszczonych ofert do oceny: najpierw zakończ ocenę formalną.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="378" />
        <source>No committee members yet: add them on the Committee page.</source>
        <translation>Brak członków komisji: dodaj ich na stronie Komisja.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="381" />
        <source>Scores can be entered only while the competition is at the scoring step; the grid is read-only.</source>
        <translation>Oceny można wpisywać tylko na etapie oceny merytorycznej; tabela jest tylko do odczytu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="385" />
        <source>Type a score and press Enter; Tab and the arrow keys move between cells. Every score is saved at once.</source>
        <translation>Wpisz ocenę i naciśnij Enter; Tab i strzałki przechodzą między komórkami. Każda ocena zapisuje się od razu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="540" />
        <source>Justification: offer %1, criterion %2 — %3</source>
        <translation>Uzasadnienie: oferta %1, kryterium %2 — %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="562" />
        <source>Scored %1 of %2</source>
        <translation>Oceniono %1 z %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="564" />
        <source>%1 not saved</source>
        <translation>niezapisane: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="567" />
        <source>%1 without justification</source>
        <translation>bez uzasadnienia: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="582" />
        <source>Evaluator packages are not available in this version.</source>
        <translation>Pakiety dla oceniających nie są dostępne w tej wersji.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="594" />
        <source>Wait until every score is saved.</source>
        <translation>Poczekaj, aż wszystkie oceny zostaną zapisane.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="619" />
        <source>Export score workbook</source>
        <translation>Eksport skoroszytu ocen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="619" />
        <location filename="../../app/ui/pages/scoring_page.py" line="696" />
        <source>Workbooks (*.xlsx)</source>
        <translation>Skoroszyty (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="629" />
        <source>Folder for the score workbooks</source>
        <translation>Folder na skoroszyty ocen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="640" />
        <source>Exported %1 workbook(s).</source>
        <translation>Wyeksportowano skoroszyty: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="658" />
        <source>Exporting score workbooks…</source>
        <translation>Eksportowanie skoroszytów ocen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="667" />
        <source>Folder for the evaluator packages</source>
        <translation>Folder na pakiety dla oceniających</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="674" />
        <source>Exported %1 evaluator package(s).</source>
        <translation>Wyeksportowano pakiety dla oceniających: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="688" />
        <source>Exporting evaluator packages…</source>
        <translation>Eksportowanie pakietów dla oceniających…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="695" />
        <source>Import a returned score workbook</source>
        <translation>Import zwróconego skoroszytu ocen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="703" />
        <source>Import a returned evaluator file</source>
        <translation>Import zwróconego pliku oceniającego</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="704" />
        <source>Evaluator returns (*.komisja-return *.zip)</source>
        <translation>Pliki zwrotne oceniających (*.komisja-return *.zip)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="738" />
        <source>Nothing was imported.</source>
        <translation>Niczego nie zaimportowano.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="742" />
        <source>Reading the file…</source>
        <translation>Odczytywanie pliku…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="746" />
        <source>Imported: %1 score(s) changed.</source>
        <translation>Zaimportowano: zmienione oceny: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoring_page.py" line="756" />
        <source>Importing scores…</source>
        <translation>Importowanie ocen…</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="148" />
        <source>Sign the protocol PDF digitally</source>
        <translation>Podpis cyfrowy PDF protokołu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="153" />
        <source>Certificate file (.p12)</source>
        <translation>Plik certyfikatu (.p12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="154" />
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="158" />
        <source>&amp;Certificate (.p12):</source>
        <translation>&amp;Certyfikat (.p12):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="162" />
        <source>Certificate password</source>
        <translation>Hasło certyfikatu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="163" />
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="166" />
        <source>&amp;Signer:</source>
        <translation>&amp;Podpisujący:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="176" />
        <source>Certificate</source>
        <translation>Certyfikat</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="176" />
        <source>Certificates (*.p12 *.pfx)</source>
        <translation>Certyfikaty (*.p12 *.pfx)</translation>
    </message>
</context>
<context>
    <name>SpreadChart</name>
    <message>
        <location filename="../../app/ui/charts.py" line="70" />
        <source>Spread of the members' totals per offer</source>
        <translation>Rozrzut sum członków komisji dla każdej oferty</translation>
    </message>
</context>
<context>
    <name>TieOrderDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="97" />
        <source>Record the committee's order of tied offers</source>
        <translation>Zapisz kolejność ofert z remisem ustaloną przez komisję</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="100" />
        <source>The tie-break rules of the call left these offers tied. Put them in the order the committee decided, best first.</source>
        <translation>Zasady rozstrzygania remisów z ogłoszenia nie rozdzieliły tych ofert. Ustaw je w kolejności ustalonej przez komisję, od najlepszej.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="109" />
        <source>Tied offers, best first</source>
        <translation>Oferty z remisem, od najlepszej</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="117" />
        <source>Move &amp;up</source>
        <translation>Przesuń w &amp;górę</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="119" />
        <source>Move &amp;down</source>
        <translation>Przesuń w &amp;dół</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="117" />
        <source>current</source>
        <translation>aktualna</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="119" />
        <source>reopened %1: %2</source>
        <translation>ponownie otwarta %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="133" />
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="134" />
        <source>Signed off</source>
        <translation>Zatwierdzono</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="135" />
        <source>By</source>
        <translation>Przez</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="136" />
        <source>Data fingerprint</source>
        <translation>Odcisk danych</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/protocol_page.py" line="137" />
        <source>State</source>
        <translation>Stan</translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="42" />
        <source>Reason</source>
        <translation>Uzasadnienie</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="44" />
        <source>Why (goes to the protocol and the audit trail)</source>
        <translation>Dlaczego (trafi do protokołu i dziennika zmian)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="58" />
        <source>&amp;Reason:</source>
        <translation>&amp;Uzasadnienie:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/decisions.py" line="69" />
        <source>Write the reason for the decision.</source>
        <translation>Wpisz uzasadnienie decyzji.</translation>
    </message>
</context>
</TS>