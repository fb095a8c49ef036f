"""A small, varied collection for the Linked Art tests, built the way the site records it."""

from dataclasses import dataclass

from django.contrib.auth.models import User

from exhibition.models import (
    Agent,
    CollectionObject,
    ObjectCreator,
    Place,
    Restoration,
    ReviewStatus,
    Visibility,
)
from tests import builders

GENERATED_TEXT = "Oil painting of a harbour at dusk; two boats rest in the foreground."


def link(obj: CollectionObject, agent: Agent, *, qualifier: str = "", order: int = 0) -> None:
    ObjectCreator.objects.create(
        collection_object=obj, agent=agent, role="creator", qualifier=qualifier, order=order
    )


@dataclass
class Collection:
    painting: CollectionObject
    banknote: CollectionObject
    sculpture: CollectionObject
    ancient: CollectionObject
    restricted: CollectionObject
    draft: CollectionObject
    painter: Agent
    bank: Agent
    follower: Agent
    hidden_maker: Agent
    harbour: Place
    capital: Place
    hidden_place: Place
    approved_restoration: Restoration
    pending_restoration: Restoration


def build_collection(curator: User) -> Collection:
    painter = Agent.objects.create(
        slug="anna-vos", name="Anna Vos", dates="1801–1862", biography="Marine painter."
    )
    bank = Agent.objects.create(slug="harbour-bank", name="Harbour Bank & Co.", dates="1820–1901")
    follower = Agent.objects.create(slug="jan-mol", name="Jan Mol", dates="b. 1790")
    hidden_maker = Agent.objects.create(slug="secret-maker", name="Secret Maker")
    harbour = Place.objects.create(
        slug="harbour", name="Harbour Town", latitude=52.37, longitude=4.9
    )
    capital = Place.objects.create(slug="capital", name="The Capital")
    hidden_place = Place.objects.create(slug="hidden-place", name="Hidden Place")

    painting = builders.make_object(
        slug="harbour-at-dusk",
        title="Harbour at Dusk",
        accession_number="VT.1850.1",
        object_type="painting",
        medium="oil on canvas",
        dimensions="60 × 80 cm",
        date_display="c. 1850",
        date_start=1848,
        date_end=1852,
        place=harbour,
        credit_line="Gift of the Vos family",
        licence="CC-BY-4.0",
        is_damaged=True,
    )
    link(painting, painter)
    link(painting, follower, qualifier="workshop of", order=1)
    image = builders.add_image(painting)
    image.tiles_ready = True
    image.save(update_fields=["tiles_ready"])
    builders.add_image(painting, order=1)
    approved = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    pending = builders.add_restoration(image, engine="lama")
    builders.add_description(
        painting, status=ReviewStatus.APPROVED, reviewer=curator, long_text=GENERATED_TEXT
    )

    banknote = builders.make_object(
        slug="ten-guilders",
        title="Ten guilders",
        object_type="banknote",
        medium="printed paper",
        date_display="1901",
        date_start=1901,
        date_end=1901,
        place=capital,
        dimensions="",
    )
    link(banknote, bank)
    builders.add_description(banknote, long_text="Unreviewed draft.")

    sculpture = builders.make_object(
        slug="bust",
        title="Bust of a Sailor",
        object_type="sculpture",
        medium="marble (3D scan)",
        date_display="",
        date_start=None,
        date_end=None,
    )
    link(sculpture, painter, qualifier="attributed to")
    builders.add_model(sculpture)

    ancient = builders.make_object(
        slug="ancient-coin",
        title="Coin",
        object_type="coin",
        medium="",
        description="",
        date_display="450–440 BCE",
        date_start=-450,
        date_end=-440,
        licence="CC0-1.0",
    )

    restricted = builders.make_object(
        slug="sacred-object",
        title="Sacred object",
        visibility=Visibility.RESTRICTED,
        place=hidden_place,
    )
    link(restricted, hidden_maker)
    draft = builders.make_object(slug="draft-object", title="Draft", visibility=Visibility.DRAFT)
    link(draft, hidden_maker, order=1)
    return Collection(
        painting=painting,
        banknote=banknote,
        sculpture=sculpture,
        ancient=ancient,
        restricted=restricted,
        draft=draft,
        painter=painter,
        bank=bank,
        follower=follower,
        hidden_maker=hidden_maker,
        harbour=harbour,
        capital=capital,
        hidden_place=hidden_place,
        approved_restoration=approved,
        pending_restoration=pending,
    )
