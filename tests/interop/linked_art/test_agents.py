"""Agents as Person or Group, with their life dates and biography."""

import pytest
from django.test import Client

from exhibition.models import Agent
from interop.linked_art.agents import is_group, life_years
from tests.interop.linked_art.collection import Collection
from tests.interop.linked_art.conftest import HOST

pytestmark = pytest.mark.django_db
BASE = f"http://{HOST}"


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("Rembrandt van Rijn", False),
        ("J. M. W. Turner", False),
        ("Pieter Bruegel the Elder", False),
        ("International Banking Corporation", True),
        ("Deutsch-Asiatische Bank", True),
        ("American Colony (Jerusalem) Photo Department", True),
        ("Fonds Eugène Trutat", True),
        ("Smith & Sons", True),
        ("Bankes Cooper", False),  # "Bank" only as a whole word
    ],
)
def test_organisation_words_make_a_group(name: str, group: bool) -> None:
    assert is_group(Agent(name=name)) is group


@pytest.mark.parametrize(
    ("dates", "years"),
    [
        ("1452–1519", (1452, 1519)),
        ("c. 1452 - 1519", (1452, 1519)),
        ("b. 1790", (1790, None)),
        ("died 1600", (None, 1600)),
        ("active in the 1600s", (None, None)),
        ("", (None, None)),
    ],
)
def test_life_years(dates: str, years: tuple[int | None, int | None]) -> None:
    assert life_years(dates) == years


def test_person_has_name_life_events_and_biography(client: Client, collection: Collection) -> None:
    doc = client.get("/linked-art/person/anna-vos", HTTP_HOST=HOST).json()
    assert doc["type"] == "Person"
    assert doc["id"] == f"{BASE}/linked-art/person/anna-vos"
    assert doc["identified_by"][0]["content"] == "Anna Vos"
    assert doc["born"]["timespan"]["begin_of_the_begin"] == "1801-01-01T00:00:00Z"
    assert doc["died"]["timespan"]["end_of_the_end"] == "1862-12-31T23:59:59Z"
    texts = [s["content"] for s in doc["referred_to_by"]]
    assert texts == ["Dates: 1801–1862", "Marine painter."]
    page = doc["subject_of"][0]["digitally_carried_by"][0]["access_point"][0]["id"]
    assert page == f"{BASE}/objects/?agent=anna-vos"


def test_group_is_formed_and_dissolved(client: Client, collection: Collection) -> None:
    doc = client.get("/linked-art/group/harbour-bank", HTTP_HOST=HOST).json()
    assert doc["type"] == "Group"
    assert doc["formed_by"]["type"] == "Formation"
    assert doc["dissolved_by"]["timespan"]["end_of_the_end"] == "1901-12-31T23:59:59Z"
    assert "born" not in doc


def test_the_wrong_kind_redirects_to_the_canonical_id(
    client: Client, collection: Collection
) -> None:
    response = client.get("/linked-art/person/harbour-bank", HTTP_HOST=HOST)
    assert response.status_code == 301
    assert response["Location"] == "/linked-art/group/harbour-bank"


@pytest.mark.parametrize("path", ["person/secret-maker", "group/secret-maker", "person/nobody"])
def test_agent_of_hidden_works_only_is_absent(
    client: Client, collection: Collection, path: str
) -> None:
    response = client.get(f"/linked-art/{path}", HTTP_HOST=HOST)
    assert response.status_code == 404
    assert response.content == b'{"error": "Not found"}'
