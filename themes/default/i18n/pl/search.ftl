# Pole wyszukiwania. Liczby: one (1), few (2-4, 22-24...), many (5-21,
# 25...), other (ułamki).

search-label = Szukaj w programie
search-placeholder = Szukaj (naciśnij /)
search-loading = Wczytywanie indeksu wyszukiwania…
search-unavailable = Wyszukiwanie jest niedostępne: nie udało się wczytać indeksu.
search-keep-typing = Pisz dalej: szukamy słów co najmniej dwuliterowych.
search-no-results = Brak wyników dla „{ $query }”
search-results = { $n ->
    [one] { $n } wynik
    [few] { $n } wyniki
    [many] { $n } wyników
   *[other] { $n } wyniku
}
search-showing-top = { $results }, pokazano { $shown } najlepszych
search-corrected = Brak wyników dla „{ $query }”. Wyniki dla „{ $corrected }”: { $results }
search-untitled = Bez tytułu
search-kind-page = strona
search-kind-goals = cele
search-kind-guide = przewodnik
search-kind-step = krok
search-kind-session = szablon spotkania
search-kind-roster = edycja
search-kind-pair = para
search-kind-person = osoba
