"""IIIF Image API (level 0, static tiles) and Presentation 3 manifests."""

app_name = "iiif"

urlpatterns: list = []
