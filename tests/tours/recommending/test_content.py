from tours.recommending.base import Interest, VisitorTaste
from tours.recommending.content import ContentRecommender
from tours.recommending.interaction_log import InteractionLog


def _content(catalogue) -> ContentRecommender:
    return ContentRecommender(catalogue=catalogue, log=InteractionLog(rows=[]))


def test_what_resembles_a_liked_object_comes_first_because_you_liked_it(harbour, catalogue):
    taste = VisitorTaste(liked_ids=(harbour["storm"].pk,))
    picks = _content(catalogue).recommend(taste=taste, candidates=catalogue.ids, limit=3)
    assert picks[0].object_id == harbour["wreck"].pk
    assert picks[0].reason == "because you liked Ship in a Storm"
    assert picks[0].reason_kind == "liked"
    assert harbour["storm"].pk not in [p.object_id for p in picks]  # never the liked one back


def test_a_theme_in_free_words_finds_objects_by_meaning(harbour, catalogue):
    taste = VisitorTaste(interests=(Interest("theme", "shipwrecks"),))
    picks = _content(catalogue).recommend(taste=taste, candidates=catalogue.ids, limit=2)
    assert {p.object_id for p in picks} == {harbour["storm"].pk, harbour["wreck"].pk}
    assert picks[0].reason == "close to 'shipwrecks'"


def test_record_interests_match_the_record_fields(harbour, catalogue):
    taste = VisitorTaste(interests=(Interest("object_type", "print"),))
    picks = _content(catalogue).recommend(taste=taste, candidates=catalogue.ids, limit=5)
    assert [p.object_id for p in picks] == [harbour["fleet"].pk]
    assert picks[0].reason == "matches 'print'"


def test_a_period_interest_reads_as_a_century(harbour, catalogue):
    taste = VisitorTaste(interests=(Interest("period", "17"),))
    picks = _content(catalogue).recommend(taste=taste, candidates=catalogue.ids, limit=10)
    assert {p.object_id for p in picks} == {
        harbour["storm"].pk,
        harbour["wreck"].pk,
        harbour["merchant"].pk,
    }
    assert {p.reason for p in picks} == {"matches '17th century'"}


def test_a_visitor_who_said_nothing_gets_nothing_from_content(catalogue):
    assert (
        _content(catalogue).recommend(taste=VisitorTaste(), candidates=catalogue.ids, limit=5) == []
    )
