"""Check and store the files a record names: images (Pillow) and GLB models (by header).

Files are stored content-addressed, ``objects/<slug>/images/<sha256[:12]>-<basename>``,
so a changed original always gets a new URL and long cache lifetimes stay honest.
"""

import hashlib
import json
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.text import get_valid_filename
from PIL import Image, UnidentifiedImageError

from exhibition.image_limits import too_many_pixels_message
from exhibition.importing.records import RecordError

# Formats a browser can show and Pillow decodes losslessly enough to tile.
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "TIFF"}
_GLB_JSON = 0x4E4F534A
_GLB_BIN = 0x004E4942
# Base colour components at or below this count as black.
_BLACK = 0.04


@dataclass(frozen=True)
class SourceFile:
    """A file named by a record, found inside the collection folder."""

    path: Path
    checksum: str
    size: int


def find_source(root: Path, relative: str, what: str) -> SourceFile:
    """The file at ``relative`` under ``root``; never a path that escapes the folder."""
    path = resolve_source(root, relative, what)
    return SourceFile(path=path, checksum=sha256_file(path), size=path.stat().st_size)


def resolve_source(root: Path, relative: str, what: str) -> Path:
    """The path of the file at ``relative`` under ``root``, or RecordError."""
    base = root.resolve()
    path = (base / relative).resolve()
    if Path(relative).is_absolute() or not path.is_relative_to(base):
        raise RecordError(f"{what} path '{relative}' must be relative to the collection folder")
    if not path.is_file():
        raise RecordError(f"{what} file not found: {relative}")
    return path


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_image(path: Path, *, max_pixels: int) -> tuple[int, int]:
    """Decode the image fully; return its upright (width, height) or raise RecordError."""
    with warnings.catch_warnings():
        # We apply our own, stricter limit below; Pillow's warning would only be noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                if image.format not in IMAGE_FORMATS:
                    raise RecordError(
                        f"image format {image.format} is not supported "
                        f"(use {', '.join(sorted(IMAGE_FORMATS))})"
                    )
                width, height = _upright_size(image)
                if width * height > max_pixels:
                    raise RecordError(too_many_pixels_message(width, height, max_pixels))
                image.load()
        except Image.DecompressionBombError:
            raise RecordError(too_many_pixels_message(None, None, max_pixels)) from None
        except RecordError:
            raise
        except UnidentifiedImageError:
            raise RecordError(f"image file {path.name} is not an image Pillow can read") from None
        except Exception as exc:  # a malformed file can trip any of Pillow's decoders
            raise RecordError(f"image file {path.name} could not be decoded: {exc}") from None
    return width, height


def _upright_size(image: Image.Image) -> tuple[int, int]:
    # EXIF orientations 5-8 swap the axes; tiles are cut from the upright image.
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def check_glb(source: SourceFile, *, max_bytes: int) -> dict[str, Any]:
    """Check a binary glTF 2.0 container (header, chunk layout, JSON chunk); return its JSON."""
    if source.size > max_bytes:
        raise RecordError(
            f"model is {source.size:,} bytes, over the limit of {max_bytes:,} "
            "(VITRINE_MAX_MODEL_BYTES)"
        )
    return check_glb_bytes(source.path.read_bytes())


def check_glb_bytes(data: bytes) -> dict[str, Any]:
    """Check a GLB's header, chunk layout and JSON chunk; return its JSON or raise RecordError.

    The importer and the admin's upload form both use it, so a model refused at import is
    refused when a curator uploads it too.
    """
    if len(data) < 12 or data[:4] != b"glTF":
        raise RecordError("model is not a GLB file (no 'glTF' magic in its header)")
    version, declared = struct.unpack_from("<II", data, 4)
    if version != 2:
        raise RecordError(f"GLB version {version} is not supported (need glTF 2.0)")
    if declared != len(data):
        raise RecordError(f"GLB header declares {declared:,} bytes but the file has {len(data):,}")
    chunks = _glb_chunks(data)
    if not chunks or chunks[0][0] != _GLB_JSON:
        raise RecordError("GLB's first chunk is not its JSON chunk")
    document = _glb_document(data[chunks[0][1] : chunks[0][1] + chunks[0][2]])
    buffers = document.get("buffers")
    if (
        isinstance(buffers, list)
        and buffers
        and isinstance(buffers[0], dict)
        and "uri" not in buffers[0]
    ):
        needed = buffers[0].get("byteLength", 0)
        binary = [length for kind, _, length in chunks[1:2] if kind == _GLB_BIN]
        if not binary or binary[0] < needed:
            raise RecordError(f"GLB's binary chunk is missing or shorter than {needed:,} bytes")
    return document


def is_geometry_only(document: dict[str, Any]) -> bool:
    """A scan that records shape only: no textures, and no material or only black ones.

    Such models (e.g. converted without their texture maps) render as black silhouettes
    unless the viewer gives them a neutral material.
    """
    if document.get("textures") or document.get("images"):
        return False
    materials = document.get("materials") or []
    for material in materials if isinstance(materials, list) else []:
        pbr = material.get("pbrMetallicRoughness") if isinstance(material, dict) else None
        factor = pbr.get("baseColorFactor") if isinstance(pbr, dict) else None
        if not isinstance(factor, list) or any(
            not isinstance(c, int | float) or c > _BLACK for c in factor[:3]
        ):
            return False
    return True


def _glb_chunks(data: bytes) -> list[tuple[int, int, int]]:
    """(type, start, length) of each chunk; the chunks must fill the file exactly."""
    chunks, offset = [], 12
    while offset < len(data):
        if offset + 8 > len(data):
            raise RecordError(f"GLB chunk header at byte {offset} is cut off")
        length, kind = struct.unpack_from("<II", data, offset)
        if offset + 8 + length > len(data):
            raise RecordError(f"GLB chunk at byte {offset} runs past the end of the file")
        chunks.append((kind, offset + 8, length))
        offset += 8 + length
    return chunks


def _glb_document(raw: bytes) -> dict[str, Any]:
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise RecordError("GLB's JSON chunk does not parse") from None
    asset = document.get("asset") if isinstance(document, dict) else None
    if not isinstance(asset, dict) or asset.get("version") != "2.0":
        raise RecordError("GLB's JSON chunk does not declare asset.version '2.0'")
    return document


def stored_name(*, slug: str, kind: Literal["images", "models"], source: SourceFile) -> str:
    basename = get_valid_filename(source.path.name)
    return f"objects/{slug}/{kind}/{source.checksum[:12]}-{basename}"


def store_file(*, source: SourceFile, name: str) -> bool:
    """Copy the file to storage under its content-addressed name; False if already there."""
    if default_storage.exists(name):
        return False
    with source.path.open("rb") as fh:
        saved = default_storage.save(name, File(fh))
    if saved != name:  # another process stored the same content meanwhile
        default_storage.delete(saved)
    return True
