"""Kiosk mode's pages under /kiosk/ (see tours/views/kiosk.py)."""

from django.urls import path

from tours.views import kiosk

app_name = "kiosk"

urlpatterns = [
    path("", kiosk.attract, name="attract"),
    path("objects/", kiosk.browse, name="browse"),
    path("objects/<slug:slug>/", kiosk.object_view, name="object"),
    path("tour/", kiosk.tour_start, name="tour-start"),
    path("tour/<uuid:public_id>/", kiosk.tour_view, name="tour"),
    path("reset/", kiosk.reset, name="reset"),
    path("sw.js", kiosk.service_worker, name="service-worker"),
]
