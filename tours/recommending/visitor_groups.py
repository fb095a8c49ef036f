"""Visitor groups: a latent-class model of what visitors like, learnt from interactions alone.

Visitors tend to come in kinds (those who seek out Japanese prints, those who follow the
Dutch painters...), and a kind likes a whole region of the collection, not just the pairs
item-to-item co-occurrence has seen together. A mixture of multinomials (the "aspect
model" of Hofmann and Puzicha, 1999) describes each visitor's liked objects as drawn from
one of K groups, each group with its own preference over objects; it is fitted by
expectation-maximisation on the liked sets. A visitor's score for an object is the chance
of that object under the groups their likes make likely.

No one knows how many kinds of visitor a museum has, so mixtures of several sizes
(``LEAN_PLANS``) are fitted, each from a few random starts (EM finds a local optimum),
and all their predictions averaged: small ones generalise from a thin log, large ones
separate tastes a busy log can tell apart, and the average is steadier than any one. Nothing here
reads the records or the embeddings: this is collaborative evidence only.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

STARTS = 3  # random starts per size
MIN_GROUPS = 8
# A busy site refits every few minutes: above this many (like x group x start x iteration)
# steps, about two seconds, the fit drops to one start, then to fewer sizes.
WORK_BUDGET = 3e8
LEAN_PLANS = (((8, 12, 16, 24, 32), STARTS), ((8, 16, 32), 1), ((16,), 1))
ITERATIONS = 60
MIN_ITERATIONS = 10
SMOOTHING = 0.1  # pseudo-likes per object and group: an unseen object is unlikely, not impossible
# At most this many visitors' liked sets (in key order): bounds the fit's memory.
MAX_VISITORS = 20_000


@dataclass(frozen=True)
class Mixture:
    """Group shares (K,) and each group's log-preference over the known objects (K, N)."""

    log_shares: np.ndarray
    log_preferences: np.ndarray


@dataclass(frozen=True)
class Likes:
    """Liked sets as flat arrays: visitor row and object column per like, visitor-sorted."""

    rows: np.ndarray
    columns: np.ndarray
    starts: np.ndarray  # first like of each visitor
    visitors: int
    objects: int


def _likes(liked_sets: Sequence[Sequence[int]], objects: int) -> Likes:
    rows = np.concatenate([np.full(len(s), i) for i, s in enumerate(liked_sets)]).astype(np.int64)
    columns = np.concatenate([np.asarray(s, dtype=np.int64) for s in liked_sets])
    sizes = np.array([len(s) for s in liked_sets])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    return Likes(rows, columns, starts, len(liked_sets), objects)


def _responsibilities(likes: Likes, mixture: Mixture) -> np.ndarray:
    """P(group | visitor's likes), (visitors, K)."""
    per_like = mixture.log_preferences[:, likes.columns]  # (K, likes)
    log_joint = np.add.reduceat(per_like, likes.starts, axis=1).T + mixture.log_shares
    log_joint -= log_joint.max(axis=1, keepdims=True)
    joint = np.exp(log_joint)
    return np.asarray(joint / joint.sum(axis=1, keepdims=True))


def _maximise(likes: Likes, responsibilities: np.ndarray) -> Mixture:
    groups = responsibilities.shape[1]
    shares = (responsibilities.sum(axis=0) + 1.0) / (likes.visitors + groups)
    weights = responsibilities[likes.rows]  # (likes, K)
    counts = SMOOTHING + np.stack(
        [
            np.bincount(likes.columns, weights=weights[:, k], minlength=likes.objects)
            for k in range(groups)
        ]
    )
    preferences = counts / counts.sum(axis=1, keepdims=True)
    return Mixture(np.log(shares), np.log(preferences))


def fit_mixture(likes: Likes, groups: int, *, seed: int, iterations: int = ITERATIONS) -> Mixture:
    """EM from random soft assignments (seeded, so a fit is repeatable)."""
    rng = np.random.default_rng(seed)
    responsibilities = rng.dirichlet(np.ones(groups), size=likes.visitors)
    mixture = _maximise(likes, responsibilities)
    for _ in range(iterations):
        mixture = _maximise(likes, _responsibilities(likes, mixture))
    return mixture


