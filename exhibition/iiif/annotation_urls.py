"""Web Annotation pages, one address for every language (machine-facing, like IIIF)."""

from django.urls import re_path

from exhibition.iiif import annotation_views as views

app_name = "annotations"

urlpatterns = [
    re_path(r"^(?P<slug>[-a-zA-Z0-9_]{1,200})/$", views.object_annotations, name="page"),
]
