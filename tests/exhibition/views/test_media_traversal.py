"""No spelling of a media path reaches a file a visitor may not see.

Every media route — originals, GLBs, posters, restoration results, masks and
uncertainty maps, IIIF tiles and info.json, restoration downloads — is tried for a
restricted object, a draft object and an unapproved restoration, through ``..``,
``%2e%2e``, double encoding, backslashes and symbolic links; once with Django's test
client and once with raw bytes on a real socket (as ``curl --path-as-is`` sends them).
"""

import http.client
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client

from exhibition.models import ObjectImage, ReviewStatus, Visibility
from tests import builders
from tests.exhibition.iiif.helpers import write_tiles

pytestmark = pytest.mark.django_db


def _media_name(url: str) -> str:
    return urlsplit(url).path.removeprefix(settings.MEDIA_URL)


def _hidden_files(curator: User) -> dict[str, str]:
    """Stored names (under MEDIA_ROOT) of files no visitor may read, by what they are."""
    hidden: dict[str, str] = {}
    for visibility in (Visibility.RESTRICTED, Visibility.DRAFT):
        obj = builders.make_object(visibility=visibility)
        image = builders.add_image(obj)
        write_tiles(image)
        model = builders.add_model(obj)
        model.poster.save("poster.png", ContentFile(builders.png_bytes()), save=True)
        approved = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
        hidden[f"{visibility} original"] = image.original.name
        hidden[f"{visibility} glb"] = model.glb.name
        hidden[f"{visibility} poster"] = model.poster.name
        hidden[f"{visibility} restoration of a hidden object"] = approved.result.name
        hidden[f"{visibility} info.json"] = f"iiif/{image.iiif_identifier}/info.json"
        hidden[f"{visibility} tile"] = f"iiif/{image.iiif_identifier}/full/max/0/default.jpg"
    public_image = builders.add_image(builders.make_object())
    draft = builders.add_restoration(public_image)
    draft.uncertainty.save("uncertainty.png", ContentFile(builders.png_bytes()), save=True)
    hidden["unapproved result"] = draft.result.name
    hidden["unapproved mask"] = draft.mask.name
    hidden["unapproved uncertainty"] = draft.uncertainty.name
    write_tiles(public_image)
    # Tiles of a public image are served by /iiif/image/…, not as raw media.
    hidden["public tile as raw media"] = (
        f"iiif/{public_image.iiif_identifier}/full/max/0/default.jpg"
    )
    return hidden


def _disguises(name: str) -> list[str]:
    """Request paths (after /media/) that a lax server would map onto ``name``."""
    return [
        name,
        f"x/../{name}",
        f"objects/../{name}",
        f"./{name}",
        f"x/%2e%2e/{name}",
        f"x/%2E%2E/{name}",
        f"x/%252e%252e/{name}",
        f"x/..%2f{name}",
        f"x/..%5c{name}",
        f"x\\..\\{name}",
        "objects\\..\\" + name.replace("/", "\\"),
        f"x//../{name}",
        name.replace("/", "//"),
        f"x/./../{name}",
    ]


@pytest.fixture
def hidden_files(curator: User) -> dict[str, str]:
    return _hidden_files(curator)


def test_no_spelling_of_a_hidden_file_is_served(
    client: Client, hidden_files: dict[str, str]
) -> None:
    for what, name in hidden_files.items():
        assert (Path(settings.MEDIA_ROOT) / name).is_file(), what
        for disguise in _disguises(name):
            response = client.get(f"/media/{disguise}")
            assert response.status_code == 404, (what, disguise)


