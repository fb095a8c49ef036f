"""The guide's records catalogue: built without holding every model instance at once."""

import gc

import pytest

from exhibition.models import CollectionObject
from guide.answering import records
from tests.guide.answering.builders import make_work
from tests.live_objects import live_instances

OBJECTS = 10


def _live_objects() -> int:
    return live_instances(CollectionObject)


def test_the_catalogue_is_read_a_chunk_of_objects_at_a_time(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(OBJECTS):
        make_work(f"Bowl {n}", tags=["bowl"])
    monkeypatch.setattr(records, "BUILD_CHUNK", 2)
    seen: list[int] = []
    build_record = records._record

    def counting(obj: CollectionObject) -> records.GuideRecord:
        seen.append(_live_objects())
        return build_record(obj)

    monkeypatch.setattr(records, "_record", counting)
    records.forget_catalogue()
    gc.collect()
    before = _live_objects()

    found = records.catalogue()

    assert sorted(found.records) == sorted(CollectionObject.objects.values_list("slug", flat=True))
    # A chunk (2) and the next one's first object at most; all six at once without chunks.
    # Two chunks at most (the one read, the one being made); every object without chunks.
    assert max(seen) - before <= 5
