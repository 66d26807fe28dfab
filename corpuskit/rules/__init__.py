"""Rule data: the packaged TOML files per language, overlaid with a user's.

A language's rules are every packaged file named ``<lang>.toml`` or
``<lang>_*.toml`` (``zh.toml``, ``zh_hk.toml``, ...), in name order; the
user's files from ``classify.rules`` come before them, so a user's rule wins. The format is documented at the top of
``zh.toml`` and in ``docs/rules.md``. Four kinds of entries:

- ``[[rule]]``: a line-level decision (drop or meta, with a reason);
- ``[[edit]]``: text removed from inside a kept line (gloss, end mark, dateline);
- ``[[meta]]``: patterns with named groups that read metadata out of the text
  the classifier moved to metadata;
- ``[settings]``: structural thresholds; ``[timezones]``: zone name -> offset;
  ``[months]``: month name -> number; ``[sources]``: a source's other name -> the name written.

Everything is compiled once per (language, user files) and cached; the compiled
patterns are also kept on disk between runs (:class:`PatternStore`).

>>> rs = ruleset("zh")
>>> rs.match_rule("版权所有 © 2020").reason
'copyright'
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator

import re

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..document import ACTIONS, REASONS
from .prefilter import Prefilter, required

META_FIELDS = frozenset({"published", "authors", "editors", "source", "dateline"})
# Where a rule applies. The engine splits a page into zones: "before" the
# headline, "head" (from the headline to the body), "body" and "tail" (after
# the article's end). A rule's ``where`` names the zones it applies in.
ZONES = ("before", "head", "body", "tail")
WHERES = {
    "any": frozenset(ZONES),
    "outside": frozenset({"before", "head", "tail"}),  # anywhere but the body
    "head": frozenset({"before", "head"}),  # around the headline
    "body": frozenset({"body"}),
    "tail": frozenset({"tail"}),
}

# Structural thresholds; a [settings] table in a rule file overrides them.
DEFAULT_SETTINGS: dict[str, Any] = {
    "sentence_end": "。！？!?…",  # characters that end a sentence
    "clause_marks": "，,；;、：:",  # characters that break a clause inside a sentence
    "comma_marks": "，,；;",  # clause breaks that lists of names or headlines rarely hold twice
    "item_split": r"[,，|｜/、·]+",  # how a menu written on one line splits into items
    "item_max": 6,  # a menu's items are this short
    "item_mean": 99.0,  # ... and this short on average (characters per item, separators counted)
    "statement_end": "。.；;",  # a line ending so is a statement, never a headline
    "closers": "”’」』）)】〗》\"'",  # skipped when looking at how a line ends
    "separators": r"\s[|｜│>»·•/]\s|[|｜│]|\s>|>\s|>>|»|(?<!\d)[．・•](?!\d)",  # menu and breadcrumb separators
    # a date or time (or "3 hours ago") closing a line, as in lists of related articles
    "date_tail": r"(\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}[-/]\d{1,2})(\s*\d{1,2}:\d{2}(:\d{2})?)?[)）]?\s*$"
                 r"|\d{1,2}:\d{2}(:\d{2})?\s*$",
    "date_tail_ends": "",  # characters besides digits and brackets a date_tail match can end on
    # a date opening a line with a headline after it (2023-05-05 某某启动某某行动): a related item
    # when another such line stands next to it or a related header over it (empty: none)
    "date_lead": "",
    "long_line": 40,  # a prose line this long (in characters) weighs 1 - 0.4 in the body score
    "short_line": 8,  # shorter lines without sentence punctuation read as labels
    "heading_max": 40,  # longest heading
    "heading_needs": "",  # a pattern a heading must hold (Chinese: a Han character); empty: none
    # a bare caption: a sentence this short with no word of ``predicate`` and nothing of
    # ``not_caption`` (docs/rules.md); an empty ``predicate`` turns the check off
    "caption_max": 24,
    "predicate": "",
    "not_caption": "",
    "title_badge": "",  # a badge a site glues before its headline (原创): cut from the title; empty: none
    # a kicker (引题) printed over the headline: a campaign's theme, a slogan, a column's label; a
    # candidate of this form gives way to a longer headline right under it (empty: none)
    "kicker": "",
    # a series' tag a paper closes its headline with (X（推动高质量发展·权威发布）): a candidate
    # right over a line closed by one, itself closed by none, is the kicker over it (empty: none)
    "headline_tag": "",
    # a subtitle's label (副题：) opening a line under the headline: the line is the headline's
    # subtitle, never the headline; kept as a heading with the label cut (empty: none)
    "deck_label": "",
    # a table of contents' header alone on its line (目錄, Table of contents): a rule drops it; the
    # entries under it that copy the article's own lines drop with it (empty: none)
    "toc_header": "",
    # an event's field under a date line (時間：…, 地點：…): the date over it is the event's, not the
    # page's (empty: none)
    "event_field": "",
    # a photo's caption naming one person (a name, perhaps with a role before it or a portrait's
    # word after it), its group ``name`` the name: dropped between two paragraphs, one naming that
    # person (empty: none)
    "person_caption": "",
    # a photo set's caption of a looser shape than a bare caption's, dropped only among a set's
    # bare captions between its short paragraphs (a longer noun after 的, someone doing something
    # somewhere: 外滩的万国建筑群。, 游客在观景平台拍照。); empty: none
    "set_caption": "",
    # what marks a photo's credit besides a slash, a bar or brackets (Chinese: 张某 摄); empty: none
    "credit_mark": "",
    "title_min": 2,  # shortest and longest headline
    "title_max": 90,
    "title_window": 400,  # lines searched before the body for the headline
    "title_threshold": 0.6,  # least score a headline needs (docs/rules.md)
    "title_margin": 0.3,  # the earliest candidate this close to the best score is the headline
    # a best candidate sharing no word with the article loses to a later one sharing half of its
    # words and scoring this close (an advert or a label printed over the date line)
    "title_unrelated_margin": 0.5,
    "meta_reach": 4,  # lines from the headline (or the article's end) where metadata lines count
    "body_gap": 40,  # residue lines a body may span between two prose lines
    "article_min": 3.0,  # body score of a first article that wins over a longer one appended after it
    "name_line_max": 12,  # longest author name alone on a line next to the date
    "related_run": 3,  # this many headline-like lines in a row make a related list
    "prose_min": 0,  # a line this long reads as a sentence even without end punctuation (0: off)
    # a line stopping on a word no sentence or headline ends on ("... from the"): a sentence the page
    # broke across lines, continued by the next (empty: none; Chinese lines have ``unfinished``)
    "open_end": "",
    # a language whose drop rules also name the lines holding no Han character and some Latin
    # letters (a Chinese page's English widgets: "Share on Facebook", "Privacy Policy"); empty: none
    "foreign_rules": "",
    # a metadata field's label alone on its line, its value on the next ("By:" / "Jane Doe", "来源："
    # / "新华社"): the two are read as one line (empty: none)
    "meta_label": "",
    # the short words a sentence holds (an article, a preposition, "is"): a long line with none of
    # them is no prose, however long (a menu run together on one line); empty: not asked
    "sentence_words": "",
    # metadata: how a byline's names are split, which role words are removed, longest name
    "name_split": r"[\s、，,/／;；]+",
    "name_strip": r"^$",
    "name_max": 30,
    "am_words": [],  # words for a.m. / p.m. besides those starting with a / p
    "pm_words": [],
}


@dataclass(frozen=True)
class Rule:
    """One ``[[rule]]``: lines matching any pattern get ``action``/``reason``."""

    action: str
    reason: str
    pattern: "regex.Pattern[str]"
    max_len: int | None = None
    min_len: int = 0
    where: str = "any"
    ends: bool = False  # the line closes the article: what follows is residue
    origin: str = ""
    parts: tuple = ()  # the patterns one by one (the prefilter runs only those a line may match)
    # a line it names may still be the page's headline (a promo's form a headline takes too:
    # "7 tips for ..."): the headline's place decides, the rule only where it is not the headline
    headline: bool = False

    def matches(self, line: str) -> bool:
        n = len(line)
        if n < self.min_len or (self.max_len is not None and n > self.max_len):
            return False
        return self.pattern.search(line) is not None


@dataclass(frozen=True)
class Edit:
    """One ``[[edit]]``: matched text is cut out of kept lines, recorded as ``name``."""

    name: str
    pattern: "regex.Pattern[str]"
    to_meta: bool = False  # the cut text is read by the [[meta]] patterns
    early: bool = False  # applied to every line before the rules see it (a pinyin gloss)
    origin: str = ""
    # matched at a kept line's start as the page wrote it, the spaces between Han characters that
    # normalizing removes put back (本报讯 记者 X 正文: the space is where the name ends)
    spaced: bool = False


@dataclass(frozen=True)
class MetaPattern:
    """One ``[[meta]]`` entry: a pattern whose named groups fill ``field``."""

    field: str
    pattern: "regex.Pattern[str]"
    reasons: frozenset = frozenset()  # only text moved with these reasons (empty: any)
    origin: str = ""
    # read only when no other pattern filled the field (contributors are the authors of a page
    # that names no writer: "Jane Doe and the Associated Press contributed to this report.")
    fallback: bool = False


_NOT_YET = object()
_HAN = regex.compile(r"\p{Han}")
_LATIN_PAIR = re.compile(r"[A-Za-z]{2}")
_PLACE_REASONS = frozenset({"nav", "footer", "related"})


def foreign_line(line: str) -> bool:
    """Whether ``foreign_rules`` are asked about a line: some Latin letters, no Han character."""
    return _LATIN_PAIR.search(line) is not None and _HAN.search(line) is None


def foreign_drop(rule: Rule) -> bool:
    """Whether a rule of ``foreign_rules`` names a line: a drop that says what the line is, not
    where it stands (a menu's "more", a list's header, a footer link are told by their place, as
    this language's own are; a header that closes the article counts)."""
    return rule.action == "drop" and (rule.reason not in _PLACE_REASONS or rule.reason == "related" and rule.ends)


# lists read as patterns of their own, not as parts of rules: a lead naming its writer (陈某：…),
# the outlet a lead retells, the date a lead opens with, a reporter's photo credit, a corpus's date field, a writer's role
# (or a broadcaster's desk)
# alone on its line (English: the line under a byline's name), a fact box's lines and header, a
# summary box's label
# what may stand before a line and its space, read past by the rules: a lost character, a bullet
_LEADS = frozenset("?•·▪►")
PATTERN_LISTS = ("lead_writer", "lead_source", "lead_date", "photo_reporter", "date_field", "writer_role", "writer_desk", "fact_field",
                 "fact_header", "summary_label", "bare_names", "outlet_first", "outlet_suffix", "roundup_title",
                 "box_header", "agency_caption")
_MEMO_MAX = 20_000  # lines
_MEMO_LINE = 400  # characters: longer lines are not remembered (memory stays under ~20 MB)


@dataclass
class RuleSet:
    """All rules of one language, compiled."""

    rules: list[Rule] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    meta: list[MetaPattern] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_SETTINGS))
    timezones: dict[str, str] = field(default_factory=dict)
    lists: dict[str, str] = field(default_factory=dict)  # [lists]: text a pattern names as {{name}}
    months: dict[str, int] = field(default_factory=dict)  # month names (lowercase) -> number
    sources: dict[str, str] = field(default_factory=dict)  # a source's other names -> the one written
    # One Aho-Corasick pass over a line finds the rules (and edits) whose required
    # literals it holds; only those run their regexes (prefilter.py).
    rule_filter: Prefilter | None = None
    edit_filter: Prefilter | None = None
    store: "PatternStore" = field(default_factory=lambda: PatternStore(), repr=False, compare=False)
    _parts: list = field(default_factory=list)  # (rule, one of its patterns), in order
    early_filter: Prefilter | None = None
    early_edits: list[Edit] = field(default_factory=list)
    late_edits: list[Edit] = field(default_factory=list)
    spaced_edits: list[Edit] = field(default_factory=list)
    # Answers of match_rule and edits_for per line: a page is read twice (settling) and a
    # site repeats its widgets. Emptied by finish() and when full.
    _memo: dict = field(default_factory=dict, repr=False, compare=False)
    # the lists that are patterns of their own (``PATTERN_LISTS``, read by the metadata stage),
    # compiled by finish(); None where the rules have no such list
    list_patterns: dict[str, "regex.Pattern[str] | None"] = field(default_factory=dict, repr=False, compare=False)
    # ``foreign_rules``' rule set, asked about lines of no Han character (set by ``ruleset``)
    foreign: "RuleSet | None" = field(default=None, repr=False, compare=False)

    def pattern(self, name: str) -> "regex.Pattern[str] | None":
        """The list ``name`` (one of ``PATTERN_LISTS``) compiled as a pattern, or None."""
        if self.rule_filter is None:
            self.finish()
        return self.list_patterns[name]

    def match_rule(self, line: str, zone: str | int | None = None) -> Rule | None:
        """The first rule matching ``line`` in ``zone`` (one of ZONES; None or 0: any zone)."""
        key = (line, zone)
        found = self._memo.get(key, _NOT_YET)
        if found is not _NOT_YET:
            return found
        if self.rule_filter is None:
            self.finish()
        found = None
        n = len(line)
        for i in self.rule_filter.candidates(line):
            rule, part = self._parts[i]
            if zone and zone not in WHERES[rule.where]:
                continue
            if n >= rule.min_len and (rule.max_len is None or n <= rule.max_len) and part.search(line):
                found = rule
                break
        if found is None and self.foreign is not None and foreign_line(line):
            # Only its drops (its metadata patterns are not this language's metadata stage's), and
            # only those that name what a line is rather than where it stands: a menu's "more" or
            # a list's header is told by its place on the page, as this language's own are.
            other = self.foreign.match_rule(line, zone)
            if other is not None and foreign_drop(other):
                found = other
        if found is None and line[:1] in _LEADS and line[1:2].isspace():
            # a character the page's encoding could not hold, printed as "?" before the line
            # ("? Copyright © 2008 ..."), or a list's bullet ("• Digg this story"): the rules read
            # the line without it
            found = self.match_rule(line[2:].lstrip(), zone)
        self._remember(key, found)
        return found

    def edits_for(self, line: str, early: bool = False) -> list[Edit]:
        """The edits (early ones, or the others) that may apply to ``line``, in order."""
        key = (line, "edits", early)
        found = self._memo.get(key)
        if found is not None:
            return found
        if self.edit_filter is None:
            self.finish()
        f, edits = (self.early_filter, self.early_edits) if early else (self.edit_filter, self.late_edits)
        found = [edits[i] for i in f.candidates(line)]
        self._remember(key, found)
        return found

    def edits_by_line(self, lines: list[str], early: bool = False) -> Iterator[tuple[int, list[Edit]]]:
        """``(k, edits_for(lines[k], early))`` for each line some edit may apply to: the
        lines of a page in one pass."""
        if self.edit_filter is None:
            self.finish()
        f, edits = (self.early_filter, self.early_edits) if early else (self.edit_filter, self.late_edits)
        for k, found in f.candidates_by_line(lines):
            yield k, [edits[i] for i in found]

    def _remember(self, key: tuple, value: Any) -> None:
        if len(key[0]) > _MEMO_LINE:
            return
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        self._memo[key] = value

    def finish(self) -> "RuleSet":
        self._memo.clear()
        self.list_patterns = {name: self._list_pattern(name) for name in PATTERN_LISTS}
        self._parts = [(r, part) for r in self.rules for part in (r.parts or (r.pattern,))]
        req = self.store.required
        self.rule_filter = Prefilter([[part.pattern] for _r, part in self._parts], req)
        self.early_edits = [e for e in self.edits if e.early]
        self.late_edits = [e for e in self.edits if not e.early and not e.spaced]
        self.spaced_edits = [e for e in self.edits if e.spaced]
        self.early_filter = Prefilter([[e.pattern.pattern] for e in self.early_edits], req)
        self.edit_filter = Prefilter([[e.pattern.pattern] for e in self.late_edits], req)
        # the [[meta]] fallbacks after all others (a stable sort: file order otherwise), so that
        # each is read only where its field is still empty
        self.meta.sort(key=lambda mp: mp.fallback)
        return self

    def _list_pattern(self, name: str) -> "regex.Pattern[str] | None":
        """The list ``name`` compiled as a pattern (its lists expanded, no variants added), or None
        where there is no such list."""
        source = self.lists.get(name)
        if not source:
            return None
        where = f"list {name}"
        try:
            return self.store.compile(expand_lists(source, self.lists, where))
        except regex.error as e:
            raise ValueError(f"{where}: {e}") from None


