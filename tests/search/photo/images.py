"""Photos a visitor (or an attacker) might send, made in the test."""

import io

from PIL import Image

from bench.search.photo_bench import WORST_CASES, png16

__all__ = ["encoded", "png16", "worst_case_png"]


def worst_case_png() -> bytes:
    """The issue's attack: a 16-bit RGBA PNG just under 40 MP, ~0.5 MB on the wire."""
    return WORST_CASES["png16"]()


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=kind, **options)
    return buffer.getvalue()
