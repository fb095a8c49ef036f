"""Visual feedback for sparse catalogues: objects that look like the best matches.

Where most records are little more than a title, the words of a query find few of the
objects it describes, and their images are most of what is known about them. So the
search takes the images of its first few results, averages them in the purely visual
space and adds, as a fourth channel, how much each object looks like them: a title
"Hunters in the Snow" found by "snowy winter scene" brings other snowy pictures along.
Where records are described, the text channels already find those objects and the
feedback only adds drift, so it is used for sparse catalogues only.

Chosen on the development queries in the titles-only condition (both sets improved);
see evaluate_search --record-fields title.
"""

from collections.abc import Sequence

import numpy as np

from search.ranking import ChannelResult, FusedHit
from search.retrieval import IndexMissing, ShowableCheck, Sources, vector_channel

FEEDBACK = "looks_like"
FEEDBACK_FROM = 3  # results whose images are averaged
FEEDBACK_WEIGHT = 0.3
VISUAL_SPACE = "visual"


def feedback_channel(
    ranked: Sequence[FusedHit], sources: Sources, check: ShowableCheck
) -> ChannelResult | None:
    """How much each object looks like the first results' images, or None without images."""
    leading = [hit.object_id for hit in ranked[: FEEDBACK_FROM * 3]]
    vectors = sources.stored_vectors(VISUAL_SPACE, leading)
    chosen = [vectors[oid] for oid in leading if oid in vectors][:FEEDBACK_FROM]
    if not chosen:
        return None
    centre = np.mean(chosen, axis=0)
    centre /= float(np.linalg.norm(centre)) or 1.0
    try:
        return ChannelResult(FEEDBACK, vector_channel(sources, VISUAL_SPACE, centre, check))
    except IndexMissing:
        return None