@lru_cache(maxsize=1)
def variants() -> dict[str, str]:
    """Each character of ``variants.toml`` -> the other forms of its group."""
    text = resources.files(__name__).joinpath("variants.toml").read_text("utf-8")
    out: dict[str, str] = {}
    for group in tomllib.loads(text)["groups"]:
        for ch in group:
            out[ch] = "".join(c for c in group if c != ch)
    return out


def with_variants(pattern: str) -> str:
    """``pattern`` with every character that has variants matching them too (outside a
    character class it becomes one; a class gets the variants of its characters added).

    >>> with_variants("原題為《")
    '原題[為爲]《'
    >>> with_variants("[为為]+|發布")
    '[爲为為]+|發[布佈]'
    """
    table = variants()
    special = _special()
    m = special.search(pattern)
    if m is None:
        return pattern  # (most patterns of English, and many of Chinese: nothing to add)
    out: list[str] = []
    i = 0
    while m is not None:
        j = m.start()
        out.append(pattern[i:j])  # a run with nothing to add, copied whole
        ch = pattern[j]
        if ch == "\\":  # an escape: kept as it is
            out.append(pattern[j:j + 2])
            i = j + 2
        elif ch == "[":
            k = _class_end(pattern, j)
            body = pattern[j + 1:k]
            extra = "".join(dict.fromkeys(v for c in body for v in table.get(c, "") if v not in body))
            if extra:
                # after a leading ^ and a leading literal - or ]: a "-" next to them stays literal
                h = 1 if body.startswith("^") else 0
                h += 1 if body[h:h + 1] in ("-", "]") else 0
                body = body[:h] + extra + body[h:]
            out.append(f"[{body}]")
            i = k + 1
        else:
            out.append(f"[{ch}{table[ch]}]")
            i = j + 1
        m = special.search(pattern, i)
    out.append(pattern[i:])
    return "".join(out)


