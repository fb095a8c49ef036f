"""Reading a PDF the way an assistive technology or a reader would: structure and text."""

import io
from dataclasses import dataclass

import pikepdf
from pypdf import PdfReader


@dataclass(frozen=True)
class PdfFacts:
    marked: bool
    has_structure_tree: bool
    language: str
    title: str
    text: str
    page_count: int
    # (width, height) of every embedded picture.
    picture_sizes: list[tuple[int, int]]


def read_pdf(data: bytes) -> PdfFacts:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        mark_info = root.get("/MarkInfo")
        sizes = [
            (int(image.Width), int(image.Height))
            for page in pdf.pages
            for image in page.get_images().values()
        ]
        facts = {
            "marked": bool(mark_info is not None and mark_info.get("/Marked")),
            "has_structure_tree": "/StructTreeRoot" in root,
            "language": str(root.get("/Lang", "")),
            "title": str(pdf.docinfo.get("/Title", "")),
            "page_count": len(pdf.pages),
            "picture_sizes": sizes,
        }
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return PdfFacts(text=text, **facts)
