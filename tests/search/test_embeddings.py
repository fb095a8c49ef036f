"""Stored embeddings: computed once, recomputed only when the input or encoder changes."""

import numpy as np
import pytest

from exhibition.models import CollectionObject, Tag, Visibility
from search.embeddings import (
    embedding_matrix,
    object_concepts,
    object_embed,
    object_vector,
    record_heading,
    record_text,
)
from search.models import Embedding
from tests import builders

pytestmark = pytest.mark.django_db


def pictured(**fields: object) -> CollectionObject:
    obj = builders.make_object(**fields)
    builders.add_image(obj, width=120, height=90)
    return obj


def test_a_public_object_with_an_image_gets_every_space() -> None:
    obj = pictured(title="Ships in a storm")
    assert object_embed(collection_object=obj) == {"joint", "text", "heading", "visual"}
    rows = {row.space: row for row in Embedding.objects.filter(collection_object=obj)}
    assert rows["text"].dim == 384 and rows["joint"].dim == 384 and rows["visual"].dim == 1280
    assert rows["text"].encoder == "all-MiniLM-L6-v2"
    assert rows["joint"].input_checksum == obj.images.get().checksum
    vector = object_vector(collection_object_id=obj.pk, space="text")
    assert vector is not None and np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)
    assert len(object_concepts(collection_object_id=obj.pk)) == 5


def test_embedding_again_without_changes_recomputes_nothing() -> None:
    obj = pictured()
    object_embed(collection_object=obj)
    before = dict(Embedding.objects.filter(collection_object=obj).values_list("space", "vector"))
    assert object_embed(collection_object=obj) == set()
    assert object_embed(collection_object=obj, force=True) == {
        "joint",
        "text",
        "heading",
        "visual",
    }
    after = dict(Embedding.objects.filter(collection_object=obj).values_list("space", "vector"))
    assert {k: bytes(v) for k, v in after.items()} == {k: bytes(v) for k, v in before.items()}


def test_an_edited_description_recomputes_only_the_record_text() -> None:
    obj = pictured(title="A harbour")
    object_embed(collection_object=obj)
    old = object_vector(collection_object_id=obj.pk, space="text")
    obj.description = "Fishing boats at dawn, nets drying on the quay."
    obj.save()
    assert object_embed(collection_object=obj) == {"text"}
    new = object_vector(collection_object_id=obj.pk, space="text")
    assert old is not None and new is not None and not np.allclose(old, new)


def test_an_object_without_an_image_has_only_text_embeddings() -> None:
    obj = builders.make_object()
    assert object_embed(collection_object=obj) == {"text", "heading"}
    assert object_vector(collection_object_id=obj.pk, space="joint") is None


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_hiding_an_object_deletes_its_embeddings(visibility: str) -> None:
    obj = pictured()
    object_embed(collection_object=obj)
    obj.visibility = visibility
    obj.save()
    assert object_embed(collection_object=obj) == {"joint", "text", "heading", "visual"}
    assert not Embedding.objects.filter(collection_object=obj).exists()


def test_the_matrix_holds_public_objects_only() -> None:
    shown, hidden = builders.make_object(), builders.make_object()
    object_embed(collection_object=shown)
    object_embed(collection_object=hidden)
    CollectionObject.objects.filter(pk=hidden.pk).update(visibility=Visibility.RESTRICTED)
    ids, vectors = embedding_matrix("text")
    assert ids.tolist() == [shown.pk]
    assert vectors.shape == (1, 384) and vectors.dtype == np.float32
    assert object_vector(collection_object_id=hidden.pk, space="text") is None


def test_an_empty_space_gives_an_empty_matrix() -> None:
    ids, vectors = embedding_matrix("visual")
    assert ids.shape == (0,) and vectors.shape[0] == 0


def test_an_unknown_space_is_refused() -> None:
    with pytest.raises(ValueError, match="space"):
        embedding_matrix("audio")


def test_record_text_reads_the_record_or_only_its_title() -> None:
    painter = builders.make_agent("Hokusai")
    obj = builders.make_object(
        title="The Great Wave", creator=painter, culture="Japanese", description="A huge wave."
    )
    obj.tags.add(Tag.objects.create(name="sea"))
    text = record_text(obj)
    assert all(
        part in text for part in ("The Great Wave", "Hokusai", "Japanese", "huge wave", "sea")
    )
    assert record_text(obj, fields="title") == "The Great Wave"
    with pytest.raises(ValueError):
        record_text(obj, fields="tags")


def test_the_heading_is_title_creators_type_and_tags_without_the_description() -> None:
    painter = builders.make_agent("Hokusai")
    obj = builders.make_object(
        title="The Great Wave", creator=painter, object_type="print", description="A huge wave."
    )
    obj.tags.add(Tag.objects.create(name="sea"))
    assert record_heading(obj) == "The Great Wave. Hokusai. print. sea"
    assert record_heading(obj, fields="title") == "The Great Wave"


def test_a_new_tag_recomputes_both_text_spaces_but_not_the_image() -> None:
    obj = pictured(title="A harbour")
    object_embed(collection_object=obj)
    obj.tags.add(Tag.objects.create(name="boats"))
    assert object_embed(collection_object=obj) == {"text", "heading"}


@pytest.mark.django_db(transaction=True)
def test_new_embeddings_move_the_collection_version_on_and_unchanged_ones_do_not() -> None:
    # Concepts held per version and cached pages' "More like this" follow the embeddings.
    from exhibition.page_cache import collection_version

    obj = pictured()
    before = collection_version()
    object_embed(collection_object=obj)
    embedded = collection_version()
    assert embedded > before
    object_embed(collection_object=obj)
    assert collection_version() == embedded
