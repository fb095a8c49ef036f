"""How a floor number reads to a visitor."""

NAMES = {
    -2: "second basement",
    -1: "basement",
    0: "ground floor",
    1: "first floor",
    2: "second floor",
    3: "third floor",
    4: "fourth floor",
}


def floor_name(floor: int) -> str:
    """'ground floor' for 0, 'first floor' for 1 (British usage, as on museum plans)."""
    return NAMES.get(floor, f"floor {floor}")
