# Umfragen: die Vorher-nachher-Tabellen einer `kind: surveys`-Seite und
# die Umfragespalte der Kohortentabelle im Dashboard. $n in der Regel ist
# privacy.min_group_size (2 oder mehr).

surveys-rule = Werte zeigen wir nur für Gruppen mit mindestens { $n ->
    [one] { $n } Person
   *[other] { $n } Personen
}, und der Wert einer Gruppe entfällt, wenn er zusammen mit dem aller Befragten den einer kleineren Gruppe verraten würde. Keine einzelne Antwort und kein Kommentar wird veröffentlicht.
surveys-too-few = weniger als { $n ->
    [one] { $n } Antwort
   *[other] { $n } Antworten
}
surveys-withheld = nicht gezeigt: eine andere Gruppe hat weniger als { $n ->
    [one] { $n } Antwort
   *[other] { $n } Antworten
}
surveys-no-answers = keine Antworten
surveys-not-yet = noch nicht gefragt
surveys-answers = n = { $n }
surveys-group-all = Alle Befragten
surveys-group-mentors = Mentor:innen
surveys-group-mentees = Mentees
surveys-group-cohort = Kohorte: { $name }
surveys-caption = { $survey }: { $group }
surveys-measure-mean = Mittelwert ({ $scale })
surveys-measure-agree = Anteil Zustimmung
surveys-measure-nps = Net Promoter Score
# Eine Veränderung in Prozentpunkten: „+27 Pkt.“.
surveys-points = { $value } Pkt.
surveys-col-question = Frage
surveys-col-change = Veränderung
surveys-respondents = Befragte
# Vor dem Titel eines Ziels: „Mittelwert (1-5) · fließt ein in …“.
surveys-feeds = fließt ein in
surveys-nps-column = NPS (Umfrage)
