"""Cross-document residue: lines a site repeats on many of its pages.

A first pass over the corpus streams every document's lines into a
:class:`LineTally`: per site, in how many documents each line occurs. Lines
are keyed after collapsing digits, so a footer that varies in its numbers
(``© 2003-2024``, ``京ICP证000007号``, ``浏览 1234 次``) is one line. Memory is
bounded: each site keeps at most ``corpus.repeated_capacity`` lines (the
Misra-Gries frequent-items summary: counts can only be underestimated, so a
line is never learned that is not frequent). Lines found in at least
``corpus.repeated_min_docs`` documents and ``corpus.repeated_min_share`` of
its site's documents are learned; :class:`RepeatedStage` then drops them, with
reason ``repeated``, in the second pass.

A document's site is the host of its ``url`` (or ``link``, ``source_url``)
field, else its ``site`` or ``domain`` field, else the folder of its file.

>>> line_key("© 2003-2024 某某网 京ICP证000007号") == line_key("© 2003-2023 某某网 京ICP证000123号")
True
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import urlsplit

from ..config import Config
from ..document import Document
from ..pipeline import Stage

_DIGITS = re.compile(r"\d+")
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)
_SPACES = re.compile(r"\s+")
_URL_FIELDS = ("url", "link", "source_url", "canonical_url")
_SITE_FIELDS = ("site", "domain", "host")


def _two_letters(line: str) -> bool:
    """Whether ``line`` holds two letters or more (stops at the second: most lines start with them).

    >>> _two_letters("1a2"), _two_letters("中文")
    (False, True)
    """
    seen = False
    for ch in line:
        if ch.isalpha():
            if seen:
                return True
            seen = True
    return False


def line_key(line: str, max_chars: int = 200) -> int | None:
    """A stable 64-bit key for a line, digits collapsed; None for a line too long to be
    residue, or with fewer than two letters (a bare number says nothing about its site).

    >>> line_key("12"), line_key("x" * 300)
    (None, None)
    """
    line = line.strip()
    if not line or len(line) > max_chars or not _two_letters(line):
        return None
    norm = _SPACES.sub(" ", _DIGITS.sub("0", line)).casefold()
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def line_keys(lines: list[str], max_chars: int = 200) -> list[int | None]:
    """``line_key`` of each line, the digits and case of all of them collapsed in one pass.

    >>> line_keys(["浏览 12 次", "12", "Ab  C"]) == [line_key("浏览 12 次"), None, line_key("Ab  C")]
    True
    """
    out: list[int | None] = [None] * len(lines)
    todo, picked = [], []
    for i, line in enumerate(lines):
        line = line.strip()
        # Most lines open with two letters: test that inline before the loop in _two_letters.
        if line and len(line) <= max_chars and (
                (len(line) > 1 and line[0].isalpha() and line[1].isalpha()) or _two_letters(line)):
            todo.append(i)
            # _SPACES.sub(" ", line) for a stripped line (str.split() splits on what \s
            # matches): a regex scan of every character costs twice as much. The line
            # holds no newline then, so the lines can be joined by newlines.
            picked.append(" ".join(line.split()))
    norms = _DIGITS.sub("0", "\n".join(picked)).casefold().split("\n")
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    for i, norm in zip(todo, norms):
        out[i] = from_bytes(blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
    return out


def text_keys(text: str, max_chars: int, max_line_chars: int = 100_000) -> frozenset[int]:
    """The distinct line keys of a text, its lines as ``split_lines`` cuts them."""
    # Only the distinct keys count, so each distinct line is keyed once: pages repeat
    # their menus, separators and footers many times. The lines stay in the order first
    # seen (not a set's), so the keys' set iterates as before: LineTally's full table
    # takes newcomers in that order.
    lines = list(dict.fromkeys(s[:max_line_chars] for s in (raw.strip() for raw in text.split("\n")) if s))
    return frozenset(k for k in line_keys(lines, max_chars) if k is not None)


def site_of(path: str | None, extra: dict[str, Any] | None) -> str:
    """The site a document belongs to (see the module docs).

    >>> site_of("a/b.jsonl", {"url": "https://news.Example.com/x/1.html"})
    'news.example.com'
    >>> site_of("crawl/sina/1.txt", {})
    'crawl/sina'
    """
    if extra:
        for name in _URL_FIELDS:
            url = extra.get(name)
            if isinstance(url, str) and url:
                host = urlsplit(url if "//" in url else "//" + url).hostname
                if host:
                    return host
        for name in _SITE_FIELDS:
            value = extra.get(name)
            if isinstance(value, str) and value:
                return value.lower()
    return os.path.dirname(path or "") or "."


def document_keys(doc: Document, max_chars: int) -> frozenset[int]:
    """The distinct line keys of a segmented document."""
    return frozenset(k for k in line_keys([ln.raw for ln in doc.lines], max_chars) if k is not None)


@dataclass
class _Site:
    docs: int = 0
    counts: dict[int, int] = field(default_factory=dict)


class LineTally:
    """Per site, in how many documents each line occurs (bounded, see the module docs)."""

    def __init__(self, capacity: int = 4096):
        self.capacity = capacity
        self.sites: dict[str, _Site] = {}

    def add(self, site: str, keys: Iterable[int]) -> None:
        s = self.sites.get(site)
        if s is None:
            s = self.sites[site] = _Site()
        s.docs += 1
        counts = s.counts
        for k in keys:
            if k in counts:
                counts[k] += 1
            elif len(counts) < self.capacity:
                counts[k] = 1
            else:
                # Misra-Gries: a newcomer to a full table lowers every count by one;
                # most entries are lines seen once, so this frees most of the table.
                s.counts = counts = {key: c - 1 for key, c in counts.items() if c > 1}

    def learned(self, min_docs: int, min_share: float) -> dict[str, frozenset[int]]:
        """Per site, the keys of the lines to treat as residue."""
        out = {}
        for site, s in self.sites.items():
            if s.docs < min_docs:
                continue
            need = max(min_docs, min_share * s.docs)
            keys = frozenset(k for k, c in s.counts.items() if c >= need)
            if keys:
                out[site] = keys
        return out


class RepeatedStage(Stage):
    """Drop kept lines learned as a site's residue (runs right after classify)."""

    name = "repeated"

    def __init__(self, config: Config, learned: dict[str, frozenset[int]]):
        super().__init__(config)
        self.learned = learned

    def process(self, doc: Document) -> Document:
        keys = self.learned.get(site_of(doc.path, doc.extra))
        if not keys:
            return doc
        limit = self.config.corpus.repeated_max_chars
        lost_title = False
        kept = [ln for ln in doc.lines if ln.kept]
        for ln, key in zip(kept, line_keys([ln.raw for ln in kept], limit)):
            if key in keys:
                lost_title |= ln.action == "title"
                ln.decide("drop", "repeated")
                self.count("lines")
        if lost_title:
            doc.title = None
            for ln in doc.lines:
                if ln.kept:
                    ln.decide("title")
                    doc.title = ln.text
                    break
        return doc
