"""TSPLIB's distance functions and explicit matrix layouts (Reinelt, TSPLIB 95).

Each function gives TSPLIB's integer distance between two nodes, following the library's
reference code (the conventions OPLib's published tour costs reproduce):

* EUC_2D: the Euclidean distance rounded to the nearest integer, ``(int)(d + 0.5)``;
* CEIL_2D: the Euclidean distance rounded up;
* ATT: pseudo-Euclidean, ``r = sqrt((dx² + dy²) / 10)``, ``t = (int) r``, ``t + 1`` if ``t < r``;
* GEO: great-circle distance on TSPLIB's idealised sphere (``PI = 3.141592``,
  ``RRR = 6378.388``), coordinates read as DDD.MM (degrees, then minutes), the degrees being
  the coordinate truncated towards zero, and the distance ``(int)(RRR · acos(…) + 1)``.
"""

import math
from collections.abc import Callable, Sequence

Point = tuple[float, float]

GEO_PI = 3.141592
GEO_RADIUS = 6378.388


def euc_2d(a: Point, b: Point) -> int:
    return int(math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) + 0.5)


def ceil_2d(a: Point, b: Point) -> int:
    return math.ceil(math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2))


def att(a: Point, b: Point) -> int:
    r = math.sqrt(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) / 10.0)
    t = int(r)
    return t + 1 if t < r else t


def _geo_radians(coordinate: float) -> float:
    degrees = int(coordinate)  # truncated towards zero, as TSPLIB's C code does
    minutes = coordinate - degrees
    return GEO_PI * (degrees + 5.0 * minutes / 3.0) / 180.0


def geo(a: Point, b: Point) -> int:
    latitude_a, longitude_a = _geo_radians(a[0]), _geo_radians(a[1])
    latitude_b, longitude_b = _geo_radians(b[0]), _geo_radians(b[1])
    q1 = math.cos(longitude_a - longitude_b)
    q2 = math.cos(latitude_a - latitude_b)
    q3 = math.cos(latitude_a + latitude_b)
    # A rounding error can push the argument a hair past 1 for twin points: acos needs [-1, 1].
    cosine = max(-1.0, min(1.0, 0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)))
    return int(GEO_RADIUS * math.acos(cosine) + 1.0)


DISTANCES: dict[str, Callable[[Point, Point], int]] = {
    "EUC_2D": euc_2d,
    "CEIL_2D": ceil_2d,
    "ATT": att,
    "GEO": geo,
}


def coordinate_matrix(points: Sequence[Point], kind: str) -> list[list[int]]:
    """The full distance matrix of ``points`` under the TSPLIB distance ``kind``.

    The diagonal is 0 (GEO's formula gives 1 from a point to itself; a tour never uses it).
    """
    distance = DISTANCES[kind]
    size = len(points)
    matrix = [[0] * size for _ in range(size)]
    for i in range(size):
        for j in range(i + 1, size):
            matrix[i][j] = matrix[j][i] = distance(points[i], points[j])
    return matrix


def _cells(size: int, layout: str) -> list[tuple[int, int]]:
    """The (row, column) each number of an EDGE_WEIGHT_SECTION fills, in file order."""
    if layout == "FULL_MATRIX":
        return [(i, j) for i in range(size) for j in range(size)]
    upper_row = {
        "UPPER_ROW": lambda i: range(i + 1, size),
        "UPPER_DIAG_ROW": lambda i: range(i, size),
        "LOWER_ROW": lambda i: range(i),
        "LOWER_DIAG_ROW": lambda i: range(i + 1),
    }
    if layout in upper_row:
        return [(i, j) for i in range(size) for j in upper_row[layout](i)]
    # The *_COL layouts list the same triangles column by column: the transpose of the
    # opposite *_ROW layout, which for a symmetric matrix fills the same cells.
    by_column = {
        "UPPER_COL": "LOWER_ROW",
        "UPPER_DIAG_COL": "LOWER_DIAG_ROW",
        "LOWER_COL": "UPPER_ROW",
        "LOWER_DIAG_COL": "UPPER_DIAG_ROW",
    }
    if layout in by_column:
        return [(j, i) for i, j in _cells(size, by_column[layout])]
    raise KeyError(layout)


EXPLICIT_LAYOUTS = (
    "FULL_MATRIX",
    "UPPER_ROW",
    "LOWER_ROW",
    "UPPER_DIAG_ROW",
    "LOWER_DIAG_ROW",
    "UPPER_COL",
    "LOWER_COL",
    "UPPER_DIAG_COL",
    "LOWER_DIAG_COL",
)


def explicit_cell_count(size: int, layout: str) -> int:
    return len(_cells(size, layout))


def explicit_matrix(size: int, layout: str, numbers: Sequence[float]) -> list[list[float]]:
    """The full matrix that ``numbers`` (an EDGE_WEIGHT_SECTION, in order) describe.

    Triangular layouts are mirrored; a FULL_MATRIX is kept as written (the caller decides
    whether an asymmetric one is acceptable).
    """
    matrix = [[0.0] * size for _ in range(size)]
    cells = _cells(size, layout)
    for (i, j), value in zip(cells, numbers, strict=True):
        matrix[i][j] = value
        if layout != "FULL_MATRIX":
            matrix[j][i] = value
    return matrix
