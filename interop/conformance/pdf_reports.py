"""PDF reports: a sample of objects' reports, asked for as a visitor asks (the site makes
each one if it is not made yet), must be tagged PDFs: /MarkInfo /Marked, a structure tree
and the document's language (what PDF/UA-1 asks first; read with pikepdf)."""

import io
import time

import pikepdf
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from exhibition.models import CollectionObject
from exhibition.selectors import public_objects
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import FetchError, LoopbackSite

VALIDATOR = "pikepdf: /MarkInfo /Marked, /StructTreeRoot, /Lang"
# A report still being made is asked for again after the Retry-After it gives, this often.
MAX_POLLS = 20


def pdf_problems(data: bytes, *, language: str) -> list[str]:
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            root = pdf.Root
            mark_info = root.get("/MarkInfo")
            marked = bool(mark_info is not None and mark_info.get("/Marked"))
            tree = "/StructTreeRoot" in root
            lang = str(root.get("/Lang", ""))
    except pikepdf.PdfError as error:
        return [f"not a readable PDF: {error}"]
    problems = [] if marked else ["not marked as tagged (/MarkInfo /Marked)"]
    problems += [] if tree else ["no structure tree (/StructTreeRoot)"]
    if not lang.startswith(language):
        problems.append(f"/Lang is {lang!r}, not {language!r}")
    return problems


def sample(limit: int) -> list[CollectionObject]:
    """``limit`` public objects spread evenly over the collection."""
    objects = list(public_objects().order_by("pk"))
    if limit >= len(objects):
        return objects
    return [objects[n * len(objects) // limit] for n in range(limit)]


def _report(site: LoopbackSite, path: str, deadline: Deadline) -> tuple[int, bytes]:
    for _poll in range(MAX_POLLS):
        fetched = site.get(path)
        if fetched.status != 202 or deadline.passed:
            return fetched.status, fetched.body
        wait = int(fetched.headers.get("Retry-After", "3") or 3)
        time.sleep(min(wait, deadline.remaining()))
    return 202, b""


def check_reports(site: LoopbackSite, *, limit: int, deadline: Deadline) -> CheckResult:
    language = settings.LANGUAGE_CODE.split("-")[0]
    result = CheckResult(f"PDF object reports (sample of {limit})", VALIDATOR)
    for obj in sample(limit):
        if deadline.passed:
            result.record(obj.slug, [deadline.reason()])
            continue
        with translation.override(language):
            path = reverse("reports:object-report", kwargs={"slug": obj.slug})
        try:
            status, body = _report(site, path, deadline)
        except FetchError as error:
            result.record(obj.slug, [str(error)])
            continue
        if status != 200:
            result.record(obj.slug, [f"{path} answered {status}"])
            continue
        result.record(obj.slug, pdf_problems(body, language=language))
    return result
