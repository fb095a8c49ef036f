"""What every recommender strategy shares: its input, its output and its base class.

A strategy is fitted once on what visitors did (an ``InteractionLog``) and on the public
catalogue, then asked for many visitors. It scores the candidates it is given and says, for
each, why; ``recommend`` turns those scores into a ranked list. Strategies are sibling
modules chosen by name (``settings.TOURS_RECOMMENDERS``, see ``tours.recommending``).
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
from django.db import models

from tours.recommending.catalogue import Catalogue
from tours.recommending.interaction_log import InteractionLog


class ReasonKind(models.TextChoices):
    """Why an object was recommended, in kinds a page can style or count."""

    LIKED = "liked", "Like something you liked"
    ALSO_LIKED = "also_liked", "Liked by visitors who liked what you liked"
    INTEREST = "interest", "Matches an interest you chose"
    POPULAR = "popular", "Popular with visitors"
    HIGHLIGHT = "highlight", "A highlight of the collection"
    VARIETY = "variety", "Chosen to vary the list"
    DISCOVERY = "discovery", "A chance discovery"


@dataclass(frozen=True)
class Interest:
    """An interest chip: a theme (a tag or free words), an object type, a period or a culture.

    A period's value is a century as a whole number in text ("17", "-5" for the 5th century
    BCE); a culture's is a culture group ("Dutch Republic"); an object type's as recorded.
    """

    kind: str
    value: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True)
class VisitorTaste:
    """What a recommender knows of one visitor. ``liked_ids`` run from the oldest to the latest."""

    liked_ids: tuple[int, ...] = ()
    skipped_ids: frozenset[int] = frozenset()
    seen_ids: frozenset[int] = frozenset()
    interests: tuple[Interest, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.liked_ids and not self.interests

    @property
    def excluded_ids(self) -> frozenset[int]:
        """Objects never recommended back: already liked, seen or skipped."""
        return self.seen_ids | self.skipped_ids | frozenset(self.liked_ids)


@dataclass(frozen=True)
class Reason:
    kind: str
    text: str


@dataclass(frozen=True)
class Recommendation:
    """One recommended object: its score (higher is better) and a reason a visitor understands."""

    object_id: int
    score: float
    reason: str
    reason_kind: str


@dataclass
class Scores:
    """A strategy's scores of candidates (missing = nothing to say) and the reason for each."""

    values: dict[int, float] = field(default_factory=dict)
    reasons: dict[int, Reason] = field(default_factory=dict)


@dataclass
class Signal:
    """One kind of evidence over a pool of candidates: a value in [0, 1] and a reason each."""

    values: np.ndarray
    reasons: list[Reason]


class Recommender(ABC):
    """A strategy: fitted on the catalogue and the interaction log, then asked per visitor."""

    name: ClassVar[str]
    description: ClassVar[str]

    def __init__(self, *, catalogue: Catalogue, log: InteractionLog, seed: int = 0) -> None:
        self.catalogue = catalogue
        self.log = log
        self.seed = seed

    @abstractmethod
    def score(self, taste: VisitorTaste, candidates: Sequence[int]) -> Scores:
        """Scores of ``candidates`` (objects the visitor has not met) for this visitor."""

    def recommend(
        self, *, taste: VisitorTaste, candidates: Iterable[int], limit: int
    ) -> list[Recommendation]:
        """The best ``limit`` candidates, best first; ties go to the lower id (stable lists)."""
        excluded = taste.excluded_ids
        pool = [oid for oid in dict.fromkeys(candidates) if oid not in excluded]
        scores = self.score(taste, pool)
        ranked = sorted(scores.values.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [
            Recommendation(
                object_id=oid,
                score=round(value, 6),
                reason=scores.reasons[oid].text,
                reason_kind=scores.reasons[oid].kind,
            )
            for oid, value in ranked
        ]
