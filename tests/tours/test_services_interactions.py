"""Recording a visitor's batch: each item on its own, public objects only, every value bounded."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import builders
from tours.models import Interaction, InteractionKind, InteractionSource, VisitorProfile
from tours.selectors.history import (
    added_to_tour_objects,
    liked_objects,
    object_states,
    skipped_objects,
    viewed_objects,
    visitor_history,
)
from tours.services.interactions import (
    MAX_DWELL_SECONDS,
    NOT_PUBLIC,
    BatchTooLarge,
    InteractionItem,
    interactions_record,
)

pytestmark = pytest.mark.django_db


def _item(
    slug: str, kind: str = "view", source: str = "object_page", dwell: int | None = None
) -> InteractionItem:
    return InteractionItem(slug, kind, source, dwell)


@pytest.fixture
def profile() -> VisitorProfile:
    return VisitorProfile.objects.create()


def test_a_batch_is_kept_with_its_kinds_sources_and_dwell_times(profile: VisitorProfile) -> None:
    hay_wain, wave = builders.make_object(), builders.make_object()
    results = interactions_record(
        profile=profile,
        items=[_item(hay_wain.slug, dwell=42), _item(wave.slug, "like", "search")],
    )
    assert [r.recorded for r in results] == [True, True]
    rows = list(
        profile.interactions.order_by("pk").values_list(
            "collection_object", "kind", "source", "dwell_seconds"
        )
    )
    assert rows == [(hay_wain.pk, "view", "object_page", 42), (wave.pk, "like", "search", None)]


@pytest.mark.parametrize("visibility", ["restricted", "draft"])
def test_hidden_objects_are_refused_like_unknown_ones_and_the_rest_kept(
    profile: VisitorProfile, visibility: str
) -> None:
    shown = builders.make_object()
    hidden = builders.make_object(visibility=visibility)
    results = interactions_record(
        profile=profile,
        items=[
            _item(hidden.slug, "like"),
            _item("no-such-object", "like"),
            _item(shown.slug, "like"),
        ],
    )
    assert [(r.index, r.recorded, r.reason) for r in results] == [
        (0, False, NOT_PUBLIC),
        (1, False, NOT_PUBLIC),
        (2, True, ""),
    ]
    assert list(profile.interactions.values_list("collection_object", flat=True)) == [shown.pk]


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (InteractionItem("x", "adore", "search"), "Unknown kind"),
        (InteractionItem("x", "like", "telepathy"), "Unknown source"),
        (InteractionItem("x", "like", "simulated"), "Unknown source"),
        (InteractionItem("x", "view", "search", MAX_DWELL_SECONDS + 1), "0 to 14400"),
        (InteractionItem("x", "view", "search", -1), "0 to 14400"),
        (InteractionItem("x", "like", "search", 10), "views only"),
        (InteractionItem("", "like", "search"), "1 to 200"),
        (InteractionItem("x" * 201, "like", "search"), "1 to 200"),
    ],
)
def test_bad_values_are_refused_per_item_with_a_reason(
    profile: VisitorProfile, item: InteractionItem, reason: str
) -> None:
    obj = builders.make_object(slug="x")
    good = _item(obj.slug, "like")
    results = interactions_record(profile=profile, items=[item, good])
    assert not results[0].recorded and reason in results[0].reason
    assert results[1].recorded
    assert profile.interactions.count() == 1


def test_a_view_of_four_hours_is_still_a_view(profile: VisitorProfile) -> None:
    obj = builders.make_object()
    [result] = interactions_record(
        profile=profile, items=[_item(obj.slug, dwell=MAX_DWELL_SECONDS)]
    )
    assert result.recorded


def test_a_batch_over_the_limit_is_refused_whole(profile: VisitorProfile, settings: object) -> None:
    settings.TOURS_INTERACTIONS_MAX_BATCH = 3  # type: ignore[attr-defined]
    obj = builders.make_object()
    with pytest.raises(BatchTooLarge):
        interactions_record(profile=profile, items=[_item(obj.slug)] * 4)
    assert not Interaction.objects.exists()


def test_the_simulation_may_record_simulated_interactions_at_a_given_time(
    profile: VisitorProfile,
) -> None:
    obj = builders.make_object()
    when = timezone.now() - timedelta(days=3)
    [result] = interactions_record(
        profile=profile,
        items=[_item(obj.slug, "like", InteractionSource.SIMULATED)],
        sources={InteractionSource.SIMULATED},
        at=when,
    )
    assert result.recorded
    assert profile.interactions.get().created_at == when


def test_recording_moves_the_visitors_last_activity_on(profile: VisitorProfile) -> None:
    VisitorProfile.objects.filter(pk=profile.pk).update(
        last_seen_at=timezone.now() - timedelta(days=30)
    )
    interactions_record(profile=profile, items=[_item(builders.make_object().slug)])
    profile.refresh_from_db()
    assert timezone.now() - profile.last_seen_at < timedelta(minutes=1)


def test_liked_objects_are_likes_minus_later_unlikes(profile: VisitorProfile) -> None:
    kept, taken_back, liked_again = (builders.make_object() for _ in range(3))
    interactions_record(
        profile=profile, items=[_item(kept.slug, "like"), _item(taken_back.slug, "like")]
    )
    interactions_record(
        profile=profile,
        items=[
            _item(taken_back.slug, "unlike"),
            _item(liked_again.slug, "like"),
            _item(liked_again.slug, "unlike"),
            _item(liked_again.slug, "like"),
        ],
    )
    assert set(liked_objects(profile=profile)) == {kept, liked_again}
    assert liked_objects(profile=profile).first() == liked_again  # latest like first


def test_an_object_made_restricted_drops_out_of_every_list(profile: VisitorProfile) -> None:
    obj = builders.make_object()
    interactions_record(
        profile=profile,
        items=[_item(obj.slug, kind) for kind in ("like", "skip", "add_to_tour")]
        + [_item(obj.slug, dwell=5)],
    )
    assert list(liked_objects(profile=profile)) == [obj]
    obj.visibility = "restricted"
    obj.save()
    assert not liked_objects(profile=profile).exists()
    assert not skipped_objects(profile=profile).exists()
    assert not added_to_tour_objects(profile=profile).exists()
    assert viewed_objects(profile=profile) == []
    history = visitor_history(profile=profile)
    assert history.liked_ids == history.skipped_ids == history.viewed_ids == ()
    assert object_states(profile=profile, slugs=[obj.slug]).liked == frozenset()


def test_viewed_objects_add_up_views_and_dwell_time(profile: VisitorProfile) -> None:
    painting, vase = builders.make_object(), builders.make_object()
    interactions_record(profile=profile, items=[_item(painting.slug, dwell=30), _item(vase.slug)])
    interactions_record(profile=profile, items=[_item(painting.slug, dwell=12)])
    viewed = {
        v.collection_object: (v.views, v.dwell_seconds) for v in viewed_objects(profile=profile)
    }
    assert viewed == {painting: (2, 42), vase: (1, 0)}
    assert viewed_objects(profile=profile)[0].collection_object == painting  # viewed last


def test_one_visitors_history_is_not_anothers(profile: VisitorProfile) -> None:
    other = VisitorProfile.objects.create()
    obj = builders.make_object()
    interactions_record(profile=other, items=[_item(obj.slug, "like"), _item(obj.slug, "skip")])
    assert not liked_objects(profile=profile).exists()
    assert visitor_history(profile=profile).skipped_ids == ()
    assert visitor_history(profile=other).liked_ids == (obj.pk,)


def test_object_states_say_what_is_liked_and_picked_among_the_slugs_asked(
    profile: VisitorProfile,
) -> None:
    liked, picked, neither = (builders.make_object() for _ in range(3))
    interactions_record(
        profile=profile,
        items=[
            _item(liked.slug, InteractionKind.LIKE),
            _item(picked.slug, InteractionKind.ADD_TO_TOUR),
        ],
    )
    states = object_states(profile=profile, slugs=[liked.slug, picked.slug, neither.slug])
    assert states.liked == {liked.slug}
    assert states.added_to_tour == {picked.slug}
    assert object_states(profile=None, slugs=[liked.slug]).liked == frozenset()
