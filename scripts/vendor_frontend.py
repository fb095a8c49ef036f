"""Copy the front-end builds the site serves from node_modules/ into static/vendor/.

Run after `npm ci`. Stdlib only, so it runs before the virtualenv exists. The site never
loads anything from a CDN: model-viewer, OpenSeadragon, the Draco and KTX2/Basis decoders
(model-viewer fetches them at run time from /static/vendor/draco/ and /static/vendor/basis/)
and axe-core (for the browser tests) all come from here.
"""

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "static" / "vendor"

# (source under node_modules, destination under static/vendor)
FILES = [
    ("@google/model-viewer/dist/model-viewer.min.js", "model-viewer.min.js"),
    ("openseadragon/build/openseadragon/openseadragon.min.js", "openseadragon.min.js"),
    ("axe-core/axe.min.js", "axe.min.js"),
    ("three/examples/jsm/libs/draco/draco_decoder.js", "draco/draco_decoder.js"),
    ("three/examples/jsm/libs/draco/draco_decoder.wasm", "draco/draco_decoder.wasm"),
    ("three/examples/jsm/libs/draco/draco_wasm_wrapper.js", "draco/draco_wasm_wrapper.js"),
    ("three/examples/jsm/libs/basis/basis_transcoder.js", "basis/basis_transcoder.js"),
    ("three/examples/jsm/libs/basis/basis_transcoder.wasm", "basis/basis_transcoder.wasm"),
]
# The packages' licences travel with the copies we serve.
LICENCES = [
    ("@google/model-viewer/LICENSE", "model-viewer"),
    ("openseadragon/LICENSE.txt", "openseadragon"),
    ("axe-core/LICENSE", "axe-core"),
    ("three/LICENSE", "three"),
]
# A trailing `//# sourceMappingURL=x.map` would make Django's manifest storage (used when
# DEBUG is off) fail collectstatic, because we do not ship the multi-megabyte maps.
SOURCE_MAP_TRAILER = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


def package_version(name: str) -> str:
    manifest = NODE_MODULES / name / "package.json"
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def copy_file(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    if source.suffix == ".js":
        destination.write_bytes(SOURCE_MAP_TRAILER.sub(b"\n", source.read_bytes()))
    else:
        shutil.copyfile(source, destination)


def main() -> int:
    if not NODE_MODULES.is_dir():
        print("node_modules/ is missing: run `npm ci` first.", file=sys.stderr)
        return 1
    missing = [src for src, _ in FILES + LICENCES if not (NODE_MODULES / src).is_file()]
    if missing:
        print("Missing in node_modules (run `npm ci`):", *missing, sep="\n  ", file=sys.stderr)
        return 1
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for source, destination in FILES:
        copy_file(NODE_MODULES / source, VENDOR / destination)
    for source, name in LICENCES:
        copy_file(NODE_MODULES / source, VENDOR / "licences" / f"{name}.txt")
    versions = {
        name: package_version(name)
        for name in ("@google/model-viewer", "openseadragon", "three", "axe-core")
    }
    (VENDOR / "versions.json").write_text(json.dumps(versions, indent=2) + "\n", encoding="utf-8")
    print(f"Copied {len(FILES)} files into {VENDOR.relative_to(ROOT)}/:")
    for name, version in versions.items():
        print(f"  {name} {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
