"""sitemap.xml: public objects, public exhibitions and the static pages, nothing else."""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from exhibition.models import CollectionObject, Exhibition
from exhibition.selectors import public_exhibitions, public_objects


class ObjectSitemap(Sitemap):  # type: ignore[type-arg]  # generic only in django-stubs
    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self) -> QuerySet[CollectionObject]:
        return public_objects().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item: CollectionObject) -> datetime:
        return item.updated_at


class ExhibitionSitemap(Sitemap):  # type: ignore[type-arg]  # generic only in django-stubs
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Exhibition]:
        return public_exhibitions().order_by("order", "slug")


class StaticPageSitemap(Sitemap):  # type: ignore[type-arg]  # generic only in django-stubs
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> list[str]:
        return [
            "exhibition:home",
            "exhibition:browse",
            "exhibition:exhibition-list",
            "exhibition:licences",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, type[Sitemap]] = {  # type: ignore[type-arg]
    "pages": StaticPageSitemap,
    "exhibitions": ExhibitionSitemap,
    "objects": ObjectSitemap,
}
