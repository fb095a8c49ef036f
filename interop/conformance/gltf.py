"""glTF 2.0: every GLB the site serves (each public model, and its download where the
licence allows one) through the Khronos glTF Validator (``node scripts/validate_gltf.mjs``,
the npm package ``gltf-validator`` the 3D ingest tests use)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

from exhibition.downloads.offers import model_download_url
from exhibition.downloads.policy import downloadable_licence
from exhibition.models import ObjectModel3D
from exhibition.selectors import public_objects
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import FetchError, LoopbackSite

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "validate_gltf.mjs"
VALIDATOR = "Khronos glTF Validator (npm gltf-validator, scripts/validate_gltf.mjs)"
# One file's validation at most; the demo's largest model takes about a second.
FILE_SECONDS = 60


class ValidatorMissing(Exception):
    pass


def validator_report(data: bytes) -> list[str]:
    """The validator's errors for one GLB, as 'code: message' lines (empty: none)."""
    node = shutil.which("node")
    if node is None or not (Path(settings.BASE_DIR) / "node_modules" / "gltf-validator").is_dir():
        raise ValidatorMissing("node or the gltf-validator npm package is missing (npm ci)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.glb"
        path.write_bytes(data)
        try:
            run = subprocess.run(  # noqa: S603 (fixed argv, no shell)
                [node, str(SCRIPT), str(path)],
                capture_output=True,
                timeout=FILE_SECONDS,
                cwd=settings.BASE_DIR,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return [f"the validator took over {FILE_SECONDS} s"]
    if run.returncode == 2:
        return [f"the validator could not read it: {run.stderr.decode(errors='replace')[:200]}"]
    try:
        report = json.loads(run.stdout)
    except ValueError:
        return ["the validator's report is not JSON"]
    return [
        f"{issue.get('code')}: {issue.get('message')}"
        for issue in report.get("issues", {}).get("messages", [])
        if issue.get("severity") == 0  # 0 is an error; warnings and hints do not fail
    ] or (["the validator reported errors"] if run.returncode else [])


def served_glbs() -> list[tuple[str, str]]:
    """(what, path) for each GLB a visitor can fetch: public models and their downloads."""
    found = []
    models = ObjectModel3D.objects.filter(collection_object__in=public_objects()).select_related(
        "collection_object"
    )
    for model in models.order_by("collection_object__pk", "order"):
        obj = model.collection_object
        if not model.glb:
            continue
        found.append((f"{obj.slug} model {model.order}", model.glb.url))
        if downloadable_licence(obj.licence) is not None:
            found.append(
                (f"{obj.slug} model {model.order} download", model_download_url(obj, model))
            )
    return found


def check_gltf(site: LoopbackSite, *, deadline: Deadline) -> CheckResult:
    result = CheckResult("glTF 2.0 (GLB)", VALIDATOR)
    for what, path in served_glbs():
        if deadline.passed:
            result.record(what, [deadline.reason()])
            continue
        try:
            problems = validator_report(site.get_ok(path).body)
        except FetchError as error:
            problems = [str(error)]
        except ValidatorMissing as error:
            result.notes.append(str(error))
            result.record(what, [str(error)])
            return result
        result.record(what, problems)
    return result
