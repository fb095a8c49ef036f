from itertools import permutations

import numpy as np

from tests.tours.recommending.builders import log_of, rows
from tours.recommending.base import Interest, VisitorTaste
from tours.recommending.hybrid import PRIOR_WEIGHTS, HybridRecommender
from tours.recommending.interaction_log import InteractionLog


def test_a_visitor_who_said_nothing_gets_what_visitors_like(harbour, catalogue):
    lady = harbour["lady"]
    log = log_of(*(rows(f"v{i}", (lady, "like")) for i in range(3)))
    picks = HybridRecommender(catalogue=catalogue, log=log).recommend(
        taste=VisitorTaste(), candidates=catalogue.ids, limit=3
    )
    assert picks[0].object_id == lady.pk
    assert picks[0].reason == "popular with visitors"


def test_likes_and_interests_outweigh_popularity(harbour, catalogue):
    log = log_of(*(rows(f"v{i}", (harbour["valley"], "like")) for i in range(5)))
    hybrid = HybridRecommender(catalogue=catalogue, log=log)
    taste = VisitorTaste(
        liked_ids=(harbour["storm"].pk,), interests=(Interest("theme", "shipwrecks"),)
    )
    picks = hybrid.recommend(taste=taste, candidates=catalogue.ids, limit=2)
    assert {p.object_id for p in picks} == {harbour["wreck"].pk, harbour["fleet"].pk}
    assert {p.reason_kind for p in picks} <= {"liked", "interest"}


def test_with_little_history_the_blend_keeps_its_hand_set_weights(catalogue):
    hybrid = HybridRecommender(catalogue=catalogue, log=InteractionLog(rows=[]))
    assert np.array_equal(hybrid.weights, PRIOR_WEIGHTS)


def test_the_blend_learns_to_trust_what_visitors_went_on_to_like(harbour, catalogue):
    # Visitors like the storm, the lady and the valley together, in every order: their
    # vectors have nothing in common, only co-occurrence links them, so the fitted weight of
    # co-occurrence rises above its starting value and above that of likeness.
    trio = [harbour["storm"], harbour["lady"], harbour["valley"]]
    orders = list(permutations(trio))
    log = log_of(
        *(rows(f"v{i}", *((obj, "like") for obj in orders[i % len(orders)])) for i in range(42))
    )
    hybrid = HybridRecommender(catalogue=catalogue, log=log)
    knn, liked = hybrid.weights[3], hybrid.weights[0]
    assert knn > PRIOR_WEIGHTS[3]
    assert knn > liked


def test_an_object_unlike_anything_liked_does_not_claim_to_be_because_of_it(harbour, catalogue):
    hybrid = HybridRecommender(catalogue=catalogue, log=InteractionLog(rows=[]))
    taste = VisitorTaste(liked_ids=(harbour["storm"].pk,))
    picks = {
        p.object_id: p for p in hybrid.recommend(taste=taste, candidates=catalogue.ids, limit=10)
    }
    assert picks[harbour["wreck"].pk].reason == "because you liked Ship in a Storm"
    # The valley has nothing of the storm in it: its reason is not a like.
    assert picks[harbour["valley"].pk].reason_kind != "liked"
