"""The checklist fails what breaks the guidelines' mechanical rules, and only that."""

from descriptions.checklist import DescriptionTexts, failed_rules
from descriptions.drafting import RecordFacts, compose
from descriptions.image_analysis import ImageMeasurement
from search.encoders.base import Concept

FACTS = RecordFacts(title="Harbour", object_type="painting", date="1850", medium="oil")


def _texts(**changes: object) -> DescriptionTexts:
    measured = ImageMeasurement(
        "image", 300, 200, "landscape", concepts=[Concept("boathouse", 0.6)]
    )
    draft = compose(FACTS, measured)
    values: dict[str, object] = {
        "alt_text": draft.alt_text,
        "short_text": draft.short_text,
        "long_text": draft.long_text,
        "statements": [s.as_json() for s in draft.statements],
        "measured_concepts": {"boathouse": 0.6},
        "concept_threshold": 0.25,
    }
    values.update(changes)
    return DescriptionTexts(**values)  # type: ignore[arg-type]


def test_a_fresh_draft_passes() -> None:
    assert failed_rules(_texts(), FACTS) == []


def test_overlong_alt_text_and_image_of_fail() -> None:
    assert "alt_text_length" in failed_rules(_texts(alt_text="x" * 126), FACTS)
    assert "no_image_of" in failed_rules(_texts(alt_text="Image of a harbour"), FACTS)


def test_label_facts_not_first_fails() -> None:
    draft = _texts()
    swapped = "\n\n".join(reversed(draft.long_text.split("\n\n")))
    assert "label_facts_first" in failed_rules(_texts(long_text=swapped), FACTS)


def test_an_unsourced_sentence_or_unmeasured_concept_fails() -> None:
    draft = _texts()
    assert "traceable" in failed_rules(_texts(long_text=draft.long_text + " Made up."), FACTS)
    assert "traceable" in failed_rules(_texts(measured_concepts={"boathouse": 0.1}), FACTS)


def test_identity_words_the_record_lacks_fail() -> None:
    draft = _texts()
    said = draft.short_text + " An old man."
    assert "no_unrecorded_identity" in failed_rules(_texts(short_text=said), FACTS)
