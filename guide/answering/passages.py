"""A record's description, sentence by sentence, ranked against a question with MiniLM.

The sentences are embedded with search's text encoder the first time an object is asked
about and kept per process (bounded), so a follow-up costs one query encoding.
"""

import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np

from guide.answering.records import GuideRecord

_MAX_CACHED_OBJECTS = 4096
_lock = threading.Lock()
_vectors: "OrderedDict[tuple[str, str], np.ndarray]" = OrderedDict()


@lru_cache(maxsize=512)
def encode_question(question: str) -> np.ndarray:
    """The question's MiniLM vector (kept: intent recognition and ranking share it)."""
    from search.encoders import get_text_encoder

    vector: np.ndarray = get_text_encoder().encode([question])[0]
    vector.setflags(write=False)
    return vector


def ranked_sentences(question_vector: np.ndarray, record: GuideRecord) -> list[tuple[str, float]]:
    """The record's description sentences, closest to the question first."""
    if not record.sentences:
        return []
    scores = _sentence_vectors(record) @ question_vector
    order = np.argsort(-scores)
    return [(record.sentences[i], float(scores[i])) for i in order]


def _sentence_vectors(record: GuideRecord) -> np.ndarray:
    key = (record.slug, record.description)
    with _lock:
        found = _vectors.get(key)
        if found is not None:
            _vectors.move_to_end(key)
            return found
    from search.encoders import get_text_encoder

    vectors = get_text_encoder().encode(list(record.sentences))
    with _lock:
        _vectors[key] = vectors
        while len(_vectors) > _MAX_CACHED_OBJECTS:
            _vectors.popitem(last=False)
    return vectors
