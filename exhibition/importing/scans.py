"""Models a record names in OBJ, PLY, STL or glTF: converted to GLB before they are stored.

The converted files are written to a scratch folder and then stored like any GLB, by
content address; a model decimated for the web brings its full-resolution GLB with it.
"""

import hashlib
from pathlib import Path

from exhibition.importing.media import SourceFile
from exhibition.importing.records import RecordError
from exhibition.models3d_ingest import IngestError, IngestLimits, model_convert_to_glb


def converted_model(
    source: SourceFile, *, unit: str, scratch: Path
) -> tuple[SourceFile, SourceFile | None]:
    """The web GLB and, when it was decimated, the full-resolution GLB; or RecordError."""
    try:
        result = model_convert_to_glb(
            path=source.path, unit=unit, limits=IngestLimits.from_settings()
        )
    except IngestError as error:
        raise RecordError(str(error)) from None
    stem = source.path.stem
    web = _scratch_file(scratch / f"{stem}.glb", result.glb)
    if result.original_glb is None:
        return web, None
    return web, _scratch_file(scratch / f"{stem}-full.glb", result.original_glb)


def _scratch_file(path: Path, data: bytes) -> SourceFile:
    path.write_bytes(data)
    return SourceFile(path=path, checksum=hashlib.sha256(data).hexdigest(), size=len(data))
