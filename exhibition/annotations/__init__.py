"""Curators' notes on regions of an image and points on a 3D model, as W3C Web Annotations.

The model lives here with its geometry checks, services, reads and JSON-LD, so the IIIF
manifests (exhibition.iiif) and the object page can both use it.
"""
