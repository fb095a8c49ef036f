"""Import one validated record: the object, its links and its media, in one transaction.

Files are checked before the transaction opens (decoding an image is slow and needs no
lock); everything written to the database for a record commits together or not at all,
and files copied for a record that then fails are removed again.
"""

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction

from exhibition.importing.authorities import agent_for_name, place_for_spec, tags_for_names
from exhibition.importing.creators import credit_phrase, parse_creators
from exhibition.importing.fieldcheck import fits_model_fields
from exhibition.importing.media import (
    SourceFile,
    check_glb,
    check_image,
    find_source,
    is_geometry_only,
    store_file,
    stored_name,
)
from exhibition.importing.more_images import PreparedImage, prepare_more_images, sync_more_images
from exhibition.importing.records import ImportRecord, RecordError, TranslationSpec
from exhibition.importing.scans import converted_model
from exhibition.licences import credit_without_notes
from exhibition.models import (
    AuditLogEntry,
    CollectionObject,
    Hotspot,
    ObjectCreator,
    ObjectImage,
    ObjectModel3D,
    ObjectTranslation,
    Place,
    Visibility,
)
from exhibition.page_cache import collection_changed
from exhibition.services.audit import audit_object_snapshot
from exhibition.services.collection_edits import collection_edit_record

# Plain fields set straight from the record, compared to decide "updated" vs "unchanged".
SCALAR_FIELDS = (
    "accession_number",
    "title",
    "date_display",
    "date_start",
    "date_end",
    "culture",
    "object_type",
    "medium",
    "dimensions",
    "description",
    "language",
    "credit_line",
    "licence",
    "attribution",
    "source",
    "visibility",
    "content_note",
    "is_damaged",
    "featured",
)
_CREDIT_LINE_LENGTH = 500

IMPORT_ACTOR = "import"
# The unit of OBJ/PLY/STL/glTF models whose record gives no model_unit (`--unit`).
_DEFAULT_MODEL_UNIT: ContextVar[str] = ContextVar("default_model_unit", default="m")


@contextmanager
def default_model_unit(unit: str) -> Iterator[None]:
    """Within the block, models without a ``model_unit`` are read in ``unit``."""
    token = _DEFAULT_MODEL_UNIT.set(unit)
    try:
        yield
    finally:
        _DEFAULT_MODEL_UNIT.reset(token)


@dataclass(frozen=True)
class PreparedFile:
    """A checked source file and the content-addressed name it is stored under."""

    source: SourceFile
    name: str
    width: int = 0
    height: int = 0
    geometry_only: bool = False
    # A model decimated for the web: its full-resolution GLB and where that is stored.
    original: SourceFile | None = None
    original_name: str = ""


@dataclass
class RecordResult:
    collection_object: CollectionObject
    status: str  # "created", "updated" or "unchanged"
    image: ObjectImage | None = None
    # The further images a record names (orders 1, …), for tiling once committed.
    more_images: list[ObjectImage] = field(default_factory=list)
    stale_files: list[str] = field(default_factory=list)
    stale_tiles: list[str] = field(default_factory=list)


def object_import_record(
    *,
    record: ImportRecord,
    root: Path,
    damaged: set[str] | None,
    note: str,
    after_commit: Callable[[RecordResult], None] | None = None,
) -> RecordResult:
    """Create or update the object ``record.slug``; raises RecordError, writing nothing."""
    # A model converted from OBJ/PLY/STL/glTF is written here until it is stored.
    with tempfile.TemporaryDirectory(prefix="vitrine-model-") as scratch:
        image, model = _prepare_image(record, root), _prepare_model(record, root, Path(scratch))
        more = None
        if record.more_images is not None:
            more = prepare_more_images(record.slug, record.more_images, root)
        _check_accession_number(record)
        written: list[str] = []
        try:
            with transaction.atomic():
                result = _write_record(record, image, model, damaged, note, written)
                if more is not None:
                    _write_more_images(result, more, record, written)
                if after_commit is not None:
                    transaction.on_commit(lambda: after_commit(result))
        except BaseException:
            for name in written:
                default_storage.delete(name)
            raise
    return result


