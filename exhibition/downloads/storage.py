"""Generated downloads kept under MEDIA_ROOT/downloads/, named by what went into them.

The name is a hash of the source file's checksum, the size and the notice written in, so
a changed licence, credit or original makes a new file and never serves a stale one. No
record names these files, so the media view refuses them: they are only ever served
through the download views, after the object's visibility and licence were checked.
"""

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from exhibition.downloads.notice import RightsNotice

FOLDER = "downloads"
# Bump when the way files are written changes, so old cached files are not served.
FORMAT_VERSION = 1


@dataclass(frozen=True)
class StoredDownload:
    name: str  # relative to MEDIA_ROOT, for X-Accel-Redirect
    path: Path


def download_key(*, source_checksum: str, variant: str, notice: RightsNotice) -> str:
    material = json.dumps(
        {
            "version": FORMAT_VERSION,
            "source": source_checksum,
            "variant": variant,
            "notice": notice.as_dict(),
            "marked": notice.rights_reserved,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def stored_download(key: str, suffix: str) -> StoredDownload:
    name = f"{FOLDER}/{key[:2]}/{key}{suffix}"
    return StoredDownload(name=name, path=Path(settings.MEDIA_ROOT).joinpath(*name.split("/")))


def write_atomically(target: Path, data: bytes) -> None:
    """Write next to the target, then rename: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
