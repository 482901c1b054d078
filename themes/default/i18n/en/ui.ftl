# The default theme's words, in English: the catalogue every other
# locale translates and falls back to. Ids are kebab-case, prefixed `ui-`.
# A site overrides single messages in i18n/<locale>.ftl.

ui-home = Home
ui-pairs-count = { $n ->
    [one] { $n } pair
   *[other] { $n } pairs
}
ui-sessions-count = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
ui-sessions-held-of = { $held } of { $total } sessions held
