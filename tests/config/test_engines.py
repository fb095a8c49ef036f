"""The one registry of pluggable engines: names from a setting, classes loaded on use."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.engines import EngineRegistry, UnknownEngine
from search.keyword import KeywordBackend, keyword_backend
from search.keyword.sqlite import SQLiteKeywordBackend

registry: EngineRegistry[KeywordBackend] = EngineRegistry(
    kind="test backend", base=KeywordBackend, setting="TEST_BACKENDS"
)


def test_names_come_from_the_setting_in_its_order(settings: object) -> None:
    settings.TEST_BACKENDS = {  # type: ignore[attr-defined]
        "b": "search.keyword.sqlite:SQLiteKeywordBackend",
        "a": "search.keyword.postgres:PostgresKeywordBackend",
    }
    assert registry.names() == ["b", "a"]
    assert registry.engine_class("b") is SQLiteKeywordBackend


def test_an_unknown_name_lists_the_known_ones(settings: object) -> None:
    settings.TEST_BACKENDS = {"sqlite": "search.keyword.sqlite:SQLiteKeywordBackend"}  # type: ignore[attr-defined]
    with pytest.raises(UnknownEngine, match=r"Unknown test backend 'oracle'.*sqlite"):
        registry.engine_class("oracle")


@pytest.mark.parametrize(
    "path",
    [
        "search.keyword.nowhere:Backend",  # no such module
        "search.keyword.sqlite:NoSuchClass",  # no such class
        "search.keyword.documents:KeywordDocument",  # not a KeywordBackend
    ],
)
def test_a_wrong_path_is_a_configuration_error_naming_the_setting(
    settings: object, path: str
) -> None:
    settings.TEST_BACKENDS = {"x": path}  # type: ignore[attr-defined]
    with pytest.raises(ImproperlyConfigured, match=r"TEST_BACKENDS\['x'\]"):
        registry.engine_class("x")


def test_a_missing_setting_is_a_configuration_error(settings: object) -> None:
    settings.TEST_BACKENDS = {}  # type: ignore[attr-defined]
    with pytest.raises(ImproperlyConfigured, match="TEST_BACKENDS"):
        registry.names()


def test_the_database_vendor_picks_the_keyword_backend() -> None:
    assert isinstance(keyword_backend("sqlite"), SQLiteKeywordBackend)
    with pytest.raises(ImproperlyConfigured, match="No keyword search on this database"):
        keyword_backend("oracle")
