"""The page kinds: a `Site`, its link graph and texts -> the list of `Page`s to render
(`kinds`; topics, articles, entities, sources, feeds, exports, redirects, comparisons,
What's new). A `Page` (`page`) is what this stage hands to `render`."""
