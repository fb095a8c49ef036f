import pytest

from search.keyword.documents import KeywordDocument, query_terms
from search.keyword.memory import MemoryKeywordIndex


@pytest.fixture
def index() -> MemoryKeywordIndex:
    return MemoryKeywordIndex(
        [
            KeywordDocument(1, "The Fighting Temeraire", description="A ship tugged at sunset."),
            KeywordDocument(2, "Harbour scene", tags="ship ; sea", creators="J. M. W. Turner"),
            KeywordDocument(3, "Skaters on a frozen pond", description="People skating in winter."),
            KeywordDocument(4, "Portrait of Albrecht Dürer", other="painting"),
        ]
    )


def test_title_words_outrank_description_words(index: MemoryKeywordIndex) -> None:
    ids = [hit.object_id for hit in index.search("temeraire ship")]
    assert ids[0] == 1
    assert set(ids) == {1, 2}


def test_a_query_word_in_tags_beats_the_same_word_in_the_description() -> None:
    index = MemoryKeywordIndex(
        [KeywordDocument(1, "A", description="ship"), KeywordDocument(2, "B", tags="ship")]
    )
    assert [hit.object_id for hit in index.search("ship")] == [2, 1]


def test_matched_words_are_reported_per_field(index: MemoryKeywordIndex) -> None:
    assert index.search("skating skaters")[0].object_id == 3
    assert index.matched_words("skating skaters", [3, 4]) == {
        3: {"title": ["Skaters"], "description": ["skating"]}
    }


def test_matched_words_only_for_the_records_asked_about(index: MemoryKeywordIndex) -> None:
    assert set(index.matched_words("ship", [2])) == {2}
    assert index.matched_words("ship", []) == {}


def test_stemming_and_diacritics_fold(index: MemoryKeywordIndex) -> None:
    assert [hit.object_id for hit in index.search("durer")] == [4]
    assert index.search("ships")[0].object_id in {1, 2}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', []),  # nothing but punctuation: nothing matched, no error
        ("***", []),
        ("船 ☃", []),  # words no record has
        ("NEAR(ship sea)", [2, 1]),  # FTS5 syntax is read as the words in it
        ("ship AND", [2, 1]),
        ("-ship", [2, 1]),
        ('title:"ship', [2, 1]),
        ("a the of", [4, 1, 3]),  # only stop words: they are what the visitor asked for
    ],
)
def test_odd_input_is_read_as_plain_words(
    index: MemoryKeywordIndex, query: str, expected: list[int]
) -> None:
    assert [hit.object_id for hit in index.search(query)] == expected


def test_operators_typed_by_a_visitor_are_plain_words(index: MemoryKeywordIndex) -> None:
    assert query_terms('NEAR(ship, "sea")*') == ["near", "ship", "sea"]
    assert [hit.object_id for hit in index.search("NEAR(ship sea)")] == [2, 1]


def test_stop_words_are_dropped_unless_they_are_all_there_is() -> None:
    assert query_terms("a ship on the sea") == ["ship", "sea"]
    assert query_terms("the of") == ["the", "of"]


def test_each_word_has_its_best_score_on_its_own(index: MemoryKeywordIndex) -> None:
    ship, unknown = index.term_maxima("ship zeppelin")
    assert ship == pytest.approx(max(hit.score for hit in index.search("ship")))
    assert unknown == 0.0
    assert index.term_maxima("") == []
