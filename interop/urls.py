
from typing import Any

from django.urls import include, path

urlpatterns: list[Any] = [
    path("oai/", include("interop.oai.urls")),
]
