"""Exhibition pages read as stories: a hero, parts with large pictures, zoom, plain captions."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from exhibition.models import Agent, ExhibitionSection, ObjectCreator, SectionObject
from tests import builders
from tests.exhibition.iiif.helpers import write_tiles

pytestmark = pytest.mark.django_db


@pytest.fixture
def turner_show():  # type: ignore[no-untyped-def]
    turner = Agent.objects.create(slug="turner", name="J. M. W. Turner")
    temeraire = builders.make_object(
        slug="temeraire", title="The Fighting Temeraire", date_display="1839"
    )
    ObjectCreator.objects.create(collection_object=temeraire, agent=turner, role="painter")
    write_tiles(builders.add_image(temeraire, width=2400, height=1800))
    exhibition = builders.make_exhibition(
        temeraire,
        slug="sea",
        title="The sea and the sky",
        subtitle="Weather and water",
        summary="Storms, fog and calm.",
        cover_object=temeraire,
    )
    SectionObject.objects.filter(collection_object=temeraire).update(
        caption="J. M. W. Turner, 1839. A small steam tug tows HMS Temeraire."
    )
    return exhibition


def test_hero_leads_with_a_large_cover_picture_and_the_introduction(
    client: Client, turner_show
) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/exhibitions/sea/").content.decode()

    start = html.index('<header class="story-hero')
    hero = html[start : html.index("</header>", start)]
    assert "story-hero--pictured" in hero
    # A large pre-cut IIIF size, never the original, with the sizes a browser may pick.
    assert 'src="/iiif/image/temeraire-0/full/1200,900/0/default.jpg"' in hero
    assert "/iiif/image/temeraire-0/full/1200,900/0/default.jpg 1200w" in hero
    assert '<h1 id="exhibition-title">The sea and the sky</h1>' in hero
    assert "Weather and water" in hero and "Storms, fog and calm." in hero
    assert "1 part · 1 object" in hero
    assert '<a class="button button--primary" href="#section-1">Begin the exhibition</a>' in hero


def test_objects_are_shown_large_with_a_caption_that_does_not_repeat_the_byline(
    client: Client, turner_show
) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/exhibitions/sea/").content.decode()

    story = html[html.index('id="section-1"') :]
    assert '<p class="story-object__byline">J. M. W. Turner, 1839</p>' in story
    assert '<p class="story-object__caption">A small steam tug tows HMS Temeraire.</p>' in story
    assert story.count("J. M. W. Turner, 1839") == 1
    assert 'sizes="(min-width: 60rem) 44rem, 100vw"' in story


def test_each_picture_opens_in_deep_zoom_in_place(client: Client, turner_show) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/exhibitions/sea/").content.decode()

    control = re.search(
        r'<a class="button button--primary" href="([^"]+)" data-story-zoom="([^"]+)"', html
    )
    assert control is not None
    # Without JavaScript the control leads to the viewer on the object page.
    assert control.group(1) == "/objects/temeraire/#object-media"
    dialog_id = control.group(2)
    dialog = html[html.index(f'<dialog class="story-zoom" id="{dialog_id}"') :]
    dialog = dialog[: dialog.index("</dialog>")]
    # The viewer waits, hidden, until its dialog opens: no tiles load for a closed one.
    assert '<div class="story-zoom__body" hidden>' in dialog
    assert 'data-info-url="/iiif/image/temeraire-0/info.json"' in dialog
    assert "/static/js/exhibition-story.js" in html
    assert "/static/vendor/openseadragon.min.js" in html


def test_an_object_with_a_content_note_is_not_pictured_in_the_story(client: Client) -> None:
    ancestor = builders.make_object(title="Ancestor portrait", content_note="Shows an ancestor.")
    builders.add_image(ancestor)
    builders.make_exhibition(ancestor, slug="care")

    html = client.get("/exhibitions/care/").content.decode()

    assert "<img" not in html[html.index('id="section-1"') :]
    assert "data-story-zoom" not in html
    assert "This object has a content note." in html


def test_exhibition_without_pictures_has_a_plain_hero_and_no_viewer_scripts(
    client: Client,
) -> None:
    note = builders.make_object(title="A letter")
    exhibition = builders.make_exhibition(note, slug="letters")
    ExhibitionSection.objects.create(exhibition=exhibition, order=1, heading="Replies")

    html = client.get("/exhibitions/letters/").content.decode()

    assert "story-hero--pictured" not in html
    assert "openseadragon" not in html
    assert "Part 2 of 2" in html
    assert "There is no image of this object yet." in html


def test_list_and_home_show_each_exhibition_as_a_feature_with_its_size(
    client: Client, turner_show
) -> None:  # type: ignore[no-untyped-def]
    listing = client.get("/exhibitions/").content.decode()
    home = client.get("/").content.decode()

    for html in (listing, home):
        assert '<li class="exhibition-feature">' in html
        assert "1 part · 1 object" in html
        assert "/iiif/image/temeraire-0/full/1200,900/0/default.jpg" in html
    assert '<h2 class="exhibition-feature__title">' in listing
    assert '<h3 class="exhibition-feature__title">' in home


def test_story_costs_the_same_queries_however_many_objects(
    client: Client, django_assert_max_num_queries, steady_version: None
) -> None:  # type: ignore[no-untyped-def]
    def story_with(count: int, slug: str) -> None:
        maker = Agent.objects.create(slug=f"maker-{slug}", name=f"Maker {slug}")
        objects = []
        for _ in range(count):
            obj = builders.make_object()
            ObjectCreator.objects.create(collection_object=obj, agent=maker, role="painter")
            builders.add_image(obj)
            objects.append(obj)
        builders.make_exhibition(*objects, slug=slug)

    story_with(2, "small")
    story_with(8, "large")

    with CaptureQueriesContext(connection) as small:
        client.get("/exhibitions/small/")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/exhibitions/large/")
