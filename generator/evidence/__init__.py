"""The evidence check: each key fact, event and quote against the text of every article it
cites. A text is read once into sentences and features (`sentences`, `textfeatures`) and for
meaning (`tokens`, `scopes`, `counts`, `attribution` -> `meaning`); `rules` compares a claim's
reading with a passage's; `passages` finds the supporting passage of each `claims` record
among an article's `windows`, by what it `needs` and what it must agree with
(`claim_meaning`); `site_check` runs it over a `Site`; `provenance` grades sources and counts
independent corroboration; `comparison` aligns a rewrite with its original."""
