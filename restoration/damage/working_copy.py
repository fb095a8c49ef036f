"""Reduced copies of the image, so that detection costs the same on a 6,000 px scan."""

import numpy as np
import numpy.typing as npt

WORKING_SIDE = 1024  # px: plain and edge losses are found on a copy reduced to this


def reduced(image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """`image` (grey or RGB) brought down so its longer side is at most WORKING_SIDE."""
    import cv2

    scale = min(1.0, WORKING_SIDE / max(image.shape[:2]))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.asarray(small, dtype=np.uint8)


def enlarged(mask: npt.NDArray[np.uint8], shape: tuple[int, ...]) -> npt.NDArray[np.bool_]:
    """A mask of the reduced copy brought back to the full image's (height, width)."""
    import cv2

    height, width = shape[:2]
    big = cv2.resize(mask.astype(np.uint8), (width, height), interpolation=cv2.INTER_NEAREST)
    return np.asarray(big, dtype=bool)


def median_background(channel: npt.NDArray[np.uint8], window: int) -> npt.NDArray[np.uint8]:
    """A median over ``window`` px, computed on a reduced copy for speed, then enlarged."""
    import cv2

    height, width = channel.shape
    scale = min(1.0, 256 / max(height, width))
    small = cv2.resize(channel, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    kernel = max(3, int(window * scale) | 1)
    background = np.asarray(cv2.medianBlur(small, min(kernel, 255)), dtype=np.uint8)
    big = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    return np.asarray(big, dtype=np.uint8)
