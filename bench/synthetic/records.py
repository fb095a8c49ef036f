"""Synthetic records, one at a time, in the import format (see the README's importer section).

Distributions: creators follow a Zipf law over a fixed pool (a few names on thousands of
records, a long tail on one or two); 200 cultures, also skewed; dates over 4,000 years,
BCE included, denser in recent centuries; descriptions of one to a dozen sentences; most
records share an image from the pool, about one in a thousand a 3D model.
"""

import bisect
import itertools
import random
from collections.abc import Iterator
from typing import Any

from bench.synthetic import vocabulary as words

SYNTHETIC_TAG = "synthetic"
ID_PREFIX = "syn-"
ACCESSION_PREFIX = "SYN-"
CREATOR_POOL = 100_000
CREATOR_EXPONENT = 1.1
ANONYMOUS_SHARE = 0.15
IMAGE_SHARE = 0.75
MODEL_SHARE = 0.001
EARLIEST_YEAR, LATEST_YEAR = -2000, 2020


class Weighted:
    """Draws from a fixed list with given weights, by bisecting the cumulative sums."""

    def __init__(self, choices: list[Any], weights: list[float]) -> None:
        self.choices = choices
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> Any:
        point = rng.random() * self.cumulative[-1]
        return self.choices[bisect.bisect_right(self.cumulative, point)]


def zipf_weights(count: int, exponent: float) -> list[float]:
    return [1.0 / rank**exponent for rank in range(1, count + 1)]


def creator_name(rank: int) -> str:
    """A distinct person for each rank: given × family name, then a home region."""
    given = words.GIVEN_NAMES[rank % len(words.GIVEN_NAMES)]
    rest = rank // len(words.GIVEN_NAMES)
    family = words.FAMILY_NAMES[rest % len(words.FAMILY_NAMES)]
    rest //= len(words.FAMILY_NAMES)
    if rest == 0:
        return f"{given} {family}"
    return f"{given} {family} of {words.REGIONS[(rest - 1) % len(words.REGIONS)]} {rest}"


def cultures() -> list[str]:
    return [
        f"{region} ({qualifier})"
        for region in words.REGIONS
        for qualifier in words.CULTURE_QUALIFIERS
    ]


class RecordMaker:
    """Makes record ``n`` of a collection; the draws depend only on the seed and order."""

    def __init__(self, *, seed: int, images: list[str], models: list[str]) -> None:
        self.rng = random.Random(seed)  # noqa: S311  # repeatable data, not secrets
        self.images = images
        self.models = models
        # Ranks, not names, are drawn: the pool's names are made only when drawn.
        self.creators = Weighted(
            list(range(CREATOR_POOL)), zipf_weights(CREATOR_POOL, CREATOR_EXPONENT)
        )
        names = cultures()
        self.cultures = Weighted(names, zipf_weights(len(names), 0.8))
        self.types = Weighted(*_split(words.OBJECT_TYPES))
        self.licences = Weighted(*_split(words.LICENCES))

    def record(self, n: int) -> dict[str, Any]:
        rng = self.rng
        object_type = self.types.draw(rng)
        subject = rng.choice(words.SUBJECTS)
        adjective = rng.choice(words.ADJECTIVES).capitalize()
        title = f"{adjective} {subject} {rng.choice(words.SETTINGS)}"
        start, end = self._dates()
        data: dict[str, Any] = {
            "id": f"{ID_PREFIX}{n:07d}",
            "accession_number": f"{ACCESSION_PREFIX}{n:07d}",
            "title": title,
            "object_type": object_type,
            "licence": self.licences.draw(rng),
            "creator": self._creator(),
            "culture": self.cultures.draw(rng),
            "medium": rng.choice(words.MEDIA),
            "date": _date_display(start, end),
            "date_start": start,
            "date_end": end,
            "description": self._description(object_type, subject),
            "tags": [SYNTHETIC_TAG, *rng.sample(words.SUBJECTS, rng.randint(0, 3))],
            "source": "Synthetic record made by generate_collection; not a real object.",
        }
        if self.images and rng.random() < IMAGE_SHARE:
            data["image"] = rng.choice(self.images)
        if self.models and rng.random() < MODEL_SHARE:
            data["model"] = rng.choice(self.models)
        return data

    def _creator(self) -> str | None:
        if self.rng.random() < ANONYMOUS_SHARE:
            return None
        prefix = self.rng.choice(words.WORKSHOP_PREFIXES)
        return prefix + creator_name(self.creators.draw(self.rng))

    def _dates(self) -> tuple[int, int]:
        rng = self.rng
        # Museums hold far more from recent centuries: a triangular draw leaning late.
        start = round(rng.triangular(EARLIEST_YEAR, LATEST_YEAR, LATEST_YEAR))
        if start == 0:
            start = 1  # there is no year 0
        span = rng.choice((0, 0, 0, 1, 5, 10, 25, 50, 100))
        end = min(start + span, LATEST_YEAR)
        if start < 0 < end:
            end = -1
        return start, max(start, end)

    def _description(self, object_type: str, subject: str) -> str:
        rng = self.rng
        # Most descriptions are short, a few are long: a geometric number of sentences.
        count = 1
        while count < 12 and rng.random() < 0.6:
            count += 1
        sentences = [f"This {object_type} {rng.choice(words.VERBS)} a {subject}."]
        for _ in range(count - 1):
            if rng.random() < 0.3:
                sentences.append(rng.choice(words.REMARKS))
            else:
                sentences.append(
                    f"A {rng.choice(words.ADJECTIVES)} {rng.choice(words.SUBJECTS)} "
                    f"{rng.choice(words.VERBS)} a {rng.choice(words.ADJECTIVES)} "
                    f"{rng.choice(words.SUBJECTS)} {rng.choice(words.SETTINGS)}."
                )
        return " ".join(sentences)


def synthetic_records(
    count: int, *, seed: int, images: list[str], models: list[str]
) -> Iterator[dict[str, Any]]:
    maker = RecordMaker(seed=seed, images=images, models=models)
    for n in range(1, count + 1):
        yield maker.record(n)


def _split(pairs: tuple[tuple[str, int], ...]) -> tuple[list[str], list[float]]:
    return [name for name, _ in pairs], [float(weight) for _, weight in pairs]


def _year(year: int) -> str:
    return f"{-year} BCE" if year < 0 else str(year)


def _date_display(start: int, end: int) -> str:
    if start == end:
        return _year(start)
    if start < 0 and end < 0:
        return f"c. {-start}–{-end} BCE"
    return f"c. {_year(start)}–{_year(end)}"
