"""Rendering: the Jinja2 environment over the site's theme and the packaged one (`theme`,
`jinja`: autoescape, StrictUndefined), a page's JSON-LD (`structured`), and its social card
(`cards`: each page's card, drawn to PNG, stored once). Takes a `Page` and a `Reader`;
returns HTML and what the page read."""
