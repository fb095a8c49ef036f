"""The French phrasebook: the same sentences as ``English``, in museum French.

Nouns carry their article from the lexicon (lexicon_fr.py), so "une estampe au format
portrait", "un modèle 3D d’une sculpture" and "de l’ocre" come out agreed and elided.
Colours are said as nouns ("le noir", "du bleu clair"), which need no agreement.
"""

import re
from typing import ClassVar

from descriptions.drafting.lexicon_fr import (
    COLOURS,
    CONCEPTS,
    OBJECT_TYPES,
    ORIENTATIONS,
    QUALIFIERS,
)
from descriptions.drafting.wording import English, as_sentence
from search.explanations import plain_label

_VOWEL = "aeiouyéèêàâîôûœ"


def _without_article(phrase: str) -> str:
    for article in ("un ", "une ", "des ", "du ", "de la ", "de l’"):
        if phrase.startswith(article):
            return phrase[len(article) :]
    return phrase


def _de(phrase: str) -> str:
    """'de' before a phrase with its article: "d’une sculpture", "de la laine"."""
    return f"d’{phrase}" if phrase[:1] in _VOWEL else f"de {phrase}"


def _qualified(maker: str) -> bool:
    """'attribué à Rembrandt' takes no 'par'."""
    return maker.startswith(tuple(f"{q} " for q in QUALIFIERS.values()))


def _elided(article: str, noun: str) -> str:
    """'le noir', 'l’ocre'; 'du noir', 'de l’ocre'."""
    if noun[:1] in _VOWEL:
        return f"{'de ' if article == 'du' else ''}l’{noun}"
    return f"{article} {noun}"


class French(English):
    language: ClassVar[str] = "fr"
    appears: ClassVar[str] = "semble montrer"
    # "image de", "photo de" (and "d’"): the French of the guidelines' "image of".
    forbidden: ClassVar[re.Pattern[str]] = re.compile(
        r"\b(?:image|photo|illustration)s?\s+(?:de|du|des|d[’'])(?=\s|\b|[’'])", re.IGNORECASE
    )
    quotes_record_prose: ClassVar[bool] = False
    and_word: ClassVar[str] = "et"

    def concept_noun(self, label: str) -> str | None:
        phrase = CONCEPTS.get(plain_label(label))
        return None if phrase is None else _without_article(phrase)

    def concept_name(self, label: str) -> str | None:
        return CONCEPTS.get(plain_label(label))

    def _type_phrase(self, object_type: str) -> str:
        return OBJECT_TYPES.get(object_type.strip().lower(), "un objet")

    def kind(self, object_type: str, orientation: str) -> str:
        phrase = self._type_phrase(object_type)
        fmt = ORIENTATIONS.get(orientation, "")
        return f"{phrase} au format {fmt}" if fmt else phrase

    def model_of(self, object_type: str) -> str:
        return f"un modèle 3D {_de(self._type_phrase(object_type))}"

    def alt_label(self, object_type: str) -> str:
        return _without_article(self._type_phrase(object_type))

    def alt_by(self, maker: str) -> str:
        return f", {maker}" if _qualified(maker) else f", par {maker}"

    def by(self, makers: list[str]) -> str:
        if any(_qualified(maker) for maker in makers):
            return f", {' ; '.join(makers)}"
        return f" par {' ; '.join(makers)}"

    def medium(self, medium: str) -> str:
        return as_sentence(f"Technique : {medium}")

    def titled(self, title: str) -> str:
        return as_sentence(f"Son sujet, d’après le titre : {title}")

    def label_by(self, makers: list[str]) -> str:
        if any(_qualified(maker) for maker in makers):
            return " ; ".join(makers)
        return f"Par {' ; '.join(makers)}"

    def label_date(self, date: str) -> str:
        return f"Datation : {date}"

    def overview(self, kind: str, culture: str) -> str:
        return as_sentence(f"{kind} ; origine : {culture}" if culture else kind)

    def concepts(self, names: list[str], source: str) -> str:
        seen = "la vue rendue du modèle 3D" if source == "poster" else "l’image"
        return f"Selon une lecture automatique, {seen} {self.appears} {self.listed(names)}."

    def colour(self, name: str) -> str:
        return COLOURS.get(name, name)

    def colour_list(self, colours: list[tuple[str, float]]) -> str:
        return self.listed(
            [
                f"{_elided('le', self.colour(name))} (environ {round(share * 100)} %)"
                for name, share in colours
            ]
        )

    def geometry_only(self) -> str:
        return (
            "Le scan 3D n’enregistre que la forme, sans la couleur : "
            "aucune couleur n’est donc décrite."
        )

    def poster_colours(self, colours: list[tuple[str, float]]) -> str:
        said = self.main_colours(colours)
        return f"Dans la vue rendue du modèle 3D, {said[0].lower()}{said[1:]}"

    def thirds_alike(self, colour: str) -> str:
        return f"De gauche à droite, c’est surtout {_elided('du', self.colour(colour))} partout."

    def thirds(self, left: str, middle: str, right: str) -> str:
        left, middle, right = (_elided("du", self.colour(c)) for c in (left, middle, right))
        return (
            f"De gauche à droite : surtout {left} à gauche, {middle} au centre et {right} à droite."
        )

    def main_colours(self, colours: list[tuple[str, float]]) -> str:
        if len(colours) == 1:
            return f"La couleur principale est {self.colour_list(colours)}."
        return f"Les couleurs principales sont {self.colour_list(colours)}."

    def image_format(self, orientation: str, width: int, height: int) -> str:
        fmt = ORIENTATIONS.get(orientation, orientation)
        return f"L’image numérique est au format {fmt}, de {width} sur {height} pixels."
