from exhibition.models import Tag, Visibility
from tests import builders
from tours.recommending.base import Interest
from tours.recommending.interests import interest_choices, parse_interest, validate_interests


def _tagged(*names: str, **fields):
    obj = builders.make_object(**fields)
    obj.tags.set([Tag.objects.get_or_create(name=name)[0] for name in names])
    return obj


def test_chips_come_from_the_public_collection(db):
    _tagged("sea", culture="Japan (Edo period)", object_type="print", date_start=1820)
    _tagged("sea", "portrait", culture="Japan", date_start=1650)
    _tagged("secret", culture="Atlantis", visibility=Visibility.RESTRICTED)
    chips = interest_choices().chips()
    assert [c.value for c in chips["theme"]] == ["sea"]  # a tag on one object is no chip
    assert [c.value for c in chips["culture"]] == ["Japan"]
    assert [c.label for c in chips["period"]] == ["17th century", "19th century"]
    assert {c.value for c in chips["object_type"]} == {"print", "painting"}


def test_unknown_interests_are_reported_and_known_ones_normalised(db):
    builders.make_object(culture="Dutch Republic (Delft)", date_start=1660)
    kept, unknown = validate_interests(
        [
            Interest("culture", "dutch republic"),
            Interest("culture", "Atlantis"),
            Interest("period", "17"),
            Interest("period", "3"),
            Interest("object_type", "spaceship"),
            Interest("theme", "shipwrecks"),
            Interest("theme", "1234"),
            Interest("mood", "happy"),
        ]
    )
    assert [i.key for i in kept] == ["culture:Dutch Republic", "period:17", "theme:shipwrecks"]
    assert unknown == [
        "culture:Atlantis",
        "period:3",
        "object_type:spaceship",
        "theme:1234",
        "mood:happy",
    ]


def test_interests_are_read_from_kind_colon_value():
    assert parse_interest("theme:  ship  wrecks ") == Interest("theme", "ship wrecks")
    assert parse_interest("shipwrecks") is None
    assert parse_interest("colour:blue") is None
