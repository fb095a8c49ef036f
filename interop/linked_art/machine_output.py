"""Approved machine output of an object, described as machine output with its provenance.

A virtual restoration and a generated description are useful to a reuser, but they are
not the museum's record of the object. Each is therefore classified as machine-generated
(a local term), labelled as such, and carries a provenance statement saying what made it
and who approved it. Only approved output reaches here: restorations through
``public_restorations``, descriptions through ``approved_description``.
"""

from django.conf import settings

from descriptions.selectors import approved_description
from exhibition.iiif.images import FULL_MAX, restoration_service_path
from exhibition.models import CollectionObject, MachineOutput, Restoration
from exhibition.public_names import person_name
from exhibition.restoration_display import AI_LABEL
from exhibition.selectors import public_restorations
from interop.linked_art import vocab
from interop.linked_art.common import (
    Absolute,
    Doc,
    aat,
    local_term,
    machine_generated,
    statement,
)
from interop.linked_art.media import digital_object, restoration_download_path

MAX_RESTORATIONS = 20
DESCRIPTION_LABEL = (
    "Machine-generated description, approved by a curator (not the catalogue record)"
)


def provenance_text(output: MachineOutput, *, what: str) -> str:
    """ "Made by inpainting with telea 4.10.0 on 2026-05-01; approved by A. Curator on …"."""
    engine = f"{output.engine} {output.engine_version}".strip()
    text = f"{what}. Made by {output.method} with {engine} on {output.produced_at:%Y-%m-%d}"
    if output.reviewed_at is not None:
        approver = person_name(output.reviewed_by)
        text += f"; reviewed and approved by {approver} on {output.reviewed_at:%Y-%m-%d}"
    return f"{text}."


def _provenance(absolute: Absolute, output: MachineOutput, *, what: str) -> Doc:
    key = vocab.MACHINE_PROVENANCE
    return statement(
        provenance_text(output, what=what), local_term(absolute, key, vocab.LOCAL_TERMS[key])
    )


def restoration_visual_item(absolute: Absolute, restoration: Restoration) -> Doc:
    obj = restoration.source_image.collection_object
    shown = []
    if restoration.tiles_ready:
        service = restoration_service_path(restoration.pk)
        shown.append(
            digital_object(
                label=f"{AI_LABEL}: IIIF Image API (level 0), full size",
                url=absolute(f"{service}/{FULL_MAX}"),
                media_type="image/jpeg",
                conforms_to=vocab.IIIF_IMAGE_API,
            )
        )
    shown.append(
        digital_object(
            label=f"{AI_LABEL}: download with the label in the pixels and metadata",
            url=absolute(restoration_download_path(obj, restoration.pk)),
            media_type="image/png",
        )
    )
    restoration_term = local_term(
        absolute, vocab.VIRTUAL_RESTORATION, vocab.LOCAL_TERMS[vocab.VIRTUAL_RESTORATION]
    )
    what = f"{AI_LABEL}: a machine-made reconstruction of a damaged image of {obj.title}"
    return {
        "type": "VisualItem",
        "_label": AI_LABEL,
        "classified_as": [aat(vocab.DIGITAL_IMAGE), machine_generated(absolute), restoration_term],
        "referred_to_by": [_provenance(absolute, restoration.machine_output, what=what)],
        "digitally_shown_by": shown,
    }


def restoration_items(absolute: Absolute, obj: CollectionObject) -> list[Doc]:
    restorations = public_restorations(collection_object=obj)[:MAX_RESTORATIONS]
    return [restoration_visual_item(absolute, restoration) for restoration in restorations]


def description_statement(absolute: Absolute, obj: CollectionObject) -> Doc | None:
    """The approved generated description, as a statement classified machine-generated."""
    description = approved_description(obj, settings.DESCRIPTIONS_DEFAULT_LANGUAGE)
    if description is None or not description.long_text.strip():
        return None
    what = "Machine-generated description, not the museum's catalogue record"
    doc = statement(
        description.long_text,
        aat(vocab.DESCRIPTION),
        machine_generated(absolute),
        notes=[_provenance(absolute, description.machine_output, what=what)],
    )
    doc["_label"] = DESCRIPTION_LABEL
    return doc
