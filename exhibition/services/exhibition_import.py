"""Loading curated exhibitions from a JSON file, idempotently (by slug).

The file (see ``exhibition/demo/exhibitions.json``) holds ``exhibitions``: each with slug,
title, subtitle, summary, featured, an optional cover object slug and sections of
{heading, body, objects: [{slug, caption}]}; and ``featured_objects``: object slugs to
mark as featured. Loading publishes the exhibitions; an object slug that is not in the
collection is skipped and reported, never invented.
"""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction

from exhibition.models import (
    AuditLogEntry,
    CollectionObject,
    Exhibition,
    ExhibitionSection,
    SectionObject,
    Visibility,
)
from exhibition.page_cache import collection_changed
from exhibition.services.audit import audit_diff, audit_record_change, audit_snapshot


class ExhibitionDataError(ValueError):
    """The file does not describe exhibitions as expected; the message names where."""


@dataclass
class ExhibitionImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    featured: list[str] = field(default_factory=list)
    # Human-readable notes about object slugs that are not in the collection.
    missing: list[str] = field(default_factory=list)


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ExhibitionDataError(f"{where}: {key!r} must be text.")
    if required and not value.strip():
        raise ExhibitionDataError(f"{where}: {key!r} is required.")
    return value.strip()


def _check_length(value: str, model: Any, name: str, where: str) -> None:
    limit = model._meta.get_field(name).max_length
    if limit and len(value) > limit:
        raise ExhibitionDataError(f"{where}: {name!r} is longer than {limit} characters.")


def _object_ref(item: Any, where: str) -> tuple[str, str]:
    if isinstance(item, str):
        return item, ""
    if not isinstance(item, dict):
        raise ExhibitionDataError(f"{where}: expected {{'slug', 'caption'}} or a slug.")
    return _text(item, "slug", where, required=True), _text(item, "caption", where)


