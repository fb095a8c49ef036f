"""Embedding a whole collection in chunks (tasks, resumable) and index builds that stream
the stored embeddings instead of reading them all at once."""

from io import StringIO
from typing import Any

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.db.models.query import QuerySet

from exhibition.models import Visibility
from search import bulk_embedding, embeddings
from search.bulk_embedding import collection_embed, object_id_ranges
from search.embeddings import embedding_matrix
from search.indexing import space_rebuild
from search.models import Embedding
from search.tasks import embed_chunk
from tests.builders import make_object

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_embedding_on_save(settings: Any) -> None:
    settings.SEARCH_EMBED_ON_CHANGE = False  # the command does the embedding here


def embed(*args: str) -> str:
    out = StringIO()
    call_command("embed_collection", "--chunk-size", "2", *args, stdout=out)
    return out.getvalue()


def test_chunks_cover_every_object_once_in_id_order() -> None:
    ids = [make_object().pk for _ in range(5)]
    ranges = list(object_id_ranges(chunk_size=2))
    assert ranges == [(ids[0], ids[1]), (ids[2], ids[3]), (ids[4], ids[4])]


def test_a_second_run_embeds_nothing_and_an_edited_object_is_embedded_again() -> None:
    objects = [make_object(title=f"Lighthouse {n}") for n in range(3)]
    assert "embedded 3, unchanged 0, removed 0" in embed()
    assert Embedding.objects.count() == 3 * 2  # record text and heading (no images)
    before = dict(Embedding.objects.values_list("pk", "updated_at"))

    assert "embedded 0, unchanged 3" in embed()  # resumed: nothing is left to do
    assert dict(Embedding.objects.values_list("pk", "updated_at")) == before

    edited = objects[1]
    edited.title = "Lighthouse at dusk"
    edited.save()
    assert "embedded 1, unchanged 2" in embed()
    rewritten = Embedding.objects.filter(collection_object=edited)
    assert all(row.updated_at > before[row.pk] for row in rewritten)
    others = Embedding.objects.exclude(collection_object=edited)
    assert all(row.updated_at == before[row.pk] for row in others)


def test_an_object_no_longer_public_loses_its_embeddings_in_its_chunk() -> None:
    kept, hidden = make_object(title="Harbour"), make_object(title="Harbour at night")
    embed()
    hidden.visibility = Visibility.RESTRICTED
    hidden.save()
    assert "removed 1" in embed()
    assert not Embedding.objects.filter(collection_object=hidden).exists()
    assert Embedding.objects.filter(collection_object=kept).count() == 2


def test_each_chunk_is_a_task_that_reports_to_the_run() -> None:
    for n in range(5):
        make_object(title=f"Ship {n}")
    summary = collection_embed(send=embed_chunk.delay, chunk_size=2)
    assert summary.queued == 3 and summary.complete
    assert (summary.progress.chunks, summary.progress.embedded) == (3, 5)


def test_the_command_stops_waiting_when_no_worker_reports(monkeypatch: Any) -> None:
    make_object(title="Ship")
    # A broker with no worker behind it: tasks are queued and nothing ever runs them.
    monkeypatch.setattr(embed_chunk, "delay", lambda *args, **kwargs: None)
    monkeypatch.setattr(bulk_embedding, "_POLL_SECONDS", 0.01)
    with pytest.raises(CommandError, match="Run embed_collection again"):
        embed("--stall-seconds", "0.05")
    assert not Embedding.objects.exists()


def _store_synthetic(count: int, dim: int = 8) -> dict[int, np.ndarray]:
    """Stored 'text' embeddings with made-up unit vectors (no encoder needed to stream them)."""
    rng = np.random.default_rng(0)
    vectors = {}
    for _ in range(count):
        obj = make_object()
        vector = rng.standard_normal(dim).astype(np.float32)
        vector /= np.linalg.norm(vector)
        vectors[obj.pk] = vector
        Embedding.objects.create(
            collection_object=obj,
            space="text",
            encoder="synthetic",
            encoder_version="1",
            input_checksum="-",
            dim=dim,
            vector=vector.astype("<f4").tobytes(),
        )
    return vectors


def test_an_index_build_streams_the_embeddings_in_chunks(monkeypatch: Any) -> None:
    vectors = _store_synthetic(5)
    hidden = make_object(visibility=Visibility.DRAFT)
    Embedding.objects.create(
        collection_object=hidden, space="text", encoder="synthetic", encoder_version="1",
        input_checksum="-", dim=8, vector=np.ones(8, "<f4").tobytes(),
    )  # fmt: skip
    monkeypatch.setattr(embeddings, "STREAM_CHUNK", 2)
    chunk_sizes: list[int | None] = []
    iterator = QuerySet.iterator

    def spy(queryset: QuerySet[Any], chunk_size: int | None = None) -> Any:
        chunk_sizes.append(chunk_size)
        return iterator(queryset, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    ids, matrix = embedding_matrix("text")
    assert chunk_sizes == [2]  # read two rows at a time, never all of them in a list
    assert ids.tolist() == sorted(vectors)  # the draft object is left out
    assert np.allclose(matrix, np.stack([vectors[i] for i in ids.tolist()]))
    index = space_rebuild(space="text")
    assert index.ntotal == 5
    first = ids[0]
    _, found = index.search(vectors[int(first)][None, :], 1)
    assert int(found[0, 0]) == first


def test_the_most_common_encoder_wins_when_two_are_stored() -> None:
    _store_synthetic(3, dim=8)
    odd = make_object()
    Embedding.objects.create(
        collection_object=odd, space="text", encoder="other", encoder_version="1",
        input_checksum="-", dim=4, vector=np.ones(4, "<f4").tobytes(),
    )  # fmt: skip
    ids, matrix = embedding_matrix("text")
    assert matrix.shape == (3, 8) and odd.pk not in ids.tolist()
