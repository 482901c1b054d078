# Die Wörter des Standard-Themes auf Deutsch. Daten und Zahlen kommen
# bereits im deutschen Format an (1. Dezember 2026, 3,5).

## Seitenrahmen (base.html)
ui-skip-to-content = Zum Inhalt springen
ui-table = Tabelle
ui-menu = Menü
ui-nav-sections = Bereiche
ui-breadcrumb = Brotkrumennavigation
ui-draft = Entwurf.
ui-draft-notice = { $kind ->
    [roster] Nur mit --drafts gebaut, nie veröffentlicht; seine Paare sind Vorschläge und zählen in keiner Kennzahl, keiner Übersicht und keinem Export.
    [pair] Nur mit --drafts gebaut, nie veröffentlicht; dieses Paar ist ein Vorschlag und zählt in keiner Kennzahl, keiner Übersicht und keinem Export.
   *[other] Nur mit --drafts gebaut, nie veröffentlicht.
}
ui-on-this-page = Auf dieser Seite
ui-last-updated = Zuletzt geändert am
ui-edit-page = Diese Seite bearbeiten
ui-prev-next = Vorherige und nächste Seite
ui-previous = Zurück
ui-next = Weiter
ui-footer-as-of = Fortschritt mit Stand vom
ui-built-with = Erstellt mit mentorbook

## Navigation und Seitentitel
ui-home = Startseite
ui-progress = Fortschritt
ui-progress-description = Paare, Kohorten, Einführungsschritte und Ziele, Stand { $date }.
ui-people = Personen
ui-not-found-title = Seite nicht gefunden
ui-not-found-text = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie beim Umbau des Handbuchs verschoben.
ui-not-found-home = Zur Startseite
ui-not-found-search = oder oben suchen.
ui-in-this-section = In diesem Bereich
ui-see-progress = Fortschritt aller Paare ansehen
ui-see-program-progress = Fortschritt der Paare dieses Programms ansehen
ui-print-playbook = Das ganze Handbuch drucken
ui-moved = Diese Seite ist umgezogen:

## Zahlen und Kennzahlen
ui-pairs-count = { $n ->
    [one] { $n } Paar
   *[other] { $n } Paare
}
ui-minutes-count = { $n ->
    [one] { $n } Minute
   *[other] { $n } Minuten
}
ui-minutes-short = { $n } Min.
ui-percent = { $n } %
ui-x-of-y = { $done } von { $total }
ui-sessions-held-of = { $held } von { $total } Terminen stattgefunden
ui-figure-pairs = Paare
ui-figure-meeting-now = davon { $n } aktiv
ui-figure-sessions-held = Stattgefundene Termine
ui-figure-as-of = Stand { $date }
ui-figure-on-track = Im Plan
ui-figure-on-track-note = { $total ->
    [one] { $n } von { $total } aktiven Paar
   *[other] { $n } von { $total } aktiven Paaren
}
ui-figure-steps-done = Erledigte Startschritte
ui-figure-goals-reached = Erreichte Ziele

## Status
ui-pair-status-not-started = nicht begonnen
ui-pair-status-on-track = im Plan
ui-pair-status-at-risk = gefährdet
ui-pair-status-stalled = ins Stocken geraten
ui-pair-status-ended = abgelaufen
ui-pair-status-paused = pausiert
ui-pair-status-completed = abgeschlossen
ui-pair-status-withdrawn = zurückgezogen
ui-session-status-held = stattgefunden
ui-session-status-planned = geplant
ui-session-status-cancelled = abgesagt
ui-session-status-missed = verpasst
ui-step-status-todo = offen
ui-step-status-doing = in Arbeit
ui-step-status-done = erledigt
## Rhythmus
ui-cadence = { $kind ->
    [weekly] wöchentlich
    [biweekly] alle zwei Wochen
    [monthly] monatlich
   *[days] { $n ->
        [one] täglich
       *[other] alle { $n } Tage
    }
}
ui-meets = trifft sich { $cadence }
ui-from-date = ab { $date }
ui-to-date = bis { $date }
ui-date-range = { $start } bis { $end }
ui-open-end = offenes Ende

