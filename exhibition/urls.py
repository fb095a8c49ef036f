"""Public pages of the exhibition site.

Every page here is the same for all anonymous visitors until the collection changes, so
each is served from the page cache (see `exhibition/page_cache.py`).
"""

from django.contrib.sitemaps.views import index as sitemap_index
from django.urls import path

from exhibition.page_cache import cached_public_page as cached
from exhibition.sitemaps import SITEMAPS
from exhibition.views import (
    browse,
    downloads,
    exhibitions,
    objects,
    pages,
    restoration_download,
    sitemap,
)

app_name = "exhibition"

urlpatterns = [
    path("", cached(pages.home), name="home"),
    path("objects/", cached(browse.browse), name="browse"),
    path("objects/<slug:slug>/", cached(objects.object_detail), name="object-detail"),
    path(
        "objects/<slug:slug>/restorations/<int:pk>/download.png",
        restoration_download.restoration_download,
        name="restoration-download",
    ),
    # Not page-cached: each checks the licence and answers with a file, not a page.
    path(
        "objects/<slug:slug>/download/image-<int:pk>-<slug:size>.jpg",
        downloads.image_download,
        name="image-download",
    ),
    path(
        "objects/<slug:slug>/download/model-<int:pk>.glb",
        downloads.model_download,
        name="model-download",
    ),
    path("exhibitions/", cached(exhibitions.exhibition_list), name="exhibition-list"),
    path(
        "exhibitions/<slug:slug>/",
        cached(exhibitions.exhibition_detail),
        name="exhibition-detail",
    ),
    path("licences/", cached(pages.licences), name="licences"),
    path(
        "sitemap.xml",
        cached(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "exhibition:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        cached(sitemap.sitemap_section),
        name="sitemap-section",
    ),
]
