"""The IIIF importer: Presentation 2.1 and 3 manifests and collections, from files or URLs.

``services.iiif_import`` runs an import; ``fetching`` reads a document or an image within
bounds, ``documents`` reads a manifest of either version, ``records`` maps it to the
collection importer's ``ImportRecord`` and ``images`` fetches its full-size image. Writing
an object is the collection importer's own ``object_import_record``, so both doors store,
tile and audit objects the same way.
"""
