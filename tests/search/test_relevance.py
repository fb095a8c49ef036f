"""The relevance floor: nonsense finds nothing, the count is honest, the first page stays."""

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from search import relevance
from search.ranking import ChannelResult, fuse
from search.relevance import GUESSES, MATCHED, NONE, Floors, apply_floor, query_matched

FLOORS = Floors(top={"text": 0.4, "visual": 0.3}, pair={"text": 0.3, "visual": 0.25})


@dataclass
class _Sources:
    """Only what the floor asks of its sources: sparsity and each word's records."""

    sparse: bool = False
    words: dict[str, list[int]] = field(default_factory=dict)

    def catalogue_is_sparse(self) -> bool:
        return self.sparse

    def keyword(self, query: str, limit: int) -> list[Any]:
        from search.keyword import KeywordHit

        return [KeywordHit(oid, 1.0) for oid in self.words.get(query, [])][:limit]


@pytest.fixture(autouse=True)
def _known_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relevance, "floors_for", lambda sources: FLOORS)


def _ranked(text: dict[int, float], visual: dict[int, float] | None = None) -> list[Any]:
    channels = [ChannelResult("text", text), ChannelResult("visual", visual or {})]
    return fuse(channels, {"text": 1.0, "visual": 1.0})


def test_a_query_without_words_or_meaning_beyond_chance_matches_nothing() -> None:
    nonsense = _ranked({1: 0.35, 2: 0.2}, {1: 0.29})
    assert not query_matched(nonsense, {"visual": 1.0}, FLOORS)
    verdict = apply_floor("qwertyuiop", nonsense, {"visual": 1.0}, _Sources())
    assert (verdict.state, verdict.hits) == (NONE, [])


def test_a_word_found_in_a_record_or_a_meaning_beyond_chance_is_a_match() -> None:
    with_word = fuse([ChannelResult("keyword", {3: 2.0}, kind="sparse", scale=4.0)])
    assert query_matched(with_word, {}, FLOORS)
    assert query_matched(_ranked({1: 0.45}), {}, FLOORS)


def test_appearance_counts_only_for_a_query_that_names_something_visible() -> None:
    looks = _ranked({1: 0.2}, {1: 0.35})
    assert not query_matched(looks, {"visual": 0.2}, FLOORS)  # "Rembrandt": not visible
    assert query_matched(looks, {"visual": 1.0}, FLOORS)  # "a ship"


def test_past_the_first_page_a_result_needs_evidence_of_its_own() -> None:
    # Twelve records: the best beyond chance, the rest at chance but for record 12's text.
    text = {1: 0.6, **{oid: 0.2 - oid / 1000 for oid in range(2, 12)}, 12: 0.31}
    verdict = apply_floor("ship", _ranked(text), {}, _Sources())
    shown = [hit.object_id for hit in verdict.hits]
    assert verdict.state == MATCHED
    assert shown[:10] == [1, 12, 2, 3, 4, 5, 6, 7, 8, 9]  # the first page is left whole
    assert shown == shown[:10]  # 10 and 11 are at chance: the list ends


def test_half_of_the_query_s_words_is_evidence_of_its_own() -> None:
    text = {1: 0.6, **{oid: 0.2 - oid / 1000 for oid in range(2, 14)}}
    sources = _Sources(words={"storm": [13], "ship": [13, 1]})
    shown = [h.object_id for h in apply_floor("ship storm", _ranked(text), {}, sources).hits]
    assert 13 in shown and 12 not in shown


def test_a_sparse_catalogue_offers_labelled_guesses_instead_of_nothing() -> None:
    verdict = apply_floor("Vermeer", _ranked({1: 0.33, 2: 0.3}), {}, _Sources(sparse=True))
    assert verdict.state == GUESSES
    assert [hit.object_id for hit in verdict.hits] == [1, 2]


@pytest.fixture
def lighthouse(db: None) -> None:
    from search.embeddings import object_embed
    from search.indexing import rebuild_indexes
    from search.keyword import rebuild_keyword_index
    from tests.builders import make_object

    for title, description in (
        ("Lighthouse at dusk", "A lighthouse on a rocky coast, its lamp lit."),
        ("A quiet harbour", "Fishing boats moored in a harbour at low tide."),
        ("Portrait of a lady", "A woman in a black dress with a lace collar."),
    ):
        object_embed(collection_object=make_object(title=title, description=description))
    rebuild_indexes()
    rebuild_keyword_index()


@pytest.fixture
def calibrated(monkeypatch: pytest.MonkeyPatch) -> None:
    # These tests calibrate on their own collection, as the site does.
    monkeypatch.undo()
    relevance.forget()


def test_nonsense_finds_nothing_and_the_page_says_so_with_suggestions(
    lighthouse: None, calibrated: None, client: Client
) -> None:
    html = client.get("/search/", {"q": "qwertyuiop"}).content.decode()
    assert "Nothing in the collection matched “qwertyuiop”." in html
    assert 'class="search-hit"' not in html
    assert "Try " in html and "data-search-suggestion" in html


def test_nonsense_in_the_api_is_an_empty_match_with_terms_to_try(
    lighthouse: None, calibrated: None, client: Client
) -> None:
    body = client.get("/api/search/", {"q": "qwertyuiop"}).json()
    assert body["match"] == "none"
    assert body["count"] == 0 and body["results"] == []
    assert body["suggestions"]["try"]


def test_a_misspelt_word_gets_did_you_mean(
    lighthouse: None, calibrated: None, client: Client
) -> None:
    body = client.get("/api/search/", {"q": "lighthuose"}).json()
    assert body["suggestions"]["did_you_mean"] == "lighthouse"
    html = client.get("/search/", {"q": "lighthuose"}).content.decode()
    assert "Did you mean" in html and 'data-search-suggestion="lighthouse"' in html


def test_a_real_query_reports_only_what_matched(
    lighthouse: None, calibrated: None, client: Client
) -> None:
    body = client.get("/api/search/", {"q": "lighthouse"}).json()
    assert body["match"] == "matched"
    assert body["results"][0]["object"]["title"] == "Lighthouse at dusk"
    assert body["count"] == len(body["results"])
    assert body["suggestions"] == {"did_you_mean": "", "try": []}
