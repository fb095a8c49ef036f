"""What the guide gives back: an answer made of cited sentences, media and suggestions.

Every sentence of an answer carries the one record span it is drawn from (object, field
and the exact text cited), so a visitor can follow each claim to the record, and the
containment check (``guide.answering.containment``) can verify it. An answer that the
collection does not support is an abstention: it says so plainly and offers what the
guide does know, and it cites nothing it did not use.
"""

from dataclasses import dataclass, field
from typing import Any

# Intents the guide recognises (``guide.answering.intents``).
MAKER = "maker"
DATE = "date"
PLACE = "place"
MATERIAL = "material"
DIMENSIONS = "dimensions"
SUBJECT = "subject"
CONDITION = "condition"
RESTORATION = "restoration"  # "what did it look like before?"
LICENCE = "licence"
RELATED = "related"
COLLECTION = "collection"
PRACTICAL = "practical"
AGENT = "agent"  # about a person: "when was Netscher born?"
OTHER = "other"

INTENTS = (
    MAKER,
    DATE,
    PLACE,
    MATERIAL,
    DIMENSIONS,
    SUBJECT,
    CONDITION,
    RESTORATION,
    LICENCE,
    RELATED,
    COLLECTION,
    PRACTICAL,
    AGENT,
    OTHER,
)


@dataclass(frozen=True)
class Citation:
    """The exact record text a sentence is drawn from."""

    object_slug: str  # "" for a museum-information citation (practical questions)
    object_title: str
    field: str  # "title", "maker", "date", "place", "medium", "description", "licence", …
    span: str  # exactly as it stands in the record
    url: str  # the public page of the object (or of the museum information)


@dataclass(frozen=True)
class AnswerSentence:
    text: str
    citation: Citation


@dataclass(frozen=True)
class Media:
    kind: str  # "image" or "reconstruction"
    url: str
    alt: str
    object_slug: str
    # Reconstructions only: the permanent label, what produced it and its review state.
    label: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)
    review_state: str = ""


@dataclass(frozen=True)
class Answer:
    question: str
    intent: str
    sentences: tuple[AnswerSentence, ...]
    abstained: bool
    # How sure the guide is that it understood the question and found the right record.
    confidence: float
    # The object the conversation is about after this answer (None: unchanged / none).
    about: str | None = None
    media: tuple[Media, ...] = ()
    suggestions: tuple[str, ...] = ()
    # For an abstention: the sentence that says the collection does not tell (uncited).
    notice: str = ""

    @property
    def text(self) -> str:
        parts = [self.notice] if self.notice else []
        parts.extend(sentence.text for sentence in self.sentences)
        return " ".join(parts)

    @property
    def citations(self) -> list[Citation]:
        """Each cited span once, in the order the answer uses them."""
        seen: dict[tuple[str, str, str], Citation] = {}
        for sentence in self.sentences:
            c = sentence.citation
            seen.setdefault((c.object_slug, c.field, c.span), c)
        return list(seen.values())

    @property
    def source_slugs(self) -> list[str]:
        slugs: dict[str, None] = {}
        for citation in self.citations:
            if citation.object_slug:
                slugs.setdefault(citation.object_slug, None)
        return list(slugs)


@dataclass
class Conversation:
    """What one visitor's conversation is about; the consumer keeps one per connection.

    ``page_object`` is the object page (or tour stop, or kiosk object) the visitor is on;
    ``objects`` the objects in view (a tour's stops), preferred when a name is ambiguous;
    ``about`` the object the last answer was about, which follow-ups resolve to.
    """

    page_object: str | None = None
    objects: tuple[str, ...] = ()
    about: str | None = None
    about_agent: str | None = None

    def switch_page(self, slug: str | None, objects: tuple[str, ...] = ()) -> None:
        """A new object page: the conversation is now about that object."""
        self.page_object = slug
        self.objects = objects
        self.about = slug
        self.about_agent = None
