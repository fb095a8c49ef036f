"""The generator: three layers within the guidelines' limits, every sentence sourced."""

from descriptions.drafting import RecordFacts, compose
from descriptions.drafting.identity import unrecorded_identity_words
from descriptions.image_analysis import ImageMeasurement, NamedColour
from search.encoders.base import Concept


def _facts(**fields: object) -> RecordFacts:
    values: dict[str, object] = {
        "title": "View of Delft",
        "object_type": "painting",
        "makers": ["Johannes Vermeer"],
        "date": "c. 1660",
        "medium": "oil on canvas",
        "dimensions": "96.5 × 115.7 cm",
    }
    values.update(fields)
    return RecordFacts(**values)  # type: ignore[arg-type]


def _measurement(concepts: list[Concept] | None = None) -> ImageMeasurement:
    return ImageMeasurement(
        source="image",
        width=1600,
        height=1300,
        orientation="landscape",
        colours=[NamedColour("light blue", 0.4), NamedColour("dark brown", 0.3)],
        thirds=["light blue", "dark brown", "grey"],
        concepts=concepts or [],
    )


def test_long_description_starts_with_the_label_facts_in_order() -> None:
    draft = compose(_facts(), _measurement())
    label = draft.long_text.split("\n\n")[0]
    assert label == (
        "View of Delft. By Johannes Vermeer. Dated c. 1660. Oil on canvas. 96.5 × 115.7 cm."
    )


def test_only_the_label_facts_the_record_has_are_said() -> None:
    draft = compose(_facts(makers=[], dimensions=""), _measurement())
    assert draft.long_text.split("\n\n")[0] == "View of Delft. Dated c. 1660. Oil on canvas."


def test_spatial_path_runs_left_to_right_with_colours_and_format() -> None:
    draft = compose(_facts(), _measurement())
    path = draft.long_text.split("\n\n")[-1]
    assert path.startswith("From left to right: mostly light blue on the left, dark brown in")
    assert "light blue (about 40%)" in path
    assert "landscape format, 1600 by 1300 pixels" in path


def test_concepts_are_said_as_appears_to_show_with_their_source() -> None:
    draft = compose(_facts(), _measurement([Concept("boathouse", 0.6)]))
    assert "It appears to show a boathouse" in draft.short_text
    sourced = [s for s in draft.statements if "boathouse" in s.text]
    assert sourced and all(s.sources == ("image:concept:boathouse",) for s in sourced)


def test_a_concept_naming_a_gender_the_record_does_not_is_never_said() -> None:
    draft = compose(_facts(), _measurement([Concept("groom, bridegroom", 0.9)]))
    text = " ".join((draft.alt_text, draft.short_text, draft.long_text))
    assert "groom" not in text
    assert not unrecorded_identity_words(text, _facts().texts())


def test_identity_words_from_the_record_itself_may_be_repeated() -> None:
    facts = _facts(title="Portrait of a young woman")
    draft = compose(facts, _measurement())
    assert "young woman" in draft.long_text
    assert not unrecorded_identity_words(draft.long_text, facts.texts())


def test_every_sentence_has_a_source_and_the_layers_are_made_of_them() -> None:
    draft = compose(_facts(tags=["harbour", "city"]), _measurement([Concept("boathouse", 0.6)]))
    assert all(s.sources for s in draft.statements)
    for layer, text in (("alt", draft.alt_text), ("long", draft.long_text)):
        for statement in (s for s in draft.statements if s.layer == layer):
            assert statement.text in text


def test_alt_text_fits_125_characters_and_never_says_image_of() -> None:
    draft = compose(_facts(title="A very long title " * 20), _measurement())
    assert len(draft.alt_text) <= 125
    assert draft.alt_text.startswith("Painting: A very long title")
    assert "image of" not in draft.alt_text.lower()


def test_long_description_keeps_within_250_words_by_dropping_the_record_sentence() -> None:
    wordy = "Word " * 40 + "end. More."
    draft = compose(_facts(description=wordy, dimensions="x " * 190), _measurement())
    assert len(draft.long_text.split()) <= 250
    assert "Word Word" not in draft.long_text


def test_a_3d_model_without_a_poster_is_described_from_the_record_alone() -> None:
    draft = compose(_facts(object_type="sculpture", has_model=True), None)
    assert "3D model of a sculpture" in draft.short_text
    assert "From left to right" not in draft.long_text
    sources = {source for s in draft.statements for source in s.sources}
    assert all(source.startswith(("record:", "media:")) for source in sources)


def test_a_poster_is_measured_but_has_no_format_or_path() -> None:
    poster = ImageMeasurement(
        source="poster",
        width=768,
        height=768,
        orientation="",
        colours=[NamedColour("white", 0.7)],
        concepts=[Concept("tripod", 0.7)],
    )
    draft = compose(_facts(object_type="scientific instrument", has_model=True), poster)
    assert "rendered view, the main colours are white" in draft.long_text
    assert "pixels" not in draft.long_text
    assert "appears to show a tripod" in draft.long_text
