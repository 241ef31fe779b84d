"""Content: the files of content/ -> raw records, each value with its file:line
(`load`; `yamlpos` on `yaml_loaders` within `yaml_limits`; `fields`) -> one validated,
cross-referenced `Site` of frozen records (`assemble` of `yaml_records`, `articles`,
`field_rules` and `curation` into `model`); then what is published (`drafts`, `schedule`)."""
