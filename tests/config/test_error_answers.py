"""Odd requests get clear 4xx answers — JSON under /api/ — and never a 500."""

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import Client

from config.websocket_fallback import NO_SUCH_ENDPOINT
from exhibition.api.objects import ObjectListApi
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["/objects/", "/licences/"])
@pytest.mark.parametrize("number", ["%C2%B2", "%E0%A7%A9", "1" * 30, "-1", "0", "1.5"])
def test_a_page_number_that_is_not_a_plain_whole_number_is_a_400(
    client: Client, page: str, number: str
) -> None:
    builders.make_object()
    response = client.get(f"{page}?page={number}")
    assert response.status_code == 400
    assert "whole number" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/api/objects/%FF/", "/api/", "/api/no-such-thing/", "/api/objects/a/b/", "/api/%C0%AF"],
)
def test_every_api_miss_is_a_json_404(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "/api/docs/" in response.json()["detail"]


def test_a_bad_host_under_the_api_is_a_json_400(client: Client) -> None:
    response = client.get("/api/objects/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_options_describes_every_endpoint_without_a_500(client: Client) -> None:
    for endpoint in ("/api/objects/", "/api/search/", "/api/search/by-image/", "/api/agents/"):
        response = client.options(endpoint)
        assert response.status_code == 200, endpoint
        assert response["Content-Type"] == "application/json"
        assert response.json()["name"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"--x--\r\n", "multipart/form-data; boundary=x"),
        (b"", "multipart/form-data; boundary=x"),
        (b"", "multipart/form-data"),
        (
            b"--x\r\nContent-Disposition: form-data\r\n\r\nz\r\n--x--\r\n",
            "multipart/form-data; boundary=x",
        ),
        (b"not json", "application/json"),
    ],
)
def test_a_photo_search_without_a_photo_is_a_json_400(
    client: Client, body: bytes, content_type: str
) -> None:
    response = client.generic("POST", "/api/search/by-image/", body, content_type=content_type)
    assert response.status_code in {400, 415}
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_a_websocket_to_an_address_with_no_endpoint_is_closed_cleanly(settings: object) -> None:
    # Importing the ASGI entry point would start loading the search models on a thread
    # that outlives the test run (and aborts the interpreter at exit): not wanted here.
    settings.SEARCH_WARM_UP = False  # type: ignore[attr-defined]
    from config.asgi import application

    async def handshake() -> tuple[bool, dict[str, object]]:
        communicator = WebsocketCommunicator(
            application, "/ws/nothing-here/", headers=[(b"origin", b"http://localhost")]
        )
        communicator.scope["headers"].append((b"host", b"localhost"))
        connected, _ = await communicator.connect()
        closing = await communicator.receive_output()
        await communicator.wait()
        return connected, closing

    connected, closing = async_to_sync(handshake)()
    assert connected
    assert closing == {
        "type": "websocket.close",
        "code": NO_SUCH_ENDPOINT,
        "reason": ("No WebSocket endpoint at this address."),
    }


def test_an_api_crash_is_still_a_json_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(ObjectListApi, "get", crash)
    response = Client(raise_request_exception=False).get("/api/objects/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "RuntimeError" not in response.json()["detail"]


def test_a_bad_host_on_a_page_gets_the_sites_own_400_page(client: Client) -> None:
    response = client.get("/objects/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/api/objects/?culture=a%00b", "/api/search/?q=ship%00", "/api/objects/?x%00=1"],
)
def test_a_nul_character_in_the_query_is_a_json_400(client: Client, path: str) -> None:
    # PostgreSQL refuses NUL in any query: this was a 500 in the scaled-out site.
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_a_nul_character_in_a_page_query_is_the_sites_400_page(client: Client) -> None:
    response = client.get("/objects/?culture=%00")
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


def test_the_schema_says_string_parameters_hold_no_nul(client: Client) -> None:
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    culture = next(
        p for p in schema["paths"]["/api/objects/"]["get"]["parameters"] if p["name"] == "culture"
    )
    assert culture["schema"]["items"]["pattern"] == "^[^\\u0000]*$"