@lru_cache(maxsize=1)
def _special() -> "re.Pattern[str]":
    """Where ``with_variants`` has work: an escape, a class's opening or a character with variants."""
    return re.compile("[" + re.escape("\\[" + "".join(variants())) + "]")


def _class_end(pattern: str, start: int) -> int:
    """The index of the "]" closing the character class opened at ``start``."""
    i = start + 1
    if pattern[i:i + 1] == "^":
        i += 1
    if pattern[i:i + 1] == "]":  # a leading "]" is literal
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[" and pattern[i + 1:i + 2] == ":":  # a POSIX class [:alpha:]
            k = pattern.find(":]", i + 2)
            i = k + 2 if k >= 0 else i + 1
            continue
        if pattern[i] == "]":
            return i
        i += 1
    return len(pattern) - 1


_LIST_REF = regex.compile(r"\{\{(\w+)\}\}")


def expand_lists(pattern: str, lists: dict[str, str], where: str = "pattern") -> str:
    """``pattern`` with each ``{{name}}`` replaced by the text of list ``name`` (a rule file's
    ``[lists]``: one list of, say, surnames, shared by the patterns that need it). A list may
    name other lists (a name's shape built on the surnames).

    >>> expand_lists("^[{{surnames}}].{1,2}$", {"surnames": "王李"})
    '^[王李].{1,2}$'
    >>> expand_lists("^{{name}}$", {"name": "[{{surnames}}].", "surnames": "王李"})
    '^[王李].$'
    """
    seen: list[str] = []

    def text(m: "regex.Match[str]") -> str:
        name = m.group(1)
        if name not in lists:
            raise ValueError(f"{where}: no list {name!r} in [lists]")
        if name in seen:
            raise ValueError(f"{where}: list {name!r} names itself")
        seen.append(name)
        out = _LIST_REF.sub(text, lists[name])
        seen.pop()
        return out

    return _LIST_REF.sub(text, pattern)


class LazyPattern:
    """A regex compiled when first used, standing in for the compiled pattern.

    A rule's patterns run one by one (its ``parts``, which the prefilter picks); the
    alternation of all of them serves only callers matching a rule as a whole, so it is
    not compiled with the rest when a process starts (about 0.15 s).

    >>> p = LazyPattern("(?:a)|(?:b+)")
    >>> p.pattern, p.search("xbb").group()
    ('(?:a)|(?:b+)', 'bb')
    >>> import copy, pickle
    >>> pickle.loads(pickle.dumps(p)).search("a").group(), copy.deepcopy(p).pattern
    ('a', '(?:a)|(?:b+)')
    """

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled: "regex.Pattern[str] | None" = None

    def __getattr__(self, name: str) -> Any:  # search, finditer, ...: the compiled pattern's
        if name.startswith("__") or name == "_compiled":  # (copy and pickle ask for hooks)
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern)
        return getattr(self._compiled, name)


