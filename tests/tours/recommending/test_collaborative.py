"""Item-to-item co-occurrence, popularity and the random baseline."""

from tests import builders
from tests.tours.recommending.builders import log_of, rows
from tours.recommending.base import VisitorTaste
from tours.recommending.interaction_log import InteractionLog
from tours.recommending.item_knn import ItemKnnRecommender, co_occurrence_neighbours
from tours.recommending.popularity import PopularityRecommender
from tours.recommending.random_baseline import RandomRecommender


def test_objects_liked_by_the_same_visitors_are_recommended_together(harbour, catalogue):
    storm, valley, lady = harbour["storm"], harbour["valley"], harbour["lady"]
    log = log_of(
        *(rows(f"v{i}", (storm, "like"), (valley, "like")) for i in range(4)),
        rows("w", (lady, "like")),
    )
    knn = ItemKnnRecommender(catalogue=catalogue, log=log)
    picks = knn.recommend(
        taste=VisitorTaste(liked_ids=(storm.pk,)), candidates=catalogue.ids, limit=3
    )
    assert [p.object_id for p in picks] == [valley.pk]
    assert picks[0].reason == "visitors who liked Ship in a Storm liked this too"


def test_shrinkage_trusts_a_pair_many_visitors_share_over_a_chance_pair():
    shared = {f"v{i}": {1, 2} for i in range(20)}
    shared["lone"] = {1, 3}
    near = co_occurrence_neighbours(shared)
    assert near[1][2] > 3 * near[1][3]


def test_a_glance_or_a_skip_is_not_a_like(harbour, catalogue):
    storm, valley = harbour["storm"], harbour["valley"]
    glance = rows("v", (storm, "like"), (valley, "view"))
    glance[1] = glance[1].__class__("v", valley.pk, "view", 3, glance[1].at)
    log = log_of(glance, rows("w", (storm, "like"), (valley, "skip")))
    assert log.positive_sets() == {"v": {storm.pk}, "w": {storm.pk}}


def test_a_like_taken_back_no_longer_counts(harbour):
    log = log_of(rows("v", (harbour["storm"], "like"), (harbour["storm"], "unlike")))
    assert log.positive_sets() == {"v": set()}


def test_popular_objects_come_first_and_say_so(harbour, catalogue):
    lady, valley = harbour["lady"], harbour["valley"]
    log = log_of(*(rows(f"v{i}", (lady, "like")) for i in range(3)), rows("w", (valley, "view")))
    picks = PopularityRecommender(catalogue=catalogue, log=log).recommend(
        taste=VisitorTaste(), candidates=catalogue.ids, limit=2
    )
    assert picks[0].object_id == lady.pk
    assert picks[0].reason == "popular with visitors"


def test_before_any_visitor_the_collections_highlights_lead(db):
    builders.make_object(title="Plain")
    star = builders.make_object(title="Star", featured=True)
    from tours.recommending.catalogue import load_catalogue

    catalogue = load_catalogue()
    picks = PopularityRecommender(catalogue=catalogue, log=InteractionLog(rows=[])).recommend(
        taste=VisitorTaste(), candidates=catalogue.ids, limit=2
    )
    assert picks[0].object_id == star.pk
    assert picks[0].reason == "a highlight of the collection"


def test_random_is_repeatable_for_one_visitor_and_skips_what_they_saw(harbour, catalogue):
    random = RandomRecommender(catalogue=catalogue, log=InteractionLog(rows=[]), seed=3)
    taste = VisitorTaste(seen_ids=frozenset({harbour["lady"].pk}))
    first = random.recommend(taste=taste, candidates=catalogue.ids, limit=10)
    again = random.recommend(taste=taste, candidates=catalogue.ids, limit=10)
    assert first == again
    assert len(first) == len(catalogue.ids) - 1
    assert harbour["lady"].pk not in [p.object_id for p in first]
