"""IIIF level-0 tiles: info.json and every tile OpenSeadragon 6 asks for, on disk."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from exhibition.iiif.tiles import image_generate_tiles, info_json, osd_tiles, tile_specs
from exhibition.models import ObjectImage
from tests.builders import make_object, sha256

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
OSD_JS = REPO / "node_modules/openseadragon/build/openseadragon/openseadragon.js"

# What OpenSeadragon 6 requests for a 1100x700 level-0 service with 512-pixel tiles,
# worked out by hand from IIIFTileSource.getTileUrl (version 3): levels for scale
# factors 4, 2 and 1; "w,h" sizes; edge tiles cut short; the smallest level whole.
EXPECTED_1100x700 = {
    "full/275,175/0/default.jpg": (275, 175),
    "0,0,1024,700/512,350/0/default.jpg": (512, 350),
    "1024,0,76,700/38,350/0/default.jpg": (38, 350),
    "0,0,512,512/512,512/0/default.jpg": (512, 512),
    "512,0,512,512/512,512/0/default.jpg": (512, 512),
    "1024,0,76,512/76,512/0/default.jpg": (76, 512),
    "0,512,512,188/512,188/0/default.jpg": (512, 188),
    "512,512,512,188/512,188/0/default.jpg": (512, 188),
    "1024,512,76,188/76,188/0/default.jpg": (76, 188),
}


def two_colour_image(width: int, height: int, *, split: int) -> ObjectImage:
    """Red left of x=split, blue from it: tiles must show the right part of the picture."""
    picture = Image.new("RGB", (width, height), (220, 20, 20))
    picture.paste((20, 20, 220), (split, 0, width, height))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=95)
    obj = make_object()
    data = buffer.getvalue()
    image = ObjectImage(collection_object=obj, checksum=sha256(data), order=0)
    image.original.save("picture.jpg", ContentFile(data, name="picture.jpg"), save=False)
    image.save()
    return image


def tiles_root(image: ObjectImage) -> Path:
    return Path(settings.MEDIA_ROOT) / "iiif" / image.iiif_identifier


def test_info_json_describes_a_level0_image_service() -> None:
    image = two_colour_image(1100, 700, split=600)

    assert image_generate_tiles(image=image) is True

    info = json.loads((tiles_root(image) / "info.json").read_text())
    assert info == {
        "@context": "http://iiif.io/api/image/3/context.json",
        "id": "",
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": 1100,
        "height": 700,
        "tiles": [{"width": 512, "scaleFactors": [1, 2, 4]}],
        "sizes": [
            {"width": 69, "height": 44},
            {"width": 138, "height": 88},
            {"width": 275, "height": 175},
            {"width": 550, "height": 350},
        ],
    }
    image.refresh_from_db()
    assert image.tiles_ready and image.tiles_checksum == image.checksum


def test_every_tile_openseadragon_requests_exists_with_the_right_size() -> None:
    image = two_colour_image(1100, 700, split=600)

    image_generate_tiles(image=image)

    assert {spec.path for spec in osd_tiles(1100, 700, 512)} == set(EXPECTED_1100x700)
    root = tiles_root(image)
    for path, size in EXPECTED_1100x700.items():
        with Image.open(root / path) as tile:
            assert (tile.format, tile.size) == ("JPEG", size), path
    for path, size in {
        "full/max/0/default.jpg": (1100, 700),
        "full/550,350/0/default.jpg": (550, 350),
        "full/69,44/0/default.jpg": (69, 44),
    }.items():
        with Image.open(root / path) as thumbnail:
            assert thumbnail.size == size, path


def test_tiles_show_the_part_of_the_picture_their_region_names() -> None:
    image = two_colour_image(1100, 700, split=600)

    image_generate_tiles(image=image)

    root = tiles_root(image)

    def colour(path: str, x: int, y: int) -> tuple[int, int, int]:
        with Image.open(root / path) as tile:
            return tile.convert("RGB").getpixel((x, y))  # type: ignore[return-value]

    def is_red(rgb: tuple[int, int, int]) -> bool:
        return rgb[0] > 150 and rgb[2] < 90

    assert is_red(colour("0,0,512,512/512,512/0/default.jpg", 500, 10))
    assert not is_red(colour("1024,0,76,512/76,512/0/default.jpg", 10, 10))
    # x=600 in the image is x=88 of the second tile: red just before, blue after.
    assert is_red(colour("512,0,512,512/512,512/0/default.jpg", 80, 10))
    assert not is_red(colour("512,0,512,512/512,512/0/default.jpg", 96, 10))
    # Half scale: the split sits at x=300.
    assert is_red(colour("0,0,1024,700/512,350/0/default.jpg", 290, 10))
    assert not is_red(colour("0,0,1024,700/512,350/0/default.jpg", 310, 10))


def test_an_image_smaller_than_a_tile_is_one_full_max_tile() -> None:
    specs = osd_tiles(300, 200, 512)

    assert [(s.path, s.box) for s in specs] == [("full/max/0/default.jpg", (0, 0, 300, 200))]


def test_an_image_exactly_one_tile_wide_is_requested_whole() -> None:
    assert [s.path for s in osd_tiles(512, 300, 512)] == ["full/max/0/default.jpg"]
    assert {s.path for s in osd_tiles(1024, 512, 512)} == {
        "full/512,256/0/default.jpg",
        "0,0,512,512/512,512/0/default.jpg",
        "512,0,512,512/512,512/0/default.jpg",
    }


def test_rerunning_does_not_regenerate_unchanged_tiles() -> None:
    image = two_colour_image(1100, 700, split=600)
    image_generate_tiles(image=image)
    tile = tiles_root(image) / "0,0,512,512/512,512/0/default.jpg"
    written_at = tile.stat().st_mtime_ns

    assert image_generate_tiles(image=image) is False

    assert tile.stat().st_mtime_ns == written_at


def test_new_tile_set_replaces_the_old_one_and_leaves_no_staging_folders() -> None:
    image = two_colour_image(1100, 700, split=600)
    image_generate_tiles(image=image)

    assert image_generate_tiles(image=image, force=True) is True

    iiif = Path(settings.MEDIA_ROOT) / "iiif"
    assert sorted(p.name for p in iiif.iterdir()) == [image.iiif_identifier]
    assert (tiles_root(image) / "info.json").is_file()


# OpenSeadragon itself, loaded in Node with just enough of a DOM to construct an
# IIIFTileSource: the list of URLs it would request for each level and tile.
OSD_PROBE = """
const fs = require('fs'); const vm = require('vm'); const noop = () => {};
const el = () => ({style: {}, appendChild: noop, setAttribute: noop, addEventListener: noop,
  getContext: () => null});
