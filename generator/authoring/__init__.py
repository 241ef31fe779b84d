"""Writing content: `briefing init` (`init`, with the `starter` site and a wheel of the
running tool, `own_wheel`), `briefing new` (`new_article`, `new_entries`) and `briefing
import` of pasted texts and feeds (`import_inputs` -> `plain_text`, `textdates`, `feeds` ->
`imports` -> `article_file`, with `mentions` and `import_report`); both check before they
write (`content_folder`, `problems`)."""
