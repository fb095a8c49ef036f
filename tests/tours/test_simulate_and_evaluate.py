"""simulate_visitors writes a log that says it is synthetic; evaluate_recommender measures it."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from exhibition.models import Tag
from tests import builders
from tests.tours.recommending.builders import fresh_recommender, make_embedded, unit

METHODS = {"random", "popularity", "item_knn", "content", "hybrid"}


@pytest.fixture(autouse=True)
def _fresh_recommender(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh_recommender(monkeypatch)


@pytest.fixture
def small_collection(db: None) -> None:
    """Objects the personas tell apart by their records: Dutch paintings, Japanese prints,
    Egyptian antiquities, photographs."""
    egypt, japan = Tag.objects.create(name="egypt"), Tag.objects.create(name="japan")
    for i in range(6):
        make_embedded(
            unit(1, 0.1 * i, 0, 0), culture="Dutch Republic", date_start=1650 + i, date_end=1650 + i
        )
        obj = make_embedded(unit(0, 1, 0.1 * i, 0), culture="Japan", object_type="print")
        obj.tags.add(japan)
        obj = make_embedded(
            unit(0, 0, 1, 0.1 * i), culture="Egypt (Giza)", date_start=-2500, date_end=-2500
        )
        obj.tags.add(egypt)
        make_embedded(
            unit(0.1 * i, 0, 0, 1), object_type="photograph", date_start=1860, date_end=1860
        )
    builders.make_object(title="No vector at all")


def test_the_simulated_log_declares_itself_synthetic(small_collection, tmp_path) -> None:
    out = tmp_path / "visitors.jsonl"
    call_command(
        "simulate_visitors", "--visitors", "30", "--seed", "4", "--out", str(out), stdout=StringIO()
    )
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines[0]["synthetic"] is True
    assert lines[0]["visitors"] == 30 and lines[0]["seed"] == 4
    assert "never by embeddings" in lines[0]["description"]
    assert sum(1 for line in lines if line.get("type") == "visitor") == 30
    assert {line["kind"] for line in lines if line.get("type") == "interaction"} >= {"view", "like"}


def test_the_same_seed_gives_the_same_visitors(small_collection, tmp_path) -> None:
    logs = []
    for name in ("a", "b"):
        out = tmp_path / f"{name}.jsonl"
        call_command(
            "simulate_visitors",
            "--visitors",
            "10",
            "--seed",
            "9",
            "--out",
            str(out),
            stdout=StringIO(),
        )
        logs.append(out.read_text().splitlines()[1:])  # the header holds the time it was made
    assert logs[0] == logs[1]


def test_evaluation_prints_each_method_as_json(small_collection, tmp_path) -> None:
    out = tmp_path / "visitors.jsonl"
    call_command(
        "simulate_visitors",
        "--visitors",
        "120",
        "--seed",
        "1",
        "--out",
        str(out),
        stdout=StringIO(),
    )
    printed = StringIO()
    call_command("evaluate_recommender", "--log", str(out), "--json", stdout=printed)
    result = json.loads(printed.getvalue())
    assert set(result) == {"methods", "visitors"}
    assert set(result["methods"]) == METHODS
    for figures in result["methods"].values():
        assert set(figures) == {"ndcg@10", "recall@10", "coverage"}
        assert all(0.0 <= value <= 1.0 for value in figures.values())
    assert result["visitors"] > 0
    methods = result["methods"]
    # On a collection where taste follows the records, knowing the visitor beats chance.
    assert methods["hybrid"]["ndcg@10"] > methods["random"]["ndcg@10"]
    assert methods["content"]["ndcg@10"] > methods["random"]["ndcg@10"]


def test_evaluation_without_a_log_says_how_to_make_one(db, tmp_path) -> None:
    with pytest.raises(CommandError, match="simulate_visitors"):
        call_command("evaluate_recommender", "--log", str(tmp_path / "none.jsonl"))


@pytest.mark.parametrize("visitors", ["0", "100001"])
def test_simulation_refuses_a_number_of_visitors_out_of_range(db, visitors, tmp_path) -> None:
    with pytest.raises(CommandError, match="--visitors"):
        call_command("simulate_visitors", "--visitors", visitors, "--out", str(tmp_path / "x"))
