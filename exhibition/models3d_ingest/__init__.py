"""3D ingest: OBJ (with MTL and textures), PLY, STL and glTF converted to one web GLB.

A scan or photogrammetry mesh arrives in whatever its software writes; the site shows
glTF 2.0 binaries only. ``model_convert_to_glb`` reads the file (bounded before and while
loading), centres it at the origin, scales it to metres, decimates it above the triangle
budget (keeping the full-resolution GLB for download) and checks what it wrote.
trimesh is imported lazily: only imports and uploads of non-GLB models need it.
"""

from exhibition.models3d_ingest.convert import IngestResult, model_convert_to_glb
from exhibition.models3d_ingest.formats import (
    CONVERTED_EXTENSIONS,
    UNIT_METRES,
    IngestError,
    IngestLimits,
    model_format,
)

__all__ = [
    "CONVERTED_EXTENSIONS",
    "UNIT_METRES",
    "IngestError",
    "IngestLimits",
    "IngestResult",
    "model_convert_to_glb",
    "model_format",
]
