"""``/annotations/<slug>/``: the public annotations of a public object, as an AnnotationPage."""

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from exhibition import selectors
from exhibition.annotations.jsonld import ANNO_CONTENT_TYPE, annotation_page, manifest_base
from exhibition.annotations.selectors import public_annotations
from exhibition.iiif.http import iiif_endpoint

MAX_AGE = 5 * 60


@iiif_endpoint
def object_annotations(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        obj = selectors.get_public_object(slug)
    except Http404:
        raise Http404(f"No public object '{slug}'.") from None
    # A public object without notes has an empty page: clients need not tell the cases apart.
    annotations = public_annotations(collection_object=obj)
    absolute = request.build_absolute_uri
    data = annotation_page(
        absolute,
        page_id=absolute(reverse("annotations:page", kwargs={"slug": slug})),
        annotations=annotations,
        base=manifest_base(absolute, slug),
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type=ANNO_CONTENT_TYPE
    )
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
