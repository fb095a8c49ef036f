"""The map drawing: accessible, escaped, closed rooms marked by more than colour, the route."""

import xml.etree.ElementTree as ET

import pytest

from tours.gallery.route_words import route_in_words
from tours.gallery.svg import MapRoom, MapRoute, RouteStop, map_svg, route_from_tour
from tours.planning.museum import MuseumStop, MuseumTour

SVG = "{http://www.w3.org/2000/svg}"


def square(x: float, y: float) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + 10, y), (x + 10, y + 10), (x, y + 10))


ROOMS = [
    MapRoom("hall", "Entrance hall", 0, square(0, 0), is_entrance=True, is_exit=True),
    MapRoom("store", "Store", 0, square(10, 0), is_closed=True),
    MapRoom("dutch", "Dutch Golden Age", 1, square(0, 0)),
    MapRoom("landing", "Landing", 1, square(10, 0)),
]
ROUTE = MapRoute(
    rooms=("hall", "landing", "dutch", "landing", "hall"),
    stops=(
        RouteStop(1, "dutch", "The Night Watch", walk_seconds=100, view_seconds=90),
        RouteStop(2, "dutch", "View of Delft", walk_seconds=0, view_seconds=150),
    ),
)


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def test_the_map_is_one_image_with_a_title_and_a_description() -> None:
    svg = parse(map_svg(rooms=ROOMS, title="Plan of the museum", id_prefix="plan"))

    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "plan-title plan-desc"
    assert svg.find(f"{SVG}title").text == "Plan of the museum"  # type: ignore[union-attr]
    desc = svg.find(f"{SVG}desc").text or ""  # type: ignore[union-attr]
    assert "4 rooms" in desc and "ground floor, first floor" in desc
    assert "Closed today: Store." in desc


def test_every_room_is_drawn_and_labelled_with_its_floor_heading() -> None:
    svg = parse(map_svg(rooms=ROOMS, title="Plan"))

    assert len(svg.findall(f".//{SVG}polygon")) == 4
    texts = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    for words in (
        "Entrance hall",
        "Store",
        "Dutch Golden Age",
        "Landing",
        "Ground floor",
        "First floor",
    ):
        assert words in texts


def test_a_closed_room_is_hatched_dashed_and_says_closed() -> None:
    svg = parse(map_svg(rooms=ROOMS, title="Plan", id_prefix="m"))

    [polygon] = [
        p
        for p in svg.iter(f"{SVG}polygon")
        if "gallery-map__room--closed" in (p.get("class") or "")
    ]
    assert polygon.get("fill") == "url(#m-closed)"
    assert polygon.get("stroke-dasharray")
    [label] = [
        t for t in svg.iter(f"{SVG}text") if "gallery-map__label--closed" in (t.get("class") or "")
    ]
    assert [span.text for span in label] == ["Store", "Closed"]
    assert svg.find(f".//{SVG}pattern[@id='m-closed']") is not None


def test_names_are_escaped() -> None:
    rooms = [MapRoom("x", 'Saints & <Sinners> "Room"', 0, square(0, 0), is_entrance=True)]

    markup = map_svg(rooms=rooms, title="A <b>plan</b> & more")

    assert "<Sinners>" not in markup and "<b>" not in markup
    svg = parse(markup)  # still well-formed
    assert svg.find(f"{SVG}title").text == "A <b>plan</b> & more"  # type: ignore[union-attr]
    assert 'Saints & <Sinners> "Room"' in "".join(svg.itertext())


def test_the_route_is_a_path_with_numbered_stops() -> None:
    svg = parse(map_svg(rooms=ROOMS, title="Your tour", route=ROUTE))

    route = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "gallery-map__route"]
    assert len(route) == 1
    paths = route[0].findall(f"{SVG}path")
    assert paths and all(p.get("d", "").startswith("M") for p in paths)
    # The stairs between floors are dashed; the walks on one floor are solid.
    assert any(p.get("stroke-dasharray") for p in paths)
    stops = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "gallery-map__stop"]
    assert ["".join(g.itertext()) for g in stops] == ["1", "2"]
    assert "2 numbered stops" in (svg.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]


def test_no_inline_styles_so_the_site_policy_allows_it() -> None:
    markup = map_svg(rooms=ROOMS, title="Plan", route=ROUTE)

    assert "style" not in markup.replace("font-style", "")


def test_a_bad_id_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="id_prefix"):
        map_svg(rooms=ROOMS, title="Plan", id_prefix='x" onload="alert(1)')


def test_rooms_without_an_outline_are_left_out_of_the_drawing() -> None:
    rooms = [*ROOMS, MapRoom("zone", "Zone", 0, ())]

    svg = parse(map_svg(rooms=rooms, title="Plan"))

    assert len(svg.findall(f".//{SVG}polygon")) == 4


def test_the_route_in_words_lists_every_step_in_order() -> None:
    steps = route_in_words(rooms=ROOMS, route=ROUTE)

    assert steps == [
        "Start in Entrance hall (ground floor).",
        "Walk to Dutch Golden Age (first floor) through Landing (first floor), about 2 minutes.",
        "Stop 1: The Night Watch (about 2 minutes).",
        "Stop 2: View of Delft (about 2 minutes).",
        "Walk to Entrance hall (ground floor) through Landing (first floor) and finish there.",
    ]


def test_a_stop_in_the_starting_room_needs_no_walk() -> None:
    rooms = [MapRoom("hall", "Hall", 0, square(0, 0), is_entrance=True, is_exit=True)]
    route = MapRoute(rooms=("hall",), stops=(RouteStop(1, "hall", "Bust", view_seconds=30),))

    assert route_in_words(rooms=rooms, route=route) == [
        "Start in Hall.",
        "Stop 1: Bust (under a minute).",
        "Finish in Hall.",
    ]


def test_a_planned_tour_becomes_a_route_with_titles() -> None:
    tour = MuseumTour(
        stops=(MuseumStop(key=7, room="dutch", walk_seconds=100, view_seconds=90),),
        rooms=("hall", "landing", "dutch"),
        total_seconds=190,
        score=1.0,
    )

    route = route_from_tour(tour, titles={7: "The Night Watch"})

    assert route.rooms == ("hall", "landing", "dutch")
    assert route.stops == (RouteStop(1, "dutch", "The Night Watch", 100, 90),)


def test_many_stops_in_one_room_stay_inside_it() -> None:
    crowded = MapRoute(
        rooms=("hall", "landing", "dutch"),
        stops=tuple(RouteStop(n, "dutch", f"Painting {n}") for n in range(1, 19)),
    )
    svg = parse(map_svg(rooms=ROOMS, title="Plan", route=crowded))
    stops = [
        circle
        for group in svg.iter(f"{SVG}g")
        if group.get("class") == "gallery-map__stop"
        for circle in group.iter(f"{SVG}circle")
    ]
    xs = [float(c.get("cx", 0)) for c in stops]
    outlines = [
        [tuple(map(float, point.split(","))) for point in (p.get("points") or "").split()]
        for p in svg.iter(f"{SVG}polygon")
    ]
    room = next(o for o in outlines if min(x for x, _ in o) <= min(xs) <= max(x for x, _ in o))
    assert len(stops) == 18
    for circle in stops:
        cy, r = float(circle.get("cy", 0)), float(circle.get("r", 0))
        assert cy + r <= max(y for _, y in room)
