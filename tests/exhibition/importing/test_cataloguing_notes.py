"""Import keeps cataloguing notes out of public fields and with the source, for curators."""

from pathlib import Path

import pytest

from exhibition.importing.records import split_title_notes
from exhibition.importing.services import collection_import
from exhibition.models import CollectionObject
from tests.exhibition.importing.helpers import record, write_collection

pytestmark = pytest.mark.django_db(transaction=True)

COMMONS = (
    "Public-domain work; faithful photographic reproduction of a two-dimensional artwork "
    "(no new copyright claimed). Image via Wikimedia Commons/Wikipedia as collected by the "
    "source repository."
)


@pytest.mark.parametrize(
    ("title", "public", "notes"),
    [
        (
            "Blumenkasten mit … (flower box; title truncated in source)",
            "Blumenkasten mit … (flower box)",
            ["title truncated in source"],
        ),
        (
            "Orientalisches … (title truncated in source)",
            "Orientalisches …",
            ["title truncated in source"],
        ),
        (
            "Ship's gymnasium (captioned 'Titanic gym' in source)",
            "Ship's gymnasium",
            ["captioned 'Titanic gym' in source"],
        ),
        # Parentheses that belong to the title stay.
        ("Maria Barjatinskaja (1793–1858)", "Maria Barjatinskaja (1793–1858)", []),
    ],
)
def test_title_notes_leave_the_title(title: str, public: str, notes: list[str]) -> None:
    shown, taken = split_title_notes(title)
    assert (shown, taken) == (public, notes)


def test_imported_record_shows_no_notes_and_keeps_them_for_curators(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            record(
                "macke",
                title="Junge Frau auf … (young woman; title truncated in source)",
                creator="Govert Flinck (attribution as given by source)",
                attribution=COMMONS,
                source="jeremylee0213/world-masterpiece-bot (HEAD) macke.jpg",
            )
        ],
    )

    collection_import(root=root)

    obj = CollectionObject.objects.get(slug="macke")
    assert obj.title == "Junge Frau auf … (young woman)"
    [link] = obj.creator_links.select_related("agent")
    assert (link.agent.name, link.qualifier) == ("Govert Flinck", "attributed to")
    assert obj.credit_line == "Image: Wikimedia Commons/Wikipedia"
    assert obj.public_credit_line == "Public domain · Image: Wikimedia Commons/Wikipedia"
    # What the cataloguer received stays whole, with the notes, where curators see it.
    assert obj.attribution == COMMONS
    assert obj.source == (
        "jeremylee0213/world-masterpiece-bot (HEAD) macke.jpg\n"
        "Cataloguing notes: title truncated in source; "
        "Govert Flinck: attribution as given by source."
    )
    assert obj.images.get().alt_text == (
        "Painting: Junge Frau auf … (young woman), attributed to Govert Flinck"
    )


def test_reimport_is_unchanged_when_nothing_changed(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [record("macke", title="Spaziergänger a… (strollers; title truncated in source)")],
    )

    collection_import(root=root)
    again = collection_import(root=root)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
