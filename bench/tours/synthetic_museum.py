"""A synthetic museum for the planner's benchmarks — not any real building or collection.

Rooms on a grid (corridors between neighbours, a few with steps), objects spread over the
rooms with viewing times of 20 s to 4 min and interest scores drawn from a skewed distribution
(most objects of modest interest, a few of great interest). Seeded, so every run plans over
the same museum.
"""

import numpy as np

from tours.planning.museum import Exhibit, Link, MuseumGraph

SYNTHETIC_NOTE = "synthetic museum (generated, seeded): not a real building or collection"


def synthetic_museum(
    *, rooms: int = 60, objects: int = 5000, seed: int = 0, integral: bool = False
) -> tuple[MuseumGraph, list[Exhibit]]:
    """``rooms`` rooms on a grid 6 rooms deep, ``objects`` exhibits. With ``integral``, every
    time and score is a whole number (so the exact method's proofs hold)."""
    rng = np.random.default_rng(seed)
    depth = min(6, rooms)
    names = tuple(f"room-{i:03d}" for i in range(rooms))
    links: list[Link] = []
    for i in range(rooms):
        for j in (i + 1, i + depth):
            if j < rooms and (j != i + 1 or j % depth != 0):
                seconds = float(rng.integers(20, 61))
                links.append(Link(names[i], names[j], seconds, step_free=rng.random() > 0.1))
    exhibits = []
    for key in range(objects):
        view = float(rng.integers(20, 241))
        score = float(rng.lognormal(0.0, 0.8))
        if integral:
            score = float(max(1, round(score * 10)))
        exhibits.append(Exhibit(key, names[int(rng.integers(rooms))], view, score))
    return MuseumGraph(rooms=names, links=tuple(links)), exhibits
