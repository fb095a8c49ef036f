"""Public pages of the exhibition site.

Every page here is the same for all anonymous visitors until the collection changes, so
each is served from the page cache (see `exhibition/page_cache.py`).
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from exhibition.page_cache import cached_public_page as cached
from exhibition.sitemaps import SITEMAPS
from exhibition.views import browse, exhibitions, objects, pages, restoration_download

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
    path("exhibitions/", cached(exhibitions.exhibition_list), name="exhibition-list"),
    path(
        "exhibitions/<slug:slug>/",
        cached(exhibitions.exhibition_detail),
        name="exhibition-detail",
    ),
    path("licences/", cached(pages.licences), name="licences"),
    path("sitemap.xml", cached(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]
