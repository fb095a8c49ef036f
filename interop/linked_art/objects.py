"""HumanMadeObject documents for public collection objects.

Uncertain attribution follows the Linked Art model within what the 1.0 schema allows
(its Production has no ``assigned_by``): a maker the record states plainly is a
``carried_out_by`` of a part of the Production; "attributed to" (and "possibly",
"probably") becomes an ``attributed_by`` AttributeAssignment on the object, classified
"Possibly", that assigns a Production carried out by that maker; "after", "manner of",
"workshop of" and other qualifiers say the maker *influenced* the production
(``influenced_by``), never that they carried it out. Each keeps the record's own wording
as a statement.
"""

import re

from django.urls import reverse

from exhibition.iiif.manifests import has_manifest
from exhibition.licences import get_licence
from exhibition.models import CollectionObject, ObjectCreator
from interop.linked_art import vocab
from interop.linked_art.agents import agent_ref
from interop.linked_art.common import (
    Absolute,
    Doc,
    aat,
    document_head,
    identifier,
    local_term,
    object_type_key,
    primary_name,
    statement,
    timespan,
)
from interop.linked_art.machine_output import description_statement, restoration_items
from interop.linked_art.media import manifest_subject, page_subject, representations
from interop.linked_art.places import place_ref

UNCERTAIN_QUALIFIERS = frozenset({"attributed to", "possibly", "probably", "possibly by"})


def object_path(obj: CollectionObject) -> str:
    return reverse("linked-art:object", kwargs={"slug": obj.slug})


def object_type_concept(absolute: Absolute, object_type: str) -> Doc:
    """AAT where Vitrine's type maps to one, else our local term; both a 'type of work'."""
    term = vocab.OBJECT_TYPES.get(object_type.strip().lower())
    concept = aat(term) if term else local_term(absolute, object_type_key(object_type), object_type)
    concept["classified_as"] = [aat(vocab.TYPE_OF_WORK)]
    return concept


def materials(medium: str) -> list[Doc]:
    words = set(re.findall(r"[a-z]+", medium.lower()))
    found = [term for word, term in vocab.MATERIALS.items() if word in words]
    return [{"id": term.uri, "type": "Material", "_label": term.label} for term in found]


def maker_wording(link: ObjectCreator) -> str:
    prefix = f"{link.qualifier} " if link.qualifier else ""
    return f"{prefix}{link.agent.name} ({link.role})"


def _is_uncertain(link: ObjectCreator) -> bool:
    return link.qualifier.strip().lower() in UNCERTAIN_QUALIFIERS


def _production_part(absolute: Absolute, link: ObjectCreator) -> Doc:
    part: Doc = {"type": "Production", "_label": maker_wording(link)}
    maker = agent_ref(absolute, link.agent)
    if link.qualifier:
        part["influenced_by"] = [maker]
        part["referred_to_by"] = [statement(maker_wording(link), aat(vocab.PRODUCER_STATEMENT))]
    else:
        part["carried_out_by"] = [maker]
    return part


def _uncertain_attribution(absolute: Absolute, link: ObjectCreator) -> Doc:
    wording = maker_wording(link)
    return {
        "type": "AttributeAssignment",
        "_label": wording,
        "classified_as": [aat(vocab.POSSIBLY)],
        "referred_to_by": [statement(wording, aat(vocab.PRODUCER_STATEMENT))],
        "assigned_property": "produced_by",
        "assigned": [{"type": "Production", "carried_out_by": [agent_ref(absolute, link.agent)]}],
    }


def production(absolute: Absolute, obj: CollectionObject, links: list[ObjectCreator]) -> Doc:
    made: Doc = {"type": "Production"}
    span = timespan(start=obj.date_start, end=obj.date_end, display=obj.date_display)
    if span:
        made["timespan"] = span
    if obj.place is not None:
        made["took_place_at"] = [place_ref(absolute, obj.place)]
    parts = [_production_part(absolute, link) for link in links if not _is_uncertain(link)]
    if parts:
        made["part"] = parts
    if links:
        wording = "; ".join(maker_wording(link) for link in links)
        made["referred_to_by"] = [statement(wording, aat(vocab.PRODUCER_STATEMENT))]
    return made


def _statements(absolute: Absolute, obj: CollectionObject) -> list[Doc]:
    texts = [
        (obj.description, [aat(vocab.DESCRIPTION), aat(vocab.BRIEF_TEXT)]),
        (obj.medium, [aat(vocab.MATERIALS_STATEMENT)]),
        (obj.dimensions, [aat(vocab.DIMENSIONS_STATEMENT)]),
        (obj.public_credit_line, [aat(vocab.CREDIT_LINE)]),
    ]
    found = [statement(text, *classes) for text, classes in texts if text.strip()]
    if licence := rights_statement(obj):
        found.append(licence)
    if machine := description_statement(absolute, obj):
        found.append(machine)
    return found


def rights_statement(obj: CollectionObject) -> Doc | None:
    """The licence, as a rights statement classified by the licence's own URI.

    The 1.0 HumanMadeObject schema has no ``subject_to`` (only VisualItem and text
    documents do), so the Right of the model becomes the statement its API describes.
    """
    licence = get_licence(obj.licence)
    if licence is None:
        return None
    licence_term = {"id": licence.url, "type": "Type", "_label": licence.name}
    content = f"{licence.name} ({licence.url})"
    return statement(content, aat(vocab.RIGHTS_STATEMENT), licence_term)


def object_document(absolute: Absolute, obj: CollectionObject) -> Doc:
    """The object's Linked Art document; ``obj`` comes from ``get_public_object``."""
    links = list(obj.creator_links.all())
    images = list(obj.images.all())
    doc = document_head(
        doc_id=absolute(object_path(obj)), doc_type="HumanMadeObject", label=obj.title
    )
    doc["identified_by"] = [
        primary_name(obj.title),
        identifier(obj.accession_number, vocab.ACCESSION_NUMBER),
    ]
    doc["classified_as"] = [object_type_concept(absolute, obj.object_type)]
    doc["referred_to_by"] = _statements(absolute, obj)
    if made_of := materials(obj.medium):
        doc["made_of"] = made_of
    doc["produced_by"] = production(absolute, obj, links)
    if uncertain := [_uncertain_attribution(absolute, x) for x in links if _is_uncertain(x)]:
        doc["attributed_by"] = uncertain
    models = list(obj.models3d.all())
    shown = representations(absolute, images, models)
    shown += restoration_items(absolute, obj)
    if shown:
        doc["representation"] = shown
    doc["subject_of"] = [page_subject(absolute, obj)]
    if has_manifest(images, models):
        doc["subject_of"].append(manifest_subject(absolute, obj))
    return doc