def default_alt_text(record: ImportRecord) -> str:
    """E.g. "Painting: Mona Lisa, by Leonardo da Vinci"."""
    kind = record.object_type[:1].upper() + record.object_type[1:]
    phrase = credit_phrase(parse_creators(record.text["creator"] or None))
    return f"{kind}: {record.title}, {phrase}" if phrase else f"{kind}: {record.title}"


def _prepare_image(record: ImportRecord, root: Path) -> PreparedFile | None:
    if record.image is None:
        return None
    source = find_source(root, record.image, "image")
    known = ObjectImage.objects.filter(
        collection_object__slug=record.slug, order=0, checksum=source.checksum
    ).first()
    if known is not None:  # same bytes as last time: already decoded and measured
        width, height = known.width, known.height
    else:
        width, height = check_image(source.path, max_pixels=settings.VITRINE_MAX_IMAGE_PIXELS)
    name = stored_name(slug=record.slug, kind="images", source=source)
    return PreparedFile(source=source, name=name, width=width, height=height)


def _prepare_model(record: ImportRecord, root: Path, scratch: Path) -> PreparedFile | None:
    if record.model is None:
        return None
    source = find_source(root, record.model, "model")
    original = None
    if source.path.suffix.lower() != ".glb":
        # glTF is in metres by definition; `--unit` is for formats that do not say.
        gltf = source.path.suffix.lower() == ".gltf"
        unit = record.model_unit or ("m" if gltf else _DEFAULT_MODEL_UNIT.get())
        source, original = converted_model(source, unit=unit, scratch=scratch)
    elif record.model_unit not in (None, "m"):
        raise RecordError("model_unit applies to OBJ, PLY, STL and glTF; a GLB is in metres")
    document = check_glb(source, max_bytes=settings.VITRINE_MAX_MODEL_BYTES)
    return PreparedFile(
        source=source,
        name=stored_name(slug=record.slug, kind="models", source=source),
        geometry_only=is_geometry_only(document),
        original=original,
        original_name=""
        if original is None
        else stored_name(slug=record.slug, kind="models", source=original),
    )


def _check_accession_number(record: ImportRecord) -> None:
    number = record.text["accession_number"] or record.slug
    other = (
        CollectionObject.objects.filter(accession_number=number)
        .exclude(slug=record.slug)
        .values_list("slug", flat=True)
        .first()
    )
    if other is not None:
        raise RecordError(f"accession number '{number}' is already used by object '{other}'")


def _write_more_images(
    result: RecordResult, prepared: list[PreparedImage], record: ImportRecord, written: list[str]
) -> None:
    alt_text = record.text["alt_text"] or default_alt_text(record)
    more = sync_more_images(result.collection_object, prepared, alt_text, written)
    result.more_images = more.images
    result.stale_files += more.stale_files
    result.stale_tiles += more.stale_tiles
    if more.changed and result.status == "unchanged":
        result.status = "updated"


def _write_record(
    record: ImportRecord,
    image: PreparedFile | None,
    model: PreparedFile | None,
    damaged: set[str] | None,
    note: str,
    written: list[str],
) -> RecordResult:
    obj = CollectionObject.objects.filter(slug=record.slug).first()
    created = obj is None
    before = {} if obj is None else audit_object_snapshot(obj)
    obj = obj or CollectionObject(slug=record.slug)
    result = RecordResult(collection_object=obj, status="created")
    old_scalars = {name: getattr(obj, name) for name in (*SCALAR_FIELDS, "place_id")}
    place = place_for_spec(record.place) if record.place else None
    assign_fields(obj, record, damaged, place=place, created=created)
    if created or old_scalars != {n: getattr(obj, n) for n in (*SCALAR_FIELDS, "place_id")}:
        clean_object(obj)
        obj.save()
    _sync_creators(obj, record)
    _sync_tags(obj, record.tags)
    _sync_translations(obj, record.translations)
    alt_text = record.text["alt_text"] or default_alt_text(record)
    result.image = _sync_image(obj, image, alt_text, written, result)
    _sync_model(obj, record, model, alt_text, written, result)
    entry = collection_edit_record(
        actor_name=IMPORT_ACTOR,
        instance=obj,
        before=before,
        after=audit_object_snapshot(obj),
        action=AuditLogEntry.Action.IMPORTED,
        note=("Created by import. " if created else "Updated by import. ") + note,
    )
    if not created:
        result.status = "updated" if entry is not None else "unchanged"
    return result


