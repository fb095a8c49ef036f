"""Tours' pages under /tours/. (The tours API's routes are in config/api_router.py.)"""

from django.urls import path

from tours.views import likes

app_name = "tours"

urlpatterns = [
    path("state/", likes.object_states, name="object-states"),
    path("objects/<slug:slug>/like/", likes.like, name="like"),
    path("objects/<slug:slug>/add-to-tour/", likes.add_to_tour, name="add-to-tour"),
]
