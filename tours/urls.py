"""Tours' pages under /tours/. (The tours API's routes are in config/api_router.py.)"""

from django.urls import path

from tours.views import likes
from tours.views import tours as tour_views

app_name = "tours"

urlpatterns = [
    path("", tour_views.start, name="start"),
    path("<uuid:public_id>/", tour_views.tour_detail, name="tour"),
    path("<uuid:public_id>/seen/<int:stop_id>/", tour_views.stop_seen, name="stop-seen"),
    path("<uuid:public_id>/replan/", tour_views.replan, name="replan"),
    path("<uuid:public_id>/print/", tour_views.tour_print, name="print"),
    path("<uuid:public_id>/take-away/", tour_views.take_away, name="take-away"),
    path("h/<str:token>/", tour_views.handoff_open, name="handoff-open"),
    path("state/", likes.object_states, name="object-states"),
    path("objects/<slug:slug>/like/", likes.like, name="like"),
    path("objects/<slug:slug>/add-to-tour/", likes.add_to_tour, name="add-to-tour"),
]
