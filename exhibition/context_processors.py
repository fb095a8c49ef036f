from django.conf import settings
from django.http import HttpRequest

from exhibition.language_links import language_links


def site(request: HttpRequest) -> dict[str, object]:
    return {"site_name": settings.VITRINE_SITE_NAME}


def languages(request: HttpRequest) -> dict[str, object]:
    return {"language_links": language_links(request)}
