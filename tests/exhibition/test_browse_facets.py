"""The browse page's maintained facet counts stay equal to a live count of public objects."""

import pytest
from django.http import QueryDict

from exhibition.browse import browse_facets, browse_objects, parse_browse_params
from exhibition.browse_facet_counts import cells_answer, counted_facets, counted_total
from exhibition.browse_facet_store import browse_facets_rebuild
from exhibition.models import BrowseEntry, BrowseFacetCell, CollectionObject, Visibility
from exhibition.models.browse_facets import facet_century
from exhibition.services.review import machine_output_approve, machine_output_return_to_draft
from tests import builders

pytestmark = pytest.mark.django_db

QUERIES = ["", "type=print", "century=19&has_3d=true", "culture=Japan&type=print&type=painting"]


def _counts(params: str = "") -> dict[str, dict[str, int]]:
    facets = counted_facets(parse_browse_params(QueryDict(params)))
    return {name: {v.value: v.count for v in values} for name, values in facets.items()}


def _total(params: str = "") -> int:
    return counted_total(parse_browse_params(QueryDict(params)))


def _assert_same_as_live() -> None:
    """The maintained counts say what counting the objects live says, for every query."""
    for params in QUERIES:
        query = parse_browse_params(QueryDict(params))
        assert cells_answer(query)
        maintained, total = counted_facets(query), counted_total(query)
        live = browse_facets(query)
        as_counts = {n: {v.value: v.count for v in vs} for n, vs in maintained.items()}
        live_counts = {n: {v.value: v.count for v in vs if v.count} for n, vs in live.items()}
        as_counts = {n: {k: c for k, c in vs.items() if c} for n, vs in as_counts.items()}
        assert as_counts == live_counts, params
        assert total == browse_objects(query).count(), params


def test_counts_follow_creation_edits_and_deletion() -> None:
    wave = builders.make_object(object_type="print", culture="Japan (Edo)", date_start=1831)
    builders.make_object(object_type="painting", culture="Japan", date_start=1503)
    assert _counts()["culture"] == {"Japan": 2}
    assert _counts()["type"] == {"print": 1, "painting": 1}

    wave.object_type = "painting"
    wave.date_start, wave.date_end = -450, -440
    wave.save()
    assert _counts()["type"] == {"painting": 2}
    assert _counts()["century"] == {"-5": 1, "16": 1}

    wave.delete()
    assert _counts()["type"] == {"painting": 1}
    assert _total() == 1
    _assert_same_as_live()


def test_restricted_and_draft_objects_are_never_counted() -> None:
    shown = builders.make_object(object_type="print")
    builders.make_object(object_type="mask", visibility=Visibility.RESTRICTED)
    builders.make_object(object_type="draft-thing", visibility=Visibility.DRAFT)
    assert _counts()["type"] == {"print": 1}

    shown.visibility = Visibility.RESTRICTED
    shown.save()
    assert _counts()["type"] == {}
    assert _total() == 0
    assert not BrowseEntry.objects.exists()

    shown.visibility = Visibility.PUBLIC
    shown.save()
    assert _counts()["type"] == {"print": 1}
    _assert_same_as_live()


def test_3d_models_and_only_approved_restorations_count() -> None:
    curator = builders.make_curator()
    statue = builders.make_object(title="Statue")
    model = builders.add_model(statue)
    fresco = builders.make_object(title="Fresco")
    restoration = builders.add_restoration(builders.add_image(fresco))
    assert _counts()["has_3d"] == {"true": 1, "false": 1}
    assert _counts()["has_restoration"] == {"true": 0, "false": 2}

    machine_output_approve(output=restoration.machine_output, reviewer=curator)
    assert _counts()["has_restoration"] == {"true": 1, "false": 1}
    assert _total("has_restoration=true") == 1

    machine_output_return_to_draft(
        output=restoration.machine_output, reviewer=curator, note="Colours look wrong."
    )
    assert _counts()["has_restoration"] == {"true": 0, "false": 2}

    model.delete()
    assert _counts()["has_3d"] == {"true": 0, "false": 2}
    _assert_same_as_live()


def test_deleting_an_image_removes_its_approved_restoration_from_the_counts() -> None:
    curator = builders.make_curator()
    fresco = builders.make_object(title="Fresco")
    image = builders.add_image(fresco)
    builders.add_restoration(image, status="approved", reviewer=curator)
    assert _counts()["has_restoration"]["true"] == 1

    image.delete()
    assert _counts()["has_restoration"] == {"true": 0, "false": 1}


def test_each_facet_counts_under_the_other_filters() -> None:
    builders.make_object(object_type="print", culture="Japan", date_start=1831)
    builders.make_object(object_type="print", culture="France", date_start=1890, date_end=1890)
    builders.make_object(object_type="painting", culture="Japan", date_start=1700)
    counts = _counts("type=print&culture=Japan")
    # Types under culture=Japan; cultures under type=print.
    assert counts["type"] == {"print": 1, "painting": 1}
    assert counts["culture"] == {"Japan": 1, "France": 1}
    assert _total("type=print&culture=Japan") == 1
    _assert_same_as_live()


def test_rebuild_after_writes_that_send_no_signal() -> None:
    obj = builders.make_object(object_type="print")
    CollectionObject.objects.filter(pk=obj.pk).update(
        object_type="coin", visibility=Visibility.PUBLIC
    )
    builders.make_object(object_type="vase", visibility=Visibility.RESTRICTED)
    CollectionObject.objects.filter(object_type="vase").update(visibility=Visibility.PUBLIC)
    assert _counts()["type"] == {"print": 1}  # stale until rebuilt

    assert browse_facets_rebuild() == 2
    assert _counts()["type"] == {"coin": 1, "vase": 1}
    assert BrowseFacetCell.objects.filter(count=0).count() == 0
    _assert_same_as_live()


def test_filters_the_counts_do_not_hold_are_counted_live() -> None:
    painter = builders.make_agent("Hokusai")
    builders.make_object(object_type="print", culture="Japan (Edo)", creator=painter)
    builders.make_object(object_type="print", culture="Japan")
    for params in ["agent=hokusai", "date_from=1800", "culture=Japan (Edo)"]:
        assert not cells_answer(parse_browse_params(QueryDict(params)))
    assert _counts("culture=Japan (Edo)")["type"] == {"print": 1}
    assert _total("date_from=1800&date_to=1900") == 2


def test_century_matches_the_browse_filter_for_any_year() -> None:
    for year in [1, 100, 101, 1850, 2000, -1, -100, -101, -450]:
        obj = builders.make_object(date_start=year, date_end=year)
        query = parse_browse_params(QueryDict(f"century={facet_century(year, year)}"))
        assert obj in browse_objects(query), year
    assert facet_century(None, None) == 0
    assert facet_century(None, 1503) == 16
