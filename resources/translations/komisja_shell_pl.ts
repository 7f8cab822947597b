<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl_PL">
<context>
    <name />
    <message>
        <location filename="../../app/ui/pages/offers.py" line="58" />
        <source>No.</source>
        <translation>Lp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="59" />
        <location filename="../../app/ui/pages/committee.py" line="47" />
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="60" />
        <location filename="../../app/ui/pages/offers.py" line="289" />
        <source>Applicant</source>
        <translation>Oferent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="61" />
        <location filename="../../app/ui/pages/offers.py" line="290" />
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="62" />
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="64" />
        <location filename="../../app/ui/pages/offers.py" line="291" />
        <source>Received</source>
        <translation>Wpływ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="68" />
        <source>Received after the deadline</source>
        <translation>Wpłynęła po terminie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="71" />
        <location filename="../../app/ui/pages/offers.py" line="292" />
        <source>Requested</source>
        <translation>Wnioskowano</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="77" />
        <source>Formal check</source>
        <translation>Ocena formalna</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="83" />
        <source>Files</source>
        <translation>Pliki</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="288" />
        <source>Row</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="294" />
        <source>Problems</source>
        <translation>Problemy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="295" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="354" />
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="356" />
        <source>Size (bytes)</source>
        <translation>Rozmiar (bajty)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="361" />
        <source>Added</source>
        <translation>Dodano</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="362" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="48" />
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="50" />
        <source>Role</source>
        <translation>Funkcja</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="53" />
        <source>Advisory: the opinion is recorded, the scores never count</source>
        <translation>Głos doradczy: opinia jest zapisywana, oceny nigdy się nie liczą</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="58" />
        <source>Affiliation</source>
        <translation>Reprezentuje</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="60" />
        <source>Declaration signed</source>
        <translation>Oświadczenie podpisane</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="61" />
        <source>not yet</source>
        <translation>jeszcze nie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="65" />
        <source>Recused from</source>
        <translation>Wyłączenie z oceny ofert</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="373" />
        <source>Attachments of offer %1</source>
        <translation>Załączniki oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="379" />
        <source>Attachments</source>
        <translation>Załączniki</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="385" />
        <source>&amp;Add a file…</source>
        <translation>&amp;Dodaj plik…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="386" />
        <source>&amp;Open</source>
        <translation>&amp;Otwórz</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="387" />
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="406" />
        <source>Add an attachment</source>
        <translation>Dodaj załącznik</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Applicant</source>
        <translation>Oferent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Attachment</source>
        <translation>Załącznik</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Attachment file</source>
        <translation>Plik załącznika</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Attendance</source>
        <translation>Obecność</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Budget line</source>
        <translation>Środki w roku</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Competition</source>
        <translation>Konkurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Recusal</source>
        <translation>Wyłączenie członka</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Correction request</source>
        <translation>Wezwanie do uzupełnienia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Criterion</source>
        <translation>Kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Criterion band</source>
        <translation>Przedział kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Committee decision</source>
        <translation>Decyzja komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Formal check item</source>
        <translation>Wymóg formalny</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Formal check answer</source>
        <translation>Odpowiedź oceny formalnej</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Meeting</source>
        <translation>Posiedzenie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Committee member</source>
        <translation>Członek komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Offer figure</source>
        <translation>Dane oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Protocol version</source>
        <translation>Wersja protokołu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Score</source>
        <translation>Ocena</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Issued score sheet</source>
        <translation>Wydana karta oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Scoring rules</source>
        <translation>Zasady oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>Tie-break rule</source>
        <translation>Reguła rozstrzygania remisów</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>created</source>
        <translation>utworzono</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>changed</source>
        <translation>zmieniono</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>deleted</source>
        <translation>usunięto</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>imported</source>
        <translation>zaimportowano</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>signed off</source>
        <translation>zatwierdzono</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>reopened</source>
        <translation>ponownie otwarto</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="1" />
        <source>scoring reopened</source>
        <translation>wznowiono ocenę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="39" />
        <source>No.</source>
        <translation>Lp.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="41" />
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="44" />
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="47" />
        <source>Object</source>
        <translation>Obiekt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="48" />
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="49" />
        <source>Before</source>
        <translation>Przed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="50" />
        <source>After</source>
        <translation>Po</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="58" />
        <source>Object type</source>
        <translation>Rodzaj obiektu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="60" />
        <source>Person…</source>
        <translation>Osoba…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="61" />
        <source>Person</source>
        <translation>Osoba</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="66" />
        <source>From date</source>
        <translation>Od dnia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="70" />
        <source>To date</source>
        <translation>Do dnia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="71" />
        <source>&amp;Dates:</source>
        <translation>&amp;Daty:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="72" />
        <source>Only the open &amp;competition</source>
        <translation>Tylko otwarty &amp;konkurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="75" />
        <source>Search the changes…</source>
        <translation>Szukaj w zmianach…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="76" />
        <source>Search the changes</source>
        <translation>Szukaj w zmianach</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="78" />
        <source>Object:</source>
        <translation>Obiekt:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="90" />
        <source>Audit trail</source>
        <translation>Dziennik zdarzeń</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="154" />
        <source>%1 entries</source>
        <translation>Wpisów: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="156" />
        <source>No entries match the filter. Clear the filters to see every change.</source>
        <translation>Żaden wpis nie pasuje do filtra. Wyczyść filtry, aby zobaczyć wszystkie zmiany.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="164" />
        <source>all objects</source>
        <translation>wszystkie obiekty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="0" />
        <source>The newest %1 of %2 entries</source>
        <translation>Najnowsze wpisy: %1 z %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="0" />
        <source>Show &amp;older entries</source>
        <translation>Pokaż &amp;starsze wpisy</translation>
    </message>
