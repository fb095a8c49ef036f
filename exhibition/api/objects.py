"""Objects API: the browse filters as a list, and one public object in full."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from exhibition import selectors
from exhibition.api.base import PublicReadView
from exhibition.api.cursors import KeysetCursorPagination
from exhibition.api.errors import InvalidQuery
from exhibition.api.fields import ThumbnailSerializer, absolute, thumbnail
from exhibition.api.list_items import listed_items
from exhibition.api.media import ImageSerializer, Model3DSerializer, RestorationSerializer
from exhibition.api.schema import ERROR_RESPONSES, object_filter_parameters
from exhibition.browse import (
    BrowseParamError,
    BrowseQuery,
    browse_objects,
    parse_browse_params,
)
from exhibition.licences import get_licence
from exhibition.models import CollectionObject


class CreatorSerializer(serializers.Serializer):  # type: ignore[type-arg]
    name = serializers.CharField(source="agent.name")
    slug = serializers.SlugField(source="agent.slug")
    role = serializers.CharField()
    qualifier = serializers.CharField(help_text="e.g. 'attributed to', 'workshop of'")


class PlaceRefSerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.SlugField()
    name = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


class LicenceSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField()


class ObjectLinksSerializer(serializers.Serializer):  # type: ignore[type-arg]
    api = serializers.URLField(help_text="This record in the API")
    page = serializers.URLField(help_text="The object's page on the site")
    manifest = serializers.URLField(
        allow_null=True, help_text="IIIF Presentation 3 manifest; null for objects without image"
    )


def _has_images(obj: CollectionObject) -> bool:
    return any(image.width and image.height for image in obj.images.all())


class TranslationSerializer(serializers.Serializer):  # type: ignore[type-arg]
    language = serializers.CharField(help_text="A site language code, e.g. 'fr'")
    title = serializers.CharField()
    description = serializers.CharField(help_text="Empty where only the title is translated")


class ObjectSummarySerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.SlugField()
    title = serializers.CharField()
    creators = CreatorSerializer(source="creator_links", many=True)
    date_display = serializers.CharField()
    date_start = serializers.IntegerField(allow_null=True)
    date_end = serializers.IntegerField(allow_null=True)
    culture = serializers.CharField(help_text="As recorded, e.g. 'Dutch Republic (Delft)'")
    culture_group = serializers.CharField(
        help_text="The culture without its detail, as the 'culture' filter groups it: "
        "'Dutch Republic'"
    )
    object_type = serializers.CharField()
    place = PlaceRefSerializer(allow_null=True)
    links = serializers.SerializerMethodField()

    @extend_schema_field(ObjectLinksSerializer)
    def get_links(self, obj: CollectionObject) -> dict[str, Any]:
        manifest = reverse("iiif:manifest", kwargs={"slug": obj.slug}) if _has_images(obj) else None
        return {
            "api": absolute(self, reverse("api-object-detail", kwargs={"slug": obj.slug})),
            "page": absolute(self, obj.get_absolute_url()),
            "manifest": absolute(self, manifest) if manifest else None,
        }


class ObjectListItemSerializer(ObjectSummarySerializer):
    licence = serializers.CharField(help_text="Licence id, e.g. 'CC-BY-4.0'")
    has_3d = serializers.BooleanField()
    has_restoration = serializers.BooleanField(help_text="Has an approved AI reconstruction")
    thumbnail = serializers.SerializerMethodField()

    @extend_schema_field(ThumbnailSerializer(allow_null=True))
    def get_thumbnail(self, obj: CollectionObject) -> Any:
        return thumbnail(self, obj)


class ObjectDetailSerializer(ObjectSummarySerializer):
    accession_number = serializers.CharField()
    medium = serializers.CharField()
    dimensions = serializers.CharField()
    description = serializers.CharField()
    language = serializers.CharField(
        help_text="The language title and description are written in, e.g. 'en'"
    )
    translations = TranslationSerializer(
        many=True, help_text="Title and description in other site languages, where given"
    )
    tags = serializers.SerializerMethodField()
    # The record's attribution and source carry curators' cataloguing notes: the API gives
    # the public credit line that the object page shows.
    credit_line = serializers.CharField(
        source="public_credit_line",
        help_text="Licence and credit, e.g. 'Public domain · Image: Wikimedia Commons'",
    )
    licence = serializers.SerializerMethodField()
    content_note = serializers.CharField(
        help_text="Shown before the media (e.g. ancestors, sacred material); empty if none"
    )
    is_damaged = serializers.BooleanField()
    images = ImageSerializer(many=True)
    models = Model3DSerializer(source="models3d", many=True)
    restorations = serializers.SerializerMethodField(
        help_text="Approved AI reconstructions only, each with its provenance"
    )

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tags(self, obj: CollectionObject) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @extend_schema_field(LicenceSerializer)
    def get_licence(self, obj: CollectionObject) -> dict[str, str]:
        licence = get_licence(obj.licence)
        if licence is None:
            return {"id": obj.licence, "name": obj.licence, "url": ""}
        return {"id": licence.id, "name": licence.name, "url": licence.url}

    @extend_schema_field(RestorationSerializer(many=True))
    def get_restorations(self, obj: CollectionObject) -> Any:
        restorations = selectors.public_restorations(collection_object=obj)
        return RestorationSerializer(restorations, many=True, context=self.context).data


class ObjectListApi(ListModelMixin, PublicReadView):
    """Public objects, with exactly the filters and sorts of the browse page."""

    serializer_class = ObjectListItemSerializer
    pagination_class = KeysetCursorPagination
    browse_query: BrowseQuery

    def check_query_params(self, request: Request) -> None:
        if "page" in request.query_params:
            # The browse page counts pages; the API gives cursors, which stay stable
            # while the collection grows and cost the same on any page.
            raise InvalidQuery(
                "'page' is not used: follow the 'next' and 'previous' links (their 'cursor')."
            )
        # The browse parser knows the filters and says what is wrong with a bad one.
        filters = request.query_params.copy()
        filters.pop("cursor", None)
        try:
            self.browse_query = parse_browse_params(filters)
        except BrowseParamError as exc:
            raise InvalidQuery(str(exc)) from None

    def get_queryset(self) -> QuerySet[CollectionObject]:
        # Items come from the cache; only those it lacks read their related rows.
        return browse_objects(self.browse_query).prefetch_related(None).select_related("place")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None  # the view always paginates (cursors)
        items = listed_items(page, request, self.get_serializer_class())
        return self.get_paginated_response(items)

    @extend_schema(
        operation_id="objects_list",
        summary="List and filter public objects",
        parameters=object_filter_parameters(),
        responses={
            200: OpenApiResponse(ObjectListItemSerializer(many=True), "A page of public objects"),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> Response:
        return self.list(request)


class ObjectDetailApi(PublicReadView):
    """One public object with its creators, media, approved restorations and links."""

    serializer_class = ObjectDetailSerializer

    @extend_schema(
        operation_id="objects_retrieve",
        summary="One public object",
        responses={200: OpenApiResponse(ObjectDetailSerializer, "The object"), **ERROR_RESPONSES},
    )
    def get(self, request: Request, slug: str) -> Response:
        try:
            obj = selectors.get_public_object(slug)
        except Http404:
            raise Http404(f"No public object '{slug}'.") from None
        return Response(ObjectDetailSerializer(obj, context=self.get_serializer_context()).data)
