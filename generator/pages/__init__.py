"""The page kinds: a `Site`, its link graph and texts -> the list of `Page`s to render
(`kinds`, in order: `lists` (home, the lists, search, 404), `topics`, `articles`,
`entities`, `sources`, `comparisons`, `feeds`, `whatsnew`, `exports`; then `redirects`),
with `crumbs` and `jsonld`. A `Page` (`page`) is what this stage hands to `render`."""
