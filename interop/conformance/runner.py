"""Every check, in the order of the table, each within its own time limit."""

from collections.abc import Callable
from dataclasses import dataclass

from interop.conformance.annotations import check_annotations
from interop.conformance.downloads import check_downloads
from interop.conformance.gltf import check_gltf
from interop.conformance.iiif import check_collections, check_discovery, check_manifests
from interop.conformance.linked_art import check_linked_art
from interop.conformance.oai import check_oai
from interop.conformance.pdf_reports import check_reports
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import LoopbackSite, loopback_site

Check = Callable[[LoopbackSite, Deadline], CheckResult]


@dataclass(frozen=True)
class RunOptions:
    # The PDF sample's size (0: no reports); each report takes a second or more to make.
    report_limit: int = 10
    # Each standard's time limit, in seconds; what is left when it passes counts as failed.
    seconds_per_check: float = 300.0
    # One HTTP request's time limit, in seconds.
    request_seconds: float = 60.0


def checks(options: RunOptions) -> list[tuple[str, Check]]:
    """(what it checks, the check), in the table's order."""
    found: list[tuple[str, Check]] = [
        ("Linked Art", lambda site, deadline: check_linked_art(site, deadline=deadline)),
        ("OAI-PMH oai_dc", lambda site, deadline: check_oai(site, "oai_dc", deadline=deadline)),
        (
            "OAI-PMH linked_art",
            lambda site, deadline: check_oai(site, "linked_art", deadline=deadline),
        ),
        ("IIIF Manifests", lambda site, deadline: check_manifests(site, deadline=deadline)),
        ("IIIF Collections", lambda site, deadline: check_collections(site, deadline=deadline)),
        ("IIIF Change Discovery", lambda site, deadline: check_discovery(site, deadline=deadline)),
        ("glTF", lambda site, deadline: check_gltf(site, deadline=deadline)),
        ("Web Annotation", lambda site, deadline: check_annotations(site, deadline=deadline)),
        ("Downloads", lambda site, deadline: check_downloads(site, deadline=deadline)),
    ]
    if options.report_limit > 0:
        limit = options.report_limit
        found.append(
            (
                "PDF reports",
                lambda site, deadline: check_reports(site, limit=limit, deadline=deadline),
            )
        )
    return found


def _run_one(name: str, check: Check, site: LoopbackSite, seconds: float) -> CheckResult:
    try:
        return check(site, Deadline(seconds))
    except Exception as error:
        # One check's own fault is its row's failure; it must not hide the other rows.
        result = CheckResult(name, "the check itself stopped")
        result.record(name, [f"{type(error).__name__}: {error}"])
        return result


def run_checks(options: RunOptions) -> list[CheckResult]:
    with loopback_site(timeout=options.request_seconds) as site:
        return [
            _run_one(name, check, site, options.seconds_per_check)
            for name, check in checks(options)
        ]
