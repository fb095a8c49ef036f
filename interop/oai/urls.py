from django.urls import path

from interop.oai.views import oai_endpoint

app_name = "oai"
urlpatterns = [path("", oai_endpoint, name="endpoint")]
