"""Computing, storing and reading the embeddings search ranks by.

Spaces: "text" (the record's whole text in MiniLM's space), "heading" (its title, creators,
type and tags alone, same space), "joint" (the image in the space text queries are compared
in: MiniLM's for ConSE, CLIP's for CLIP) and "visual" (purely visual, for photo search and
"more like this"). Only public objects have embeddings.
"""

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from django.db import transaction
from django.db.models import Count

from exhibition.models import CollectionObject, ObjectImage
from exhibition.page_cache import collection_changed
from exhibition.selectors import public_objects
from search.encoders.base import Concept
from search.models import Embedding, EmbeddingSpace

if TYPE_CHECKING:
    from PIL import Image

    from search.encoders.base import ImageEncoding

SPACES: tuple[str, ...] = tuple(EmbeddingSpace.values)
TEXT_SPACES = (EmbeddingSpace.TEXT.value, EmbeddingSpace.HEADING.value)
IMAGE_SPACES = (EmbeddingSpace.JOINT.value, EmbeddingSpace.VISUAL.value)
# Large enough for the encoders' views (224-px tiles of 60% of the image) to stay sharp.
IMAGE_DECODE_SIDE = 1024


def _title_only(fields: str) -> bool:
    if fields not in ("all", "title"):
        raise ValueError(f"fields must be 'all' or 'title', not {fields!r}")
    return fields == "title"


def _joined(parts: Sequence[str]) -> str:
    return ". ".join(part.strip() for part in parts if part and part.strip())


def _creators(obj: CollectionObject) -> str:
    return ", ".join(link.agent.name for link in obj.creator_links.all())


def _tags(obj: CollectionObject) -> str:
    return ", ".join(tag.name for tag in obj.tags.all())


def record_text(obj: CollectionObject, *, fields: str = "all") -> str:
    """The text a record is searched by: its title only, or everything a visitor reads."""
    if _title_only(fields):
        return obj.title.strip()
    place = obj.place.name if obj.place_id and obj.place else ""
    return _joined(
        [
            obj.title,
            _creators(obj),
            obj.date_display,
            obj.object_type,
            obj.culture,
            place,
            obj.medium,
            obj.description,
            _tags(obj),
        ]
    )


def record_heading(obj: CollectionObject, *, fields: str = "all") -> str:
    """What a record is about in a few words: title, creators, object type and tags.

    Embedded as a whole, a record's description dilutes these among its sentences: a short
    query ("helmet", "dancers") is closer to the heading, a longer one to the whole text.
    The record-text channel ranks each record by the closer of its two vectors.
    """
    if _title_only(fields):
        return obj.title.strip()
    return _joined([obj.title, _creators(obj), obj.object_type, _tags(obj)])


TEXT_OF_SPACE = {"text": record_text, "heading": record_heading}


def text_checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def primary_image(obj: CollectionObject) -> ObjectImage | None:
    """The image that stands for the object in search: its first."""
    return obj.images.order_by("order", "pk").first()


def object_embed(*, collection_object: CollectionObject, force: bool = False) -> set[str]:
    """Bring one object's embeddings up to date; returns the spaces written or deleted."""
    return objects_embed(collection_objects=[collection_object], force=force)[collection_object.pk]


def objects_embed(
    *, collection_objects: Sequence[CollectionObject], force: bool = False
) -> dict[int, set[str]]:
    """Like ``object_embed`` for many objects, batching the text encoder."""
    changed: dict[int, set[str]] = {obj.pk: set() for obj in collection_objects}
    public = [obj for obj in collection_objects if obj.is_public]
    for obj in collection_objects:
        if not obj.is_public:
            changed[obj.pk] |= embeddings_delete(collection_object_id=obj.pk)
    stored = _stored_rows([obj.pk for obj in public])
    for pk, space in _embed_texts(public, stored, force=force):
        changed[pk].add(space)
    for obj in public:
        changed[obj.pk] |= _embed_image(obj, stored, force=force)
    if any(changed.values()):
        collection_changed()  # concepts held per version and cached pages follow embeddings
    return changed


def embeddings_delete(*, collection_object_id: int, spaces: Sequence[str] = SPACES) -> set[str]:
    rows = Embedding.objects.filter(collection_object_id=collection_object_id, space__in=spaces)
    deleted = set(rows.values_list("space", flat=True))
    rows.delete()
    return deleted


def _stored_rows(object_ids: list[int]) -> dict[tuple[int, str], tuple[str, str, str]]:
    rows = Embedding.objects.filter(collection_object_id__in=object_ids).values_list(
        "collection_object_id", "space", "encoder", "encoder_version", "input_checksum"
    )
    return {(pk, space): (enc, ver, checksum) for pk, space, enc, ver, checksum in rows}


def _embed_texts(
    objects: list[CollectionObject],
    stored: dict[tuple[int, str], tuple[str, str, str]],
    *,
    force: bool,
) -> list[tuple[int, str]]:
    """Embed the texts of every text space that changed, in one batch; (pk, space) written."""
    from search.encoders import get_text_encoder

    encoder = get_text_encoder()
    pending = []
    for obj in objects:
        for space in TEXT_SPACES:
            text = TEXT_OF_SPACE[space](obj)
            key = (encoder.name, encoder.version, text_checksum(text))
            if force or stored.get((obj.pk, space)) != key:
                pending.append((obj, space, text))
    if not pending:
        return []
    vectors = encoder.encode([text for _, _, text in pending])
    _store_rows(
        [
            _row(obj, space, encoder.name, encoder.version, text_checksum(text), vector, [])
            for (obj, space, text), vector in zip(pending, vectors, strict=True)
        ]
    )
    return [(obj.pk, space) for obj, space, _ in pending]


