"""French drafts: agreed French for the fixed vocabulary, the record's data as it is,
only the concepts the French lexicon names, and the French checklist's rules."""

import pytest

from descriptions.checklist import DescriptionTexts, failed_rules
from descriptions.drafting import Draft, RecordFacts, compose
from descriptions.drafting.facts import maker_phrase
from descriptions.drafting.identity import unrecorded_identity_words
from descriptions.drafting.languages import wording_for
from descriptions.image_analysis import ImageMeasurement, NamedColour
from search.encoders.base import Concept

FACTS = RecordFacts(
    title="View of Delft",
    object_type="painting",
    makers=["Johannes Vermeer"],
    date="c. 1660",
    medium="oil on canvas",
    dimensions="96.5 × 115.7 cm",
    culture="Dutch Republic",
    tags=["harbour", "city"],
    description="A view of the city from across the river. It is calm.",
)


def _measurement(concepts: list[Concept] | None = None, **fields: object) -> ImageMeasurement:
    values: dict[str, object] = {
        "source": "image",
        "width": 1600,
        "height": 1300,
        "orientation": "landscape",
        "colours": [NamedColour("light blue", 0.4), NamedColour("ochre", 0.3)],
        "thirds": ["light blue", "ochre", "grey"],
        "concepts": concepts or [],
    }
    values.update(fields)
    return ImageMeasurement(**values)  # type: ignore[arg-type]


def _texts(draft_language: str = "fr", **changes: object) -> DescriptionTexts:
    draft = compose(FACTS, _measurement([Concept("boathouse", 0.6)]), draft_language)
    values: dict[str, object] = {
        "alt_text": draft.alt_text,
        "short_text": draft.short_text,
        "long_text": draft.long_text,
        "statements": [s.as_json() for s in draft.statements],
        "measured_concepts": {"boathouse": 0.6},
        "concept_threshold": 0.25,
        "language": draft_language,
    }
    values.update(changes)
    return DescriptionTexts(**values)  # type: ignore[arg-type]


def test_french_layers_agree_and_keep_the_record_data_as_it_is() -> None:
    draft = compose(FACTS, _measurement([Concept("boathouse", 0.6)]), "fr")
    assert draft.alt_text == "Peinture : View of Delft, par Johannes Vermeer, c. 1660"
    assert draft.short_text == (
        "Une peinture au format paysage par Johannes Vermeer. Technique : oil on canvas. "
        "Son sujet, d’après le titre : View of Delft. "
        "Selon une lecture automatique, l’image semble montrer un hangar à bateaux."
    )
    label, overview, path = draft.long_text.split("\n\n")
    assert label == (
        "View of Delft. Par Johannes Vermeer. Datation : c. 1660. Oil on canvas. 96.5 × 115.7 cm."
    )
    assert overview.startswith("Une peinture au format paysage ; origine : Dutch Republic.")
    assert path == (
        "De gauche à droite : surtout du bleu clair à gauche, de l’ocre au centre et du gris "
        "à droite. Les couleurs principales sont le bleu clair (environ 40 %) et l’ocre "
        "(environ 30 %). L’image numérique est au format paysage, de 1600 sur 1300 pixels."
    )


def test_a_french_draft_does_not_quote_the_records_english_prose() -> None:
    draft = compose(FACTS, _measurement(), "fr")
    assert "A view of the city" not in draft.long_text
    assert "harbour" not in draft.long_text
    # The English draft still does.
    assert "A view of the city from across the river." in compose(FACTS, _measurement()).long_text


def test_a_french_record_text_is_quoted_in_the_french_draft() -> None:
    facts = RecordFacts(
        title="Vue de Delft",
        object_type="painting",
        description="La ville vue de l’autre rive.",
        language="fr",
    )
    assert "La ville vue de l’autre rive." in compose(facts, _measurement(), "fr").long_text


def test_a_concept_without_a_french_name_is_not_said_in_french() -> None:
    concepts = [Concept("boathouse", 0.6), Concept("tench, Tinca tinca", 0.5)]
    french = compose(FACTS, _measurement(concepts), "fr")
    assert "tench" not in french.short_text and "hangar à bateaux" in french.short_text
    assert "tench" in compose(FACTS, _measurement(concepts)).short_text
    only_unnamed = compose(FACTS, _measurement([Concept("tench, Tinca tinca", 0.5)]), "fr")
    assert "semble montrer" not in only_unnamed.short_text + only_unnamed.long_text


