# Die Ziele: Status, das Diagramm im Zeitverlauf (Beschriftungen, Legende,
# Textalternative), seine Datentabelle und die Kohorten im Vergleich.

goals-status-reached = erreicht
goals-status-on-track = im Plan
goals-status-behind = im Rückstand
goals-status-no-data = keine Daten
goals-status-too-early = zu früh

goals-month = { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
}
goals-chart-baseline = Ausgangswert { $value }
goals-chart-target = Ziel { $value }
# $month ist Monat und Jahr: "Februar 2027".
goals-chart-target-by = Ziel { $value } bis { $month }
goals-summary-baseline = Ausgangswert { $value } am { $date }
goals-summary-target = Ziel { $value }
goals-summary-target-by = Ziel { $value } bis { $date }
goals-summary-result = { $value } am { $date }
goals-summary-results = Ergebnisse: { $results }
goals-summary-no-results = noch keine Ergebnisse
goals-summary-expected = erwartet am { $date }: { $value }
goals-summary-status = Status: { $status }
goals-bar-label = { $title }: { $percent } des Wegs vom Ausgangswert zum Ziel

goals-key-results = Ergebnisse
goals-key-baseline = Ausgangswert
goals-key-baseline-on = Ausgangswert ({ $date })
goals-key-target = Ziel
goals-key-expected = erwarteter Verlauf bis { $date }
goals-computed = Am Ende jedes Monats aus dem Sitzungsprotokoll berechnet ({ $source }).
goals-results-caption = Ergebnisse
goals-results-caption-unit = Ergebnisse ({ $unit })
goals-col-date = Datum
goals-col-value = Wert
goals-col-expected = Erwartet
goals-row-baseline = Ausgangswert
goals-row-target = Ziel
goals-no-results = Noch keine Ergebnisse ({ $status }).
goals-target-by = bis { $date }

goals-cohorts-heading = Kohorten im Vergleich
goals-cohorts-caption = Kohorten: begonnene und beendete Paare und wie oft sie sich trafen, Stand { $date }
goals-cohorts-col-cohort = Kohorte
goals-cohorts-col-started = Begonnen
goals-cohorts-col-completed = Abgeschlossen
goals-cohorts-col-withdrawn = Abgebrochen
goals-cohorts-col-early-ending = Abbruchquote
goals-cohorts-col-sessions = Sitzungen pro Paar
goals-cohorts-col-three = Mit 3+ Sitzungen
goals-cohorts-not-started = { $n ->
    [one] ({ $n } Paar noch nicht begonnen)
   *[other] ({ $n } Paare noch nicht begonnen)
}
