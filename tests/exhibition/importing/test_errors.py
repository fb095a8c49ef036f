"""Bad records: each is reported with its line number and reason; the others still import."""

import json
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from pytest_django.fixtures import Settings

from exhibition.importing.services import collection_import
from exhibition.models import Agent, CollectionObject
from tests.builders import glb_bytes, jpeg_bytes
from tests.exhibition.importing.helpers import record, write_collection

pytestmark = pytest.mark.django_db(transaction=True)


def glb_with(*, magic: bytes = b"glTF", version: int = 2, length_delta: int = 0) -> bytes:
    data = bytearray(glb_bytes())
    data[0:4] = magic
    struct.pack_into("<II", data, 4, version, len(data) + length_delta)
    return bytes(data)


def glb_with_json(document: bytes) -> bytes:
    chunk = document + b" " * (-len(document) % 4)
    body = struct.pack("<I4s", len(chunk), b"JSON") + chunk
    return struct.pack("<4sII", b"glTF", 2, 12 + len(body)) + body


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


BAD_LINES: list[tuple[dict[str, object] | str, dict[str, bytes | None], str]] = [
    ('{"id": "broken", "title": ', {}, "invalid JSON"),
    (record("no-title", title=None), {}, "missing required field 'title'"),
    (record("no-licence", licence=None), {}, "missing required field 'licence'"),
    (record("Bad Slug!"), {}, "is not a valid slug"),
    (
        record("odd-licence", licence="All rights whatever"),
        {},
        "unknown licence 'All rights whatever'",
    ),
    (
        record("backwards", date_start=1900, date_end=1800),
        {},
        "date_start 1900 is after date_end 1800",
    ),
    (record("no-file"), {"images/no-file.jpg": None}, "image file not found: images/no-file.jpg"),
    (record("not-image"), {"images/not-image.jpg": b"plain text"}, "not an image Pillow can read"),
    (
        record("truncated"),
        {"images/truncated.jpg": jpeg_bytes(200, 200)[:300]},
        "could not be decoded",
    ),
    (
        record("too-big"),
        {"images/too-big.jpg": jpeg_bytes(100, 100)},
        "100×100 = 10,000 pixels, over the limit of 5,000 (VITRINE_MAX_IMAGE_PIXELS)",
    ),
    (
        record("bomb", image="images/bomb.png"),
        {"images/bomb.png": png_claiming(20_000, 20_000)},
        "over the limit of 5,000 (VITRINE_MAX_IMAGE_PIXELS)",
    ),
    (record("escape", image="../outside.jpg"), {}, "must be relative to the collection folder"),
    (
        record("no-magic", image=None, model="m/a.glb"),
        {"m/a.glb": glb_with(magic=b"GLTF")},
        "not a GLB file",
    ),
    (
        record("glb-v1", image=None, model="m/b.glb"),
        {"m/b.glb": glb_with(version=1)},
        "GLB version 1 is not supported",
    ),
    (
        record("glb-short", image=None, model="m/c.glb"),
        {"m/c.glb": glb_with(length_delta=8)},
        "declares",
    ),
    (
        record("glb-cut", image=None, model="m/d.glb"),
        {"m/d.glb": glb_bytes()[:-4]},
        "declares",
    ),
    (
        record("glb-json", image=None, model="m/e.glb"),
        {"m/e.glb": glb_with_json(b"{not json")},
        "JSON chunk does not parse",
    ),
    (
        record("glb-asset", image=None, model="m/f.glb"),
        {"m/f.glb": glb_with_json(json.dumps({"asset": {"version": "1.0"}}).encode())},
        "asset.version '2.0'",
    ),
    (
        record("glb-huge", image=None, model="m/g.glb"),
        {"m/g.glb": glb_bytes() + b"\x00" * 6000},
        "over the limit of 5,000 (VITRINE_MAX_MODEL_BYTES)",
    ),
    (
        record("lonely-hotspot", image=None, hotspots=[{"position": "0 0 0", "label": "x"}]),
        {},
        "hotspots are given but the record has no model",
    ),
    (record("bad-tags", tags="portrait"), {}, "'tags' must be a list of strings"),
]


def test_every_bad_record_is_reported_with_its_line_and_the_rest_import(
    tmp_path: Path, settings: Settings
) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 5_000
    settings.VITRINE_MAX_MODEL_BYTES = 5_000
    lines: list[dict[str, object] | str] = [record("first-good")]
    files: dict[str, bytes | None] = {}
    for bad, bad_files, _ in BAD_LINES:
        lines.append(bad)
        files.update(bad_files)
    lines.append(record("last-good", image=None, model="m/ok.glb"))
    (tmp_path / "outside.jpg").write_bytes(jpeg_bytes(10, 10))
    root = write_collection(tmp_path / "c", lines, files=files)

    summary = collection_import(root=root)

    assert summary.failed == len(BAD_LINES)
    assert set(CollectionObject.objects.values_list("slug", flat=True)) == {
        "first-good",
        "last-good",
    }
    for line, ((bad, _, reason), problem) in enumerate(
        zip(BAD_LINES, summary.problems, strict=True), 2
    ):
        assert problem.line == line
        assert reason in problem.reason, (line, problem.reason)
        if isinstance(bad, dict):
            assert problem.record_id == bad["id"]
    assert str(summary.problems[0]).startswith("line 2 (id ?): invalid JSON")


def test_failed_record_leaves_nothing_half_imported(tmp_path: Path) -> None:
    # The creator is only found too long after the object row and its image file were
    # written: the transaction and the file copy must both be undone.
    root = write_collection(tmp_path / "c", [record("half", creator="X" * 301)])

    summary = collection_import(root=root)

    assert summary.failed == 1 and "longer than 300 characters" in summary.problems[0].reason
    assert not CollectionObject.objects.exists()
    assert not Agent.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "objects").exists() or not any(
        (Path(settings.MEDIA_ROOT) / "objects").rglob("*.jpg")
    )


def test_failed_update_keeps_the_previous_version(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a", title="Old")])
    collection_import(root=root)
    write_collection(root, [record("a", title="New", creator="Y" * 301)])

    summary = collection_import(root=root)

    assert summary.failed == 1
    obj = CollectionObject.objects.get(slug="a")
    assert obj.title == "Old"
    assert [link.agent.name for link in obj.creator_links.all()] == ["Leonardo da Vinci"]


def test_duplicate_id_and_taken_accession_number_are_reported(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            record("a", accession_number="INV-1"),
            record("a", title="Again"),
            record("b", accession_number="INV-1"),
        ],
    )

    summary = collection_import(root=root)

    assert [str(p) for p in summary.problems] == [
        "line 2 (id a): id 'a' was already imported from line 1",
        "line 3 (id b): accession number 'INV-1' is already used by object 'a'",
    ]
    assert CollectionObject.objects.get(slug="a").title == "Title of a"


def test_blank_lines_are_skipped_and_numbering_follows_the_file(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a"), "", "   ", record("b", licence="nope")])

    summary = collection_import(root=root)

    assert summary.created == 1
    assert [p.line for p in summary.problems] == [4]


def test_a_line_in_another_encoding_fails_alone(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a"), record("b")])
    lines = (root / "objects.jsonl").read_bytes().splitlines()
    latin1 = json.dumps(record("c", title="Café"), ensure_ascii=False).encode("latin-1")
    (root / "objects.jsonl").write_bytes(b"\n".join([lines[0], latin1, lines[1]]) + b"\n")

    summary = collection_import(root=root)

    assert summary.created == 2
    assert [(p.line, p.reason) for p in summary.problems] == [
        (2, "line is not UTF-8 text (byte 26)")
    ]
