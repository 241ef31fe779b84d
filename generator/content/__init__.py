"""Content: the files of content/ -> raw records, each value with its file:line
(`load`, `yamlpos`, `fields`) -> one validated, cross-referenced `Site` of frozen records
(`model`, `curation`); then what is published (`drafts`, `schedule`)."""
