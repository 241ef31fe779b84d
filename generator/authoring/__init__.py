"""Writing content: `briefing init` (`init`, with the `starter` site and a wheel of the
running tool, `own_wheel`), `briefing new` (`new_entries`, `imports.new_article`) and
`briefing import` of pasted texts and feeds (`imports`, `plain_text`, `feeds`, `textdates`)."""
