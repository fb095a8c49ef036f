from django.urls import path

from interop.oai.views import linked_art_schema, oai_endpoint

app_name = "oai"
urlpatterns = [
    path("", oai_endpoint, name="endpoint"),
    path("linked_art.xsd", linked_art_schema, name="linked-art-schema"),
]