def _source(patterns: Iterable[str], where: str, lists: dict[str, str] | None = None) -> str:
    """The patterns as one alternation, lists expanded and variants added."""
    pats = list(patterns)
    if not pats or not all(isinstance(p, str) for p in pats):
        raise ValueError(f"{where}: patterns must be a non-empty list of strings")
    pats = [with_variants(expand_lists(p, lists or {}, where)) for p in pats]
    # A leading (?i) would make the whole alternation case-insensitive (and slow on Han
    # text): scope it to its own pattern.
    pats = [f"(?i:{p[4:]})" if p.startswith("(?i)") else p for p in pats]
    return "|".join(f"(?:{p})" for p in pats)


def _compile(patterns: Iterable[str], where: str, lists: dict[str, str] | None = None,
             store: "PatternStore | None" = None) -> "regex.Pattern[str]":
    source = _source(patterns, where, lists)
    try:
        return store.compile(source) if store is not None else regex.compile(source)
    except regex.error as e:
        raise ValueError(f"{where}: {e}") from None


def parse_rules(data: dict, origin: str, into: RuleSet | None = None) -> RuleSet:
    """Add the entries of one parsed rule file to ``into`` (a new set when None)."""
    rs = into or RuleSet()
    for name, value in data.get("lists", {}).items():
        if not isinstance(value, str):
            raise ValueError(f"{origin}: list {name!r} must be a string")
        rs.lists[name] = value
    lists, store = rs.lists, rs.store
    for i, r in enumerate(data.get("rule", []), 1):
        where = f"{origin}: rule {i}"
        action, reason = r.get("action", "drop"), r.get("reason")
        if action not in ACTIONS or reason not in REASONS:
            raise ValueError(f"{where}: bad action/reason {action!r}/{reason!r}")
        place = r.get("where", "any")
        if place not in WHERES:
            raise ValueError(f"{where}: where must be one of {', '.join(WHERES)}, not {place!r}")
        pats = r.get("patterns", [])
        whole = _source(pats, where, lists)  # (checks the list)
        parts = tuple(_compile([p], where, lists, store) for p in pats)
        # each part compiled alone reports a bad pattern when the file is read; the whole
        # is the one part, or compiled when first used
        pattern = parts[0] if len(parts) == 1 else LazyPattern(whole)
        rs.rules.append(Rule(action, reason, pattern,
                             r.get("max_len"), int(r.get("min_len", 0)), place,
                             bool(r.get("ends", False)), where, parts, bool(r.get("headline", False))))
    for i, e in enumerate(data.get("edit", []), 1):
        where = f"{origin}: edit {i}"
        if e.get("name") not in REASONS:
            raise ValueError(f"{where}: name {e.get('name')!r} is not a reason")
        rs.edits.append(Edit(e["name"], _compile(e.get("patterns", []), where, lists, store),
                             bool(e.get("to_meta", False)), bool(e.get("early", False)), where,
                             bool(e.get("spaced", False))))
    for i, m in enumerate(data.get("meta", []), 1):
        where = f"{origin}: meta {i}"
        if m.get("field") not in META_FIELDS:
            raise ValueError(f"{where}: field must be one of {sorted(META_FIELDS)}")
        reasons = frozenset(m.get("reasons", ()))
        if not reasons <= REASONS:
            raise ValueError(f"{where}: unknown reasons {sorted(reasons - REASONS)}")
        rs.meta.append(MetaPattern(m["field"], _compile(m.get("patterns", []), where, lists, store),
                                   reasons, where, bool(m.get("fallback", False))))
    for key, value in data.get("settings", {}).items():
        if key not in DEFAULT_SETTINGS:
            raise ValueError(f"{origin}: unknown setting {key!r}")
        # a setting's pattern may name lists too ({{widget_words}} in name_strip)
        rs.settings[key] = expand_lists(value, lists, f"{origin}: setting {key}") if isinstance(value, str) else value
    rs.timezones.update(data.get("timezones", {}))
    rs.months.update({str(k).lower(): int(v) for k, v in data.get("months", {}).items()})
    for name, value in data.get("sources", {}).items():
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{origin}: source {name!r} must name its source")
        rs.sources[name] = value
    return rs


