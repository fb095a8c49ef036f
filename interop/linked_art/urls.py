"""/linked-art/…: one Linked Art document per public object, agent, place and local term."""

from django.urls import path

from interop.linked_art import views

app_name = "linked-art"

urlpatterns = [
    path("object/<slug:slug>", views.linked_object, name="object"),
    path("person/<slug:slug>", views.person, name="person"),
    path("group/<slug:slug>", views.group, name="group"),
    path("place/<slug:slug>", views.place, name="place"),
    path("concept/<slug:key>", views.concept, name="concept"),
    path("context.json", views.context, name="context"),
]
