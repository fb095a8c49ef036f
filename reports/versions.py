"""A report's version key: a digest of everything it shows, in its language.

A changed record, note, approval, translation or licence changes the content, hence the
key, hence the report; an edit to another object leaves it alone. Layout changes bump
LAYOUT_REVISION so every report is made afresh.
"""

import hashlib
import json
from dataclasses import asdict
from typing import Any

from django.core.cache import cache
from django.db.models import Model
from django.utils import translation

from exhibition.models import CollectionObject, Exhibition
from exhibition.page_cache import collection_version
from reports.content import ExhibitionReport, ObjectReport
from reports.exhibitions import exhibition_report
from reports.models import ReportSubject
from reports.selectors import object_report

LAYOUT_REVISION = 1
# An exhibition's content is read from dozens of records: its key is kept per collection
# version, and for a short while at most (a description's text may change without one).
EXHIBITION_KEY_SECONDS = 30

ReportContent = ObjectReport | ExhibitionReport


def report_content(*, kind: str, subject: Model, language: str, site_url: str) -> ReportContent:
    """The content of the report on a public object or exhibition, in ``language``."""
    with translation.override(language):
        if kind == ReportSubject.OBJECT:
            assert isinstance(subject, CollectionObject)
            return object_report(subject, language=language, site_url=site_url)
        assert isinstance(subject, Exhibition)
        return exhibition_report(subject, language=language, site_url=site_url)


def content_key(content: ReportContent, *, language: str) -> str:
    payload: dict[str, Any] = {
        "layout": LAYOUT_REVISION,
        "language": language,
        "content": asdict(content),
    }
    encoded = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def current_key(*, kind: str, subject: Model, language: str, site_url: str) -> str:
    """The version key of the report a visitor asking now should get."""
    if kind == ReportSubject.OBJECT:
        content = report_content(kind=kind, subject=subject, language=language, site_url=site_url)
        return content_key(content, language=language)
    site = hashlib.sha256(site_url.encode()).hexdigest()[:16]
    cache_key = f"vitrine:report-key:{collection_version()}:{kind}:{subject.pk}:{language}:{site}"
    key: str | None = cache.get(cache_key)
    if key is None:
        content = report_content(kind=kind, subject=subject, language=language, site_url=site_url)
        key = content_key(content, language=language)
        cache.set(cache_key, key, EXHIBITION_KEY_SECONDS)
    return key
