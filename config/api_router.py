"""Every REST API route of the site, in one place."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from exhibition.api.authorities import AgentDetailApi, AgentListApi, PlaceDetailApi, PlaceListApi
from exhibition.api.docs import api_docs
from exhibition.api.exhibitions import ExhibitionDetailApi, ExhibitionListApi
from exhibition.api.objects import ObjectDetailApi, ObjectListApi
from search.api.views import SearchApi, SearchByImageApi
from tours.api.interactions import InteractionsApi
from tours.api.recommendations import RecommendationsApi
from tours.api.tours import TourCreateApi, TourDetailApi, TourReplanApi

api_urlpatterns = [
    path("objects/", ObjectListApi.as_view(), name="api-object-list"),
    path("objects/<slug:slug>/", ObjectDetailApi.as_view(), name="api-object-detail"),
    path("exhibitions/", ExhibitionListApi.as_view(), name="api-exhibition-list"),
    path("exhibitions/<slug:slug>/", ExhibitionDetailApi.as_view(), name="api-exhibition-detail"),
    path("agents/", AgentListApi.as_view(), name="api-agent-list"),
    path("agents/<slug:slug>/", AgentDetailApi.as_view(), name="api-agent-detail"),
    path("places/", PlaceListApi.as_view(), name="api-place-list"),
    path("places/<slug:slug>/", PlaceDetailApi.as_view(), name="api-place-detail"),
    path("search/", SearchApi.as_view(), name="api-search"),
    path("search/by-image/", SearchByImageApi.as_view(), name="api-search-by-image"),
    path("interactions/", InteractionsApi.as_view(), name="api-interactions"),
    path("recommendations/", RecommendationsApi.as_view(), name="api-recommendations"),
    path("tours/", TourCreateApi.as_view(), name="api-tour-create"),
    path("tours/<uuid:public_id>/", TourDetailApi.as_view(), name="api-tour-detail"),
    path("tours/<uuid:public_id>/replan/", TourReplanApi.as_view(), name="api-tour-replan"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Server-rendered from the schema: Redoc and Swagger UI would load JS from a CDN.
    path("docs/", api_docs, name="api-docs"),
]
