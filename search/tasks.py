"""Celery tasks for search: thin wrappers over services. With no broker they run in-process."""

from celery import shared_task

from search.indexing import object_search_refresh, object_unindex


@shared_task
def embed_object(collection_object_id: int) -> list[str]:
    """Re-embed one object if its record, image or the encoders changed; update the indexes."""
    return sorted(object_search_refresh(collection_object_id=collection_object_id))


@shared_task
def unindex_object(collection_object_id: int) -> None:
    """Take a deleted object out of every vector index (its embeddings went with it)."""
    object_unindex(collection_object_id=collection_object_id)


@shared_task
def embed_chunk(first_id: int, last_id: int, *, force: bool = False, run: str = "") -> None:
    """Embed the objects with ids first..last (one chunk of `embed_collection`); report it."""
    from search.bulk_embedding import embed_id_range, record_chunk

    outcome = embed_id_range(first_id=first_id, last_id=last_id, force=force)
    if run:
        record_chunk(run=run, outcome=outcome)
