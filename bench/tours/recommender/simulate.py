"""Simulated visitors: interaction logs from personas, declared synthetic in the file itself.

Each visitor has a persona (sometimes a second one, at half weight: tastes mix) and browses
a handful of objects, drawn by how much the persona likes them (``Persona.affinity``, from
the records only) and by each object's general appeal (a seeded random draw per object,
higher for featured objects: some objects draw every crowd). How long they look, whether
they like, add to a tour or skip follows from how much they like it, with noise. A share of
visitors pick interest chips from their persona's, as on the start page.

The file: a header line ``{"synthetic": true, ...}``, then per visitor a ``"visitor"`` line
(persona, chosen interests) and its ``"interaction"`` lines (object slug, kind, dwell, time).
"""

import json
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.tours.recommender.personas import PERSONAS, Persona
from tours.recommending.catalogue import Catalogue, ObjectFacts

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
DAYS = 30
PREFERENCE_STRENGTH = 3.0  # how much more taste than appeal decides what a visitor sees
APPEAL_SPREAD = 0.8  # sigma of the log-normal appeal of objects
FEATURED_APPEAL = 0.7
SECOND_PERSONA_SHARE = 0.3
SECOND_PERSONA_WEIGHT = 0.5
CHIP_SHARE = 0.6  # visitors who pick interest chips
MIN_VISITS, MAX_VISITS = 4, 24


@dataclass(frozen=True)
class Taste:
    personas: tuple[Persona, ...]
    weights: tuple[float, ...]

    def affinity(self, facts: ObjectFacts) -> float:
        return sum(w * p.affinity(facts) for p, w in zip(self.personas, self.weights, strict=True))


def object_appeal(facts: ObjectFacts, seed: int) -> float:
    """An object's general pull (log scale), the same for every visitor of one simulation."""
    draw = random.Random(f"{seed}:appeal:{facts.slug}").gauss(0.0, APPEAL_SPREAD)  # noqa: S311
    return draw + (FEATURED_APPEAL if facts.featured else 0.0)


def _taste(rng: random.Random) -> Taste:
    first = rng.choice(PERSONAS)
    if rng.random() >= SECOND_PERSONA_SHARE:
        return Taste((first,), (1.0,))
    second = rng.choice([p for p in PERSONAS if p is not first])
    return Taste((first, second), (1.0, SECOND_PERSONA_WEIGHT))


def _visited(
    rng: random.Random, taste: Taste, objects: list[ObjectFacts], appeal: dict[int, float]
) -> list[tuple[ObjectFacts, float]]:
    """(object, liking in [0, 1]) for the objects this visitor meets, in the order met."""
    affinity = {facts.id: taste.affinity(facts) for facts in objects}
    top = max(affinity.values(), default=0.0) or 1.0
    liking = {oid: value / top for oid, value in affinity.items()}
    # Gumbel top-k: a draw without replacement, each object weighted by exp(utility).
    keyed = sorted(
        objects,
        key=lambda f: (
            PREFERENCE_STRENGTH * liking[f.id]
            + appeal[f.id]
            - math.log(-math.log(rng.random() or 1e-12))
        ),
        reverse=True,
    )
    visits = keyed[: min(len(objects), rng.randint(MIN_VISITS, MAX_VISITS))]
    rng.shuffle(visits)  # visitors wander: the order they meet things in is not their taste
    return [(facts, liking[facts.id]) for facts in visits]


def _events(
    rng: random.Random, visitor: str, facts: ObjectFacts, liking: float, at: datetime
) -> tuple[list[dict[str, Any]], datetime]:
    engagement = min(1.0, max(0.0, liking + rng.gauss(0.0, 0.15)))
    dwell = max(1, round(rng.lognormvariate(math.log(8.0) + 2.5 * engagement, 0.4)))
    kinds: list[str] = []
    if engagement < 0.15 and rng.random() < 0.5:
        dwell = min(dwell, 5)
        kinds.append("skip")
    elif engagement > 0.55 and rng.random() < 0.7:
        kinds.append("like")
        if rng.random() < 0.25:
            kinds.append("add_to_tour")
        if rng.random() < 0.03:
            kinds.append("unlike")  # changed their mind
    rows = [_row(visitor, facts, "view", dwell, at)]
    at += timedelta(seconds=dwell)
    for kind in kinds:
        at += timedelta(seconds=rng.randint(1, 5))
        rows.append(_row(visitor, facts, kind, None, at))
    return rows, at + timedelta(seconds=rng.randint(5, 90))


def _row(
    visitor: str, facts: ObjectFacts, kind: str, dwell: int | None, at: datetime
) -> dict[str, Any]:
    return {
        "type": "interaction",
        "visitor": visitor,
        "object": facts.slug,
        "kind": kind,
        "dwell": dwell,
        "at": at.isoformat(),
    }


def simulated_records(
    *, catalogue: Catalogue, visitors: int, seed: int
) -> Iterator[dict[str, Any]]:
    """The log's lines after the header: each visitor, then what they did."""
    objects = [catalogue.facts[oid] for oid in catalogue.ids]
    appeal = {facts.id: object_appeal(facts, seed) for facts in objects}
    for index in range(visitors):
        rng = random.Random(f"{seed}:visitor:{index}")  # noqa: S311
        visitor = f"sim-{index + 1:05d}"
        taste = _taste(rng)
        chips = list(taste.personas[0].chips)
        chosen = rng.sample(chips, rng.randint(1, 2)) if rng.random() < CHIP_SHARE else []
        yield {
            "type": "visitor",
            "visitor": visitor,
            "persona": "+".join(p.name for p in taste.personas),
            "interests": [_chip(chip) for chip in chosen],
        }
        at = START + timedelta(seconds=rng.uniform(0, DAYS * 86400))
        for facts, liking in _visited(rng, taste, objects, appeal):
            rows, at = _events(rng, visitor, facts, liking, at)
            yield from rows


def _chip(chip: str) -> dict[str, str]:
    kind, _, value = chip.partition(":")
    return {"kind": kind, "value": value}


def log_header(*, visitors: int, seed: int, objects: int) -> dict[str, Any]:
    return {
        "synthetic": True,
        "description": "Simulated museum visitors, not real people: personas defined by record "
        "metadata (culture, object type, period, tags, makers), never by embeddings.",
        "generator": "manage.py simulate_visitors",
        "seed": seed,
        "visitors": visitors,
        "objects": objects,
        "personas": {p.name: p.preference for p in PERSONAS},
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_simulated_log(*, path: Path, catalogue: Catalogue, visitors: int, seed: int) -> int:
    """Writes the log; returns the number of interaction lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        header = log_header(visitors=visitors, seed=seed, objects=len(catalogue.facts))
        handle.write(json.dumps(header) + "\n")
        for record in simulated_records(catalogue=catalogue, visitors=visitors, seed=seed):
            handle.write(json.dumps(record) + "\n")
            written += record["type"] == "interaction"
    return written
