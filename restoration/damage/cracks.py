"""Cracks: thin dark (and bright) lines, found by morphological black-hat and top-hat.

The structuring element is wider than any crack. A pixel is kept when its response is strong in
absolute terms *and* stands out from the local mean response (so textured areas such as hair or
foliage, where every pixel responds, are left alone). Connected components must be long and
elongated, as cracks are.
"""

import numpy as np
import numpy.typing as npt

from restoration.damage.components import keep_components
from restoration.damage.parameters import DamageParameters
from restoration.engines.base import Mask


def cracks(grey: npt.NDArray[np.uint8], params: DamageParameters, max_area: float) -> Mask:
    import cv2

    element = cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (params.crack_kernel, params.crack_kernel)
    )
    responses = [cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, element)]
    if params.bright_cracks:
        responses.append(cv2.morphologyEx(grey, cv2.MORPH_TOPHAT, element))
    found = np.zeros(grey.shape, dtype=bool)
    window = 4 * params.crack_kernel + 1
    for response in responses:
        local_mean = cv2.blur(response.astype(np.float32), (window, window))
        candidate = (response > params.crack_threshold) & (
            response > params.crack_contrast * local_mean
        )
        found |= keep_components(candidate, params, max_area, elongated=True)
    # Morphology answers to the picture's edge (frame, scan border) as if it were a crack.
    margin = params.crack_kernel
    found[:margin, :] = found[-margin:, :] = False
    found[:, :margin] = found[:, -margin:] = False
    return found