def _embed_image(
    obj: CollectionObject, stored: dict[tuple[int, str], tuple[str, str, str]], *, force: bool
) -> set[str]:
    image = primary_image(obj)
    if image is None or not image.checksum:
        # Nothing to see: an object known only by its record (or a 3D model) has no image rows.
        return embeddings_delete(collection_object_id=obj.pk, spaces=IMAGE_SPACES)
    from search.encoders import get_image_encoder

    encoder = get_image_encoder()
    key = (encoder.name, encoder.version, image.checksum)
    expected = IMAGE_SPACES if encoder.visual_dim else ("joint",)
    if not force and all(stored.get((obj.pk, space)) == key for space in expected):
        return set()
    encoding = encoder.encode_images([_open_image(image)])[0]
    return _store_image(obj, encoder.name, encoder.version, image.checksum, encoding)


def _open_image(image: ObjectImage) -> "Image.Image":
    from PIL import Image

    with image.original.open("rb") as handle:
        picture = Image.open(handle)
        # JPEGs decode at a reduced scale when the encoder needs far fewer pixels.
        picture.draft("RGB", (IMAGE_DECODE_SIDE, IMAGE_DECODE_SIDE))
        picture.load()
    return picture


@transaction.atomic
def _store_image(
    obj: CollectionObject, name: str, version: str, checksum: str, encoding: "ImageEncoding"
) -> set[str]:
    concepts = [[c.label, round(c.score, 4)] for c in encoding.concepts]
    rows = [_row(obj, "joint", name, version, checksum, encoding.joint, concepts)]
    if encoding.visual is None:
        embeddings_delete(collection_object_id=obj.pk, spaces=("visual",))
    else:
        rows.append(_row(obj, "visual", name, version, checksum, encoding.visual, []))
    _store_rows(rows)
    return set(IMAGE_SPACES)


# What a stored embedding's row is rewritten with when its input or encoder changed.
_STORED_FIELDS = [
    "encoder",
    "encoder_version",
    "input_checksum",
    "dim",
    "vector",
    "concepts",
    "updated_at",
]


def _row(
    obj: CollectionObject,
    space: str,
    encoder: str,
    version: str,
    checksum: str,
    vector: np.ndarray,
    concepts: list[list[object]],
) -> Embedding:
    data = np.ascontiguousarray(vector, dtype="<f4")
    return Embedding(
        collection_object=obj,
        space=space,
        encoder=encoder,
        encoder_version=version,
        input_checksum=checksum,
        dim=int(data.shape[0]),
        vector=data.tobytes(),
        concepts=concepts,
    )


def _store_rows(rows: list[Embedding]) -> None:
    """Insert or replace these (object, space) rows in one statement per 500."""
    Embedding.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["collection_object", "space"],
        update_fields=_STORED_FIELDS,
    )


# Stored vectors read per round trip by `embedding_matrix`: an index build at a million
# objects never holds the rows (or a list of their vectors) besides the matrix it fills.
STREAM_CHUNK = 2000


def embedding_matrix(space: str) -> tuple[np.ndarray, np.ndarray]:
    """(ids int64 (n,), vectors float32 (n, d)) of the public objects embedded in ``space``.

    Rows from another encoder (say, left over after switching to CLIP) are left out, so
    the matrix always has one width: the encoder most rows came from wins. The rows are
    streamed (STREAM_CHUNK at a time) into a matrix sized by a count first.
    """
    if space not in SPACES:
        raise ValueError(f"Unknown space {space!r}; expected one of {SPACES}")
    rows = Embedding.objects.filter(space=space, collection_object__in=public_objects())
    widest = (
        rows.order_by()
        .values_list("encoder", "dim")
        .annotate(count=Count("pk"))
        .order_by("-count", "encoder", "dim")
        .first()
    )
    if widest is None:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
    encoder, dim, count = widest
    ids = np.empty(count, dtype=np.int64)
    vectors = np.empty((count, dim), dtype=np.float32)
    filled = 0
    stream = (
        rows.filter(encoder=encoder, dim=dim)
        .order_by("collection_object_id")
        .values_list("collection_object_id", "vector")
        .iterator(chunk_size=STREAM_CHUNK)
    )
    for object_id, vector in stream:
        if filled == count:
            break  # embedded since the count: the next build takes it
        ids[filled] = object_id
        vectors[filled] = np.frombuffer(bytes(vector), dtype="<f4")
        filled += 1
    return ids[:filled], vectors[:filled]


def stored_vectors(*, space: str, object_ids: Sequence[int]) -> dict[int, np.ndarray]:
    """The stored vectors of these public objects in ``space``, in one query."""
    rows = Embedding.objects.filter(
        collection_object_id__in=list(object_ids),
        space=space,
        collection_object__in=public_objects(),
    ).values_list("collection_object_id", "vector")
    return {
        oid: np.frombuffer(bytes(vector), dtype="<f4").astype(np.float32) for oid, vector in rows
    }


def object_vector(*, collection_object_id: int, space: str) -> np.ndarray | None:
    row = (
        Embedding.objects.filter(
            collection_object_id=collection_object_id,
            space=space,
            collection_object__in=public_objects(),
        )
        .values_list("vector", flat=True)
        .first()
    )
    return None if row is None else np.frombuffer(bytes(row), dtype="<f4").astype(np.float32)


def object_concepts(*, collection_object_id: int) -> list[Concept]:
    """The visual concepts the image encoder saw in the object's image, best first."""
    row = (
        Embedding.objects.filter(
            collection_object_id=collection_object_id,
            space=EmbeddingSpace.JOINT,
            collection_object__in=public_objects(),
        )
        .values_list("concepts", flat=True)
        .first()
    )
    return [Concept(label=str(label), score=float(score)) for label, score in row or []]
