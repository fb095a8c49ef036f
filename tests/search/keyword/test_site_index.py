"""The keyword index in the site's database, kept in step with the collection."""

import pytest

from exhibition.models import Tag, Visibility
from exhibition.signals import collection_object_changed, collection_object_deleted
from search.keyword import (
    keyword_matched_words,
    keyword_search,
    keyword_term_maxima,
    rebuild_keyword_index,
)
from tests.builders import make_agent, make_object

pytestmark = pytest.mark.django_db


def _ids(query: str) -> list[int]:
    return [hit.object_id for hit in keyword_search(query)]


def test_rebuild_indexes_public_records_only() -> None:
    ship = make_object(title="A ship in a storm")
    make_object(title="Secret ship", visibility=Visibility.RESTRICTED)
    make_object(title="Draft ship", visibility=Visibility.DRAFT)
    assert rebuild_keyword_index() == 1
    assert _ids("ship") == [ship.pk]


def test_title_outranks_tags_outranks_creator_outranks_description() -> None:
    in_description = make_object(title="Harbour", description="turner painted this")
    in_creator = make_object(title="Harbour", creator=make_agent("J. M. W. Turner"))
    in_tags = make_object(title="Harbour")
    in_tags.tags.add(Tag.objects.create(name="turner"))
    in_title = make_object(title="Turner's harbour")
    rebuild_keyword_index()
    assert _ids("turner") == [in_title.pk, in_tags.pk, in_creator.pk, in_description.pk]


def test_matched_words_name_the_field() -> None:
    skaters = make_object(title="Skaters on a frozen pond", description="People skating.")
    rebuild_keyword_index()
    assert keyword_search("frozen skating")[0].object_id == skaters.pk
    assert keyword_matched_words("frozen skating", [skaters.pk]) == {
        skaters.pk: {"title": ["frozen"], "description": ["skating"]}
    }


def test_an_edit_is_searchable_at_once_and_a_restriction_removes_it() -> None:
    obj = make_object(title="Old title")
    collection_object_changed.send(sender=None, collection_object=obj, reason="admin")
    assert _ids("old") == [obj.pk]
    obj.title = "Lighthouse at dusk"
    obj.save()
    collection_object_changed.send(sender=None, collection_object=obj, reason="admin")
    assert _ids("old") == []
    assert _ids("lighthouse") == [obj.pk]
    obj.visibility = Visibility.RESTRICTED
    obj.save()
    collection_object_changed.send(sender=None, collection_object=obj, reason="visibility")
    assert _ids("lighthouse") == []


def test_a_deleted_object_leaves_the_index() -> None:
    obj = make_object(title="Lighthouse")
    rebuild_keyword_index()
    object_id = obj.pk
    obj.delete()
    collection_object_deleted.send(sender=None, object_id=object_id, slug="x")
    assert _ids("lighthouse") == []


@pytest.mark.parametrize(
    ("query", "finds_the_ship"),
    [
        ('"', False),
        ("*", False),
        ("NEAR(a b)", False),
        ("ship OR", True),  # operators are plain words
        ("ＳＨＩＰ", True),  # full-width letters fold to "ship"
        ("🚢", False),
        ("a-b:c^", False),
    ],
)
def test_odd_input_is_read_as_plain_words(query: str, finds_the_ship: bool) -> None:
    ship = make_object(title="ship")
    rebuild_keyword_index()
    assert _ids(query) == ([ship.pk] if finds_the_ship else [])


def test_each_word_has_its_best_score_on_its_own() -> None:
    make_object(title="Lighthouse at dusk", description="A lighthouse on the rocks.")
    make_object(title="Dusk over the harbour")
    rebuild_keyword_index()
    lighthouse, dusk, unknown = keyword_term_maxima("lighthouse dusk zeppelin")
    assert lighthouse == pytest.approx(keyword_search("lighthouse")[0].score)
    assert dusk == pytest.approx(keyword_search("dusk")[0].score)
    assert unknown == 0.0
