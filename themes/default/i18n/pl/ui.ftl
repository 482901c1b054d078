# Słowa domyślnego motywu po polsku. Liczby: one (1), few (2-4, 22-24...),
# many (5-21, 25...), other (ułamki).

ui-home = Strona główna
ui-pairs-count = { $n ->
    [one] { $n } para
    [few] { $n } pary
    [many] { $n } par
   *[other] { $n } pary
}
ui-sessions-count = { $n ->
    [one] { $n } spotkanie
    [few] { $n } spotkania
    [many] { $n } spotkań
   *[other] { $n } spotkania
}
ui-sessions-held-of = { $total ->
    [one] { $held } z { $total } spotkania odbyte
   *[other] { $held } z { $total } spotkań odbytych
}
