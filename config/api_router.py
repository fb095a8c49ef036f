"""Every REST API route of the site, in one place."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

api_urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
]
