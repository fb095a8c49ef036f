"""Import keeps cataloguing notes out of public fields and with the source, for curators."""

from pathlib import Path

import pytest

from exhibition.importing.records import split_description_notes, split_title_notes
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


@pytest.mark.parametrize(
    ("description", "public", "notes"),
    [
        (
            "Early photograph of the Great Sphinx. The title and date are derived from the "
            "source filename; the photographer is not recorded in the source.",
            "Early photograph of the Great Sphinx.",
            [
                "The title and date are derived from the source filename; the photographer "
                "is not recorded in the source"
            ],
        ),
        (
            "Christ crucified, c. 1613. The date 1613 is taken from the source title. "
            "Painted by Rubens.",
            "Christ crucified, c. 1613. Painted by Rubens.",
            ["The date 1613 is taken from the source title"],
        ),
        # A sentence that tells visitors something, even about the source, stays.
        (
            "The source attributes it to the manner of Rembrandt.",
            "The source attributes it to the manner of Rembrandt.",
            [],
        ),
    ],
)
def test_derivation_notes_leave_the_description(
    description: str, public: str, notes: list[str]
) -> None:
    assert split_description_notes(description) == (public, notes)


def test_imported_record_shows_no_notes_and_keeps_them_for_curators(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            record(
                "macke",
                title="Junge Frau auf … (young woman; title truncated in source)",
                creator="Govert Flinck (attribution as given by source)",
                attribution=COMMONS,
                description="A sketch. The full title is cut off in the source filename.",
                source="jeremylee0213/world-masterpiece-bot (HEAD) macke.jpg",
            )
        ],
    )

    collection_import(root=root)

    obj = CollectionObject.objects.get(slug="macke")
    assert obj.title == "Junge Frau auf … (young woman)"
    assert obj.description == "A sketch."
    [link] = obj.creator_links.select_related("agent")
    assert (link.agent.name, link.qualifier) == ("Govert Flinck", "attributed to")
    assert obj.credit_line == "Image: Wikimedia Commons/Wikipedia"
    assert obj.public_credit_line == "Public domain · Image: Wikimedia Commons/Wikipedia"
    # What the cataloguer received stays whole, with the notes, where curators see it.
    assert obj.attribution == COMMONS
    assert obj.source == (
        "jeremylee0213/world-masterpiece-bot (HEAD) macke.jpg\n"
        "Cataloguing notes: title truncated in source; "
        "The full title is cut off in the source filename; "
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
