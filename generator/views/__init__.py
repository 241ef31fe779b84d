"""What templates show: each view hands a template everything it lays out, made from a
`Reader` (claims with their evidence, cards, timelines and their TimelineJS data, entity
lists and graph, pages of a long list, contents, cited sentences marked)."""
