"""The exhibitions list and exhibition pages: ordered sections, public objects only."""

import pytest
from django.test import Client

from exhibition.models import ExhibitionSection, SectionObject, Visibility
from tests import builders

pytestmark = pytest.mark.django_db


def test_list_shows_public_exhibitions_only(client: Client) -> None:
    builders.make_exhibition(title="The sea and the sky", subtitle="Marine painting")
    builders.make_exhibition(title="Work in progress", visibility=Visibility.DRAFT)

    response = client.get("/exhibitions/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "The sea and the sky" in html
    assert "Marine painting" in html
    assert "Work in progress" not in html


def test_exhibition_page_shows_sections_in_order_with_their_objects(client: Client) -> None:
    storm = builders.make_object(title="Storm on the Sea of Galilee")
    calm = builders.make_object(title="A calm sea")
    builders.add_image(storm)
    exhibition = builders.make_exhibition(storm, slug="sea", title="The sea and the sky")
    second = ExhibitionSection.objects.create(
        exhibition=exhibition, order=5, heading="Calm waters", body="After the storm."
    )
    SectionObject.objects.create(
        section=second, collection_object=calm, caption="Glassy water at noon."
    )

    response = client.get("/exhibitions/sea/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="exhibition-title">The sea and the sky</h1>' in html
    first = html.index('id="section-1-heading">First room</h2>')
    second_heading = html.index('id="section-2-heading">Calm waters</h2>')
    storm_in_story = html.index("Storm on the Sea of Galilee", first)
    assert first < html.index("Introductory text.") < storm_in_story
    assert storm_in_story < second_heading < html.index("A calm sea", second_heading)
    assert "Glassy water at noon." in html
    assert f'href="{storm.get_absolute_url()}"' in html


def test_hidden_objects_drop_out_of_an_exhibition(client: Client) -> None:
    shown = builders.make_object(title="Shown object")
    secret = builders.make_object(title="Sacred object", visibility=Visibility.RESTRICTED)
    draft = builders.make_object(title="Draft object", visibility=Visibility.DRAFT)
    builders.make_exhibition(shown, secret, draft, slug="mixed", cover_object=secret)

    html = client.get("/exhibitions/mixed/").content.decode()
    listing = client.get("/exhibitions/").content.decode()

    assert "Shown object" in html
    assert "Sacred object" not in html and "Sacred object" not in listing
    assert "Draft object" not in html


def test_draft_exhibition_is_not_found(client: Client) -> None:
    builders.make_exhibition(slug="draft-show", visibility=Visibility.DRAFT)

    assert client.get("/exhibitions/draft-show/").status_code == 404
