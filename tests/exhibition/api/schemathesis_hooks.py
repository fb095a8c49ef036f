"""Schemathesis hooks for the API contract test: a file field holds a real image.

The photo search takes an image file (OpenAPI ``format: binary``); random bytes are
rightly refused, so schema-valid cases are given real small PNG and JPEG files.
"""

import io

import schemathesis
from hypothesis import strategies as st
from PIL import Image


def _image(fmt: str, size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    return buffer.getvalue()


schemathesis.openapi.format(
    "binary",
    st.sampled_from(
        [_image("PNG", (32, 24), (200, 40, 40)), _image("JPEG", (40, 30), (30, 90, 160))]
    ),
)
