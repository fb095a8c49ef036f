"""Cards and the browse page's filter form are kept rendered, and never outlive a change."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from exhibition.browse import annotated_public_objects
from exhibition.browse_facet_store import browse_facets_rebuild
from exhibition.card_fragments import rendered_cards
from exhibition.models import CollectionObject, ObjectCreator
from tests import builders

pytestmark = pytest.mark.django_db(transaction=True)  # writes commit: the version moves


def _listed(*objects: CollectionObject) -> list[CollectionObject]:
    ids = [obj.pk for obj in objects]
    by_id = annotated_public_objects().prefetch_related(None).in_bulk(ids)
    return [by_id[pk] for pk in ids]


def test_a_card_held_for_its_object_costs_no_query(steady_version: None) -> None:
    harbour = builders.make_object(title="Harbour")
    ObjectCreator.objects.create(
        collection_object=harbour, agent=builders.make_agent("Ann Painter"), role="painter"
    )
    builders.add_image(harbour)
    first = rendered_cards(_listed(harbour))
    objects = _listed(harbour)

    with CaptureQueriesContext(connection) as queries:
        again = rendered_cards(objects)

    assert again == first
    assert queries.captured_queries == []
    assert "Harbour" in again[0] and "Ann Painter" in again[0] and "<img" in again[0]


def test_a_card_shows_a_change_to_what_it_lists_at_once() -> None:
    harbour = builders.make_object(title="Harbour")
    assert "3D model" not in rendered_cards(_listed(harbour))[0]

    builders.add_model(harbour)
    builders.add_translation(harbour, "fr", title="Le Port")

    assert "3D model" in rendered_cards(_listed(harbour))[0]
    with translation.override("fr"):
        french = rendered_cards(_listed(harbour))[0]
    assert "Le Port" in french and "Modèle 3D" in french


def test_the_heading_level_is_part_of_the_card() -> None:
    harbour = builders.make_object(title="Harbour")
    listed = _listed(harbour)
    assert '<h3 class="card__title">' in rendered_cards(listed, level="3")[0]
    assert '<h4 class="card__title">' in rendered_cards(listed, level="4")[0]


def test_a_hidden_object_leaves_browse_although_its_card_is_held(client: Client) -> None:
    harbour = builders.make_object(title="Harbour")
    builders.make_object(title="Storm")
    assert "Harbour" in client.get("/objects/", {"sort": "title"}).content.decode()

    harbour.visibility = "restricted"
    harbour.save()

    page = client.get("/objects/", {"sort": "title"}).content.decode()
    assert "Harbour" not in page and "Storm" in page


def test_the_filter_form_counts_again_after_a_change(client: Client) -> None:
    builders.make_object(title="Bowl", object_type="ceramic")
    page = client.get("/objects/").content.decode()
    assert 'value="ceramic"' in page and "(1)" in page

    builders.make_object(title="Jar", object_type="ceramic")

    page = client.get("/objects/").content.decode()
    assert "(2)" in page


def test_the_filter_form_keeps_each_visitors_choices(client: Client) -> None:
    builders.make_object(title="Bowl", object_type="ceramic")
    builders.make_object(title="Print", object_type="print")

    chosen = client.get("/objects/", {"type": "ceramic"}).content.decode()
    plain = client.get("/objects/").content.decode()

    assert 'value="ceramic" checked' in chosen
    assert 'value="ceramic" checked' not in plain


def test_the_filter_form_counts_again_after_a_recount(client: Client) -> None:
    builders.make_object(title="Bowl", object_type="ceramic")
    jar = builders.make_object(title="Jar", object_type="ceramic")
    assert 'value="ceramic"' in client.get("/objects/").content.decode()

    # A write that sends no signal (a bulk update), followed by the recount it calls for.
    CollectionObject.objects.filter(pk=jar.pk).update(object_type="glass")
    browse_facets_rebuild()

    page = client.get("/objects/").content.decode()
    assert 'value="glass"' in page
