"""corpuskit: turn scraped Chinese and English news into a clean, auditable corpus.

>>> import corpuskit
>>> doc = corpuskit.clean("标题\\n\\n正文第一段。".encode("utf-8"))
>>> doc.title, doc.text
('标题', '标题\\n\\n正文第一段。')
"""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config
from .document import Document, Line
from .pipeline import Pipeline, Stage, Stats, pipeline_for
from .stages.convert import convert
from .stages.decode import decode
from .stages.repair import repair

__all__ = ["clean", "decode", "repair", "convert", "convert_numbers", "Config", "Document",
           "Line", "Pipeline", "Stage", "Stats", "__version__"]


def clean(data: str | bytes, config: Config | None = None, *, source: str | None = None) -> Document:
    """Clean one document given as bytes (encoding detected) or text.

    ``source`` is recorded as ``provenance.path``.
    """
    config = config or Config()
    if isinstance(data, str):
        doc = Document(input=data, path=source)
    else:
        doc = Document(raw=bytes(data), path=source)
    return pipeline_for(config)(doc)


def convert_numbers(text: str, to: str = "arabic") -> str:
    """Chinese numerals that count or measure to digits (``arabic``) or back (``chinese``)."""
    from .stages.numbers import convert_numbers as _convert

    return _convert(text, to)