def assign_fields(
    obj: CollectionObject,
    record: ImportRecord,
    damaged: set[str] | None,
    *,
    place: Place | None,
    created: bool,
) -> None:
    """Set the object's own fields from the record; ``place`` is the record's, found."""
    text = record.text
    obj.accession_number = text["accession_number"] or record.slug
    obj.title, obj.object_type, obj.licence = record.title, record.object_type, record.licence
    obj.date_display, obj.date_start, obj.date_end = (
        record.date_display,
        record.date_start,
        record.date_end,
    )
    for name in ("culture", "medium", "dimensions", "description", "attribution"):
        setattr(obj, name, text[name])
    obj.language = record.language
    obj.source = _source_with_notes(record)
    obj.credit_line = _credit_line(text["credit_line"] or text["attribution"])
    # Curatorial choices made in the admin survive a re-import that does not name them:
    # an object a curator restricted must never become public again by accident.
    if record.visibility is not None or created:
        obj.visibility = record.visibility or Visibility.PUBLIC
    if record.featured is not None:
        obj.featured = record.featured
    if record.content_note is not None:
        obj.content_note = record.content_note
    if damaged is not None:
        obj.is_damaged = record.slug in damaged
    obj.place = place


def _source_with_notes(record: ImportRecord) -> str:
    """The record's source, followed by the cataloguing notes kept out of public fields."""
    notes = list(record.notes)
    for credit in parse_creators(record.text["creator"] or None):
        if credit.note:
            notes.append(f"{credit.name}: {credit.note}")
    if not notes:
        return record.text["source"]
    lines = [record.text["source"], f"Cataloguing notes: {'; '.join(notes)}."]
    return "\n".join(line for line in lines if line)


