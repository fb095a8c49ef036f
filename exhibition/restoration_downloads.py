"""A reconstructed image as a visitor downloads it: labelled in its pixels and its metadata.

A file travels without the page around it, so the label "AI reconstruction — not the
original" is drawn into a band under the image (a crop of the band still leaves the image
whole, and a crop of the image loses the band: both are obvious), and the provenance is
written into PNG text chunks that image viewers and archives read, with the object's
licence and credit as every other download carries them (``exhibition.downloads``).
"""

import io
import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from exhibition.downloads.image_metadata import png_info
from exhibition.downloads.notice import rights_notice
from exhibition.licences import Licence
from exhibition.models import Restoration
from exhibition.restoration_display import AI_LABEL, provenance_record, reconstruction_caption

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
# Debian's DejaVu when installed; Pillow's own bundled font otherwise (a fresh machine).
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
BAND_COLOUR = (20, 20, 20)
TEXT_COLOUR = (255, 255, 255)
MIN_FONT_PX = 10


@lru_cache(maxsize=16)
def label_font(size: int) -> Font:
    if DEJAVU.is_file():
        return ImageFont.truetype(str(DEJAVU), size)
    return ImageFont.load_default(size=size)


def _wrap(text: str, font: Font, width: int, draw: ImageDraw.ImageDraw) -> list[str]:
    """Break the caption at its ' · ' separators (then spaces) so every line fits."""
    lines: list[str] = []
    for part in text.split(" · "):
        candidate = f"{lines[-1]} · {part}" if lines else part
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
            continue
        words, line = part.split(" "), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if line and draw.textlength(trial, font=font) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def labelled_image(image: Image.Image, caption: str) -> Image.Image:
    """The image above a dark band carrying the caption in white, as large as it fits."""
    image = image.convert("RGB")
    width, height = image.size
    size = max(MIN_FONT_PX, min(48, width // 40))
    font = label_font(size)
    draw = ImageDraw.Draw(image)
    padding = max(4, size // 2)
    lines = _wrap(caption, font, width - 2 * padding, draw)
    line_height = int(size * 1.3)
    band_height = 2 * padding + line_height * len(lines)
    labelled = Image.new("RGB", (width, height + band_height), BAND_COLOUR)
    labelled.paste(image, (0, 0))
    draw = ImageDraw.Draw(labelled)
    for n, line in enumerate(lines):
        draw.text((padding, height + padding + n * line_height), line, font=font, fill=TEXT_COLOUR)
    return labelled


def png_metadata(restoration: Restoration, *, licence: Licence, source_url: str) -> PngInfo:
    """The rights notice (Title, Author, Copyright, Source, Disclaimer: the label), then
    Description (the caption) and Comment (provenance JSON)."""
    output = restoration.machine_output
    obj = restoration.source_image.collection_object
    caption = reconstruction_caption(output)
    notice = rights_notice(obj, licence=licence, source_url=source_url, disclaimer=caption)
    info = png_info(replace(notice, title=f"{AI_LABEL}: {notice.title}"))
    info.add_itxt("Description", caption)
    info.add_itxt(
        "Comment",
        json.dumps(provenance_record(restoration, source_url=source_url), ensure_ascii=False),
    )
    info.add_text("Software", f"Vitrine virtual restoration ({output.engine})")
    return info


def restoration_download_png(
    restoration: Restoration, *, licence: Licence, source_url: str
) -> bytes:
    """The labelled PNG of an approved restoration, with its provenance embedded."""
    with restoration.result.open("rb") as stored, Image.open(stored) as result:
        labelled = labelled_image(result, reconstruction_caption(restoration.machine_output))
    buffer = io.BytesIO()
    labelled.save(
        buffer,
        format="PNG",
        pnginfo=png_metadata(restoration, licence=licence, source_url=source_url),
    )
    return buffer.getvalue()
