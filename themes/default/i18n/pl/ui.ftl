# Słowa domyślnego motywu po polsku. Liczebniki: one (1), few (2–4, 22–24…),
# many (0, 5–21, 25…), other (ułamki). Daty i liczby przychodzą już
# w polskim zapisie.

## Ramka strony (base.html)
ui-skip-to-content = Przejdź do treści
ui-table = Tabela
ui-menu = Menu
ui-nav-sections = Działy
ui-breadcrumb = Ścieżka nawigacji
ui-draft = Szkic.
ui-draft-notice = { $kind ->
    [roster] Budowany tylko z opcją --drafts, nigdy nie publikowany; jego pary to propozycje, nieliczone w żadnym wskaźniku, panelu ani eksporcie.
    [pair] Budowana tylko z opcją --drafts, nigdy nie publikowana; ta para to propozycja, nieliczona w żadnym wskaźniku, panelu ani eksporcie.
   *[other] Budowana tylko z opcją --drafts, nigdy nie publikowana.
}
ui-on-this-page = Na tej stronie
ui-last-updated = Ostatnia zmiana:
ui-edit-page = Edytuj tę stronę
ui-prev-next = Poprzednia i następna
ui-previous = Poprzednia
ui-next = Następna
ui-footer-as-of = Postępy na dzień
ui-built-with = Zbudowano programem mentorbook

## Nawigacja i tytuły stron
ui-home = Strona główna
ui-progress = Postępy
ui-progress-description = Pary, edycje, kroki wdrożenia i cele na dzień { $date }.
ui-people = Osoby
ui-not-found-title = Nie ma takiej strony
ui-not-found-text = Pod tym adresem nie ma strony. Mogła zostać przeniesiona przy porządkowaniu podręcznika.
ui-not-found-home = Przejdź na stronę główną
ui-not-found-search = albo skorzystaj z wyszukiwarki powyżej.
ui-in-this-section = W tym dziale
ui-see-progress = Zobacz postępy wszystkich par
ui-see-program-progress = Zobacz postępy par w tym programie
ui-print-playbook = Wydrukuj cały podręcznik
ui-moved = Ta strona została przeniesiona:

## Liczby i wskaźniki
ui-pairs-count = { $n ->
    [one] { $n } para
    [few] { $n } pary
    [many] { $n } par
   *[other] { $n } pary
}
ui-minutes-count = { $n ->
    [one] { $n } minuta
    [few] { $n } minuty
    [many] { $n } minut
   *[other] { $n } minuty
}
ui-minutes-short = { $n } min
ui-percent = { $n }%
ui-x-of-y = { $done } z { $total }
ui-sessions-held-of = { $total ->
    [one] { $held } z { $total } spotkania odbyte
    [few] { $held } z { $total } spotkań odbytych
    [many] { $held } z { $total } spotkań odbytych
   *[other] { $held } z { $total } spotkań odbytych
}
ui-figure-pairs = Pary
ui-figure-meeting-now = { $n ->
    [one] w tym { $n } aktywna
    [few] w tym { $n } aktywne
    [many] w tym { $n } aktywnych
   *[other] w tym { $n } aktywnej
}
ui-figure-sessions-held = Odbyte spotkania
ui-figure-as-of = na dzień { $date }
ui-figure-on-track = Zgodnie z planem
ui-figure-on-track-note = { $total ->
    [one] { $n } z { $total } spotykającej się pary
    [few] { $n } z { $total } spotykających się par
    [many] { $n } z { $total } spotykających się par
   *[other] { $n } z { $total } spotykających się par
}
ui-figure-steps-done = Wykonane kroki wdrożenia
ui-figure-goals-reached = Osiągnięte cele

## Statusy
ui-pair-status-not-started = nierozpoczęta
ui-pair-status-on-track = zgodnie z planem
ui-pair-status-at-risk = zagrożona
ui-pair-status-stalled = w zastoju
ui-pair-status-ended = po terminie
ui-pair-status-paused = wstrzymana
ui-pair-status-completed = ukończona
ui-pair-status-withdrawn = wycofana
ui-session-status-held = odbyte
ui-session-status-planned = zaplanowane
ui-session-status-cancelled = odwołane
ui-session-status-missed = nieodbyte
ui-step-status-todo = do zrobienia
ui-step-status-doing = w toku
ui-step-status-done = zrobione
## Rytm spotkań
ui-cadence = { $kind ->
    [weekly] co tydzień
    [biweekly] co dwa tygodnie
    [monthly] co miesiąc
   *[days] { $n ->
        [one] codziennie
        [few] co { $n } dni
        [many] co { $n } dni
       *[other] co { $n } dni
    }
}
ui-meets = spotkania { $cadence }
ui-from-date = od { $date }
ui-to-date = do { $date }
ui-date-range = { $start } – { $end }
ui-open-end = bez daty końca

