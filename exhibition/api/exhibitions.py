"""Exhibitions API: public exhibitions, and one with its sections and public objects."""

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from exhibition.api import selectors as api_selectors
from exhibition.api.base import PAGING_PARAMS, PublicReadView
from exhibition.api.cursors import KeysetCursorPagination
from exhibition.api.fields import ThumbnailSerializer, absolute, thumbnail
from exhibition.api.schema import ERROR_RESPONSES
from exhibition.models import CollectionObject, Exhibition
from exhibition.selectors import PublicSection, public_exhibition_sections


class ExhibitionLinksSerializer(serializers.Serializer):  # type: ignore[type-arg]
    api = serializers.URLField()
    page = serializers.URLField()


class ObjectRefSerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.SlugField()
    title = serializers.CharField()
    api = serializers.URLField()
    page = serializers.URLField()
    thumbnail = ThumbnailSerializer(allow_null=True)


def object_ref(
    serializer: serializers.BaseSerializer[Any], obj: CollectionObject
) -> dict[str, Any]:
    return {
        "slug": obj.slug,
        "title": obj.title,
        "api": absolute(serializer, reverse("api-object-detail", kwargs={"slug": obj.slug})),
        "page": absolute(serializer, obj.get_absolute_url()),
        "thumbnail": thumbnail(serializer, obj),
    }


class ExhibitionSummarySerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.SlugField()
    title = serializers.CharField()
    subtitle = serializers.CharField()
    summary = serializers.CharField()
    featured = serializers.BooleanField()
    object_count = serializers.IntegerField(help_text="Public objects shown in the exhibition")
    cover = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()

    @extend_schema_field(ObjectRefSerializer(allow_null=True))
    def get_cover(self, exhibition: Exhibition) -> dict[str, Any] | None:
        cover = exhibition.cover_object
        # A cover that is restricted or draft is treated as no cover at all.
        if cover is None or not cover.is_public:
            return None
        return object_ref(self, cover)

    @extend_schema_field(ExhibitionLinksSerializer)
    def get_links(self, exhibition: Exhibition) -> dict[str, str]:
        api_path = reverse("api-exhibition-detail", kwargs={"slug": exhibition.slug})
        return {
            "api": absolute(self, api_path),
            "page": absolute(self, exhibition.get_absolute_url()),
        }


class SectionObjectSerializer(ObjectRefSerializer):
    caption = serializers.CharField()


class SectionSerializer(serializers.Serializer):  # type: ignore[type-arg]
    order = serializers.IntegerField(source="section.order")
    heading = serializers.CharField(source="section.heading")
    body = serializers.CharField(source="section.body")
    objects = serializers.SerializerMethodField(help_text="Public objects only, in order")

    @extend_schema_field(SectionObjectSerializer(many=True))
    def get_objects(self, section: PublicSection) -> list[dict[str, Any]]:
        return [
            {**object_ref(self, entry.collection_object), "caption": entry.caption}
            for entry in section.entries
        ]


class ExhibitionDetailSerializer(ExhibitionSummarySerializer):
    sections = serializers.SerializerMethodField()

    @extend_schema_field(SectionSerializer(many=True))
    def get_sections(self, exhibition: Exhibition) -> Any:
        sections = public_exhibition_sections(exhibition=exhibition)
        return SectionSerializer(sections, many=True, context=self.context).data


class ExhibitionListApi(ListModelMixin, PublicReadView):
    """Public exhibitions in the curators' order."""

    serializer_class = ExhibitionSummarySerializer
    allowed_params = PAGING_PARAMS
    pagination_class = KeysetCursorPagination

    def get_queryset(self) -> QuerySet[Exhibition]:
        return api_selectors.public_exhibitions_with_counts().prefetch_related(
            "cover_object__images", "cover_object__models3d"
        )

    @extend_schema(
        operation_id="exhibitions_list",
        summary="List public exhibitions",
        responses={
            200: OpenApiResponse(ExhibitionSummarySerializer(many=True), "A page of exhibitions"),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> Response:
        return self.list(request)


class ExhibitionDetailApi(PublicReadView):
    """One public exhibition with its sections and their public objects."""

    serializer_class = ExhibitionDetailSerializer

    @extend_schema(
        operation_id="exhibitions_retrieve",
        summary="One public exhibition",
        responses={
            200: OpenApiResponse(ExhibitionDetailSerializer, "The exhibition"),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request, slug: str) -> Response:
        exhibition = api_selectors.get_public_exhibition_with_counts(slug)
        return Response(
            ExhibitionDetailSerializer(exhibition, context=self.get_serializer_context()).data
        )
