"""Records whose image has the bytes of one already stored and tiled are written with
their batch: the same rows, files and tiles as record by record, without cutting again."""

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from exhibition.importing import batches, known_media
from exhibition.importing.batches import record_after_commit
from exhibition.importing.objects import object_import_record
from exhibition.importing.records import parse_line, validate_record
from exhibition.importing.services import ImportSummary, collection_import, read_damaged
from exhibition.models import ObjectImage
from tests.builders import jpeg_bytes, png_bytes
from tests.exhibition.importing.helpers import record, write_collection
from tests.exhibition.test_import_streaming import collection_state, forget_everything, metadata

pytestmark = pytest.mark.django_db(transaction=True)

POOL = {
    "pool/harbour.jpg": jpeg_bytes(700, 300, (30, 120, 200)),  # two tiles wide at 512
    "pool/field.png": png_bytes(50, 40, (120, 160, 40)),
    "own/f.jpg": jpeg_bytes(20, 30, (200, 10, 10)),
}


def first_file() -> list[dict[str, Any] | str]:
    return [
        record("a", image="pool/harbour.jpg"),
        record("b", image="pool/harbour.jpg", alt_text="The harbour at dawn."),
        record("c", image="pool/field.png", creator=None),
        metadata("d"),
        record("e", image="pool/harbour.jpg", visibility="draft"),
        record("f", image="own/f.jpg"),
        record("g", image="pool/field.png", tags=["field"]),
    ]


def second_file() -> list[dict[str, Any] | str]:
    """b's image changes to another of the pool, d gets one, h is new."""
    lines = first_file()
    lines[1] = record("b", image="pool/field.png", alt_text="The field.")
    lines[3] = record("d", image="pool/harbour.jpg")
    lines.append(record("h", image="pool/harbour.jpg", title="Harbour again"))
    return lines


def import_record_by_record(root: Path) -> None:
    """Each record alone, its tiles cut once it has committed, as the importer used to."""
    damaged, path = read_damaged(root), root / "objects.jsonl"
    problems: list[object] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parsed = validate_record(parse_line(line))
        object_import_record(
            record=parsed,
            root=root,
            damaged=damaged,
            note=f"Line {number} of {path}.",
            after_commit=record_after_commit(ImportSummary(), number, parsed.slug, problems.append),
        )
    assert problems == []


def state() -> dict[str, Any]:
    """The rows, as ``collection_state``, plus the image rows and every file on disk."""
    media = Path(settings.MEDIA_ROOT)
    files = {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }
    images = ObjectImage.objects.order_by("collection_object__slug", "order").values_list(
        "collection_object__slug",
        "order",
        "original",
        "width",
        "height",
        "checksum",
        "alt_text",
        "tiles_ready",
        "tiles_checksum",
    )
    return {**collection_state(), "images": list(images), "files": files}


