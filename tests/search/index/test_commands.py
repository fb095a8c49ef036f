import json
from io import StringIO

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from search.index import load_index


def test_bench_search_synthetic_reports_exact_recall_and_each_setting() -> None:
    out = StringIO()

    call_command(
        "bench_search",
        "--synthetic",
        "2000",
        "--queries",
        "50",
        "--kinds",
        "hnsw,flat",
        "--json",
        stdout=out,
    )

    report = json.loads(out.getvalue())
    kinds = [row["kind"] for row in report["kinds"]]
    assert report["vectors"] == 2000 and report["queries"] == 50
    assert kinds[0] == "flat" and set(kinds) == {"flat", "hnsw"}
    assert report["kinds"][0]["recall_at_10"] == 1.0
    assert all(row["recall_at_10"] >= 0.9 for row in report["kinds"])
    assert all(row["p95_ms"] >= row["p50_ms"] > 0 for row in report["kinds"])
    # One edit per kind, timed against publishing the whole index (what an edit used to cost).
    updates = {row["kind"]: row for row in report["updates"]}
    assert set(updates) == {"flat", "hnsw"}
    for row in updates.values():
        assert row["upsert_ms"] > 0 and row["publish_ms"] > 0
        assert row["upsert_vs_publish"] == pytest.approx(row["upsert_ms"] / row["publish_ms"])
        assert row["upsert_bytes"] * 100 < row["publish_bytes"]  # a record, not the index


@pytest.mark.parametrize(
    "args", [["--synthetic", "5"], ["--synthetic", "2000", "--kinds", "annoy"]]
)
def test_bench_search_refuses_bad_arguments_with_a_message(args) -> None:
    with pytest.raises(CommandError):
        call_command("bench_search", *args, stdout=StringIO())


def _embed(obj, space: str, vector: np.ndarray) -> None:
    from search.models import Embedding

    Embedding.objects.create(
        collection_object=obj,
        space=space,
        encoder="test",
        encoder_version="1",
        input_checksum="0" * 64,
        dim=vector.shape[0],
        vector=vector.astype("<f4").tobytes(),
    )


def test_build_search_index_publishes_public_objects_only(db, vectors) -> None:
    from exhibition.models import Visibility
    from tests import builders

    public = [builders.make_object() for _ in range(3)]
    hidden = [
        builders.make_object(visibility=Visibility.RESTRICTED),
        builders.make_object(visibility=Visibility.DRAFT),
    ]
    for row, obj in enumerate(public + hidden):
        _embed(obj, "text", vectors[row])
        _embed(obj, "joint", vectors[100 + row])
    out = StringIO()

    call_command("build_search_index", stdout=out)

    text = load_index("text")
    assert sorted(text.labels.tolist()) == sorted(obj.pk for obj in public)
    assert text.search(vectors[1:2], 1)[1][0, 0] == public[1].pk
    assert load_index("joint").ntotal == 3
    assert load_index("visual") is None  # nothing embedded there: no index, a notice upstream
    assert "Search indexes published." in out.getvalue()
    assert "visual  no vectors" in out.getvalue()


def test_bench_search_on_the_collection_asks_for_an_index_first(db) -> None:
    with pytest.raises(CommandError, match="build_search_index"):
        call_command("bench_search", stdout=StringIO())
