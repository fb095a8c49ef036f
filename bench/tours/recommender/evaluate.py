"""Leave-last-k-out evaluation of the recommender strategies on an interaction log.

For each visitor with more than ``k`` liked objects (a like, a tour addition or a long
look; see ``InteractionLog.preferences``), everything from the moment the k-th last of them
was first liked is held out; the strategies are fitted on what is left of every visitor's
history and asked for ``cutoff`` objects the visitor had not met before that moment, given
their likes, skips and views so far and the interests they chose. A hit is a held-out liked
object. Figures: nDCG@cutoff and recall@cutoff (means over visitors) and catalogue coverage
(the share of the public objects that appear in some list).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bench.search.evaluation.metrics import ndcg_at_k, recall_at_k
from tours.recommending import build_recommender
from tours.recommending.base import Recommender
from tours.recommending.catalogue import Catalogue
from tours.recommending.diversity import diversify
from tours.recommending.interaction_log import InteractionLog
from tours.recommending.interests import InterestChoices, validate_interests
from tours.recommending.tastes import HeldOut, hold_out_last_liked

METHODS = ("random", "popularity", "item_knn", "content", "hybrid")


@dataclass
class Split:
    train: InteractionLog
    cases: list[HeldOut] = field(default_factory=list)


@dataclass(frozen=True)
class MethodFigures:
    ndcg: float
    recall: float
    coverage: float

    def as_json(self, cutoff: int) -> dict[str, float]:
        return {
            f"ndcg@{cutoff}": round(self.ndcg, 4),
            f"recall@{cutoff}": round(self.recall, 4),
            "coverage": round(self.coverage, 4),
        }


def leave_last_k_out(log: InteractionLog, *, k: int, choices: InterestChoices) -> Split:
    """Every visitor's last ``k`` likes held out; their interests checked as the site does."""
    train, held = hold_out_last_liked(log, k=k)
    cases = []
    for case in held:
        interests, _ = validate_interests(case.taste.interests, choices=choices)
        cases.append(replace(case, taste=replace(case.taste, interests=tuple(interests))))
    return Split(train=train, cases=cases)


def figures_of(
    recommender: Recommender,
    split: Split,
    *,
    cutoff: int,
    mmr: bool = False,
) -> MethodFigures:
    catalogue = recommender.catalogue
    ndcgs, recalls, shown = [], [], set()
    for case in split.cases:
        size = cutoff * 3 if mmr else cutoff
        ranked = recommender.recommend(taste=case.taste, candidates=catalogue.ids, limit=size)
        if mmr:
            ranked = diversify(ranked, catalogue=catalogue, limit=cutoff)
        ids = [r.object_id for r in ranked[:cutoff]]
        grades = dict.fromkeys(case.liked_later, 1.0)
        ndcgs.append(ndcg_at_k(ids, grades, cutoff))
        recalls.append(recall_at_k(ids, grades, cutoff))
        shown.update(ids)
    n = max(1, len(split.cases))
    return MethodFigures(
        ndcg=sum(ndcgs) / n,
        recall=sum(recalls) / n,
        coverage=len(shown) / max(1, len(catalogue.facts)),
    )


def evaluate_recommenders(
    log: InteractionLog,
    *,
    catalogue: Catalogue,
    choices: InterestChoices,
    k: int = 3,
    cutoff: int = 10,
    seed: int = 0,
    methods: Sequence[str] = METHODS,
) -> tuple[dict[str, MethodFigures], Split]:
    """Each method's figures on one leave-last-k-out split of ``log``."""
    split = leave_last_k_out(log, k=k, choices=choices)
    figures = {}
    for name in methods:
        recommender = build_recommender(name, catalogue=catalogue, log=split.train, seed=seed)
        figures[name] = figures_of(recommender, split, cutoff=cutoff)
    return figures, split
