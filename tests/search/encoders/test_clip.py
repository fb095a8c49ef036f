"""The CLIP engine, on a tiny random CLIP the test builds: shapes, spaces and settings."""

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from django.core.exceptions import ImproperlyConfigured
from PIL import Image

from search.encoders import get_image_encoder, reset_encoders
from search.encoders.base import ImageEncoder
from search.encoders.clip import CLIPImageEncoder
from tests.search.encoders.tiny_clip import PROJECTION_DIM, build_tiny_clip


@pytest.fixture(scope="module")
def tiny_clip_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_clip(tmp_path_factory.mktemp("clip"))


@pytest.fixture(scope="module")
def clip(tiny_clip_path: Path) -> CLIPImageEncoder:
    return CLIPImageEncoder(str(tiny_clip_path))


@pytest.fixture
def fresh_encoders() -> Iterator[None]:
    reset_encoders()
    yield
    reset_encoders()


def test_images_and_queries_share_clips_space(clip: CLIPImageEncoder) -> None:
    images = [Image.new("RGB", (60, 40), (200, 30, 30)), Image.new("L", (40, 60), 90)]
    encodings = clip.encode_images(images)
    queries = clip.encode_query(["a red square", "grey"])
    assert clip.joint_dim == clip.visual_dim == PROJECTION_DIM
    assert queries.shape == (2, PROJECTION_DIM)
    assert np.allclose(np.linalg.norm(queries, axis=1), 1.0, atol=1e-5)
    for encoding in encodings:
        assert encoding.joint.shape == (PROJECTION_DIM,)
        assert np.linalg.norm(encoding.joint) == pytest.approx(1.0, abs=1e-5)
        assert encoding.visual is not None and np.allclose(encoding.visual, encoding.joint)
        assert encoding.concepts == []
    assert not np.allclose(encodings[0].joint, encodings[1].joint)
    assert not np.allclose(queries[0], queries[1])


def test_the_version_changes_when_the_model_files_change(tiny_clip_path: Path) -> None:
    before = CLIPImageEncoder(str(tiny_clip_path)).version
    (tiny_clip_path / "extra.json").write_text("{}")
    try:
        assert CLIPImageEncoder(str(tiny_clip_path)).version != before
    finally:
        (tiny_clip_path / "extra.json").unlink()


def test_the_setting_selects_clip(
    settings: object, tiny_clip_path: Path, fresh_encoders: None
) -> None:
    settings.SEARCH_IMAGE_ENCODER = "clip"  # type: ignore[attr-defined]
    settings.SEARCH_CLIP_MODEL = str(tiny_clip_path)  # type: ignore[attr-defined]
    encoder: ImageEncoder = get_image_encoder()
    assert isinstance(encoder, CLIPImageEncoder)
    assert encoder.joint_dim == PROJECTION_DIM


def test_clip_without_a_model_path_is_a_clear_configuration_error(
    settings: object, fresh_encoders: None
) -> None:
    settings.SEARCH_IMAGE_ENCODER = "clip"  # type: ignore[attr-defined]
    settings.SEARCH_CLIP_MODEL = ""  # type: ignore[attr-defined]
    with pytest.raises(ImproperlyConfigured, match="SEARCH_CLIP_MODEL"):
        get_image_encoder()


def test_an_unknown_engine_is_a_clear_configuration_error(
    settings: object, fresh_encoders: None
) -> None:
    settings.SEARCH_IMAGE_ENCODER = "resnet"  # type: ignore[attr-defined]
    with pytest.raises(ImproperlyConfigured, match="conse"):
        get_image_encoder()
