"""Admin forms for uploaded media: bounded sizes, checked formats, checksums recorded.

A curator's upload is untrusted input like any import: an oversized or malformed file
gets a clear form error, never a 500 and never a half-written record.
"""

import hashlib
import struct
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from exhibition.admin.generics import ModelForm
from exhibition.importing.media import check_glb_bytes
from exhibition.importing.records import RecordError
from exhibition.models import ObjectImage, ObjectModel3D
from exhibition.models3d_ingest import (
    ARCHIVE_SUFFIX,
    UNIT_METRES,
    IngestError,
    IngestLimits,
    model_archive_extract,
    model_convert_to_glb,
)

_GLB_MAGIC = b"glTF"


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _check_upload_size(upload: UploadedFile, *, limit: int) -> None:
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(
            _("The file is %(size).1f MiB; the limit is %(limit).1f MiB.")
            % {"size": upload.size / 1_048_576, "limit": limit / 1_048_576}
        )


def _upload_mesh(upload: UploadedFile, *, name: str, folder: Path, limits: IngestLimits) -> Path:
    """The uploaded mesh as a file in ``folder``: a .zip unpacked (bounded), else as sent."""
    upload.seek(0)
    if Path(name).suffix.lower() == ARCHIVE_SUFFIX:
        return model_archive_extract(upload, folder=folder, limits=limits)
    path = folder / name
    with path.open("wb") as fh:
        for chunk in upload.chunks():
            fh.write(chunk)
    return path


def _check_image_pixels(upload: Any) -> None:
    # forms.ImageField has already opened the file with Pillow and left the image here.
    image = getattr(upload, "image", None)
    if image is None:
        return
    limit = settings.VITRINE_MAX_IMAGE_PIXELS
    if image.width * image.height > limit:
        raise forms.ValidationError(
            _("The image is %(width)d×%(height)d pixels; at most %(limit)s pixels are accepted.")
            % {
                "width": image.width,
                "height": image.height,
                "limit": number_format(limit, force_grouping=True),
            }
        )


class ObjectImageAdminForm(ModelForm[ObjectImage]):
    class Meta:
        model = ObjectImage
        fields = ["collection_object", "original", "alt_text", "order"]

    def clean_original(self) -> Any:
        upload = self.cleaned_data.get("original")
        if "original" in self.changed_data and isinstance(upload, UploadedFile):
            _check_upload_size(upload, limit=settings.VITRINE_MAX_UPLOAD_BYTES)
            _check_image_pixels(upload)
            self.instance.checksum = _sha256(upload)
            # Tiles cut from the previous file no longer match; they must be rebuilt.
            self.instance.tiles_ready = False
        return upload

    def clean_order(self) -> Any:
        # The order is part of the IIIF identifier, so tiles must be cut under the new one.
        if "order" in self.changed_data and self.instance.pk is not None:
            self.instance.tiles_ready = False
        return self.cleaned_data.get("order")


# Meshes converted on upload: single files, or a .zip holding a mesh with the files it
# names (OBJ with its MTL and textures, glTF with its .bin and textures), unpacked within
# bounds and converted as `import_collection` converts a mesh with its files beside it.
_UPLOAD_CONVERTED = (".obj", ".ply", ".stl", ".gltf", ARCHIVE_SUFFIX)


class ObjectModel3DAdminForm(ModelForm[ObjectModel3D]):
    model_unit = forms.ChoiceField(
        label=_lazy("Unit of an OBJ, PLY or STL file"),
        choices=[(unit, unit) for unit in UNIT_METRES],
        initial="m",
        required=False,
        help_text=_lazy(
            "Converted to a GLB centred and in metres. An OBJ with its MTL and textures, or a "
            "glTF with its .bin and textures: upload them together as one .zip file."
        ),
    )

    class Meta:
        model = ObjectModel3D
        fields = ["collection_object", "glb", "poster", "alt_text", "order"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._original_glb: bytes | None = None

    def clean_glb(self) -> Any:
        upload = self.cleaned_data.get("glb")
        if "glb" in self.changed_data and isinstance(upload, UploadedFile):
            _check_upload_size(upload, limit=settings.VITRINE_MAX_MODEL_BYTES)
            if Path(upload.name or "").suffix.lower() in _UPLOAD_CONVERTED:
                upload = self._converted(upload)
            upload.seek(0)
            header = upload.read(12)
            upload.seek(0)
            if len(header) < 12 or header[:4] != _GLB_MAGIC:
                raise forms.ValidationError(_("This is not a binary glTF (.glb) file."))
            version, length = struct.unpack("<II", header[4:12])
            if version != 2:
                raise forms.ValidationError(
                    _("glTF version %(version)s is not supported; use 2.0.") % {"version": version}
                )
            if length != upload.size:
                raise forms.ValidationError(
                    _("The GLB file is truncated or its header is damaged.")
                )
            # Then the same structural check the importer makes (chunks, JSON, buffers).
            try:
                check_glb_bytes(upload.read())
            except RecordError as error:
                raise forms.ValidationError(
                    _("This GLB file is damaged: %(error)s.") % {"error": error}
                ) from None
            finally:
                upload.seek(0)
            self.instance.checksum = _sha256(upload)
            self.instance.size_bytes = upload.size or 0
        return upload

    def _converted(self, upload: UploadedFile) -> UploadedFile:
        name = Path(upload.name or "model").name
        unit = self.data.get(self.add_prefix("model_unit")) or "m"
        if unit not in UNIT_METRES:
            raise forms.ValidationError(_("Choose a unit for the model."))
        limits = IngestLimits.from_settings()
        with tempfile.TemporaryDirectory(prefix="vitrine-upload-") as scratch:
            try:
                path = _upload_mesh(upload, name=name, folder=Path(scratch), limits=limits)
                # glTF is in metres by definition; the unit is for formats that do not say.
                unit = "m" if path.suffix.lower() == ".gltf" else unit
                result = model_convert_to_glb(path=path, unit=str(unit), limits=limits)
            except IngestError as error:
                raise forms.ValidationError(
                    _("This model cannot be converted: %(error)s.") % {"error": error}
                ) from None
        self._original_glb = result.original_glb
        glb_name = f"{Path(name).stem}.glb"
        return SimpleUploadedFile(glb_name, result.glb, content_type="model/gltf-binary")

    def save(self, commit: bool = True) -> ObjectModel3D:
        if "glb" in self.changed_data:
            # A new model replaces the old full-resolution original, or drops it.
            self.instance.original = (
                ContentFile(self._original_glb, name=f"{self.instance.checksum[:12]}-full.glb")
                if self._original_glb is not None
                else ""
            )
        return super().save(commit)

    def clean_poster(self) -> Any:
        upload = self.cleaned_data.get("poster")
        if "poster" in self.changed_data and isinstance(upload, UploadedFile):
            _check_upload_size(upload, limit=settings.VITRINE_MAX_UPLOAD_BYTES)
            _check_image_pixels(upload)
        return upload
