"""Downloads: every file a visitor may keep says its licence and credit inside it.

For each public object whose licence allows downloads: each image at its smallest offered
size must carry the licence and credit in XMP (xmpRights:WebStatement, cc:license,
dc:rights) and IPTC IIM (2:116 copyright notice); each GLB must carry ``asset.copyright``.
Read back with Pillow and the GLB's own JSON chunk, as the download tests read them.
"""

import io
from xml.etree import ElementTree as ET

from PIL import Image, IptcImagePlugin

from exhibition.downloads.glb_metadata import InvalidGlb, split_glb
from exhibition.downloads.image_metadata import NS
from exhibition.downloads.offers import image_download_url, model_download_url
from exhibition.downloads.policy import downloadable_licence
from exhibition.downloads.sizes import offered_sizes
from exhibition.licences import Licence
from exhibition.models import CollectionObject
from exhibition.selectors import public_objects
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import FetchError, LoopbackSite

VALIDATOR = "Pillow (XMP, IPTC IIM) and the GLB's JSON chunk, read back from the download"
IPTC_COPYRIGHT = (2, 116)


def _xmp_texts(xmp: str | bytes) -> dict[str, str]:
    """Each XMP property's text (or rdf:resource), joined, by prefixed name."""
    root = ET.fromstring(xmp)  # noqa: S314 (this site's own file, read on loopback)
    names = {f"{{{uri}}}": prefix for prefix, uri in NS.items()}
    values: dict[str, str] = {}
    for element in root.iter():
        for uri, prefix in names.items():
            if element.tag.startswith(uri):
                texts = " ".join(t.strip() for t in element.itertext() if t.strip())
                resource = element.get(f"{{{NS['rdf']}}}resource", "")
                values[f"{prefix}:{element.tag[len(uri) :]}"] = texts or resource
    return values


def jpeg_problems(data: bytes, *, licence: Licence, credit: str) -> list[str]:
    try:
        picture = Image.open(io.BytesIO(data))
        picture.verify()
        picture = Image.open(io.BytesIO(data))
    except (OSError, SyntaxError) as error:
        return [f"not a readable image: {error}"]
    if picture.format != "JPEG":
        return [f"a {picture.format} file, not a JPEG"]
    problems = []
    try:
        xmp = _xmp_texts(picture.info.get("xmp", b""))
    except ET.ParseError:
        xmp = {}
        problems.append("no readable XMP packet")
    for name in ("xmpRights:WebStatement", "cc:license"):
        if xmp.get(name) != licence.url:
            problems.append(f"XMP {name} is not the licence's URL {licence.url}")
    rights = xmp.get("dc:rights", "")
    if licence.url not in rights or (credit and credit.rstrip(". ") not in rights):
        problems.append("XMP dc:rights does not hold the credit line and licence")
    iptc = IptcImagePlugin.getiptcinfo(picture) or {}
    notice = iptc.get(IPTC_COPYRIGHT, b"")
    if not notice or licence.url.encode() not in bytes(notice):  # type: ignore[arg-type]
        problems.append("IPTC 2:116 (copyright notice) does not name the licence")
    return problems


def glb_problems(data: bytes, *, licence: Licence) -> list[str]:
    try:
        asset = split_glb(data).document["asset"]
    except InvalidGlb as error:
        return [f"not a GLB: {error}"]
    copyright_ = asset.get("copyright") if isinstance(asset, dict) else None
    if not isinstance(copyright_, str) or licence.url not in copyright_:
        return ["asset.copyright does not name the licence"]
    return []


def _object_problems(site: LoopbackSite, obj: CollectionObject, licence: Licence) -> list[str]:
    problems: list[str] = []
    credit = obj.public_credit_line
    for image in obj.images.all():
        sizes = offered_sizes(image.width, image.height)
        if not sizes:
            continue
        path = image_download_url(obj, image, sizes[0].name)
        try:
            found = jpeg_problems(site.get_ok(path).body, licence=licence, credit=credit)
        except FetchError as error:
            found = [str(error)]
        problems += [f"image {image.order}: {p}" for p in found]
    for model in obj.models3d.all():
        try:
            data = site.get_ok(model_download_url(obj, model)).body
            found = glb_problems(data, licence=licence)
        except FetchError as error:
            found = [str(error)]
        problems += [f"model {model.order}: {p}" for p in found]
    return problems


def check_downloads(site: LoopbackSite, *, deadline: Deadline) -> CheckResult:
    result = CheckResult("Downloads: licence inside the file", VALIDATOR)
    objects = public_objects().order_by("pk").prefetch_related("images", "models3d")
    refused = 0
    for obj in objects:
        licence = downloadable_licence(obj.licence)
        if licence is None:
            refused += 1
            continue
        if deadline.passed:
            result.record(obj.slug, [deadline.reason()])
            continue
        result.record(obj.slug, _object_problems(site, obj, licence))
    if refused:
        result.notes.append(f"{refused} objects' licences allow no download (not counted)")
    return result
