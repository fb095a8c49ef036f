"""Requests to /oai/ and the ways the tests change the collection (the curators' paths)."""

import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.test import Client

from exhibition.models import AuditLogEntry, CollectionObject
from exhibition.services.audit import audit_snapshot
from exhibition.services.collection_edits import collection_edit_record
from tests.interop.oai.oai_schema import OAI, assert_valid_response


def oai(client: Client, method: str = "get", **arguments: Any) -> ET.Element:
    """The parsed response, checked against the protocol's schema on the way."""
    if method == "post":  # as the protocol asks: a form, urlencoded
        form = "application/x-www-form-urlencoded"
        response = client.post("/oai/", urlencode(arguments), content_type=form)
    else:
        response = client.get("/oai/", arguments)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert_valid_response(root)
    return root


def error_code(root: ET.Element) -> str | None:
    error = root.find(f"{OAI}error")
    return None if error is None else error.attrib["code"]


def identifiers(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter(f"{OAI}identifier")]


def set_visibility(obj: CollectionObject, visibility: str, *, curator: User) -> None:
    """A curator's edit of the visibility, logged as the admin and the importer log it."""
    before = audit_snapshot(obj)
    obj.visibility = visibility
    obj.save()
    collection_edit_record(
        instance=obj,
        before=before,
        after=audit_snapshot(obj),
        action=AuditLogEntry.Action.CHANGED,
        actor=curator,
    )
