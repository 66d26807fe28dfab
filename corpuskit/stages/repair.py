"""Repair decoded text: HTML entities, invisible characters, mojibake.

Each fix is a small ``str -> str`` function; :func:`repair_steps` returns the
text and the names of the fixes that changed it, for ``provenance.repairs``.
A fix that does not clearly improve the text leaves it alone.
"""
from __future__ import annotations

import html
import re

from ..config import Config, RepairConfig
from ..document import Document
from ..pipeline import Stage

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Zero-width characters, soft hyphen, stray BOMs, C0/C1 controls except tab and newline.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def unescape_entities(text: str) -> str:
    """HTML entities to characters.

    >>> unescape_entities("a&nbsp;b &#x4E2D;&amp;")
    'a\\xa0b 中&'
    """
    if "&" not in text or not _ENTITY.search(text):
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def remove_invisible(text: str) -> str:
    """Zero-width characters, soft hyphens, stray BOMs and control characters removed.

    >>> remove_invisible("中\\u200b文\\ufeff")
    '中文'
    """
    return _INVISIBLE.sub("", text)


def fix_mojibake(text: str) -> str:
    """Undo mojibake (placeholder: returns the text unchanged)."""
    return text


def repair_steps(text: str, config: RepairConfig | None = None) -> tuple[str, list[str]]:
    """Apply the enabled fixes; return the text and the names of those that changed it."""
    config = config or RepairConfig()
    done: list[str] = []
    steps = []
    if config.mojibake:
        steps.append(("mojibake", fix_mojibake))
    if config.entities:
        steps.append(("entities", unescape_entities))
    if config.invisible:
        steps.append(("invisible", remove_invisible))
    for name, fix in steps:
        fixed = fix(text)
        if fixed != text:
            done.append(name)
            text = fixed
    return text, done


def repair(text: str) -> str:
    """Repair text with the default settings.

    >>> repair("&lt;p&gt;中文\\u200b")
    '<p>中文'
    """
    return repair_steps(text)[0]


class RepairStage(Stage):
    name = "repair"

    def process(self, doc: Document) -> Document:
        cfg = self.config.repair
        if not cfg.enabled:
            return doc
        doc.input, done = repair_steps(doc.input, cfg)
        for name in done:
            self.count(name)
        doc.repairs.extend(done)
        if "\ufffd" in doc.input and "undecodable-bytes" not in doc.flags:
            doc.flags.append("replacement-characters")
        return doc
