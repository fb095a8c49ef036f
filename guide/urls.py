"""The guide's page for visitors without JavaScript (the WebSocket lives in guide/routing.py)."""

from django.urls import path

from guide import views

app_name = "guide"

urlpatterns = [
    path("ask/", views.ask_page, name="ask"),
]
