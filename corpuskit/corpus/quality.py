"""Document quality filters, each with a reason and a switch (``corpus.filters``).

Measures are on characters, not words, so that they hold for Chinese: Gopher
and C4 style word rules (mean word length, share of lines ending in
punctuation, stop words) reject every Chinese document.

A filter returns ``None`` to keep a document or the reason to drop it:

>>> from corpuskit.config import CorpusConfig
>>> check = QualityFilter(CorpusConfig())
>>> check("短。", [])
'too-short'
>>> check("", ["no-article"])
'no-article'
>>> check("北京时间今天上午，国家统计局发布了最新一期的经济数据，显示主要指标保持平稳，消费和投资继续恢复，市场预期总体稳定。", [])
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..config import CorpusConfig
from ..stages.english import NO_ARTICLE
from . import charclass as cc
from .charclass import class_counts, classes, codepoints, numbers_and_words

FILTERS = ("too-short", "too-few-letters", "too-many-symbols", "too-many-digits",
           "repeated-lines", "repeated-ngrams", "mojibake", "language")

_WORD = re.compile(r"[a-z]+")

# The most frequent English words; in English running text they make up a third of the words.
_EN_COMMON = frozenset(
    "the of and to a in is was that for on it with as by he at from his be are said have has an not "
    "this but they were had which or who will their its been after would more new about also one we "
    "i you she her there two can up than all if out when over into last year years first could".split())


@dataclass(frozen=True)
class Measures:
    """Character statistics of a text (from :mod:`.charclass`), computed once for all filters."""

    chars: int  # non-space characters
    letters: int
    han: int
    latin: int
    kana: int
    hangul: int
    digits: int
    symbols: int
    numbers: int  # runs of digits: 3.0 and 1,210,207 are one each (charclass.numbers_and_words)
    words: int  # Han, kana and Hangul characters, runs of other letters

    @classmethod
    def of(cls, text: str) -> "Measures":
        cp = codepoints(text)
        return cls.from_classes(cp, classes(cp))

    @classmethod
    def from_classes(cls, cp, classes_) -> "Measures":
        """The measures from a text's code points and their classes (``charclass``)."""
        c = class_counts(cp, classes_)
        total = int(c.sum())
        return cls(total - int(c[cc.SPACE]), int(sum(c[k] for k in cc.LETTERS)), int(c[cc.HAN]),
                   int(c[cc.LATIN]), int(c[cc.KANA]), int(c[cc.HANGUL]), int(c[cc.DIGIT]), int(c[cc.SYMBOL]),
                   *numbers_and_words(cp, classes_))


def detect_language(text: str, m: Measures | None = None) -> str:
    """``zh``, ``ja``, ``ko``, ``en`` or ``other`` from script statistics and common English words.

    >>> detect_language("这是一段中文。"), detect_language("The cat sat on the mat, and it was happy.")
    ('zh', 'en')
    >>> detect_language("これは日本語の文章です。"), detect_language("Le chat est sur le tapis.")
    ('ja', 'other')
    """
    m = m or Measures.of(text)
    if not m.letters:
        return "other"
    if m.kana and m.kana >= 0.1 * m.letters:
        return "ja"
    if m.hangul >= 0.3 * m.letters:
        return "ko"
    if m.han >= 0.2 * m.letters:
        return "zh"
    if m.latin >= 0.5 * m.letters:
        words = _WORD.findall(text[:5000].lower())
        if words and sum(w in _EN_COMMON for w in words) >= 0.15 * len(words):
            return "en"
    return "other"


def duplicate_line_share(text: str) -> float:
    """Share of the characters in paragraphs that repeat an earlier paragraph.

    >>> duplicate_line_share("甲乙\\n\\n丙丁\\n\\n甲乙")
    0.3333333333333333
    """
    seen: set[str] = set()
    dup = total = 0
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        total += len(para)
        if para in seen:
            dup += len(para)
        seen.add(para)
    return dup / total if total else 0.0


class QualityFilter:
    """Call with a cleaned text and its flags; returns the reason to drop it, or None."""

    def __init__(self, config: CorpusConfig):
        self.config = config
        on = set(config.filters) if config.quality else set()
        unknown = on - set(FILTERS)
        if unknown:
            raise ValueError(f"unknown corpus.filters {sorted(unknown)}; known: {', '.join(FILTERS)}")
        self.on = on
        self.wanted = set(config.languages)

    def __call__(self, text: str, flags: list[str], ngram_dup: float = 0.0,
                 lang: str | None = None, measures: Measures | None = None) -> str | None:
        c, on = self.config, self.on
        if not on:
            return None
        if "mojibake" in on and any(f in c.reject_flags for f in flags):
            return "mojibake"
        if "too-short" in on and NO_ARTICLE in flags:
            return NO_ARTICLE  # a home page or section front: no body, and the reason says why
        m = measures or Measures.of(text)
        if "too-short" in on and m.chars < c.min_chars:
            return "too-short"
        if not m.chars:
            return None
        tests: list[tuple[str, Callable[[], bool]]] = [
            ("too-few-letters", lambda: m.letters < c.min_letter_share * m.chars),
            # numbers among words, not digits among characters: a statistics bulletin's prose
            # (增长3.0%，达1210207亿元) is a third digits, a table of prices or scores is mostly numbers
            ("too-many-digits", lambda: m.numbers > c.max_number_share * (m.numbers + m.words)),
            ("too-many-symbols", lambda: m.symbols > c.max_symbol_share * m.chars),
            ("repeated-lines", lambda: duplicate_line_share(text) > c.max_dup_line_share),
            ("repeated-ngrams", lambda: ngram_dup > c.max_dup_ngram_share),
            ("language", lambda: bool(self.wanted) and (lang or detect_language(text, m)) not in self.wanted),
        ]
        for name, fails in tests:
            if name in on and fails():
                return name
        return None
