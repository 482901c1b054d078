# Die Wörter des Standard-Themes auf Deutsch.

ui-home = Startseite
ui-pairs-count = { $n ->
    [one] { $n } Paar
   *[other] { $n } Paare
}
ui-sessions-count = { $n ->
    [one] { $n } Termin
   *[other] { $n } Termine
}
ui-sessions-held-of = { $held } von { $total } Terminen stattgefunden
