"""Output shapes of the search API: hits with their explanation, and per-stage timings.

These declare the OpenAPI schema; the body itself is built by ``search.api.payload``
(tests validate responses against this schema).
"""

from rest_framework import serializers

from exhibition.api.fields import ThumbnailSerializer
from exhibition.api.objects import ObjectSummarySerializer


class ChannelScoreSerializer(serializers.Serializer):  # type: ignore[type-arg]
    raw = serializers.FloatField(
        allow_null=True,
        help_text="The channel's own score (BM25 or cosine); null if not a candidate",
    )
    normalised = serializers.FloatField(
        help_text="As fused: keyword 0–1 (how fully the record matches every word), "
        "others the cosine"
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
    summary = serializers.ListField(child=serializers.CharField())
    matched_fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Record field -> the query's words found in it",
    )
    concepts = MatchedConceptSerializer(many=True)
    channels = serializers.DictField(
        child=ChannelScoreSerializer(),
        help_text="keyword, text, visual (or joint); looks_like in a sparse catalogue",
    )


class SearchHitSerializer(serializers.Serializer):  # type: ignore[type-arg]
    object = ObjectSummarySerializer()
    thumbnail = ThumbnailSerializer(allow_null=True)
    score = serializers.FloatField(help_text="Fused score; only the order is meaningful")
    explanation = ExplanationSerializer()


class SearchResultsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    query = serializers.CharField(help_text="The query as searched (by photo: what it shows)")
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    notice = serializers.CharField(help_text="e.g. an index is missing; empty when all is well")
    timings_ms = serializers.DictField(
        child=serializers.FloatField(), help_text="Milliseconds per stage"
    )
    results = SearchHitSerializer(many=True)
