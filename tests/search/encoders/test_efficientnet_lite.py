"""EfficientNet-Lite0: the architecture loads the packaged weights and classifies correctly."""

from pathlib import Path

import pytest
import torch
from django.conf import settings
from PIL import Image

from search.encoders.conse import image_views, load_class_table, views_tensor
from search.encoders.efficientnet_lite import FEATURE_DIM, load_efficientnet_lite0

# The demo collection, found as the importer finds it (beside the project, or VITRINE_COLLECTION).
DEMO_IMAGES = Path(settings.VITRINE_COLLECTION) / "images"


@pytest.fixture(scope="module")
def lite0() -> torch.nn.Module:
    return load_efficientnet_lite0()


def test_packaged_weights_fit_the_architecture_exactly(lite0: torch.nn.Module) -> None:
    # load_state_dict(strict=True) already refused any missing or unexpected key.
    assert sum(p.numel() for p in lite0.parameters()) == pytest.approx(4.65e6, rel=0.01)


def test_features_and_logits_have_the_documented_shapes(lite0: torch.nn.Module) -> None:
    batch = torch.rand(2, 3, 224, 224) * 2 - 1
    with torch.inference_mode():
        features = lite0.features(batch)  # type: ignore[operator]
        logits = lite0(batch)
    assert features.shape == (2, FEATURE_DIM)
    assert logits.shape == (2, 1000)
    assert torch.isfinite(logits).all()
    assert not torch.allclose(logits[0], logits[1])


def top5(lite0: torch.nn.Module, slug: str) -> set[str]:
    image = Image.open(DEMO_IMAGES / f"{slug}.jpg")
    with torch.inference_mode():
        probabilities = lite0(views_tensor(image_views(image))).softmax(-1).mean(0)
    table = load_class_table()
    return {table[int(i)][0].split(",")[0] for i in probabilities.topk(5).indices}


@pytest.mark.skipif(not DEMO_IMAGES.is_dir(), reason="demo collection not present")
@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("photo-london-underground-1860", "steam locomotive"),
        ("photo-oregon-trail-1870s", "horse cart"),
        ("photo-abraham-lincoln", "suit"),
        ("photo-tourists-egypt-1890s", "Arabian camel"),
    ],
)
def test_demo_photographs_get_their_obvious_class_in_the_top_five(
    lite0: torch.nn.Module, slug: str, expected: str
) -> None:
    assert expected in top5(lite0, slug)
