"""A real harvester (sickle) against the site on a loopback port: every public object
comes out once, across pages, even while curators edit the collection."""

from collections import Counter
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from sickle import Sickle

from exhibition.models import CollectionObject, Visibility
from tests.builders import make_curator, make_exhibition, make_object
from tests.interop.oai.harvest import set_visibility


@pytest.fixture
def collection(transactional_db: None, settings: object) -> list[CollectionObject]:
    settings.OAI_PAGE_SIZE = 4  # type: ignore[attr-defined]
    public = [make_object(object_type=("painting", "print")[n % 2]) for n in range(11)]
    make_object(slug="restricted-one", visibility=Visibility.RESTRICTED)
    make_object(slug="draft-one", visibility=Visibility.DRAFT)
    make_exhibition(*public[:3], slug="highlights")
    return public


def _harvest(url: str, **arguments: str) -> Iterator[object]:
    return Sickle(url + "/oai/").ListRecords(metadataPrefix="oai_dc", **arguments)


def test_a_harvest_brings_every_public_object_once_and_nothing_else(
    live_server: object, collection: list[CollectionObject]
) -> None:
    records = list(_harvest(live_server.url))  # type: ignore[attr-defined]

    titles = Counter(r.metadata["title"][0] for r in records)  # type: ignore[attr-defined]
    assert titles == Counter(obj.title for obj in collection)
    assert not any("restricted" in r.header.identifier for r in records)  # type: ignore[attr-defined]
    assert not any("draft" in r.header.identifier for r in records)  # type: ignore[attr-defined]


def test_a_selective_harvest_brings_the_set_alone(
    live_server: object, collection: list[CollectionObject]
) -> None:
    records = list(_harvest(live_server.url, set="exhibition:highlights"))  # type: ignore[attr-defined]

    assert (
        sorted(r.header.identifier.rsplit(":", 1)[1] for r in records)
        == sorted(  # type: ignore[attr-defined]
            obj.slug for obj in collection[:3]
        )
    )


def test_edits_during_a_harvest_lose_and_repeat_nothing(
    live_server: object, collection: list[CollectionObject]
) -> None:
    curator: User = make_curator()
    harvested: list[str] = []
    for record in _harvest(live_server.url):  # type: ignore[attr-defined]
        harvested.append(record.header.identifier.rsplit(":", 1)[1])  # type: ignore[attr-defined]
        if len(harvested) == 1:  # the first page is in; curators edit before the second
            for obj in (collection[0], collection[-1]):  # one harvested, one still to come
                obj.title += " (revised)"
                obj.save()
            set_visibility(collection[-2], Visibility.RESTRICTED, curator=curator)
            added = make_object(slug="acquired-during-harvest")

    assert Counter(harvested) == Counter([obj.slug for obj in collection] + [added.slug])
