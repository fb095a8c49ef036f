"""The description generator: record facts and image measurements in, three layers out.

``record_facts`` reads what the record says; ``compose`` is a pure function of those facts
and an ``ImageMeasurement`` (descriptions/image_analysis.py), so every rule of the
guidelines is tested without a database or a model.
"""

from descriptions.drafting.compose import (
    MAX_ALT_CHARS,
    MAX_LONG_WORDS,
    Draft,
    Statement,
    compose,
    layer_text,
)
from descriptions.drafting.facts import RecordFacts, record_facts

__all__ = [
    "MAX_ALT_CHARS",
    "MAX_LONG_WORDS",
    "Draft",
    "RecordFacts",
    "Statement",
    "compose",
    "layer_text",
    "record_facts",
]
