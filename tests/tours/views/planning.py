"""Planning a tour through the start form, as a visitor's browser posts it."""

from typing import Any

from django.test import Client
from django.urls import reverse

from tours.models import Tour


def post_start(client: Client, **fields: Any) -> Any:
    data: dict[str, Any] = {"mode": "building", "budget": "60", "pace": "1"}
    data.update(fields)
    return client.post(reverse("tours:start"), data)


def plan_tour(client: Client, **fields: Any) -> Tour:
    response = post_start(client, **fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Tour.objects.get(public_id=response.url.strip("/").split("/")[-1])
