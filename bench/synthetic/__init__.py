"""A synthetic collection of any size, for load and scale tests (issue 14).

``write_synthetic_collection`` writes ``objects.jsonl`` in the import format plus a small
pool of generated images and GLB models that the records share. Every record says it is
synthetic (the ``synthetic`` tag, ``SYN-`` accession numbers, ``syn-`` ids), so nothing it
makes can be mistaken for a museum's own data.
"""
