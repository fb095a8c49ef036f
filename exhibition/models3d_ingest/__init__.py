"""3D ingest: OBJ (with MTL and textures), PLY, STL and glTF converted to one web GLB.

A scan or photogrammetry mesh arrives in whatever its software writes; the site shows
glTF 2.0 binaries only. ``model_convert_to_glb`` reads the file (bounded before and while
loading), centres it at the origin, scales it to metres, decimates it above the triangle
budget (keeping the full-resolution GLB for download) and checks what it wrote. An upload
of a mesh with its files comes as a .zip, unpacked within bounds by
``model_archive_extract`` first.
trimesh is imported lazily: only imports and uploads of non-GLB models need it.
"""

from exhibition.models3d_ingest.archive import ARCHIVE_SUFFIX, model_archive_extract
from exhibition.models3d_ingest.convert import IngestResult, model_convert_to_glb
from exhibition.models3d_ingest.formats import (
    CONVERTED_EXTENSIONS,
    UNIT_METRES,
    IngestError,
    IngestLimits,
    model_format,
)

__all__ = [
    "ARCHIVE_SUFFIX",
    "CONVERTED_EXTENSIONS",
    "UNIT_METRES",
    "IngestError",
    "IngestLimits",
    "IngestResult",
    "model_archive_extract",
    "model_convert_to_glb",
    "model_format",
]