const box = {console, Math, JSON, Date, setTimeout, clearTimeout, Promise, Array, Object,
  Number, String, Error, RegExp, Symbol, Map, Set, WeakMap, parseInt, parseFloat, isNaN,
  navigator: {userAgent: 'node', appVersion: '5.0', appName: 'Netscape', maxTouchPoints: 0},
  document: {documentElement: {style: {}, addEventListener: noop, removeEventListener: noop},
    addEventListener: noop, removeEventListener: noop, createElement: el, body: el(),
    getElementsByTagName: () => []},
  location: {protocol: 'http:', href: 'http://x/', search: ''},
  XMLHttpRequest: function () {}, Image: function () {},
  addEventListener: noop, removeEventListener: noop};
box.window = box; box.self = box;
vm.createContext(box);
vm.runInContext(fs.readFileSync(process.argv[2], 'utf8'), box);
const info = JSON.parse(fs.readFileSync(process.argv[3], 'utf8')); info.id = 'ID';
const source = new box.OpenSeadragon.IIIFTileSource(
  box.OpenSeadragon.IIIFTileSource.prototype.configure(info, 'ID/info.json', null));
const urls = new Set();
for (let level = source.minLevel; level <= source.maxLevel; level++) {
  const n = source.getNumTiles(level);
  for (let x = 0; x < n.x; x++) for (let y = 0; y < n.y; y++)
    urls.add(source.getTileUrl(level, x, y).slice(3));
}
console.log(JSON.stringify([...urls]));
"""


@pytest.mark.skipif(
    shutil.which("node") is None or not OSD_JS.is_file(),
    reason="needs Node and node_modules/openseadragon",
)
@pytest.mark.parametrize(
    ("width", "height", "tile_size"),
    [(1100, 700, 512), (4096, 4096, 512), (7000, 300, 256), (1025, 1023, 256), (1, 1, 512)],
)
def test_tile_set_matches_what_openseadragon_itself_requests(
    tmp_path: Path, width: int, height: int, tile_size: int
) -> None:
    probe = tmp_path / "probe.js"
    probe.write_text(OSD_PROBE)
    info = tmp_path / "info.json"
    info.write_text(json.dumps(info_json(width, height, tile_size)))

    output = subprocess.run(
        ["node", str(probe), str(OSD_JS), str(info)], capture_output=True, check=True, text=True
    )

    requested = set(json.loads(output.stdout))
    assert requested == {spec.path for spec in osd_tiles(width, height, tile_size)}
    assert requested <= {spec.path for spec in tile_specs(width, height, tile_size)}


def test_thumbnails_of_a_very_narrow_image_are_scaled_not_cropped() -> None:
    # 1 pixel wide: every size is 1 wide, so only the height tells the levels apart.
    specs = {s.path: s for s in tile_specs(1, 5000, 512)}

    assert specs["full/1,2500/0/default.jpg"].scale_factor == 2
    assert specs["full/1,79/0/default.jpg"].scale_factor == 64
