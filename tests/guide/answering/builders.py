"""Builders for the guide's answering tests: works with makers, tags, place and media.

They extend ``tests.builders`` (objects, images, restorations) with what a visitor asks
about: credits with a role and a qualifier ("attributed to", "workshop of"), tags, a place,
culture and medium. ``ask`` puts one question to the grounded answering and
``assert_grounded`` checks what every answer must hold: each sentence within its span.
"""

from collections.abc import Iterable
from itertools import count
from typing import Any

from django.contrib.auth.models import User

from exhibition.models import (
    Agent,
    CollectionObject,
    ObjectCreator,
    Place,
    Restoration,
    ReviewStatus,
    Tag,
    Visibility,
)
from guide.answering.containment import is_contained
from guide.answering.respond import answer_from_records
from guide.answers import Answer, Conversation
from tests.builders import add_image, add_restoration, make_agent, make_object

_seq = count(1)

Maker = Agent | tuple[Agent, str]  # an agent, or (agent, qualifier)


def make_place(name: str) -> Place:
    place, _ = Place.objects.get_or_create(
        name=name, defaults={"slug": f"place-{next(_seq)}-{name.lower().replace(' ', '-')}"}
    )
    return place


def make_work(
    title: str,
    *,
    makers: Iterable[Maker] = (),
    role: str = "creator",
    tags: Iterable[str] = (),
    place: str = "",
    image: bool = False,
    **fields: Any,
) -> CollectionObject:
    """A public object (unless ``visibility`` says otherwise) credited to ``makers``."""
    fields.setdefault("slug", _slug(title))
    fields.setdefault("date_display", "")
    fields.setdefault("date_start", None)
    fields.setdefault("date_end", None)
    if place:
        fields["place"] = make_place(place)
    obj = make_object(title=title, **fields)
    for order, maker in enumerate(makers):
        agent, qualifier = maker if isinstance(maker, tuple) else (maker, "")
        ObjectCreator.objects.create(
            collection_object=obj, agent=agent, role=role, qualifier=qualifier, order=order
        )
    obj.tags.set([Tag.objects.get_or_create(name=name)[0] for name in tags])
    if image:
        add_image(obj)
    return obj


def make_restricted_work(title: str, **fields: Any) -> CollectionObject:
    return make_work(title, visibility=Visibility.RESTRICTED, **fields)


def make_draft_work(title: str, **fields: Any) -> CollectionObject:
    return make_work(title, visibility=Visibility.DRAFT, **fields)


def add_reconstruction(
    obj: CollectionObject, *, status: str = ReviewStatus.APPROVED, reviewer: User | None = None
) -> Restoration:
    """A reconstruction of the object's first image (one is added if it has none)."""
    image = obj.images.first() or add_image(obj)
    if status != ReviewStatus.DRAFT and reviewer is None:
        reviewer = User.objects.create_user(
            username=f"reviewer-{next(_seq)}", password="a-long-test-password", is_staff=True
        )
    return add_restoration(image, status=status, reviewer=reviewer)


def make_hay_wain(constable: Agent | None = None) -> CollectionObject:
    return make_work(
        "The Hay Wain",
        makers=[constable or make_agent("John Constable")],
        date_display="1821",
        date_start=1821,
        date_end=1821,
        medium="Oil on canvas",
        dimensions="130.2 × 185.4 cm",
        culture="English",
        place="Suffolk",
        tags=["landscape", "river"],
        description=(
            "A hay wain crosses the River Stour in Suffolk. "
            "Willy Lott's cottage stands on the left bank. "
            "The painting hangs in the National Gallery in London."
        ),
        credit_line="Bequeathed by Henry Vaughan, 1886",
        image=True,
    )


def ask(question: str, conversation: Conversation | None = None) -> Answer:
    return answer_from_records(question, conversation or Conversation())


def on_page(obj: CollectionObject) -> Conversation:
    """The conversation of a visitor standing on the object's page."""
    conversation = Conversation()
    conversation.switch_page(obj.slug)
    return conversation


def assert_grounded(answer: Answer, *, derived_numbers: Iterable[int] = ()) -> None:
    """Every sentence says no more than the span it cites (counts only as computed)."""
    for sentence in answer.sentences:
        citation = sentence.citation
        assert is_contained(
            sentence.text,
            citation.span,
            title=citation.object_title,
            derived_numbers=frozenset(derived_numbers),
        ), (sentence.text, citation.span)


def assert_abstains(answer: Answer) -> None:
    assert answer.abstained is True
    assert answer.sentences == ()
    assert answer.source_slugs == []
    assert answer.notice


def _slug(title: str) -> str:
    letters = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return "-".join(part for part in letters.split("-") if part)[:60] or f"work-{next(_seq)}"
