"""Every admin list and form a curator opens renders, with real data behind it."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from exhibition.models import Tag
from tests.builders import add_image, add_model, add_restoration, make_exhibition, make_object

pytestmark = pytest.mark.django_db

EXHIBITION_MODELS = [
    model for model in admin.site._registry if model._meta.app_label == "exhibition"
]


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    obj = make_object(title="The Hay Wain")
    obj.tags.add(Tag.objects.create(name="river"))
    add_restoration(add_image(obj))
    add_model(obj)
    make_exhibition(obj)
    return client


@pytest.mark.parametrize("model", EXHIBITION_MODELS, ids=lambda m: m._meta.model_name)
def test_every_list_and_change_page_renders(curator_client: Client, model: type) -> None:
    opts = model._meta  # type: ignore[attr-defined]
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert curator_client.get(changelist).status_code == 200
    instance = model._default_manager.first()  # type: ignore[attr-defined]
    if instance is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])
        assert curator_client.get(change).status_code == 200


def test_tags_show_how_many_objects_use_them(curator_client: Client) -> None:
    page = curator_client.get(reverse("admin:exhibition_tag_changelist")).content.decode()
    assert "river" in page
    assert "?tags__id__exact=" in page