</context>
<context>
    <name>BudgetModel</name>
    <message>
        <location filename="../../app/ui/pages/call.py" line="74" />
        <source>Year</source>
        <translation>Rok</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="74" />
        <source>Amount (PLN)</source>
        <translation>Kwota (zł)</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <location filename="../../app/ui/pages/call.py" line="148" />
        <source>e.g. SO.524.2.2027</source>
        <translation>np. SO.524.2.2027</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="154" />
        <source>e.g. Order No. 12/2027 of the Mayor of 2 January 2027</source>
        <translation>np. Zarządzenie nr 12/2027 Wójta z dnia 2 stycznia 2027 r.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="162" />
        <source>e.g. BIP, the office's website, the notice board</source>
        <translation>np. BIP, strona internetowa urzędu, tablica ogłoszeń</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="172" />
        <source>Every score needs a written justification</source>
        <translation>Każda ocena wymaga pisemnego uzasadnienia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="187" />
        <source>Add a &amp;year</source>
        <translation>Dodaj &amp;rok</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="188" />
        <source>Remove the year</source>
        <translation>Usuń rok</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="199" />
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="199" />
        <source>Kind of competition</source>
        <translation>Rodzaj konkursu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="200" />
        <source>T&amp;itle:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="200" />
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="202" />
        <source>Case &amp;reference:</source>
        <translation>&amp;Znak sprawy:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="202" />
        <source>Case reference</source>
        <translation>Znak sprawy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="203" />
        <source>&amp;Legal basis:</source>
        <translation>Podstawa &amp;prawna:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="203" />
        <source>Legal basis</source>
        <translation>Podstawa prawna</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="204" />
        <source>Committee appointed by:</source>
        <translation>Komisję powołano:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="204" />
        <source>Committee act</source>
        <translation>Akt powołania komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="205" />
        <source>&amp;Task:</source>
        <translation>&amp;Zadanie:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="205" />
        <source>Task description</source>
        <translation>Opis zadania</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="206" />
        <source>Announced on:</source>
        <translation>Data ogłoszenia:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="206" />
        <source>Announcement date</source>
        <translation>Data ogłoszenia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="208" />
        <source>Published in:</source>
        <translation>Miejsca publikacji:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="210" />
        <source>Places of publication</source>
        <translation>Miejsca publikacji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="213" />
        <source>Last publication on:</source>
        <translation>Ostatnia publikacja:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="215" />
        <source>Last publication date</source>
        <translation>Data ostatniej publikacji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="217" />
        <source>Submission &amp;deadline:</source>
        <translation>Termin składania &amp;ofert:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="217" />
        <source>Submission deadline</source>
        <translation>Termin składania ofert</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="219" />
        <source>Decision by:</source>
        <translation>Rozstrzygnięcie do:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="219" />
        <source>Decision date</source>
        <translation>Termin rozstrzygnięcia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="220" />
        <source>Meeting place:</source>
        <translation>Miejsce posiedzeń:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="220" />
        <source>Meeting place</source>
        <translation>Miejsce posiedzeń</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="221" />
        <source>Justification required</source>
        <translation>Wymagane uzasadnienie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="233" />
        <source>Funds per year</source>
        <translation>Środki w latach</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="234" />
        <source>Funds per year:</source>
        <translation>Środki w latach:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="289" />
        <source>The call can no longer be changed: the competition is past the draft stage. The criteria and the text of the call are frozen once it is announced.</source>
        <translation>Ogłoszenia nie można już zmienić: konkurs wyszedł z etapu projektu. Kryteria i treść ogłoszenia są zamrożone z chwilą ogłoszenia konkursu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="319" />
        <source>Total: %1</source>
        <translation>Razem: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="375" />
        <source>The title is required; the call cannot be saved without it.</source>
        <translation>Tytuł jest wymagany; bez niego ogłoszenie nie zostanie zapisane.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="393" />
        <source>The submission deadline must come after the publication of the call.</source>
        <translation>Termin składania ofert musi przypadać po publikacji ogłoszenia.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="400" />
        <source>Only %1 days after the last publication: an open competition needs at least 21 days (art. 13 ust. 1 of the Public Benefit Act). The earliest deadline is %2.</source>
        <translation>Od ostatniej publikacji do terminu składania ofert (liczba dni): %1, a otwarty konkurs ofert wymaga co najmniej 21 dni (art. 13 ust. 1 uodpp). Najwcześniejszy termin to %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="422" />
        <source>Edit the call</source>
        <translation>zmianę ogłoszenia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="455" />
        <source>Edit the funds</source>
        <translation>zmianę środków</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="461" />
        <source>year</source>
        <translation>rok</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="461" />
        <source>amount</source>
        <translation>kwota</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="463" />
        <source>„%1” is not a year between 2000 and 2100</source>
        <translation>„%1” nie jest rokiem z zakresu 2000–2100</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/call.py" line="465" />
        <source>„%1” is not an amount in złoty with at most two decimal places</source>
        <translation>„%1” nie jest kwotą w złotych z najwyżej dwoma miejscami po przecinku</translation>
    </message>
