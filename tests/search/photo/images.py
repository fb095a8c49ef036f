"""Photos a visitor (or an attacker) might send, made in the test."""

import io
import struct
import zlib

from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png16(width: int, height: int, *, colour_type: int, pixel: bytes) -> bytes:
    """A 16-bit PNG of one repeated pixel: megapixels that compress to a few hundred KB.

    colour_type 6 is RGBA (8 bytes a pixel), 0 greyscale (2 bytes).
    """
    row = b"\x00" + pixel * width  # filter 0 ("None") on every row
    compressor = zlib.compressobj(6)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 16, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", body)
        + _chunk(b"IEND", b"")
    )


def worst_case_png(side: int = 6320) -> bytes:
    """The issue's attack: a 16-bit RGBA PNG just under 40 MP, ~0.5 MB on the wire."""
    return png16(side, side, colour_type=6, pixel=bytes.fromhex("1234 5678 9abc ffff"))


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=kind, **options)
    return buffer.getvalue()
