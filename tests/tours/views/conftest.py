"""Each test plans on its own collection: forget a recommender fitted on another test's."""

import pytest

from tours.selectors.recommendations import forget_fitted


@pytest.fixture(autouse=True)
def _fresh_recommender() -> None:
    # The fit is keyed by the collection version, which restarts with every test database.
    forget_fitted()
