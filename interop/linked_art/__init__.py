"""Linked Art 1.0 JSON-LD for public objects, people, groups and places.

Documents are built from exhibition's public selectors only, so restricted and draft
material looks absent here exactly as it does on the site.
"""