def _packaged(lang: str) -> list[str]:
    names = [p.name for p in resources.files(__name__).iterdir() if p.name.endswith(".toml")]
    return sorted(n for n in names if n == f"{lang}.toml" or n.startswith(f"{lang}_"))


def ruleset(lang: str, extra_files: tuple[str, ...] = ()) -> RuleSet:
    """The compiled rules for ``lang`` ("zh" or "en"): the user's files first, then the packaged ones.
    Built once per process for each set of files: ``ruleset("zh")`` and ``ruleset("zh", ())`` are one."""
    return _ruleset(lang, tuple(extra_files))


@lru_cache(maxsize=None)
def _ruleset(lang: str, extra_files: tuple[str, ...] = ()) -> RuleSet:
    texts = [(f"rules/{n}", resources.files(__name__).joinpath(n).read_text("utf-8")) for n in _packaged(lang)]
    extra = []
    for path in extra_files:
        with open(path, "rb") as f:
            extra.append((path, f.read().decode("utf-8")))
    rs = RuleSet(store=PatternStore.for_rules(lang, texts + extra))
    for where, text in texts:
        parse_rules(tomllib.loads(text), where, rs)
    packaged = len(rs.rules), len(rs.edits), len(rs.meta)
    for where, text in extra:
        parse_rules(tomllib.loads(text), where, rs)
    # The user's entries go first, so that they win over the packaged ones
    # (a user's ``action = "keep"`` rule protects lines from packaged drops).
    n_rules, n_edits, n_meta = packaged
    rs.rules = rs.rules[n_rules:] + rs.rules[:n_rules]
    rs.edits = rs.edits[n_edits:] + rs.edits[:n_edits]
    rs.meta = rs.meta[n_meta:] + rs.meta[:n_meta]
    rs.finish()
    rs.store.save()
    if rs.settings.get("foreign_rules"):
        rs.foreign = ruleset(rs.settings["foreign_rules"])
    return rs


