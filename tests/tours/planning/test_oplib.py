"""The OPLib reader: every distance type against hand-computed TSPLIB values, and bad files."""

import pytest

from tours.planning.oplib import MAX_NODES, parse_oplib
from tours.planning.problem import ProblemError


def coordinates(kind: str, points: list[tuple[float, float]], budget: int = 100) -> str:
    rows = "\n".join(f"{i} {x} {y}" for i, (x, y) in enumerate(points, start=1))
    scores = "\n".join(f"{i} {i * 10}" for i in range(1, len(points) + 1))
    return (
        f"NAME : tiny\nTYPE : OP\nDIMENSION : {len(points)}\nCOST_LIMIT : {budget}\n"
        f"EDGE_WEIGHT_TYPE : {kind}\nNODE_COORD_SECTION\n{rows}\n"
        f"NODE_SCORE_SECTION\n{scores}\nDEPOT_SECTION\n1\n-1\nEOF\n"
    )


def explicit(layout: str, numbers: str, size: int = 3) -> str:
    scores = "\n".join(f"{i} 1" for i in range(1, size + 1))
    return (
        f"NAME: m\nTYPE: OP\nDIMENSION: {size}\nCOST_LIMIT : 50\nEDGE_WEIGHT_TYPE: EXPLICIT\n"
        f"EDGE_WEIGHT_FORMAT: {layout} \nEDGE_WEIGHT_SECTION\n{numbers}\n"
        f"NODE_SCORE_SECTION\n{scores}\nDEPOT_SECTION\n2\n-1\nEOF\n"
    )


def test_euc_2d_rounds_to_the_nearest_integer() -> None:
    problem = parse_oplib(coordinates("EUC_2D", [(0, 0), (3, 4), (1, 1), (0, 2.5)]))
    assert problem.costs[0, 1] == 5  # 3-4-5
    assert problem.costs[0, 2] == 1  # √2 = 1.41 → 1
    assert problem.costs[0, 3] == 3  # 2.5 → 3: (int)(d + 0.5)


def test_ceil_2d_rounds_up() -> None:
    problem = parse_oplib(coordinates("CEIL_2D", [(0, 0), (1, 1), (3, 4)]))
    assert problem.costs[0, 1] == 2  # √2 → 2
    assert problem.costs[0, 2] == 5


def test_att_is_pseudo_euclidean() -> None:
    problem = parse_oplib(coordinates("ATT", [(0, 0), (10, 0), (30, 40), (10, 30)]))
    assert problem.costs[0, 1] == 4  # √(100/10) = 3.16 → 3 < r → 4
    assert problem.costs[0, 2] == 16  # √(2500/10) = 15.81 → 16
    assert problem.costs[0, 3] == 10  # √((100 + 900)/10) = 10 exactly → 10


def test_geo_reads_degrees_and_minutes() -> None:
    # 0.30 is 0°30' = 0.5°: along a meridian 6378.388 · (3.141592 · 0.5 / 180) = 55.66 → +1 → 56.
    # 10.30/20.15 is 10°30' N 20°15' E; -5.45/30.0 is 5°45' S 30° E: 2107.29 → +1 → 2108.
    problem = parse_oplib(
        coordinates("GEO", [(0.0, 0.0), (0.30, 0.0), (10.30, 20.15), (-5.45, 30.0)])
    )
    assert problem.costs[0, 1] == 56
    assert problem.costs[2, 3] == 2108


@pytest.mark.parametrize(
    ("layout", "numbers"),
    [
        ("LOWER_DIAG_ROW", "0\n7 0\n9 4 0"),
        ("UPPER_ROW", "7 9\n4"),
        ("FULL_MATRIX", "0 7 9\n7 0 4\n9 4 0"),
        ("UPPER_DIAG_ROW", "0 7 9 0 4 0"),
    ],
)
def test_explicit_matrices_fill_both_triangles(layout: str, numbers: str) -> None:
    problem = parse_oplib(explicit(layout, numbers))
    assert problem.costs.tolist() == [[0, 7, 9], [7, 0, 4], [9, 4, 0]]


def test_the_depot_is_start_and_end_and_ids_are_labels() -> None:
    problem = parse_oplib(explicit("UPPER_ROW", "7 9 4"))
    assert (problem.start, problem.end) == (1, 1)
    assert problem.labels == (1, 2, 3)
    assert problem.budget == 50


def test_scores_follow_node_ids() -> None:
    problem = parse_oplib(coordinates("EUC_2D", [(0, 0), (3, 4)]))
    assert problem.scores.tolist() == [10, 20]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (coordinates("EUC_2D", [(0, 0), (3, 4)]).replace("2 3 4", "2 3 x"), "line 8"),
        (coordinates("EUC_2D", [(0, 0), (3, 4)]).replace("2 3 4\n", ""), "NODE_COORD_SECTION"),
        (coordinates("MAN_2D", [(0, 0), (3, 4)]), "line 5"),
        (coordinates("EUC_2D", [(0, 0), (3, 4)]).replace("TYPE : OP", "TYPE : TSP"), "line 2"),
        (coordinates("EUC_2D", [(0, 0), (3, 4)]).replace("COST_LIMIT : 100\n", ""), "COST_LIMIT"),
        (
            coordinates("EUC_2D", [(0, 0), (3, 4)]).replace("DEPOT_SECTION\n1", "DEPOT_SECTION\n9"),
            "depot",
        ),
        (explicit("UPPER_ROW", "7 9"), "needs 3"),
        (explicit("FULL_MATRIX", "0 7 9\n7 0 4\n8 4 0"), "symmetric"),
        ("hello\n", "line 1"),
    ],
)
def test_malformed_files_are_refused_with_where_and_why(text: str, message: str) -> None:
    with pytest.raises(ProblemError, match=message):
        parse_oplib(text)


def test_huge_dimensions_are_refused_before_reading_on() -> None:
    text = coordinates("EUC_2D", [(0, 0)]).replace("DIMENSION : 1", f"DIMENSION : {MAX_NODES + 1}")
    with pytest.raises(ProblemError, match="over the limit"):
        parse_oplib(text)
