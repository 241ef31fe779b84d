"""The text stage: one markdown-it-py parser for untrusted text (`markdown`) and its plugins
(`anchors`, `footnotes`, `paragraph_ids`, `entity_links`, `images`); `texts` renders every
piece of Markdown of a `Site` once, before any page is made."""
