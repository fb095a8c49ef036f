"""Reads that gather a report's content from the public site's own selectors.

Restricted and draft objects, curators-only notes, unreviewed restorations and draft
descriptions never reach a report: every read starts from the selectors the public pages
use (``exhibition.selectors``, ``public_annotations``, ``approved_description``). Call
these inside ``translation.override(language)``: labels are written in that language.
"""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from descriptions.selectors import approved_description
from exhibition.alt_text import alt_text_for
from exhibition.annotations.jsonld import creator_name
from exhibition.annotations.selectors import public_annotations
from exhibition.browse import century_label
from exhibition.downloads.policy import downloadable_licence, refusal_reason
from exhibition.licences import get_licence
from exhibition.models import (
    Annotation,
    CollectionObject,
    ObjectCreator,
    ObjectImage,
    ObjectModel3D,
    Restoration,
)
from exhibition.public_names import person_name
from exhibition.selectors import public_restorations
from exhibition.templatetags.record_languages import language_in_sentence
from reports.content import (
    ApprovedDescription,
    Field,
    Note,
    ObjectReport,
    Picture,
    Reconstruction,
)


@dataclass(frozen=True)
class Limits:
    """How much of one object a report holds: its size stays bounded whatever the record."""

    pictures: int
    reconstructions: int
    notes: int
    longest_side: int
    # Whether pictures of an object with a content note are left out, as the exhibition's
    # story leaves them out (the object's own report shows the note first, then them).
    skip_noted_media: bool = False


# An object's own report: every picture up to a dozen, at print resolution.
OBJECT_LIMITS = Limits(pictures=12, reconstructions=6, notes=100, longest_side=1600)
# One object among many in an exhibition's report: its first picture, smaller.
EXHIBITION_ITEM_LIMITS = Limits(
    pictures=1, reconstructions=2, notes=20, longest_side=1000, skip_noted_media=True
)


def _src(storage_name: str) -> str:
    return "report-image:" + hashlib.sha256(storage_name.encode()).hexdigest()[:24]


def _date(value: date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def byline(creators: list[ObjectCreator], date_display: str) -> str:
    names = "; ".join(
        f"{link.qualifier} {link.agent.name}" if link.qualifier else link.agent.name
        for link in creators
    )
    return ", ".join(part for part in (names, date_display) if part)


def record_fields(obj: CollectionObject, creators: list[ObjectCreator]) -> list[Field]:
    """The record as the object page's "About this object" lists it, in the same order."""
    fields: list[Field] = []
    names = []
    for link in creators:
        name = f"{link.qualifier} {link.agent.name}" if link.qualifier else link.agent.name
        if link.agent.dates:
            name += f" ({link.agent.dates})"
        if link.role:
            name += f", {link.role}"
        names.append(name)
    if names:
        fields.append(Field(ngettext("Creator", "Creators", len(names)), "; ".join(names)))
    if obj.date_display:
        fields.append(Field(_("Date"), obj.date_display))
    elif obj.century is not None:
        fields.append(Field(_("Date"), century_label(obj.century)))
    if obj.culture:
        fields.append(Field(_("Culture"), obj.culture))
    if obj.place is not None:
        fields.append(Field(_("Place"), obj.place.name))
    fields.append(Field(_("Object type"), obj.object_type[:1].upper() + obj.object_type[1:]))
    if obj.medium:
        fields.append(Field(_("Medium"), obj.medium))
    if obj.dimensions:
        fields.append(Field(_("Dimensions"), obj.dimensions))
    fields.append(Field(_("Accession number"), obj.accession_number))
    return fields


def _image_picture(image: ObjectImage, number: int, limits: Limits) -> Picture:
    return Picture(
        storage_name=image.original.name,
        src=_src(image.original.name),
        alt=alt_text_for(image),
        caption=_("Image %(number)d") % {"number": number},
        longest_side=limits.longest_side,
        identity=image.checksum or image.original.name,
    )


def _poster_picture(model: ObjectModel3D, number: int, limits: Limits) -> Picture:
    return Picture(
        storage_name=model.poster.name,
        src=_src(model.poster.name),
        alt=alt_text_for(model),
        caption=_("3D model %(number)d, as rendered by the museum") % {"number": number},
        longest_side=limits.longest_side,
        identity=f"{model.checksum}:{model.poster.name}",
    )


def _pictures(
    images: list[ObjectImage], models: list[ObjectModel3D], limits: Limits
) -> tuple[list[Picture], int]:
    """The object's pictures up to the limit, and how many more it has."""
    candidates = [
        _image_picture(image, n, limits) for n, image in enumerate(images, 1) if image.original
    ]
    candidates += [
        _poster_picture(model, n, limits) for n, model in enumerate(models, 1) if model.poster
    ]
    return candidates[: limits.pictures], max(0, len(candidates) - limits.pictures)


def _provenance(restoration: Restoration) -> list[Field]:
    """What the object page's "How this reconstruction was made" lists."""
    output = restoration.machine_output
    parameters = "; ".join(f"{key}: {value}" for key, value in sorted(output.parameters.items()))
    review = _("Approved by %(name)s on %(date)s") % {
        "name": person_name(output.reviewed_by),
        "date": _date(output.reviewed_at),
    }
    fields = [
        Field(_("Method"), output.method),
        Field(_("Engine"), f"{output.engine} {output.engine_version}".strip()),
        Field(_("Parameters"), parameters or pgettext("parameters", "None")),
        Field(pgettext("restoration date", "Produced"), _date(output.produced_at)),
        Field(_("Review"), review),
    ]
    if output.review_note:
        fields.append(Field(_("Reviewer's note"), output.review_note))
    return fields


def _reconstructions(
    obj: CollectionObject, images: list[ObjectImage], limits: Limits, *, with_pictures: bool
) -> list[Reconstruction]:
    numbers = {image.pk: n for n, image in enumerate(images, 1)}
    label = _("AI reconstruction — not the original")
    found = []
    for restoration in public_restorations(collection_object=obj).order_by("pk")[
        : limits.reconstructions
    ]:
        source = _("Virtual restoration of image %(number)d") % {
            "number": numbers.get(restoration.source_image_id, 1)
        }
        picture = None
        if with_pictures and restoration.result:
            name = restoration.result.name
            picture = Picture(
                storage_name=name,
                src=_src(name),
                alt=_("AI reconstruction of: %(alt)s")
                % {"alt": restoration.source_image.alt_text or obj.title},
                caption=f"{label} · {source}",
                longest_side=limits.longest_side,
                identity=name,
            )
        found.append(Reconstruction(label, picture, source, _provenance(restoration)))
    return found


def _where(annotation: Annotation, images: dict[int, int], models: dict[int, int]) -> str | None:
    if annotation.image_id in images:
        number = images[annotation.image_id]
        if annotation.selector_kind == "polygon":
            return _("On image %(number)d, an outlined area") % {"number": number}
        return _("On image %(number)d, a rectangular area") % {"number": number}
    if annotation.model3d_id in models:
        return _("On 3D model %(number)d") % {"number": models[annotation.model3d_id]}
    return None


def _notes(
    obj: CollectionObject, images: list[ObjectImage], models: list[ObjectModel3D], limits: Limits
) -> list[Note]:
    """The public notes on the media the object page shows, numbered as it numbers them."""
    image_numbers = {image.pk: n for n, image in enumerate(images, 1)}
    model_numbers = {model.pk: n for n, model in enumerate(models, 1)}
    notes: list[Note] = []
    for annotation in public_annotations(collection_object=obj)[: limits.notes]:
        where = _where(annotation, image_numbers, model_numbers)
        if where is None:
            continue
        by = creator_name(annotation.creator) if annotation.creator else ""
        when = _date(annotation.created)
        notes.append(
            Note(
                number=len(notes) + 1,
                where=f"{where} · {annotation.get_motivation_display()}",
                text=annotation.body,
                language=annotation.language,
                by=", ".join(part for part in (by, when) if part),
            )
        )
    return notes


def _approved_description(obj: CollectionObject, language: str) -> ApprovedDescription | None:
    """The approved description in the report's language, else in the default one; a
    draft never (the page may show a labelled draft, a report to keep does not)."""
    default = str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)
    for candidate in dict.fromkeys([language, default]):
        description = approved_description(obj, candidate)
        if description is None:
            continue
        output = description.machine_output
        provenance = _(
            "Drafted by machine from the record and an analysis of the image, then "
            "reviewed and approved by %(name)s on %(date)s."
        ) % {"name": person_name(output.reviewed_by), "date": _date(output.reviewed_at)}
        note = ""
        if description.language != language:
            note = _("This description is not yet available in %(language)s.") % {
                "language": language_in_sentence(language)
            }
        return ApprovedDescription(
            short_text=description.short_text,
            paragraphs=[p.strip() for p in description.long_text.split("\n\n") if p.strip()],
            language=description.language,
            provenance=provenance,
            language_note=note,
        )
    return None


