"""A text query into the record-text and joint spaces (one encoding when they are one).

Encoding stays on the request's thread: tried on a thread beside the keyword channel, the
two fought over the interpreter lock and the search got slower, not faster.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class QueryVectors:
    text: np.ndarray  # record-text space
    joint: np.ndarray  # joint text-image space (the same vector under ConSE)


def encode_query(query: str) -> QueryVectors:
    from search.encoders import get_image_encoder, get_text_encoder

    text_encoder, image_encoder = get_text_encoder(), get_image_encoder()
    text_vector = text_encoder.encode([query])[0]
    # ConSE's joint space is the record-text space: one encoding serves both channels.
    if getattr(image_encoder, "text_encoder", None) is text_encoder:
        return QueryVectors(text_vector, text_vector)
    return QueryVectors(text_vector, image_encoder.encode_query([query])[0])


def query_visualness(joint_vector: np.ndarray) -> float | None:
    """How plainly a query names something the image classifier can see, or None.

    Under ConSE a text query is compared with images through the classifier's 1,000 class
    descriptions, so the comparison means something only when the query is close to one of
    them: its best cosine with them ("a ship" high, "Rembrandt" or "China" low). CLIP has
    no such list: None.
    """
    from search.encoders import get_image_encoder

    class_vectors = getattr(get_image_encoder(), "class_vectors", None)
    if class_vectors is None:
        return None
    return float(np.max(class_vectors @ joint_vector))
