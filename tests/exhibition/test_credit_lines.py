"""Public credit lines, culture groups and exhibition captions: what visitors read.

The record's attribution and source are the cataloguer's working notes; visitors get a
credit line without them, a culture facet without the detail, and captions that do not
repeat the byline printed beside them.
"""

import pytest

from exhibition.licences import credit_without_notes, public_credit_line
from exhibition.models import Agent, ObjectCreator
from exhibition.models.collection import culture_group
from exhibition.models.exhibitions import caption_without_byline
from tests import builders

# Attribution texts as the demo collection gives them, and what a visitor should read.
COMMONS = (
    "Public-domain work; faithful photographic reproduction of a two-dimensional artwork "
    "(no new copyright claimed). Image via Wikimedia Commons/Wikipedia as collected by the "
    "source repository."
)
PRESUMED = (
    "Photograph presumed public domain by age (dated before 1929 by the source filename); "
    "original photographer and holding archive not recorded in the source repository."
)
SCAN = (
    "3D scan by Geoffrey Marchal (https://sketchfab.com/geoffreymarchal), CC BY 4.0; "
    "decimated by Keijiro Takahashi (keijiro/DanishStatues); converted FBX to GLB with "
    "FBX2glTF for this collection."
)


@pytest.mark.parametrize(
    ("attribution", "credit"),
    [
        (COMMONS, "Image: Wikimedia Commons/Wikipedia"),
        (PRESUMED, "Photograph presumed public domain by age"),
        ("Digitised by UBC Library; public-domain book.", "Digitised by UBC Library"),
        ("Fonds Trutat (public domain).", "Fonds Trutat"),
        (
            "Brooklyn Museum (no known copyright restrictions); distributed with scikit-image "
            "(skimage/data/coins.png).",
            "Brooklyn Museum",
        ),
        (
            "Dornac; Bibliothèque nationale de France (Gallica).",
            "Dornac; Bibliothèque nationale de France (Gallica)",
        ),
        # A licence that requires attribution keeps every credit and change it names.
        (SCAN, SCAN.rstrip(".")),
        ("", ""),
    ],
)
def test_credit_keeps_whom_to_credit_and_drops_cataloguing_notes(
    attribution: str, credit: str
) -> None:
    assert credit_without_notes(attribution) == credit
    # A stored credit line is cleaned again on display: that must change nothing.
    assert credit_without_notes(credit) == credit


def test_credit_keeps_initials_and_abbreviations_whole() -> None:
    text = "Photograph by J. M. Smith for the Washington, D.C. Historical Society"
    assert credit_without_notes(text) == text


@pytest.mark.parametrize(
    ("licence", "credit_line", "attribution", "line"),
    [
        ("PDM-1.0", "", COMMONS, "Public domain · Image: Wikimedia Commons/Wikipedia"),
        # The curator's credit line wins over the attribution.
        ("PDM-1.0", "Rijksmuseum, Amsterdam", COMMONS, "Public domain · Rijksmuseum, Amsterdam"),
        ("CC0-1.0", "", "", "Public domain (CC0)"),
        # A credit that already states its licence is not prefixed with it again.
        ("CC-BY-4.0", "", "Photo: Example Museum, CC BY 4.0", "Photo: Example Museum, CC BY 4.0"),
        ("CC-BY-SA-4.0", "", "Photo: A. Person", "CC BY-SA 4.0 · Photo: A. Person"),
    ],
)
def test_public_credit_line_is_licence_then_credit(
    licence: str, credit_line: str, attribution: str, line: str
) -> None:
    assert (
        public_credit_line(licence_id=licence, credit_line=credit_line, attribution=attribution)
        == line
    )


@pytest.mark.parametrize(
    ("culture", "group"),
    [
        ("Dutch Republic (Delft)", "Dutch Republic"),
        ("Dutch Republic", "Dutch Republic"),
        ("United States (Washington, D.C.)", "United States"),
        ("Spain / Habsburg Netherlands", "Spain / Habsburg Netherlands"),
        ("", ""),
    ],
)
def test_culture_group_is_the_part_before_the_detail(culture: str, group: str) -> None:
    assert culture_group(culture) == group


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("caption", "shown"),
    [
        (
            "J. M. W. Turner, 1839. A small steam tug tows HMS Temeraire.",
            "A small steam tug tows HMS Temeraire.",
        ),
        ("J. M. W. Turner. A tug.", "A tug."),
        ("1839. A tug.", "A tug."),
        # A caption that is only the byline and the title has nothing more to say.
        ("J. M. W. Turner, The Fighting Temeraire, 1839.", ""),
        ("Attributed to J. M. W. Turner, 1839. A tug.", "A tug."),
        ("England, 1839. A tug.", "A tug."),
        # Anything else stays as the curator wrote it.
        ("A small steam tug, 1839. Sunset.", "A small steam tug, 1839. Sunset."),
        ("Turner's last journey. A tug.", "Turner's last journey. A tug."),
        ("", ""),
    ],
)
def test_caption_does_not_repeat_the_byline(caption: str, shown: str) -> None:
    obj = builders.make_object(
        title="The Fighting Temeraire", date_display="1839", culture="England (London)"
    )
    turner = Agent.objects.create(slug="turner", name="J. M. W. Turner")
    ObjectCreator.objects.create(
        collection_object=obj, agent=turner, role="painter", qualifier="attributed to"
    )

    assert caption_without_byline(caption, obj) == shown
