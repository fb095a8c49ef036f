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
        help_text="What the image classifier guesses the image shows, e.g. 'ship, sailing "
        "vessel' (only sure, unblocked concepts that relate to the query)"
    )
    score = serializers.FloatField(help_text="The classifier's probability (machine output)")
    similarity = serializers.FloatField(
        help_text="How close the concept is to the query (text: cosine; photo: probability)"
    )


class ExplanationSerializer(serializers.Serializer):  # type: ignore[type-arg]
    summary = serializers.ListField(
        child=serializers.CharField(),
        help_text="Why, in plain words; a 'Looks like' reason is a machine guess",
    )
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


class SuggestionsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    did_you_mean = serializers.CharField(
        help_text="The query respelled with words the records use; empty when none is close"
    )
    try_ = serializers.ListField(
        child=serializers.CharField(),
        help_text="The collection's own subjects and object types nearest the query",
    )

    def get_fields(self) -> dict[str, serializers.Field]:  # type: ignore[type-arg]
        fields = super().get_fields()
        fields["try"] = fields.pop("try_")  # a Python keyword, so renamed here
        return fields


class SearchResultsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    query = serializers.CharField(
        help_text="The query as searched (by photo: what it seems to show, a machine guess)"
    )
    match = serializers.ChoiceField(
        choices=["matched", "none", "guesses"],
        help_text="matched: results above the relevance floor; none: nothing matched (no "
        "results; see suggestions); guesses: a catalogue of mostly titles has no record with "
        "these words, and the results are the closest guesses",
    )
    suggestions = SuggestionsSerializer(help_text="Filled when nothing matched")
    count = serializers.IntegerField(help_text="Results above the relevance floor")
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    notice = serializers.CharField(help_text="e.g. an index is missing; empty when all is well")
    timings_ms = serializers.DictField(
        child=serializers.FloatField(), help_text="Milliseconds per stage"
    )
    results = SearchHitSerializer(many=True)
