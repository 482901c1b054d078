# Cele: statusy, wykres w czasie (etykiety, legenda, opis tekstowy),
# tabela danych i porównanie kohort. Liczby: one (1), few (2-4, 22-24...),
# many (5-21, 25...), other (ułamki).

goals-status-reached = osiągnięty
goals-status-on-track = zgodnie z planem
goals-status-behind = opóźniony
goals-status-no-data = brak danych
goals-status-too-early = za wcześnie

goals-month = { $month ->
    [1] sty
    [2] lut
    [3] mar
    [4] kwi
    [5] maj
    [6] cze
    [7] lip
    [8] sie
    [9] wrz
    [10] paź
    [11] lis
   *[12] gru
}
goals-chart-baseline = punkt wyjścia { $value }
goals-chart-target = cel { $value }
# $month to miesiąc w mianowniku z rokiem: "luty 2027".
goals-chart-target-by = cel { $value } (termin: { $month })
goals-summary-baseline = punkt wyjścia { $value } ({ $date })
goals-summary-target = cel { $value }
goals-summary-target-by = cel { $value } do { $date }
goals-summary-result = { $value } ({ $date })
goals-summary-results = wyniki: { $results }
goals-summary-no-results = brak wyników
goals-summary-expected = wartość oczekiwana na { $date }: { $value }
goals-summary-status = status: { $status }
goals-bar-label = { $title }: { $percent } drogi od punktu wyjścia do celu

goals-key-results = wyniki
goals-key-baseline = punkt wyjścia
goals-key-baseline-on = punkt wyjścia ({ $date })
goals-key-target = cel
goals-key-expected = oczekiwana ścieżka do { $date }
goals-computed = Obliczane z dziennika spotkań na koniec każdego miesiąca ({ $source }).
goals-results-caption = Wyniki
goals-results-caption-unit = Wyniki ({ $unit })
goals-col-date = Data
goals-col-value = Wartość
goals-col-expected = Oczekiwana
goals-row-baseline = punkt wyjścia
goals-row-target = cel
goals-no-results = Brak wyników ({ $status }).
goals-target-by = do { $date }

goals-cohorts-heading = Porównanie kohort
goals-cohorts-caption = Kohorty: pary rozpoczęte i zakończone oraz liczba spotkań, stan na { $date }
goals-cohorts-col-cohort = Kohorta
goals-cohorts-col-started = Rozpoczęte
goals-cohorts-col-completed = Ukończone
goals-cohorts-col-withdrawn = Wycofane
goals-cohorts-col-early-ending = Odsetek przerwanych
goals-cohorts-col-sessions = Spotkania na parę
goals-cohorts-col-three = Z co najmniej 3 spotkaniami
goals-cohorts-not-started = { $n ->
    [one] ({ $n } para jeszcze nie zaczęła)
    [few] ({ $n } pary jeszcze nie zaczęły)
    [many] ({ $n } par jeszcze nie zaczęło)
   *[other] ({ $n } pary jeszcze nie zaczęły)
}
