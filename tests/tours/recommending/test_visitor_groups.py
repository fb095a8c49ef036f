"""Visitor groups: what visitors of the same kind liked, beyond the pairs seen together."""

import numpy as np

from tours.recommending.visitor_groups import VisitorGroups

SHIPS = [1, 2, 3, 4]
FACES = [11, 12, 13, 14]


def _two_kinds_of_visitor() -> dict[str, set[int]]:
    """Ship lovers like neighbouring pairs of ships (1-2, 2-3, 3-4), never 1 with 3 or 4;
    portrait lovers the same with faces."""
    sets = {}
    for i in range(30):
        kind = SHIPS if i % 2 else FACES
        first = (i // 2) % 3
        sets[f"v{i}"] = {kind[first], kind[first + 1]}
    return sets


def test_a_visitor_is_offered_what_their_kind_liked_even_if_never_liked_together():
    groups = VisitorGroups(_two_kinds_of_visitor(), seed=1)
    scores = dict(zip(SHIPS + FACES, groups.scores([1], SHIPS + FACES), strict=True))
    # Nobody liked ship 1 with ship 4, yet ship 4 comes before every portrait.
    assert scores[4] > max(scores[f] for f in FACES)
    assert max(scores.values()) == 1.0


def test_a_thin_log_or_an_unknown_object_gives_no_opinion():
    thin = VisitorGroups({"a": {1, 2}, "b": {2, 3}})
    assert not thin.fitted
    assert np.array_equal(thin.scores([1], [2, 3]), np.zeros(2))
    groups = VisitorGroups(_two_kinds_of_visitor())
    assert np.array_equal(groups.scores([99], [1, 2]), np.zeros(2))
    assert groups.scores([1], [99, 2])[0] == 0.0


def test_the_same_log_and_seed_give_the_same_scores():
    first = VisitorGroups(_two_kinds_of_visitor(), seed=3).scores([12], SHIPS + FACES)
    again = VisitorGroups(_two_kinds_of_visitor(), seed=3).scores([12], SHIPS + FACES)
    assert np.array_equal(first, again)


def test_a_visitor_who_only_chose_an_interest_is_placed_among_visitors_who_chose_it():
    likes = _two_kinds_of_visitor()
    chips = {v: ["theme:ships"] if min(s) in SHIPS else ["theme:faces"] for v, s in likes.items()}
    groups = VisitorGroups(likes, interests=chips, seed=2)
    scores = dict(
        zip(SHIPS + FACES, groups.scores([], SHIPS + FACES, ["theme:ships"]), strict=True)
    )
    assert min(scores[s] for s in SHIPS) > max(scores[f] for f in FACES)
    # Without the chip, nothing is known of the visitor.
    assert not groups.scores([], SHIPS + FACES).any()
