"""The Linked Art 1.0 schemas the tests validate against: the conformance check's loader."""

from interop.conformance.linked_art_schemas import SCHEMA_DIR, schema_errors, validator

__all__ = ["SCHEMA_DIR", "schema_errors", "validator"]