def fit_plan(likes: int) -> tuple[tuple[int, ...], int, int]:
    """The richest (sizes, starts, iterations) whose EM fits within ``WORK_BUDGET``."""
    for sizes, starts in LEAN_PLANS:
        if likes * sum(sizes) * starts * ITERATIONS <= WORK_BUDGET:
            return sizes, starts, ITERATIONS
    sizes, starts = LEAN_PLANS[-1]
    affordable = int(WORK_BUDGET // max(1, likes * sum(sizes) * starts))
    return sizes, starts, max(MIN_ITERATIONS, affordable)


Token = int | str  # an object id, or an interest chip's key ("culture:japan")


def interest_token(kind: str, value: str) -> str:
    """An interest as the groups see it: spacing and case do not make a different chip."""
    return f"{kind}:{' '.join(value.split()).lower()}"


class VisitorGroups:
    """Mixtures of visitor groups fitted on liked sets; scores objects for a visitor's likes.

    The interest chips a visitor chose count among what they "liked": a group comes to
    stand for its chips as well as its objects, so a visitor who chose "Japan" is placed
    among Japan's visitors before liking anything, by what visitors did, not by records.
    """

    def __init__(
        self,
        positive_sets: dict[str, set[int]],
        *,
        interests: Mapping[str, Sequence[str]] | None = None,
        seed: int = 0,
    ) -> None:
        chosen = interests or {}
        visitors = [visitor for visitor, s in sorted(positive_sets.items()) if s][-MAX_VISITORS:]
        self.object_ids = sorted({oid for visitor in visitors for oid in positive_sets[visitor]})
        chips = sorted({chip for visitor in visitors for chip in chosen.get(visitor, ())})
        tokens: list[Token] = [*self.object_ids, *chips]
        liked: list[list[Token]] = [
            [*sorted(positive_sets[visitor]), *sorted(set(chosen.get(visitor, ())))]
            for visitor in visitors
        ]
        self.column: dict[Token, int] = {token: i for i, token in enumerate(tokens)}
        self.mixtures: list[Mixture] = []
        if len(liked) < 2 * MIN_GROUPS or len(self.object_ids) < 2:
            return  # too thin a log to tell groups apart
        likes = _likes([[self.column[t] for t in ts] for ts in liked], len(tokens))
        sizes, starts, iterations = fit_plan(len(likes.columns))
        self.mixtures = [
            fit_mixture(likes, k, seed=seed + 1000 * start + k, iterations=iterations)
            for k in sizes
            for start in range(starts)
        ]

    @property
    def fitted(self) -> bool:
        return bool(self.mixtures)

    def scores(
        self, liked_ids: Sequence[int], candidates: Sequence[int], interests: Sequence[str] = ()
    ) -> np.ndarray:
        """Each candidate's chance under the visitor's likely groups (given their likes and
        chosen interests), averaged over the mixtures and divided by the best; 0 for objects
        no visitor has liked."""
        given: list[Token] = [*liked_ids, *dict.fromkeys(interests)]
        known = [self.column[token] for token in given if token in self.column]
        out = np.zeros(len(candidates))
        if not self.mixtures or not known:
            return out
        columns = np.array([self.column.get(oid, -1) for oid in candidates], dtype=np.int64)
        present = columns >= 0
        objects = len(self.object_ids)  # objects come first among the columns
        for mixture in self.mixtures:
            log_posterior = mixture.log_shares + mixture.log_preferences[:, known].sum(axis=1)
            posterior = np.exp(log_posterior - log_posterior.max())
            predicted = (posterior / posterior.sum()) @ np.exp(mixture.log_preferences[:, :objects])
            out[present] += predicted[columns[present]] / predicted.max()
        top = float(out.max())
        return out / top if top > 0 else out
