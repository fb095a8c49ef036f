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


def test_equally_relevant_picks_keep_their_own_reasons_when_mmr_reorders_them(db):
    painter = builders.make_agent("Print Maker")
    same_maker = [
        make_embedded(unit(0, 1, 0, 0), title=f"Print {i}", creator=painter, object_type="print")
        for i in range(3)
    ]
    different = make_embedded(unit(1, 0, 0, 0), title="A Vase", object_type="ceramic")
    ranked = [
        Recommendation(obj.pk, 1.0, "matches 'Japan'", "interest")
        for obj in [*same_maker, different]
    ]
    picks = diversify(ranked, catalogue=load_catalogue(), limit=3)
    assert picks[1].object_id == different.pk  # MMR moved it up: it differs most
    assert [p.reason for p in picks] == ["matches 'Japan'"] * 3


def test_a_pick_that_displaced_a_clearly_better_one_says_it_was_for_variety(db):
    painter = builders.make_agent("Portraitist")
    portraits = [
        make_embedded(unit(0, 1, 0, 0), title=f"Portrait {i}", creator=painter, date_start=1650)
        for i in range(4)
    ]
    coin = make_embedded(unit(1, 0, 0, 0), title="A Coin", object_type="coin", date_start=-300)
    ranked = [Recommendation(o.pk, 1.0, "because you liked X", "liked") for o in portraits]
    ranked.append(Recommendation(coin.pk, 0.7, "popular with visitors", "popular"))
    picks = diversify(ranked, catalogue=load_catalogue(), limit=4)
    by_id = {p.object_id: p for p in picks}
    assert coin.pk in by_id and by_id[coin.pk].reason_kind == "variety"
    assert by_id[coin.pk].score == 0.7  # the score stays its relevance
    assert all(by_id[o.pk].reason_kind == "liked" for o in portraits if o.pk in by_id)
