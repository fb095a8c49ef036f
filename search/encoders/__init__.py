"""Encoders for search, built lazily once per process (never at import, never before fork).

``get_text_encoder()`` gives the record-text space (MiniLM, 384-d); ``get_image_encoder()``
the engine named by ``settings.SEARCH_IMAGE_ENCODER`` among those registered in
``settings.SEARCH_IMAGE_ENCODERS``: "conse" (default, joint space = MiniLM's) or "clip"
(joint space = CLIP's, from ``settings.SEARCH_CLIP_MODEL``).
"""

import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.engines import EngineRegistry, UnknownEngine
from search.encoders.base import Concept, ImageEncoder, ImageEncoding, TextEncoder

__all__ = [
    "Concept",
    "ImageEncoder",
    "ImageEncoding",
    "TextEncoder",
    "configure_torch",
    "get_image_encoder",
    "get_text_encoder",
    "image_encoders",
]

image_encoders: EngineRegistry[ImageEncoder] = EngineRegistry(
    kind="image encoder", base=ImageEncoder, setting="SEARCH_IMAGE_ENCODERS"
)

_lock = threading.RLock()
_text_encoder: TextEncoder | None = None
_image_encoder: ImageEncoder | None = None
_torch_configured = False


def configure_torch() -> None:
    """Bound torch's threads once per process: several ASGI workers share the cores."""
    global _torch_configured
    with _lock:
        if _torch_configured:
            return
        import torch

        torch.set_num_threads(max(1, int(settings.SEARCH_TORCH_THREADS)))
        _torch_configured = True


def get_text_encoder() -> TextEncoder:
    global _text_encoder
    with _lock:
        if _text_encoder is None:
            configure_torch()
            from search.encoders.text import MiniLMTextEncoder

            _text_encoder = MiniLMTextEncoder()
        return _text_encoder


def get_image_encoder() -> ImageEncoder:
    global _image_encoder
    with _lock:
        if _image_encoder is None:
            _image_encoder = _build_image_encoder(str(settings.SEARCH_IMAGE_ENCODER))
        return _image_encoder


def _build_image_encoder(name: str) -> ImageEncoder:
    try:
        engine_class = image_encoders.engine_class(name)
    except UnknownEngine as exc:
        raise ImproperlyConfigured(f"SEARCH_IMAGE_ENCODER: {exc}") from None
    configure_torch()
    return engine_class.from_settings()


def reset_encoders() -> None:
    """Forget the built encoders (tests that switch settings)."""
    global _text_encoder, _image_encoder
    with _lock:
        _text_encoder = None
        _image_encoder = None