def _parse_section(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ExhibitionDataError(f"{where}: a section must be an object.")
    heading = _text(data, "heading", where, required=True)
    _check_length(heading, ExhibitionSection, "heading", where)
    objects = data.get("objects", [])
    if not isinstance(objects, list):
        raise ExhibitionDataError(f"{where}: 'objects' must be a list.")
    return {
        "heading": heading,
        "body": _text(data, "body", where),
        "objects": [_object_ref(item, f"{where}.objects[{i}]") for i, item in enumerate(objects)],
    }


def _parse_exhibition(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ExhibitionDataError(f"{where}: an exhibition must be an object.")
    slug = _text(data, "slug", where, required=True)
    try:
        validate_slug(slug)
    except ValidationError:
        raise ExhibitionDataError(f"{where}: {slug!r} is not a valid slug.") from None
    spec = {
        "slug": slug,
        "title": _text(data, "title", where, required=True),
        "subtitle": _text(data, "subtitle", where),
        "summary": _text(data, "summary", where),
        "cover": _text(data, "cover", where),
        "featured": data.get("featured", False),
    }
    for name in ("slug", "title", "subtitle"):
        _check_length(spec[name], Exhibition, name, where)
    if not isinstance(spec["featured"], bool):
        raise ExhibitionDataError(f"{where}: 'featured' must be true or false.")
    sections = data.get("sections", [])
    if not isinstance(sections, list):
        raise ExhibitionDataError(f"{where}: 'sections' must be a list.")
    spec["sections"] = [
        _parse_section(section, f"{where}.sections[{i}]") for i, section in enumerate(sections)
    ]
    return spec


def exhibitions_parse(data: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """Validated exhibition specs and featured object slugs, or ExhibitionDataError."""
    if not isinstance(data, dict):
        raise ExhibitionDataError("The file must hold a JSON object with an 'exhibitions' list.")
    exhibitions = data.get("exhibitions")
    if not isinstance(exhibitions, list):
        raise ExhibitionDataError("'exhibitions' must be a list.")
    specs = [_parse_exhibition(item, f"exhibitions[{i}]") for i, item in enumerate(exhibitions)]
    slugs = [spec["slug"] for spec in specs]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise ExhibitionDataError(
            f"Exhibition slugs appear more than once: {', '.join(duplicates)}."
        )
    featured = data.get("featured_objects", [])
    if not isinstance(featured, list) or not all(isinstance(slug, str) for slug in featured):
        raise ExhibitionDataError("'featured_objects' must be a list of object slugs.")
    return specs, featured


def exhibitions_import(
    *, data: Any, actor: User | None = None, note: str = ""
) -> ExhibitionImportReport:
    """Create or update (by slug) and publish every exhibition in ``data``, in one transaction."""
    specs, featured = exhibitions_parse(data)
    wanted = {
        slug for spec in specs for section in spec["sections"] for slug, _ in section["objects"]
    }
    wanted |= {spec["cover"] for spec in specs if spec["cover"]} | set(featured)
    objects = {obj.slug: obj for obj in CollectionObject.objects.filter(slug__in=wanted)}
    report = ExhibitionImportReport()
    with transaction.atomic():
        for order, spec in enumerate(specs):
            _import_one(spec, order=order, objects=objects, report=report, actor=actor, note=note)
        for slug in featured:
            _feature(slug, objects=objects, report=report, actor=actor, note=note)
    return report


def _sections_state(exhibition: Exhibition) -> list[Any]:
    """[heading, body, [[object slug, caption], ...]] per section, as stored."""
    sections = exhibition.sections.prefetch_related("section_objects__collection_object")
    return [
        [
            section.heading,
            section.body,
            [[link.collection_object.slug, link.caption] for link in section.section_objects.all()],
        ]
        for section in sections
    ]


def _sections_wanted(
    spec: dict[str, Any], objects: dict[str, CollectionObject], report: ExhibitionImportReport
) -> list[Any]:
    """The sections as the file asks for them, less (and reporting) objects not imported."""
    wanted = []
    for section in spec["sections"]:
        links = []
        for slug, caption in section["objects"]:
            if slug in objects:
                links.append([slug, caption])
            else:
                report.missing.append(
                    f"{spec['slug']} / {section['heading']}: {slug!r} is not imported"
                )
        wanted.append([section["heading"], section["body"], links])
    return wanted


def _write_sections(
    exhibition: Exhibition, wanted: list[Any], objects: dict[str, CollectionObject]
) -> None:
    exhibition.sections.all().delete()
    for order, (heading, body, links) in enumerate(wanted):
        section = ExhibitionSection.objects.create(
            exhibition=exhibition, order=order, heading=heading, body=body
        )
        SectionObject.objects.bulk_create(
            SectionObject(
                section=section, collection_object=objects[slug], order=i, caption=caption
            )
            for i, (slug, caption) in enumerate(links)
        )
    collection_changed()  # bulk_create sends no signal


def _import_one(
    spec: dict[str, Any],
    *,
    order: int,
    objects: dict[str, CollectionObject],
    report: ExhibitionImportReport,
    actor: User | None,
    note: str,
) -> None:
    exhibition = Exhibition.objects.filter(slug=spec["slug"]).first()
    created = exhibition is None
    if exhibition is None:
        exhibition = Exhibition(slug=spec["slug"])
    before = {} if created else audit_snapshot(exhibition)
    sections_before = [] if created else _sections_state(exhibition)
    cover = objects.get(spec["cover"]) if spec["cover"] else None
    if spec["cover"] and cover is None:
        report.missing.append(f"{spec['slug']}: cover object {spec['cover']!r} is not imported")
    for name in ("title", "subtitle", "summary", "featured"):
        setattr(exhibition, name, spec[name])
    exhibition.cover_object = cover
    exhibition.order = order
    exhibition.visibility = Visibility.PUBLIC
    changes = audit_diff(before=before, after=audit_snapshot(exhibition))
    sections_wanted = _sections_wanted(spec, objects, report)
    if sections_wanted != sections_before:
        changes["sections"] = {"old": sections_before, "new": sections_wanted}
    if not created and not changes:
        report.unchanged.append(exhibition.slug)
        return
    exhibition.save()
    if "sections" in changes:
        _write_sections(exhibition, sections_wanted, objects)
    (report.created if created else report.updated).append(exhibition.slug)
    audit_record_change(
        actor=actor,
        instance=exhibition,
        changes=changes,
        action=AuditLogEntry.Action.IMPORTED,
        note=note,
    )


def _feature(
    slug: str,
    *,
    objects: dict[str, CollectionObject],
    report: ExhibitionImportReport,
    actor: User | None,
    note: str,
) -> None:
    obj = objects.get(slug)
    if obj is None:
        report.missing.append(f"featured object {slug!r} is not imported")
        return
    if obj.featured:
        return
    obj.featured = True
    obj.save(update_fields=["featured", "updated_at"])
    report.featured.append(slug)
    audit_record_change(
        actor=actor,
        instance=obj,
        changes={"featured": {"old": False, "new": True}},
        action=AuditLogEntry.Action.IMPORTED,
        note=note,
    )
