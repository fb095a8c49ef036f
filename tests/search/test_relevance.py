"""The relevance floor: what matches nothing says so, the count is honest, the first page stays."""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from django.test import Client

from search import relevance
from search.keyword.documents import query_terms
from search.ranking import ChannelResult, fuse
from search.relevance import (
    GUESSES,
    MATCHED,
    NONE,
    Floors,
    Verdict,
    apply_floor,
    query_matched,
    robust_percentile,
    words_carry_query,
)

FLOORS = Floors(top={"text": 0.4, "visual": 0.3})


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

    def keyword_term_maxima(self, query: str) -> list[float]:
        return [1.0 if self.words.get(term) else 0.0 for term in query_terms(query)]


@pytest.fixture(autouse=True)
def _known_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relevance, "floors_for", lambda sources: FLOORS)


def _ranked(text: dict[int, float], visual: dict[int, float] | None = None) -> list[Any]:
    channels = [ChannelResult("text", text), ChannelResult("visual", visual or {})]
    return fuse(channels, {"text": 1.0, "visual": 1.0})


def _apply(query: str, ranked: list[Any], weights: dict[str, float], sources: Any) -> Verdict:
    return apply_floor(query, ranked, weights, sources)


def _matched(query: str, ranked: list[Any], weights: dict[str, float], sources: Any) -> bool:
    return query_matched(query, ranked, weights, FLOORS, sources, lambda ids: set(ids))  # type: ignore[arg-type]


def test_a_query_without_words_or_meaning_beyond_chance_matches_nothing() -> None:
    nonsense = _ranked({1: 0.35, 2: 0.2}, {1: 0.29})
    assert not _matched("qwertyuiop", nonsense, {"visual": 1.0}, _Sources())
    verdict = _apply("qwertyuiop", nonsense, {"visual": 1.0}, _Sources())
    assert (verdict.state, verdict.hits) == (NONE, [])


def test_every_word_in_some_record_or_a_meaning_beyond_chance_is_a_match() -> None:
    at_chance = _ranked({3: 0.2})
    assert _matched("storm", at_chance, {}, _Sources(words={"storm": [3]}))
    assert _matched("tempest", _ranked({1: 0.45}), {}, _Sources())


def test_appearance_counts_only_for_a_query_that_names_something_visible() -> None:
    looks = _ranked({1: 0.2}, {1: 0.35})
    assert not _matched("Rembrandt", looks, {"visual": 0.2}, _Sources())
    assert _matched("a ship", looks, {"visual": 1.0}, _Sources())


def test_the_words_a_record_has_must_carry_the_query() -> None:
    # Meaning, not counting: "porcelain" is what the query is about; "busy" is not.
    assert not words_carry_query("blue and white porcelain", ["blue", "white"], ["porcelain"])
    assert not words_carry_query("chinese porcelain", ["chinese"], ["porcelain"])
    assert words_carry_query(
        "old photos of busy city streets", ["old", "photos", "city", "streets"], ["busy"]
    )
    assert words_carry_query("people making music", ["people", "music"], ["making"])


def test_words_that_do_not_carry_the_query_match_only_if_the_rest_does_by_meaning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Records have "blue" and "white", none "porcelain": the first page is about colours.
    sources = _Sources(words={"blue": [1, 2], "white": [3]})
    ranked = _ranked({1: 0.46, 2: 0.33, 3: 0.3})
    reached = {"text": {4: 0.35}}  # what "porcelain" alone reaches: below the floor
    monkeypatch.setattr(relevance, "meaning_scores", lambda *args: reached)
    verdict = _apply("blue and white porcelain", ranked, {}, sources)
    assert (verdict.state, verdict.hits) == (NONE, [])
    reached["text"] = {4: 0.6}  # a record close to "porcelain" itself
    assert _apply("blue and white porcelain", ranked, {}, sources).state == MATCHED


def test_past_the_first_page_a_result_needs_evidence_of_its_own() -> None:
    # Twelve records: the best beyond chance, the rest at chance but for record 12's text.
    text = {1: 0.6, **{oid: 0.2 - oid / 1000 for oid in range(2, 12)}, 12: 0.45}
    verdict = _apply("ship", _ranked(text), {}, _Sources(words={"ship": [1]}))
    shown = [hit.object_id for hit in verdict.hits]
    assert verdict.state == MATCHED
    assert shown[:10] == [1, 12, 2, 3, 4, 5, 6, 7, 8, 9]  # the first page is left whole
    assert shown == shown[:10]  # 10 and 11 are at chance: the list ends


