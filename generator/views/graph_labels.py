"""Room for every label of the entity graph, worked out in Python so the SVG needs no script:
the layout is fitted to the frame's width (its height follows the layout's shape, so no half
of the frame is left empty), nodes whose circle-and-label footprints overlap are pushed
apart, then each label takes the first of twelve places around its circle that overlaps no
other label and no circle, most-named entities first. A label with no such place is left
out (the ranked list under the graph names everyone). All of it is deterministic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

FONT = 13.0  # px in the drawing; the drawing is shown at about its own size or larger
CHAR = 0.62 * FONT  # a generous average advance of a system sans serif at that size
ASCENT, DESCENT = 0.95 * FONT, 0.3 * FONT  # from the baseline, generous too
GAP = 2.0  # between a circle and its label
PAD = 3.0  # kept free around every label
SPREAD_ROUNDS = 40
ROOM = 3.0  # the drawing's area, in footprints' areas
MAX_STRETCH = 3.0


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        apart_x = self.x1 <= other.x0 or other.x1 <= self.x0
        return not apart_x and self.y0 < other.y1 and other.y0 < self.y1

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def inside(self, width: float, height: float) -> bool:
        return self.x0 >= 0 and self.y0 >= 0 and self.x1 <= width and self.y1 <= height


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float  # the baseline
    anchor: str  # SVG text-anchor: start, middle or end
    box: Box


@dataclass(frozen=True, slots=True)
class Arrangement:
    positions: dict[str, tuple[float, float]]
    labels: dict[str, Label]  # the entities whose label has a place
    width: int
    height: int


def text_width(name: str) -> float:
    return len(name) * CHAR


def arrange(
    ranked: Sequence[str],
    positions: Mapping[str, tuple[float, float]],
    radii: Mapping[str, float],
    names: Mapping[str, str],
    width: int,
    margin: float,
) -> Arrangement:
    """`ranked`: the entities most-named first (they get the first pick of label places)."""
    fitted = _room_for_labels(_fit_width(positions, width, margin), radii, names, width, margin)
    spread = _spread(ranked, fitted, radii, names, width, margin)
    height = round(max(y + radii[e] for e, (_, y) in spread.items()) + margin)
    labels = _place_labels(ranked, spread, radii, names, width, height)
    return Arrangement(spread, labels, width, height)


def _fit_width(
    positions: Mapping[str, tuple[float, float]], width: int, margin: float
) -> dict[str, tuple[float, float]]:
    """Scale to the frame's width; a layout taller than it is wide keeps to a 4:3 height."""
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    inner = width - 2 * margin
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min(inner / (span_x or 1.0), inner * 4 / 3 / (span_y or 1.0))
    left = margin + (inner - span_x * scale) / 2
    return {
        e: (left + (x - min(xs)) * scale, margin + (y - min(ys)) * scale)
        for e, (x, y) in positions.items()
    }


def _room_for_labels(
    positions: Mapping[str, tuple[float, float]],
    radii: Mapping[str, float],
    names: Mapping[str, str],
    width: int,
    margin: float,
) -> dict[str, tuple[float, float]]:
    """Stretch the drawing downwards until it has about twice the area its footprints take:
    pushing them apart then takes a few rounds, not hundreds."""
    needed = ROOM * sum(
        (box.x1 - box.x0) * (box.y1 - box.y0)
        for box in (_footprint(x, y, radii[e], names[e]) for e, (x, y) in positions.items())
    )
    top = min(y for _, y in positions.values())
    height = max(y for _, y in positions.values()) - top + 2 * margin
    stretch = min(MAX_STRETCH, max(1.0, needed / (width * height)))
    return {e: (x, top + (y - top) * stretch) for e, (x, y) in positions.items()}


def _footprint(x: float, y: float, r: float, name: str) -> Box:
    """A circle and its label centred above it, with room around both."""
    half = max(r, text_width(name) / 2) + PAD
    return Box(x - half, y - r - GAP - ASCENT - DESCENT - PAD, x + half, y + r + PAD)


