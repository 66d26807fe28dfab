"""Metadata from lines moved out of the text: authors, editors, source, published time."""
from __future__ import annotations

from ..document import Document
from ..pipeline import Stage


class MetadataStage(Stage):
    name = "metadata"

    def process(self, doc: Document) -> Document:
        doc.meta.setdefault("authors", [])
        doc.meta.setdefault("editors", [])
        doc.meta.setdefault("source", None)
        doc.meta.setdefault("published", None)
        return doc
