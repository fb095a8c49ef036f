"""The collection importer: JSON Lines records plus their images and GLB models.

``services.collection_import`` runs an import; ``records`` validates one record,
``objects`` writes it, ``media`` checks and stores its files, ``creators`` parses credits.
"""