def _credit_line(text: str) -> str:
    """The public credit from the record's credit line or attribution, notes taken out."""
    credit = credit_without_notes(text)
    if len(credit) <= _CREDIT_LINE_LENGTH:
        return credit
    return credit[: _CREDIT_LINE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def clean_object(obj: CollectionObject, *, checked_elsewhere: bool = False) -> None:
    """Validate the object's fields, or raise RecordError listing what is wrong.

    ``checked_elsewhere``: a batch has already checked ids, accession numbers, the place
    and the date range for all its records at once, so none is checked again row by row.
    """
    if checked_elsewhere and fits_model_fields(obj, exclude=("place",)):
        return
    try:
        if checked_elsewhere:
            obj.full_clean(exclude=["place"], validate_unique=False, validate_constraints=False)
        else:
            obj.full_clean()
    except ValidationError as exc:
        problems = [
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in exc.message_dict.items()
        ]
        raise RecordError("; ".join(problems)) from None


def wanted_creators(record: ImportRecord) -> list[tuple[str, str, str]]:
    """(name, role, qualifier) of each creator link the record asks for, in order."""
    wanted: list[tuple[str, str, str]] = []
    for credit in parse_creators(record.text["creator"] or None):
        if len(credit.name) > 300:
            raise RecordError(f"creator name '{credit.name[:40]}…' is longer than 300 characters")
        if (credit.name, credit.role) not in [(name, role) for name, role, _ in wanted]:
            wanted.append((credit.name, credit.role[:100], credit.qualifier[:100]))
    return wanted


def _sync_creators(obj: CollectionObject, record: ImportRecord) -> None:
    wanted = wanted_creators(record)
    links = obj.creator_links.select_related("agent")
    if wanted == [(link.agent.name, link.role, link.qualifier) for link in links]:
        return
    obj.creator_links.all().delete()
    for order, (name, role, qualifier) in enumerate(wanted):
        ObjectCreator.objects.create(
            collection_object=obj,
            agent=agent_for_name(name),
            role=role,
            qualifier=qualifier,
            order=order,
        )


def _sync_tags(obj: CollectionObject, names: list[str]) -> None:
    current = sorted(name.lower() for name in obj.tags.values_list("name", flat=True))
    if current != sorted(name.lower() for name in names):
        obj.tags.set(tags_for_names(names))


def _sync_translations(obj: CollectionObject, wanted: dict[str, TranslationSpec] | None) -> None:
    """Make the object's translations those of the record, when the record gives any.

    A translation in the object's own language says nothing a page would show, and would
    shadow nothing, so one left over from an earlier original language is removed too.
    """
    current = {t.language: t for t in obj.translations.all()}
    keep = set(current) if wanted is None else set(wanted)
    for language, translation in current.items():
        if language not in keep or language == obj.language:
            translation.delete()
    for language, spec in (wanted or {}).items():
        translation = current.get(language) or ObjectTranslation(
            collection_object=obj, language=language
        )
        if translation.pk is None or (translation.title, translation.description) != (
            spec.title,
            spec.description,
        ):
            translation.title, translation.description = spec.title, spec.description
            translation.save()


def _sync_image(
    obj: CollectionObject,
    prepared: PreparedFile | None,
    alt_text: str,
    written: list[str],
    result: RecordResult,
) -> ObjectImage | None:
    current = obj.images.filter(order=0).first()
    if prepared is None:
        if current is not None:
            result.stale_files.append(current.original.name)
            result.stale_tiles.append(current.iiif_identifier)
            current.delete()
        return None
    if store_file(source=prepared.source, name=prepared.name):
        written.append(prepared.name)
    image = current or ObjectImage(collection_object=obj, order=0)
    old = (image.original.name, image.width, image.height, image.checksum, image.alt_text)
    new = (prepared.name, prepared.width, prepared.height, prepared.source.checksum, alt_text)
    if old == new and current is not None:
        return image
    if current is not None and current.original.name != prepared.name:
        result.stale_files.append(current.original.name)
    if image.checksum != prepared.source.checksum:
        image.tiles_ready = False  # the old tiles show the old original
    image.original = prepared.name
    image.width, image.height = prepared.width, prepared.height
    image.checksum, image.alt_text = prepared.source.checksum, alt_text
    image.save()
    return image


def _sync_model(
    obj: CollectionObject,
    record: ImportRecord,
    prepared: PreparedFile | None,
    alt_text: str,
    written: list[str],
    result: RecordResult,
) -> None:
    current = obj.models3d.filter(order=0).first()
    if prepared is None:
        if current is not None:
            result.stale_files.append(current.glb.name)
            if current.original:
                result.stale_files.append(current.original.name)
            current.delete()
        return
    if store_file(source=prepared.source, name=prepared.name):
        written.append(prepared.name)
    if prepared.original is not None and store_file(
        source=prepared.original, name=prepared.original_name
    ):
        written.append(prepared.original_name)
    model = current or ObjectModel3D(collection_object=obj, order=0)
    if current is not None and current.glb.name != prepared.name:
        result.stale_files.append(current.glb.name)
    if current is not None and current.original.name not in ("", prepared.original_name):
        result.stale_files.append(current.original.name)
    source = prepared.source
    old = (model.glb.name, model.original.name, model.checksum, model.size_bytes, model.alt_text)
    new = (prepared.name, prepared.original_name, source.checksum, source.size, alt_text)
    if (*old, model.geometry_only) != (*new, prepared.geometry_only) or current is None:
        model.glb, model.original = prepared.name, prepared.original_name
        model.checksum, model.size_bytes = source.checksum, source.size
        model.alt_text, model.geometry_only = alt_text, prepared.geometry_only
        model.save()
    wanted = [(h.position, h.normal, h.label, h.text) for h in record.hotspots]
    current_spots = [(h.position, h.normal, h.label, h.text) for h in model.hotspots.all()]
    if wanted != current_spots:
        model.hotspots.all().delete()
        Hotspot.objects.bulk_create(
            Hotspot(model=model, position=p, normal=n, label=label[:200], text=text, order=i)
            for i, (p, n, label, text) in enumerate(wanted)
        )
        collection_changed()  # bulk_create sends no signal
