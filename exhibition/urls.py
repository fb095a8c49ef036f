"""Public pages of the exhibition site."""

from django.urls import path

app_name = "exhibition"

urlpatterns: list = []