def test_half_of_the_query_s_words_is_evidence_of_its_own() -> None:
    text = {1: 0.6, **{oid: 0.2 - oid / 1000 for oid in range(2, 14)}}
    sources = _Sources(words={"storm": [13], "ship": [13, 1]})
    shown = [h.object_id for h in _apply("ship storm", _ranked(text), {}, sources).hits]
    assert 13 in shown and 12 not in shown


def test_a_sparse_catalogue_offers_labelled_guesses_instead_of_nothing() -> None:
    verdict = _apply("Vermeer", _ranked({1: 0.33, 2: 0.3}), {}, _Sources(sparse=True))
    assert verdict.state == GUESSES
    assert [hit.object_id for hit in verdict.hits] == [1, 2]


def test_the_floor_is_set_by_the_bulk_of_the_null_not_its_tail() -> None:
    # Things the collection shows under other words sit in the null's upper tail ("schooner"
    # where there are ships): they must not lift the floor to where real matches are.
    bulk = np.random.default_rng(0).normal(0.3, 0.05, 950)
    assert 0.4 < robust_percentile(bulk) < 0.44  # 0.3 + 2.33 × 0.05
    with_tail = np.concatenate([bulk, np.full(50, 0.6)])
    assert np.percentile(with_tail, 99) == pytest.approx(0.6)
    assert robust_percentile(with_tail) < 0.45


@pytest.fixture
def demo_like(db: None) -> None:
    """A few records like the demo's: colours in their words, no porcelain anywhere."""
    from search.embeddings import object_embed
    from search.indexing import rebuild_indexes
    from search.keyword import rebuild_keyword_index
    from tests.builders import make_object

    for title, description in (
        ("Girl with a Pearl Earring", "A girl in a blue and yellow turban and a pearl earring."),
        ("La Couturière", "A woman in a blue dress sews yellow fabric by glazed cabinets."),
        ("On the Riverbank", "Impressionist river landscape with trees in soft blues and greens."),
        ("Portrait of a Lady in Black", "A lady in a black dress with a white lace collar."),
        ("Flower box", "Brightly coloured still life of flowering plants in a window box."),
        ("Samurai in armour", "Studio photograph of three men in full samurai armour."),
        ("Lighthouse at dusk", "A lighthouse on a rocky coast, its lamp lit."),
        ("A quiet harbour", "Fishing boats moored in a harbour at low tide."),
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
    demo_like: None, calibrated: None, client: Client
) -> None:
    html = client.get("/search/", {"q": "qwertyuiop"}).content.decode()
    assert "Nothing in the collection matched “qwertyuiop”." in html
    assert 'class="search-hit"' not in html
    assert "Try " in html and "data-search-suggestion" in html


def test_porcelain_is_not_found_in_a_collection_that_has_only_its_colours(
    demo_like: None, calibrated: None, client: Client
) -> None:
    body = client.get("/api/search/", {"q": "blue and white porcelain"}).json()
    assert (body["match"], body["count"], body["results"]) == ("none", 0, [])
    assert body["suggestions"]["try"]
    html = client.get("/search/", {"q": "blue and white porcelain"}).content.decode()
    assert "Nothing in the collection matched “blue and white porcelain”." in html
    assert 'class="search-hit"' not in html


def test_a_misspelt_word_gets_did_you_mean(
    demo_like: None, calibrated: None, client: Client
) -> None:
    body = client.get("/api/search/", {"q": "lighthuose"}).json()
    assert body["suggestions"]["did_you_mean"] == "lighthouse"
    html = client.get("/search/", {"q": "lighthuose"}).content.decode()
    assert "Did you mean" in html and 'data-search-suggestion="lighthouse"' in html


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("lighthouse", "Lighthouse at dusk"),
        ("samurai armour", "Samurai in armour"),
        ("a woman sewing in a blue dress", "La Couturière"),
    ],
)
def test_a_real_query_finds_its_object_first_and_reports_only_what_matched(
    demo_like: None, calibrated: None, client: Client, query: str, title: str
) -> None:
    body = client.get("/api/search/", {"q": query}).json()
    assert body["match"] == "matched"
    assert body["results"][0]["object"]["title"] == title
    assert body["count"] == len(body["results"])
    assert body["suggestions"] == {"did_you_mean": "", "try": []}