def test_elision_and_gender_come_from_the_lexicon() -> None:
    model = RecordFacts(title="Bust", object_type="sculpture", has_model=True)
    poster = _measurement(
        [Concept("vase", 0.6)],
        source="poster",
        orientation="",
        thirds=[],
        colours=[NamedColour("orange", 0.5)],
    )
    draft = compose(model, poster, "fr")
    assert draft.short_text.startswith("Un modèle 3D d’une sculpture.")
    assert "la vue rendue du modèle 3D semble montrer un vase" in draft.short_text
    assert draft.long_text.endswith(
        "Dans la vue rendue du modèle 3D, la couleur principale est l’orange (environ 50 %)."
    )
    drawing = compose(RecordFacts(title="Study", object_type="drawing"), _measurement(), "fr")
    assert drawing.short_text.startswith("Un dessin au format paysage.")
    odd = compose(RecordFacts(title="Thing", object_type="gizmo"), _measurement(), "fr")
    assert odd.alt_text.startswith("Objet : Thing") and "Un objet au format" in odd.short_text


def test_a_fresh_french_draft_passes_the_french_checklist() -> None:
    assert failed_rules(_texts(), FACTS) == []


@pytest.mark.parametrize(
    "phrase", ["Image de la ville.", "Une photo du port.", "Illustration d’un quai."]
)
def test_image_of_in_french_is_caught(phrase: str) -> None:
    texts = _texts()
    assert "no_image_of" in failed_rules(_texts(alt_text=phrase), FACTS)
    assert "no_image_of" in failed_rules(_texts(short_text=f"{texts.short_text} {phrase}"), FACTS)


def test_french_identity_words_are_caught_but_colours_are_not() -> None:
    texts = _texts()
    for said in (
        "Une femme au balcon.",
        "Un Noir sur le quai.",
        "Un enfant joue.",
        "La peau claire.",
    ):
        failed = failed_rules(_texts(long_text=f"{texts.long_text}\n\n{said}"), FACTS)
        assert "no_unrecorded_identity" in failed, said
    colours = "Le noir domine, avec du blanc et le bleu. Elle semble calme."
    assert not unrecorded_identity_words(colours, FACTS.texts(), "fr")
    # The record's own words may be repeated.
    assert not unrecorded_identity_words("Jeune fille.", ["Jeune fille à la perle"], "fr")


def test_the_french_appears_to_show_must_be_traced_to_a_measured_concept() -> None:
    texts = _texts()
    invented = f"{texts.long_text}\n\nL’image semble montrer un volcan."
    statements = [
        *texts.statements,
        {
            "layer": "long",
            "text": "L’image semble montrer un volcan.",
            "sources": ["image:colours"],
        },
    ]
    assert "traceable" in failed_rules(_texts(long_text=invented, statements=statements), FACTS)
    # An English reading of a French draft's concept does not count as naming it.
    english = [
        {**s, "text": s["text"].replace("un hangar à bateaux", "a boathouse")}
        for s in texts.statements
    ]
    fr_short = texts.short_text.replace("un hangar à bateaux", "a boathouse")
    fr_long = texts.long_text.replace("un hangar à bateaux", "a boathouse")
    failed = failed_rules(_texts(short_text=fr_short, long_text=fr_long, statements=english), FACTS)
    assert "traceable" in failed


def test_a_french_reading_in_the_label_paragraph_fails_label_facts_first() -> None:
    texts = _texts()
    label, rest = texts.long_text.split("\n\n", 1)
    moved = f"{label} L’image semble montrer un hangar à bateaux.\n\n{rest}"
    assert "label_facts_first" in failed_rules(_texts(long_text=moved), FACTS)


def test_unknown_languages_are_refused_and_regional_ones_use_their_base() -> None:
    assert wording_for("fr-CA").language == "fr"
    with pytest.raises(ValueError, match="not written in 'de'"):
        compose(FACTS, _measurement(), "de")


def test_attribution_qualifiers_read_as_on_a_french_label() -> None:
    facts = RecordFacts(
        title="The Weighing of Gold",
        object_type="painting",
        makers=[maker_phrase("Rembrandt van Rijn", "creator", "attributed to", "fr")],
        date="1640",
    )
    draft = compose(facts, _measurement(), "fr")
    assert draft.alt_text == "Peinture : The Weighing of Gold, attribué à Rembrandt van Rijn, 1640"
    assert draft.short_text.startswith(
        "Une peinture au format paysage, attribué à Rembrandt van Rijn."
    )
    assert draft.long_text.startswith("The Weighing of Gold. Attribué à Rembrandt van Rijn.")
    assert maker_phrase("Rubens", "", "after", "en") == "after Rubens"
    assert failed_rules(_texts_of(draft, facts), facts) == []


def _texts_of(draft: object, facts: RecordFacts) -> DescriptionTexts:
    assert isinstance(draft, Draft)
    return DescriptionTexts(
        alt_text=draft.alt_text,
        short_text=draft.short_text,
        long_text=draft.long_text,
        statements=[s.as_json() for s in draft.statements],
        measured_concepts={},
        concept_threshold=0.25,
        language="fr",
    )
