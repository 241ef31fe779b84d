"""The pipeline: `builder` runs the stages in order (load, model, evidence, texts, links, pages,
render, write, search, swap), `parallel` renders and writes on every core, `stages` times
each stage, `warnings` collects what an editor should know."""
