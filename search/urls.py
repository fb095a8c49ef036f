"""The search page. (The search API's routes are in config/api_router.py.)"""

from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("photo/", views.search_photo, name="photo"),
]
