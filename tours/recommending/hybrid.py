"""Hybrid: content, two kinds of collaborative evidence and popularity, blended by learned weights.

Six features per candidate, each in [0, 1] over the candidates: the content strategy's
three signals (likeness to liked objects, themes, record interests), the co-occurrence
score divided by its best, the visitor-groups score (``tours.recommending.visitor_groups``:
what visitors of the same kind, known by their likes and chosen interests, liked; it
reaches past the pairs co-occurrence has seen) and popularity (log-compressed, divided by
its best). The candidate's score is their weighted sum. The weights start from hand-set
values and are fitted on the interaction log each time the strategy is fitted
(``tours.recommending.blending``): a museum whose visitors follow each other's paths
comes to trust co-occurrence more, one whose visitors follow their stated interests
trusts those. A visitor who has
said and liked nothing gets popularity alone (cold start). The reason is that of the
feature that gave the most.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from tours.recommending.base import Reason, ReasonKind, Recommender, Scores, Signal, VisitorTaste
from tours.recommending.blending import ChoiceCase, fit_weights
from tours.recommending.catalogue import Catalogue
from tours.recommending.content import ContentRecommender
from tours.recommending.interaction_log import InteractionLog
from tours.recommending.item_knn import ItemKnnRecommender
from tours.recommending.popularity import PopularityRecommender
from tours.recommending.tastes import hold_out_last_liked, log_interests
from tours.recommending.visitor_groups import VisitorGroups, interest_token

FEATURES = ("liked", "themes", "record_interests", "item_knn", "visitor_groups", "popularity")
PRIOR_WEIGHTS = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.2])
# A feature names the reason only where its evidence is real: an object at the bottom of
# "like what you liked" is not "because you liked" anything. Below this (features run 0 to
# 1 over the candidates), the popularity reason speaks ("something few visitors have
# found yet").
MIN_REASON_SIGNAL = 0.3
FIT_VISITORS = 400  # visitors sampled to learn the weights from
MIN_FIT_CASES = 30  # fewer than this: keep the hand-set weights
FIT_CANDIDATES = 600  # candidates per case when learning (sampled on a large collection)


@dataclass(frozen=True)
class Evidence:
    """The collaborative and popularity models one set of signals is read from."""

    item_knn: ItemKnnRecommender
    groups: VisitorGroups
    popularity: PopularityRecommender


def visitor_groups(log: InteractionLog, *, seed: int) -> VisitorGroups:
    """Groups fitted on what each visitor liked and the interests they chose."""
    chosen = {
        visitor: [interest_token(i.kind, i.value) for i in log_interests(log, visitor)]
        for visitor in log.interests
    }
    return VisitorGroups(log.positive_sets(), interests=chosen, seed=seed)


def max_scaled(scores: Scores, pool: Sequence[int], *, compress: bool = False) -> Signal:
    values = np.array([max(scores.values.get(oid, 0.0), 0.0) for oid in pool], dtype=np.float64)
    if compress:
        values = np.log1p(values)
    top = float(values.max()) if values.size else 0.0
    fallback = Reason("", "")
    reasons = [scores.reasons.get(oid, fallback) for oid in pool]
    return Signal(values / top if top > 0 else np.zeros_like(values), reasons)


class HybridRecommender(Recommender):
    name = "hybrid"
    description = "Content, what similar visitors liked and popularity, blended."

    def __init__(self, *, catalogue: Catalogue, log: InteractionLog, seed: int = 0) -> None:
        super().__init__(catalogue=catalogue, log=log, seed=seed)
        self.content = ContentRecommender(catalogue=catalogue, log=log, seed=seed)
        self.item_knn = ItemKnnRecommender(catalogue=catalogue, log=log, seed=seed)
        self.popularity = PopularityRecommender(catalogue=catalogue, log=log, seed=seed)
        self.groups = visitor_groups(log, seed=seed)
        self.weights = self._learned_weights()

    def score(self, taste: VisitorTaste, candidates: Sequence[int]) -> Scores:
        pool = [oid for oid in candidates if oid in self.catalogue.facts]
        if taste.is_empty:
            return self.popularity.score(taste, pool)
        signals = self._signals(taste, pool, Evidence(self.item_knn, self.groups, self.popularity))
        contributions = np.stack([w * s.values for w, s in zip(self.weights, signals, strict=True)])
        totals = contributions.sum(axis=0)
        scores = Scores()
        for column, oid in enumerate(pool):
            scores.values[oid] = float(totals[column])
            scores.reasons[oid] = self._reason(signals, contributions[:, column], column)
        return scores

    @staticmethod
    def _reason(signals: list[Signal], contributions: np.ndarray, column: int) -> Reason:
        for feature in np.argsort(-contributions):
            signal = signals[int(feature)]
            reason = signal.reasons[column]
            strong = signal.values[column] >= MIN_REASON_SIGNAL
            if contributions[feature] > 0 and strong and reason.text:
                return reason
        return signals[FEATURES.index("popularity")].reasons[column]

    def _signals(
        self,
        taste: VisitorTaste,
        pool: list[int],
        evidence: "Evidence",
    ) -> list[Signal]:
        content = self.content.signals(taste, pool)
        nothing = Signal(np.zeros(len(pool)), [Reason("", "")] * len(pool))
        return [
            content.get("liked", nothing),
            content.get("themes", nothing),
            content.get("record_interests", nothing),
            max_scaled(evidence.item_knn.score(taste, pool), pool),
            self._groups_signal(taste, pool, evidence.groups),
            max_scaled(evidence.popularity.score(taste, pool), pool, compress=True),
        ]

    @staticmethod
    def _groups_signal(taste: VisitorTaste, pool: list[int], groups: VisitorGroups) -> Signal:
        chips = [interest_token(i.kind, i.value) for i in taste.interests]
        values = groups.scores(taste.liked_ids, pool, chips)
        # Worded when asked (not at import): in the language of the page that asks.
        reason = Reason(ReasonKind.ALSO_LIKED, _("liked by visitors with tastes like yours"))
        return Signal(values, [reason] * len(pool))

    def _learned_weights(self) -> np.ndarray:
        """Weights fitted on the log with each sampled visitor's latest like hidden."""
        train, held = hold_out_last_liked(self.log, k=1, max_visitors=FIT_VISITORS, seed=self.seed)
        held = [case for case in held if not case.taste.is_empty]
        if len(held) < MIN_FIT_CASES:
            return PRIOR_WEIGHTS.copy()
        item_knn = ItemKnnRecommender(catalogue=self.catalogue, log=train)
        popularity = PopularityRecommender(catalogue=self.catalogue, log=train)
        evidence = Evidence(item_knn, visitor_groups(train, seed=self.seed), popularity)
        sampler = random.Random(self.seed)  # noqa: S311
        cases = []
        for case in held:
            pool = [oid for oid in self.catalogue.ids if oid not in case.taste.excluded_ids]
            if len(pool) > FIT_CANDIDATES:
                others = [oid for oid in pool if oid not in case.liked_later]
                pool = sorted({*case.liked_later, *sampler.sample(others, FIT_CANDIDATES)})
            signals = self._signals(case.taste, pool, evidence)
            features = np.stack([signal.values for signal in signals], axis=1)
            chosen = np.array([i for i, oid in enumerate(pool) if oid in case.liked_later])
            if chosen.size:
                cases.append(ChoiceCase(features, chosen))
        if len(cases) < MIN_FIT_CASES:
            return PRIOR_WEIGHTS.copy()
        return fit_weights(cases, prior=PRIOR_WEIGHTS)
