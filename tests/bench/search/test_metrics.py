import math

import pytest

from bench.search.evaluation.metrics import ndcg_at_k, recall_at_k, reciprocal_rank


def test_ndcg_is_one_for_the_ideal_ranking() -> None:
    assert ndcg_at_k(["a", "b", "x"], {"a": 1, "b": 1}) == pytest.approx(1.0)


def test_ndcg_by_hand_with_binary_grades() -> None:
    # relevant at ranks 2 and 3: (1/log2 3 + 1/log2 4) / (1 + 1/log2 3)
    expected = (1 / math.log2(3) + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    assert ndcg_at_k(["x", "a", "b"], {"a": 1, "b": 1}) == pytest.approx(expected)


def test_ndcg_uses_exponential_gain_for_grades() -> None:
    # grade 2 at rank 2, grade 1 at rank 1: DCG = 1 + 3/log2 3; ideal = 3 + 1/log2 3
    expected = (1 + 3 / math.log2(3)) / (3 + 1 / math.log2(3))
    assert ndcg_at_k(["b", "a"], {"a": 2, "b": 1}) == pytest.approx(expected)


def test_ndcg_only_counts_the_first_k() -> None:
    assert ndcg_at_k(["x", "a"], {"a": 1}, k=1) == 0.0


def test_recall_counts_relevant_found_in_top_k() -> None:
    assert recall_at_k(["a", "x", "b"], {"a": 1, "b": 1, "c": 1}, k=2) == pytest.approx(1 / 3)


def test_reciprocal_rank_of_first_relevant() -> None:
    assert reciprocal_rank(["x", "y", "a"], {"a": 1}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], {"a": 1}) == 0.0
