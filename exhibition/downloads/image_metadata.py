"""A rights notice in the forms image software reads: XMP, IPTC IIM and EXIF for JPEG,
text chunks for PNG.

XMP follows the IPTC Photo Metadata and Creative Commons conventions (dc:rights,
xmpRights:UsageTerms and WebStatement, photoshop:Credit, cc:license), which Lightroom,
Bridge, exiftool and Wikimedia Commons read; IPTC IIM in a Photoshop APP13 block serves
older tools; EXIF Artist and Copyright serve cameras' own viewers.
"""

import json
import struct
from xml.etree import ElementTree as ET

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from exhibition.downloads.notice import RightsNotice

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "cc": "http://creativecommons.org/ns#",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
EXIF_DESCRIPTION = 0x010E


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _container(parent: ET.Element, name: str, kind: str, items: list[str]) -> None:
    """An rdf:Alt (language alternatives) or rdf:Seq (ordered list) property."""
    holder = ET.SubElement(ET.SubElement(parent, _q(name)), _q(f"rdf:{kind}"))
    for item in items:
        li = ET.SubElement(holder, _q("rdf:li"))
        if kind == "Alt":
            li.set(XML_LANG, "x-default")
        li.text = item


def xmp_packet(notice: RightsNotice) -> bytes:
    meta = ET.Element(_q("x:xmpmeta"))
    rdf = ET.SubElement(meta, _q("rdf:RDF"))
    desc = ET.SubElement(rdf, _q("rdf:Description"), {_q("rdf:about"): ""})
    _container(desc, "dc:title", "Alt", [notice.title])
    if notice.creators:
        _container(desc, "dc:creator", "Seq", list(notice.creators))
    _container(desc, "dc:rights", "Alt", [notice.rights])
    if notice.disclaimer:
        _container(desc, "dc:description", "Alt", [notice.disclaimer])
    ET.SubElement(desc, _q("dc:source")).text = notice.source_url
    ET.SubElement(desc, _q("xmpRights:Marked")).text = str(notice.rights_reserved)
    _container(desc, "xmpRights:UsageTerms", "Alt", [notice.rights])
    ET.SubElement(desc, _q("xmpRights:WebStatement")).text = notice.licence_url
    ET.SubElement(desc, _q("photoshop:Credit")).text = notice.credit_line
    ET.SubElement(desc, _q("photoshop:Source")).text = notice.source_url
    ET.SubElement(desc, _q("cc:license"), {_q("rdf:resource"): notice.licence_url})
    ET.SubElement(desc, _q("cc:attributionName")).text = notice.credit_line
    body = ET.tostring(meta, encoding="unicode")
    packet = f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>{body}<?xpacket end="r"?>'
    return packet.encode("utf-8")


# IPTC IIM datasets (record 2, "application"), each at most 32767 bytes.
IIM_OBJECT_NAME = 5
IIM_CAPTION = 120
IIM_BYLINE = 80
IIM_CREDIT = 110
IIM_SOURCE = 115
IIM_COPYRIGHT = 116
IIM_MAX_BYTES = 32_767


def _iim(record: int, dataset: int, value: bytes) -> bytes:
    value = value[:IIM_MAX_BYTES]
    return struct.pack(">BBBH", 0x1C, record, dataset, len(value)) + value


def iptc_app13(notice: RightsNotice) -> bytes:
    """A JPEG APP13 marker holding a Photoshop IPTC-NAA resource (8BIM 0x0404)."""
    # Record 1, dataset 90: the text below is UTF-8 (ISO 2022 escape "ESC % G").
    iim = _iim(1, 90, b"\x1b%G") + _iim(2, IIM_OBJECT_NAME, notice.title.encode())
    for creator in notice.creators:
        iim += _iim(2, IIM_BYLINE, creator.encode())
    iim += _iim(2, IIM_CREDIT, notice.credit_line.encode())
    iim += _iim(2, IIM_SOURCE, notice.source_url.encode())
    iim += _iim(2, IIM_COPYRIGHT, notice.rights.encode())
    if notice.disclaimer:
        iim += _iim(2, IIM_CAPTION, notice.disclaimer.encode())
    iim += b"\x00" * (len(iim) % 2)
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    payload = b"Photoshop 3.0\x00" + resource + iim
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def exif_block(notice: RightsNotice) -> bytes:
    exif = Image.Exif()
    # EXIF ASCII tags: plain text only; the full Unicode notice is in XMP and IPTC.
    exif[EXIF_COPYRIGHT] = notice.rights.encode("ascii", "replace").decode()
    if notice.creators:
        exif[EXIF_ARTIST] = "; ".join(notice.creators).encode("ascii", "replace").decode()
    if notice.disclaimer:
        exif[EXIF_DESCRIPTION] = notice.disclaimer.encode("ascii", "replace").decode()
    return exif.tobytes()


def jpeg_save_options(notice: RightsNotice) -> dict[str, object]:
    """Keyword arguments for ``Image.save(..., format="JPEG")``."""
    return {"xmp": xmp_packet(notice), "extra": iptc_app13(notice), "exif": exif_block(notice)}


def png_info(notice: RightsNotice, info: PngInfo | None = None) -> PngInfo:
    """PNG iTXt chunks with the registered keywords, plus the XMP packet viewers look for."""
    info = info or PngInfo()
    info.add_itxt("Title", notice.title)
    if notice.creators:
        info.add_itxt("Author", "; ".join(notice.creators))
    info.add_itxt("Copyright", notice.rights)
    info.add_itxt("Source", notice.source_url)
    if notice.disclaimer:
        info.add_itxt("Disclaimer", notice.disclaimer)
    info.add_itxt("XML:com.adobe.xmp", xmp_packet(notice).decode("utf-8"))
    info.add_itxt("Rights", json.dumps(notice.as_dict(), ensure_ascii=False))
    return info
