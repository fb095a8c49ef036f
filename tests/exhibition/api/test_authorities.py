"""Agents and places API: only those with public objects, counting public objects only."""

import pytest
from rest_framework.test import APIClient

from exhibition.models import Agent, ObjectCreator, Place, Visibility
from tests import builders

pytestmark = pytest.mark.django_db


def _agent(slug: str, name: str) -> Agent:
    return Agent.objects.create(slug=slug, name=name, dates="1760–1849")


def _credit(agent: Agent, **fields: object) -> None:
    obj = builders.make_object(**fields)
    ObjectCreator.objects.create(collection_object=obj, agent=agent, role="artist")


def test_agents_count_public_objects_only(api: APIClient) -> None:
    hokusai = _agent("hokusai", "Katsushika Hokusai")
    _credit(hokusai)
    _credit(hokusai)
    _credit(hokusai, visibility=Visibility.RESTRICTED)
    data = api.get("/api/agents/").json()
    assert data["results"] == [
        {
            "slug": "hokusai",
            "name": "Katsushika Hokusai",
            "dates": "1760–1849",
            "object_count": 2,
            "links": {
                "api": "http://testserver/api/agents/hokusai/",
                "objects": "http://testserver/api/objects/?agent=hokusai",
                "browse": "http://testserver/objects/?agent=hokusai",
            },
        }
    ]
    detail = api.get("/api/agents/hokusai/").json()
    assert detail["object_count"] == 2
    assert "biography" in detail


def test_agent_of_hidden_objects_only_is_not_found(api: APIClient) -> None:
    secret = _agent("secret-maker", "Secret Maker")
    _credit(secret, visibility=Visibility.RESTRICTED)
    _credit(secret, visibility=Visibility.DRAFT)
    assert api.get("/api/agents/").json()["results"] == []
    response = api.get("/api/agents/secret-maker/")
    assert response.status_code == 404
    assert "secret-maker" in response.json()["detail"]


def test_agent_objects_link_lists_their_objects(api: APIClient) -> None:
    hokusai = _agent("hokusai", "Katsushika Hokusai")
    _credit(hokusai, slug="wave")
    builders.make_object(slug="other")
    link = api.get("/api/agents/hokusai/").json()["links"]["objects"]
    assert [o["slug"] for o in api.get(link).json()["results"]] == ["wave"]


def test_places_have_coordinates_and_public_counts(api: APIClient) -> None:
    japan = Place.objects.create(slug="japan", name="Japan", latitude=36.2, longitude=138.3)
    builders.make_object(place=japan)
    builders.make_object(place=japan, visibility=Visibility.DRAFT)
    hidden = Place.objects.create(slug="hidden-place", name="Hidden")
    builders.make_object(place=hidden, visibility=Visibility.RESTRICTED)
    [place] = api.get("/api/places/").json()["results"]
    assert (place["slug"], place["latitude"], place["longitude"]) == ("japan", 36.2, 138.3)
    assert place["object_count"] == 1
    assert api.get("/api/places/japan/").json()["object_count"] == 1
    assert api.get("/api/places/hidden-place/").status_code == 404
