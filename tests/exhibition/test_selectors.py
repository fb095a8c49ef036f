"""The shared public reads: what a visitor can reach, and what stays out of sight."""

import pytest
from django.http import Http404

from exhibition.models import ExhibitionSection, Place, SectionObject, Visibility
from exhibition.selectors import (
    get_public_agent,
    get_public_place,
    public_agents,
    public_exhibition_sections,
    public_places,
)
from tests.builders import make_agent, make_exhibition, make_object

pytestmark = pytest.mark.django_db


def test_exhibition_sections_keep_the_curators_order_and_only_public_objects() -> None:
    first, hidden = make_object(), make_object(visibility=Visibility.RESTRICTED)
    draft = make_object(visibility=Visibility.DRAFT)
    exhibition = make_exhibition(first, hidden, draft)
    second_room = ExhibitionSection.objects.create(
        exhibition=exhibition, order=1, heading="Second room", body=""
    )
    later = make_object()
    SectionObject.objects.create(section=second_room, collection_object=later, order=0)

    sections = public_exhibition_sections(exhibition=exhibition)

    assert [part.section.heading for part in sections] == ["First room", "Second room"]
    assert [e.collection_object for e in sections[0].entries] == [first]
    assert [e.collection_object for e in sections[1].entries] == [later]


def test_an_empty_room_is_still_listed_so_its_text_is_read() -> None:
    exhibition = make_exhibition(make_object(visibility=Visibility.RESTRICTED))

    [room] = public_exhibition_sections(exhibition=exhibition)

    assert room.section.heading == "First room" and room.entries == []


def test_a_maker_of_only_restricted_objects_is_not_public() -> None:
    shown, secret = make_agent("Shown Painter"), make_agent("Secret Painter")
    make_object(creator=shown)
    make_object(creator=shown, visibility=Visibility.RESTRICTED)
    make_object(creator=secret, visibility=Visibility.RESTRICTED)

    assert [(a.name, a.object_count) for a in public_agents()] == [("Shown Painter", 1)]
    assert get_public_agent(shown.slug) == shown
    with pytest.raises(Http404):
        get_public_agent(secret.slug)


def test_a_place_of_only_draft_objects_is_not_public() -> None:
    delft = Place.objects.create(slug="delft", name="Delft")
    hidden = Place.objects.create(slug="hidden", name="Hidden")
    make_object(place=delft)
    make_object(place=hidden, visibility=Visibility.DRAFT)

    assert [p.slug for p in public_places()] == ["delft"]
    assert get_public_place("delft") == delft
    with pytest.raises(Http404):
        get_public_place("hidden")
