"""Script conversion with OpenCC, chosen by target and detected source region.

OpenCC converters are built once per process (they cannot be pickled) and reused.
"""
from __future__ import annotations

from functools import lru_cache

import opencc

from ..document import Document
from ..pipeline import Stage

# (target, source region) -> OpenCC configs applied in order. None: unchanged.
PLAN: dict[tuple[str, str], tuple[str, ...]] = {
    ("zh-Hans", "cn"): (), ("zh-Hans", "tw"): ("tw2sp",), ("zh-Hans", "hk"): ("hk2s",), ("zh-Hans", "hant"): ("t2s",),
    ("zh-Hant", "cn"): ("s2t",), ("zh-Hant", "tw"): ("tw2t",), ("zh-Hant", "hk"): ("hk2t",), ("zh-Hant", "hant"): (),
    ("zh-TW", "cn"): ("s2twp",), ("zh-TW", "tw"): (), ("zh-TW", "hk"): ("hk2t", "t2tw"), ("zh-TW", "hant"): ("t2tw",),
    ("zh-HK", "cn"): ("s2hk",), ("zh-HK", "tw"): ("tw2t", "t2hk"), ("zh-HK", "hk"): (), ("zh-HK", "hant"): ("t2hk",),
}


@lru_cache(maxsize=None)
def converter(name: str) -> opencc.OpenCC:
    return opencc.OpenCC(name)


_t2s = None


def detect_script(text: str) -> str | None:
    """``simplified`` or ``traditional`` from how much t2s would change; None without Han.

    >>> detect_script("这是简体中文"), detect_script("這是繁體中文"), detect_script("English")
    ('simplified', 'traditional', None)
    """
    sample = text[:4000]
    han = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return None
    s = "".join(han)
    changed = sum(a != b for a, b in zip(s, converter("t2s").convert(s)))
    return "traditional" if changed / len(s) > 0.02 else "simplified"


_HK_MARKS = set("嘅咗喺冇啲嘢哋佢睇噉咁乜嚟")
_HK_VARIANTS = set("裏綫着")


def detect_region(text: str, script: str | None) -> str | None:
    """``cn`` for Simplified; ``tw`` or ``hk`` for Traditional from vocabulary and variants."""
    if script is None:
        return None
    if script == "simplified":
        return "cn"
    sample = text[:8000]
    hk = sum(c in _HK_MARKS or c in _HK_VARIANTS for c in sample)
    tw = sample.count("裡") + sample.count("線") + sample.count("著")
    if hk > tw:
        return "hk"
    return "tw"


def convert(text: str, to: str, *, source: str | None = None) -> str:
    """Convert ``text`` to script ``to``; ``source`` is cn/tw/hk/hant, detected when None.

    >>> convert("網際網路", "zh-Hans", source="tw")
    '互联网'
    """
    if to == "keep" or not text:
        return text
    if source is None:
        script = detect_script(text)
        if script is None:
            return text
        source = detect_region(text, script) or "hant"
    for name in PLAN[(to, source)]:
        text = converter(name).convert(text)
    return text


class ConvertStage(Stage):
    name = "convert"

    def process(self, doc: Document) -> Document:
        sample = "\n".join(ln.text for ln in doc.lines if ln.kept)
        doc.script = detect_script(sample)
        doc.region = detect_region(sample, doc.script)
        to = self.config.convert.to
        if to == "keep" or doc.script is None:
            return doc
        source = doc.region or "hant"
        if not PLAN[(to, source)]:
            return doc
        for ln in doc.lines:
            if ln.kept:
                ln.text = convert(ln.text, to, source=source)
        if doc.title:
            doc.title = convert(doc.title, to, source=source)
        for key in ("authors", "editors"):
            doc.meta[key] = [convert(v, to, source=source) for v in doc.meta.get(key) or []]
        for key in ("source", "dateline"):
            if isinstance(doc.meta.get(key), str):
                doc.meta[key] = convert(doc.meta[key], to, source=source)
        doc.rewrites.append(f"convert:{source}->{to}")
        self.count(f"{source}->{to}")
        return doc
