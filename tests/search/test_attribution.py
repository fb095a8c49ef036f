"""An artist's name finds the artist's own works before attributed, workshop or "manner of" ones."""

import pytest
from django.test import Client

from exhibition.models import ObjectCreator
from tests.builders import make_agent, make_object

pytestmark = pytest.mark.django_db


def _by(title: str, description: str, qualifier: str = "") -> None:
    obj = make_object(title=title, description=description)
    agent = make_agent("Rembrandt van Rijn")
    ObjectCreator.objects.create(collection_object=obj, agent=agent, qualifier=qualifier)


def test_autograph_works_rank_before_qualified_ones(client: Client) -> None:
    from search.keyword import rebuild_keyword_index

    # The qualified records say "Rembrandt" more often: BM25 ranked them first.
    _by("Portrait of Rembrandt", "Rembrandt's pupils painted Rembrandt.", "workshop of")
    _by("Old man", "In the manner of Rembrandt, after Rembrandt's etchings.", "manner of")
    _by("The Night Watch", "A militia company.")
    rebuild_keyword_index()
    body = client.get("/api/search/", {"q": "Rembrandt"}).json()
    titles = [hit["object"]["title"] for hit in body["results"]]
    assert titles[0] == "The Night Watch"
    assert set(titles[1:]) == {"Portrait of Rembrandt", "Old man"}


def test_a_shared_particle_does_not_name_a_creator(client: Client) -> None:
    from search.attribution import autograph_first
    from search.ranking import ChannelResult, fuse

    _by("Old man", "Rembrandt.", "manner of")
    eyck = make_object(title="Arnolfini Portrait")
    ObjectCreator.objects.create(collection_object=eyck, agent=make_agent("Jan van Eyck"))
    ranked = fuse([ChannelResult("text", {o.pk: 1.0 - o.pk / 100 for o in _objects()})])
    assert [h.object_id for h in autograph_first("Rembrandt van Rijn", ranked)] == [
        h.object_id for h in ranked
    ]


def _objects() -> list:  # type: ignore[type-arg]
    from exhibition.models import CollectionObject

    return list(CollectionObject.objects.all())