</context>
<context>
    <name>CommitteePage</name>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="375" />
        <source>Add member %1</source>
        <translation>dodanie członka komisji %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="397" />
        <source>Edit member %1</source>
        <translation>zmianę danych członka komisji %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="426" />
        <source>Declaration of %1</source>
        <translation>zapis oświadczenia o bezstronności %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="212" />
        <source>&amp;Add member…</source>
        <translation>&amp;Dodaj członka…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="213" />
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="214" />
        <source>Declaration &amp;signed…</source>
        <translation>Oświadczenie &amp;podpisane…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="224" />
        <source>Committee members</source>
        <translation>Skład komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="238" />
        <source>Conflicts of interest: tick a member × offer cell to recuse the member from that offer (a reason is asked for and recorded).</source>
        <translation>Konflikty interesów: zaznacz komórkę członek × oferta, aby wyłączyć członka z oceny tej oferty (program zapyta o powód i go zapisze).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="249" />
        <source>Conflicts matrix</source>
        <translation>Macierz konfliktów</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="279" />
        <source>The committee can no longer be changed in this status.</source>
        <translation>Na tym etapie nie można już zmieniać składu komisji.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="283" />
        <source>No members yet. Add the chair, the secretary and the members; every member signs a declaration of impartiality before scoring.</source>
        <translation>Komisja nie ma jeszcze członków. Dodaj przewodniczącego, sekretarza i członków; każdy przed oceną podpisuje oświadczenie o bezstronności.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="327" />
        <source>Recusal</source>
        <translation>Wyłączenie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="328" />
        <source>Why is %1 recused from offer %2?</source>
        <translation>Powód wyłączenia z oceny oferty %2 (%1):</translation>
    </message>