def one_by_one_slugs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs the one-by-one path imports from now on."""
    seen: list[str] = []
    alone = batches.object_import_record

    def spy(**kwargs: Any) -> Any:
        seen.append(kwargs["record"].slug)
        return alone(**kwargs)

    monkeypatch.setattr(batches, "object_import_record", spy)
    return seen


def run(root: Path, tmp_path: Path, **options: Any) -> ImportSummary:
    return collection_import(root=root, checkpoint_dir=tmp_path / "checkpoints", **options)


def test_shared_images_batched_write_what_record_by_record_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "c"
    alone = one_by_one_slugs(monkeypatch)
    write_collection(root, first_file(), files=POOL)
    first = run(root, tmp_path, batch_size=4)
    first_alone = list(alone)
    write_collection(root, second_file(), files=POOL)
    second = run(root, tmp_path, batch_size=4)
    batched = state()
    forget_everything()
    shutil.rmtree(settings.MEDIA_ROOT)

    write_collection(root, first_file(), files=POOL)
    import_record_by_record(root)
    write_collection(root, second_file(), files=POOL)
    import_record_by_record(root)

    # The first record naming each content goes alone; the others join their batch.
    assert first_alone == ["a", "c", "f"]
    assert (first.created, first.failed, first.tiles_generated, first.tiles_reused) == (7, 0, 6, 3)
    assert (second.created, second.updated, second.unchanged, second.failed) == (1, 2, 5, 0)
    assert batched == state()
    assert batched["files"]["iiif/e-0/info.json"] == batched["files"]["iiif/a-0/info.json"]
    assert "iiif/e-0/512,0,188,300/188,300/0/default.jpg" in batched["files"]
    assert "objects/e/images/" in ObjectImage.objects.get(collection_object__slug="e").original.name


def test_a_new_image_is_cut_alone_and_the_next_record_with_its_bytes_joins_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = one_by_one_slugs(monkeypatch)
    shared = {"one.jpg": jpeg_bytes(40, 30), "two.jpg": jpeg_bytes(40, 30)}
    root = write_collection(
        tmp_path / "c",
        [record("a", image="one.jpg"), record("b", image="two.jpg")],
        files=shared,
    )

    summary = run(root, tmp_path, batch_size=10)

    assert alone == ["a"]
    assert (summary.created, summary.tiles_generated, summary.tiles_reused) == (2, 2, 1)
    assert "tiles generated 2 (1 from identical images)" in str(summary)
    a, b = (ObjectImage.objects.get(collection_object__slug=slug) for slug in "ab")
    assert b.original.name == f"objects/b/images/{a.checksum[:12]}-two.jpg"
    assert (b.width, b.height, b.checksum, b.tiles_ready, b.tiles_checksum) == (
        40,
        30,
        a.checksum,
        True,
        a.checksum,
    )
    assert b.alt_text == "Painting: Title of b, by Leonardo da Vinci"
    assert b.original.read() == shared["two.jpg"]
    tiles = Path(settings.MEDIA_ROOT) / "iiif"
    assert (tiles / "b-0/full/max/0/default.jpg").read_bytes() == (
        tiles / "a-0/full/max/0/default.jpg"
    ).read_bytes()


def test_a_changed_image_on_re_import_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_collection(
        tmp_path / "c",
        [record("a", image="pool.jpg"), record("b", image="pool.jpg")],
        files={"pool.jpg": jpeg_bytes(40, 30)},
    )
    run(root, tmp_path)
    old = ObjectImage.objects.get(collection_object__slug="b")
    write_collection(
        root,
        [record("a", image="pool.jpg"), record("b", image="new.jpg")],
        files={"pool.jpg": jpeg_bytes(40, 30), "new.jpg": png_bytes(30, 50)},
    )

    summary = run(root, tmp_path)

    assert (summary.updated, summary.unchanged, summary.tiles_generated) == (1, 1, 1)
    image = ObjectImage.objects.get(collection_object__slug="b")
    assert image.original.name.endswith("-new.jpg")
    assert (image.width, image.height, image.tiles_ready) == (30, 50, True)
    assert image.tiles_checksum == image.checksum != old.checksum
    assert not Path(settings.MEDIA_ROOT, old.original.name).exists()
    info = (Path(settings.MEDIA_ROOT) / "iiif/b-0/info.json").read_text()
    assert '"width": 30' in info


def test_tiles_cut_at_another_tile_size_are_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_collection(tmp_path / "c", [record("a", image="pool.jpg")])
    run(root, tmp_path)
    monkeypatch.setattr(settings, "VITRINE_TILE_SIZE", 256)
    alone = one_by_one_slugs(monkeypatch)
    write_collection(tmp_path / "c", [record("a", image="pool.jpg"), record("b", image="pool.jpg")])

    summary = run(root, tmp_path)

    assert alone == ["a", "b"]
    assert (summary.tiles_generated, summary.tiles_reused) == (1, 0)


def test_a_pool_image_is_hashed_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[Path] = []
    hash_file = known_media.sha256_file

    def spy(path: Path) -> str:
        hashed.append(path)
        return hash_file(path)

    monkeypatch.setattr(known_media, "sha256_file", spy)
    root = write_collection(
        tmp_path / "c",
        [record(slug, image="pool.jpg") for slug in "abcdef"],
        files={"pool.jpg": jpeg_bytes(40, 30)},
    )

    summary = run(root, tmp_path, batch_size=2)

    assert (summary.created, summary.tiles_reused) == (6, 5)
    assert hashed == [root.resolve() / "pool.jpg"]
    assert ObjectImage.objects.filter(tiles_ready=True).count() == 6


def test_an_image_whose_tiles_are_gone_from_disk_is_not_a_source_of_tiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_collection(tmp_path / "c", [record("a", image="pool.jpg")])
    run(root, tmp_path)
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "iiif/a-0")
    alone = one_by_one_slugs(monkeypatch)
    write_collection(root, [record("b", image="pool.jpg")], files={"pool.jpg": jpeg_bytes(40, 30)})

    summary = run(root, tmp_path)

    assert alone == ["b"]
    assert (summary.created, summary.tiles_generated, summary.tiles_reused) == (1, 1, 0)
    assert (Path(settings.MEDIA_ROOT) / "iiif/b-0/info.json").is_file()
