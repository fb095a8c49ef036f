"""The collection's data model, one module per concern."""

from exhibition.models.annotations import Annotation
from exhibition.models.audit import AuditLogEntry
from exhibition.models.browse_facets import BrowseEntry, BrowseFacetCell
from exhibition.models.collection import (
    Agent,
    CollectionObject,
    ObjectCreator,
    Place,
    Tag,
    Visibility,
)
from exhibition.models.collection_version import CollectionVersion
from exhibition.models.exhibitions import Exhibition, ExhibitionSection, SectionObject
from exhibition.models.machine_output import (
    MachineOutput,
    MachineOutputKind,
    ProvenanceEvent,
    ReviewStatus,
)
from exhibition.models.media import Hotspot, ObjectImage, ObjectModel3D
from exhibition.models.restoration import Restoration
from exhibition.models.translations import ObjectTranslation, RecordText

__all__ = [
    "Agent",
    "Annotation",
    "AuditLogEntry",
    "BrowseEntry",
    "BrowseFacetCell",
    "CollectionObject",
    "CollectionVersion",
    "Exhibition",
    "ExhibitionSection",
    "Hotspot",
    "MachineOutput",
    "MachineOutputKind",
    "ObjectCreator",
    "ObjectImage",
    "ObjectModel3D",
    "ObjectTranslation",
    "Place",
    "ProvenanceEvent",
    "RecordText",
    "Restoration",
    "ReviewStatus",
    "SectionObject",
    "Tag",
    "Visibility",
]
