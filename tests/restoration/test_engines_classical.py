import numpy as np
import pytest

from restoration.engines import get_engine
from tests.restoration.synthetic import smooth_picture, with_cracks

ENGINES = ["telea", "ns", "biharmonic"]


@pytest.mark.parametrize("name", ENGINES)
def test_cracks_are_filled_close_to_the_undamaged_picture(name: str) -> None:
    clean = smooth_picture()
    cracked, truth = with_cracks(clean)
    restored = get_engine(name).inpaint(cracked, truth)
    error = np.abs(restored.astype(int) - clean.astype(int))[truth].mean()
    damage = np.abs(cracked.astype(int) - clean.astype(int))[truth].mean()
    assert error < 6 < damage


@pytest.mark.parametrize("name", ENGINES)
def test_pixels_outside_the_mask_are_unchanged(name: str) -> None:
    cracked, truth = with_cracks(smooth_picture())
    restored = get_engine(name).inpaint(cracked, truth)
    assert restored.dtype == np.uint8 and restored.shape == cracked.shape
    assert (restored[~truth] == cracked[~truth]).all()


@pytest.mark.parametrize("name", ENGINES)
def test_each_engine_declares_its_version_and_parameters(name: str) -> None:
    engine = get_engine(name)
    assert engine.name == name
    assert any(ch.isdigit() for ch in engine.version)
    assert engine.parameters()
    assert engine.availability() is None


def test_the_radius_is_a_parameter_of_the_opencv_engines() -> None:
    assert get_engine("telea", radius=5).parameters() == {"radius": 5}
    with pytest.raises(ValueError, match="radius"):
        get_engine("ns", radius=0)


def test_a_mask_of_another_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="does not match"):
        get_engine("telea").inpaint(smooth_picture(), np.ones((5, 5), dtype=bool))


def test_an_unknown_engine_name_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="Engines: telea, ns"):
        get_engine("photoshop")