## Tabele
ui-col-pair = Para
ui-col-cohort = Edycja
ui-col-status = Status
ui-col-held = Odbyte
ui-col-expected = Oczekiwane do dziś
ui-col-last-met = Ostatnie spotkanie
ui-col-next = Następne
ui-col-goal = Cel
ui-col-baseline = Punkt wyjścia
ui-col-target = Cel liczbowy
ui-col-latest = Ostatni wynik
ui-col-progress = Postęp
ui-col-step = Krok
ui-col-title = Tytuł
ui-col-owner = Odpowiada
ui-col-due = Termin
ui-col-checklist = Lista kontrolna
ui-col-minutes = Minuty
ui-col-item = Punkt
ui-col-name = Imię i nazwisko
ui-col-role = Stanowisko
ui-col-team = Zespół
ui-col-reports-to = Przełożony
ui-col-pairs = Pary
ui-col-email = E-mail
ui-col-as = Rola
ui-col-with = Z kim
ui-col-next-session = Następne spotkanie
ui-col-guide = Przewodnik
ui-col-done = Zrobione
ui-col-doing = W toku
ui-col-todo = Do zrobienia
ui-col-overdue = Po terminie
ui-pair-title = { $mentor } i { $mentee }
ui-in-plan = z { $n } w planie
ui-due-by = najpóźniej
ui-overdue = po terminie
ui-pairs-in = Pary w edycji { $cohort }

## Cele
ui-goals = Cele
ui-goals-caption = Cele: punkt wyjścia, cel liczbowy i ostatni wynik
ui-results = Wyniki
ui-results-of = Wyniki: { $goal }
## Przewodniki i kroki
ui-steps = Kroki
ui-launch-checklist = Lista kroków wdrożenia
ui-step-in-guide = w przewodniku
ui-checklist-done = zrobione { $done } z { $total }
ui-steps-done = { $total ->
    [one] { $done } z { $total } kroku zrobione
    [few] { $done } z { $total } kroków zrobione
    [many] { $done } z { $total } kroków zrobione
   *[other] { $done } z { $total } kroków zrobione
}
ui-overdue-count = po terminie: { $n }
ui-checklist-progress = lista kontrolna { $done } z { $total }
ui-steps-done-label = Zrobione kroki
ui-guide-steps-done = { $guide }: zrobione kroki

## Spotkania
ui-duration = Czas trwania
ui-week = Tydzień
ui-session = Spotkanie
ui-used-by = Używane przez
ui-agenda = Plan spotkania
ui-agenda-of = Plan spotkania: { $title }
ui-minutes-in-all = { $n ->
    [one] minuta łącznie
    [few] minuty łącznie
    [many] minut łącznie
   *[other] minuty łącznie
}
ui-prepare = Przygotuj
ui-prompts = Pytania do rozmowy

## Strona pary
ui-next-meeting = Następne spotkanie
ui-nothing-planned-overdue = Nic jeszcze nie zaplanowano: kolejne spotkanie jest zaległe od
ui-nothing-planned-due = Nic jeszcze nie zaplanowano: kolejne spotkanie powinno się odbyć do
ui-time-zone = (czas: { $zone })
ui-join-call = Dołącz do rozmowy wideo
ui-next-in-series = Następne w cyklu
ui-add-to-calendar = Dodaj do kalendarza
ui-calendar-pair-all = (wszystkie spotkania tej pary jako plik .ics)
ui-calendar-pair = (plik .ics z zaplanowanymi i odbytymi spotkaniami)
ui-calendar-person = (plik .ics ze spotkaniami wszystkich par tej osoby: { $name })
ui-mentor = Mentor
ui-mentee = Mentee
ui-side-mentor = mentor
ui-side-mentee = mentee
ui-pair-ended = Ta para zakończyła współpracę { $date }, ale nikt jej jeszcze nie zamknął: ustaw jej status na completed lub withdrawn.
ui-edit = edytuj
ui-expected-now = { $n ->
    [one] { $n } oczekiwane do dziś
    [few] { $n } oczekiwane do dziś
    [many] { $n } oczekiwanych do dziś
   *[other] { $n } oczekiwanych do dziś
}
ui-bar-of-plan = { $total ->
    [one] { $held } z { $total } zaplanowanego spotkania odbyte
    [few] { $held } z { $total } zaplanowanych spotkań odbytych
    [many] { $held } z { $total } zaplanowanych spotkań odbytych
   *[other] { $held } z { $total } zaplanowanych spotkań odbytych
}
ui-bar-of-expected = { $total ->
    [one] { $held } z { $total } oczekiwanego do dziś spotkania odbyte
    [few] { $held } z { $total } oczekiwanych do dziś spotkań odbytych
    [many] { $held } z { $total } oczekiwanych do dziś spotkań odbytych
   *[other] { $held } z { $total } oczekiwanych do dziś spotkań odbytych
}
ui-expected-note = (pierwsze w dniu startu, potem { $cadence })
ui-in-the-plan = W planie
ui-start-to-end = (od startu do końca)
ui-planned = Zaplanowane
ui-confidential = Ta para jest poufna: jej tematy, cele i notatki nie są publikowane.
ui-topics = Tematy
ui-done = zrobione
ui-not-done = niezrobione
ui-sessions = Spotkania
ui-was-it-held = termin minął: czy się odbyło?
ui-after-end = po zakończeniu współpracy
ui-video-call = rozmowa wideo
ui-no-sessions = Nie zapisano jeszcze żadnego spotkania.
ui-notes = Notatki

