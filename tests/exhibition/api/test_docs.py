"""The API reference page: server-rendered from the schema, nothing from a CDN."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_docs_page_lists_every_endpoint_and_filter(client: Client) -> None:
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in ("/api/objects/", "/api/objects/{slug}/", "/api/exhibitions/{slug}/",
                 "/api/agents/", "/api/places/{slug}/"):  # fmt: skip
        assert f"<code>{path}</code>" in html
    for name in ("has_restoration", "date_from", "page_size"):
        assert f"<code>{name}</code>" in html
    assert 'id="schema-ObjectDetail"' in html
    assert 'href="#schema-Restoration"' in html


def test_docs_page_is_self_contained(client: Client) -> None:
    html = client.get("/api/docs/").content.decode()
    assert "<script" not in html
    assert "cdn" not in html.lower()
    assert '<html lang="en">' in html
