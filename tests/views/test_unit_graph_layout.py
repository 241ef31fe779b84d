"""The entity graph's layout and ranked list, made cheaper, give what the plain algorithm
gives, to the last bit: the drawing of a site must not move when its code gets faster."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.views.entity_graph import PARTNERS, _fit, _partners, layout


def plain_layout(
    nodes: list[str], edges: Mapping[tuple[str, str], int], side: float, seed: int = 18
) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold with gravity as first written: the oracle."""
    if len(nodes) < 2:
        return {node: (side / 2, side / 2) for node in nodes}
    rng = random.Random(seed)
    n = len(nodes)
    xs = [rng.uniform(0, side) for _ in nodes]
    ys = [rng.uniform(0, side) for _ in nodes]
    index = {node: i for i, node in enumerate(nodes)}
    springs = [(index[a], index[b], 1 + math.log(w)) for (a, b), w in edges.items()]
    k2 = 1.44 * side * side / n
    gravity = 0.002 * n
    heat = side / 8
    for _ in range(120 if n <= 100 else 50):
        mx, my = [0.0] * n, [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for j in range(i + 1, n):
                dx, dy = xi - xs[j], yi - ys[j]
                push = k2 / (dx * dx + dy * dy + 0.01)
                fx += dx * push
                fy += dy * push
                mx[j] -= dx * push
                my[j] -= dy * push
            mx[i] += fx
            my[i] += fy
        k = math.sqrt(k2)
        for i, j, strength in springs:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            pull = math.hypot(dx, dy) / k * strength
            mx[i] -= dx * pull
            my[i] -= dy * pull
            mx[j] += dx * pull
            my[j] += dy * pull
        for i in range(n):
            gx = mx[i] + (side / 2 - xs[i]) * gravity
            gy = my[i] + (side / 2 - ys[i]) * gravity
            length = math.hypot(gx, gy) or 1.0
            step = min(length, heat) / length
            xs[i] += gx * step
            ys[i] += gy * step
        heat *= 0.95
    return _fit({node: [xs[i], ys[i]] for node, i in index.items()}, side)


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[str], dict[tuple[str, str], int]]:
    nodes = [f"e{i:03}" for i in range(draw(st.integers(0, 30)))]
    pairs = [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=60)) if pairs else []
    return nodes, {pair: draw(st.integers(1, 40)) for pair in chosen}


@settings(max_examples=40, deadline=None)
@given(graph=graphs(), side=st.sampled_from([640.0, 905.0]), seed=st.integers(0, 99))
def test_the_layout_is_the_plain_algorithms_to_the_last_bit(graph, side: float, seed: int) -> None:
    nodes, edges = graph
    assert layout(nodes, edges, side, seed) == plain_layout(nodes, edges, side, seed)


def test_a_large_graph_is_placed_as_by_the_plain_algorithm() -> None:
    rng = random.Random(5)
    nodes = [f"e{i:03}" for i in range(110)]  # above 100: the shorter schedule
    edges = {tuple(sorted(rng.sample(nodes, 2))): rng.randint(1, 9) for _ in range(300)}
    assert layout(nodes, edges, 1012.0) == plain_layout(nodes, edges, 1012.0)


@given(
    st.dictionaries(
        st.tuples(st.sampled_from("abcdefg"), st.sampled_from("abcdefg")), st.integers(1, 9)
    )
)
def test_partners_are_each_entitys_most_shared_then_by_id(links: dict) -> None:
    found = _partners(links)
    for entity in {e for pair in links for e in pair}:
        plain = sorted(
            (-weight, b if a == entity else a)
            for (a, b), weight in links.items()
            if entity in (a, b)
        )
        assert found[entity] == tuple(other for _, other in plain[:PARTNERS])
