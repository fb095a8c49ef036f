"""Images whose content is already imported and tiled: written with the batch, not alone.

A collection often names the same picture for many records (a placeholder, a photograph
of a set, a generated pool). The one-by-one path decodes each such file again, copies it
and cuts its tiles again. When an image already stored has the same bytes (same SHA-256)
and current tiles cut at today's tile size, a record naming it is written with its batch:
its file is copied under its own content-addressed name as the one-by-one path names it,
and the tile set of the image with the same bytes is linked (hard links, a copy across
file systems) under the record's own IIIF identifier, since tiles depend only on the
pixels and the tile size. The rows come out as the one-by-one path leaves them once its
tiles are cut.

The SHA-256 of a source file is kept per run by (path, size, modification time), so a
picture a thousand records name is read and hashed once.
"""

import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import F, Min

from exhibition.iiif.tiles import tile_dir
from exhibition.importing.media import SourceFile, resolve_source, sha256_file, stored_name
from exhibition.importing.records import ImportRecord, RecordError
from exhibition.models import ObjectImage

# How many sources' checksums, and tiled contents, a run remembers; a pool is small, a
# million distinct files each named once gain nothing from the cache.
MAX_REMEMBERED = 10_000


@dataclass(frozen=True)
class KnownImage:
    """A record's main image, whose bytes an image already stored and tiled has."""

    source: SourceFile
    name: str  # where the record's copy is stored, as ``objects`` names it
    width: int
    height: int
    donor: str  # the IIIF identifier whose tiles show the same pixels

    @property
    def checksum(self) -> str:
        return self.source.checksum


@dataclass(frozen=True)
class _Donor:
    identifier: str
    width: int
    height: int


@dataclass
class KnownMedia:
    """What one run has learnt: the checksum of each source file, the tiled content."""

    checksums: dict[tuple[Path, int, int], str] = field(default_factory=dict)
    donors: dict[str, _Donor] = field(default_factory=dict)

    def source(self, root: Path, relative: str) -> SourceFile:
        """As ``media.find_source``, hashing a file it has already hashed only if it changed."""
        path = resolve_source(root, relative, "image")
        stat = path.stat()
        key = (path, stat.st_size, stat.st_mtime_ns)
        checksum = self.checksums.get(key)
        if checksum is None:
            checksum = sha256_file(path)
            if len(self.checksums) >= MAX_REMEMBERED:
                self.checksums.clear()
            self.checksums[key] = checksum
        return SourceFile(path=path, checksum=checksum, size=stat.st_size)

    def image_source(self, record: ImportRecord, root: Path) -> SourceFile | None:
        """The record's main image, if the record can take the batch path at all: an
        image and no other media; None too when the file is missing or outside the
        folder (the one-by-one path reports it)."""
        if record.image is None or record.model is not None or record.more_images:
            return None
        try:
            return self.source(root, record.image)
        except (RecordError, OSError):
            return None

    def known_image(self, record: ImportRecord, source: SourceFile) -> KnownImage | None:
        """The record's image, when its bytes are stored and tiled already; else None."""
        donor = self.donors.get(source.checksum)
        if donor is None:
            return None
        return KnownImage(
            source=source,
            name=stored_name(slug=record.slug, kind="images", source=source),
            width=donor.width,
            height=donor.height,
            donor=donor.identifier,
        )

    def learn(self, checksums: set[str]) -> None:
        """Find, for each checksum not known yet, an image with those bytes and current tiles."""
        wanted = checksums - set(self.donors)
        if not wanted:
            return
        if len(self.donors) + len(wanted) > MAX_REMEMBERED:
            self.donors.clear()
            wanted = checksums
        first = (
            ObjectImage.objects.filter(
                checksum__in=wanted, tiles_ready=True, tiles_checksum=F("checksum")
            )
            .order_by()
            .values("checksum")
            .annotate(first=Min("pk"))
            .values_list("first", flat=True)
        )
        for image in ObjectImage.objects.filter(pk__in=list(first)).select_related(
            "collection_object"
        ):
            if image.width * image.height > settings.VITRINE_MAX_IMAGE_PIXELS:
                continue  # the limit was lowered since: the one-by-one path refuses it
            if _tiles_fit(image.iiif_identifier):
                self.donors[image.checksum] = _Donor(
                    image.iiif_identifier, image.width, image.height
                )

    def forget(self, checksum: str) -> None:
        """The donor's tiles could not be linked (replaced meanwhile): ask again next time."""
        self.donors.pop(checksum, None)


def _tiles_fit(identifier: str) -> bool:
    """Its tile set is on disk and was cut at the tile size set now."""
    try:
        info = json.loads((tile_dir(identifier) / "info.json").read_text(encoding="utf-8"))
        return bool(info["tiles"][0]["width"] == settings.VITRINE_TILE_SIZE)
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return False


def tile_set_link(*, donor: str, identifier: str) -> None:
    """Put a copy of the donor's tile set in place for ``identifier``; raises OSError.

    Tile sets are never changed in place (a new set is renamed over the old), so hard
    links are as good as copies. Staged beside its final place and renamed into it, like
    a freshly cut set.
    """
    source, final = tile_dir(donor), tile_dir(identifier)
    if not (source / "info.json").is_file():
        raise FileNotFoundError(f"no tile set at {source}")
    staging = final.with_name(f".tmp-{final.name}-{uuid.uuid4().hex}")
    try:
        _link_tree(source, staging)
        if final.exists():  # left over from an image this object no longer has
            retired = final.with_name(f".old-{final.name}-{uuid.uuid4().hex}")
            os.rename(final, retired)
            shutil.rmtree(retired, ignore_errors=True)
        os.rename(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _link_tree(source: Path, target: Path) -> None:
    """``shutil.copytree`` with links, without its per-folder metadata copies."""
    for folder, _, names in os.walk(source):
        made = target / os.path.relpath(folder, source)
        made.mkdir()
        for name in names:
            _link_or_copy(os.path.join(folder, name), str(made / name))


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
