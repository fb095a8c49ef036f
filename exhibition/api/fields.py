"""Output helpers shared by the API serializers: absolute URLs and small shapes."""

from typing import Any

from django.db.models.fields.files import FieldFile
from rest_framework import serializers
from rest_framework.request import Request

from exhibition.media_links import object_thumbnail
from exhibition.models import CollectionObject


def request_of(serializer: serializers.BaseSerializer[Any]) -> Request:
    return serializer.context["request"]


def absolute(serializer: serializers.BaseSerializer[Any], path: str) -> str:
    return request_of(serializer).build_absolute_uri(path)


def file_url(serializer: serializers.BaseSerializer[Any], field: FieldFile | None) -> str | None:
    return absolute(serializer, field.url) if field else None


def thumbnail(serializer: serializers.BaseSerializer[Any], obj: CollectionObject) -> Any:
    """The object's card picture, as the pages show it (prefetch images and models3d)."""
    thumb = object_thumbnail(obj)
    if thumb is None:
        return None
    return {
        "url": absolute(serializer, thumb.url),
        "width": thumb.width,
        "height": thumb.height,
        "alt_text": thumb.alt,
    }


class ThumbnailSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """Schema of a thumbnail (the value is built by :func:`thumbnail`)."""

    url = serializers.URLField()
    width = serializers.IntegerField(help_text="0 when unknown (a 3D model's poster)")
    height = serializers.IntegerField(help_text="0 when unknown (a 3D model's poster)")
    alt_text = serializers.CharField()
