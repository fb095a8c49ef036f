"""What a report shows, as plain values: the report's template and version key read these.

Everything here is built in the active language (call it inside ``translation.override``)
from the reads the public pages use, so a report never says more than the site does.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    """One line of the record: "Date" — "c. 1495–1498"."""

    label: str
    value: str
    # The language of the value when it is not the report's (an untranslated title).
    language: str = ""


@dataclass(frozen=True)
class Picture:
    """An image embedded in the report, read from storage and shrunk when rendered."""

    storage_name: str
    # "report-image:<digest>": the only kind of address the renderer will fetch.
    src: str
    alt: str
    caption: str
    # The longest side, in pixels, the embedded copy is shrunk to.
    longest_side: int
    # What identifies the file's content (its checksum, else its stored name).
    identity: str


@dataclass(frozen=True)
class Reconstruction:
    """An approved virtual restoration, always shown with its label and provenance."""

    label: str
    picture: Picture | None
    source: str
    provenance: list[Field]


@dataclass(frozen=True)
class Note:
    number: int
    where: str
    text: str
    language: str
    by: str


@dataclass(frozen=True)
class ApprovedDescription:
    short_text: str
    paragraphs: list[str]
    language: str
    provenance: str
    # Said when the description is not in the report's language.
    language_note: str = ""


@dataclass(frozen=True)
class ObjectReport:
    slug: str
    url: str
    title: str
    title_language: str
    byline: str
    description: str
    description_language: str
    language_note: str
    content_note: str
    fields: list[Field]
    tags: list[str]
    pictures: list[Picture]
    # Why the report holds no pictures of this object although it has some ("" if it does).
    pictures_withheld: str
    more_pictures: int
    reconstructions: list[Reconstruction]
    notes: list[Note]
    approved_description: ApprovedDescription | None
    licence_name: str
    licence_url: str
    credit_line: str


@dataclass(frozen=True)
class ExhibitionEntry:
    caption: str
    report: ObjectReport


@dataclass(frozen=True)
class ExhibitionPart:
    heading: str
    body: str
    entries: list[ExhibitionEntry] = field(default_factory=list)


@dataclass(frozen=True)
class ExhibitionReport:
    slug: str
    url: str
    title: str
    subtitle: str
    summary: str
    parts: list[ExhibitionPart]
    object_count: int
    # Public objects left out because the report has a cap ("0" when none were).
    left_out: int
    cap: int
