"""Output serializers for an object's media: images, 3D models and restorations."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from exhibition.api.fields import absolute, file_url
from exhibition.iiif import images as iiif_images
from exhibition.iiif.manifests import AI_LABEL
from exhibition.models import (
    MachineOutput,
    ObjectImage,
    ObjectModel3D,
    ProvenanceEvent,
    Restoration,
)


class ImageSerializer(serializers.Serializer):  # type: ignore[type-arg]
    identifier = serializers.CharField(
        source="iiif_identifier", help_text="IIIF Image API identifier"
    )
    order = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt_text = serializers.CharField()
    iiif_info_url = serializers.SerializerMethodField(
        help_text="IIIF Image API 3 info.json (level 0); null until the tiles are cut."
    )
    full_image_url = serializers.SerializerMethodField(
        help_text="The whole image: the IIIF full-size rendition, or the original file."
    )
    original_url = serializers.SerializerMethodField()

    def _tiles_ready(self, image: ObjectImage) -> bool:
        return image.tiles_ready and iiif_images.read_stored_info(image.iiif_identifier) is not None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_iiif_info_url(self, image: ObjectImage) -> str | None:
        if not self._tiles_ready(image):
            return None
        return absolute(self, iiif_images.info_path(image.iiif_identifier))

    @extend_schema_field(serializers.URLField())
    def get_full_image_url(self, image: ObjectImage) -> str:
        if not self._tiles_ready(image):
            return absolute(self, image.original.url)
        return absolute(self, iiif_images.full_image_path(image.iiif_identifier))

    @extend_schema_field(serializers.URLField())
    def get_original_url(self, image: ObjectImage) -> str:
        return absolute(self, image.original.url)


class HotspotSerializer(serializers.Serializer):  # type: ignore[type-arg]
    # `label` and `source` shadow attributes of DRF's Field in the stubs, not at run time.
    label = serializers.CharField()  # type: ignore[assignment]
    text = serializers.CharField()
    position = serializers.CharField(help_text="'x y z' in metres, model space")
    normal = serializers.CharField(help_text="'x y z' unit vector")


class Model3DSerializer(serializers.Serializer):  # type: ignore[type-arg]
    order = serializers.IntegerField()
    glb_url = serializers.SerializerMethodField(help_text="Binary glTF 2.0 (model/gltf-binary)")
    poster_url = serializers.SerializerMethodField()
    size_bytes = serializers.IntegerField()
    alt_text = serializers.CharField()
    hotspots = HotspotSerializer(many=True)

    @extend_schema_field(serializers.URLField())
    def get_glb_url(self, model: ObjectModel3D) -> str:
        return absolute(self, model.glb.url)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_poster_url(self, model: ObjectModel3D) -> str | None:
        return file_url(self, model.poster)


class ProvenanceEventSerializer(serializers.Serializer):  # type: ignore[type-arg]
    action = serializers.ChoiceField(choices=ProvenanceEvent.Action.choices)
    at = serializers.DateTimeField()


class ProvenanceSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """What produced a machine output, and who reviewed it."""

    method = serializers.CharField()
    engine = serializers.CharField()
    engine_version = serializers.CharField()
    parameters = serializers.JSONField()
    input_checksums = serializers.JSONField(help_text="Name of each input to its SHA-256")
    produced_at = serializers.DateTimeField()
    duration_seconds = serializers.FloatField(allow_null=True)
    review_status = serializers.CharField(source="status")
    reviewed_by = serializers.SerializerMethodField()
    reviewed_at = serializers.DateTimeField(allow_null=True)
    history = ProvenanceEventSerializer(source="events", many=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_reviewed_by(self, output: MachineOutput) -> str | None:
        reviewer = output.reviewed_by
        if reviewer is None:
            return None
        return reviewer.get_full_name() or reviewer.get_username()


class RestorationSerializer(serializers.Serializer):  # type: ignore[type-arg]
    label = serializers.SerializerMethodField(help_text=f"Always '{AI_LABEL}'")  # type: ignore[assignment]
    source_image = serializers.CharField(
        source="source_image.iiif_identifier", help_text="Identifier of the restored image"
    )
    result_url = serializers.SerializerMethodField()
    iiif_info_url = serializers.SerializerMethodField(
        help_text="IIIF Image API (level 0) info.json of the result's tiles, once they are cut"
    )
    mask_url = serializers.SerializerMethodField(help_text="White marks reconstructed pixels")
    uncertainty_url = serializers.SerializerMethodField()
    provenance = ProvenanceSerializer(source="machine_output")

    def get_label(self, restoration: Restoration) -> str:
        return AI_LABEL

    @extend_schema_field(serializers.URLField())
    def get_result_url(self, restoration: Restoration) -> str:
        return absolute(self, restoration.result.url)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_iiif_info_url(self, restoration: Restoration) -> str | None:
        if not restoration.tiles_ready:
            return None
        return absolute(self, iiif_images.restoration_info_path(restoration.pk))

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_mask_url(self, restoration: Restoration) -> str | None:
        return file_url(self, restoration.mask)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_uncertainty_url(self, restoration: Restoration) -> str | None:
        return file_url(self, restoration.uncertainty)
