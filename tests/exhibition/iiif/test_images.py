"""Level-0 file lookup and thumbnail choice, without HTTP."""

from pathlib import Path

import pytest

from exhibition.iiif.images import read_stored_info, tile_file


@pytest.fixture
def tile_root(settings) -> Path:  # type: ignore[no-untyped-def]
    root = Path(settings.MEDIA_ROOT) / "iiif" / "bridge-0"
    (root / "full" / "max" / "0").mkdir(parents=True)
    (root / "full" / "max" / "0" / "default.jpg").write_bytes(b"jpeg")
    return root


def _lookup(**overrides: str) -> Path | None:
    parts = {
        "identifier": "bridge-0",
        "region": "full",
        "size": "max",
        "rotation": "0",
        "quality": "default",
        "fmt": "jpg",
    }
    parts.update(overrides)
    return tile_file(**parts)


def test_stored_file_is_found(tile_root: Path) -> None:
    assert _lookup() == (tile_root / "full" / "max" / "0" / "default.jpg").resolve()


@pytest.mark.parametrize(
    "overrides",
    [
        {"identifier": ".."},
        {"identifier": "bridge-0/../other-0"},
        {"region": ".."},
        {"region": "full/../.."},
        {"size": "../max"},
        {"rotation": "0/.."},
        {"quality": "../default"},
        {"fmt": "jpg/../../x"},
        {"size": "pct:50"},
    ],
)
def test_malformed_components_find_nothing(tile_root: Path, overrides: dict[str, str]) -> None:
    assert _lookup(**overrides) is None


def test_missing_file_finds_nothing(tile_root: Path) -> None:
    assert _lookup(size="10,") is None


def test_unreadable_info_json_counts_as_missing(tile_root: Path) -> None:
    (tile_root / "info.json").write_text("{not json")
    assert read_stored_info("bridge-0") is None
    assert read_stored_info("../bridge-0") is None
