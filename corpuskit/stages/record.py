"""Assemble the output text and the record's identity."""
from __future__ import annotations

from ..document import Document
from ..pipeline import Stage
from .segment import join_text


def assemble(doc: Document) -> str:
    """Kept lines as paragraphs separated by one blank line; a joined line continues its paragraph.

    The title opens the text as its first paragraph.
    """
    paras: list[str] = []
    for ln in doc.lines:
        if not ln.kept or not ln.text:
            continue
        if ln.joined and paras:
            paras[-1] = join_text(paras[-1], ln.text)
        else:
            paras.append(ln.text)
    return "\n\n".join(paras)


class RecordStage(Stage):
    name = "record"

    def process(self, doc: Document) -> Document:
        doc.text = assemble(doc)
        for ln in doc.lines:
            if ln.action == "title":
                doc.title = ln.text
                break
        if doc.id is None:
            doc.id = (doc.sha256 or "")[:16]
        self.count("documents")
        return doc
