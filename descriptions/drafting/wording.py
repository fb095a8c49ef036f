"""How a description says each of its sentences, one phrasebook per language.

The composer (compose.py) decides *what* is said and from which source; a ``Wording``
decides *how* it reads in one language. Grammar (articles, agreement, elision) differs too
much between languages for message catalogues: each language is a sibling of ``English``
(``french.French``) with the same methods, chosen by ``wording_for``.

Record data (titles, makers, media, dates, places) is passed through as it is; only the
fixed vocabulary (object types, colours, formats, concept names) is the wording's own.
"""

import re
from typing import ClassVar

from search.explanations import plain_label


def as_sentence(text: str) -> str:
    """Capitalised, ending with a full stop unless it already ends a sentence."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else f"{text}."


class English:
    language: ClassVar[str] = "en"
    # What every statement of a visual reading says, so the checklist can find them.
    appears: ClassVar[str] = "appears to show"
    # "image of" / "picture of": the guidelines forbid them (a screen reader says "image").
    forbidden: ClassVar[re.Pattern[str]] = re.compile(r"\b(?:image|picture) of\b", re.IGNORECASE)
    # Whether the record's own prose (description, tags) may be quoted: it is written in
    # the collection's language, which a draft in another language must not mix in.
    quotes_record_prose: ClassVar[bool] = True
    and_word: ClassVar[str] = "and"

    def listed(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.and_word} {items[-1]}"

    def with_article(self, noun: str) -> str:
        if noun.endswith("s") and not noun.endswith(("ss", "us")):
            return noun  # plural or mass nouns: "sandbars", "jeans"
        return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"

    def concept_noun(self, label: str) -> str | None:
        """The concept's name as the checklist looks for it; None: not sayable here."""
        return plain_label(label)

    def concept_name(self, label: str) -> str | None:
        noun = self.concept_noun(label)
        return None if noun is None else self.with_article(noun)

    def object_type(self, object_type: str) -> str:
        return object_type or "object"

    def kind(self, object_type: str, orientation: str) -> str:
        """'a portrait-format print'."""
        fmt = f"{orientation}-format " if orientation else ""
        return self.with_article(f"{fmt}{self.object_type(object_type)}")

    def model_of(self, object_type: str) -> str:
        return f"3D model of {self.with_article(self.object_type(object_type))}"

    def alt_label(self, object_type: str) -> str:
        return self.object_type(object_type)

    def alt_by(self, maker: str) -> str:
        return f", by {maker}"

    def by(self, makers: list[str]) -> str:
        return f" by {'; '.join(makers)}"

    def medium(self, medium: str) -> str:
        return as_sentence(f"Medium: {medium}")

    def titled(self, title: str) -> str:
        return as_sentence(f"Its subject, as titled: {title}")

    def label_by(self, makers: list[str]) -> str:
        return f"By {'; '.join(makers)}"

    def label_date(self, date: str) -> str:
        # "Dated c. 1830–1832", not a sentence starting "C. 1830".
        return f"Dated {date}"

    def overview(self, kind: str, culture: str) -> str:
        return as_sentence(f"{kind} from {culture}" if culture else kind)

    def subjects(self, tags: list[str]) -> str:
        return f"Catalogued subjects: {self.listed(tags)}."

    def concepts(self, names: list[str], source: str) -> str:
        seen = "3D model's rendered view" if source == "poster" else "image"
        return f"It {self.appears} {self.listed(names)}, by an automatic reading of the {seen}."

    def colour(self, name: str) -> str:
        return name

    def colour_list(self, colours: list[tuple[str, float]]) -> str:
        return self.listed(
            [f"{self.colour(name)} (about {round(share * 100)}%)" for name, share in colours]
        )

    def geometry_only(self) -> str:
        return "The 3D scan records shape only, without colour, so no colours are described."

    def poster_colours(self, colours: list[tuple[str, float]]) -> str:
        return f"In the 3D model's rendered view, the main colours are {self.colour_list(colours)}."

    def thirds_alike(self, colour: str) -> str:
        return f"From left to right, it is mostly {self.colour(colour)} throughout."

    def thirds(self, left: str, middle: str, right: str) -> str:
        c = self.colour
        return (
            f"From left to right: mostly {c(left)} on the left, {c(middle)} in the middle "
            f"and {c(right)} on the right."
        )

    def main_colours(self, colours: list[tuple[str, float]]) -> str:
        return f"The main colours are {self.colour_list(colours)}."

    def image_format(self, orientation: str, width: int, height: int) -> str:
        return f"The digital image is in {orientation} format, {width} by {height} pixels."
