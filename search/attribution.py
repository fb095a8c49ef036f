"""An artist's own works before works only attributed to, after, or in the manner of them.

A record whose creator link carries a qualifier ("manner of", "workshop of", "attributed
to", "after", "circle of" …) says the work is *not* certainly by that artist. Searched by
the artist's name it used to rank first: its text repeats the name more (a catalogue
explains the attribution) and a title such as "Portrait of Rembrandt" matches too. So
among the results whose creator the query names (half its words or more), the records naming that
creator without a qualifier take the first of the places those results hold, in their
own order; the qualified ones follow, in theirs. No other result moves. The creators'
words are read once per collection version.
"""

from dataclasses import dataclass
from typing import TypeVar

from search.keyword.documents import query_terms
from search.per_version import VersionedValue
from search.ranking import FusedHit

H = TypeVar("H", bound=FusedHit)


@dataclass(frozen=True)
class _CreatorWords:
    autograph: dict[int, frozenset[str]]  # object id -> words of its unqualified creators
    qualified: dict[int, frozenset[str]]  # object id -> words of its qualified creators


def _read_creator_words() -> _CreatorWords:
    from exhibition.models import ObjectCreator
    from exhibition.selectors import public_objects

    autograph: dict[int, set[str]] = {}
    qualified: dict[int, set[str]] = {}
    links = ObjectCreator.objects.filter(collection_object__in=public_objects()).values_list(
        "collection_object_id", "qualifier", "agent__name"
    )
    for object_id, qualifier, name in links:
        held = qualified if qualifier.strip() else autograph
        held.setdefault(object_id, set()).update(query_terms(name))
    return _CreatorWords(
        {oid: frozenset(words) for oid, words in autograph.items()},
        {oid: frozenset(words) for oid, words in qualified.items()},
    )


_WORDS = VersionedValue(_read_creator_words)


def autograph_first(query: str, ranked: list[H]) -> list[H]:
    """The ranking with the works a named creator made themself before those qualified."""
    terms = frozenset(query_terms(query))
    if not terms or not ranked:
        return ranked
    words = _WORDS.get()
    # A creator is named when at least half of the query's words are in their name:
    # "Rembrandt van Rijn" names Rembrandt, not every "van".
    enough = (len(terms) + 1) // 2
    own, qualified, places = [], [], []
    for place, hit in enumerate(ranked):
        if len(terms & words.autograph.get(hit.object_id, frozenset())) >= enough:
            own.append(hit)
        elif len(terms & words.qualified.get(hit.object_id, frozenset())) >= enough:
            qualified.append(hit)
        else:
            continue
        places.append(place)
    if not own or not qualified:
        return ranked
    reordered = list(ranked)
    for place, hit in zip(places, own + qualified, strict=True):
        reordered[place] = hit
    return reordered