ruleset.__wrapped__ = _ruleset.__wrapped__  # type: ignore[attr-defined]  # (built anew: the tests' way)


# -- compiled patterns kept between runs ------------------------------------------------------

STORE_ENV = "CORPUSKIT_CACHE"  # the folder of the stored patterns; empty: none kept
STORE_FILES = 16  # at most this many files in the folder (the least recently written go)


def store_folder() -> str | None:
    """Where compiled patterns are kept: ``$CORPUSKIT_CACHE`` (empty: nowhere), else the
    user's cache folder (``$XDG_CACHE_HOME/corpuskit`` or ``~/.cache/corpuskit``)."""
    if STORE_ENV in os.environ:
        return os.environ[STORE_ENV] or None
    home = os.path.expanduser("~")
    if not os.environ.get("XDG_CACHE_HOME") and home == "~":  # no home folder: keep nothing
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return os.path.join(base, "corpuskit")


class PatternStore:
    """Compiled patterns (and the prefilter's literals) by their source text, kept in a file.

    Compiling the rules' ~600 patterns is most of a run's start (0.5-0.8 s, before any
    worker starts); a compiled ``regex`` pattern pickles with its compiled code and loads
    some 30 times faster. Entries are looked up by the source itself, so an edited rule
    file never reads a stale entry: the new source is compiled and the file rewritten with
    the sources of this build only (it does not grow). The file's name holds what the
    entries depend on besides the source (Python, ``regex``, the prefilter's code) and the
    rule files' text, so that two versions of the rules each keep their own file; a file
    that cannot be read or written is ignored.

    >>> s = PatternStore()
    >>> s.compile("a+").search("baa").group(), sorted(s.required("(?:记者|記者)[:：]"))
    ('aa', ['記者', '记者'])
    """

    def __init__(self, path: str | None = None):
        self.path = path
        self.old: tuple[dict, dict] = ({}, {})  # (source -> pattern, source -> literals), as loaded
        self.new: tuple[dict, dict] = ({}, {})  # ... as used by this build
        if path:
            try:
                with open(path, "rb") as f:
                    old = pickle.load(f)
                if isinstance(old, tuple) and len(old) == 2 and all(isinstance(d, dict) for d in old):
                    self.old = old
            except Exception:  # noqa: BLE001 - missing, cut short, another version: compile anew
                pass

    @classmethod
    def for_rules(cls, lang: str, files: list[tuple[str, str]]) -> "PatternStore":
        """The store of one build: its file is named by the rule files (name and text) too,
        so that two versions of the rules used in turn keep a file each."""
        folder = store_folder()
        if not folder:
            return cls()
        from . import prefilter

        h = hashlib.sha256(repr((lang, files, sys.version, regex.__version__)).encode("utf-8", "surrogateescape"))
        with open(prefilter.__file__, "rb") as f:  # the literals depend on the prefilter's code
            h.update(f.read())
        return cls(os.path.join(folder, f"rules-{h.hexdigest()[:24]}.pickle"))

    def compile(self, source: str) -> "regex.Pattern[str]":
        return self._get(0, source, regex.compile)

    def required(self, source: str) -> Any:
        return self._get(1, source, required)

    def _get(self, kind: int, source: str, make: Any) -> Any:
        new = self.new[kind]
        if source not in new:
            old = self.old[kind]
            new[source] = old[source] if source in old else make(source)
        return new[source]

    def save(self) -> None:
        """Write the entries of this build, when they differ from the file's."""
        if not self.path or all(a.keys() == b.keys() for a, b in zip(self.old, self.new)):
            return
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(self.new, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)  # whole or not at all, for a run reading it meanwhile
        except (OSError, pickle.PicklingError):
            try:  # (a disk full: no half-written file left in the folder)
                os.unlink(tmp)
            except OSError:
                pass
            return
        self.old = self.new
        try:
            _prune(folder)
        except OSError:  # (a file another run removed meanwhile)
            pass


def _prune(folder: str) -> None:
    """Remove the least recently written pattern files beyond ``STORE_FILES``."""
    files = [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("rules-") and n.endswith(".pickle")]
    files.sort(key=lambda p: os.stat(p).st_mtime_ns, reverse=True)
    for p in files[STORE_FILES:]:
        try:
            os.unlink(p)
        except OSError:
            pass


def line_rules(lang: str, extra_files: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """The line rules alone (kept for callers that only match lines)."""
    return tuple(ruleset(lang, extra_files).rules)
