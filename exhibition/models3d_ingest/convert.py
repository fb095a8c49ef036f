"""Read a mesh, centre it, scale it to metres, decimate it for the web, write GLB."""

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, UnidentifiedImageError

from exhibition.models3d_ingest.decimate import mesh_decimate
from exhibition.models3d_ingest.formats import (
    UNIT_METRES,
    IngestError,
    IngestLimits,
    count_triangles,
    model_format,
)

_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tga", ".tif", ".tiff"}


@dataclass(frozen=True)
class IngestResult:
    """The web GLB, and the full-resolution GLB when the web one was decimated."""

    glb: bytes
    original_glb: bytes | None
    source_format: str
    unit: str
    source_triangles: int
    triangles: int
    extents_m: tuple[float, float, float]

    @property
    def decimated(self) -> bool:
        return self.original_glb is not None


def model_convert_to_glb(*, path: Path, unit: str, limits: IngestLimits) -> IngestResult:
    """Convert the mesh at ``path`` (its MTL, textures or buffers beside it); raise IngestError."""
    if unit not in UNIT_METRES:
        raise IngestError(f"unknown model unit {unit!r} (use one of: {', '.join(UNIT_METRES)})")
    kind = model_format(path)
    if path.stat().st_size > limits.max_bytes:
        raise IngestError(
            f"model is {path.stat().st_size:,} bytes, over the limit of {limits.max_bytes:,} "
            "(VITRINE_MAX_MODEL_BYTES)"
        )
    declared = count_triangles(path, kind)
    if declared > limits.max_triangles:
        raise IngestError(
            f"model has {declared:,} triangles, over the limit of {limits.max_triangles:,} "
            "(VITRINE_MAX_MODEL_TRIANGLES)"
        )
    meshes = _load_meshes(path, kind, limits)
    source_triangles = sum(len(mesh.faces) for mesh in meshes)
    _normalise(meshes, UNIT_METRES[unit])
    full = _export(meshes)
    web, original = full, None
    if source_triangles > limits.triangle_budget:
        share = limits.triangle_budget / source_triangles
        meshes = [mesh_decimate(m, target_faces=int(len(m.faces) * share)) for m in meshes]
        web, original = _export(meshes), full
    triangles, extents = _verify(web)
    return IngestResult(
        glb=web,
        original_glb=original,
        source_format=kind,
        unit=unit,
        source_triangles=source_triangles,
        triangles=triangles,
        extents_m=extents,
    )


def _load_meshes(path: Path, kind: str, limits: IngestLimits) -> list[Any]:
    import trimesh

    resolver = _bounded_resolver(path, limits)
    try:
        scene = trimesh.load_scene(str(path), file_type=kind, resolver=resolver)
        meshes = [g for g in scene.dump(concatenate=False) if isinstance(g, trimesh.Trimesh)]
    except IngestError:
        raise
    except Exception as exc:  # a malformed file can trip any of trimesh's parsers
        raise IngestError(f"model file {path.name} could not be read: {exc}") from None
    if resolver.refused:
        raise IngestError(resolver.refused[0])
    meshes = [mesh for mesh in meshes if len(mesh.faces)]
    if not meshes:
        raise IngestError(f"model file {path.name} holds no triangles")
    for mesh in meshes:
        if not np.isfinite(mesh.vertices).all():
            raise IngestError(f"model file {path.name} has vertices that are not finite numbers")
        _check_texture(getattr(mesh.visual, "material", None), limits)
    return meshes


def _bounded_resolver(path: Path, limits: IngestLimits) -> Any:
    """Reads the files a mesh names from its own folder only, within the byte budget,
    refusing textures over the pixel limit before they are decoded."""
    from trimesh.resolvers import FilePathResolver

    class BoundedResolver(FilePathResolver):
        def __init__(self) -> None:
            super().__init__(str(path))
            self.folder = path.parent.resolve()
            self.used = path.stat().st_size
            self.refused: list[str] = []

        def get(self, name: str) -> bytes:
            target = (self.folder / name.strip()).resolve()
            if not target.is_relative_to(self.folder):
                self.refused.append(f"model names '{name}', outside its folder")
                raise FileNotFoundError(name)
            if target.is_file():
                self.used += target.stat().st_size
                if self.used > limits.max_bytes:
                    self.refused.append(
                        f"model and the files it names are over {limits.max_bytes:,} bytes"
                    )
                    raise FileNotFoundError(name)
            data: bytes = super().get(name)
            if Path(name).suffix.lower() in _IMAGE_SUFFIXES:
                self._check_pixels(name, data)
            return data

        def _check_pixels(self, name: str, data: bytes) -> None:
            try:
                with Image.open(io.BytesIO(data)) as image:
                    pixels = image.width * image.height
            except (UnidentifiedImageError, OSError):
                self.refused.append(f"texture {name} is not an image Pillow can read")
                raise FileNotFoundError(name) from None
            if pixels > limits.max_texture_pixels:
                self.refused.append(
                    f"texture {name} has {pixels:,} pixels, over the limit of "
                    f"{limits.max_texture_pixels:,} (VITRINE_MAX_IMAGE_PIXELS)"
                )
                raise FileNotFoundError(name)

    return BoundedResolver()


def _check_texture(material: Any, limits: IngestLimits) -> None:
    # Textures embedded in a .gltf as data URIs never pass through the resolver.
    for attribute in ("image", "baseColorTexture"):
        image = getattr(material, attribute, None)
        size = getattr(image, "size", None)
        if size is not None and size[0] * size[1] > limits.max_texture_pixels:
            raise IngestError(
                f"a texture has {size[0] * size[1]:,} pixels, over the limit of "
                f"{limits.max_texture_pixels:,} (VITRINE_MAX_IMAGE_PIXELS)"
            )


def _normalise(meshes: list[Any], metres_per_unit: float) -> None:
    """Centre the bounding box at the origin and scale to metres, in place."""
    corners = np.vstack([mesh.bounds for mesh in meshes])
    centre = (corners.min(axis=0) + corners.max(axis=0)) / 2
    for mesh in meshes:
        mesh.apply_translation(-centre)
        mesh.apply_scale(metres_per_unit)


def _export(meshes: list[Any]) -> bytes:
    import trimesh

    scene: Any = trimesh.Scene(meshes)  # its export is untyped
    data: bytes = scene.export(file_type="glb")
    return data


def _verify(glb: bytes) -> tuple[int, tuple[float, float, float]]:
    """Read the written GLB back: its triangle count and extents in metres."""
    import trimesh

    try:
        scene = trimesh.load_scene(io.BytesIO(glb), file_type="glb")
        triangles = sum(len(g.faces) for g in scene.geometry.values())
        extents = scene.extents
    except Exception as exc:  # what we wrote must read back; if not, say so
        raise IngestError(f"the converted GLB does not read back: {exc}") from None
    if not triangles or extents is None:
        raise IngestError("the converted GLB holds no triangles")
    return triangles, (float(extents[0]), float(extents[1]), float(extents[2]))
