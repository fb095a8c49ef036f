"""Cutting a restoration's tiles: on approval, by the catch-up command, within the limits."""

import io
import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image, ImageCms

from exhibition.iiif.restoration_tiles import restoration_generate_tiles, restoration_tile_dir
from exhibition.iiif.tiles import TileSourceTooLarge
from exhibition.models import MachineOutput, ObjectImage, Restoration, ReviewStatus
from exhibition.services.review import (
    machine_output_approve,
    machine_output_reject,
    machine_output_return_to_draft,
)
from exhibition.tasks import generate_restoration_tiles
from tests import builders

pytestmark = pytest.mark.django_db

OnCommit = Callable[..., Any]


@pytest.fixture(autouse=True)
def _small_tiles(settings: Any) -> None:
    settings.VITRINE_TILE_SIZE = 32


def _draft(width: int = 96, height: int = 64) -> Restoration:
    image = builders.add_image(builders.make_object(), width=width, height=height)
    return builders.add_restoration(image)


def _reload(restoration: Restoration) -> Restoration:
    return Restoration.objects.get(pk=restoration.pk)


def test_approval_cuts_the_tiles_once_committed(
    client: Client, curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    restoration = _draft()

    with django_capture_on_commit_callbacks(execute=True):
        machine_output_approve(output=restoration.machine_output, reviewer=curator)

    assert _reload(restoration).tiles_ready
    assert client.get(f"/iiif/restoration/{restoration.pk}/info.json").status_code == 200


def test_tiles_wait_for_the_approval_to_commit(
    curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    restoration = _draft()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        machine_output_approve(output=restoration.machine_output, reviewer=curator)

    # Nothing runs before the commit: the tiles (and the "reviewed" announcement other
    # apps listen to) wait for it.
    assert any("restoration_tiles" in getattr(c, "__qualname__", "") for c in callbacks)
    assert not _reload(restoration).tiles_ready
    assert not restoration_tile_dir(restoration.pk).exists()


def test_rejection_cuts_no_tiles(
    curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    restoration = _draft()

    with django_capture_on_commit_callbacks(execute=True):
        machine_output_reject(
            output=restoration.machine_output, reviewer=curator, note="Fill is smeared."
        )

    assert not _reload(restoration).tiles_ready
    assert not restoration_tile_dir(restoration.pk).exists()


def test_failed_cut_leaves_the_approval_standing(
    curator: User, django_capture_on_commit_callbacks: OnCommit, caplog: pytest.LogCaptureFixture
) -> None:
    restoration = _draft()
    restoration.result.storage.delete(restoration.result.name)

    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        machine_output_approve(output=restoration.machine_output, reviewer=curator)

    assert MachineOutput.objects.get(pk=restoration.machine_output_id).is_approved
    assert not _reload(restoration).tiles_ready
    assert f"tiles of restoration {restoration.pk}" in caplog.text


def test_task_skips_a_restoration_withdrawn_before_it_ran(
    curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    restoration = _draft()
    with django_capture_on_commit_callbacks(execute=False):
        machine_output_approve(output=restoration.machine_output, reviewer=curator)
    machine_output_return_to_draft(
        output=restoration.machine_output, reviewer=curator, note="Needs another look."
    )

    assert generate_restoration_tiles(restoration.pk) is False
    assert not _reload(restoration).tiles_ready


def test_result_over_the_pixel_limit_is_refused(settings: Any) -> None:
    restoration = _draft(width=96, height=64)
    settings.VITRINE_MAX_IMAGE_PIXELS = 96 * 64 - 1

    with pytest.raises(TileSourceTooLarge, match="VITRINE_MAX_IMAGE_PIXELS"):
        restoration_generate_tiles(restoration=restoration)

    assert not _reload(restoration).tiles_ready
    assert not restoration_tile_dir(restoration.pk).exists()


def test_tiles_carry_the_colour_profile_of_the_original(curator: User) -> None:
    # Restoration keeps the original's pixel values and stores an untagged PNG; without
    # the original's profile the two layers would show in different colours.
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    obj = builders.make_object()
    buffer = io.BytesIO()
    Image.new("RGB", (96, 64), (40, 90, 180)).save(buffer, "JPEG", icc_profile=profile)
    image = ObjectImage(collection_object=obj, checksum=builders.sha256(buffer.getvalue()))
    image.original.save("tagged.jpg", ContentFile(buffer.getvalue()), save=False)
    image.width, image.height = 96, 64
    image.save()
    restoration = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)

    restoration_generate_tiles(restoration=restoration)

    with Image.open(restoration_tile_dir(restoration.pk) / "full/max/0/default.jpg") as tile:
        assert tile.info.get("icc_profile") == profile


def test_command_cuts_missing_tiles_of_approved_restorations_only(curator: User) -> None:
    approved = builders.add_restoration(
        builders.add_image(builders.make_object()), status=ReviewStatus.APPROVED, reviewer=curator
    )
    pending = _draft()
    out = io.StringIO()

    call_command("cut_restoration_tiles", stdout=out)

    assert _reload(approved).tiles_ready
    assert not _reload(pending).tiles_ready
    assert "1 cut, 0 already current, 0 failed" in out.getvalue()

    again = io.StringIO()
    call_command("cut_restoration_tiles", stdout=again)
    assert "0 cut, 1 already current, 0 failed" in again.getvalue()


def test_command_recuts_tiles_lost_from_disk(curator: User) -> None:
    restoration = builders.add_restoration(
        builders.add_image(builders.make_object()), status=ReviewStatus.APPROVED, reviewer=curator
    )
    restoration_generate_tiles(restoration=restoration)
    (restoration_tile_dir(restoration.pk) / "info.json").unlink()

    call_command("cut_restoration_tiles", stdout=io.StringIO())

    assert (restoration_tile_dir(restoration.pk) / "info.json").is_file()


def test_command_reports_a_restoration_it_cannot_cut(curator: User) -> None:
    restoration = builders.add_restoration(
        builders.add_image(builders.make_object()), status=ReviewStatus.APPROVED, reviewer=curator
    )
    restoration.result.storage.delete(restoration.result.name)
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 restoration"):
        call_command("cut_restoration_tiles", stdout=io.StringIO(), stderr=err)

    assert f"restoration #{restoration.pk}: FAILED" in err.getvalue()


@pytest.mark.parametrize("withdraw", ["reject", "return_to_draft"])
def test_withdrawing_an_approval_removes_its_tiles(
    client: Client, curator: User, django_capture_on_commit_callbacks: OnCommit, withdraw: str
) -> None:
    restoration = _draft()
    with django_capture_on_commit_callbacks(execute=True):
        machine_output_approve(output=restoration.machine_output, reviewer=curator)
    assert restoration_tile_dir(restoration.pk).is_dir()

    decide = machine_output_reject if withdraw == "reject" else machine_output_return_to_draft
    with django_capture_on_commit_callbacks(execute=True):
        decide(output=restoration.machine_output, reviewer=curator, note="Seam at the left.")

    assert not restoration_tile_dir(restoration.pk).exists()
    assert not _reload(restoration).tiles_ready
    assert client.get(f"/iiif/restoration/{restoration.pk}/info.json").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):  # approved again: cut again
        machine_output_approve(output=restoration.machine_output, reviewer=curator)
    assert _reload(restoration).tiles_ready and restoration_tile_dir(restoration.pk).is_dir()
