"""HTML to a tagged PDF (PDF/UA-1) with WeasyPrint, which fetches nothing but our pictures.

WeasyPrint is imported inside the functions: it is only needed where reports are made.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

STYLESHEET = Path(__file__).with_name("report.css")
# PDF/UA-1: a tagged PDF (structure tree in reading order, alternative text for figures,
# /Lang from <html lang>, the title shown as the window title).
PDF_VARIANT = "pdf/ua-1"
PICTURE_SCHEME = "report-image:"


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    page_count: int


def load_weasyprint() -> Any:
    """WeasyPrint, with Pillow's process-wide switch put back as it was.

    Importing WeasyPrint sets ``PIL.ImageFile.LOAD_TRUNCATED_IMAGES`` for the whole process:
    from then on every truncated image (a visitor's photo, an imported scan) would decode as
    if whole instead of being refused as damaged. Our reports embed only our own pictures.
    """
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    import weasyprint
    import weasyprint.urls

    ImageFile.LOAD_TRUNCATED_IMAGES = before
    return weasyprint


def picture_fetcher(pictures: dict[str, bytes]) -> Any:
    """A URL fetcher that answers ``report-image:`` addresses from memory and refuses every
    other address: record text can never make the renderer read a file or call the network."""
    load_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PictureOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            data = pictures.get(url) if url.startswith(PICTURE_SCHEME) else None
            if data is None:
                raise ValueError(f"a report embeds only its own pictures, not {url[:80]!r}")
            return URLFetcherResponse(url, data, {"Content-Type": "image/jpeg"})

    return PictureOnlyFetcher(allowed_protocols=[PICTURE_SCHEME.rstrip(":")])


def render_pdf(*, html: str, pictures: dict[str, bytes]) -> RenderedPdf:
    weasyprint = load_weasyprint()
    fetcher = picture_fetcher(pictures)
    document = weasyprint.HTML(string=html, url_fetcher=fetcher).render(
        stylesheets=[weasyprint.CSS(filename=str(STYLESHEET), url_fetcher=fetcher)],
        pdf_variant=PDF_VARIANT,
    )
    data = document.write_pdf(pdf_variant=PDF_VARIANT)
    assert data is not None  # bytes when no target is given
    return RenderedPdf(data=data, page_count=len(document.pages))
