"""The object page's cached parts: few queries, and never a stale or hidden thing shown.

The whole-page cache is off here, so every request goes through the view and what a
visitor sees comes from the fragment cache (exhibition/object_fragments.py).
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, RequestFactory

from descriptions import image_analysis
from descriptions.services import description_draft
from exhibition.models import CollectionObject, ObjectImage, Visibility
from exhibition.models.annotations import AnnotationVisibility
from exhibition.object_fragments import fragment_key
from exhibition.services.annotations import AnnotationInput, annotation_create, annotation_update
from exhibition.services.review import (
    machine_output_approve,
    machine_output_return_to_draft,
)
from search.encoders.base import Concept
from tests import builders

pytestmark = pytest.mark.django_db(transaction=True)

AssertQueries = Callable[..., Any]

# A page with every part held pays for the object row, and for the collection version
# when this process's copy of it is over a second old.
WARM_QUERIES = 2
# A page rendered from nothing, with every kind of part: metadata, image, 3D model,
# approved restoration, note, description, the panels and related objects.
COLD_QUERIES = 40


@pytest.fixture(autouse=True)
def _fragments_only(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.VITRINE_PAGE_CACHE = False
    # Drafting a description measures the picture; the image model is search's to test.
    monkeypatch.setattr(image_analysis, "read_concepts", lambda picture: [Concept("ship", 0.6)])


def _page(client: Client, obj: CollectionObject, *, language: str = "") -> str:
    # Spelled out: after a /fr/ request the test's thread reverses URLs in French.
    response = client.get(f"{language}/objects/{obj.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def _rich_object(curator: User) -> tuple[CollectionObject, ObjectImage]:
    painter = builders.make_agent("Willem van de Velde")
    obj = builders.make_object(title="Ships in a gale", creator=painter)
    image = builders.add_image(obj, width=640, height=480)
    builders.add_model(obj)
    restoration = builders.add_restoration(image)
    machine_output_approve(output=restoration.machine_output, reviewer=curator)
    annotation_create(data=_note(image, "The torn sail."), creator=curator)
    description_draft(collection_object=obj)
    builders.make_object(title="A calm sea", creator=painter)  # a related object
    return obj, image


def _note(image: ObjectImage, body: str, **fields: Any) -> AnnotationInput:
    return AnnotationInput(
        selector_kind="rect",
        selector={"x": 1, "y": 2, "w": 30, "h": 20},
        body=body,
        image=image,
        **fields,
    )


def test_a_page_whose_parts_are_held_costs_the_object_row_only(
    client: Client, curator: User, django_assert_max_num_queries: AssertQueries
) -> None:
    obj, _ = _rich_object(curator)
    with django_assert_max_num_queries(COLD_QUERIES):
        first = _page(client, obj)
    with django_assert_max_num_queries(WARM_QUERIES):
        second = _page(client, obj)
    assert second == first
    for shown in ("Ships in a gale", "AI reconstruction", "The torn sail.", "A calm sea"):
        assert shown in second


def test_editing_the_object_shows_at_once(client: Client) -> None:
    obj = builders.make_object(title="Before the storm")
    assert "Before the storm" in _page(client, obj)
    obj.title = "After the storm"
    obj.save()
    page = _page(client, obj)
    assert "After the storm" in page
    assert "Before the storm" not in page


def test_an_added_or_described_image_shows_at_once(client: Client) -> None:
    obj = builders.make_object()
    assert "deep-zoom-1" not in _page(client, obj)
    image = builders.add_image(obj)
    assert "deep-zoom-1" in _page(client, obj)
    image.alt_text = "Three ships under a dark sky"
    image.save()
    assert "Three ships under a dark sky" in _page(client, obj)


def test_a_restoration_shows_only_while_approved(client: Client, curator: User) -> None:
    image = builders.add_image(builders.make_object())
    restoration = builders.add_restoration(image)
    obj = image.collection_object
    assert "restoration-compare" not in _page(client, obj)
    machine_output_approve(output=restoration.machine_output, reviewer=curator)
    assert "restoration-compare" in _page(client, obj)
    machine_output_return_to_draft(
        output=restoration.machine_output, reviewer=curator, note="The sky is invented."
    )
    assert "restoration-compare" not in _page(client, obj)


def test_notes_follow_their_edits_and_visibility(client: Client, curator: User) -> None:
    image = builders.add_image(builders.make_object())
    obj = image.collection_object
    note = annotation_create(data=_note(image, "A gull on the mast."), creator=curator)
    assert "A gull on the mast." in _page(client, obj)
    annotation_update(annotation=note, data=_note(image, "A tern on the mast."), editor=curator)
    page = _page(client, obj)
    assert "A tern on the mast." in page
    assert "A gull on the mast." not in page
    annotation_update(
        annotation=note,
        data=_note(image, "A tern on the mast.", visibility=AnnotationVisibility.CURATORS),
        editor=curator,
    )
    assert "A tern on the mast." not in _page(client, obj)


def test_an_approved_description_loses_its_draft_label_at_once(
    client: Client, curator: User
) -> None:
    obj = builders.make_object()
    builders.add_image(obj)
    description = description_draft(collection_object=obj)
    assert "awaiting review" in _page(client, obj)
    machine_output_approve(output=description.machine_output, reviewer=curator)
    page = _page(client, obj)
    assert "awaiting review" not in page
    assert description.short_text in page


def test_another_object_made_restricted_leaves_the_related_objects(client: Client) -> None:
    painter = builders.make_agent("Jan van Goyen")
    obj = builders.make_object(title="River view", creator=painter)
    other = builders.make_object(title="Dunes near Haarlem", creator=painter)
    assert "Dunes near Haarlem" in _page(client, obj)
    other.visibility = Visibility.RESTRICTED
    other.save()
    assert "Dunes near Haarlem" not in _page(client, obj)


def test_a_restricted_object_is_never_served_from_held_parts(client: Client) -> None:
    obj = builders.make_object(title="Sacred bundle")
    _page(client, obj)
    # A write that bypasses signals and the collection version: the row itself decides.
    CollectionObject.objects.filter(pk=obj.pk).update(visibility=Visibility.RESTRICTED)
    assert client.get(f"/objects/{obj.slug}/").status_code == 404
    CollectionObject.objects.filter(pk=obj.pk).update(visibility=Visibility.DRAFT)
    assert client.get(f"/objects/{obj.slug}/").status_code == 404


def test_french_and_english_parts_are_kept_apart(client: Client) -> None:
    obj = builders.make_object(title="The Harbour")
    builders.add_translation(obj, "fr", title="Le Port")
    english = _page(client, obj)
    assert "The Harbour" in english and "Le Port" not in english
    # The English parts are held now: the French page must not be served from them.
    french = _page(client, obj, language="/fr")
    assert "Le Port" in french and "Fil d’Ariane" in french
    # Each language is served again from its own parts.
    assert _page(client, obj, language="/fr") == french
    assert _page(client, obj) == english


def test_each_host_gets_its_own_absolute_links(client: Client, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["testserver", "museum.example"]
    obj = builders.make_object()
    assert "http://testserver/" in _page(client, obj)
    page = client.get(f"/objects/{obj.slug}/", HTTP_HOST="museum.example").content.decode()
    assert "http://museum.example/" in page
    assert "testserver" not in page


def test_a_signed_in_curator_gets_fresh_parts_and_leaves_none_for_visitors(
    client: Client,
) -> None:
    curator = builders.make_curator("marguerite-vallayer")
    obj = builders.make_object(title="Before")
    key = fragment_key(RequestFactory().get("/"), obj)
    client.force_login(curator)
    assert "Before" in _page(client, obj)
    assert cache.get(key) is None
    # A write that moves neither the collection version nor the row's updated_at.
    CollectionObject.objects.filter(pk=obj.pk).update(title="After")
    curator_page = _page(client, obj)
    assert "After" in curator_page
    assert curator.username not in curator_page
    client.logout()
    _page(client, obj)
    assert cache.get(key) is not None  # a visitor's page is kept, under that key
