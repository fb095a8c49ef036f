"""Curators' notes on regions of an image and points on a 3D model, as W3C Web Annotations.

The model is ``exhibition.models.Annotation`` and the writes are in
``exhibition.services.annotations``; here are the geometry checks, the reads and the
JSON-LD, which the IIIF manifests and the object page both use. Nothing here imports
the services or IIIF modules, so neither forms a circle with it.
"""
