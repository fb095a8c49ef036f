"""Agents and places API: the makers and places of public objects, with counts."""

from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from exhibition.api.base import PAGING_PARAMS, PublicReadView
from exhibition.api.cursors import KeysetCursorPagination
from exhibition.api.fields import absolute
from exhibition.api.schema import ERROR_RESPONSES
from exhibition.models import Agent, Place
from exhibition.selectors import get_public_agent, get_public_place, public_agents, public_places


class AuthorityLinksSerializer(serializers.Serializer):  # type: ignore[type-arg]
    api = serializers.URLField(help_text="This record in the API")
    objects = serializers.URLField(help_text="Its public objects in the objects API")
    browse = serializers.URLField(help_text="Its public objects on the browse page")


def _links(
    serializer: serializers.BaseSerializer[Any], *, detail_name: str, param: str, slug: str
) -> dict[str, str]:
    query = urlencode({param: slug})
    return {
        "api": absolute(serializer, reverse(detail_name, kwargs={"slug": slug})),
        "objects": absolute(serializer, f"{reverse('api-object-list')}?{query}"),
        "browse": absolute(serializer, f"{reverse('exhibition:browse')}?{query}"),
    }


class AgentSerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.SlugField()
    name = serializers.CharField()
    dates = serializers.CharField(help_text="e.g. '1452–1519'")
    object_count = serializers.IntegerField(help_text="Number of public objects")
    links = serializers.SerializerMethodField()

    @extend_schema_field(AuthorityLinksSerializer)
    def get_links(self, agent: Agent) -> dict[str, str]:
        return _links(self, detail_name="api-agent-detail", param="agent", slug=agent.slug)


class AgentDetailSerializer(AgentSerializer):
    biography = serializers.CharField()


class PlaceSerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.SlugField()
    name = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    object_count = serializers.IntegerField(help_text="Number of public objects")
    links = serializers.SerializerMethodField()

    @extend_schema_field(AuthorityLinksSerializer)
    def get_links(self, place: Place) -> dict[str, str]:
        return _links(self, detail_name="api-place-detail", param="place", slug=place.slug)


class AgentListApi(ListModelMixin, PublicReadView):
    """Agents (people, organisations) with at least one public object."""

    serializer_class = AgentSerializer
    allowed_params = PAGING_PARAMS
    pagination_class = KeysetCursorPagination

    def get_queryset(self) -> QuerySet[Agent]:
        return public_agents()

    @extend_schema(
        operation_id="agents_list",
        summary="List agents of public objects",
        responses={
            200: OpenApiResponse(AgentSerializer(many=True), "A page of agents"),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> Response:
        return self.list(request)


class AgentDetailApi(PublicReadView):
    """One agent with a biography and the count of their public objects."""

    serializer_class = AgentDetailSerializer

    @extend_schema(
        operation_id="agents_retrieve",
        summary="One agent",
        responses={200: OpenApiResponse(AgentDetailSerializer, "The agent"), **ERROR_RESPONSES},
    )
    def get(self, request: Request, slug: str) -> Response:
        agent = get_public_agent(slug)
        return Response(AgentDetailSerializer(agent, context=self.get_serializer_context()).data)


class PlaceListApi(ListModelMixin, PublicReadView):
    """Places with at least one public object, with coordinates where known."""

    serializer_class = PlaceSerializer
    allowed_params = PAGING_PARAMS
    pagination_class = KeysetCursorPagination

    def get_queryset(self) -> QuerySet[Place]:
        return public_places()

    @extend_schema(
        operation_id="places_list",
        summary="List places of public objects",
        responses={
            200: OpenApiResponse(PlaceSerializer(many=True), "A page of places"),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> Response:
        return self.list(request)


class PlaceDetailApi(PublicReadView):
    """One place with its coordinates and the count of its public objects."""

    serializer_class = PlaceSerializer

    @extend_schema(
        operation_id="places_retrieve",
        summary="One place",
        responses={200: OpenApiResponse(PlaceSerializer, "The place"), **ERROR_RESPONSES},
    )
    def get(self, request: Request, slug: str) -> Response:
        place = get_public_place(slug)
        return Response(PlaceSerializer(place, context=self.get_serializer_context()).data)
