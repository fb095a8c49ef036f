"""The rights notice in a GLB's own JSON: ``asset.copyright`` and ``asset.extras``.

glTF 2.0 gives ``asset.copyright`` for "a copyright message suitable for display to
credit the content creator"; the rest of the notice goes into ``asset.extras.rights``.
Only the JSON chunk is rewritten: the binary chunk (and any chunk after it) is copied
byte for byte, so geometry, textures and their offsets are untouched.
"""

import json
import struct
from dataclasses import dataclass

from exhibition.downloads.notice import RightsNotice

MAGIC = b"glTF"
JSON_CHUNK = 0x4E4F534A
HEADER = struct.Struct("<4sII")
CHUNK_HEADER = struct.Struct("<II")


class InvalidGlb(ValueError):
    """The stored file is not a GLB this code can rewrite (a bad import, a truncated file)."""


@dataclass(frozen=True)
class GlbParts:
    document: dict[str, object]
    # Every chunk after the JSON one, headers included, exactly as stored.
    rest: bytes


def split_glb(data: bytes) -> GlbParts:
    if len(data) < HEADER.size + CHUNK_HEADER.size:
        raise InvalidGlb("too short for a GLB header")
    magic, version, length = HEADER.unpack_from(data)
    if magic != MAGIC or version != 2 or length != len(data):
        raise InvalidGlb("not a glTF 2.0 binary file of the stated length")
    chunk_length, chunk_type = CHUNK_HEADER.unpack_from(data, HEADER.size)
    start = HEADER.size + CHUNK_HEADER.size
    end = start + chunk_length
    if chunk_type != JSON_CHUNK or chunk_length % 4 or end > len(data):
        raise InvalidGlb("the first chunk is not a 4-byte aligned JSON chunk")
    try:
        document = json.loads(data[start:end].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidGlb(f"the JSON chunk does not parse: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("asset"), dict):
        raise InvalidGlb("the JSON chunk has no asset object")
    return GlbParts(document=document, rest=data[end:])


def join_glb(document: dict[str, object], rest: bytes) -> bytes:
    """A GLB from a JSON document and the stored chunks after it, padded as the spec says."""
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # JSON chunks are padded with spaces to a multiple of 4 bytes.
    payload += b" " * (-len(payload) % 4)
    body = CHUNK_HEADER.pack(len(payload), JSON_CHUNK) + payload + rest
    return HEADER.pack(MAGIC, 2, HEADER.size + len(body)) + body


def glb_with_notice(data: bytes, notice: RightsNotice) -> bytes:
    parts = split_glb(data)
    asset = dict(parts.document["asset"])  # type: ignore[call-overload]
    asset["copyright"] = notice.rights
    extras = asset.get("extras")
    asset["extras"] = {**(extras if isinstance(extras, dict) else {}), "rights": notice.as_dict()}
    return join_glb({**parts.document, "asset": asset}, parts.rest)
