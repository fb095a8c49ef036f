"""Exhibitions in the admin: sections inline, objects on the section page, all audited."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from exhibition.models import AuditLogEntry, SectionObject
from tests.builders import make_exhibition, make_object
from tests.exhibition.admin.html_forms import form_fields

pytestmark = pytest.mark.django_db


def test_a_curator_adds_an_object_to_a_section_and_the_change_is_audited(
    client: Client, curator: User
) -> None:
    client.force_login(curator)
    exhibition = make_exhibition()
    section = exhibition.sections.get()
    obj = make_object(title="The Hay Wain")
    url = reverse("admin:exhibition_exhibitionsection_change", args=[section.pk])
    data = form_fields(client.get(url), "exhibitionsection_form")
    data.update(
        {
            "section_objects-TOTAL_FORMS": "1",
            "section_objects-0-order": "0",
            "section_objects-0-collection_object": str(obj.pk),
            "section_objects-0-caption": "Constable, 1821.",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302
    link = SectionObject.objects.get()
    assert (link.collection_object, link.caption) == (obj, "Constable, 1821.")
    entry = AuditLogEntry.objects.get(target_model="exhibition.sectionobject")
    assert entry.action == AuditLogEntry.Action.CREATED
    assert entry.changes["caption"] == {"old": None, "new": "Constable, 1821."}


def test_the_exhibition_page_lists_its_sections(client: Client, curator: User) -> None:
    client.force_login(curator)
    exhibition = make_exhibition(title="The sea and the sky")
    page = client.get(
        reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    ).content.decode()
    assert "First room" in page
    assert (
        reverse("admin:exhibition_exhibitionsection_change", args=[exhibition.sections.get().pk])
        in page
    )
