"""Writing descriptions: drafting one (machine output), and a curator's edit.

A draft is recorded through the shared provenance and review mechanism
(``machine_output_record``, kind "description"): the measurement it was drafted from
and the checksum of the picture are kept with it, so every sentence's source can be
checked later. Curators approve or reject it through the shared review queue.
"""

import hashlib
import time

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from descriptions.checklist import LAYERS, uncovered
from descriptions.drafting import compose, record_facts
from descriptions.drafting.languages import wording_for
from descriptions.image_analysis import ImageMeasurement, measure_picture, object_picture
from descriptions.models import Description
from descriptions.speech.tasks import speech_schedule
from exhibition.models import AuditLogEntry, CollectionObject, MachineOutputKind
from exhibition.page_cache import collection_changed
from exhibition.services.audit import audit_record_change
from exhibition.services.review import machine_output_record

ENGINE = "vitrine-describer"
ENGINE_VERSION = "2"  # 2: drafts in French too (phrasebooks per language)
METHOD = "verbal description from record fields and image measurements"
MAX_TEXT_CHARS = {"alt": 125, "short": 2_000, "long": 4_000}


class DescriptionEditError(ValueError):
    """An edit that cannot be saved; the message says why."""


def _measure(collection_object: CollectionObject) -> tuple[ImageMeasurement | None, str]:
    picture = object_picture(collection_object)
    if picture is None:
        return None, ""
    return measure_picture(picture.picture, source=picture.source), picture.checksum


def description_draft(*, collection_object: CollectionObject, language: str = "en") -> Description:
    """Draft the three layers of one object's description, as a draft awaiting review."""
    return description_drafts(collection_object=collection_object, languages=[language])[0]


def description_drafts(
    *, collection_object: CollectionObject, languages: list[str]
) -> list[Description]:
    """One draft per language, from one measurement of the picture (the image model runs
    once however many languages are written). ValueError for a language no phrasebook
    writes, before anything is measured or stored."""
    for language in languages:
        wording_for(language)
    started = time.perf_counter()
    measurement, checksum = _measure(collection_object)
    measured_seconds = time.perf_counter() - started
    drafts = []
    for language in languages:
        composing = time.perf_counter()
        # The title and description in the draft's language, where the record has them.
        facts = record_facts(collection_object, language)
        record_digest = hashlib.sha256("\n".join(facts.texts()).encode()).hexdigest()
        checksums = {"record": record_digest}
        if measurement is not None:
            checksums[measurement.source] = checksum
        draft = compose(facts, measurement, language)
        with transaction.atomic():
            output = machine_output_record(
                kind=MachineOutputKind.DESCRIPTION,
                collection_object=collection_object,
                method=METHOD,
                engine=ENGINE,
                engine_version=ENGINE_VERSION,
                parameters={
                    "language": language,
                    "measurement": measurement.as_json() if measurement else None,
                },
                input_checksums=checksums,
                duration_seconds=round(measured_seconds + time.perf_counter() - composing, 3),
            )
            drafts.append(
                Description.objects.create(
                    collection_object=collection_object,
                    machine_output=output,
                    language=language,
                    alt_text=draft.alt_text,
                    short_text=draft.short_text,
                    long_text=draft.long_text,
                    statements=[statement.as_json() for statement in draft.statements],
                )
            )
    return drafts


def _edited_statements(
    description: Description, texts: dict[str, str], curator: User
) -> list[dict[str, object]]:
    """Sentences kept verbatim keep their sources; what the curator wrote is theirs."""
    statements: list[dict[str, object]] = []
    for layer in LAYERS:
        kept = [
            s
            for s in description.statements
            if s.get("layer") == layer and s.get("text") and s["text"] in texts[layer]
        ]
        statements += kept
        written = uncovered(texts[layer], (str(s["text"]) for s in kept))
        statements += [
            {"layer": layer, "paragraph": 0, "text": part, "sources": [f"curator:{curator.pk}"]}
            for part in written
        ]
    return statements


def description_edit(
    *, description: Description, curator: User, alt_text: str, short_text: str, long_text: str
) -> Description:
    """A curator's correction of a description (before approving it in the review queue)."""
    texts = {"alt": alt_text.strip(), "short": short_text.strip(), "long": long_text.strip()}
    for layer, text in texts.items():
        if not text:
            raise DescriptionEditError(f"The {layer} text may not be empty.")
        if len(text) > MAX_TEXT_CHARS[layer]:
            raise DescriptionEditError(
                f"The {layer} text is over {MAX_TEXT_CHARS[layer]:,} characters."
            )
    old = {"alt_text": description.alt_text, "short_text": description.short_text}
    old["long_text"] = description.long_text
    with transaction.atomic():
        description.statements = _edited_statements(description, texts, curator)
        description.alt_text, description.short_text = texts["alt"], texts["short"]
        description.long_text = texts["long"]
        description.edited_by = curator
        description.edited_at = timezone.now()
        description.save()
        changes = {
            name: {"old": old[name], "new": getattr(description, name)}
            for name in old
            if old[name] != getattr(description, name)
        }
        audit_record_change(
            actor=curator,
            instance=description,
            changes=changes,
            action=AuditLogEntry.Action.CHANGED,
            note="Description edited",
        )
        # An approved description is on public pages, which are cached.
        collection_changed()
        speech_schedule(collection_object=description.collection_object)
    return description
