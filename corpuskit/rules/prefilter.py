"""Which rules can match a line, found with one Aho-Corasick pass instead of one regex per rule.

Each pattern is read once for the literal strings that any match of it must contain
(``记者`` or ``記者`` in ``(?:记者|記者)\\s*[:：]\\s*\\p{Han}{2,4}``). One automaton
holds the literals of every rule; a line is searched once (lowercased, so that
case-insensitive patterns are covered), and only the rules whose literals it
contains, plus the few rules with no required literal, run their regexes.

>>> sorted(required(r"(?:记者|記者)\\s*[:：]?\\s*\\p{Han}{2,4}"))
['記者', '记者']
>>> required(r"^\\p{Han}{2,8}$") is None
True
>>> sorted(required(r"^\\S{2,9}\\K\\s*来源[:：]"))
['来源']
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, count
from operator import add
from typing import Callable, Iterable, Iterator, Sequence

import ahocorasick
import regex

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# \p{...} classes are broad: parse them as one broad class (they never give a literal)
_PROP = regex.compile(r"\\[pP]\{[^}]*\}")
# \K (keep what is left of it out of the match) requires nothing: read the pattern without it
_KEEP_OUT = regex.compile(r"(?<!\\)((?:\\\\)*)\\K")
_SMALL_SET = 12  # a character class of at most this many characters is a set of literals

Req = frozenset  # a set of strings one of which every match contains; None: no requirement


# Characters too common to filter anything: punctuation, digits, spaces.
_COMMON = frozenset("：:，,。.、；;！!？?（）()《》“”\"'-—/|｜·・_[]【】<>0123456789 \t")


def _quality(r: Req) -> tuple[int, int, int]:
    """Longer literals filter better; a set of common single characters filters least."""
    shortest = min(map(len, r))
    common = shortest == 1 and any(s in _COMMON for s in r)
    return (0 if common else shortest, shortest, -len(r))


def _better(a: Req | None, b: Req | None) -> Req | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _quality(a) >= _quality(b) else b


def _class(av: list) -> Req | None:
    chars = []
    for op, v in av:
        if op is _c.LITERAL:
            chars.append(chr(v))
        else:  # a range, a category, a negation: too broad
            return None
    return frozenset(chars) if 0 < len(chars) <= _SMALL_SET else None


def _req(items: Iterable) -> Req | None:
    best: Req | None = None
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        r: Req | None = None
        if op is _c.SUBPATTERN:
            r = _req(av[-1])
        elif op is _c.BRANCH:
            parts = [_req(b) for b in av[1]]
            r = None if any(p is None for p in parts) else frozenset().union(*parts)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            r = _req(av[2]) if av[0] >= 1 else None
        elif op is _c.IN:
            r = _class(av)
        best = _better(best, r)
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def required(pattern: str) -> Req | None:
    """Literal strings (lowercased) one of which every match of ``pattern`` contains; None
    when the pattern requires none (or cannot be read)."""
    try:
        parsed = _parser.parse(_PROP.sub(r"\\w", _KEEP_OUT.sub(r"\1", pattern)))
    except Exception:  # a construct only the regex module knows: no prefilter
        return None
    r = _req(parsed)
    if r is None or any(not s.strip() for s in r):
        return None
    return frozenset(s.lower() for s in r)


class Prefilter:
    """An automaton over the required literals of a list of entries (rules or edits)."""

    def __init__(self, pattern_lists: Sequence[Sequence[str]],
                 requires: Callable[[str], Req | None] = required):
        """``requires``: :func:`required`, or a store of its answers."""
        keys: dict[str, set[int]] = {}
        self.always: list[int] = []
        for i, patterns in enumerate(pattern_lists):
            reqs = [requires(p) for p in patterns]
            if any(r is None for r in reqs):
                self.always.append(i)
                continue
            for r in reqs:
                for key in r:
                    keys.setdefault(key, set()).add(i)
        self.automaton = ahocorasick.Automaton()
        for key, idx in keys.items():
            self.automaton.add_word(key, tuple(sorted(idx)))
        self.empty = not keys
        if not self.empty:
            self.automaton.make_automaton()

    def candidates(self, line: str) -> list[int]:
        """Indexes of the entries that may match ``line``, in order."""
        if self.empty:
            return self.always
        hits: set[int] | None = None
        for _end, idx in self.automaton.iter(line.lower()):
            if hits is None:
                hits = set(idx)
            else:
                hits.update(idx)
        if hits is None:
            return self.always
        hits.update(self.always)
        return sorted(hits)

    def candidates_by_line(self, lines: Sequence[str]) -> Iterator[tuple[int, list[int]]]:
        """``(k, candidates(lines[k]))`` for each line with candidates, in order, from one
        pass over the lines joined (a page's lines are mostly matched by nothing).

        >>> f = Prefilter([["编辑"], ["(?i)Reuters"], ["快讯|记者"]])
        >>> list(f.candidates_by_line(["正文", "(REUTERS) 记者", "", "责任编辑：王"]))
        [(1, [1, 2]), (3, [0])]
        """
        if self.always:  # every line has candidates
            yield from ((k, self.candidates(line)) for k, line in enumerate(lines))
            return
        if self.empty:
            return
        joined = "\n".join(lines)
        low = joined.lower()
        if len(low) != len(joined):  # a letter lowercased to two (İ): lines lowered one by one
            lines = [line.lower() for line in lines]
            low = "\n".join(lines)
        # past each line's "\n" (lowercasing is per character but for a final sigma, which a
        # line break ends as the end of the line does)
        ends = list(map(add, accumulate(map(len, lines)), count(1)))
        hits: dict[int, list[tuple[int, ...]]] = {}
        bound = -1
        for end, idx in self.automaton.iter(low):
            if end >= bound:  # the line the literal ends in (one spanning a line break: spare)
                k = bisect_right(ends, end)
                bound = ends[k]
                found = hits.setdefault(k, [])
            found.append(idx)
        for k, found in hits.items():
            yield k, sorted(set().union(*found))
