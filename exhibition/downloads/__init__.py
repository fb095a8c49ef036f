"""Downloads that carry their licence: images at chosen sizes and GLB models.

A downloaded file leaves the page that states its terms, so the licence, the credit and
the object it shows are written into the file itself (XMP, IPTC and EXIF for JPEG; text
chunks for PNG; ``asset.copyright`` for GLB). Only public objects whose licence lets
anyone pass the work on are offered; the rest answer with a page saying why.
"""
