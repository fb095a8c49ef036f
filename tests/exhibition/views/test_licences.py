"""Licences & credits: every public object's licence and public credit line."""

import pytest
from django.test import Client

from exhibition.models import Visibility
from tests import builders

pytestmark = pytest.mark.django_db

URL = "/licences/"


def test_lists_each_public_object_with_licence_and_credit_line(client: Client) -> None:
    builders.make_object(
        title="Corset",
        licence="CC-BY-4.0",
        attribution="Model by Khronos Group, CC BY 4.0",
        source="gomutako/3dgame (HEAD) Corset.glb",
    )
    builders.make_object(title="Mona Lisa", licence="PDM-1.0", attribution="Public-domain work.")

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Corset" in html and "Mona Lisa" in html
    assert "Model by Khronos Group, CC BY 4.0" in html
    # "Public-domain work." restates the licence; the credit line says it once.
    assert '<dd class="break-anywhere">Public domain</dd>' in html
    assert "Public-domain work." not in html
    # The record's source is the cataloguer's provenance, for curators only.
    assert "gomutako" not in html
    cc_by = "https://creativecommons.org/licenses/by/4.0/"
    assert f'<a href="{cc_by}">Creative Commons Attribution 4.0</a>' in html
    assert 'Public Domain Mark 1.0 <span class="facet__count">(1)</span>' in html
    assert "2 objects" in html


def test_hidden_objects_are_never_credited(client: Client) -> None:
    builders.make_object(title="Shown")
    builders.make_object(title="Sacred bundle", visibility=Visibility.RESTRICTED)
    builders.make_object(title="Draft record", visibility=Visibility.DRAFT)

    html = client.get(URL).content.decode()

    assert "Shown" in html
    assert "Sacred bundle" not in html
    assert "Draft record" not in html
    assert "1 object" in html


def test_filters_by_licence_and_paginates(client: Client) -> None:
    for n in range(55):
        builders.make_object(title=f"Photo {n:02d}", licence="PDM-1.0")
    builders.make_object(title="Scan", licence="CC0-1.0")

    first = client.get(URL, {"licence": "PDM-1.0"}).content.decode()
    second = client.get(URL, {"licence": "PDM-1.0", "page": "2"}).content.decode()

    assert "55 objects, showing 1–50" in first
    assert "Photo 00" in first and "Photo 50" not in first and "Scan" not in first
    assert "Photo 54" in second
    assert 'href="?licence=PDM-1.0&amp;page=2"' in first


def test_unknown_licence_answers_400(client: Client) -> None:
    builders.make_object(title="Shown")

    response = client.get(URL, {"licence": "WTFPL"})

    assert response.status_code == 400
    assert "Unknown licence &#x27;WTFPL&#x27;" in response.content.decode()
