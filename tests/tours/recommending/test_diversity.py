from tests import builders
from tests.tours.recommending.builders import make_embedded, unit
from tours.recommending.base import Recommendation
from tours.recommending.catalogue import load_catalogue
from tours.recommending.diversity import diversify


def test_a_list_is_not_ten_portraits_by_one_painter(db):
    painter = builders.make_agent("Court Painter")
    portraits = [
        make_embedded(unit(0, 1, 0, 0), title=f"Portrait {i}", creator=painter, date_start=1650)
        for i in range(10)
    ]
    other = make_embedded(
        unit(0, 0.8, 0.2, 0), title="A Bronze Head", object_type="sculpture", date_start=-450
    )
    ranked = [
        Recommendation(obj.pk, 1.0 - i * 0.01, "because you liked X", "liked")
        for i, obj in enumerate(portraits)
    ] + [Recommendation(other.pk, 0.85, "matches 'faces'", "interest")]
    picks = diversify(ranked, catalogue=load_catalogue(), limit=5)
    assert picks[0].object_id == portraits[0].pk  # the best fit still leads
    assert other.pk in [p.object_id for p in picks]
    varied = next(p for p in picks if p.object_id == other.pk)
    assert varied.reason == "a different period to vary the tour"
    assert varied.reason_kind == "variety"


def test_a_list_that_is_already_varied_keeps_its_order_and_reasons(harbour):
    order = [harbour[name] for name in ("storm", "lady", "valley")]
    ranked = [Recommendation(o.pk, 1.0 - i * 0.1, "r", "liked") for i, o in enumerate(order)]
    picks = diversify(ranked, catalogue=load_catalogue(), limit=3)
    assert picks == ranked
