"""Who is named with whom, drawn at build time: entities linked by the articles that name
both (edge weight = shared articles), placed by a seeded force layout (Fruchterman and
Reingold, 1991) so the same content always gives the same picture, and handed to the
template as plain shapes. Static SVG: it works without JavaScript and prints."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass

from generator.content.model import Entity
from generator.reads.reader import Reader
from generator.views.graph_labels import Label, arrange

SEED = 18
PARTNERS = 3  # the ranked list says whom each entity is named with most
STRONGEST = 3  # in a dense graph each entity keeps its strongest links only
TOPIC_NODES = 48  # a topic's graph draws its most-named entities: more is a hairball
SITE_NODES = 120  # the whole briefing's graph, on a page of its own, draws more
BASE_SIDE = 640.0  # the drawing's side for ~48 entities; it grows with the square root
MARGIN = 48.0


@dataclass(frozen=True, slots=True)
class Node:
    entity: Entity
    articles: int
    x: float
    y: float
    r: float
    label: Label | None  # None: no room for it (the ranked list names it)

    @property
    def units(self) -> str:
        return "1 article" if self.articles == 1 else f"{self.articles} articles"


@dataclass(frozen=True, slots=True)
class RankedEntity:
    """A line of the list that stands for the graph on a phone: who, how many articles,
    and whom it is named with most."""

    entity: Entity
    articles: int
    partners: tuple[Entity, ...]

    @property
    def units(self) -> str:
        return "1 article" if self.articles == 1 else f"{self.articles} articles"


@dataclass(frozen=True, slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    weight: int  # shared articles
    width: float


@dataclass(frozen=True, slots=True)
class GraphView:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    strongest: int = 0  # when dense: the links each entity keeps, else 0 (all drawn)
    named: int = 0  # the entities named in all; more than len(nodes) when only the most are drawn
    ranked: tuple[RankedEntity, ...] = ()  # the drawn entities, most named first


def layout(
    nodes: list[str], edges: Mapping[tuple[str, str], int], side: float, seed: int = SEED
) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold with gravity: a fixed seed and a fixed order make it repeatable."""
    if len(nodes) < 2:
        return {node: (side / 2, side / 2) for node in nodes}
    rng = random.Random(seed)
    n = len(nodes)
    xs = [rng.uniform(0, side) for _ in nodes]
    ys = [rng.uniform(0, side) for _ in nodes]
    index = {node: i for i, node in enumerate(nodes)}
    springs = [(index[a], index[b], 1 + math.log(w)) for (a, b), w in edges.items()]
    k2 = 1.44 * side * side / n
    k = math.sqrt(k2)
    gravity = 0.002 * n
    heat = side / 8
    for _ in range(120 if n <= 100 else 50):
        mx, my = [0.0] * n, [0.0] * n
        _repel(xs, ys, mx, my, k2)
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


def _repel(xs: list[float], ys: list[float], mx: list[float], my: list[float], k2: float) -> None:
    """Every pair pushes apart (k2 / distance squared), each pair once: the layout's whole
    cost. The sums are taken in the same order as ever, so the positions stay the same to
    the last bit; the push is worked out once per pair, not twice."""
    n = len(xs)
    for i in range(n):
        xi, yi = xs[i], ys[i]
        fx = fy = 0.0
        for j in range(i + 1, n):
            dx = xi - xs[j]
            dy = yi - ys[j]
            push = k2 / (dx * dx + dy * dy + 0.01)
            px = dx * push
            py = dy * push
            fx += px
            fy += py
            mx[j] -= px
            my[j] -= py
        mx[i] += fx
        my[i] += fy


def backbone(edges: Mapping[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """A dense graph is a hairball: keep each entity's STRONGEST links (most shared articles,
    then by id), which keeps every entity linked and lets the hubs spread apart."""
    nodes = {node for pair in edges for node in pair}
    if len(edges) <= STRONGEST * len(nodes):
        return dict(edges)
    links: dict[str, list[tuple[int, str, tuple[str, str]]]] = {node: [] for node in nodes}
    for pair, weight in edges.items():
        for node, other in (pair, pair[::-1]):
            links[node].append((-weight, other, pair))
    kept = {pair for node in sorted(nodes) for _, _, pair in sorted(links[node])[:STRONGEST]}
    return {pair: edges[pair] for pair in sorted(kept)}


def _fit(pos: Mapping[str, list[float]], side: float) -> dict[str, tuple[float, float]]:
    """Scale the layout into the drawing, inside its margin, rounded for stable output."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = (side - 2 * MARGIN) / span
    return {
        node: (
            round(MARGIN + (x - min(xs)) * scale, 1),
            round(MARGIN + (y - min(ys)) * scale, 1),
        )
        for node, (x, y) in pos.items()
    }


def graph_view(reader: Reader, topic_id: str = "") -> GraphView | None:
    """The graph of the entities a topic's articles (all articles, without a topic) name
    most (the layout's cost grows with the square of the entities drawn); None when there
    is nothing to draw. Asked as one query, so an edit that changes nothing drawn redraws
    nothing."""
    limit = TOPIC_NODES if topic_id else SITE_NODES
    named, counts, pairs = reader.ask("mention-graph", (topic_id, limit))
    articles, links = dict(counts), dict(pairs)
    shared = backbone(links)
    thinned = len(shared) < len(links)
    if len(articles) < 2:
        return None
    ids = sorted(articles)
    side = round(BASE_SIDE * max(1.0, math.sqrt(len(ids) / 48)))
    top = max(articles.values())
    ranked = sorted(ids, key=lambda e: (-articles[e], e))
    radii = {e: round(5 + 9 * math.sqrt(articles[e] / top), 1) for e in ids}
    names = {e: reader.entity(e).name for e in ids}
    drawing = arrange(ranked, layout(ids, shared, side), radii, names, side, MARGIN)
    pos = drawing.positions
    nodes = tuple(
        Node(
            reader.entity(entity_id),
            articles[entity_id],
            *pos[entity_id],
            radii[entity_id],
            drawing.labels.get(entity_id),
        )
        for entity_id in sorted(ids, key=lambda e: (articles[e], e))  # the biggest drawn last
    )
    heaviest = max(shared.values(), default=1)
    edges = tuple(
        Edge(*pos[a], *pos[b], weight, round(0.6 + 3 * weight / heaviest, 2))
        for (a, b), weight in sorted(shared.items(), key=lambda item: (item[1], item[0]))
    )
    partners = _partners(links)
    listed = tuple(
        RankedEntity(reader.entity(e), articles[e], tuple(map(reader.entity, partners.get(e, ()))))
        for e in ranked
    )
    thin = STRONGEST if thinned else 0
    return GraphView(drawing.width, drawing.height, nodes, edges, thin, named, listed)


def _partners(links: Mapping[tuple[str, str], int]) -> dict[str, tuple[str, ...]]:
    """Whom each entity is named with most (most shared articles, then by id): one pass over
    the links, not one per entity."""
    shared: dict[str, list[tuple[int, str]]] = {}
    for (a, b), weight in links.items():
        shared.setdefault(a, []).append((-weight, b))
        if b != a:
            shared.setdefault(b, []).append((-weight, a))
    return {e: tuple(other for _, other in sorted(found)[:PARTNERS]) for e, found in shared.items()}
