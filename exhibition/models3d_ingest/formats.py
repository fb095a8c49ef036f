"""Which format a mesh file is, and what it costs, read from its header before loading.

Counting triangles from the header (or by streaming the text) lets an oversized scan be
refused before trimesh builds arrays for it; a file whose header and body disagree is
reported as damaged, with the reason.
"""

import json
import re
import struct
from dataclasses import dataclass
from pathlib import Path

# The mesh formats converted to GLB; GLB itself is stored as it comes.
CONVERTED_EXTENSIONS = {".obj": "obj", ".ply": "ply", ".stl": "stl", ".gltf": "gltf"}
# Length units a mesh may be written in, as metres per unit (glTF's unit is the metre).
UNIT_METRES = {"mm": 0.001, "cm": 0.01, "m": 1.0, "in": 0.0254}
_STL_HEADER = 84
_STL_TRIANGLE = 50
_PLY_HEADER_BYTES = 65_536
_PLY_ELEMENT = re.compile(rb"^element\s+(\w+)\s+(\d+)\s*$")
_GLTF_JSON_BYTES = 16 * 1024 * 1024
_TRIANGLES = 4  # glTF primitive mode 4; absent means triangles too


class IngestError(ValueError):
    """The mesh cannot be converted; the message says why, for the curator."""


@dataclass(frozen=True)
class IngestLimits:
    max_bytes: int  # the mesh file plus every file it names
    max_triangles: int  # read from the source, before decimation
    max_texture_pixels: int  # per texture image
    triangle_budget: int  # above this the web GLB is decimated

    @classmethod
    def from_settings(cls) -> "IngestLimits":
        from django.conf import settings

        return cls(
            max_bytes=settings.VITRINE_MAX_MODEL_BYTES,
            max_triangles=settings.VITRINE_MAX_MODEL_TRIANGLES,
            max_texture_pixels=settings.VITRINE_MAX_IMAGE_PIXELS,
            triangle_budget=settings.MODEL_TRIANGLE_BUDGET,
        )


def model_format(path: Path) -> str:
    """The format name for a converted extension ('obj', 'ply', 'stl', 'gltf')."""
    kind = CONVERTED_EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted({".glb", *CONVERTED_EXTENSIONS}))
        raise IngestError(f"model file {path.name} is not a supported format (use {known})")
    return kind


def count_triangles(path: Path, kind: str) -> int:
    """Triangles the file declares (or holds, for text formats), checked against its body."""
    if kind == "stl":
        return _stl_triangles(path)
    if kind == "ply":
        return _ply_triangles(path)
    if kind == "obj":
        return _obj_triangles(path)
    return _gltf_triangles(path)


def _stl_triangles(path: Path) -> int:
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(_STL_HEADER)
        if head[:5].lower() == b"solid" and b"facet" in head + fh.read(4096):
            fh.seek(0)
            return sum(line.lstrip().startswith(b"facet") for line in fh)
    if len(head) < _STL_HEADER:
        raise IngestError(f"STL file {path.name} is too short to hold its header")
    (declared,) = struct.unpack_from("<I", head, 80)
    needed = _STL_HEADER + _STL_TRIANGLE * declared
    if size != needed:
        raise IngestError(
            f"binary STL {path.name} declares {declared:,} triangles ({needed:,} bytes) "
            f"but the file has {size:,} bytes: it is damaged or not an STL"
        )
    return declared


def _ply_triangles(path: Path) -> int:
    with path.open("rb") as fh:
        header = fh.read(_PLY_HEADER_BYTES)
    if not header.startswith(b"ply"):
        raise IngestError(f"PLY file {path.name} does not start with 'ply'")
    end = header.find(b"end_header")
    if end < 0:
        raise IngestError(f"PLY file {path.name} has no end_header in its first 64 KiB")
    counts = {}
    for line in header[:end].splitlines():
        match = _PLY_ELEMENT.match(line.strip())
        if match:
            counts[match[1].decode()] = int(match[2])
    if not counts.get("face"):
        raise IngestError(f"PLY file {path.name} has no faces (a point cloud needs meshing first)")
    # Polygons are fanned into triangles; a quad mesh doubles, so bound by the worse case.
    return counts["face"] * 2


def _obj_triangles(path: Path) -> int:
    triangles = 0
    with path.open("rb") as fh:
        for line in fh:
            if line.startswith(b"f ") or line.startswith(b"f\t"):
                triangles += max(len(line.split()) - 3, 0)
    if not triangles:
        raise IngestError(f"OBJ file {path.name} has no faces")
    return triangles


def _gltf_triangles(path: Path) -> int:
    if path.stat().st_size > _GLTF_JSON_BYTES:
        raise IngestError(f"glTF file {path.name} is over {_GLTF_JSON_BYTES:,} bytes of JSON")
    try:
        document = json.loads(path.read_bytes().decode("utf-8"))
        accessors = document.get("accessors") or []
        triangles = 0
        for mesh in document.get("meshes") or []:
            for primitive in mesh.get("primitives") or []:
                if primitive.get("mode", _TRIANGLES) != _TRIANGLES:
                    continue
                index = primitive.get("indices", primitive["attributes"]["POSITION"])
                triangles += int(accessors[index]["count"]) // 3
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise IngestError(f"glTF file {path.name} is not JSON") from None
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):
        raise IngestError(f"glTF file {path.name} has malformed meshes or accessors") from None
    if not triangles:
        raise IngestError(f"glTF file {path.name} has no triangle meshes")
    return triangles
