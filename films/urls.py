from django.urls import path

from films import views

app_name = "films"

urlpatterns = [
    path("<slug:slug>/<slug:language>.mp4", views.film_file, {"kind": "mp4"}, name="film-video"),
    path("<slug:slug>/<slug:language>.vtt", views.film_file, {"kind": "vtt"}, name="film-captions"),
    path("<slug:slug>/<slug:language>.jpg", views.film_file, {"kind": "jpg"}, name="film-poster"),
]
