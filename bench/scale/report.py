"""The scale benchmark's figures: one JSON object, or a table for people."""

from typing import Any

from bench.scale.load import SCENARIOS
from bench.scale.pipeline import PipelineFigures


def scale_report(
    *,
    pipeline: PipelineFigures,
    pages: dict[str, dict[str, Any]],
    rss_mb: list[float],
    workers: int,
    clients: int,
) -> dict[str, Any]:
    return {
        "objects": pipeline.objects,
        "database": "postgresql",
        "import_records_per_s": round(pipeline.import_records_per_s, 1),
        "embed_records_per_s": round(pipeline.embed_records_per_s, 2),
        "embeddings": "synthetic" if pipeline.synthetic_embeddings else "real",
        "index_build_s": round(pipeline.index_build_s, 2),
        "index_build_peak_rss_mb": round(pipeline.index_peak_rss_mb, 1),
        "rss_mb_per_worker": round(sum(rss_mb) / len(rss_mb), 1),
        "rss_mb_workers": [round(value, 1) for value in rss_mb],
        "asgi_workers": workers,
        "clients": clients,
        "page_cache": False,
        "server_time": "Server-Timing wall time inside Django (database waits included)",
        "notes": pipeline.notes,
        "pages": pages,
    }


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"{report['objects']:,} synthetic objects on PostgreSQL + Redis, "
        f"{report['asgi_workers']} ASGI workers on one socket, {report['clients']} clients, "
        "page cache off",
        f"import            {report['import_records_per_s']:>10,.1f} records/s",
        f"embed             {report['embed_records_per_s']:>10,.2f} records/s "
        f"({report['embeddings']} embeddings)",
        f"index build       {report['index_build_s']:>10,.2f} s "
        f"(peak {report['index_build_peak_rss_mb']:,.0f} MB)",
        f"RSS per worker    {report['rss_mb_per_worker']:>10,.1f} MB "
        f"({', '.join(f'{v:,.0f}' for v in report['rss_mb_workers'])})",
        *report["notes"],
        "",
        f"{'page':<14}{'p50 ms':>9}{'p95 ms':>9}{'p95 x':>8}{'cpu p95':>9}"
        f"{'client p95':>12}{'n':>6}",
    ]
    for name in SCENARIOS:
        row = report["pages"][name]
        lines.append(
            f"{name:<14}{_show(row['p50_ms']):>9}{_show(row['p95_ms']):>9}"
            f"{_show(row.get('p95_ratio')):>8}{_show(row['cpu_p95_ms']):>9}"
            f"{_show(row['client_p95_ms']):>12}{row['requests']:>6}"
        )
    lines.append(
        "ms: Server-Timing wall time inside Django; p95 x: to the minimal view's p95 in this run; "
        "client p95 includes queueing."
    )
    return "\n".join(lines)


def _show(value: object) -> str:
    if value is None:
        return "–"
    return f"{value:,.2f}" if isinstance(value, float) else str(value)
