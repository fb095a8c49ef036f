"""Our local terms as Type documents, so that every local id in a document resolves."""

from django.http import Http404

from exhibition.selectors import public_objects
from interop.linked_art import vocab
from interop.linked_art.common import (
    Absolute,
    Doc,
    aat,
    concept_path,
    document_head,
    object_type_key,
    primary_name,
)


def _object_type_label(key: str) -> str | None:
    """The public object type whose local key this is (types are few: a set, not a query)."""
    types = public_objects().values_list("object_type", flat=True).distinct()
    for object_type in types:
        if object_type_key(object_type) == key and object_type.strip():
            return object_type
    return None


def concept_document(absolute: Absolute, key: str) -> Doc:
    label = vocab.LOCAL_TERMS.get(key)
    is_object_type = False
    if label is None and key.startswith(vocab.OBJECT_TYPE_PREFIX):
        label = _object_type_label(key)
        is_object_type = label is not None
    if label is None:
        raise Http404("No such term.")
    doc = document_head(doc_id=absolute(concept_path(key)), doc_type="Type", label=label)
    doc["identified_by"] = [primary_name(label)]
    if is_object_type:
        doc["classified_as"] = [aat(vocab.TYPE_OF_WORK)]
    return doc
