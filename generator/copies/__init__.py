"""Who copies whom: each article's near-copy signature (`signatures`), the near copies
among all articles (`near_copies`), and the forest of declared and found rewrites (`lineage`).
Takes a `Site`; returns plain records."""
