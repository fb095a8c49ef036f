"""The shared media pool: a few dozen generated images and a few tiny GLB models.

Written once per collection; records name them by path, so the importer stores each
file once by its content address and cuts its tiles once however many records share it.
"""

import json
import random
import struct
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

IMAGE_COUNT = 50
MODEL_COUNT = 3
IMAGE_SIZE = (320, 240)


def write_image_pool(root: Path, *, seed: int, count: int = IMAGE_COUNT) -> list[str]:
    """Gradients with shapes over them, half PNG and half JPEG; paths relative to ``root``."""
    rng = random.Random(f"images-{seed}")  # noqa: S311  # repeatable pictures, not secrets
    folder = root / "images"
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for index in range(count):
        image = _gradient(rng)
        _draw_shapes(image, rng)
        name = f"images/synthetic-{index:03d}.{'png' if index % 2 else 'jpg'}"
        image.save(root / name)
        names.append(name)
    return names


def _gradient(rng: random.Random) -> Image.Image:
    width, height = IMAGE_SIZE
    start = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    end = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    angle = rng.uniform(0, np.pi)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    t = xs / width * np.cos(angle) + ys / height * np.sin(angle)
    t = (t - t.min()) / max(float(t.max() - t.min()), 1e-6)
    pixels = start + (end - start) * t[..., None]
    return Image.fromarray(pixels.astype(np.uint8), "RGB")


def _draw_shapes(image: Image.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(image)
    width, height = image.size
    for _ in range(rng.randint(2, 6)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1, y1 = x0 + rng.randint(10, width // 2), y0 + rng.randint(10, height // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.choice(("ellipse", "rectangle", "line"))
        if shape == "ellipse":
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        elif shape == "rectangle":
            draw.rectangle((x0, y0, x1, y1), outline=colour, width=rng.randint(1, 6))
        else:
            draw.line((x0, y0, x1, y1), fill=colour, width=rng.randint(1, 8))


def write_model_pool(root: Path, *, count: int = MODEL_COUNT) -> list[str]:
    """Pyramids of 3 to 3 + count sides: valid glTF 2.0 binaries of a few hundred bytes."""
    folder = root / "models"
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for index in range(count):
        name = f"models/synthetic-{index}.glb"
        (root / name).write_bytes(pyramid_glb(sides=3 + index))
        names.append(name)
    return names


def pyramid_glb(*, sides: int) -> bytes:
    """A closed pyramid of ``sides`` sides, one metre across, as unindexed triangles."""
    # Rounded to float32 first, so that the accessor's min and max are the stored values.
    angles = 2 * np.pi * np.arange(sides) / sides
    xs = (0.5 * np.cos(angles)).astype(np.float32).tolist()
    zs = (0.5 * np.sin(angles)).astype(np.float32).tolist()
    ring = [(x, 0.0, z) for x, z in zip(xs, zs, strict=True)]
    apex, centre = (0.0, 1.0, 0.0), (0.0, 0.0, 0.0)
    triangles = []
    for k in range(sides):
        a, b = ring[k], ring[(k + 1) % sides]
        triangles += [apex, b, a, centre, a, b]
    positions = b"".join(struct.pack("<3f", *vertex) for vertex in triangles)
    document = {
        "asset": {"version": "2.0", "generator": "vitrine bench.synthetic"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0.8, 0.6, 0.4, 1.0]}}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "material": 0}]}],
        "buffers": [{"byteLength": len(positions)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(positions), "target": 34962}
        ],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": len(triangles),
                "type": "VEC3",
                "min": [min(v[i] for v in triangles) for i in range(3)],
                "max": [max(v[i] for v in triangles) for i in range(3)],
            }
        ],
    }
    json_chunk = json.dumps(document, separators=(",", ":")).encode()
    json_chunk += b" " * (-len(json_chunk) % 4)
    bin_chunk = positions + b"\x00" * (-len(positions) % 4)
    length = 12 + 8 + len(json_chunk) + 8 + len(bin_chunk)
    return (
        struct.pack("<4sII", b"glTF", 2, length)
        + struct.pack("<I4s", len(json_chunk), b"JSON")
        + json_chunk
        + struct.pack("<I4s", len(bin_chunk), b"BIN\x00")
        + bin_chunk
    )
