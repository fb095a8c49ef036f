"""The AnnotationPage that paints one resource (an image, a poster, a model) on a Canvas."""

from typing import Any


def painting_page(canvas_id: str, body: dict[str, Any]) -> dict[str, Any]:
    page_id = f"{canvas_id}/page"
    return {
        "id": page_id,
        "type": "AnnotationPage",
        "items": [
            {
                "id": f"{page_id}/painting",
                "type": "Annotation",
                "motivation": "painting",
                "body": body,
                "target": canvas_id,
            }
        ],
    }
