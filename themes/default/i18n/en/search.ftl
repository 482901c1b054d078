# The search box (owner: search). search.js fills { $query }, { $corrected }
# and { $results } in the browser; the build picks one variant of
# search-results per plural category for it.

search-label = Search the playbook
search-placeholder = Search (press /)
search-loading = Loading the search index…
search-unavailable = Search is unavailable: the search index could not be loaded.
search-keep-typing = Keep typing: words of two letters or more are searched.
search-no-results = No results for “{ $query }”
search-results = { $n ->
    [one] { $n } result
   *[other] { $n } results
}
search-showing-top = { $results }, showing the top { $shown }
search-corrected = No results for “{ $query }”. Showing results for “{ $corrected }”: { $results }
search-untitled = Untitled
search-kind-page = page
search-kind-goals = goals
search-kind-guide = guide
search-kind-step = step
search-kind-session = session template
search-kind-roster = roster
search-kind-pair = pair
search-kind-person = person
