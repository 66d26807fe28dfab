"""Keep, drop (with a reason) or move to metadata: one decision per line."""
from __future__ import annotations

import regex

from ..document import Document
from ..pipeline import Stage
from ..rules import line_rules

_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """``zh`` when Han characters make up a fair share of the letters, else ``en``.

    >>> detect_lang("中文 text"), detect_lang("English only")
    ('zh', 'en')
    """
    sample = text[:5000]
    han = len(_HAN.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if han and han * 3 >= latin * 0.5 else "en"


class ClassifyStage(Stage):
    name = "classify"

    def process(self, doc: Document) -> Document:
        doc.lang = doc.lang or detect_lang(doc.input)
        if not self.config.classify.enabled:
            return doc
        rules = line_rules(doc.lang, self.config.classify.rules)
        for ln in doc.lines:
            for rule in rules:
                if rule.matches(ln.text):
                    ln.decide(rule.action, rule.reason)
                    self.count(rule.reason)
                    break
        for ln in doc.lines:
            if ln.kept:
                ln.decide("title")
                doc.title = ln.text
                break
        return doc