def _language_note(obj: CollectionObject, language: str) -> str:
    text = obj.text_in(language)
    if not text.fell_back:
        return ""
    return _(
        "This record has not yet been translated into %(language)s; it is given in its "
        "original language (%(original)s)."
    ) % {
        "language": language_in_sentence(language),
        "original": language_in_sentence(text.original_language),
    }


def object_report(
    obj: CollectionObject, *, language: str, site_url: str, limits: Limits = OBJECT_LIMITS
) -> ObjectReport:
    """The report's content for a public object (fetch it with ``get_public_object``)."""
    creators = list(obj.creator_links.all())
    images = list(obj.images.all())
    models = list(obj.models3d.all())
    text = obj.text_in(language)
    licence = get_licence(obj.licence)
    # A report is a copy the visitor keeps: it holds pictures only where the licence lets
    # the museum hand out copies, exactly as the downloads panel decides.
    may_copy = downloadable_licence(obj.licence) is not None
    show_media = may_copy and not (limits.skip_noted_media and obj.content_note)
    pictures, more = _pictures(images, models, limits) if show_media else ([], 0)
    has_media = bool(images or [m for m in models if m.poster])
    return ObjectReport(
        slug=obj.slug,
        url=site_url + obj.get_absolute_url(),
        title=text.title,
        title_language=text.title_language,
        byline=byline(creators, obj.date_display),
        description=text.description,
        description_language=text.description_language,
        language_note=_language_note(obj, language),
        content_note=obj.content_note,
        fields=record_fields(obj, creators),
        tags=[tag.name for tag in obj.tags.all()],
        pictures=pictures,
        pictures_withheld="" if may_copy or not has_media else refusal_reason(obj.licence),
        more_pictures=more,
        reconstructions=_reconstructions(obj, images, limits, with_pictures=show_media),
        notes=_notes(obj, images, models, limits),
        approved_description=_approved_description(obj, language),
        licence_name=licence.display_name if licence else obj.licence,
        licence_url=licence.url if licence else "",
        credit_line=obj.public_credit_line,
    )
