"""Site URLs: pages, IIIF, the REST API, the admin, and media in the embedded default."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from config.api_router import api_urlpatterns
from config.favicon import favicon
from config.metrics import metrics
from config.readiness import readyz
from exhibition.views.health import healthz
from exhibition.views.media import serve_media

handler400 = "config.error_views.bad_request"
handler403 = "config.error_views.permission_denied"
handler404 = "config.error_views.page_not_found"
handler500 = "config.error_views.server_error"

# Machine-facing addresses (APIs, IIIF, the standards' endpoints, media) have one URL for
# every language.
urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("readyz/", readyz, name="readyz"),
    path("metrics", metrics, name="metrics"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("api/", include(api_urlpatterns)),
    path("iiif/", include("exhibition.iiif.urls")),
    path("annotations/", include("exhibition.iiif.annotation_urls")),
    path("films/", include("films.urls")),
    path("", include("interop.urls")),
]

# Visitors' pages exist once per language: English at the root, French under /fr/, so
# each language version has its own address for links, hreflang and the page cache.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("tours/", include("tours.urls")),
    path("kiosk/", include("tours.kiosk_urls")),
    path("guide/", include("guide.urls")),
    path("descriptions/", include("descriptions.urls")),
    path("", include("reports.urls")),
    path("", include("exhibition.urls")),
    prefix_default_language=False,
)

if settings.VITRINE_SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.+)$", serve_media, name="media"),
    ]
