"""The standards' own addresses (/oai/, /linked-art/…), one include per standard."""

from typing import Any

from django.urls import include, path

urlpatterns: list[Any] = [
    path("oai/", include("interop.oai.urls")),
    path("linked-art/", include("interop.linked_art.urls")),
]
