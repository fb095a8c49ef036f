"""The OpenAPI schema validates, documents every endpoint and the browse filters."""

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/objects/",
    "/api/objects/{slug}/",
    "/api/exhibitions/",
    "/api/exhibitions/{slug}/",
    "/api/agents/",
    "/api/agents/{slug}/",
    "/api/places/",
    "/api/places/{slug}/",
    "/api/search/",
    "/api/search/by-image/",
    "/api/interactions/",
    "/api/recommendations/",
    "/api/tours/",
    "/api/tours/{public_id}/",
    "/api/tours/{public_id}/replan/",
}
FILTERS = {"type", "culture", "century", "has_3d", "has_restoration", "agent", "place",
           "date_from", "date_to", "sort", "cursor", "page_size"}  # fmt: skip


def test_schema_validates_without_warnings(tmp_path: Path) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert set(schema["paths"]) == ENDPOINTS


def test_schema_is_served_and_documents_the_filters(api: APIClient) -> None:
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    params = {p["name"] for p in schema["paths"]["/api/objects/"]["get"]["parameters"]}
    assert params == FILTERS
    sort = next(
        p for p in schema["paths"]["/api/objects/"]["get"]["parameters"] if p["name"] == "sort"
    )
    assert set(sort["schema"]["enum"]) == {"title", "-title", "date", "-date", "recent"}
    errors = schema["paths"]["/api/objects/{slug}/"]["get"]["responses"]
    assert {"200", "404", "429"} <= set(errors)
