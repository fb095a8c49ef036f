"""A mesh uploaded as a .zip with the files it names (OBJ + MTL + textures, glTF + .bin).

An upload is one file, but an OBJ's materials and textures, or a glTF's buffers, are
files of their own; a curator zips them together. The archive is untrusted: it is
refused before anything is written when it has too many entries, declares more bytes
than a model may have, compresses suspiciously well (a zip bomb), names a path outside
its own folder, or holds a link; and extraction counts the bytes it really writes, so a
lying header cannot get past the bound either. The one mesh inside is then converted
by ``model_convert_to_glb``, exactly as a mesh with its files beside it in a folder.
"""

import stat
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO

from exhibition.models3d_ingest.formats import CONVERTED_EXTENSIONS, IngestError, IngestLimits

ARCHIVE_SUFFIX = ".zip"
MAX_ARCHIVE_ENTRIES = 200
# Meshes, materials and PNG/JPEG textures compress well, but not a hundredfold.
MAX_COMPRESSION_RATIO = 100
_CHUNK = 1 << 16
_IGNORED = ("__MACOSX/",)  # the resource forks macOS adds to archives it makes


def model_archive_extract(archive: IO[bytes], *, folder: Path, limits: IngestLimits) -> Path:
    """Unpack ``archive`` into ``folder``; the path of the one mesh in it, or IngestError."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            entries = _checked_entries(zipped, limits)
            mesh = _the_mesh(entries)
            written = 0
            for entry in entries:
                written = _extract(zipped, entry, folder, written, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as error:
        raise IngestError(f"the .zip file cannot be read ({error})") from None
    return folder.joinpath(*PurePosixPath(mesh.filename).parts)


def _checked_entries(zipped: zipfile.ZipFile, limits: IngestLimits) -> list[zipfile.ZipInfo]:
    infos = zipped.infolist()
    if len(infos) > MAX_ARCHIVE_ENTRIES:
        raise IngestError(
            f"the .zip file holds {len(infos):,} entries, over the limit of {MAX_ARCHIVE_ENTRIES}"
        )
    files = []
    for info in infos:
        _check_name(info)
        if info.filename.startswith(_IGNORED) or info.is_dir():
            continue
        files.append(info)
    declared = sum(info.file_size for info in files)
    if declared > limits.max_bytes:
        raise IngestError(
            f"the .zip file unpacks to {declared:,} bytes, over the limit of "
            f"{limits.max_bytes:,} (VITRINE_MAX_MODEL_BYTES)"
        )
    for info in files:
        if info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise IngestError(
                f"{info.filename} in the .zip file is compressed more than "
                f"{MAX_COMPRESSION_RATIO} to 1: refused as a possible zip bomb"
            )
    return files


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in name or "\0" in name:
        raise IngestError(f"the .zip file names a path outside its folder: {name[:200]!r}")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise IngestError(f"the .zip file holds a link, which is not accepted: {name[:200]!r}")


def _the_mesh(entries: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    meshes = [
        e for e in entries if PurePosixPath(e.filename).suffix.lower() in CONVERTED_EXTENSIONS
    ]
    if len(meshes) != 1:
        known = ", ".join(sorted(CONVERTED_EXTENSIONS))
        found = "none" if not meshes else ", ".join(e.filename[:80] for e in meshes[:5])
        raise IngestError(f"the .zip file must hold exactly one model ({known}); found {found}")
    return meshes[0]


def _extract(
    zipped: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path, written: int, limits: IngestLimits
) -> int:
    """Write one entry, counting real bytes against the bound; the running total."""
    target = folder.joinpath(*PurePosixPath(info.filename).parts)
    if not target.resolve().is_relative_to(folder.resolve()):
        raise IngestError(f"the .zip file names a path outside its folder: {info.filename[:200]!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipped.open(info) as source, target.open("wb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > limits.max_bytes:
                raise IngestError(
                    f"the .zip file unpacks to more than {limits.max_bytes:,} bytes "
                    "(VITRINE_MAX_MODEL_BYTES)"
                )
            out.write(chunk)
    return written