## Osoby
ui-people-caption = Osoby w programie
ui-reports-to = Przełożony
ui-reports = Podwładni
ui-email = E-mail
ui-pairs = Pary
ui-persons-pairs = Pary: { $name }
ui-persons-pairs-as-of = Pary: { $name }, stan na { $date }
ui-draft-mark = (szkic)
ui-not-in-pair = Jeszcze w żadnej parze.

## Wydruk
ui-as-of = stan na
ui-print-hint = Cały podręcznik na jednej stronie: wydrukuj go albo zapisz jako PDF poleceniem drukowania w przeglądarce. Nie ma tu par i ich postępów: są w panelu postępów.
ui-dashboard = Otwórz panel postępów
ui-contents = Spis treści
ui-print-left-out = { $n ->
    [one] Podręcznik jest za długi, by wydrukować go w całości: { $n } kolejną stronę można wydrukować osobno.
    [few] Podręcznik jest za długi, by wydrukować go w całości: { $n } kolejne strony można wydrukować osobno.
    [many] Podręcznik jest za długi, by wydrukować go w całości: { $n } kolejnych stron można wydrukować osobno.
   *[other] Podręcznik jest za długi, by wydrukować go w całości: { $n } kolejnej strony można wydrukować osobno.
}

## Panel postępów
ui-download = Pobierz:
ui-download-every-program = Pobierz pary wszystkich programów (z kolumną programu):
ui-needs-update = Do uzupełnienia
ui-needs-update-text = Data stanu wyprzedziła pliki tych par: spotkanie wciąż zaplanowane po swoim terminie (czy się odbyło? ustaw status held, cancelled lub missed) albo para po dacie końca (ustaw status completed lub withdrawn).
ui-ended-unmarked = koniec { $date }, jeszcze nie oznaczona jako completed ani withdrawn
ui-still-planned-on = wciąż zaplanowane na
ui-launch-steps = Kroki wdrożenia
ui-launch-guides = Przewodniki wdrożenia

## Ramki (> [!NOTE] ...)
ui-callout-note = Uwaga
ui-callout-tip = Wskazówka
ui-callout-important = Ważne
ui-callout-warning = Ostrzeżenie
ui-callout-caution = Ostrożnie

## Pliki kalendarza (.ics)
ui-ics-calendar = Mentoring: { $name }
ui-ics-session = Mentoring: { $title } ({ $who })
ui-ics-session-untitled = Spotkanie mentoringowe ({ $who })
ui-ics-guide = Scenariusz spotkania: { $url }
ui-ics-pair-page = Strona pary: { $url }

## Podgląd (serve)
ui-overlay-title = Ostatnia zmiana się nie zbudowała
ui-overlay-text = Widzisz ostatnią poprawną wersję. Popraw poniższe błędy i zapisz; strona odświeży się sama.
ui-overlay-close = Zamknij
ui-heading-link = Link do tej sekcji: { $title }

## Kilka programów w jednej witrynie
ui-programs = Programy
ui-programs-caption = Pary każdego programu na dzień { $date }
ui-col-program = Program
ui-col-attention = Wymagają uwagi
ui-col-dashboard = Pulpit
ui-program-progress = { $program }: postępy

## Light pages: attention pages, pagers, people by initial
ui-attention = Pary wymagające uwagi
ui-attention-text = Najpierw w zastoju, potem zagrożone, potem po terminie (do zamknięcia), potem te, których dziennik wymaga uzupełnienia, każda grupa według tego, jak dawno się spotkały. Każda para jest na stronie swojej edycji.
ui-attention-none = Żadna para nie wymaga uwagi.
ui-attention-more = Pokazano { $shown } najpilniejszych z { $total }: zobacz wszystkie pary wymagające uwagi ({ $total })
ui-attention-page = Pary wymagające uwagi, strona { $page } z { $pages }
ui-back-to-progress = Powrót do panelu
ui-pages = Strony
ui-page-of = Strona { $page } z { $pages }
ui-page-prev = Poprzednia strona
ui-page-next = Następna strona
ui-calendar-cohort = kalendarz spotkań tej edycji (.ics)
ui-people-initials = Osoby według pierwszej litery
ui-people-initial = Osoby: { $initial }
ui-people-initial-page = Osoby: { $initial }, strona { $page } z { $pages }
ui-people-other = Inne
ui-people-total = { $n ->
    [one] { $n } osoba
    [few] { $n } osoby
    [many] { $n } osób
   *[other] { $n } osoby
}
ui-page-of-title = { $title }, strona { $page } z { $pages }
