import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from bench.search.evaluation.queries import QueryFileError, read_queries
from search.embeddings import object_embed
from search.indexing import rebuild_indexes
from search.keyword import rebuild_keyword_index
from tests import builders


def test_grades_default_to_one_and_can_be_given(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(
        '{"query": "ship", "relevant": ["a", "b"], "grades": {"b": 2}}\n\n', encoding="utf-8"
    )
    (query,) = read_queries(path)
    assert query.grades == {"a": 1.0, "b": 2.0}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 1: invalid JSON"),
        ('{"query": "", "relevant": []}', "'query'"),
        ('{"query": "x", "relevant": "a"}', "'relevant'"),
        ('{"query": "x", "relevant": [], "grades": {"a": "high"}}', "'grades'"),
    ],
)
def test_a_bad_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(QueryFileError, match=message):
        read_queries(path)


@pytest.mark.django_db
def test_command_prints_the_issue_json_shape_for_both_conditions(tmp_path: Path) -> None:
    ship = builders.make_object(title="Ships in a storm", description="Sailing ships at sea.")
    dog = builders.make_object(title="A sleeping dog", description="A dog by the fire.")
    for obj in (ship, dog):
        builders.add_image(obj)
        object_embed(collection_object=obj)
    rebuild_indexes()
    rebuild_keyword_index()
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"query": "ship", "relevant": [ship.slug]}) + "\n")
    for fields in ("all", "title"):
        out = StringIO()
        call_command(
            "evaluate_search",
            "--queries",
            str(path),
            "--record-fields",
            fields,
            "--json",
            stdout=out,
        )
        report = json.loads(out.getvalue())
        assert set(report["methods"]) == {"keyword", "text", "visual", "hybrid"}
        assert report["methods"]["keyword"] == {"ndcg@10": 1.0, "recall@10": 1.0, "mrr": 1.0}
        assert set(report["latency_ms"]) == {"p50", "p95"}
        assert report["queries"] == 1
        assert report["record_fields"] == fields


@pytest.mark.django_db
def test_command_says_what_to_do_without_an_index(tmp_path: Path) -> None:
    builders.make_object(title="Ship")
    path = tmp_path / "q.jsonl"
    path.write_text('{"query": "ship", "relevant": ["x"]}\n')
    with pytest.raises(CommandError, match="build_search_index"):
        call_command("evaluate_search", "--queries", str(path))
