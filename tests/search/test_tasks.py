"""Import and deletion keep embeddings and the vector indexes in step, through the tasks."""

from typing import Any

import numpy as np
import pytest

from exhibition.models import CollectionObject, Visibility
from exhibition.signals import collection_object_changed, collection_object_deleted
from search.index import load_index
from search.models import Embedding
from search.tasks import embed_object
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _embedding_on_change(settings: Any) -> None:
    settings.SEARCH_EMBED_ON_CHANGE = True


def found(space: str, object_id: int) -> bool:
    from search.embeddings import object_vector

    index = load_index(space)
    vector = object_vector(collection_object_id=object_id, space=space)
    if index is None or vector is None:
        return False
    _, ids = index.search(vector[None, :], 1)
    return int(ids[0, 0]) == object_id


def test_an_imported_object_is_embedded_and_findable(
    django_capture_on_commit_callbacks: Any,
) -> None:
    obj = builders.make_object(title="Skaters on a frozen pond")
    builders.add_image(obj)
    with django_capture_on_commit_callbacks(execute=True):
        collection_object_changed.send(
            sender=CollectionObject, collection_object=obj, reason="imported"
        )
    assert set(Embedding.objects.filter(collection_object=obj).values_list("space", flat=True)) == {
        "joint",
        "text",
        "heading",
        "visual",
    }
    assert all(found(space, obj.pk) for space in ("joint", "text", "heading", "visual"))


def test_an_object_made_restricted_leaves_the_indexes(
    django_capture_on_commit_callbacks: Any,
) -> None:
    obj = builders.make_object()
    builders.add_image(obj)
    other = builders.make_object(title="Still here")
    embed_object.delay(obj.pk)
    embed_object.delay(other.pk)
    obj.visibility = Visibility.RESTRICTED
    obj.save()
    with django_capture_on_commit_callbacks(execute=True):
        collection_object_changed.send(
            sender=CollectionObject, collection_object=obj, reason="admin"
        )
    assert not Embedding.objects.filter(collection_object=obj).exists()
    index = load_index("text")
    assert index is not None
    query = np.ones((1, 384), dtype=np.float32) / np.sqrt(384)
    _, ids = index.search(query, 5)
    assert obj.pk not in ids[0].tolist() and other.pk in ids[0].tolist()


def test_a_deleted_object_leaves_the_indexes(django_capture_on_commit_callbacks: Any) -> None:
    obj = builders.make_object()
    other = builders.make_object()
    embed_object.delay(obj.pk)
    embed_object.delay(other.pk)
    object_id = obj.pk
    obj.delete()
    with django_capture_on_commit_callbacks(execute=True):
        collection_object_deleted.send(sender=CollectionObject, object_id=object_id, slug="x")
    index = load_index("text")
    assert index is not None
    _, ids = index.search(np.ones((1, 384), dtype=np.float32) / np.sqrt(384), 5)
    assert object_id not in ids[0].tolist()


def test_no_embedding_on_change_when_switched_off(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.SEARCH_EMBED_ON_CHANGE = False
    obj = builders.make_object()
    with django_capture_on_commit_callbacks(execute=True):
        collection_object_changed.send(sender=CollectionObject, collection_object=obj, reason="x")
    assert not Embedding.objects.filter(collection_object=obj).exists()


def test_embedding_a_vanished_object_is_harmless() -> None:
    assert embed_object.delay(987654).get() == ["heading", "joint", "text", "visual"]
