"""The damage proposal the curators' tool starts from, computed once per image and parameters.

Detection reads the full original (up to the pixel limit) and takes a second or more on a
large image; the tool shows the proposal on every visit and after every run, so the mask is
kept in the cache, keyed by the original's checksum and the parameters: a new original or
other parameters give a new proposal, and nothing else can change it.
"""

import hashlib
import json

import numpy as np
from django.core.cache import cache

from exhibition.models import ObjectImage
from restoration.damage import DamageParameters, detect_damage
from restoration.engines.base import Mask
from restoration.images import image_load_original

PROPOSAL_CACHE_SECONDS = 7 * 24 * 60 * 60


def damage_proposal(*, image: ObjectImage, params: DamageParameters | None = None) -> Mask:
    """The proposed loss mask of the image's original (ImageTooLarge / ImageUnreadable)."""
    params = params or DamageParameters()
    settings_key = json.dumps(params.as_dict(), sort_keys=True)
    digest = hashlib.sha256(f"{image.checksum}:{settings_key}".encode()).hexdigest()
    key = f"vitrine:damage-proposal:{digest}"
    stored = cache.get(key)
    if isinstance(stored, dict):
        height, width = stored["shape"]
        bits = np.unpackbits(np.frombuffer(stored["bits"], dtype=np.uint8), count=height * width)
        return bits.reshape(height, width).astype(bool)
    pixels = image_load_original(image)
    mask = detect_damage(pixels, params)
    # One bit a pixel: an empty proposal is a proposal too (a mask file would refuse it).
    packed = {"bits": np.packbits(mask).tobytes(), "shape": [int(n) for n in mask.shape]}
    cache.set(key, packed, PROPOSAL_CACHE_SECONDS)
    return mask
