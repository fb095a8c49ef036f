"""What the scale benchmark's own processes run inside the benchmark database.

    python -m bench.scale.steps embed-sample K       # real embeddings of K public objects
    python -m bench.scale.steps synthetic-embeddings # random unit vectors for the rest
    python -m bench.scale.steps paths                # the URLs each page scenario requests

Each prints one JSON object on its last line. The pipeline starts them with the
benchmark's environment (``DATABASE_URL`` of its own database), never the site's.
"""

import json
import sys
import time
from typing import Any
from urllib.parse import urlencode

SYNTHETIC_CHECKSUM = "synthetic-benchmark-vector"
WRITE_BATCH = 2_000
OBJECT_PATHS = 60
SEARCH_QUERIES = (
    "harbour at night",
    "gilded crown",
    "a ship in a storm",
    "porcelain vessel",
    "portrait of a merchant",
    "lion and dragon",
    "weathered bronze mask",
    "festival of lanterns",
)
# Where a visitor lands after paging far into browse: nine tenths of the way through.
DEEP_FRACTION = 0.9


def embed_sample(count: int) -> dict[str, Any]:
    """Embeds ``count`` public objects with the real encoders: the measured rate."""
    from exhibition.selectors import public_objects
    from search.embeddings import objects_embed

    objects = list(
        public_objects()
        .prefetch_related("creator_links__agent", "tags", "images")
        .select_related("place")
        .order_by("pk")[:count]
    )
    started = time.perf_counter()
    for start in range(0, len(objects), 32):
        objects_embed(collection_objects=objects[start : start + 32], force=True)
    return {"objects": len(objects), "seconds": time.perf_counter() - started}


def synthetic_embeddings() -> dict[str, Any]:
    """Random unit vectors, in bulk, for every public object the sample left unembedded.

    Each space takes the encoder name, version and width of the sample's real rows, so the
    index build reads them as it reads real ones; only their directions are meaningless.
    """
    import numpy as np

    from exhibition.selectors import public_objects
    from search.models import Embedding

    rng = np.random.default_rng(0)
    started = time.perf_counter()
    written = 0
    with_image = set(
        public_objects().filter(images__isnull=False).values_list("pk", flat=True).distinct()
    )
    templates = {
        row["space"]: row
        for row in Embedding.objects.values("space", "encoder", "encoder_version", "dim")
        .order_by("space")
        .distinct("space")
    }
    for space, template in templates.items():
        done = set(
            Embedding.objects.filter(space=space).values_list("collection_object_id", flat=True)
        )
        wanted = [
            pk
            for pk in public_objects().order_by("pk").values_list("pk", flat=True)
            if pk not in done and (space in {"text", "heading"} or pk in with_image)
        ]
        for start in range(0, len(wanted), WRITE_BATCH):
            chunk = wanted[start : start + WRITE_BATCH]
            vectors = rng.standard_normal((len(chunk), template["dim"])).astype("<f4")
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            Embedding.objects.bulk_create(
                Embedding(
                    collection_object_id=pk,
                    space=space,
                    encoder=template["encoder"],
                    encoder_version=template["encoder_version"],
                    input_checksum=SYNTHETIC_CHECKSUM,
                    dim=template["dim"],
                    vector=vector.tobytes(),
                )
                for pk, vector in zip(chunk, vectors, strict=True)
            )
            written += len(chunk)
    return {"vectors": written, "seconds": time.perf_counter() - started}


def scenario_paths() -> dict[str, Any]:
    """Object pages spread over the collection, browse with and without two facets, the
    deep browse page, search, the sitemap file and the API list."""
    from django.db.models import Sum
    from django.urls import reverse

    from exhibition.models import BrowseFacetCell
    from exhibition.selectors import public_objects
    from exhibition.views.browse import PAGE_SIZE

    objects = public_objects()
    total = objects.count()
    step = max(1, total // OBJECT_PATHS)
    slugs = list(objects.order_by("pk").values_list("slug", flat=True)[::step][:OBJECT_PATHS])
    browse = reverse("exhibition:browse")
    facets = {}
    # The commonest value of each facet as the browse page offers it (a culture's group,
    # "Egypt" for "Egypt (Court)"): what a visitor's click on the facet sends.
    for param, field in (("type", "object_type"), ("culture", "culture")):
        commonest = (
            BrowseFacetCell.objects.values(field)
            .annotate(n=Sum("count"))
            .order_by("-n", field)
            .first()
        )
        if commonest is None:
            raise SystemExit("no browse facet counts to pick from: the import left none")
        facets[param] = commonest[field]
    pages = max(1, -(-total // PAGE_SIZE))
    search = reverse("search:search")
    return {
        "objects": total,
        "minimal": [reverse("healthz")],
        "object": [reverse("exhibition:object-detail", kwargs={"slug": s}) for s in slugs],
        "browse": [browse],
        "browse_facets": [f"{browse}?{urlencode(facets)}"],
        "browse_deep": [f"{browse}?page={max(1, int(pages * DEEP_FRACTION))}"],
        "search_page": [f"{search}?{urlencode({'q': q})}" for q in SEARCH_QUERIES],
        "search_api": [f"/api/search/?{urlencode({'q': q})}" for q in SEARCH_QUERIES],
        "sitemap": [reverse("exhibition:sitemap-section", kwargs={"section": "objects"})],
        "api_list": ["/api/objects/"],
    }


def main(argv: list[str]) -> None:
    import django

    django.setup()
    step, *rest = argv
    if step == "embed-sample":
        result = embed_sample(int(rest[0]))
    elif step == "synthetic-embeddings":
        result = synthetic_embeddings()
    elif step == "paths":
        result = scenario_paths()
    else:
        raise SystemExit(f"unknown step {step!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
