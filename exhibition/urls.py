"""Public pages of the exhibition site."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from exhibition.sitemaps import SITEMAPS
from exhibition.views import browse, exhibitions, objects, pages

app_name = "exhibition"

urlpatterns = [
    path("", pages.home, name="home"),
    path("objects/", browse.browse, name="browse"),
    path("objects/<slug:slug>/", objects.object_detail, name="object-detail"),
    path("exhibitions/", exhibitions.exhibition_list, name="exhibition-list"),
    path("exhibitions/<slug:slug>/", exhibitions.exhibition_detail, name="exhibition-detail"),
    path("licences/", pages.licences, name="licences"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
