"""Output shapes of the search API: hits with their explanation, and per-stage timings."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from exhibition.api.fields import ThumbnailSerializer, thumbnail
from exhibition.api.objects import ObjectSummarySerializer
from search.services import SearchHit


class ChannelScoreSerializer(serializers.Serializer):  # type: ignore[type-arg]
    raw = serializers.FloatField(
        allow_null=True,
        help_text="The channel's own score (BM25 or cosine); null if not a candidate",
    )
    normalised = serializers.FloatField(
        help_text="As fused: keyword 0–1 (share of the best match), others the cosine"
    )
    weight = serializers.FloatField(help_text="The channel's weight in the fused score")


class MatchedConceptSerializer(serializers.Serializer):  # type: ignore[type-arg]
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="What the image classifier sees, e.g. 'ship, sailing vessel'"
    )
    score = serializers.FloatField(help_text="The classifier's probability (machine output)")
    similarity = serializers.FloatField(
        help_text="How close the concept is to the query (text: cosine; photo: probability)"
    )


class ExplanationSerializer(serializers.Serializer):  # type: ignore[type-arg]
    summary = serializers.ListField(child=serializers.CharField(), source="sentences")
    matched_fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Record field -> the query's words found in it",
    )
    concepts = MatchedConceptSerializer(many=True)
    channels = serializers.DictField(
        child=ChannelScoreSerializer(), help_text="keyword, text, visual (or joint)"
    )


class SearchHitSerializer(serializers.Serializer):  # type: ignore[type-arg]
    object = ObjectSummarySerializer(source="collection_object")
    thumbnail = serializers.SerializerMethodField()
    score = serializers.FloatField(help_text="Fused score; only the order is meaningful")
    explanation = serializers.SerializerMethodField()

    @extend_schema_field(ThumbnailSerializer(allow_null=True))
    def get_thumbnail(self, hit: SearchHit) -> Any:
        return thumbnail(self, hit.collection_object)

    @extend_schema_field(ExplanationSerializer)
    def get_explanation(self, hit: SearchHit) -> Any:
        explanation = hit.explanation
        return {
            "summary": explanation.sentences(),
            "matched_fields": explanation.fields,
            "concepts": [vars(c) for c in explanation.concepts],
            "channels": {name: vars(score) for name, score in explanation.channels.items()},
        }


class SearchResultsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    query = serializers.CharField(help_text="The query as searched (by photo: what it shows)")
    count = serializers.IntegerField(source="total")
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    notice = serializers.CharField(help_text="e.g. an index is missing; empty when all is well")
    timings_ms = serializers.DictField(
        child=serializers.FloatField(), source="timings", help_text="Milliseconds per stage"
    )
    results = SearchHitSerializer(source="hits", many=True)
