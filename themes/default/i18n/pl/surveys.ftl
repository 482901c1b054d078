# Ankiety: tabele „przed i po” strony `kind: surveys` i kolumna ankiety
# w tabeli kohort na pulpicie. $n w regule to privacy.min_group_size
# (2 lub więcej): one (1), few (2-4, 22-24...), many (5-21, 25...).

surveys-rule = Wyniki pokazujemy tylko dla grup liczących co najmniej { $n ->
    [one] { $n } osobę
    [few] { $n } osoby
   *[many] { $n } osób
}, a wynik grupy pomijamy, gdy razem z wynikiem wszystkich zdradzałby wynik mniejszej grupy. Nie publikujemy żadnej pojedynczej odpowiedzi ani komentarza.
surveys-too-few = mniej niż { $n } odpowiedzi
surveys-withheld = nie pokazano: inna grupa ma mniej niż { $n } odpowiedzi
surveys-no-answers = brak odpowiedzi
surveys-not-yet = jeszcze nie zadano
surveys-answers = n = { $n }
surveys-group-all = Wszyscy respondenci
surveys-group-mentors = Mentorzy
surveys-group-mentees = Mentee
surveys-group-cohort = Kohorta: { $name }
surveys-caption = { $survey }: { $group }
surveys-measure-mean = średnia ({ $scale })
surveys-measure-agree = odsetek zgadzających się
surveys-measure-nps = Net Promoter Score
# Zmiana w punktach procentowych: „+27 pkt”.
surveys-points = { $value } pkt
surveys-col-question = Pytanie
surveys-col-change = Zmiana
surveys-respondents = Respondenci
# Przed nazwą celu: „średnia (1-5) · zasila cel Pewność cyfrowa liderów”.
surveys-feeds = zasila cel
surveys-nps-column = NPS z ankiety
