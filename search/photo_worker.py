"""The one thread per process that decodes and encodes visitors' photos.

glibc gives each thread that allocates its own memory arena and keeps what a thread
freed for that thread's next allocation. A 40 MP photo decoded on one request thread and
the next on another therefore left ~160 MB behind in each: measured, four such photos on
four threads grew the process by 320 MB where four on one thread grew it by 160. Doing
the heavy part of every photo search on this one thread lets each photo reuse the memory
the last one freed. It costs no throughput: the image encoder already runs one forward
pass at a time per process (search.encoders.conse), and admission (how many photos may
wait, and for how long) is decided before a job gets here (search.decode_budget).
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from PIL import Image

    from search.encoders.base import ImageEncoding

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None


def _worker() -> ThreadPoolExecutor:
    # Made on first use, so a server that forks after loading the code gets one per child.
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-photo")
        return _executor


def on_photo_worker(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``function`` on the photo thread and return what it returns (or raise what it raises)."""
    return _worker().submit(function, *args, **kwargs).result()


def encode_photo(image: "Image.Image") -> "ImageEncoding":
    """The visitor's photo through the image encoder, on the photo thread."""
    from search.encoders import get_image_encoder

    return on_photo_worker(get_image_encoder().encode_images, [image])[0]
