"""sitemap.xml: an index of bounded files listing public pages only, in English and French."""

import re

import pytest
from django.test import Client

from exhibition.models import Visibility
from exhibition.sitemaps import ObjectSitemap
from tests import builders

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>(.*?)</loc>")


def _files(client: Client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    xml = response.content.decode()
    assert "<sitemapindex" in xml
    return LOC.findall(xml)


def _urlset(client: Client, address: str) -> str:
    response = client.get(address.removeprefix("http://testserver"))
    assert response.status_code == 200, address
    return response.content.decode()


def _all_locs(client: Client) -> list[str]:
    return [loc for file in _files(client) for loc in LOC.findall(_urlset(client, file))]


def test_lists_public_pages_only(client: Client) -> None:
    builders.make_object(slug="public-thing")
    builders.make_object(slug="sacred-thing", visibility=Visibility.RESTRICTED)
    builders.make_object(slug="draft-thing", visibility=Visibility.DRAFT)
    builders.make_exhibition(slug="open-show")
    builders.make_exhibition(slug="draft-show", visibility=Visibility.DRAFT)

    locs = _all_locs(client)

    for path in (
        "/",
        "/objects/",
        "/exhibitions/",
        "/licences/",
        "/objects/public-thing/",
        "/exhibitions/open-show/",
    ):
        assert f"http://testserver{path}" in locs, path
        assert f"http://testserver/fr{path}" in locs, path
    assert not [loc for loc in locs if re.search("sacred-thing|draft-thing|draft-show", loc)]


def test_each_page_names_its_language_alternates(client: Client) -> None:
    builders.make_object(slug="vase")
    [objects_file] = [f for f in _files(client) if "sitemap-objects" in f]
    xml = _urlset(client, objects_file)
    for language, path in (("en", "/objects/vase/"), ("fr", "/fr/objects/vase/")):
        assert f'hreflang="{language}" href="http://testserver{path}"' in xml
    assert 'hreflang="x-default" href="http://testserver/objects/vase/"' in xml


def test_many_objects_are_split_into_files_of_at_most_limit_urls(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ObjectSitemap, "limit", 4)
    for n in range(9):
        builders.make_object(slug=f"thing-{n}")
    builders.make_object(slug="hidden-thing", visibility=Visibility.RESTRICTED)

    files = [f for f in _files(client) if "sitemap-objects" in f]

    # 9 objects x 2 languages = 18 entries, at most 4 per file.
    assert len(files) == 5
    assert files[0].endswith("/sitemap-objects.xml") and files[1].endswith("?p=2")
    locs: list[str] = []
    for file in files:
        file_locs = LOC.findall(_urlset(client, file))
        assert 0 < len(file_locs) <= 4
        locs += file_locs
    assert len(locs) == len(set(locs)) == 18
    assert not [loc for loc in locs if "hidden-thing" in loc]
    assert client.get("/sitemap-objects.xml?p=6").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
