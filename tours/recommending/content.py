"""Content-based: objects whose records resemble what the visitor liked or asked for.

Three signals, each scaled to [0, 1] over the candidates so that none drowns the others:
- liked: cosine of the candidate's stored record-text vector with those of the liked
  objects (half the best match, half the mean, so one outlier like cannot dominate);
- themes: cosine with the theme's words encoded as search encodes a query, or 1 for an
  object tagged with the theme itself;
- record interests (object type, culture, period): the share of them the record matches.
The reason names whichever signal gave the most.
"""

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from django.utils.translation import gettext as _

from search.query_encoding import encode_query
from tours.models import InterestKind
from tours.recommending.base import (
    Interest,
    Reason,
    ReasonKind,
    Recommender,
    Scores,
    Signal,
    VisitorTaste,
)
from tours.recommending.interests import interest_label, matches_record

LIKED_WEIGHT = 1.0
THEME_WEIGHT = 1.0
RECORD_INTEREST_WEIGHT = 1.0


@lru_cache(maxsize=512)
def theme_vector(words: str) -> tuple[float, ...]:
    """A theme's words in the record-text space, unit length (cached: chips repeat)."""
    vector = np.asarray(encode_query(words).text, dtype=np.float32)
    return tuple((vector / max(float(np.linalg.norm(vector)), 1e-12)).tolist())


def scaled(values: np.ndarray) -> np.ndarray:
    """Min-max to [0, 1]; all-equal values carry no preference and become 0."""
    if values.size == 0:
        return values
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-9:
        return np.zeros_like(values)
    return (values - low) / (high - low)


def scaled_where(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    """``scaled`` over the objects that have a vector; 0 for those that have none."""
    out = np.zeros_like(values)
    out[present] = scaled(values[present])
    return out


class ContentRecommender(Recommender):
    name = "content"
    description = "Objects whose records resemble what you liked or the interests you chose."

    def score(self, taste: VisitorTaste, candidates: Sequence[int]) -> Scores:
        pool = [oid for oid in candidates if oid in self.catalogue.facts]
        signals = self.signals(taste, pool)
        if not signals:
            return Scores()
        stacked = np.stack([signal.values for signal in signals.values()])
        reasons = [signal.reasons for signal in signals.values()]
        best = stacked.argmax(axis=0)
        totals = stacked.sum(axis=0)
        scores = Scores()
        for column, oid in enumerate(pool):
            if totals[column] > 0:
                scores.values[oid] = float(totals[column])
                scores.reasons[oid] = reasons[int(best[column])][column]
        return scores

    def signals(self, taste: VisitorTaste, pool: list[int]) -> dict[str, Signal]:
        """Each signal the visitor's taste gives, over ``pool`` (ids in the catalogue)."""
        found: dict[str, Signal] = {}
        if not pool:
            return found
        for name, signal in (
            ("liked", self._liked),
            ("themes", self._themes),
            ("record_interests", self._record_interests),
        ):
            values = signal(taste, pool)
            if values is not None:
                found[name] = Signal(*values)
        return found

    def _liked(
        self, taste: VisitorTaste, pool: list[int]
    ) -> tuple[np.ndarray, list[Reason]] | None:
        liked, liked_present = self.catalogue.matrix(list(taste.liked_ids))
        if not liked_present.any():
            return None
        liked_ids = [oid for oid, ok in zip(taste.liked_ids, liked_present, strict=True) if ok]
        candidates, present = self.catalogue.matrix(pool)
        similarity = candidates @ liked[liked_present].T  # (pool, liked)
        values = 0.5 * similarity.max(axis=1) + 0.5 * similarity.mean(axis=1)
        values = LIKED_WEIGHT * scaled_where(values, present)
        nearest = similarity.argmax(axis=1)
        reasons = [
            Reason(
                ReasonKind.LIKED,
                _("because you liked %(title)s") % {"title": self.catalogue.title(liked_ids[i])},
            )
            for i in nearest
        ]
        return values, reasons

    def _themes(
        self, taste: VisitorTaste, pool: list[int]
    ) -> tuple[np.ndarray, list[Reason]] | None:
        themes = [i for i in taste.interests if i.kind == InterestKind.THEME]
        if not themes:
            return None
        candidates, present = self.catalogue.matrix(pool)
        per_theme = np.zeros((len(pool), len(themes)), dtype=np.float32)
        tagged = np.array(
            [
                [matches_record(self.catalogue.facts[oid], theme) for theme in themes]
                for oid in pool
            ],
            dtype=bool,
        ).reshape(len(pool), len(themes))
        for t, theme in enumerate(themes):
            if present.any():
                vector = np.asarray(theme_vector(theme.value), dtype=np.float32)
                per_theme[:, t] = scaled_where(candidates @ vector, present)
            per_theme[:, t] = np.maximum(per_theme[:, t], tagged[:, t].astype(np.float32))
        # "matches" for an object tagged with the theme; "close to" for one near it in meaning.
        reasons = [
            self._interest_reason(themes[t])
            if tagged[row, t]
            else Reason(
                ReasonKind.INTEREST,
                _("close to '%(interest)s'") % {"interest": interest_label(themes[t])},
            )
            for row, t in enumerate(per_theme.argmax(axis=1))
        ]
        return THEME_WEIGHT * per_theme.max(axis=1), reasons

    def _record_interests(
        self, taste: VisitorTaste, pool: list[int]
    ) -> tuple[np.ndarray, list[Reason]] | None:
        asked = [i for i in taste.interests if i.kind != InterestKind.THEME]
        if not asked:
            return None
        matched = np.array(
            [[matches_record(self.catalogue.facts[oid], i) for i in asked] for oid in pool],
            dtype=np.float32,
        )
        reasons = [self._interest_reason(asked[i]) for i in matched.argmax(axis=1)]
        return RECORD_INTEREST_WEIGHT * matched.mean(axis=1), reasons

    @staticmethod
    def _interest_reason(interest: Interest) -> Reason:
        return Reason(
            ReasonKind.INTEREST,
            _("matches '%(interest)s'") % {"interest": interest_label(interest)},
        )
