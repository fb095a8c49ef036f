import pytest
from django.contrib.auth.models import User

from tests.interop.linked_art.collection import Collection, build_collection

HOST = "museum.example"
LINKED_ART = 'application/ld+json;profile="https://linked.art/ns/v1/linked-art.json"'


@pytest.fixture
def collection(curator: User) -> Collection:
    return build_collection(curator)


@pytest.fixture(autouse=True)
def _host(settings: object) -> None:
    settings.ALLOWED_HOSTS = [HOST, "other.example"]  # type: ignore[attr-defined]
