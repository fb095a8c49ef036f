"""recommend_for: what the public site, the tour planner and the API are given."""

from exhibition.models import Visibility
from tests import builders
from tests.tours.recommending.builders import make_embedded, unit
from tours.recommending.base import Interest, VisitorTaste
from tours.selectors.recommendations import forget_fitted, recommend_for, similarity_of


def test_restricted_and_draft_objects_are_never_recommended(harbour):
    hidden = make_embedded(
        unit(1, 0, 0.1, 0), title="Sacred Canoe", visibility=Visibility.RESTRICTED
    )
    draft = make_embedded(
        unit(1, 0, 0.1, 0), title="Unfinished Record", visibility=Visibility.DRAFT
    )
    taste = VisitorTaste(
        liked_ids=(harbour["storm"].pk,), interests=(Interest("theme", "shipwrecks"),)
    )
    ids = [p.object_id for p in recommend_for(taste=taste, limit=20)]
    assert ids and hidden.pk not in ids and draft.pk not in ids


def test_an_object_hidden_after_the_fit_drops_out_at_once(harbour):
    taste = VisitorTaste(liked_ids=(harbour["storm"].pk,))
    assert harbour["wreck"].pk in [p.object_id for p in recommend_for(taste=taste, limit=5)]
    harbour["wreck"].visibility = Visibility.RESTRICTED
    harbour["wreck"].save()
    assert harbour["wreck"].pk not in [p.object_id for p in recommend_for(taste=taste, limit=5)]


def test_only_allowed_objects_are_recommended(harbour):
    on_display = {harbour["lady"].pk, harbour["valley"].pk}
    taste = VisitorTaste(liked_ids=(harbour["storm"].pk,))
    picks = recommend_for(taste=taste, limit=10, allowed_ids=on_display)
    assert {p.object_id for p in picks} == on_display


def test_the_list_is_as_long_as_asked_and_every_pick_has_a_reason(harbour):
    picks = recommend_for(taste=VisitorTaste(liked_ids=(harbour["lady"].pk,)), limit=3)
    assert len(picks) == 3
    assert all(p.reason and p.reason_kind for p in picks)


def test_a_new_object_is_recommended_once_the_strategy_is_refitted(harbour):
    taste = VisitorTaste(interests=(Interest("theme", "shipwrecks"),))
    recommend_for(taste=taste, limit=3)
    newer = make_embedded(unit(1, 0, 0, 0), title="Newly Found Wreck")
    forget_fitted()
    assert newer.pk in [p.object_id for p in recommend_for(taste=taste, limit=3)]


def test_similarity_orders_like_objects_closer(harbour):
    similar = similarity_of([o.pk for o in harbour.values()])
    storm, wreck, valley = harbour["storm"], harbour["wreck"], harbour["valley"]
    assert similar(storm.pk, wreck.pk) > similar(storm.pk, valley.pk)
    assert 0.0 <= similar(storm.pk, valley.pk) <= 1.0


def _japan_and_the_rest() -> list:
    """Five Japanese objects, made in pairs by one maker (so MMR reorders them), and a dozen
    others (two of them featured highlights)."""
    makers = [builders.make_agent(name) for name in ("Hokusai", "Hiroshige", "Beato")]
    japan = [
        make_embedded(
            unit(0, 1, 0.1 * i, 0),
            title=f"Japanese work {i}",
            culture="Japan",
            creator=makers[i // 2],
            object_type=("print", "book", "photograph")[i // 2],
            date_start=1700 + 100 * (i // 2),
            date_end=1700 + 100 * (i // 2),
        )
        for i in range(5)
    ]
    for i in range(12):
        make_embedded(unit(1, 0, 0.1 * i, 0), title=f"Other {i}", culture="France", featured=i < 2)
    return japan


def test_a_visitor_with_one_interest_gets_its_matches_first_each_saying_so(db):
    # Equal scores and shared makers used to get the matches relabelled "to vary the tour".
    japan = _japan_and_the_rest()
    taste = VisitorTaste(interests=(Interest("culture", "Japan"),))
    picks = recommend_for(taste=taste, limit=8)
    assert {p.object_id for p in picks[:5]} == {obj.pk for obj in japan}
    assert all(p.reason == "matches 'Japan'" for p in picks[:5])
    assert all(p.score > q.score for p in picks[:5] for q in picks[5:])
    assert not [p for p in picks if p.reason_kind == "variety"]


def test_a_tour_sized_list_keeps_every_objects_own_reason(db):
    # The planner asks for every object on display: variety decides nothing there.
    japan = _japan_and_the_rest()
    taste = VisitorTaste(interests=(Interest("culture", "Japan"),))
    picks = recommend_for(taste=taste, limit=150)
    assert len(picks) == 17
    assert not [p for p in picks if p.reason_kind == "variety"]
    matched = {p.object_id for p in picks if p.reason == "matches 'Japan'"}
    assert matched == {obj.pk for obj in japan}
