"""Small clustered unit vectors, shared by the index tests."""

import numpy as np
import pytest

from bench.search.index_bench import synthetic_vectors


@pytest.fixture(scope="session")
def vectors() -> np.ndarray:
    return synthetic_vectors(3000, 384, clusters=30, seed=0)


@pytest.fixture(scope="session")
def queries() -> np.ndarray:
    return synthetic_vectors(200, 384, clusters=30, seed=1)


@pytest.fixture(scope="session")
def ids() -> np.ndarray:
    # Object ids are not positions: offset them so a mix-up shows.
    return np.arange(3000, dtype=np.int64) + 10_000
