"""The search API's response body, built as plain data.

A search answers in milliseconds and DRF's field-by-field serialisation of twenty hits
cost about as much as all the ranking after encoding, so the body is assembled here
directly. Its shape is the one ``search.api.serializers`` declares for the OpenAPI
schema; a test validates real responses against that schema.
"""

from typing import Any

from search.api.cards import CardHit
from search.explanations import Explanation
from search.results import SearchResults

# Scores are sent to four decimals: enough to compare, and half the digits to write.
DECIMALS = 4


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def explanation_payload(explanation: Explanation) -> dict[str, Any]:
    return {
        "summary": explanation.sentences(),
        "matched_fields": explanation.fields,
        "concepts": [
            {"label": c.label, "score": _rounded(c.score), "similarity": _rounded(c.similarity)}
            for c in explanation.concepts
        ],
        "channels": {
            name: {
                "raw": _rounded(score.raw),
                "normalised": _rounded(score.normalised),
                "weight": score.weight,
            }
            for name, score in explanation.channels.items()
        },
    }


def results_payload(results: SearchResults, hits: list[CardHit]) -> dict[str, Any]:
    suggestions = results.suggestions
    return {
        "query": results.query,
        "match": results.match,
        "suggestions": {
            "did_you_mean": suggestions.did_you_mean if suggestions else "",
            "try": list(suggestions.try_terms) if suggestions else [],
        },
        "count": results.total,
        "page": results.page,
        "page_size": results.page_size,
        "notice": results.notice,
        "timings_ms": dict(results.timings),
        "results": [
            {
                "object": hit.card["object"],
                "thumbnail": hit.card["thumbnail"],
                "score": _rounded(hit.score),
                "explanation": explanation_payload(hit.explanation),
            }
            for hit in hits
        ],
    }
