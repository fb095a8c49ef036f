"""Shared fixtures: media under a temporary folder, and the named personas."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from tests import builders
from tests.servers import site_server

__all__ = ["site_server"]  # fixtures defined elsewhere, offered to every test

ROOT = Path(__file__).resolve().parents[1]
# Tests whose outcome cannot depend on the database or cache backend: pure computation
# (image decoding, encoders, solvers, engines) or subprocesses with a SQLite database of
# their own. The scale-out run (`make test-scaleout`) leaves them to the SQLite run.
SAME_ON_EVERY_BACKEND = (
    "tests/bench/pages/test_command.py",
    "tests/search/photo/test_bounded_decode.py",
    "tests/search/encoders/",
    "tests/search/evaluation/",
    "tests/restoration/test_engine_",
    "tests/tours/planning/",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = item.path.relative_to(ROOT).as_posix()
        if where.startswith(SAME_ON_EVERY_BACKEND):
            item.add_marker(pytest.mark.same_on_every_backend)


@pytest.fixture(autouse=True)
def _media_root(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    settings.INDEX_DIR = tmp_path / "index"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _no_search_embedding(settings: object, request: pytest.FixtureRequest) -> None:
    # Embedding loads two neural networks; only search's own tests need it on every save.
    if "tests/search" not in str(request.node.path):
        settings.SEARCH_EMBED_ON_CHANGE = False  # type: ignore[attr-defined]
    # A thread recalibrating the floors could not see a test's uncommitted data.
    settings.SEARCH_FLOORS_IN_BACKGROUND = False  # type: ignore[attr-defined]
    # Drafting a description runs the image model too: only descriptions' tests want it.
    if "tests/descriptions" not in str(request.node.path):
        settings.DESCRIPTIONS_DRAFT_ON_CHANGE = False  # type: ignore[attr-defined]
        # Speaking encodes audio (seconds an object): only descriptions' tests want it.
        settings.SPEECH_ON_CHANGE = False  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # Throttle counters and cached pages live in the cache (Redis in the scale-out run):
    # each test starts from an empty one. Search holds per-version copies in the process,
    # and a rolled-back test reuses version numbers: those go too.
    from django.core.cache import cache

    from config.throttling import throttle_cache
    from guide.answering.records import forget_catalogue
    from search.per_version import forget_all
    from tours.selectors.recommendations import forget_fitted

    cache.clear()
    throttle_cache().clear()
    forget_all()
    # The fitted recommender is kept per collection version, which a new test database
    # numbers afresh: a later test could get one fitted on an earlier test's objects.
    forget_fitted()
    # The guide's records catalogue is kept per collection version for the same reason.
    forget_catalogue()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # A request under /fr/ leaves French active in the thread (LocaleMiddleware activates
    # it for the request): every test starts and ends in the site's default language.
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def curator(db: None) -> User:
    return builders.make_curator()


@pytest.fixture
def visitor(db: None) -> User:
    return builders.make_visitor()


@pytest.fixture
def steady_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hold the collection version in the cache until this process changes it.

    The site reads it again after a second (``exhibition.page_cache``) so that other
    processes' changes show: on a slow machine that one read lands between any two
    requests, and a test that counts a page's queries would count it too.
    """
    from exhibition import page_cache

    monkeypatch.setattr(page_cache, "VERSION_SECONDS", 60 * 60)
