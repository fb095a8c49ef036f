"""Celery tasks: thin wrappers over services. With no broker they run in-process."""

from celery import shared_task

from reports.generation import report_generate


@shared_task
def generate_report(report_id: int) -> bool:
    """Make one waiting report's PDF; False if it was taken, gone, or no longer current."""
    report = report_generate(report_id=report_id)
    return report is not None and report.is_ready