def test_no_spelling_of_a_hidden_file_is_served_over_a_real_socket(
    site_server: tuple[str, int], curator: User
) -> None:
    # The test client decodes the path as Django would; a real server sees raw bytes.
    host, port = site_server
    hidden_files = _hidden_files(curator)
    for what, name in hidden_files.items():
        for disguise in _disguises(name):
            connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.putrequest("GET", f"/media/{disguise}", skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            body = response.read()
            connection.close()
            assert response.status in {400, 404}, (what, disguise, response.status)
            assert not body.startswith((b"\xff\xd8", b"\x89PNG", b"glTF")), (what, disguise)


def test_iiif_routes_refuse_hidden_images(client: Client, curator: User) -> None:
    for visibility in (Visibility.RESTRICTED, Visibility.DRAFT):
        image = builders.add_image(builders.make_object(visibility=visibility))
        write_tiles(image)
        identifier = image.iiif_identifier
        for path in (
            f"/iiif/image/{identifier}/info.json",
            f"/iiif/image/{identifier}/full/max/0/default.jpg",
            f"/iiif/image/x/../{identifier}/info.json",
            f"/iiif/image/x/%2e%2e/{identifier}/full/max/0/default.jpg",
            f"/iiif/{image.collection_object.slug}/manifest.json",
        ):
            assert client.get(path).status_code == 404, (visibility, path)


def test_downloads_of_hidden_restorations_are_not_found(client: Client, curator: User) -> None:
    public_image = builders.add_image(builders.make_object())
    draft = builders.add_restoration(public_image)
    hidden_image = builders.add_image(builders.make_object(visibility=Visibility.RESTRICTED))
    approved_hidden = builders.add_restoration(
        hidden_image, status=ReviewStatus.APPROVED, reviewer=curator
    )
    for restoration in (draft, approved_hidden):
        slug = restoration.source_image.collection_object.slug
        url = f"/objects/{slug}/restorations/{restoration.pk}/download.png"
        assert client.get(url).status_code == 404, url


def test_public_files_are_served_by_their_exact_name(client: Client, curator: User) -> None:
    obj = builders.make_object()
    image = builders.add_image(obj)
    model = builders.add_model(obj)
    model.poster.save("poster.png", ContentFile(builders.png_bytes()), save=True)
    approved = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    approved.uncertainty.save("uncertainty.png", ContentFile(builders.png_bytes()), save=True)
    for field in (
        image.original,
        model.glb,
        model.poster,
        approved.result,
        approved.mask,
        approved.uncertainty,
    ):
        assert client.get(field.url).status_code == 200, field.name


def test_a_withdrawn_approval_hides_the_files_again(client: Client, curator: User) -> None:
    image = builders.add_image(builders.make_object())
    restoration = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    assert client.get(restoration.mask.url).status_code == 200
    restoration.machine_output.status = ReviewStatus.REJECTED
    restoration.machine_output.save(update_fields=["status"])
    assert client.get(restoration.mask.url).status_code == 404


def test_files_no_record_names_are_not_public(client: Client) -> None:
    obj = builders.make_object()
    stray = Path(settings.MEDIA_ROOT) / "objects" / obj.slug / "images" / "replaced.jpg"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(builders.jpeg_bytes())
    assert client.get(f"/media/objects/{obj.slug}/images/replaced.jpg").status_code == 404


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_to_a_hidden_file_is_refused(client: Client) -> None:
    hidden = builders.add_image(builders.make_object(visibility=Visibility.RESTRICTED))
    public = builders.add_image(builders.make_object())
    # A public record whose stored name is a link to the hidden original.
    link = Path(settings.MEDIA_ROOT) / "objects" / public.collection_object.slug / "link.jpg"
    link.symlink_to(Path(settings.MEDIA_ROOT) / hidden.original.name)
    ObjectImage.objects.filter(pk=public.pk).update(
        original=link.relative_to(settings.MEDIA_ROOT).as_posix()
    )
    assert client.get(f"/media/{link.relative_to(settings.MEDIA_ROOT).as_posix()}").status_code == (
        404
    )


def test_staff_read_hidden_files_only_by_their_exact_name(client: Client, curator: User) -> None:
    image = builders.add_image(builders.make_object(visibility=Visibility.DRAFT))
    client.force_login(curator)
    response = client.get(image.original.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(f"/media/x/../{image.original.name}").status_code == 404


def test_proxy_hand_off_names_the_checked_file(client: Client, settings: object) -> None:
    settings.VITRINE_MEDIA_ACCEL_REDIRECT = "/protected-media/"  # type: ignore[attr-defined]
    image = builders.add_image(builders.make_object())
    write_tiles(image)
    response = client.get(image.original.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{image.original.name}"
    assert response.content == b""
    tile = client.get(f"/iiif/image/{image.iiif_identifier}/full/max/0/default.jpg")
    assert tile["X-Accel-Redirect"] == (
        f"/protected-media/iiif/{image.iiif_identifier}/full/max/0/default.jpg"
    )
    hidden = builders.add_image(builders.make_object(visibility=Visibility.RESTRICTED))
    assert client.get(hidden.original.url).status_code == 404
    assert "X-Accel-Redirect" not in client.get(hidden.original.url)