</context>
<context>
    <name>CompetitionsPage</name>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="132" />
        <source>Case reference</source>
        <translation>Znak sprawy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="133" />
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="134" />
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="136" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="141" />
        <source>Deadline</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="146" />
        <source>Offers</source>
        <translation>Oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="149" />
        <source>Admitted</source>
        <translation>Dopuszczone</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="155" />
        <source>Budget</source>
        <translation>Środki</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="161" />
        <source>Progress</source>
        <translation>Postęp</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="173" />
        <source>Search by title or case reference…</source>
        <translation>Szukaj po tytule lub znaku sprawy…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="174" />
        <source>Search competitions</source>
        <translation>Szukaj konkursów</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="176" />
        <source>Show &amp;archived</source>
        <translation>Pokaż &amp;zarchiwizowane</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="177" />
        <source>&amp;New from template…</source>
        <translation>&amp;Nowy z szablonu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="178" />
        <source>&amp;Open</source>
        <translation>&amp;Otwórz</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="179" />
        <source>&amp;Duplicate</source>
        <translation>&amp;Powiel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="180" />
        <source>Arc&amp;hive</source>
        <translation>&amp;Archiwizuj</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="181" />
        <source>Only a signed-off competition can be archived.</source>
        <translation>Zarchiwizować można tylko konkurs z zatwierdzonym wynikiem.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="195" />
        <source>Competitions</source>
        <translation>Konkursy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="209" />
        <source>No competitions yet. Press “New from template…” to start one (open competition art. 15, investor or provider selection).</source>
        <translation>Nie ma jeszcze konkursów. Naciśnij „Nowy z szablonu…”, aby rozpocząć (otwarty konkurs ofert art. 15, wybór inwestora lub usługodawcy).</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="102" />
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="103" />
        <source>Criterion</source>
        <translation>Kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="104" />
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="105" />
        <source>Scale max</source>
        <translation>Skala do</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="106" />
        <source>Step</source>
        <translation>Krok</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="107" />
        <source>Weight (points)</source>
        <translation>Waga (pkt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="108" />
        <source>Threshold</source>
        <translation>Próg</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="109" />
        <source>Offer field</source>
        <translation>Pole oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="110" />
        <source>Cap</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="182" />
        <source>„%1” is not a number</source>
        <translation>„%1” nie jest liczbą</translation>
    </message>
</context>
<context>
    <name>CriteriaPage</name>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="237" />
        <source>Edit a criterion</source>
        <translation>zmianę kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="241" />
        <source>Criteria</source>
        <translation>Kryteria</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="256" />
        <source>&amp;Add criterion</source>
        <translation>&amp;Dodaj kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="257" />
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="258" />
        <source>Move &amp;up</source>
        <translation>W &amp;górę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="259" />
        <source>Move do&amp;wn</source>
        <translation>W &amp;dół</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="262" />
        <source>Sum of weights</source>
        <translation>Suma wag</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="270" />
        <source>Selected criterion</source>
        <translation>Wybrane kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="275" />
        <source>Guidance for the committee</source>
        <translation>Wskazówki dla komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="278" />
        <source>What the committee should look at; shown on the scoring card and in the protocol.</source>
        <translation>Na co komisja ma zwrócić uwagę; widoczne na karcie oceny i w protokole.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="282" />
        <location filename="../../app/ui/pages/criteria.py" line="643" />
        <source>Bands</source>
        <translation>Przedziały</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="283" />
        <source>from value: points; … e.g. 0: 0; 3: 10; 5: 20</source>
        <translation>od wartości: punkty; … np. 0: 0; 3: 10; 5: 20</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="287" />
        <source>&amp;Guidance:</source>
        <translation>&amp;Wskazówki:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="288" />
        <source>&amp;Bands:</source>
        <translation>&amp;Przedziały:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="293" />
        <source>Scoring rules</source>
        <translation>Zasady oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="299" />
        <source>Aggregation</source>
        <translation>Agregacja</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="302" />
        <source>Decimal places</source>
        <translation>Miejsca po przecinku</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="304" />
        <source>Rounding stage</source>
        <translation>Etap zaokrąglania</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="307" />
        <location filename="../../app/ui/pages/criteria.py" line="671" />
        <source>Minimum total</source>
        <translation>Minimalna suma</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="308" />
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="310" />
        <source>Threshold applies to</source>
        <translation>Próg dotyczy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="313" />
        <location filename="../../app/ui/pages/criteria.py" line="672" />
        <source>Discrepancy limit</source>
        <translation>Dopuszczalna rozbieżność</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="314" />
        <source>not checked</source>
        <translation>nie sprawdzana</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="317" />
        <source>all eligible</source>
        <translation>wszyscy uprawnieni</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="318" />
        <source>Number of winners</source>
        <translation>Liczba zwycięzców</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="319" />
        <source>Allocation</source>
        <translation>Podział środków</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="321" />
        <location filename="../../app/ui/pages/criteria.py" line="673" />
        <source>Amount to allocate</source>
        <translation>Kwota do podziału</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="322" />
        <source>the funds of the call</source>
        <translation>środki z ogłoszenia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="324" />
        <location filename="../../app/ui/pages/criteria.py" line="674" />
        <source>Amounts rounded down to</source>
        <translation>Kwoty zaokrąglane w dół do</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="326" />
        <location filename="../../app/ui/pages/criteria.py" line="675" />
        <source>Full funding from score</source>
        <translation>Pełne finansowanie od wyniku</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="327" />
        <source>only for full/percentage allocation</source>
        <translation>tylko dla podziału pełny/procentowy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="328" />
        <source>Aggregation of members' scores:</source>
        <translation>Agregacja ocen członków:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="329" />
        <source>Rounding (half up), places:</source>
        <translation>Zaokrąglenie (połówkowe w górę), miejsca:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="330" />
        <source>Rounded at:</source>
        <translation>Zaokrąglane:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="331" />
        <source>Minimum total:</source>
        <translation>Minimalna suma:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="332" />
        <source>Threshold applies to:</source>
        <translation>Próg dotyczy:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="333" />
        <source>Discrepancy limit (points):</source>
        <translation>Dopuszczalna rozbieżność (pkt):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="334" />
        <source>Number of winners:</source>
        <translation>Liczba zwycięzców:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="335" />
        <source>Allocation:</source>
        <translation>Podział środków:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="336" />
        <source>Amount to allocate:</source>
        <translation>Kwota do podziału:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="337" />
        <source>Amounts rounded down to:</source>
        <translation>Kwoty zaokrąglane w dół do:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="338" />
        <source>Full funding from score:</source>
        <translation>Pełne finansowanie od wyniku:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="339" />
        <source>Tie-break chain (in order):</source>
        <translation>Rozstrzyganie remisów (kolejno):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="341" />
        <source>Tie-break chain</source>
        <translation>Rozstrzyganie remisów</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="344" />
        <source>Tie-break rule</source>
        <translation>Reguła rozstrzygania remisu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="346" />
        <source>Criterion code or offer field</source>
        <translation>Kod kryterium lub pole oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="347" />
        <source>criterion / field</source>
        <translation>kryterium / pole</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="353" />
        <source>Add &amp;rule</source>
        <translation>Dodaj &amp;regułę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="354" />
        <source>Remove rule</source>
        <translation>Usuń regułę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="355" />
        <source>Up</source>
        <translation>W górę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="361" />
        <source>What is still tied is shown to the committee as an unresolved tie.</source>
        <translation>Pozostały remis komisja zobaczy jako nierozstrzygnięty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="441" />
        <source>Read-only: the criteria and scoring rules were fixed when the call was announced (art. 13 of the Public Benefit Act); changing them now would change the rules after the offers were written.</source>
        <translation>Tylko do odczytu: kryteria i zasady oceny ustalono w ogłoszeniu konkursu (art. 13 uodpp); zmiana teraz zmieniłaby reguły po złożeniu ofert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="482" />
        <source>Sum of weights: %1 points</source>
        <translation>Suma wag: %1 pkt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="488" />
        <source>(not 100 — check the weights)</source>
        <translation>(nie 100 — sprawdź wagi)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="587" />
        <source>New criterion</source>
        <translation>Nowe kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="593" />
        <source>Add a criterion</source>
        <translation>dodanie kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="602" />
        <source>Remove a criterion</source>
        <translation>usunięcie kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="612" />
        <source>Reorder the criteria</source>
        <translation>Zmiana kolejności kryteriów</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="624" />
        <source>Edit the guidance</source>
        <translation>zmianę wskazówek</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="645" />
        <source>„%1” is not “from value: points”; write e.g. 0: 0; 3: 10; 5: 20</source>
        <translation>„%1” nie ma postaci „od wartości: punkty”; wpisz np. 0: 0; 3: 10; 5: 20</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="665" />
        <source>Edit the bands</source>
        <translation>zmianę przedziałów</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="683" />
        <source>„%1” is not a number</source>
        <translation>„%1” nie jest liczbą</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="711" />
        <source>Edit the scoring rules</source>
        <translation>zmianę zasad oceny</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="728" />
        <source>give the criterion code or the offer field this rule compares</source>
        <translation>podaj kod kryterium lub pole oferty, które ta reguła porównuje</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="735" />
        <source>Add a tie-break rule</source>
        <translation>dodanie reguły remisu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="744" />
        <source>Remove a tie-break rule</source>
        <translation>usunięcie reguły remisu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/criteria.py" line="754" />
        <source>Reorder the tie-break rules</source>
        <translation>Zmiana kolejności reguł remisu</translation>
    </message>
</context>
<context>
    <name>FormalCheckModel</name>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="81" />
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="81" />
        <source>Applicant</source>
        <translation>Oferent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="81" />
        <source>Received</source>
        <translation>Wpływ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="84" />
        <source>Outcome</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="84" />
        <source>Reason</source>
        <translation>Uzasadnienie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="84" />
        <source>Correction due</source>
        <translation>Termin uzupełnienia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="125" />
        <source>(late, admitted)</source>
        <translation>(po terminie, dopuszczona)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="125" />
        <source>(late)</source>
        <translation>(po terminie)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="136" />
        <source>received %1</source>
        <translation>uzupełniono %1</translation>
    </message>
</context>
<context>
    <name>FormalPage</name>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="371" />
        <source>Formal check of %1</source>
        <translation>ocenę formalną oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="439" />
        <source>Correction request for %1</source>
        <translation>wezwanie do uzupełnienia oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="455" />
        <source>Correction received for %1</source>
        <translation>przyjęcie uzupełnienia oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="200" />
        <source>Formal checklist</source>
        <translation>Lista kontrolna oceny formalnej</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="215" />
        <source>All &amp;yes</source>
        <translation>Wszystko &amp;tak</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="216" />
        <source>Answer every open item of the offer with yes</source>
        <translation>Odpowiedz „tak” na wszystkie otwarte pozycje oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="217" />
        <source>Rejection &amp;reason…</source>
        <translation>&amp;Powód odrzucenia…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="218" />
        <source>Request &amp;correction…</source>
        <translation>&amp;Wezwij do uzupełnienia…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="219" />
        <source>Correction recei&amp;ved</source>
        <translation>Uzupełnienie &amp;wpłynęło</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="220" />
        <source>Admit &amp;late offer…</source>
        <translation>Dopuść ofertę po &amp;terminie…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="267" />
        <source>Type Y (yes), N (no) or choose n/a in a cell; the timeliness item follows from the received date. One correction request per offer.</source>
        <translation>Wpisz T (tak), N (nie) lub wybierz „nie dotyczy”; terminowość wynika z daty wpływu. Jedno wezwanie do uzupełnienia na ofertę.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="274" />
        <source>The formal check is recorded in the “formal check” step. Move the competition there with “Next step” once submissions are closed.</source>
        <translation>Ocenę formalną zapisuje się na etapie „ocena formalna”. Przejdź do niego przyciskiem „Następny etap” po zamknięciu naboru.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="279" />
        <source>There are no offers to check.</source>
        <translation>Nie ma ofert do oceny.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="361" />
        <location filename="../../app/ui/pages/formal.py" line="367" />
        <source>Rejection</source>
        <translation>Odrzucenie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="361" />
        <source>Requirement not met:</source>
        <translation>Niespełniony wymóg:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="368" />
        <source>Reason written in the protocol:</source>
        <translation>Uzasadnienie w protokole:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="379" />
        <location filename="../../app/ui/pages/formal.py" line="384" />
        <source>Correction request</source>
        <translation>Wezwanie do uzupełnienia</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="379" />
        <source>What the applicant must correct:</source>
        <translation>Co oferent musi uzupełnić:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="384" />
        <source>Days to correct:</source>
        <translation>Dni na uzupełnienie:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="411" />
        <source>Late offer</source>
        <translation>Oferta po terminie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/formal.py" line="412" />
        <source>Why the late offer is treated as on time (e.g. postal stamp):</source>
        <translation>Dlaczego ofertę uznaje się za złożoną w terminie (np. data stempla pocztowego):</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="307" />
        <source>Import offers: preview</source>
        <translation>Import ofert: podgląd</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="316" />
        <source>%1 offers will be registered. Nothing has been written yet.</source>
        <translation>Zostanie zarejestrowanych ofert: %1. Nic jeszcze nie zapisano.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="323" />
        <source>%1 problems in %2 rows. Nothing will be written: correct the file and import it again.</source>
        <translation>Problemów: %1 w wierszach: %2. Nic nie zostanie zapisane: popraw plik i zaimportuj go ponownie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="335" />
        <source>Rows of the file</source>
        <translation>Wiersze pliku</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="343" />
        <source>&amp;Import</source>
        <translation>&amp;Importuj</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="21" />
        <source>Open competition (art. 15)</source>
        <translation>Otwarty konkurs ofert (art. 15)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="24" />
        <source>Investor selection</source>
        <translation>Wybór inwestora</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="25" />
        <source>Provider selection</source>
        <translation>Wybór usługodawcy</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="31" />
        <source>draft</source>
        <translation>projekt</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="32" />
        <source>announced</source>
        <translation>ogłoszony</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="33" />
        <source>submissions closed</source>
        <translation>nabór zamknięty</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="36" />
        <source>formal check</source>
        <translation>ocena formalna</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="37" />
        <source>scoring</source>
        <translation>ocena merytoryczna</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="38" />
        <source>results</source>
        <translation>wyniki</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="39" />
        <source>signed off</source>
        <translation>zatwierdzony</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="40" />
        <source>archived</source>
        <translation>zarchiwizowany</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="41" />
        <source>cancelled</source>
        <translation>unieważniony</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="67" />
        <source>chair</source>
        <translation>przewodniczący komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="68" />
        <source>secretary</source>
        <translation>sekretarz</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="69" />
        <source>member</source>
        <translation>członek</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="70" />
        <source>advisory expert</source>
        <translation>ekspert z głosem doradczym</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="76" />
        <source>scored by members</source>
        <translation>oceniane przez członków</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="77" />
        <source>formula: lower is better</source>
        <translation>wzór: mniej = lepiej</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="80" />
        <source>formula: higher is better</source>
        <translation>wzór: więcej = lepiej</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="83" />
        <source>bands of a value</source>
        <translation>przedziały wartości</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="84" />
        <source>yes/no</source>
        <translation>tak/nie</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="90" />
        <source>mean</source>
        <translation>średnia</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="91" />
        <source>median</source>
        <translation>mediana</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="97" />
        <source>each criterion</source>
        <translation>każde kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="98" />
        <source>only the total</source>
        <translation>tylko suma</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="104" />
        <source>weighted total</source>
        <translation>suma ważona</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="105" />
        <source>unweighted sum of scores</source>
        <translation>nieważona suma ocen</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="111" />
        <source>more points on a criterion</source>
        <translation>więcej punktów w kryterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="114" />
        <source>more points on the heaviest criterion</source>
        <translation>więcej punktów w kryterium o najwyższej wadze</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="117" />
        <source>lower offer value</source>
        <translation>niższa wartość z oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="118" />
        <source>higher offer value</source>
        <translation>wyższa wartość z oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="119" />
        <source>earlier submission</source>
        <translation>wcześniejsze złożenie oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="127" />
        <source>no allocation (winners only)</source>
        <translation>bez podziału (tylko wybór)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="128" />
        <source>in rank order, stop at the first that does not fit</source>
        <translation>wg rankingu, do pierwszej niemieszczącej się</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="131" />
        <source>in rank order, skip what does not fit</source>
        <translation>wg rankingu, pomijając niemieszczące się</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="134" />
        <source>in rank order, the last gets the remainder</source>
        <translation>wg rankingu, ostatnia dostaje resztę</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="137" />
        <source>full above a score, a percentage below</source>
        <translation>pełne powyżej progu, procent poniżej</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="140" />
        <source>amounts decided by the committee</source>
        <translation>kwoty ustalone przez komisję</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="148" />
        <source>pending</source>
        <translation>w toku</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="149" />
        <source>correction requested</source>
        <translation>wezwano do uzupełnienia</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="152" />
        <source>admitted</source>
        <translation>dopuszczona</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="153" />
        <source>rejected</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="161" />
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="162" />
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="163" />
        <source>n/a</source>
        <translation>nie dotyczy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="65" />
        <source>Screens</source>
        <translation>Ekrany</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="78" />
        <source>Competitions</source>
        <translation>Konkursy</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="79" />
        <source>Call</source>
        <translation>Ogłoszenie</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="80" />
        <source>Criteria and rules</source>
        <translation>Kryteria i zasady</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81" />
        <source>Offers</source>
        <translation>Oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82" />
        <source>Formal check</source>
        <translation>Ocena formalna</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="83" />
        <source>Committee</source>
        <translation>Komisja</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="84" />
        <source>Scoring</source>
        <translation>Ocena merytoryczna</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="85" />
        <source>Results</source>
        <translation>Wyniki</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="86" />
        <source>Protocol</source>
        <translation>Protokół</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="87" />
        <source>Audit trail</source>
        <translation>Dziennik zdarzeń</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="101" />
        <source>Competition status</source>
        <translation>Status konkursu</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115" />
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="116" />
        <source>&amp;New competition…</source>
        <translation>&amp;Nowy konkurs…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="119" />
        <source>Open &amp;evaluator package…</source>
        <translation>Otwórz pakiet &amp;oceniającego…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="122" />
        <source>&amp;Recent competitions</source>
        <translation>&amp;Ostatnie konkursy</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124" />
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128" />
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="132" />
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="133" />
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="135" />
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="140" />
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="147" />
        <source>&amp;Refresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151" />
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152" />
        <source>&amp;Log file</source>
        <translation>Plik &amp;dziennika</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153" />
        <source>&amp;About Komisja</source>
        <translation>&amp;O programie Komisja</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Next &amp;step</source>
        <translation>&amp;Następny etap</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158" />
        <source>Procedure</source>
        <translation>Procedura</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201" />
        <source>No competition open.</source>
        <translation>Nie otwarto konkursu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="212" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="215" />
        <source>Next step (%1) needs: %2</source>
        <translation>Następny etap (%1) wymaga: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219" />
        <source>Ready for the next step: %1</source>
        <translation>Gotowy do następnego etapu: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="247" />
        <source>Open an evaluator package</source>
        <translation>Otwórz pakiet oceniającego</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="249" />
        <source>Evaluator packages (*.komisja)</source>
        <translation>Pakiety oceniającego (*.komisja)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="278" />
        <source>About Komisja</source>
        <translation>O programie Komisja</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="280" />
        <source>Komisja %1 — selection competitions from the call to the signed protocol.</source>
        <translation>Komisja %1 — konkursy od ogłoszenia do podpisanego protokołu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="283" />
        <source>Log file: %1</source>
        <translation>Plik dziennika: %1</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="152" />
        <source>Edit the member</source>
        <translation>Edycja członka komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="152" />
        <source>Add a member</source>
        <translation>Dodaj członka komisji</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="155" />
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="157" />
        <source>Role</source>
        <translation>Funkcja</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="162" />
        <source>Affiliation</source>
        <translation>Reprezentuje</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="163" />
        <source>e.g. the office, an NGO nominee</source>
        <translation>np. urząd, przedstawiciel organizacji pozarządowych</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="165" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="166" />
        <source>&amp;Name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="167" />
        <source>&amp;Role:</source>
        <translation>&amp;Funkcja:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="168" />
        <source>&amp;Affiliation:</source>
        <translation>&amp;Reprezentuje:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="169" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/committee.py" line="171" />
        <source>An advisory expert gives an opinion; the expert's scores never count.</source>
        <translation>Ekspert z głosem doradczym wydaje opinię; jego oceny nigdy nie są liczone.</translation>
    </message>
</context>
<context>
    <name>NewCompetitionDialog</name>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="68" />
        <source>New competition from a template</source>
        <translation>Nowy konkurs z szablonu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="73" />
        <source>Template</source>
        <translation>Szablon</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="75" />
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="77" />
        <source>e.g. Open competition: social activation of older people</source>
        <translation>np. Otwarty konkurs ofert: aktywizacja społeczna osób starszych</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="80" />
        <source>&amp;Template:</source>
        <translation>&amp;Szablon:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="81" />
        <source>T&amp;itle:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="84" />
        <source>The template brings the criteria, the scoring rules and the formal checklist; you can change them until the call is announced.</source>
        <translation>Szablon zawiera kryteria, zasady oceny i listę kontrolną oceny formalnej; można je zmieniać do ogłoszenia konkursu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="104" />
        <source>Open competition for offers</source>
        <translation>Otwarty konkurs ofert</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="105" />
        <source>Selection of the investor (social impact bond)</source>
        <translation>Wybór inwestora (obligacje społeczne)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/competitions.py" line="107" />
        <source>Selection of the service provider (social impact bond)</source>
        <translation>Wybór usługodawcy (obligacje społeczne)</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="100" />
        <source>Edit the offer</source>
        <translation>Edycja oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="100" />
        <source>Add an offer</source>
        <translation>Dodaj ofertę</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="106" />
        <source>assigned automatically (O1, O2, …)</source>
        <translation>nadawany automatycznie (O1, O2, …)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="109" />
        <source>e.g. foundation, association</source>
        <translation>np. fundacja, stowarzyszenie</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="123" />
        <source>e.g. 45 000,00</source>
        <translation>np. 45 000,00</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="126" />
        <source>&amp;Code:</source>
        <translation>&amp;Kod:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="126" />
        <source>Offer code</source>
        <translation>Kod oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="127" />
        <source>&amp;Applicant:</source>
        <translation>&amp;Oferent:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="127" />
        <source>Applicant</source>
        <translation>Oferent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="128" />
        <source>&amp;Legal form:</source>
        <translation>&amp;Forma prawna:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="128" />
        <source>Legal form</source>
        <translation>Forma prawna</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="129" />
        <source>&amp;NIP:</source>
        <translation>&amp;NIP:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="130" />
        <source>&amp;REGON:</source>
        <translation>&amp;REGON:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="131" />
        <source>&amp;KRS:</source>
        <translation>&amp;KRS:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="132" />
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="132" />
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="133" />
        <source>Contact person:</source>
        <translation>Osoba kontaktowa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="133" />
        <source>Contact person</source>
        <translation>Osoba kontaktowa</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="134" />
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="134" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="135" />
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="135" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="136" />
        <source>&amp;Title of the task:</source>
        <translation>&amp;Tytuł zadania:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="136" />
        <source>Title of the task</source>
        <translation>Tytuł zadania</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="137" />
        <source>Received &amp;on:</source>
        <translation>&amp;Data wpływu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="137" />
        <source>Received on</source>
        <translation>Data wpływu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="138" />
        <source>Requested &amp;amount (PLN):</source>
        <translation>&amp;Kwota wnioskowana (zł):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="138" />
        <source>Requested amount</source>
        <translation>Kwota wnioskowana</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="147" />
        <source>Figure “%1”:</source>
        <translation>Wartość „%1”:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="196" />
        <source>The applicant's name is required.</source>
        <translation>Nazwa oferenta jest wymagana.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="222" />
        <source>Give the requested amount in złoty, e.g. 45 000,00 (at most 2 decimals).</source>
        <translation>Podaj kwotę wnioskowaną w złotych, np. 45 000,00 (najwyżej 2 miejsca po przecinku).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="227" />
        <source>“%1” must be a number.</source>
        <translation>„%1” musi być liczbą.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="269" />
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
</context>
<context>
    <name>OffersPage</name>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="664" />
        <source>Add offer %1</source>
        <translation>dodanie oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="683" />
        <source>Edit offer %1</source>
        <translation>zmianę oferty %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="456" />
        <source>Filter by applicant, NIP, title, code…</source>
        <translation>Filtruj po oferencie, NIP, tytule, kodzie…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="457" />
        <source>Filter offers</source>
        <translation>Filtruj oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="460" />
        <source>Formal status filter</source>
        <translation>Filtr wyniku oceny formalnej</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="461" />
        <source>All statuses</source>
        <translation>Wszystkie statusy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="464" />
        <source>&amp;Add offer…</source>
        <translation>&amp;Dodaj ofertę…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="465" />
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="466" />
        <source>&amp;Import from XLSX/CSV…</source>
        <translation>&amp;Importuj z XLSX/CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="467" />
        <source>Attach&amp;ments…</source>
        <translation>&amp;Załączniki…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="478" />
        <source>Offers</source>
        <translation>Oferty</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="518" />
        <source>%1 of %2 offers shown</source>
        <translation>Widoczne oferty: %1 z %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="545" />
        <source>Offers are registered after the call is announced and until the formal check ends; in this status the list can be read but not changed.</source>
        <translation>Oferty rejestruje się od ogłoszenia konkursu do końca oceny formalnej; na tym etapie listę można przeglądać, ale nie zmieniać.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="551" />
        <source>No offers yet. Add them one by one or import a list from XLSX or CSV.</source>
        <translation>Nie ma jeszcze ofert. Dodaj je pojedynczo lub zaimportuj listę z pliku XLSX albo CSV.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="602" />
        <source>Import offers</source>
        <translation>Import ofert</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="604" />
        <source>Offer lists (*.xlsx *.csv)</source>
        <translation>Listy ofert (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="616" />
        <source>Reading %1…</source>
        <translation>Odczyt pliku %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="629" />
        <source>Registering offers…</source>
        <translation>Rejestrowanie ofert…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/offers.py" line="633" />
        <source>Reading the offer list…</source>
        <translation>Odczyt listy ofert…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="21" />
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="25" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="26" />
        <source>First name and surname</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="29" />
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="33" />
        <source>&amp;Operator:</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="34" />
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="37" />
        <source>Every change is recorded in the audit trail with the operator's name. A new language applies at once.</source>
        <translation>Każda zmiana trafia do dziennika zdarzeń wraz z nazwiskiem operatora. Nowy język obowiązuje od razu.</translation>
    </message>
</context>
<context>
    <name>ShellPage</name>
    <message>
        <location filename="../../app/ui/widgets/page.py" line="84" />
        <source>Open a competition on the Competitions screen first.</source>
        <translation>Najpierw otwórz konkurs na ekranie „Konkursy”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/page.py" line="0" />
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
</context>
</TS>