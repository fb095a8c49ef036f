"""ConSE: images land in the text space, near the words for what they show."""

from pathlib import Path

import numpy as np
import pytest
from django.conf import settings
from PIL import Image

from search.encoders import get_image_encoder, get_text_encoder
from search.encoders.conse import concept_label, image_views

# The demo collection, found as the importer finds it (beside the project, or VITRINE_COLLECTION).
DEMO_IMAGES = Path(settings.VITRINE_COLLECTION) / "images"


def test_an_image_gets_a_joint_vector_a_visual_vector_and_concepts() -> None:
    encoding = get_image_encoder().encode_images([Image.new("RGB", (300, 200), (30, 60, 160))])[0]
    assert encoding.joint.shape == (384,)
    assert encoding.visual is not None and encoding.visual.shape == (1280,)
    assert np.linalg.norm(encoding.joint) == pytest.approx(1.0, abs=1e-5)
    assert np.linalg.norm(encoding.visual) == pytest.approx(1.0, abs=1e-5)
    scores = [concept.score for concept in encoding.concepts]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True)
    assert all(0.0 < score <= 1.0 for score in scores)


def test_queries_share_the_text_encoders_space() -> None:
    query = get_image_encoder().encode_query(["a steam train"])
    assert np.allclose(query, get_text_encoder().encode(["a steam train"]), atol=1e-6)


def test_views_cover_the_whole_image_and_its_four_corners() -> None:
    views = image_views(Image.new("L", (1000, 400)))
    assert len(views) == 5
    assert all(view.size == (224, 224) and view.mode == "RGB" for view in views)


def test_concept_labels_read_as_the_first_two_lemmas() -> None:
    assert concept_label("ship, sailing vessel, sail") == "ship, sailing vessel"


@pytest.mark.skipif(not DEMO_IMAGES.is_dir(), reason="demo collection not present")
def test_a_photograph_of_a_locomotive_is_closer_to_trains_than_to_portraits() -> None:
    encoder = get_image_encoder()
    image = Image.open(DEMO_IMAGES / "photo-london-underground-1860.jpg")
    joint = encoder.encode_images([image])[0].joint
    train, portrait = encoder.encode_query(["a steam locomotive", "portrait of a woman"])
    assert joint @ train > joint @ portrait


def test_class_descriptions_are_encoded_once_then_read_from_the_cache(tmp_path: Path) -> None:
    from search.encoders.conse import class_vectors

    encoder = get_text_encoder()
    first = class_vectors(encoder, ["ship: a vessel", "bowl: a dish"], tmp_path)
    cached = list(tmp_path.glob("conse-classes-*.npy"))
    assert len(cached) == 1
    np.save(cached[0], first * 0)  # a tampered cache shows that it is what gets read
    assert not class_vectors(encoder, ["ship: a vessel", "bowl: a dish"], tmp_path).any()
    assert class_vectors(encoder, ["ship: a vessel"], tmp_path).shape == (1, 384)
