"""GLB checks and the shape-only detection, on hand-made containers."""

import struct
from pathlib import Path

import pytest

from exhibition.importing.media import SourceFile, check_glb, is_geometry_only
from exhibition.importing.records import RecordError
from tests.builders import glb_bytes


def source(tmp_path: Path, data: bytes) -> SourceFile:
    path = tmp_path / "model.glb"
    path.write_bytes(data)
    return SourceFile(path=path, checksum="0" * 64, size=len(data))


def test_a_valid_glb_passes_and_gives_its_json(tmp_path: Path) -> None:
    document = check_glb(source(tmp_path, glb_bytes()), max_bytes=10_000)

    assert document["asset"]["version"] == "2.0"


def test_a_chunk_running_past_the_end_is_refused(tmp_path: Path) -> None:
    data = bytearray(glb_bytes())
    json_length = struct.unpack_from("<I", data, 12)[0]
    bin_header = 12 + 8 + json_length
    struct.pack_into("<I", data, bin_header, 4096)  # the BIN chunk claims more than is there

    with pytest.raises(RecordError, match="runs past the end of the file"):
        check_glb(source(tmp_path, bytes(data)), max_bytes=10_000)


def test_a_binary_chunk_shorter_than_the_buffer_is_refused(tmp_path: Path) -> None:
    data = bytearray(glb_bytes())
    json_length = struct.unpack_from("<I", data, 12)[0]
    # Drop the BIN chunk entirely, keeping the header length honest.
    data = data[: 12 + 8 + json_length]
    struct.pack_into("<I", data, 8, len(data))

    with pytest.raises(RecordError, match="binary chunk is missing"):
        check_glb(source(tmp_path, bytes(data)), max_bytes=10_000)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"asset": {"version": "2.0"}}, True),
        (
            {"materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0, 0, 0, 1]}}]},
            True,
        ),
        (
            {"materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0.8, 0.1, 0.1, 1]}}]},
            False,
        ),
        ({"materials": [{"name": "white by default"}]}, False),
        ({"textures": [{"source": 0}], "images": [{"bufferView": 3}]}, False),
    ],
)
def test_shape_only_scans_are_recognised(document: dict[str, object], expected: bool) -> None:
    assert is_geometry_only(document) is expected
