"""The pipeline: `builder` runs one build as its steps; `prepare` gathers everything (load,
model, evidence, texts, links, pages, cards, warnings), `writers` writes it one of three ways
(render, write, search, swap), `warm_start` reads and leaves the persistent cache, `lock`
holds the output's lock once per build; `parallel` renders and writes on every core,
`stages` times each stage, `warnings` collects what an editor should know, `report` is
what a build tells its caller."""
