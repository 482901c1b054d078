# Das Suchfeld. Zahlen: one (1), other (alle anderen).

search-label = Im Handbuch suchen
search-placeholder = Suchen (Taste /)
search-loading = Suchindex wird geladen …
search-unavailable = Die Suche ist nicht verfügbar: Der Suchindex konnte nicht geladen werden.
search-keep-typing = Weitertippen: Gesucht wird nach Wörtern ab zwei Buchstaben.
search-no-results = Keine Ergebnisse für „{ $query }“
search-results = { $n ->
    [one] { $n } Ergebnis
   *[other] { $n } Ergebnisse
}
search-showing-top = { $results }, die besten { $shown } werden angezeigt
search-corrected = Keine Ergebnisse für „{ $query }“. Ergebnisse für „{ $corrected }“: { $results }
search-untitled = Ohne Titel
search-kind-page = Seite
search-kind-goals = Ziele
search-kind-guide = Leitfaden
search-kind-step = Schritt
search-kind-session = Terminvorlage
search-kind-roster = Jahrgang
search-kind-pair = Paar
search-kind-person = Person
