"""sitemap.xml lists public objects, public exhibitions and the static pages only."""

import pytest
from django.test import Client

from exhibition.models import Visibility
from tests import builders

pytestmark = pytest.mark.django_db


def test_lists_public_pages_only(client: Client) -> None:
    builders.make_object(slug="public-thing")
    builders.make_object(slug="sacred-thing", visibility=Visibility.RESTRICTED)
    builders.make_object(slug="draft-thing", visibility=Visibility.DRAFT)
    builders.make_exhibition(slug="open-show")
    builders.make_exhibition(slug="draft-show", visibility=Visibility.DRAFT)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    xml = response.content.decode()
    for path in (
        "/",
        "/objects/",
        "/exhibitions/",
        "/licences/",
        "/objects/public-thing/",
        "/exhibitions/open-show/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in xml, path
    for hidden in ("sacred-thing", "draft-thing", "draft-show"):
        assert hidden not in xml
