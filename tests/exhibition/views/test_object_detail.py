"""The object page: metadata, media hooks, restorations, content notes, linked data."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from exhibition.models import (
    Agent,
    CollectionObject,
    Hotspot,
    ObjectCreator,
    Place,
    ReviewStatus,
    Tag,
    Visibility,
)
from tests import builders

pytestmark = pytest.mark.django_db

PDM = "https://creativecommons.org/publicdomain/mark/1.0/"


def _get(client: Client, slug: str) -> str:
    response = client.get(f"/objects/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def _full_record() -> CollectionObject:
    place = Place.objects.create(slug="italy", name="Italy", latitude=42.0, longitude=12.5)
    obj = builders.make_object(
        slug="mona-lisa",
        accession_number="INV-779",
        title="Mona Lisa",
        date_display="c. 1503–1519",
        date_start=1503,
        date_end=1519,
        culture="Italy (Florentine)",
        place=place,
        object_type="painting",
        medium="oil on poplar panel",
        dimensions="77 × 53 cm",
        description="Half-length portrait of a seated woman.",
        credit_line="Musée du Louvre",
        licence="PDM-1.0",
        attribution="Public-domain work; faithful reproduction.",
        source="jeremylee0213/world-masterpiece-bot (HEAD) public/assets/artworks/mona-lisa.jpg",
    )
    leonardo = Agent.objects.create(slug="leonardo", name="Leonardo da Vinci", dates="1452–1519")
    workshop = Agent.objects.create(slug="salai", name="Salaì")
    ObjectCreator.objects.create(collection_object=obj, agent=leonardo, role="painter", order=0)
    ObjectCreator.objects.create(
        collection_object=obj, agent=workshop, role="assistant", qualifier="attributed to", order=1
    )
    obj.tags.add(Tag.objects.create(name="portrait"), Tag.objects.create(name="sfumato"))
    return obj


def test_shows_every_metadata_field(client: Client) -> None:
    _full_record()

    html = _get(client, "mona-lisa")

    for text in [
        '<h1 id="object-title">Mona Lisa</h1>',
        "c. 1503–1519",
        '<a href="/objects/?culture=Italy">Italy</a> (Florentine)',
        "Painting",
        "oil on poplar panel",
        "77 × 53 cm",
        "Half-length portrait of a seated woman.",
        "INV-779",
        "Public domain · Musée du Louvre",
        "<li>portrait</li>",
        "<li>sfumato</li>",
        '<a href="/objects/?agent=leonardo">Leonardo da Vinci</a> (1452–1519), painter',
        'attributed to <a href="/objects/?agent=salai">Salaì</a>, assistant',
        '<a href="/objects/?place=italy">Italy</a>',
        f'<a href="{PDM}" rel="license">Public Domain Mark 1.0</a>',
    ]:
        assert text in html, text
    # Attribution and source are the cataloguer's, shown to curators in the admin only.
    assert "faithful reproduction" not in html
    assert "jeremylee0213" not in html


def test_links_to_same_agent_place_and_century(client: Client) -> None:
    _full_record()

    html = _get(client, "mona-lisa")

    assert '<a href="/objects/?agent=leonardo">More by Leonardo da Vinci</a>' in html
    assert '<a href="/objects/?place=italy">More from Italy</a>' in html
    assert '<a href="/objects/?century=16">More from the 16th century</a>' in html


def test_related_objects_are_public_ones_only(client: Client) -> None:
    obj = _full_record()
    leonardo = Agent.objects.get(slug="leonardo")
    builders.make_object(title="Lady with an Ermine", creator=leonardo)
    builders.make_object(title="Secret sketch", creator=leonardo, visibility=Visibility.DRAFT)
    builders.make_object(title="Sacred object", place=obj.place, visibility=Visibility.RESTRICTED)

    html = _get(client, "mona-lisa")

    assert "Related objects" in html
    assert "Lady with an Ermine" in html
    assert "Secret sketch" not in html
    assert "Sacred object" not in html


def test_related_objects_put_the_same_maker_before_place_and_period(client: Client) -> None:
    obj = _full_record()
    leonardo = Agent.objects.get(slug="leonardo")
    builders.make_object(title="A same-century print", date_start=1510, date_end=1510)
    builders.make_object(title="B same-place vase", place=obj.place, date_start=1900, date_end=1900)
    builders.make_object(title="Z same-maker drawing", creator=leonardo)
    builders.make_object(
        title="Unrelated", object_type="photograph", date_start=1900, date_end=1900
    )
    builders.make_object(
        title="Y same-type painting", object_type=obj.object_type, date_start=1900, date_end=1900
    )

    html = _get(client, "mona-lisa")
    related = html.split("Related objects")[1]

    maker, place, period, kind = (
        related.index("Z same-maker drawing"),
        related.index("B same-place vase"),
        related.index("A same-century print"),
        related.index("Y same-type painting"),
    )
    assert maker < place < period < kind
    assert "Unrelated" not in related


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_restricted_and_draft_objects_are_not_found(client: Client, visibility: str) -> None:
    builders.make_object(slug="hidden-thing", title="Hidden thing", visibility=visibility)

    response = client.get("/objects/hidden-thing/")

    assert response.status_code == 404
    assert "Hidden thing" not in response.content.decode()


def test_unknown_object_is_not_found(client: Client) -> None:
    assert client.get("/objects/no-such-object/").status_code == 404


def test_image_gets_a_deep_zoom_viewer_over_its_iiif_service(client: Client) -> None:
    obj = builders.make_object(slug="wave", title="The Great Wave")
    builders.add_image(obj, width=800, height=600)

    html = _get(client, "wave")

    assert re.search(
        r'<div id="deep-zoom-1" class="deep-zoom"\s+data-info-url="/iiif/image/wave-0/info.json"',
        html,
    )
    assert 'role="application"' in html
    assert 'aria-label="Deep zoom viewer: The Great Wave"' in html
    assert 'aria-describedby="deep-zoom-1-alt deep-zoom-1-help"' in html
    assert '<p id="deep-zoom-1-alt" class="deep-zoom-alt">Image of The Great Wave</p>' in html
    for action, label in (
        ("zoom-in", "Zoom in"),
        ("zoom-out", "Zoom out"),
        ("rotate-left", "Rotate left"),
        ("rotate-right", "Rotate right"),
        ("reset", "Reset view"),
        ("overview", "Overview"),
        ("fullscreen", "Full screen"),
    ):
        assert re.search(
            rf'data-viewer="deep-zoom-1" data-action="{action}"[^>]*>[^<]*(<span[^>]*>.</span> )?'
            rf"{label}</button>",
            html,
        ), label
    assert "vendor/openseadragon.min.js" in html
    assert '<a href="/iiif/wave/manifest.json" type="application/ld+json">' in html
    assert "IIIF manifest</a>" in html


def test_object_without_images_has_no_viewer_or_manifest_link(client: Client) -> None:
    builders.make_object(slug="record-only", title="Record only")

    html = _get(client, "record-only")

    assert "deep-zoom-1" not in html
    assert "IIIF manifest" not in html
    assert "openseadragon" not in html
    assert "There is no image or 3D model of this object yet." in html


def test_every_object_links_to_its_linked_art_record(client: Client) -> None:
    builders.make_object(slug="record-only", title="Record only")

    html = _get(client, "record-only")

    # Shown to visitors, and announced to software in the head, picture or none.
    assert '<a href="/linked-art/object/record-only" type="application/ld+json">' in html
    assert (
        '<link rel="alternate" type="application/ld+json;profile=&quot;'
        'https://linked.art/ns/v1/linked-art.json&quot;" href="/linked-art/object/record-only"'
    ) in html
    assert client.get("/linked-art/object/record-only").status_code == 200


def test_3d_model_waits_behind_a_facade_and_can_be_downloaded(client: Client) -> None:
    obj = builders.make_object(
        slug="camera", title="Antique camera", object_type="scientific instrument"
    )
    model = builders.add_model(obj)
    Hotspot.objects.create(
        model=model, position="0.1 0.2 0.3", normal="0 0 1", label="Lens", text="Brass lens"
    )

    html = _get(client, "camera")

    assert '<div class="model-facade">' in html
    assert '<p class="model-facade__alt">3D model of Antique camera</p>' in html
    assert re.search(
        r'<button type="button" class="[^"]*load-model"[^>]*>Load 3D model</button>',
        html,
        re.S,
    )
    assert 'data-draco-location="/static/vendor/draco/"' in html
    assert 'data-ktx2-location="/static/vendor/basis/"' in html
    # The element only exists inside an inert <template> until the visitor asks for it.
    template = html.split('<template class="model-template">')[1].split("</template>")[0]
    assert f'<model-viewer src="{model.glb.url}" alt="3D model of Antique camera"' in template
    assert (
        "camera-controls" in template and 'ar ar-modes="webxr scene-viewer quick-look"' in template
    )
    assert 'slot="hotspot-1" data-position="0.1 0.2 0.3" data-normal="0 0 1"' in template
    assert "Brass lens" in template
    assert "<model-viewer" not in html.replace(template, "")
    # Downloading goes through the licensed copy in "Rights and reuse", never the raw file.
    assert f'href="{model.glb.url}"' not in html
    assert f"/objects/{obj.slug}/download/model-{model.pk}.glb" in html
    assert model.glb.url.endswith(".glb")


def test_approved_restoration_is_labelled_with_its_provenance(
    client: Client, curator: User
) -> None:
    curator.first_name, curator.last_name = "Ada", "Reviewer"
    curator.save()
    obj = builders.make_object(slug="last-supper", title="The Last Supper", is_damaged=True)
    image = builders.add_image(obj)
    restoration = builders.add_restoration(
        image, status=ReviewStatus.APPROVED, reviewer=curator, engine="telea"
    )
    output = restoration.machine_output

    html = _get(client, "last-supper")

    assert '<figure class="restoration-compare deep-zoom-figure"' in html
    assert re.search(r'<p class="ai-label"[^>]*>AI reconstruction — not the original</p>', html)
    assert re.search(
        r'<input type="range" id="compare-slider-1" class="compare-slider" '
        r'min="0" max="100"[^>]*aria-label="[^"]+"',
        html,
    )
    assert '<output class="compare-value" for="compare-slider-1">50%</output>' in html
    assert restoration.result.url in html
    provenance = html.split('<details class="provenance">')[1].split("</details>")[0]
    for text in (
        "inpainting",
        "telea",
        "4.10.0",
        "<code>radius</code>: 3",
        "Approved by Ada Reviewer on",
    ):
        assert text in provenance, text
    assert f"{output.produced_at:%-d %B %Y}" in provenance
    assert "Outline reconstructed regions" in html
    assert restoration.mask.url in html


@pytest.mark.parametrize("status", [ReviewStatus.DRAFT, ReviewStatus.REJECTED])
def test_unapproved_restorations_never_appear(client: Client, curator: User, status: str) -> None:
    obj = builders.make_object(slug="creation", title="The Creation of Adam")
    image = builders.add_image(obj)
    restoration = builders.add_restoration(image, status=status, reviewer=curator)

    html = _get(client, "creation")

    assert "restoration-compare" not in html
    # The guide panel's word list (for answers about reconstructions) is not a label.
    shown = re.sub(r'<script[^>]*type="application/json"[^>]*>.*?</script>', "", html, flags=re.S)
    assert "AI reconstruction" not in shown.split("<footer")[0]
    assert restoration.result.url not in html


def test_content_note_comes_before_the_hidden_media(client: Client) -> None:
    obj = builders.make_object(
        slug="ancestor",
        title="Portrait of an ancestor",
        content_note="This image shows a deceased person.",
    )
    builders.add_image(obj)

    html = _get(client, "ancestor")

    note = html.index('<section class="content-note"')
    assert note < html.index('class="deep-zoom"')
    assert "This image shows a deceased person." in html
    assert re.search(
        r'<button type="button" class="[^"]*show-media"[^>]*>Show media</button>', html
    )
    assert '<div id="object-media" class="object-media" hidden>' in html


def test_object_without_content_note_shows_media_directly(client: Client) -> None:
    obj = builders.make_object(slug="plain", title="Plain")
    builders.add_image(obj)

    html = _get(client, "plain")

    assert "content-note" not in html
    assert '<div id="object-media" class="object-media">' in html


def test_json_ld_and_dublin_core_describe_the_record(client: Client) -> None:
    obj = _full_record()
    builders.add_image(obj)

    html = _get(client, "mona-lisa")

    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert raw is not None
    data = json.loads(raw.group(1))
    assert data["@type"] == "VisualArtwork"
    assert data["name"] == "Mona Lisa"
    assert data["url"] == "http://testserver/objects/mona-lisa/"
    assert data["license"] == "https://creativecommons.org/publicdomain/mark/1.0/"
    assert [c["name"] for c in data["creator"]] == ["Leonardo da Vinci", "Salaì"]
    assert data["locationCreated"]["geo"]["latitude"] == 42.0
    assert data["subjectOf"]["url"] == "http://testserver/iiif/mona-lisa/manifest.json"
    assert '<meta name="DC.title" content="Mona Lisa">' in html
    assert '<meta name="DC.creator" content="Leonardo da Vinci">' in html
    assert '<meta name="DC.identifier" content="INV-779">' in html
    assert '<meta name="DC.subject" content="sfumato">' in html


def test_json_ld_cannot_break_out_of_its_script(client: Client) -> None:
    builders.make_object(slug="tricky", title="</script><script>alert(1)</script>")

    html = _get(client, "tricky")

    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert raw is not None
    assert json.loads(raw.group(1))["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html