## Tabellen
ui-col-pair = Paar
ui-col-cohort = Jahrgang
ui-col-status = Status
ui-col-held = Stattgefunden
ui-col-expected = Bis heute erwartet
ui-col-last-met = Zuletzt getroffen
ui-col-next = Nächster Termin
ui-col-goal = Ziel
ui-col-baseline = Ausgangswert
ui-col-target = Zielwert
ui-col-latest = Letzter Wert
ui-col-progress = Fortschritt
ui-col-step = Schritt
ui-col-title = Titel
ui-col-owner = Verantwortlich
ui-col-due = Fällig
ui-col-checklist = Checkliste
ui-col-minutes = Minuten
ui-col-item = Punkt
ui-col-name = Name
ui-col-role = Funktion
ui-col-team = Team
ui-col-reports-to = Vorgesetzte Person
ui-col-pairs = Paare
ui-col-email = E-Mail
ui-col-as = Als
ui-col-with = Mit
ui-col-next-session = Nächster Termin
ui-col-guide = Leitfaden
ui-col-done = Erledigt
ui-col-doing = In Arbeit
ui-col-todo = Offen
ui-col-overdue = Überfällig
ui-pair-title = { $mentor } und { $mentee }
ui-in-plan = von { $n } im Plan
ui-due-by = fällig bis
ui-overdue = überfällig
ui-pairs-in = Paare in { $cohort }

## Ziele
ui-goals = Ziele
ui-goals-caption = Ziele: Ausgangswert, Zielwert und letztes Ergebnis
ui-results = Ergebnisse
ui-results-of = Ergebnisse: { $goal }
## Leitfäden und Schritte
ui-steps = Schritte
ui-launch-checklist = Checkliste für den Start
ui-step-in-guide = von
ui-checklist-done = { $done } von { $total } erledigt
ui-steps-done = { $total ->
    [one] { $done } von { $total } Schritt erledigt
   *[other] { $done } von { $total } Schritten erledigt
}
ui-overdue-count = { $n } überfällig
ui-checklist-progress = Checkliste { $done } von { $total }
ui-steps-done-label = Erledigte Schritte
ui-guide-steps-done = { $guide }: erledigte Schritte

## Termine
ui-duration = Dauer
ui-week = Woche
ui-session = Termin
ui-used-by = Verwendet von
ui-agenda = Ablauf
ui-agenda-of = Ablauf: { $title }
ui-minutes-in-all = { $n ->
    [one] Minute insgesamt
   *[other] Minuten insgesamt
}
ui-prepare = Vorbereitung
ui-prompts = Gesprächsimpulse

## Paarseiten
ui-next-meeting = Nächstes Treffen
ui-nothing-planned-overdue = Noch nichts geplant: Ein Termin ist fällig seit
ui-nothing-planned-due = Noch nichts geplant: Ein Termin ist fällig bis
ui-time-zone = (Zeitzone { $zone })
ui-join-call = Zum Videoanruf
ui-next-in-series = Als Nächstes in der Reihe
ui-add-to-calendar = Zum Kalender hinzufügen
ui-calendar-pair-all = (alle Termine dieses Paares als .ics-Datei)
ui-calendar-pair = (eine .ics-Datei der geplanten und stattgefundenen Termine)
ui-calendar-person = (eine .ics-Datei mit den Terminen aller Paare von { $name })
ui-mentor = Mentor:in
ui-mentee = Mentee
ui-side-mentor = Mentor:in
ui-side-mentee = Mentee
ui-pair-ended = Dieses Tandem endete am { $date }, wurde aber noch nicht abgeschlossen: Setze seinen Status auf completed oder withdrawn.
ui-edit = bearbeiten
ui-expected-now = { $n } bis heute erwartet
ui-bar-of-plan = { $held } von { $total } geplanten Terminen stattgefunden
ui-bar-of-expected = { $held } von { $total } bis heute erwarteten Terminen stattgefunden
ui-expected-note = (der erste am Startdatum, dann { $cadence })
ui-in-the-plan = Im Plan
ui-start-to-end = (vom Start bis zum Ende)
ui-planned = Geplant
ui-confidential = Dieses Paar ist vertraulich: Themen, Ziele und Notizen werden nicht veröffentlicht.
ui-topics = Themen
ui-done = erledigt
ui-not-done = nicht erledigt
ui-sessions = Termine
ui-was-it-held = Datum verstrichen: Hat er stattgefunden?
ui-after-end = nach dem Ende des Tandems
ui-video-call = Videoanruf
ui-no-sessions = Noch keine Termine erfasst.
ui-notes = Notizen

