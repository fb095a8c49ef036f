"""sitemap.xml: public objects, public exhibitions and the static pages, nothing else.

``/sitemap.xml`` is an index of one file per section and page (``/sitemap-objects.xml?p=2``),
each at most ``limit`` URLs — the sitemap protocol allows 50,000 per file, and a million
objects need twenty files. Every page is listed in English and French, each entry naming
the other as its hreflang alternate.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property

from exhibition.models import CollectionObject, Exhibition
from exhibition.selectors import public_exhibitions, public_objects


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class TranslatedSitemap(Sitemap):  # type: ignore[type-arg]  # generic only in django-stubs
    """Each page once per site language, with hreflang alternates and an x-default."""

    changefreq: str | None = None
    priority: float | None = None
    i18n = True
    alternates = True
    x_default = True
    # At most this many <url> entries per file (the protocol's own bound is 50,000);
    # an entry is one page in one language.
    limit = 25_000

    def paths(self, item: Any) -> dict[str, str]:
        """The item's address in each site language (its page under that language)."""
        paths = {}
        for code in site_languages():
            with translation.override(code):
                paths[code] = self.location(item)
        return paths

    def item_lastmod(self, item: Any) -> datetime | None:
        lastmod = getattr(self, "lastmod", None)
        return lastmod(item) if callable(lastmod) else None

    def _items(self) -> "PerLanguage":
        # Django builds every (item, language) pair in a list before paginating, which
        # for a million objects is a million rows in memory on every request; the pairs
        # are made here for the requested file only.
        return PerLanguage(self.items(), site_languages())


class PerLanguage:
    """``items`` × ``languages`` as a lazy sequence of pairs, sliced by the paginator."""

    def __init__(self, items: Iterable[Any], languages: list[str]) -> None:
        self.items: QuerySet[Any] | list[Any] = (
            items if isinstance(items, QuerySet) else list(items)
        )
        self.languages = languages
        self._length: int | None = None

    def __len__(self) -> int:
        if self._length is None:
            count = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
            self._length = count * len(self.languages)
        return self._length

    def __getitem__(self, index: slice) -> list[tuple[Any, str]]:
        start, stop, step = index.indices(len(self))
        per_item = len(self.languages)
        first = start // per_item
        rows = self.items[first : -(-stop // per_item)]
        pairs = [(row, code) for row in rows for code in self.languages]
        return pairs[start - first * per_item : stop - first * per_item : step]


# Stands in for the slug when an object's address is reversed once per language.
SLUG_PLACEHOLDER = "Vitrine-Slug-Placeholder"


class ObjectSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> QuerySet[CollectionObject]:
        # Slug order is the unique index: a stable split into files however many there are.
        return public_objects().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item: CollectionObject) -> datetime:
        return item.updated_at

    def paths(self, item: CollectionObject) -> dict[str, str]:
        # A reverse per entry and language is most of a file's cost at 25,000 entries: the
        # address is reversed once per language and each slug put in its place.
        return {code: path.replace(SLUG_PLACEHOLDER, item.slug) for code, path in self._paths}

    @cached_property
    def _paths(self) -> list[tuple[str, str]]:
        paths = []
        for code in site_languages():
            with translation.override(code):
                path = reverse("exhibition:object-detail", kwargs={"slug": SLUG_PLACEHOLDER})
            paths.append((code, path))
        return paths

    def get_latest_lastmod(self) -> datetime | None:
        # Django's default reads every item to find the newest; one aggregate instead.
        latest: datetime | None = public_objects().aggregate(latest=Max("updated_at"))["latest"]
        return latest


class ExhibitionSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Exhibition]:
        return public_exhibitions().order_by("order", "slug")


class StaticPageSitemap(TranslatedSitemap):
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


SITEMAPS: dict[str, type[TranslatedSitemap]] = {
    "pages": StaticPageSitemap,
    "exhibitions": ExhibitionSitemap,
    "objects": ObjectSitemap,
}