def _spread(
    ranked: Sequence[str],
    positions: Mapping[str, tuple[float, float]],
    radii: Mapping[str, float],
    names: Mapping[str, str],
    width: int,
    margin: float,
) -> dict[str, tuple[float, float]]:
    """Push overlapping footprints apart along the axis of least overlap (half each, and a
    pixel more so they part), for a bounded number of rounds; x stays inside the frame's
    width, y is free (the frame's height follows). Pairs are found by a sweep along x.
    Plain floats here: this loop is the label work's whole cost."""
    order = list(ranked)
    xs = [positions[e][0] for e in order]
    ys = [positions[e][1] for e in order]
    half = [max(radii[e], text_width(names[e]) / 2) + PAD for e in order]
    up = [radii[e] + GAP + ASCENT + DESCENT + PAD for e in order]
    down = [radii[e] + PAD for e in order]
    lowest = [min(h, width / 2 - 1) + 1 for h in half]
    for _ in range(SPREAD_ROUNDS):
        moved = False
        by_left = sorted(range(len(order)), key=lambda i: (xs[i] - half[i], i))
        for n, i in enumerate(by_left):
            for j in by_left[n + 1 :]:
                left_j, right_i = xs[j] - half[j], xs[i] + half[i]
                if left_j >= right_i:
                    break
                # min() spelled out (b if b < a else a, as min picks): the same floats, and
                # no call in the loop the label work spends its time in
                dx, other = right_i - left_j, xs[j] + half[j] - (xs[i] - half[i])
                dx = other if other < dx else dx
                if dx <= 0:
                    continue
                dy, other = ys[i] + down[i] - (ys[j] - up[j]), ys[j] + down[j] - (ys[i] - up[i])
                dy = other if other < dy else dy
                if dy <= 0:
                    continue
                moved = True
                a, b = (i, j) if (i < j) else (j, i)  # a: the more named
                if dx < dy:
                    step = (dx / 2 + 0.5) * (1 if (xs[b], b) >= (xs[a], a) else -1)
                    xs[a] = min(max(xs[a] - step, lowest[a]), width - lowest[a])
                    xs[b] = min(max(xs[b] + step, lowest[b]), width - lowest[b])
                else:
                    step = (dy / 2 + 0.5) * (1 if (ys[b], b) >= (ys[a], a) else -1)
                    ys[a] -= step
                    ys[b] += step
        if not moved:
            break
    pos = {e: (xs[i], ys[i]) for i, e in enumerate(order)}
    return _to_top(pos, radii, margin)


def _to_top(
    pos: Mapping[str, tuple[float, float]], radii: Mapping[str, float], margin: float
) -> dict[str, tuple[float, float]]:
    """Shift the drawing so its highest label sits at the top margin."""
    top = min(y - radii[e] - GAP - ASCENT - DESCENT for e, (_, y) in pos.items())
    return {e: (round(x, 1), round(y - top + margin / 2, 1)) for e, (x, y) in sorted(pos.items())}


def _place_labels(
    ranked: Sequence[str],
    positions: Mapping[str, tuple[float, float]],
    radii: Mapping[str, float],
    names: Mapping[str, str],
    width: int,
    height: int,
) -> dict[str, Label]:
    circles = [
        Box(x - radii[e], y - radii[e], x + radii[e], y + radii[e])
        for e, (x, y) in positions.items()
    ]
    placed: dict[str, Label] = {}
    for e in ranked:
        x, y = positions[e]
        own = Box(x - radii[e], y - radii[e], x + radii[e], y + radii[e])
        for label in _candidates(x, y, radii[e], text_width(names[e])):
            padded = label.box.grown(PAD)
            if not label.box.inside(width, height):
                continue
            if any(padded.overlaps(other.box) for other in placed.values()):
                continue
            if any(label.box.overlaps(c) for c in circles if c != own):
                continue
            placed[e] = label
            break
    return placed


def _candidates(x: float, y: float, r: float, w: float) -> list[Label]:
    """Above, below, right, left, the four corners, then a line further out."""
    above = y - r - GAP - DESCENT
    below = y + r + GAP + ASCENT
    middle = y + (ASCENT - DESCENT) / 2
    right, left = x + r + GAP + 1, x - r - GAP - 1
    spots = [
        (x, above, "middle"),
        (x, below, "middle"),
        (right, middle, "start"),
        (left, middle, "end"),
        (right - r / 2, above + r / 3, "start"),
        (left + r / 2, above + r / 3, "end"),
        (right - r / 2, below - r / 3, "start"),
        (left + r / 2, below - r / 3, "end"),
        (x, above - FONT, "middle"),  # then a line further out
        (x, below + FONT, "middle"),
        (right + FONT, middle, "start"),
        (left - FONT, middle, "end"),
    ]
    return [_label(sx, sy, anchor, w) for sx, sy, anchor in spots]


def _label(x: float, y: float, anchor: str, w: float) -> Label:
    x0 = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
    return Label(round(x, 1), round(y, 1), anchor, Box(x0, y - ASCENT, x0 + w, y + DESCENT))
