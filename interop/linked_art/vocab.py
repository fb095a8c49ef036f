"""The classification terms Linked Art documents use: Getty AAT where one fits, else ours.

AAT ids are the ones the Linked Art 1.0 model and its examples use. A term Vitrine needs
but AAT lacks (an object type like "banknote", "machine-generated") is a *local* term:
its id is our own ``/linked-art/concept/<key>`` address, which serves it as a Type.
"""

from dataclasses import dataclass

AAT = "http://vocab.getty.edu/aat/"


@dataclass(frozen=True)
class Term:
    aat: str
    label: str

    @property
    def uri(self) -> str:
        return f"{AAT}{self.aat}"


# Names and identifiers.
PRIMARY_NAME = Term("300404670", "Primary Name")
ACCESSION_NUMBER = Term("300312355", "Accession Number")
# Statements (referred_to_by).
DESCRIPTION = Term("300435416", "Description")
BRIEF_TEXT = Term("300418049", "Brief Text")
CREDIT_LINE = Term("300026687", "Credit Line")
DIMENSIONS_STATEMENT = Term("300435430", "Dimensions Description")
MATERIALS_STATEMENT = Term("300435429", "Material Statement")
PRODUCER_STATEMENT = Term("300435446", "Artist/Maker (Producer) Description")
RIGHTS_STATEMENT = Term("300435434", "Copyright/License Statement")
BIOGRAPHY_STATEMENT = Term("300435422", "Biography Statement")
# Kinds of thing and of document.
TYPE_OF_WORK = Term("300435443", "Type of Work")
WEB_PAGE = Term("300264578", "Web Page")
DIGITAL_IMAGE = Term("300215302", "Digital Image")
ENGLISH = Term("300388277", "English")
# An attribution the record qualifies ("attributed to", "workshop of"): not certain.
POSSIBLY = Term("300435722", "Possibly")

# Object types (CollectionObject.object_type, lower-cased) with an AAT concept.
OBJECT_TYPES: dict[str, Term] = {
    "painting": Term("300033618", "Paintings (Visual Works)"),
    "drawing": Term("300033973", "Drawings (Visual Works)"),
    "print": Term("300041273", "Prints (Visual Works)"),
    "photograph": Term("300046300", "Photographs"),
    "sculpture": Term("300047090", "Sculpture (Visual Works)"),
    "book": Term("300028051", "Books"),
    "coin": Term("300037222", "Coins (Money)"),
}

# Words of a medium statement that name a material AAT has (matched as whole words).
MATERIALS: dict[str, Term] = {
    "oil": Term("300015050", "Oil Paint"),
    "canvas": Term("300014078", "Canvas"),
    "paper": Term("300014109", "Paper"),
    "marble": Term("300011443", "Marble"),
    "tempera": Term("300015062", "Tempera"),
    "ink": Term("300015012", "Ink"),
    "bronze": Term("300010957", "Bronze"),
}

# Local terms: key -> label, served at /linked-art/concept/<key>.
MACHINE_GENERATED = "machine-generated"
MACHINE_PROVENANCE = "machine-output-provenance"
VIRTUAL_RESTORATION = "virtual-restoration"
LOCAL_TERMS: dict[str, str] = {
    MACHINE_GENERATED: "Machine-generated (not the museum's own record)",
    MACHINE_PROVENANCE: "Provenance of machine output",
    VIRTUAL_RESTORATION: "Virtual restoration (AI reconstruction)",
}
OBJECT_TYPE_PREFIX = "object-type-"

# Specifications the digital objects conform to.
IIIF_IMAGE_API = "http://iiif.io/api/image"
IIIF_PRESENTATION_API = "http://iiif.io/api/presentation"
IIIF_MANIFEST_FORMAT = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)
