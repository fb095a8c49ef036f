"""The collection importer: JSON Lines records plus their images and GLB models.

``services.collection_import`` runs an import: ``reading`` streams the file in batches,
``batches`` checks and writes each one, ``bulk`` writes its records without files
together (``rows`` inserts plain rows), ``journal`` remembers how far a run got so an
interrupted one resumes; ``records`` validates one record, ``objects`` writes one record
with its media, ``media`` checks and stores its files, ``creators`` parses credits.
"""
