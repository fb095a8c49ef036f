"""Importing a collection folder: good records, re-imports, updates and damage marks."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from exhibition.importing.services import collection_import
from exhibition.models import (
    Agent,
    AuditLogEntry,
    CollectionObject,
    ObjectImage,
    Place,
    Tag,
    Visibility,
)
from tests.builders import jpeg_bytes
from tests.exhibition.importing.helpers import record, write_collection

pytestmark = pytest.mark.django_db(transaction=True)


def media_files() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_good_records_import_with_agents_places_tags_and_media(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            record(
                "portrait",
                creator="attributed to Rembrandt van Rijn",
                culture="Dutch Republic (Leiden)",
            ),
            record(
                "statue",
                title="Statue",
                object_type="sculpture",
                creator="Bertel Thorvaldsen",
                image=None,
                model="models/statue.glb",
                place={"name": "Copenhagen", "latitude": 55.68, "longitude": 12.57},
                hotspots=[
                    {"position": "0 1.5 0.1", "normal": "0 0 1", "label": "Face", "text": "Carved."}
                ],
            ),
            record("note", title="Catalogue note", image=None, creator=None, culture=None),
        ],
    )

    summary = collection_import(root=root)

    assert (summary.created, summary.failed, summary.tiles_generated) == (3, 0, 1)
    portrait = CollectionObject.objects.get(slug="portrait")
    assert portrait.visibility == Visibility.PUBLIC
    assert portrait.accession_number == "portrait"
    assert portrait.place is not None and portrait.place.name == "Dutch Republic"
    link = portrait.creator_links.get()
    assert (link.agent.name, link.qualifier) == ("Rembrandt van Rijn", "attributed to")
    assert sorted(portrait.tags.values_list("name", flat=True)) == ["portrait", "renaissance"]
    image = portrait.images.get()
    assert image.original.name.startswith("objects/portrait/images/")
    assert image.original.name.endswith(f"{image.checksum[:12]}-portrait.jpg")
    assert (image.width, image.height) == (40, 30)
    assert image.alt_text == "Painting: Title of portrait, attributed to Rembrandt van Rijn"
    assert image.tiles_ready and image.tiles_checksum == image.checksum
    assert (Path(settings.MEDIA_ROOT) / "iiif/portrait-0/info.json").is_file()

    statue = CollectionObject.objects.get(slug="statue")
    model = statue.models3d.get()
    assert model.glb.name.startswith("objects/statue/models/") and model.size_bytes > 0
    assert [h.label for h in model.hotspots.all()] == ["Face"]
    assert (statue.place.latitude, statue.place.longitude) == (55.68, 12.57)  # type: ignore[union-attr]
    assert model.alt_text == "Sculpture: Statue, by Bertel Thorvaldsen"

    note = CollectionObject.objects.get(slug="note")
    assert note.place is None and not note.creator_links.exists() and not note.images.exists()
    entry = AuditLogEntry.objects.filter(collection_object=portrait).get()
    assert (entry.action, entry.actor, entry.actor_name) == ("imported", None, "import")
    assert entry.changes["title"] == {"old": None, "new": "Title of portrait"}


def test_reimport_is_idempotent_and_counts_unchanged(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            record("a", creator="James Stuart and Nicholas Revett"),
            record("b"),
            record("c", image=None),
        ],
    )
    collection_import(root=root)
    files = media_files()
    info = Path(settings.MEDIA_ROOT) / "iiif/a-0/info.json"
    tiles_written_at = info.stat().st_mtime_ns
    entries = AuditLogEntry.objects.count()

    summary = collection_import(root=root)

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 3)
    assert summary.tiles_generated == 0
    assert CollectionObject.objects.count() == 3
    assert Agent.objects.count() == 3  # Stuart, Revett, Leonardo
    assert Tag.objects.count() == 2
    assert Place.objects.count() == 1
    assert ObjectImage.objects.count() == 2
    assert media_files() == files
    assert info.stat().st_mtime_ns == tiles_written_at
    assert AuditLogEntry.objects.count() == entries


def test_changed_fields_are_updated_and_audited(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a")])
    collection_import(root=root)
    write_collection(root, [record("a", title="A better title", tags=["portrait"])])

    summary = collection_import(root=root)

    assert (summary.updated, summary.unchanged) == (1, 0)
    obj = CollectionObject.objects.get(slug="a")
    assert obj.title == "A better title"
    assert list(obj.tags.values_list("name", flat=True)) == ["portrait"]
    entry = AuditLogEntry.objects.filter(collection_object=obj).first()
    assert entry is not None and entry.note.startswith("Updated by import.")
    assert entry.changes["title"] == {"old": "Title of a", "new": "A better title"}
    assert entry.changes["tags"] == {"old": ["portrait", "renaissance"], "new": ["portrait"]}
    assert "description" not in entry.changes


def test_changed_image_replaces_old_file_and_regenerates_tiles(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a")])
    collection_import(root=root)
    old_name = ObjectImage.objects.get().original.name
    (root / "images/a.jpg").write_bytes(jpeg_bytes(60, 20, color=(200, 10, 10)))

    summary = collection_import(root=root)

    assert (summary.updated, summary.tiles_generated) == (1, 1)
    image = ObjectImage.objects.get()
    assert image.original.name != old_name
    assert not (Path(settings.MEDIA_ROOT) / old_name).exists()
    assert (Path(settings.MEDIA_ROOT) / image.original.name).is_file()
    assert (image.width, image.height) == (60, 20)
    info = json.loads((Path(settings.MEDIA_ROOT) / "iiif/a-0/info.json").read_text())
    assert (info["width"], info["height"]) == (60, 20)
    assert image.tiles_ready and image.tiles_checksum == image.checksum


def test_removed_image_is_deleted_with_its_tiles(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a")])
    collection_import(root=root)
    write_collection(root, [record("a", image=None)])

    summary = collection_import(root=root)

    assert summary.updated == 1
    assert not ObjectImage.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "iiif/a-0").exists()
    assert not [f for f in media_files() if f.startswith("objects/")]


def test_damaged_json_marks_is_damaged(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a"), record("b")], damaged=["b", "not-here"])

    collection_import(root=root)

    assert not CollectionObject.objects.get(slug="a").is_damaged
    assert CollectionObject.objects.get(slug="b").is_damaged


def test_curator_visibility_and_featured_survive_a_reimport_that_omits_them(
    tmp_path: Path,
) -> None:
    root = write_collection(tmp_path / "c", [record("a")])
    collection_import(root=root)
    CollectionObject.objects.filter(slug="a").update(
        visibility=Visibility.RESTRICTED, featured=True
    )

    collection_import(root=root)

    obj = CollectionObject.objects.get(slug="a")
    assert (obj.visibility, obj.featured) == (Visibility.RESTRICTED, True)


def test_optional_museum_fields_are_imported(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            record(
                "a",
                accession_number="1921.4.7",
                visibility="draft",
                content_note="Shows human remains.",
                place="Leiden",
                dimensions="40 × 30 cm",
                credit_line="Gift of the Friends, 1921",
                alt_text="A seated woman in black",
                featured=True,
            )
        ],
    )

    collection_import(root=root)

    obj = CollectionObject.objects.get(slug="a")
    assert (obj.accession_number, obj.visibility, obj.featured) == ("1921.4.7", "draft", True)
    assert (obj.content_note, obj.dimensions) == ("Shows human remains.", "40 × 30 cm")
    assert obj.place is not None and obj.place.name == "Leiden"
    assert obj.credit_line == "Gift of the Friends, 1921"
    assert obj.images.get().alt_text == "A seated woman in black"


def test_one_agent_per_name_across_records(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            record("a", creator="Rembrandt van Rijn"),
            record("b", creator="manner of Rembrandt van Rijn"),
            record("c", creator="Sydenham Edwards (artist); James Ridgway (publisher)"),
        ],
    )

    collection_import(root=root)

    rembrandt = Agent.objects.get(name="Rembrandt van Rijn")
    assert rembrandt.slug == "rembrandt-van-rijn"
    assert sorted(rembrandt.collection_objects.values_list("slug", flat=True)) == ["a", "b"]
    links = CollectionObject.objects.get(slug="c").creator_links.select_related("agent")
    assert [(link.agent.name, link.role) for link in links] == [
        ("Sydenham Edwards", "artist"),
        ("James Ridgway", "publisher"),
    ]


def test_exif_rotated_photo_is_measured_and_tiled_upright(tmp_path: Path) -> None:
    # A camera JPEG stored 40x30 with "rotate 90°" in EXIF shows 30 wide, 40 high.
    picture = Image.new("RGB", (40, 30), (10, 120, 10))
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    root = write_collection(
        tmp_path / "c", [record("a")], files={"images/a.jpg": buffer.getvalue()}
    )

    collection_import(root=root)

    image = ObjectImage.objects.get()
    assert (image.width, image.height) == (30, 40)
    info = json.loads((Path(settings.MEDIA_ROOT) / "iiif/a-0/info.json").read_text())
    assert (info["width"], info["height"]) == (30, 40)
    with Image.open(Path(settings.MEDIA_ROOT) / "iiif/a-0/full/max/0/default.jpg") as tile:
        assert tile.size == (30, 40)


def test_tiles_that_cannot_be_cut_are_reported_by_line_and_the_record_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(**_: object) -> bool:
        raise OSError("No space left on device")

    monkeypatch.setattr("exhibition.tasks.image_generate_tiles", disk_full)
    root = write_collection(tmp_path / "c", [record("a"), record("b", image=None)])

    summary = collection_import(root=root)

    assert (summary.created, summary.tiles_generated, summary.tiles_failed) == (2, 0, 1)
    [problem] = summary.problems
    assert (problem.line, problem.record_id) == (1, "a")
    assert "tiles could not be generated" in problem.reason and "No space left" in problem.reason
    assert not ObjectImage.objects.get().tiles_ready


def test_tiles_left_to_a_worker_are_counted_as_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exhibition.tasks import generate_image_tiles

    queued: list[int] = []
    monkeypatch.setattr(generate_image_tiles, "delay", queued.append)  # a broker took it
    root = write_collection(tmp_path / "c", [record("a")])

    summary = collection_import(root=root)

    assert (summary.tiles_generated, summary.tiles_queued) == (0, 1)
    assert queued == [ObjectImage.objects.get().pk]
    assert "tile sets queued 1" in str(summary)
