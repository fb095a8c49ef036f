"""Report addresses, beside the pages they report on (never page-cached: each answers with
a file or with "being prepared")."""

from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("objects/<slug:slug>/report.pdf", views.object_report, name="object-report"),
    path("exhibitions/<slug:slug>/report.pdf", views.exhibition_report, name="exhibition-report"),
]
