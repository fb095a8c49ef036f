"""Learning how much each kind of evidence counts, from what visitors went on to like.

The hybrid scores a candidate as ``w · features``. Rather than fixing ``w`` by hand, it is
fitted on the interaction log itself: for sampled visitors, their latest likes are hidden
and ``w`` maximises the probability of those objects under a softmax over the candidates the
visitor had not met (a conditional logit, as in discrete-choice models; "feature-weighted
linear stacking", Sill et al. 2009, blends recommenders the same way). An L2 pull towards
the hand-set weights keeps a small log from swinging them.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

STEPS = 500
LEARNING_RATE = 1.0
PULL = 0.005  # L2 strength towards the prior weights


@dataclass(frozen=True)
class ChoiceCase:
    """One visitor's candidates as feature rows, and which rows they went on to like."""

    features: np.ndarray  # (candidates, features)
    chosen: np.ndarray  # indices of the liked rows


def fit_weights(cases: Sequence[ChoiceCase], *, prior: np.ndarray) -> np.ndarray:
    """Weights maximising the mean log-probability of the chosen rows (gradient ascent).

    All cases are stacked into one matrix; per-case softmaxes are sums over segments.
    """
    weights = prior.astype(np.float64).copy()
    if not cases:
        return weights
    features = np.vstack([case.features for case in cases]).astype(np.float64)
    sizes = np.array([len(case.features) for case in cases])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    segment = np.repeat(np.arange(len(cases)), sizes)
    observed = np.mean([case.features[case.chosen].mean(axis=0) for case in cases], axis=0)
    for _ in range(STEPS):
        logits = features @ weights
        logits -= np.maximum.reduceat(logits, starts)[segment]
        exp = np.exp(logits)
        probabilities = exp / np.add.reduceat(exp, starts)[segment]
        expected = (probabilities[:, None] * features).sum(axis=0) / len(cases)
        weights += LEARNING_RATE * (observed - expected - PULL * (weights - prior))
    return weights
