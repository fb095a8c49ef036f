"""No cataloguing notes on public surfaces: every door shows the credit line instead.

A record as the demo collection gives it: an attribution that mixes the credit with notes
on how the record was made, and a source naming the repository the file came from. The
object page, the licences page, JSON-LD and Dublin Core, the IIIF manifest, the API and the
exhibition pages must show "Public domain · Image: Wikimedia Commons/Wikipedia" and none of
the notes; the admin still shows curators everything.
"""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient

from exhibition.models import CollectionObject
from tests import builders
from tests.exhibition.iiif.helpers import write_tiles

pytestmark = pytest.mark.django_db

ATTRIBUTION = (
    "Public-domain work; faithful photographic reproduction of a two-dimensional artwork "
    "(no new copyright claimed). Image via Wikimedia Commons/Wikipedia as collected by the "
    "source repository."
)
SOURCE = "jeremylee0213/world-masterpiece-bot (HEAD) public/assets/artworks/view-of-delft.jpg"
CREDIT = "Public domain · Image: Wikimedia Commons/Wikipedia"
# Words that only the cataloguer's notes contain.
NOTES = ("jeremylee0213", "world-masterpiece-bot", "source repository", "no new copyright")


@pytest.fixture
def delft() -> CollectionObject:
    obj = builders.make_object(
        slug="view-of-delft",
        title="View of Delft",
        culture="Dutch Republic (Delft)",
        licence="PDM-1.0",
        # As the importer used to store it: the attribution copied into the credit line.
        credit_line=ATTRIBUTION,
        attribution=ATTRIBUTION,
        source=SOURCE,
    )
    write_tiles(builders.add_image(obj, width=1000, height=800))
    return obj


def _assert_no_notes(text: str) -> None:
    for note in NOTES:
        assert note not in text, note


def test_object_page_shows_the_credit_line_not_the_notes(client: Client, delft) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/objects/view-of-delft/").content.decode()

    assert f'<dd class="credit-line break-anywhere">{CREDIT}</dd>' in html
    _assert_no_notes(html)


def test_linked_data_credits_without_notes(client: Client, delft) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/objects/view-of-delft/").content.decode()

    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert raw is not None
    data = json.loads(raw.group(1))
    assert data["creditText"] == CREDIT
    # A country, not the city detail.
    assert data["countryOfOrigin"] == "Dutch Republic"
    assert 'name="DC.source"' not in html


def test_manifest_credits_without_notes(client: Client, delft) -> None:  # type: ignore[no-untyped-def]
    manifest = client.get("/iiif/view-of-delft/manifest.json").json()

    assert manifest["requiredStatement"]["value"] == {"en": [CREDIT]}
    labels = {pair["label"]["en"][0]: pair["value"]["en"] for pair in manifest["metadata"]}
    assert labels["Credit line"] == [CREDIT]
    assert "Source" not in labels
    _assert_no_notes(json.dumps(manifest))


def test_api_gives_the_credit_line_not_attribution_or_source(delft) -> None:  # type: ignore[no-untyped-def]
    api = APIClient()
    record = api.get("/api/objects/view-of-delft/").json()
    listing = api.get("/api/objects/").content.decode()

    assert record["credit_line"] == CREDIT
    assert "attribution" not in record and "source" not in record
    assert record["culture"] == "Dutch Republic (Delft)"
    assert record["culture_group"] == "Dutch Republic"
    _assert_no_notes(json.dumps(record))
    _assert_no_notes(listing)


def test_licences_page_credits_without_notes(client: Client, delft) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/licences/").content.decode()

    assert CREDIT in html
    _assert_no_notes(html)


def test_exhibition_page_credits_without_notes(client: Client, delft) -> None:  # type: ignore[no-untyped-def]
    builders.make_exhibition(delft, slug="delft")

    html = client.get("/exhibitions/delft/").content.decode()

    assert CREDIT in html
    _assert_no_notes(html)


def test_curators_still_see_attribution_and_source(client: Client, delft) -> None:  # type: ignore[no-untyped-def]
    curator: User = builders.make_curator()
    client.force_login(curator)

    html = client.get(f"/admin/exhibition/collectionobject/{delft.pk}/change/").content.decode()

    assert "jeremylee0213/world-masterpiece-bot" in html
    assert "as collected by the source repository" in html


def test_a_credit_with_an_address_reads_exactly_as_written(client: Client) -> None:
    credit = "3D scan by A. Maker (https://example.org/maker), CC BY 4.0; decimated"
    builders.make_object(slug="statue", licence="CC-BY-4.0", attribution=credit)

    html = client.get("/objects/statue/").content.decode()

    assert f'<dd class="credit-line break-anywhere">{credit}</dd>' in html