## Personen
ui-people-caption = Personen im Programm
ui-reports-to = Berichtet an
ui-reports = Mitarbeitende
ui-email = E-Mail
ui-pairs = Paare
ui-persons-pairs = Paare von { $name }
ui-persons-pairs-as-of = Paare von { $name }, Stand { $date }
ui-draft-mark = (Entwurf)
ui-not-in-pair = Noch in keinem Paar.

## Druckseite
ui-as-of = Stand
ui-print-hint = Das ganze Handbuch auf einer Seite: Drucke es oder speichere es als PDF mit dem Druckbefehl deines Browsers. Paare und ihr Fortschritt sind nicht enthalten: Sie stehen in der Übersicht.
ui-dashboard = Zur Übersicht
ui-contents = Inhalt
ui-print-left-out = { $n ->
    [one] Das Handbuch ist zu lang für einen Ausdruck: { $n } weitere Seite lässt sich einzeln drucken.
   *[other] Das Handbuch ist zu lang für einen Ausdruck: { $n } weitere Seiten lassen sich einzeln drucken.
}

## Fortschrittsübersicht
ui-download = Herunterladen:
ui-download-every-program = Paare aller Programme herunterladen (mit einer Programmspalte):
ui-needs-update = Zu aktualisieren
ui-needs-update-text = Das Stichtagsdatum hat die Dateien dieser Paare überholt: ein Termin, der nach seinem Datum noch geplant ist (hat er stattgefunden? Setze seinen Status auf held, cancelled oder missed), oder ein Paar nach seinem Enddatum (setze seinen Status auf completed oder withdrawn).
ui-ended-unmarked = abgelaufen am { $date }, noch nicht als completed oder withdrawn markiert
ui-still-planned-on = noch geplant am
ui-launch-steps = Startschritte
ui-launch-guides = Startleitfäden

## Hinweiskästen (> [!NOTE] ...)
ui-callout-note = Hinweis
ui-callout-tip = Tipp
ui-callout-important = Wichtig
ui-callout-warning = Warnung
ui-callout-caution = Vorsicht

## Kalenderdateien (.ics)
ui-ics-calendar = Mentoring: { $name }
ui-ics-session = Mentoring: { $title } ({ $who })
ui-ics-session-untitled = Mentoring-Termin ({ $who })
ui-ics-guide = Leitfaden für den Termin: { $url }
ui-ics-pair-page = Seite des Paares: { $url }

## Vorschau (serve)
ui-overlay-title = Die letzte Änderung ließ sich nicht bauen
ui-overlay-text = Du siehst die letzte funktionierende Version. Behebe die Probleme unten und speichere; die Seite lädt sich dann selbst neu.
ui-overlay-close = Schließen
ui-heading-link = Link zu diesem Abschnitt: { $title }

## Mehrere Programme auf einer Website
ui-programs = Programme
ui-programs-caption = Die Paare jedes Programms, Stand { $date }
ui-col-program = Programm
ui-col-attention = Brauchen Aufmerksamkeit
ui-col-dashboard = Übersicht
ui-program-progress = { $program }: Fortschritt

## Light pages: attention pages, pagers, people by initial
ui-attention = Paare, die Aufmerksamkeit brauchen
ui-attention-text = Ins Stocken geratene, dann gefährdete, dann abgelaufene (zum Abschließen), dann solche, deren Protokoll eine Aktualisierung braucht, jeweils danach, wie lange ihr letztes Treffen her ist. Jedes Paar steht auf der Seite seiner Kohorte.
ui-attention-none = Kein Paar braucht Aufmerksamkeit.
ui-attention-more = Die { $shown } dringendsten von { $total } werden gezeigt: alle { $total } Paare ansehen, die Aufmerksamkeit brauchen
ui-attention-page = Paare, die Aufmerksamkeit brauchen, Seite { $page } von { $pages }
ui-back-to-progress = Zurück zum Dashboard
ui-pages = Seiten
ui-page-of = Seite { $page } von { $pages }
ui-page-prev = Vorherige Seite
ui-page-next = Nächste Seite
ui-calendar-cohort = Kalender der Termine dieser Kohorte (.ics)
ui-people-initials = Personen nach Anfangsbuchstabe
ui-people-initial = Personen: { $initial }
ui-people-initial-page = Personen: { $initial }, Seite { $page } von { $pages }
ui-people-other = Andere
ui-people-total = { $n ->
    [one] { $n } Person
   *[other] { $n } Personen
}
ui-page-of-title = { $title }, Seite { $page } von { $pages }
