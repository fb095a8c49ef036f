"""The PostgreSQL keyword channel: each record stemmed in its own language, only public
records, and a bounded candidate set however common a word is.

Runs on the real PostgreSQL of the scale-out run (`make test-scaleout`); skipped on SQLite.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibition.models import Visibility
from search.keyword import (
    keyword_index_object,
    keyword_search,
    keyword_term_maxima,
    postgres,
    rebuild_keyword_index,
)
from tests.builders import make_object

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full text: needs DATABASE_URL=postgres://… (make test-scaleout)")


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> int:
    """Candidates per word and index cut to 4, so a handful of records is 'every record'."""
    monkeypatch.setattr(postgres, "CANDIDATES_PER_WORD", 4)
    monkeypatch.setattr(postgres, "MIN_PER_WORD", 1)
    return 4


def _ids(query: str, limit: int = 200) -> list[int]:
    return [hit.object_id for hit in keyword_search(query, limit=limit)]


def test_a_french_record_is_stemmed_by_french_rules_and_an_english_one_by_english() -> None:
    horses_fr = make_object(title="Chevaux au galop", description="", language="fr")
    # The same word in an English record is not French: English rules leave it "chevaux".
    make_object(title="Chevaux, a sketch", description="", language="en")
    horses_en = make_object(title="Two horses", description="", language="en")
    rebuild_keyword_index()
    assert _ids("cheval") == [horses_fr.pk]
    assert _ids("horse") == [horses_en.pk]


def test_restricted_and_draft_records_are_never_found() -> None:
    public = make_object(title="Lantern")
    make_object(title="Lantern (restricted)", visibility=Visibility.RESTRICTED)
    make_object(title="Lantern (draft)", visibility=Visibility.DRAFT)
    rebuild_keyword_index()
    assert _ids("lantern") == [public.pk]
    public.visibility = Visibility.RESTRICTED
    public.save()
    keyword_index_object(collection_object=public)
    assert _ids("lantern") == []


def test_a_word_in_every_record_brings_a_bounded_sample_led_by_its_titles(
    small_caps: int,
) -> None:
    in_titles = [make_object(title=f"Lantern {n}", description="") for n in range(3)]
    for n in range(20):
        make_object(title=f"Still life {n}", description="A lantern on a table.")
    rebuild_keyword_index()
    with CaptureQueriesContext(connection) as queries:
        hits = _ids("lantern")
    # Three title matches plus at most `small_caps` of the twenty description matches.
    assert len(hits) == 3 + small_caps
    assert set(hits[:3]) == {obj.pk for obj in in_titles}
    search_sql = queries.captured_queries[-1]["sql"]
    assert search_sql.count(f"LIMIT {small_caps}") == 2  # each index read is cut short
    assert "WHERE t.document @@ q.q" not in search_sql  # never every match at once


def test_records_with_a_rare_word_are_all_found_beside_a_common_one(small_caps: int) -> None:
    for n in range(20):
        make_object(title=f"Still life {n}", description="A lantern on a table.")
    rare = [
        make_object(title=f"Airship {n}", description="A zeppelin and a lantern.") for n in range(3)
    ]
    rebuild_keyword_index()
    hits = _ids("zeppelin lantern")
    assert set(hits[:3]) == {obj.pk for obj in rare}  # both words: first
    assert len(hits) <= 3 + 2 * small_caps


def test_term_maxima_are_read_from_the_bounded_candidates(small_caps: int) -> None:
    make_object(title="Lantern", description="")
    for n in range(20):
        make_object(title=f"Still life {n}", description="A lantern on a table.")
    make_object(title="Zeppelin", description="")
    rebuild_keyword_index()
    with CaptureQueriesContext(connection) as queries:
        lantern, zeppelin, unknown = keyword_term_maxima("lantern zeppelin nowhere")
    assert lantern == pytest.approx(keyword_search("lantern")[0].score)  # the title match
    assert zeppelin == pytest.approx(keyword_search("zeppelin")[0].score)
    assert unknown == 0.0
    assert queries.captured_queries[-1]["sql"].count(f"LIMIT {small_caps}") == 2 * 3


OLD_TABLE_SQL = f"""CREATE TABLE {postgres.TABLE} (
    object_id integer PRIMARY KEY,
    title text NOT NULL DEFAULT '', tags text NOT NULL DEFAULT '',
    creators text NOT NULL DEFAULT '', description text NOT NULL DEFAULT '',
    other text NOT NULL DEFAULT '',
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', tags), 'B')
        || setweight(to_tsvector('english', creators), 'C')
        || setweight(to_tsvector('english', description || ' ' || other), 'D')
    ) STORED
)"""


def test_an_index_made_before_languages_is_upgraded_in_place() -> None:
    horses = make_object(title="Chevaux au galop", description="", language="fr")
    backend = postgres.PostgresKeywordBackend()
    with connection.cursor() as cursor:  # the table as search migration 0002 made it
        cursor.execute(postgres.DROP_SQL)
        cursor.execute(OLD_TABLE_SQL)
        cursor.execute(
            f"INSERT INTO {postgres.TABLE} (object_id, title) VALUES (%s, %s)",
            [horses.pk, horses.title],
        )
        backend.upgrade_table(cursor)
        backend.upgrade_table(cursor)  # a second run (a new database) changes nothing
    assert _ids("cheval") == [horses.pk]
