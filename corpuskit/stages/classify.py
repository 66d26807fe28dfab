"""Keep, drop (with a reason) or move to metadata: one decision per line.

The engine knows no words of any language: the words are in the rule files
(``corpuskit/rules/<lang>.toml``, see ``docs/rules.md``). What it adds is the
page's structure: where the article body is (the best-scoring stretch of
prose lines), which line is the headline, where the article ends, and what a
line that no rule names is, from its place, length and punctuation.

>>> doc = Document(input="首页 | 新闻 | 体育\\n\\n标题在这里\\n\\n2020-01-01 10:00\\n\\n"
...                "正文第一段，写得很长很长，有逗号也有句号，一直写到这里为止。\\n\\n相关新闻")
>>> from ..config import Config
>>> from .segment import SegmentStage
>>> doc = ClassifyStage(Config())(SegmentStage(Config())(doc))
>>> [(ln.action, ln.reason) for ln in doc.lines]
[('drop', 'nav'), ('title', None), ('meta', 'published'), ('keep', None), ('drop', 'related')]
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache, reduce
from itertools import accumulate
from typing import Any, Callable

import re

import regex

from ..document import KEEP_ACTIONS, Document, Line
from ..pipeline import Stage
from ..rules import WHERES, Edit, Rule, RuleSet, ruleset
from .metadata import as_written, split_names
from .segment import compiled_open_end, open_ended

_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
_ANY_LETTER = regex.compile(r"\p{L}")
# detect_lang counts Han by runs (a few long matches instead of one per character) and
# ASCII letters as the bytes left when the other bytes are deleted.
_HAN_RUN = regex.compile(r"\p{Han}+")
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
# a picture's credit inside a caption sentence (茶园风光由受访者提供。): a caption printed under each
# photo, though it holds a verb
_CREDIT_WORD = regex.compile(r"提供|供图|供圖|摄|攝|图片|圖片|资料图|資料圖|图源|圖源")
_TOKENS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z]{2,}|\\d+")


def detect_lang(text: str) -> str:
    """``zh`` when Han characters make up a fair share of the letters, else ``en``.

    >>> detect_lang("中文 text"), detect_lang("English only")
    ('zh', 'en')
    """
    sample = text[:5000]
    latin = len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    # zh when the Han characters number at least one and at least latin / 6 (han * 3 >=
    # latin * 0.5): counted only until there are that many, as a Chinese page has at once
    need = max(1, -(-latin // 6))
    han = 0
    for m in _HAN_RUN.finditer(sample):
        han += m.end() - m.start()
        if han >= need:
            return "zh"
    return "en"


# ----------------------------------------------------------------------------- features


@dataclass(slots=True)
class Features:
    """What the engine measures of one line."""

    n: int  # length in characters
    sent: bool  # ends a sentence
    clause: bool  # ends on a clause mark: a sentence broken across lines
    marks: int  # sentence and clause marks inside
    commas: int  # clause breaks inside (commas, semicolons), enumeration marks aside
    seps: int  # separators (| > · ｜), as in menus and breadcrumbs
    date: bool  # ends with a date or a time
    rule: Rule | None  # the first rule matching it (position not yet known)
    weight: float = 0.0  # body score
    headed: bool = True  # holds what a heading needs (``heading_needs``)
    headline: bool = False  # could be a headline (``_Page.headline_like``)
    # in an article in broken lines (``_Page.phrase_runs``): a phrase (1), a short sentence (2)
    # or neither (0)
    phrase: int = 0
    label: bool = False  # short, no sentence, no date, no menu: a label (``_Page.blurb_weights``)
    blurb: bool = False  # one short sentence no rule names: a teaser's blurb (``_Page.blurb_weights``)
    tag: bool = False  # could be an item of a tag list or a menu (``_Page.tag_runs``)
    # stops on a word no sentence ends on ("... from the", ``open_end``): a sentence the page broke
    # across lines (it reads as prose: ``clause`` is set too)
    open: bool = False
    # Read for every line many times over: stored, not properties.
    # Reads as running text: ends a sentence or a clause, or holds two clause breaks
    # (a paragraph the page cut off mid-sentence).
    prose: bool = field(init=False)
    ruled: bool = field(init=False)  # a rule other than a keep rule names it

    def __post_init__(self) -> None:
        self.prose = (self.sent or self.clause or self.commas >= 2) and self.seps < 2 and not self.date
        self.ruled = self.rule is not None and self.rule.action != "keep"


class _Compiled:
    """Per-language compiled structural settings."""

    def __init__(self, rs: RuleSet):
        s = rs.settings
        self.rs, self.s = rs, s
        self.sentence_end = frozenset(s["sentence_end"])
        self.clause_marks = frozenset(s["clause_marks"])
        self.marks = _fast("[" + regex.escape(s["sentence_end"] + s["clause_marks"]) + "]")
        self.commas = _fast("[" + regex.escape(s["comma_marks"]) + "]")
        self.items = _fast(s["item_split"])
        self.closers = frozenset(s["closers"])
        self.seps = _fast(s["separators"])
        self.date_tail = _fast(s["date_tail"])
        self.date_ends = frozenset(")）" + s["date_tail_ends"])
        self.heading_needs = _fast(s["heading_needs"]) if s["heading_needs"] else None
        self.predicate = _fast(s["predicate"]) if s["predicate"] else None
        self.not_caption = _fast(s["not_caption"]) if s["not_caption"] else None
        self.title_badge = _fast(s["title_badge"]) if s["title_badge"] else None
        self.kicker = _fast(s["kicker"]) if s["kicker"] else None
        self.headline_tag = _fast(s["headline_tag"]) if s["headline_tag"] else None
        # the language's compound surnames (欧阳, 司马), for ``str.startswith``
        self.compound_surnames = tuple(x for x in rs.lists.get("compound_surnames", "").split("|") if x)
        self.deck_label = _fast(s["deck_label"]) if s["deck_label"] else None
        self.toc_header = _fast(s["toc_header"]) if s["toc_header"] else None
        self.event_field = _fast(s["event_field"]) if s["event_field"] else None
        self.date_lead = _fast(s["date_lead"]) if s["date_lead"] else None
        self.person_caption = regex.compile(s["person_caption"]) if s["person_caption"] else None
        self.set_caption = _fast(s["set_caption"]) if s["set_caption"] else None
        self.credit_mark = _fast(s["credit_mark"]) if s["credit_mark"] else None
        self.open_end = compiled_open_end(s.get("open_end", ""))
        self.meta_label = _fast(s["meta_label"]) if s.get("meta_label") else None
        self.sentence_words = _fast(s["sentence_words"]) if s["sentence_words"] else None
        self.cache: dict[str, Features] = {}
        # ``_edit_lines``' memory: line text -> the text once edited and the edits that changed
        # it, for the early edits and for the others (a page is read twice, settling)
        self.edited: dict[bool, dict[str, Any]] = {True: {}, False: {}}


_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def _fast(pattern: str) -> Any:
    """The standard library's engine where it can read the pattern (it is quicker on short
    simple patterns), else the regex module's."""
    plain = pattern.replace("[\\p{Han}", "[" + _HAN_CLASS).replace("\\p{Han}", "[" + _HAN_CLASS + "]")
    try:
        return re.compile(plain)
    except re.error:
        return regex.compile(pattern)


_COMPILED: dict[int, _Compiled] = {}


def _compiled(rs: RuleSet) -> _Compiled:
    """Compiled once per rule set (rule sets are cached for the life of the process)."""
    c = _COMPILED.get(id(rs))
    if c is None or c.rs is not rs:
        c = _COMPILED[id(rs)] = _Compiled(rs)
    return c


# a quotation's attribution closing a line: a dash and a short name ("”。——汪某", '." — Jane Doe')
_ATTRIBUTION = regex.compile(r"\s*(?:—{1,2}|－{1,2}|-{2})\s*[^\s\p{P}\d][^\p{P}\d]{0,15}$")


def _unattributed(t: str, closers: frozenset) -> str:
    """The line without a quotation's attribution closing it, when what precedes the dash
    ends as a quoted sentence does (a closing quote or a sentence mark); else the line."""
    if "—" not in t and "－" not in t and "--" not in t:  # the dash the pattern needs (quicker)
        return t
    m = _ATTRIBUTION.search(t)
    if m is None or m.start() == 0:
        return t
    head = t[:m.start()].rstrip()
    return head if head and (head[-1] in closers or head[-1] in "。！？!?….") else t


# a footnote marker closing a line ("……的芯片。[2]", "... in 2019.[3]"): the sentence ends before it
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\s*[\[［]\d{1,3}[\]］]$")
# a wire's filing code after the closing editor credit ("……的畢業生。（編輯：林克倫）1130627", the
# date in the ROC calendar or as 20240627): the sentence ends before the credit
_FILING_CODE = re.compile(r"(?<=[)）])\s*\d{6,8}$")


def _end_char(text: str, closers: frozenset) -> str:
    """The last character that says how a line ends: closing quotes and brackets skipped,
    and a trailing bracketed note (a credit, a source) looked through.

    >>> _end_char("他说：“好。”", frozenset("”）)"))
    '。'
    >>> _end_char("修建了400多座。（BBC）", frozenset("”）)"))
    '。'
    >>> _end_char("“我希望能多陪陪家人”。——汪某", frozenset("”）)"))
    '。'
    >>> _end_char("已进入千家万户。[4]", frozenset("”）)"))
    '。'
    >>> _end_char("頒發獎章給畢業生。（編輯：林克倫）1130627", frozenset("”）)"))
    '。'
    """
    t = _unattributed(text.rstrip(), closers)
    if t[-1:] in "]］":  # (the mark closes the text, stripped: no scan of a line it cannot close)
        t = _FOOTNOTE_MARK.sub("", t)
    if t[-1:].isdigit():
        t = _FILING_CODE.sub("", t)
    if t and t[-1] in "）)" and len(t) > 2:
        open_at = max(t.rfind("（"), t.rfind("("))
        if open_at > 0 and len(t) - open_at <= 30:
            inner = t[:open_at].rstrip()
            if inner:
                t = inner
    i = len(t) - 1
    while i > 0 and (t[i] in closers or t[i].isspace()):
        i -= 1
    return t[i] if t else ""


# an unlabelled tag list: this many short link-like lines in a row, of at most this many words each
_TAG_RUN, _TAG_WORDS = 8, 6


def _few_words(text: str) -> bool:
    """A tag's text: at most ``_TAG_WORDS`` words of a script written with spaces (a word
    count says nothing of a Chinese line)."""
    words = text.split()
    return len(words) <= _TAG_WORDS and (text.isascii() or "".join(words).isascii())


_CACHE_MAX = 50_000  # lines; a site's boilerplate repeats across its pages


def cached_features(text: str, rs: RuleSet, c: _Compiled) -> Features:
    """``features``, remembered per line text (features never change once computed)."""
    f = c.cache.get(text)
    if f is None:
        if len(c.cache) >= _CACHE_MAX:
            c.cache.clear()
        f = c.cache[text] = features(text, rs, c)
    return f


def _features_of(lines: list[Line], rs: RuleSet, c: _Compiled) -> list[Features]:
    """``cached_features`` of each line (the cache looked up inline: most lines are in it)."""
    get = c.cache.get
    out = [get(ln.text) or cached_features(ln.text, rs, c) for ln in lines]
    # A comments header with its count alone on the next line ("Article" / "Comments" / "(78)", a
    # tab over the byline) is a counter, as "74 comments" is: it closes nothing.
    for i in range(len(out) - 1):
        r = out[i].rule
        if r is not None and r.ends and r.reason == "comments" and _BARE_COUNT.match(lines[i + 1].text):
            out[i] = dataclasses.replace(out[i], rule=dataclasses.replace(r, ends=False))
    return out


_BARE_COUNT = regex.compile(r"^\s*[(\[]?\s*\d{1,6}\s*[)\]]?\s*$")


def features(text: str, rs: RuleSet, c: _Compiled) -> Features:
    end = _end_char(text, c.closers)
    n = len(text)
    marks = len(c.marks.findall(text))
    needs_met = c.heading_needs is None or c.heading_needs.search(text) is not None
    # a line past prose_min characters reads as a sentence however it ends (0: off), unless
    # it is a run of capitalised words or holds none of the language's sentence_words: a menu's
    # items written on one line
    sent = end in c.sentence_end or (0 < c.s["prose_min"] <= n and not _capitalised_run(text)
                                     and (c.sentence_words is None or c.sentence_words.search(text) is not None))
    seps = len(c.seps.findall(text))
    commas = len(c.commas.findall(text))
    if seps >= 2 and sent and n >= c.s["long_line"] and (commas >= 2 or _RUNNING_WORDS.search(text)):
        # a sentence that sets figures apart with slashes ("$499 / €549 / INR 52,999") or writes
        # foreign names with a middle dot (羅伯・穆加比), running on with its clauses: no menu
        seps = 0
    if not sent and seps < 2:
        # a menu written as a list: three or more short items, "要闻, 国内, 国际,"
        items = [x for x in c.items.split(text) if x]
        # Latin words and numbers in a Chinese line are a headline's names and figures ("三星
        # Galaxy S20 系列手机发布"), not menu items: such a line needs three items of its own
        # script and at most one Latin one.
        # A headline's clauses run longer than a menu's words: "马云最后一天上班 看望老同事
        # 现场人山人海" is no menu (``item_mean``: the longest mean item length of one).
        latin = sum(map(str.isascii, items))
        if (len(items) >= 3 and max(map(len, items)) <= c.s["item_max"]
                and (text.isascii() or (len(items) - latin >= 3 and latin <= 1
                                        and len(text) - text.count(" ") <= c.s["item_mean"] * len(items)))):
            seps = len(items)
    open_ = not sent and open_ended(text, c.open_end)
    f = Features(
        n=n,
        sent=sent,
        # a clause broken across lines; a short label and its colon (前言：, 摘要：) opens a block
        clause=open_ or end in c.clause_marks and not (n <= 6 and end in "：:" and c.heading_needs is not None and needs_met),
        marks=marks,
        commas=commas,
        seps=seps,
        # a date or time ends on a digit, a bracket or one of date_tail_ends ("3小时前")
        date=(text[-1:].isdigit() or text[-1:] in c.date_ends) and c.date_tail.search(text) is not None,
        rule=rs.match_rule(text),
        # a heading says something: a line of no letters at all (----- 1 -----) is none
        headed=needs_met and _ANY_LETTER.search(text) is not None,
        open=open_,
    )
    if (f.prose and not sent and not f.clause and 0 < c.s["prose_min"] <= n and c.sentence_words is not None
            and c.sentence_words.search(text) is None):
        f.prose = False  # a long run of words set apart by commas, none a sentence needs: a menu's
    f.weight = _weight(f, c)
    # (a headline ending on an abbreviation, "... Relations With U.S.", states nothing)
    abbreviated = end == "." and (_ABBREVIATION_END.search(text) or _TIME_END.search(text))
    f.headline = not open_ and _headline(f, "" if abbreviated else end, c)
    if not f.headline and not f.ruled and f.n < c.s["title_min"] and _SCORELINE.match(text):
        f.headline = True  # a match report's headline is its score, however short ("Port Vale 1 Luton 2")
    if f.headline and c.deck_label is not None and c.deck_label.match(text):
        f.headline = False  # a labelled subtitle (副题：X) is the headline's, never the headline
    f.phrase = _phrase_kind(f, text, c)
    f.label = not f.prose and not f.date and f.seps < 2 and 0 < n <= c.s["heading_max"]
    f.blurb = f.prose and not f.ruled and f.weight < 2.0 and f.marks <= 4
    f.tag = f.label and not f.ruled and _few_words(text)  # a label no rule names, of a few words
    return f


def _phrase_kind(f: Features, text: str, c: _Compiled) -> int:
    """A line of an article in broken lines (``_Page.phrase_runs``): a phrase (1), a short
    sentence (2) or neither (0). A phrase: no longer than a heading, no rule naming it, no
    sentence, no date, no menu, no bulleted item (a list's, an infobox's field), mostly words
    of the heading script where there is one (a comment's vote counter, +1顶10, is none)."""
    if f.ruled or f.n > c.s["heading_max"]:
        return 0
    if f.prose:
        return 2
    phrasal = not _BULLET.match(text) and (c.heading_needs is None or 2 * len(c.heading_needs.findall(text)) >= f.n)
    return 1 if f.headed and phrasal and not f.date and f.seps < 2 else 0


_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
# three lower-case Latin words in a row: running text, which a menu's items seldom are
_RUNNING_WORDS = re.compile(r"\b[a-z]+(?:\s+[a-z]+){2}\b")


def _capitalised_run(text: str) -> bool:
    """Twelve words or more, at least three in four of them capitalised (a menu of section
    names, "Science & Technology Earth Changes Fire in the Sky Health & Wellness ...").

    >>> _capitalised_run("Home World Business Science & Technology Health Sport Culture Travel Food Opinion Video")
    True
    >>> _capitalised_run("The council met on Tuesday and agreed to publish its findings next month")
    False
    """
    words = _WORD.findall(text)
    return len(words) >= 12 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


# a line ending on an abbreviation of capitals and dots: U.S., U.K., D.C.
_ABBREVIATION_END = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,}$")
# ... or on the time of day, its full stop the abbreviation's: "... At New Jersey Nets, 7:30 P.m."
_TIME_END = regex.compile(r"\d\s?(?i:[ap]\.m\.)$")


def _headline(f: Features, end: str, c: _Compiled) -> bool:
    """Whether a line could be a headline by its text alone: not ruled, no date, no menu,
    headline-length, not ending a clause or a statement (``end``: its ``_end_char``)."""
    if f.ruled and not f.rule.headline or f.date or f.seps > 1:
        return False
    if not c.s["title_min"] <= f.n <= c.s["title_max"]:
        return False
    # ("" for an end that says nothing: ``"" in "."`` holds, so it is asked first)
    return ((not end or end not in c.clause_marks and end not in c.s["statement_end"]) and f.commas <= 2
            and f.headed)


def _weight(f: Features, c: _Compiled) -> float:
    """How much a line says "article body here": long prose adds, residue costs (a photo's
    caption or credit less: pictures stand between paragraphs, inside the body)."""
    if f.ruled:
        return -0.5 if f.rule.reason == "caption" else -2.0
    long_line = c.s["long_line"]
    if f.prose:
        return max(0.1, min(f.n / long_line - 0.4, 8.0))
    if f.date or f.seps >= 2:
        return -1.0
    return -0.5


# the menu's link to the outlet's app (某某报APP, 某某新闻客户端): it shares the outlet's name with a lead's
# dateline (某某报讯), but is no headline over a subtitle
_APP_LINK = regex.compile(r"(?:APP|App|app|客户端|客戶端)$")

# one line of a box of other stories: a headline with Han characters and no full stop (a question or
# an exclamation mark may close it), a space, then
# its blurb, a sentence or more (拆解：某某电脑棒，强在哪？ 近年来，由于传统外形PC的需求…)
_TEASER_LINE = regex.compile(r"^(?=[^\s。]{0,40}\p{Han})[^\s。！？；!?]{5,40}[！？!?]?\s+\S.{19,}$")


def _best_stretch(weights: list[float]) -> tuple[int, int] | None:
    """The stretch of lines with the largest total weight (Kadane), or None when none is positive.

    >>> _best_stretch([-1, 2, -0.5, 3, -4, 1])
    (1, 3)
    """
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (start, i)
    return best_span


# Remembered per line text: a headline candidate's tokens are asked for three times when it is
# scored (``_Page.title_scores``), and again when settling reads the page a second time. The
# callers ask for headline-sized lines and short phrases only (under 3,000 distinct ones in the
# 16 MB benchmark corpus), so a bounded number of them is memory bounded too.
@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    """Han character bigrams, Latin words and numbers: what a headline shares with its article."""
    out: set[str] = set()
    for m in _TOKENS.findall(text):
        if m[0] >= "\u3400":
            out.update(map(str.__add__, m, m[1:]) if len(m) > 1 else (m,))
        else:
            out.add(m.lower())
    return frozenset(out)


def _true_runs(flags: list) -> list[tuple[int, int]]:
    """The maximal runs of true items, as (start, end) index pairs.

    >>> _true_runs([0, 1, 1, 0, 2, 0, 1])
    [(1, 3), (4, 5), (6, 7)]
    """
    out, k, n = [], 0, len(flags)
    while k < n:
        if flags[k]:
            j = k + 1
            while j < n and flags[j]:
                j += 1
            out.append((k, j))
            k = j
        k += 1
    return out


@lru_cache(maxsize=4096)  # (the lines ``_tokens`` remembers)
def _han_pairs(text: str) -> tuple[str, ...]:
    """The Han bigrams among ``_tokens(text)``."""
    return tuple(t for t in _tokens(text) if len(t) == 2 and _HAN_PAIR.match(t))


_HAN_PAIR = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}")
# ``_TOKENS`` but runs of two or more Han characters, which match as empty strings: one scan
# (each alternative's characters are disjoint from the others', so a token ends where it did)
_OTHER_TOKENS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}|"
                           "([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z]{2,}|\\d+)")


class _Bag:
    """The ``_tokens`` of a long text (an article sample), looked up without building them all:
    two adjacent Han characters anywhere in the text are one of its bigrams, so a Han bigram
    is looked for in the text itself; only the few other tokens are collected.

    >>> b = _Bag("中国经济 GDP 5%增长")
    >>> [b.common(t) for t in ("中国经济", "经济增长", "gdp 5", "国经 济")]
    [3, 2, 2, 1]
    """

    __slots__ = ("text", "other")

    def __init__(self, text: str):
        self.text = text
        other: set[str] = set()
        # the tokens but the Han bigrams: runs of two or more Han characters skipped
        # (quicker than looking around every character for a lone one)
        for m in _OTHER_TOKENS.findall(text):
            if not m:
                continue  # (a run of Han characters)
            if m[0] < "\u3400":
                other.add(m.lower())
            elif len(m) == 1:
                other.add(m)
            else:  # a run of full-width digits: its bigrams
                other.update(map(str.__add__, m, m[1:]))
        self.other = other

    def common(self, line: str) -> int:
        """``len(_tokens(line) & _tokens(self.text))`` (a Han bigram is never among the other
        tokens, nor another token a Han bigram)."""
        return len(self.other.intersection(_tokens(line))) + sum(map(self.text.__contains__, _han_pairs(line)))


# ----------------------------------------------------------------------------- the stage


# two prose lines in a row weighing this much (``_weight``) are paragraphs, not a list's summaries
_RESUME_WEIGHT = 2.0
# a ranked item of a hot list: a number of one or two digits (or a circled one) and a space or mark
_RANK = re.compile(r"^\s*(?:\d{1,2}|[①-⑳])(?:\s+|[.、．)）]\s*)(?=\S)")
# a line no rule names that reads as residue (``_weight``)
_RESIDUE_WEIGHT = -0.5
# the reasons of widget lines a site puts between an article's paragraphs (``between_paragraphs``)
_BOX_REASONS = frozenset(("ad", "share", "app"))  # a paywall's, a share bar's, an app's box
_BETWEEN_REASONS = _BOX_REASONS | {"related"}
# lines in a row printed earlier on the page that make a repeated block (``_Page.repeated_blocks``)
_REPEAT_RUN = 3
# an article in broken lines (``_Page.phrase_runs``): phrase lines in a run, the lines between it
# and the sentences on each side, the reach of the sentences around it and the share of its
# word pairs those sentences hold
_PHRASE_RUN, _PHRASE_GAP, _PHRASE_REACH, _PHRASE_SHARED = 3, 4, 12, 0.3
# headline items that make a related list a sidebar (its last blurb goes with it)
_SIDEBAR_ITEMS = 3
# metadata lines that still belong to the article under a related list closing it (``credit_after_list``)
_CREDIT_REASONS = frozenset({"editor", "source"})
# residue that marks the page's own end (find_end)
_PAGE_END = frozenset({"footer", "copyright"})
# marks opening a quoted name or title (a headline the body names as a document's or a work's title)
_TITLE_OPENERS = frozenset("《〈“「『\"'‘(（【")
# residue lines the body may span past a footer or copyright line, under it (``_Page._reach``)
_CLOSED_GAP = 3
_PAST_END = frozenset({"footer", "copyright", "related", "nav", "comments"})
# a sentence ending inside a line (a stop, then a capital): no one-sentence headline
_STOP_INSIDE = regex.compile(r"[.!?][\"'”’)]*\s+\p{Lu}")
# a match's score as a headline: two sides' names, each with its goals ("Port Vale 1 Luton 2")
_SCORELINE = regex.compile(r"^\p{Lu}[\p{L}.\x27’&-]*(?:\s+\p{Lu}[\p{L}.\x27’&-]*){0,3}\s+\d{1,2}\s*[-–,]?\s+"
                           r"\p{Lu}[\p{L}.\x27’&-]*(?:\s+\p{Lu}[\p{L}.\x27’&-]*){0,3}\s+\d{1,2}$")
# an item of a table of results: its rank, then its text ("1. Bayliss (Ducati) 1'32.2"); a
# capitalised word (a name)
_RANKED = regex.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")
_CAP_WORD = regex.compile(r"\b\p{Lu}\p{Ll}{2,}\b")
# a photo credit's mark (``_Page.photo_credit``): a slash or bar before the name, or the whole in brackets
_CREDIT_MARK = regex.compile(r"[／/|｜]|^[(（].*[)）]$|^©")
# a credit with no caption of its own: the mark or the credit's label opens it (© 法新社 - X, 图片来源：X,
# 圖／X, （X攝）), not a caption's words (园区企业生产线 摄/X)
_BARE_CREDIT = regex.compile(r"^\s*(?:©|(?:图片|圖片|图像|圖像|照片|相片)\s*(?:来源|來源|提供)|(?:图|圖|摄影|攝影|摄|攝|图源|圖源)\s*[／/:：]|[(（])")
# a widget's bare label: words in Latin letters (Previous Next) or a pager's count (1/5)
_WIDGET_LABEL = regex.compile(r"^(?:[A-Za-z][A-Za-z'’]*(?:\s+[A-Za-z][A-Za-z'’]*)*|\d{1,3}\s*/\s*\d{1,3})\s*$")
# a short phrase wholly in quotation marks (“投资银行家”, 「真人秀」, "Lady Gaga")
_QUOTED_PHRASE = regex.compile(r"[“「『\"][^“”「」『』\"\n]{1,24}[”」』\"]")
# a run of three spaces or more between two words: a menu's items printed apart on one line
_SPACED_ITEMS = regex.compile(r"(?<=\S)[ \t\u3000]{3,}(?=\S)")
# a breadcrumb trail's mark between two of its items (Example.com » World, 首页 > 国内)
_CRUMB_MARK = regex.compile(r"(?<=\S)\s*(?:»|›|>>?|＞)\s*(?=\S)")
# an ellipsis closing a line cut short (……, …, ...)
_ELLIPSIS_END = regex.compile(r"\s*(?:…+|\.{3,})\s*$")
# a date alone on its line, perhaps with its time (2014-12-08, 2014年12月8日 06:49)
_BARE_DATE = regex.compile(r"^\s*(?:19|20)\d\d\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# a date and time closing a headline after a space (某某消息　2014-12-08 06:49), as ``date_tail``
# reads them: numbers only; glued to the headline's last word only with its time (某某出頭天2014/12/1
# 18:13: a headline may end on a date, 某某条例2024年5月1日, never on a clock time)
_SPACED_DATE = regex.compile(r"(?<=[^\s\d])(?:\s+|(?=(?:19|20)\d\d\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}))(?P<date>(?:19|20)\d\d\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"
                             r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$")
# a photo set's counter over a picture (2/8, 2 / 8): its total, ``of``
_SET_COUNT = regex.compile(r"^\d{1,3}\s*/\s*(?P<of>\d{1,3})\s*$")
# a social media handle alone on its line: @janedoe
_HANDLE = regex.compile(r"^@\w{2,30}$")
# a share price widget's lines: the stock's code or ticker (600519, 00700, AAPL, BRK.B) and its move
# (+1.52%, -2.05%, ▲0.8%)
_QUOTE_CODE = regex.compile(r"^(?:\d{5,6}|\$?\p{Lu}{1,5}(?:\.\p{Lu}{1,2})?)$")
_QUOTE_MOVE = regex.compile(r"^(?:[+\-−–▲▼]\s*)?\d{1,6}(?:[.,]\d{1,4})?\s*%$")
# a caption's place or subject label: 紅磡街市：… (a few characters, no clause mark, then a colon)
_CAPTION_LABEL = regex.compile(r"^([^\s：:，,。；;、]{2,8})[：:]")
# a time of day alone on a line (12:05, 09:30:15): between the posts of a live blog, their stamp
_TIME_ALONE = regex.compile(r"^\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*$")
# a line opening with a dash: a subtitle under its headline (——某某纪实), never the headline
_DASHES = ("—", "-", "－", "–")
# the site's name after a page's title (某某標題 - 某某新聞網, X | 某某网, X_某某)
_SITE_SUFFIX = regex.compile(r"\s*[-–—|｜_]\s*[^\s，。！？,.!?]{2,16}\s*")
# the writer's trade named in a tagline (做記者, 寫作, 筆耕)
_WRITER_WORD = regex.compile(r"記者|记者|作者|筆者|笔者|寫手|写手|寫作|写作|撰稿|博主|部落客|小編|小编|編輯|编辑")
# an organisation's "about" heading closing a press release (某某基金會簡介, 关于某某公司), and how its
# profile paragraph opens, under it: the body founded in a year, or what kind of body it is
# (某某於1968年成立，是一間非牟利機構; 某某公司成立于2003年; 某某是一家…企业)
_ABOUT_HEAD = regex.compile(r"^(?:[\p{Han}A-Za-z0-9·&（）()\s]{2,24}(?:簡介|简介|介紹|介绍)|(?:關於|关于)[\p{Han}A-Za-z0-9·&（）()\s]{2,24})$")
_ABOUT_OPEN = regex.compile(r"^[^。！？]{0,60}?(?:(?:於|于|在)?\s*(?:19|20)\d\d\s*年\s*(?:成立|創立|创立|創辦|创办|註冊成立|注册成立)|"
                            r"(?:成立|創立|创立|創辦|创办)(?:於|于)\s*(?:19|20)\d\d\s*年|是一(?:間|间|家|個|个|所)[^。]{0,30}"
                            r"(?:機構|机构|組織|组织|公司|企業|企业|團體|团体|基金會|基金会|協會|协会|集團|集团))")
# a subhead's or a list item's number (1.X, 二、X, (3)X; not 1.5亿 nor 第五届)
# what a three-character line alone under a headline ends or opens on when it names no person: an
# outlet, a place, an office, a part of the page or the paper (新华网, 编辑部, 第一章, 本周刊)
_NOT_A_NAME = regex.compile(r"^[第本小老每]|[报報网網社台刊闻聞号號站区區市省县縣州镇鎮乡鄉村局厅廳院部委办辦会會团團所馆館章节節版期篇集页頁栏欄组組处處室]$")
_LIST_NUMBER = regex.compile(r"^\s*(?:[\d一二三四五六七八九十]{1,2}[、.．](?!\d)|[(（][\d一二三四五六七八九十]{1,2}[)）]|"
                            r"第[\d一二三四五六七八九十]{1,3}(?:部分|章|节|節)(?!\p{Han}*[:：]))")
# a line opening with a bullet: an item of a list (the one bullet of both languages; English
# pages read an item as the bullet with text after it, ``english._BULLET_ITEM``)
_BULLET = regex.compile(r"^\s*[•●○◦◆◇■□▪▫►▶★☆✓✔√·*–-]")
# an image's file name left where the picture was: a camera's or a phone's name for it (IMG_2316,
# DSC_0412, 20210512_103025), or any name with an image's extension (photo-3.jpg)
_IMAGE_EXT = r"\.(?i:jpe?g|png|gif|webp|heic|bmp|tiff?)"
_FILE_NAME = regex.compile(rf"^(?:(?i:img|dsc[nf]?|dcim|pic|photo|image|mmexport|wechatimg|screenshot)[_-]?\d{{3,}}(?:[_-]\d+)*"
                           rf"(?:{_IMAGE_EXT})?|\d{{8}}[_-]\d{{6}}(?:[_-]\d+)?(?:{_IMAGE_EXT})?|[\w.-]{{1,60}}{_IMAGE_EXT})$")
# an e-paper's page label: 第05版：城市, 第A03版：澳聞, A05版, 第3版 要闻
_PAGE_LABEL = regex.compile(r"^第?\s*[A-Za-z]?\d{1,3}\s*版(?:\s*[:：]|\s|$)")
# the closing word of a notice's or a letter's signature (某某中學 謹啟, 某某 敬上)
_SIGN_OFF = regex.compile(r"(?:謹啟|谨启|敬啟|敬启|謹上|谨上|敬上|謹致|谨致|同啟|同启)\s*[。.]?$")
# a line opening with a number or a list mark: a numbered subhead (一、, 1., (2), 第三)
_NUMBERED = regex.compile(r"^\s*(?:[(（]?[\d一二三四五六七八九十]+[)）、.．:：\s]|第[\d一二三四五六七八九十百]+|[\p{No}])")

# an item of a numbered list the article is made of: 1、X, 2. X, 12．X (``numbered_items``)
_ITEM_NUMBER = regex.compile(r"^\s*(\d{1,3})[、.．](?!\d)\s*\S")
# a field's label: a line opening with a short name and its colon (成人票原价：165元)
_FIELD_LABEL = regex.compile(r"^\s*([^\s：:，,。]{1,10})\s*[：:]\s*\S")


# a sentence's end inside a line, text after it
_SENTENCE_INSIDE = regex.compile(r"[。！？!?](?=\s*\S)")


def _field_label(text: str) -> str | None:
    """The label a line opens with, or None.

    >>> _field_label("成人票原价：165元"), _field_label("他说：好"), _field_label("备注")
    ('成人票原价', '他说', None)
    """
    m = _FIELD_LABEL.match(text)
    return m.group(1) if m else None


# a numbered note's mark in brackets opening a line: "(1) X", "[2] X", "（3）X"
_NOTE_NUMBER = regex.compile(r"^[(\[（［]\d{1,2}[)\]）］]\s*\S")
# a link's label: a few characters, then a colon or a bar ("Read more: X", 延伸阅读：X)
_LINK_LABEL = re.compile(r"^([^\s：:｜|]{1,4}(?: [^\s：:｜|]+){0,2}|[^\s：:｜|]{1,8})\s*[：:｜|]\s*\S")


def _link_label(text: str) -> str | None:
    m = _LINK_LABEL.match(text)
    return m.group(1).lower() if m else None


_LINE_BREAKS = re.compile("[\r\u2028\u2029\x85]")


class ClassifyStage(Stage):
    name = "classify"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # canonical's memory: line text -> its canonical text, by whether the page holds Han
        self._canon: dict[bool, dict[str, str]] = {}

    def process(self, doc: Document) -> Document:
        doc.lang = doc.lang or detect_lang(doc.input)
        if not self.config.classify.enabled or not doc.lines:
            return doc
        rs, c = self._rules_of(doc.lang)
        if c.meta_label is not None:
            doc.lines = _label_values(doc.lines, c.meta_label, rs)
        self.canonical(doc.lines)
        _early_edits(doc.lines, rs)
        feats = _features_of(doc.lines, rs, c)
        doc.flag(*self.decide(doc.lines, feats, rs, c, doc.lang))
        self.settle(doc, rs, c)
        _as_written(doc.lines, [ln.action for ln in doc.lines], c)
        titles = [ln.text for ln in doc.lines if ln.action == "title"]
        if titles:
            doc.title = titles[-1]
        # counted per page, in the order first met (the stats keep that order)
        for key, n in Counter([ln.reason or ln.action for ln in doc.lines]).items():
            self.count(key, n)
        return doc


    def canonical(self, lines: list[Line]) -> None:
        """Lines as the normalize stage will write them (width, spaces, punctuation), so that
        a cleaned text, read again, looks to the rules exactly as it did the first time."""
        cfg = self.config.normalize
        if not cfg.enabled or not lines:
            return
        from .normalize import normalize_text

        from .normalize import _HAN_RE

        plain = _plain(cfg)
        whole = "\n".join(ln.text for ln in lines)
        if _LINE_BREAKS.search(whole) or whole.count("\n") != len(lines) - 1:
            # a line holding a line break: the lines no longer match one to one (left as they are)
            texts = normalize_text(whole, plain, target=self.config.convert.to).split("\n")
            if len(texts) == len(lines):
                for ln, text in zip(lines, texts):
                    ln.text = text.strip()
            return
        # Normalize is line-local but for one page-wide question (does the text hold Han at
        # all), so a line normalizes the same way on every page with the same answer (a site
        # repeats its lines, and settling reads a page's lines again): lines seen before on
        # a page with (or without) Han are looked up, the rest normalized together, with a
        # Han line appended when only the page has Han.
        han = _HAN_RE.search(whole) is not None
        known = self._canon.setdefault(han, {})
        todo = []
        for ln in lines:
            text = known.get(ln.text)
            if text is None:
                todo.append(ln)
            else:
                ln.text = text
        if not todo:
            return
        rest = "\n".join(ln.text for ln in todo)
        pad = han and _HAN_RE.search(rest) is None
        texts = normalize_text(rest + "\n中" if pad else rest, plain,
                               target=self.config.convert.to).split("\n")
        if pad:
            texts.pop()
        if len(known) >= _CACHE_MAX:
            known.clear()
        for ln, text in zip(todo, texts):
            text = text.strip()
            known[ln.text] = text
            ln.text = text

    def converted(self, lines: list[Line], title: Line | None) -> bool:
        """Lines converted to the target script as the convert stage will convert them (the
        script and region read from the title and the kept lines); whether any changed."""
        to = self.config.convert.to
        if to == "keep" or not lines:
            return False
        from .convert import PLAN, convert, detect_region, detect_script

        sample = "\n".join(([title.text] if title else []) + [ln.text for ln in lines])
        script = detect_script(sample)
        source = detect_region(sample, script) or "hant"
        if script is None or not PLAN[(to, source)]:
            return False
        texts = convert("\n".join(ln.text for ln in lines), to, source=source,
                        corrections=self.config.convert.corrections).split("\n")
        if len(texts) != len(lines):
            return False
        changed = False
        for ln, text in zip(lines, texts):
            if text != ln.text:
                ln.text, changed = text, True
        return changed

    def _rules_of(self, lang: str) -> tuple[RuleSet, _Compiled]:
        rs = ruleset(lang, tuple(self.config.classify.rules))
        return rs, _compiled(rs)

    def decide(self, lines: list[Line], feats: list[Features], rs: RuleSet, c: _Compiled, lang: str) -> list[str]:
        """Decide every line; the document flags the page earns (an English page with no article)."""
        _Page(lines, feats, rs, c).decide()
        _late_edits(lines, rs)
        flags: list[str] = []
        if lang != "en":  # (English pages: ``english.teaser_copy``)
            _photo_story(lines)
            _box_items(lines, rs.pattern("box_header"))
            _agency_captions(lines, rs.pattern("agency_caption"))
            _player_titles(lines)
            _title_copies(lines)
            _near_copies(lines)
            _next_story(lines, feats)
            _lead_byline_story(lines, feats)
            _unmarked_story(lines, feats)
        else:
            from .english import refine  # English page layouts (stages/english.py)

            flags = refine(lines, rs)
            _title_copies(lines)  # (after the English checks, which may move the headline)
        _data_tables(lines)
        _toolbar_labels(lines, feats)  # (after the page's other checks, the English ones too)
        return flags

    def settle(self, doc: Document, rs: RuleSet, c: _Compiled, rounds: int = 3) -> None:
        """Make the decisions a fixed point: the kept lines, read again as a page (joined into
        paragraphs as the output joins them), must all be kept again, or cleaning a cleaned
        text would take more away. A line the second reading drops is dropped now.

        The second reading takes the kept text as the output writes it, and as cleaning the
        cleaned text would read it: converted to the target script (a rule may name a line in
        one script only), and in the language of the kept text (a page that mixes Chinese and
        English can read as the other language once its residue is gone, and the other
        language's rules drop other lines)."""
        from .segment import join_text, paragraphs

        for _ in range(rounds):
            if not any(ln.kept for ln in doc.lines):
                return
            # (joined as the join stage joins them: by the page's language's ``open_end``)
            groups = _output_groups(doc.lines, self.config.segment.join_broken, lambda ls: paragraphs(ls, c.open_end))
            again = [Line(k + 1, text, text, k)  # (n, raw, text, block)
                     for k, text in enumerate(reduce(join_text, (ln.text for ln in g)) for g in groups)]
            _as_written(again, [g[0].action for g in groups], c)
            self.canonical(again)
            title = next((t for g, t in zip(reversed(groups), reversed(again))
                          if g[0].action == "title"), None)
            if self.converted(again, title):
                self.canonical(again)
            lang = detect_lang("\n\n".join(ln.text for ln in again))
            rs2, c2 = (rs, c) if lang == doc.lang else self._rules_of(lang)
            _early_edits(again, rs2)
            # (flags too: an article read again as a home page)
            doc.flag(*self.decide(again, _features_of(again, rs2, c2), rs2, c2, lang))
            changed = False
            for g, ln in zip(groups, again):
                if not ln.kept:
                    for orig in g:
                        orig.decide(ln.action, ln.reason or "other")
                        if ln.reason == "caption":
                            _unmove(orig)
                    changed = True
            # A page read with no headline, whose kept text read again opens with one that the
            # output writes otherwise (a photo set's 【组图】X over the body: the badge is cut
            # from a title): it is the headline now, written as a title, or cleaning the
            # cleaned text would change it. (A headline found only the second time and written
            # the same is no change of the text: the page stays untitled.)
            if not any(ln.action == "title" for ln in doc.lines):
                for g, ln in zip(groups, again):
                    if ln.action == "title" and len(g) == 1 and g[0].kept:
                        probe = dataclasses.replace(g[0], edits=[], moved=[])
                        _as_written([probe], ["title"], c)
                        if probe.text != g[0].text:
                            g[0].decide("title")
                            _as_written(g, ["title"], c)
                            changed = True
                        break
            if not changed:
                return
            self.count("settled")


@lru_cache(maxsize=8)
def _plain(cfg: Any) -> Any:
    """The normalize settings canonical uses: numbers and dates as written."""
    return dataclasses.replace(cfg, numbers="keep", dates="keep")


def _output_groups(lines: list[Line], join: bool, paragraphs: Any) -> list[list[Line]]:
    """The kept lines in output order, grouped into the output's paragraphs."""
    if not join:
        return [[ln] for ln in lines if ln.kept]
    joined = {id(g[0]): g for g in paragraphs(lines)}
    # a paragraph's later lines follow its first: they go with it
    later = {id(x) for g in joined.values() if len(g) > 1 for x in g[1:]}
    return [joined.get(id(ln)) or [ln] for ln in lines
            if ln.action in KEEP_ACTIONS and id(ln) not in later]


# a line ending on a Han character (no full stop, no bracketed credit)
_HAN_LAST = regex.compile(r"\p{Han}$")

# a line opening with a word in lower case ("stories that ...", not "iOS 15 ...", "eBay")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*\b")

# the most lines between a box's header and the header printed again under its items (title_scores)
_BOX_ITEMS = 12
# what a story's toolbar holds, between its date and its text (short_headline)
_TOOL_REASONS = frozenset(("share", "nav", "comments"))
# a separator alone on its line, between a list's items: "-", "•", "|", "***"
_SEPARATOR = re.compile(r"[-–—•·|*_=~>»◆■□●○]+")


def in_separated_list(lines: list[Line], i: int, least: int = 3) -> bool:
    """Whether line ``i`` is an item of a list that prints each item under the same separator
    line (a dash or a bullet alone), ``least`` items or more: a box of the site's other stories
    ("More from Front Page" / - / Story one / - / Story two / - / Story three). No item is the
    headline, not even the last one over the story's date: a headline stands under no separator.

    >>> ls = [Line(n=k, raw=t, text=t) for k, t in enumerate(["More", "-", "One story", "-", "Two", "-", "Three", "May 1, 2020"])]
    >>> in_separated_list(ls, 6), in_separated_list(ls, 7), in_separated_list(ls[2:], 4)
    (True, False, False)
    """
    sep = lines[i - 1].text.strip() if i >= 1 else ""
    if not (0 < len(sep) <= 3 and _SEPARATOR.fullmatch(sep)):
        return False
    n, k = 1, i - 2  # (the items over it, then under it)
    while n < least and k >= 1 and lines[k].text.strip() != sep and lines[k - 1].text.strip() == sep:
        n, k = n + 1, k - 2
    k = i + 1
    while n < least and k + 1 < len(lines) and lines[k].text.strip() == sep and lines[k + 1].text.strip() != sep:
        n, k = n + 1, k + 2
    return n >= least


_LATIN_WORD = regex.compile(r"[a-z]{4,}")


class _Page:
    """The decisions for one page, from its lines' features."""

    def __init__(self, lines: list[Line], feats: list[Features], rs: RuleSet, c: _Compiled):
        self.lines, self.f, self.rs, self.c, self.s = lines, feats, rs, c, c.s
        self._prose_over: list[bool] | None = None
        self.meta_after = -1  # the last metadata line between the headline and the body
        self.tag_inside: set[int] = set()  # lines inside a tag list over the body (title_scores)
        self.head_tags: set[int] = set()  # plain tags between the headline and the body (plain_tags)
        self.phrases: set[int] = set()  # lines of an article written a phrase to a line (phrase_runs)
        self.doubled: set[int] = set()  # captions each printed twice over the body (doubled_runs)
        self._numbered: list[tuple[list[int], list[range], Counter[str]]] | None = None  # (numbered_runs)
        self.item_dates: set[int] = set()  # the dates of a list's items inside the body (find_end)
        self.gallery: set[int] = set()  # a photo set's captions under the headline's date (gallery_run)
        self.table: set[int] = set()  # a table of results under the last paragraph, its caption (results_table)

    @staticmethod
    @lru_cache(maxsize=16)  # settling reads the same article again: often the same sample
    def bag(text: str) -> _Bag:
        """The tokens of a sample of the page, collected once per text."""
        return _Bag(text)

    # -- the article's shape -----------------------------------------------------------
    def headline_like(self, i: int) -> bool:
        return self.f[i].headline  # a function of the line's text: measured with its features

    def title_scores(self, start: int, body: str, rest: str = "") -> list[tuple[float, int]]:
        """Headline candidates before ``start`` (or at it) with their scores: words shared
        with the body, metadata lines (a date, a byline) right under it, nothing but residue
        or the article's own subheads between it and the body, the page opening with it;
        prose right over it says it is inside the body."""
        body_bag = self.bag(body)
        lo = max(0, start - self.s["title_window"])
        hi = min(start, len(self.lines) - 1)
        overlap: dict[int, float] = {}
        # A short lead right over the core (sentences, perhaps over a subhead the core left out:
        # a lead weighing less than the subhead under it costs) is the article's text for the
        # lines over it: a headline over it shares its words (read again without its date, the
        # headline shared none with the core and the lead took the title)
        lead, k = [], start - 1
        while k >= 0 and not self.f[k].ruled and (self.f[k].sent or self.f[k].n < self.s["short_line"] and self.f[k].headed):
            if self.f[k].sent:
                lead.append(k)
            k -= 1
        lead.reverse()

        def with_lead(k: int) -> _Bag:
            """The body's bag with the lead's sentences but line ``k`` (a line of the lead is
            judged by the rest of it: a headline ending as a sentence, 某某开放！, opens a
            cleaned text read again)."""
            others = "".join(self.lines[j].text for j in lead if j != k)
            return self.bag(others + body) if others else body_bag

        def shared(k: int) -> float:
            """Share of the line's words found in the body (few words say little)."""
            if k not in overlap:
                text = self.lines[k].text
                toks = _tokens(text)
                bag = with_lead(k) if lead and k < start else body_bag
                overlap[k] = bag.common(text) / len(toks) * min(1.0, len(toks) / 5) if toks else 0.0
            return overlap[k]

        feats = self.f
        # metadata lines (a date, a byline), counted up to each position: "one in a range" is
        # then a difference of two counts
        is_meta = [f.rule is not None and f.rule.action == "meta" and f.rule.reason != "source"
                   for f in feats[:hi + 1]]
        metas_before = [0, *accumulate(is_meta)]
        meta = is_meta.__getitem__
        prose_over = self.prose_over_all()

        # headline-like lines: rival headlines, or the article's subheads (sharing its words)
        # A run of short link-like lines is one block of residue: no line inside it is the
        # headline or a subhead. The headline stands right over it (a headline-like line, not
        # prose), or is its first line (the list starts under it), or its second, under a
        # widget line that shares no word with the article.
        self.tag_inside = inside = set()
        for k, j in self.tag_runs(start):
            if k > 0 and feats[k - 1].headline and not feats[k - 1].prose and not feats[k - 1].ruled:
                first = k - 1
            else:
                first = k + 1 if shared(k) == 0 else k
            # a short headline closing the run, over the byline or the date, sharing the article's
            # words (a menu of short labels, then "Wildfire forces evacuations in northern
            # California" / "BY JANE DOE"): the headline under the menu, not one of its items
            # (or over the writer's name alone, which no rule names, over the date: "Senate passes
            # bill on electoral reform" / "Jane Doe" / "Published 12 March 2024")
            def closes(h: int) -> bool:
                # (the share of its words in the article, however few: "Remembering Jane Doe")
                n_tok = len(_tokens(self.lines[h].text))
                return (feats[h].headline and feats[h].n >= self.s["title_min"] and n_tok
                        and shared(h) / min(1.0, n_tok / 5) >= 0.5
                        and j < len(feats) and (g := feats[j].rule) is not None and g.action == "meta"
                        and g.reason in ("byline", "published"))
            last = j - 1
            if not closes(last):
                last = j - 2 if (j - 2 > k and closes(j - 2) and feats[j - 1].rule is None
                                 and not feats[j - 1].headline) else j
            inside.update(range(first + 1, last))
        self.gallery = set(self.gallery_run(start, shared))
        inside.update(self.gallery)
        inside.update(k for k in range(lo, hi + 1) if feats[k].headline and in_separated_list(self.lines, k))
        # the items of a box printed between its header and the header again (or another box's),
        # a few lines apart, no paragraph among them ("More News related to X" / headlines / "More
        # News related to X")
        boxes = [k for k in range(lo, hi + 1) if (g := feats[k].rule) is not None and g.reason == "related" and not feats[k].prose]
        for a, b in zip(boxes, boxes[1:]):
            if b - a <= _BOX_ITEMS and not any(feats[k].prose and not feats[k].ruled for k in range(a + 1, b)):
                inside.update(range(a + 1, b))
        # (a menu printed on one line with its items set apart by runs of spaces is no headline:
        # "HOME: SOUTHEAST NEWS    STATE NEWS    SPORTS")
        like = {k for k in range(lo, hi + 1) if feats[k].headline and k not in inside
                and len(_SPACED_ITEMS.split(self.lines[k].raw, maxsplit=2)) < 3}

        def share_of(text: str) -> float:
            """Share of a text's words found in the body (a headline read without its date)."""
            toks = _tokens(text)
            return body_bag.common(text) / len(toks) if toks else 0.0

        dated = self.dated_headline(start, share_of)
        if dated is not None and dated not in inside:
            like.add(dated)
        stopped = self.stopped_headline(start)
        if stopped is not None and stopped not in inside:
            like.add(stopped)
        short = self.short_headline(start)
        if short is not None and (short in inside or shared(short) == 0):
            short = None  # (a label of the site's, sharing no word with the article)
        if short is not None:
            like.add(short)
        rivals = sorted(k for k in like if self.f[k].n >= self.s["short_line"])
        self.rivals = rivals
        self.subhead = {k: shared(k) >= 0.5 for k in rivals}
        # rivals that are not subheads, counted up to each position (and by text, for copies)
        bad = [k for k in rivals if not self.subhead[k]]
        bad_by_text: dict[str, list[int]] = {}
        for k in bad:
            bad_by_text.setdefault(self.lines[k].text, []).append(k)
        end_bad = bisect_left(bad, start)
        self.doubled = doubled = self.doubled_runs(lo, hi)
        scored = []
        self.words_shared = {}  # per candidate: the share of its words the article holds
        plain_above = next((k for k in sorted(like) if not _LIST_NUMBER.match(self.lines[k].text)), None)
        later: list[str] = []  # the body's paragraphs, joined once, on the first candidate that asks

        def quoted(k: int) -> bool:
            """Whether line ``k``, a sentence's length, stands inside a longer paragraph of the body
            (a standfirst or a pull quote repeating the text: 与全球伙伴共同探索技术的温度 …)."""
            text = self.lines[k].text.strip()
            if feats[k].n < self.s["short_line"]:
                return False
            if not later:
                later.append("\n" + "\n".join(self.lines[j].text.strip() for j in range(start, len(self.lines))
                                               if feats[j].prose and not feats[j].ruled) + "\n")
            body = later[0]
            if "\n" + text + "\n" in body:
                return False  # a copy of a whole paragraph
            at = body.find(text)
            while at > 0:
                if body[at - 1] not in _TITLE_OPENERS:
                    return True
                at = body.find(text, at + 1)
            return False  # (only a name the body quotes: 印发《某某行动计划》)

        # standfirsts under a headline's date line, over the byline: each with its headline, which
        # shares the article's words (not a section's label over the date: Archaeology & Fossils)
        decks = {i: k for i in like if i < hi and (k := self.deck_under_date(i, meta, like)) is not None
                 and shared(k) >= 0.3}
        over_decks = set(decks.values())
        for i in sorted(like):
            text = self.lines[i].text
            if i == start:
                toks = _tokens(text)
                self.words_shared[i] = self.bag(rest).common(text) / len(toks) * min(1.0, len(toks) / 5) if toks else 0.0
            else:
                self.words_shared[i] = shared(i)
            score = 2.0 * self.words_shared[i]
            if prose_over[i]:
                score -= 0.5  # body text over it, within reach: it is likelier inside the body
            if i == dated or (metas_before[min(start, i + 8)] > metas_before[i + 1] and not self.claimed_under(i, meta, like, min(start, i + 8))
                              and i not in decks) or (
                    metas_before[i] > metas_before[max(i - 3, 0)] and self.meta_over(i, meta, like)):
                score += 1.0  # a date or byline under it (or over it, unclaimed by a line above)
                if (self.c.heading_needs is None and i + 1 <= hi and meta(i + 1) and prose_over[i]
                        and not self.f[i].prose and self.words_shared[i] >= 0.5):
                    # (English) right over it, with text read as prose over it: the prose is a box's
                    # headlines over the article's own ("Browse more..." / the headline / "Posted Apr 4 by X")
                    score += 0.5
            if i in over_decks:
                score += 0.5  # a headline over its date line over its standfirst
            if i < start and quoted(i) or i == start and self.cut_copy(i):
                score -= 0.5  # a sentence the body holds in a paragraph: a standfirst quoting it
            if i < start and self.over_crumb(i, start):
                score -= 1.0  # over the page's breadcrumb (Example.com » World » Article): the site's, no headline
            copies = bad_by_text.get(text, ())
            n_bad = (end_bad - bisect_right(bad, i)) - (bisect_left(copies, start) - bisect_right(copies, i))
            if n_bad == 0:
                score += 0.5  # nothing but residue, body text or subheads between it and the body
            # (not a site's name over a menu of three or more lines: The Example Herald / News /
            # Local / Sport / ...)
            opens = i == 0 and (not feats[i].prose or self.asks(i)) and self.menu_lines(i + 1, min(hi + 1, i + 4)) < 3
            if opens:
                # a page (or a cleaned text) that opens with its headline; a prose line opening
                # a cleaned text is body text there (its own body, if it was no headline)
                score += 0.5
            if i == start:
                score -= 0.3
            if i == short:
                score += 0.5  # headline, date, body: a short headline where a headline plainly stands
            elif feats[i].n < self.s["title_min"] + 3:
                score -= 0.3 if opens else 1.0  # a short label is rarely the headline
            if _LIST_NUMBER.match(text):
                score -= 0.5  # a numbered line (1.X, 二、X, 第一部分X) is a subhead or a list's item
                if plain_above is not None and plain_above < i:
                    score -= 1.0  # ... of the article under a headline that numbers nothing
            if i in doubled:
                score -= 1.0  # one of captions each printed twice (A A B B): pictures, no headline
            n_between = bisect_left(rivals, start) - bisect_right(rivals, i)
            score -= min(n_between * 0.01, 0.6)
            scored.append((score, i))
        return scored

    def over_crumb(self, i: int, start: int, reach: int = 4) -> bool:
        """Whether a breadcrumb trail stands under line ``i``, within ``reach`` lines and over the
        body (Example.com » Israel » Article, 首页 > 国内 > 正文): a short line no prose, its items set
        apart by two or more of the trail's marks (» > ›). The headline stands under the trail; a
        line over it (a sidebar's advert, a site's slogan) is the page's."""
        f = self.f
        for k in range(i + 1, min(start, i + reach + 1)):
            if (f[k].seps >= 2 and not f[k].prose and f[k].n <= 80
                    and len(_CRUMB_MARK.findall(self.lines[k].text)) >= 2):
                return True
        return False

    def cut_copy(self, i: int, reach: int = 3) -> bool:
        """Whether line ``i`` is the lead's opening cut short with an ellipsis (某某话题…… over
        某某话题。某某…): a summary printed over the text, which a cleaned text opens with
        under its headline; the paragraphs within ``reach`` lines under it hold its words."""
        text = self.lines[i].text.strip()
        cut = _ELLIPSIS_END.sub("", text)
        if cut == text or len(cut) < self.s["short_line"]:
            return False
        return any(cut in self.lines[k].text for k in range(i + 1, min(len(self.lines), i + reach + 1)))

    def asks(self, i: int) -> bool:
        """Whether line ``i`` is a headline that asks or exclaims (真的假的？發現…，當年竟因此冒犯同業？,
        "Is the variant more infectious?"), alone in its block: no longer than a heading, ending on
        a question or an exclamation mark. Read as prose, yet it opens a cleaned text as its title
        when it was one."""
        f, text = self.f[i], self.lines[i].text.rstrip()
        return (f.headline and f.n <= self.s["heading_max"] and text[-1:] in "？！?!"
                and (i + 1 >= len(self.lines) or self.lines[i + 1].block != self.lines[i].block))

    def stopped_headline(self, start: int, reach: int = 8) -> int | None:
        """A headline closed by a full stop ("Maker updates its towers, doubles performance."),
        read as a sentence, right over the story's byline block (``head_of_story``: a date and
        the writer's name) within ``reach`` lines over the body: a candidate all the same. Only
        one sentence of a headline's length."""
        f = self.f
        for j in range(max(1, start - reach), start + 1):
            k = j - 1
            text = self.lines[k].text.rstrip()
            if (f[k].ruled or not text.endswith(".") or not self.s["title_min"] <= f[k].n <= self.s["title_max"]
                    or _STOP_INSIDE.search(text[:-1])):
                continue
            if self.head_of_story(j):
                return k
        return None

    def dated_headline(self, start: int, share: Callable[[str], float] | None = None) -> int | None:
        """The line right over the body (past its metadata lines) when it is a headline with its
        date and time after a space (市料美零售銷售與消費者信心續升　2014-12-08 06:49: a broadcaster's
        page, under a ticker of its other headlines printed alike): a headline candidate whose date
        is its own (the date is cut from the title: ``_cut_title_date``). Where headings need a
        script of their own (Chinese); not right under a metadata line (two lines up at most: a
        headline with its date line stands over it, and it is a related list's item), unless its
        words are the body's (``share`` of them, half at least) and the line over that date line
        speaks of something else (a quarter at most): the ticker's last item printed over its own
        date, then the headline."""
        if self.c.heading_needs is None:
            return None
        f, k = self.f, start - 1
        # (past the story's tools too: 分享, 轉寄 | 目前字級：, a button's label in Latin letters, Link)
        while k >= 0 and ((g := f[k].rule) is not None and (g.action == "meta" or g.action == "drop" and not g.ends
                                                             and g.reason in _TOOL_REASONS)
                          or g is None and f[k].n <= 12 and _WIDGET_LABEL.match(self.lines[k].text)):
            k -= 1
        if k < 0 or not f[k].date or f[k].ruled or f[k].prose or f[k].seps >= 2:
            return None
        m = _SPACED_DATE.search(self.lines[k].text)
        if m is None:
            return None
        over = [j for j in range(max(0, k - 2), k) if f[j].rule is not None and f[j].rule.action == "meta"]
        if over:  # the page's date line over it: a headline stands over that (a list's item here)
            h = over[0] - 1
            if share is None or h < 0 or share(self.lines[k].text[:m.start()]) < 0.5 or share(self.lines[h].text) > 0.25:
                return None
        head = cached_features(self.lines[k].text[:m.start()], self.rs, self.c)
        return k if head.headline and head.n >= max(self.s["short_line"], self.s["title_min"] + 3) else None

    def doubled_runs(self, lo: int, hi: int) -> set[int]:
        """Lines from ``lo`` to ``hi`` printed twice in a row next to another line printed twice
        (A A B B): a gallery's captions, each under its picture and again in its caption box. One
        line printed twice alone is a headline in a sticky header, and stays a candidate."""
        lines = self.lines
        pair = [k for k in range(lo, hi) if lines[k].text == lines[k + 1].text]
        starts = set(pair)
        out: set[int] = set()
        for k in pair:
            if k + 2 in starts or k - 2 in starts:
                out.update((k, k + 1))
        return out

    def tag_runs(self, start: int) -> list[tuple[int, int]]:
        """Runs (first line, line after the last) of many short link-like lines before line
        ``start``: a tag list with no label under the headline, topic links of one to a few
        words each, or a menu."""
        out: list[tuple[int, int]] = []
        item = [g.tag for g in self.f[:start]]
        if item.count(True) < _TAG_RUN:
            return out
        k = 0
        while k < start:
            j = k
            while j < start and item[j]:
                j += 1
            if j - k >= _TAG_RUN:
                out.append((k, j))
            k = max(j, k + 1)
        return out

    def claimed_under(self, i: int, meta: Any, like: set, stop: int, least: int = 3) -> bool:
        """Whether the metadata lines under line ``i`` (before ``stop``) belong to a headline-like line between,
        set apart from line ``i`` by a menu (``least`` or more labels or nav lines): a site's
        name over its menus and the headline's date line (The Example Herald / News / Local /
        Sport / Headline / Aug. 14, 2023) is no headline with a date under it."""
        m = next((k for k in range(i + 1, stop) if meta(k)), None)
        if m is None:
            return False
        k = next((k for k in range(i + 1, m) if k in like), None)
        if k is None:
            return False
        return self.menu_lines(i + 1, k) >= least

    def deck_under_date(self, i: int, meta: Any, like: set) -> int | None:
        """The headline-like line over the date line right over line ``i`` (Headline /
        2025-04-21 13:35 / deck / 某某 发自 某地), if any, line ``i`` standing right over more
        metadata: line ``i`` is then a standfirst between the headline's date and its byline,
        which the metadata under it does not make the headline. (``meta`` reads up to line
        ``i + 1``.)"""
        j = i - 1
        if (j < 1 or not meta(j) or self.f[j].rule.reason != "published"
                or not meta(i + 1) or self.f[i].ruled):
            return None
        k = j - 1
        if k not in like or self.f[k].prose or self.f[k].ruled or self.f[k].n < self.s["title_min"]:
            return None
        # (not two forms of one headline: a kicker's copy over the wire's labelled headline,
        # 专栏·春耕时节，田里都是希望 / date / 新华社某地某日电题：春耕时节，田里都是希望)
        mine = _tokens(self.lines[i].text)
        return k if len(mine & _tokens(self.lines[k].text)) < 0.3 * len(mine) else None

    def menu_lines(self, a: int, b: int) -> int:
        """How many of lines ``a`` to ``b - 1`` are a menu's: labels no rule names, or nav lines."""
        return sum(1 for j in range(a, b) if self.f[j].tag or (
            (g := self.f[j].rule) is not None and g.action == "drop" and g.reason == "nav"))

    def meta_over(self, i: int, meta: Any, like: set) -> bool:
        """Whether metadata lines sit just over line ``i`` with no headline-like line over them
        (a page that prints the date above its headline)."""
        j = i - 1
        while j >= 0 and i - j <= 3 and not meta(j):
            if self.f[j].prose and not self.f[j].ruled:
                return False  # a paragraph between: the date is over the article's lead, not over line i
            j -= 1
        if j < 0 or i - j > 3:
            return False
        while j >= 0 and meta(j):
            j -= 1
        return j < 0 or j not in like or self.f[j].n < self.s["short_line"]

    def find_title(self, start: int, body: str, rest: str = "") -> int | None:
        """The headline: the earliest candidate scoring close to the best (a subhead under
        the headline scores as well as the headline does), unless it is a short label sharing
        no word with the article while the best shares some (a site's or a reader's name over
        the page's headline: 电子报阅读器), or opens in lower case (a section's tagline, "stories
        that cut to the quick": no headline does)."""
        scored = self.title_scores(start, body, rest)
        if not scored:
            return None
        top, best = max(scored)
        if top < self.s["title_threshold"]:
            return None
        for s, i in sorted(scored, key=lambda x: x[1]):
            if self.lines[i].text == self.lines[best].text:
                continue  # an earlier copy (a share card above the menus): the best-placed one wins
            if i < best and s >= top - self.s["title_margin"] and not _LOWER_WORD.match(self.lines[i].text) and (
                    self.words_shared[i] > 0 or self.words_shared[best] == 0
                    or self.f[i].n >= self.s["short_line"]) and all(
                    self.subhead[k] or self.lines[k].text == self.lines[i].text
                    for k in self.rivals if i < k < best):
                best = i  # the headline over its own subheads
                break
        best = self.related_below(scored, best, top)
        best = self.under_label(scored, best)
        best = self.over_subtitle(scored, best)
        best = self.under_kicker(scored, best)
        # a headline printed twice in a row (a share box, a sticky header): the first copy
        j = best - 1
        while j >= 0 and self.lines[j].text == self.lines[best].text and self.lines[best].n - self.lines[j].n <= 4:
            best, j = j, j - 1
        return self.under_site_title(best)

    def related_below(self, scored: list[tuple[float, int]], best: int, top: float) -> int:
        """The headline, ``best`` unless ``best`` shares no word with the article and a later
        headline-length candidate shares at least half of its words, scoring within
        ``title_unrelated_margin``: an advert or a label that won on the date printed under it
        (某银行信用卡 / 2024年03月08日 / 第A5版：本地 / 新区建设受关注 / a body about 新区)."""
        if self.words_shared[best] > 0:
            return best
        for s, i in sorted(scored, key=lambda x: x[1]):
            if (i > best and self.words_shared[i] >= 0.5 and s >= top - self.s["title_unrelated_margin"]
                    and self.f[i].n >= self.s["title_min"] + 3):
                return i
        return best

    def under_label(self, scored: list[tuple[float, int]], best: int) -> int:
        """The headline, ``best`` unless ``best`` shares no word with the article and the line right
        over it, a candidate over the threshold, shares a third of its words or more: a label
        printed under the headline, where a standfirst goes, won on standing over the body (a
        match report's "Port Vale 1 Luton 2" over its competition's name, "Coca Cola FOOTBALL
        LEAGUE ONE")."""
        if self.words_shared[best] > 0:
            return best
        k = self.prev_line(best)
        score = next((s for s, i in scored if i == k), None)
        if score is None or score < self.s["title_threshold"] or self.words_shared.get(k, 0) < 0.3:
            return best
        return k

    def over_subtitle(self, scored: list[tuple[float, int]], best: int) -> int:
        """The headline, ``best`` unless ``best`` opens with a dash (a subtitle, 副题:
        ——某某区推进老旧小区改造纪实) right under another candidate: that line is the headline
        (让老旧小区焕发新生), however fewer of the article's words it holds; the subtitle is kept
        under it as a heading. So is an unlabelled subtitle of a plain shape (below)."""
        k = self.prev_line(best)
        score = next((s for s, i in scored if i == k), None)
        if score is None:
            return best
        if self.lines[best].text.startswith(_DASHES):
            return k
        # an unlabelled subtitle: longer, right over the date or the byline, holding the article's
        # words, under a shorter headline holding some of them (老旧小区变身幸福家园 / 静安区今年
        # 推进老旧小区改造项目30个 惠及居民2万余户 / 2024-05-12 来源：某某日报); not under a
        # kicker's form (学习贯彻某某精神 / 县委召开常委会议) nor in a run of headlines sharing words.
        # (A cleaned text opens with the two, its date gone: the headline opens the page.) In
        # English a short line is a tag's shape too: the headline must then have a headline's
        # ("Lavigne lawsuit settled" / "Claims of song plagiarism dropped" / By CP).
        nxt = best + 1
        while nxt < len(self.lines) and not self.lines[nxt].text.strip():
            nxt += 1
        above = self.prev_line(k)
        # (the headline holds a third of its words from the article, and is much shorter: not a
        # section's label, 首頁 / 社會, a comment widget's line, 查看回复 1 举报, or a related headline)
        if (score >= self.s["title_threshold"] and self.words_shared[k] >= 0.3 and self.words_shared[best] >= 0.5
                and self.s["title_min"] + 3 <= self.f[k].n <= 0.75 * self.f[best].n
                and not self.f[k].seps and (not self.f[k].tag or self.c.heading_needs is None and self.f[k].headline)
                and nxt < len(self.lines)
                and ((g := self.f[nxt].rule) is not None and g.action == "meta" or above < 0)
                and (self.c.kicker is None or self.c.kicker.search(self.lines[k].text) is None)
                and _APP_LINK.search(self.lines[k].text) is None
                and not (above >= 0 and self.words_shared.get(above, 0) > 0)):
            return k
        return best

    def prev_line(self, i: int) -> int:
        """The nearest non-blank line over line ``i`` (-1: none)."""
        k = i - 1
        while k >= 0 and not self.lines[k].text.strip():
            k -= 1
        return k

    def under_kicker(self, scored: list[tuple[float, int]], best: int) -> int:
        """The headline, ``best`` unless ``best`` is a kicker (引题, ``settings.kicker``: a
        campaign's theme, a slogan, a column's label) printed right over a candidate of a
        headline's length scoring over the threshold: the headline is the line under it (学习贯彻
        党的二十大精神 / 县委召开常委会议). A line under a dash (——某某县发展纪实) is the
        headline's own subhead, never the headline, and so is a line of a kicker's form. A line
        closed by a series' tag (``settings.headline_tag``: 在新时代…争先出彩（推动高质量发展·权威
        发布）) is the headline and a tagless candidate right over it its kicker (河南着力培育新动能
        塑造新优势): a paper tags its headline, not the kicker over it."""
        kicker, tag = self.c.kicker, self.c.headline_tag
        if best + 1 >= len(self.lines):
            return best
        nxt = best + 1
        text = self.lines[nxt].text
        if kicker is None or kicker.search(self.lines[best].text) is None:
            if tag is None or tag.search(self.lines[best].text) is not None or tag.search(text) is None:
                return best
        score = next((s for s, i in scored if i == nxt), None)
        if (score is None or score < self.s["title_threshold"] or self.f[nxt].n < self.s["title_min"] + 3
                or text.startswith(_DASHES) or kicker is not None and kicker.search(text) is not None):
            return best
        return nxt

    def under_site_title(self, best: int) -> int:
        """The headline, ``best`` unless ``best`` is the page's own title with the site's name after
        a dash or a bar (某某標題 - 某某新聞網) and the next line is the headline itself (某某標題)."""
        text = self.lines[best].text
        for k in range(best + 1, min(best + 6, len(self.lines))):
            head = self.lines[k].text
            if not head.strip():
                continue
            if (self.f[k].n >= self.s["title_min"] + 3 and text.startswith(head)
                    and _SITE_SUFFIX.fullmatch(text[len(head):])):
                return k
            break
        return best

    def prose_over_all(self) -> list[bool]:
        """Per line, whether ``extend_back(i)`` would reach a prose line over line ``i`` (one
        pass for all lines, kept)."""
        if self._prose_over is None:
            out, gap, seen, big = [], 0, False, False
            for f in self.f:
                out.append(seen and (gap <= self.s["body_gap"] or big))
                if f.rule is not None and f.rule.ends:
                    gap, seen, big = 0, False, False
                elif f.prose and not f.ruled:
                    gap, seen, big = 0, True, big or f.weight >= 2.0
                else:
                    gap += 1
            self._prose_over = out
        return self._prose_over

    def _reach(self, start: int, steps: range, closing: frozenset = frozenset()) -> int:
        """The farthest line along ``steps`` the body reaches from ``start``: over prose,
        across at most ``body_gap`` residue lines (a long paragraph across any number, unless
        a line of a ``closing`` reason stands among them; past such a line, across a few lines
        at most, ``_CLOSED_GAP``, and never to a list's ``teaser``: a site's promo under the
        story's copyright and a list of other stories is no more of it), never past a closing
        rule."""
        reached, gap, closed, past = start, 0, False, 0
        for k in steps:
            f = self.f[k]
            if f.rule is not None and (f.rule.ends or closing and self.bio_over_box(k)):
                break
            if f.prose and not f.ruled and (gap <= self.s["body_gap"] and not (closed and (
                    past > _CLOSED_GAP or self.teaser(k))) or f.weight >= 2.0 and not closed):
                reached, gap, closed, past = k, 0, False, 0
                continue
            gap += 1
            # (lines past the closing one that no article holds: lists, menus, unnamed residue; a
            # caption, a share bar or an ad slot stands between paragraphs too)
            past += closed and (f.rule is None or f.rule.reason in _PAST_END)
            closed = closed or (f.rule is not None and f.rule.reason in closing)
        return reached

    def teaser(self, k: int) -> bool:
        """Whether prose line ``k`` is one more item of a list of headlines: a short line (weighing
        less than a paragraph) with two headline-like lines no rule names right under it ("NBC:
        More Gladiators!" / "Fury on American Gladiators" / "Tao on American Gladiators"). Past the
        page's footer or copyright the article does not resume at such a line, nor at a list's
        teaser under its headline with another headline and teaser under it ("© 2007 ANI" / "More"
        / "India marks 60th Army Day" / "New Delhi, Jan 15 (ANI): The Indian Army ..." / ...)."""
        f = self.f
        if f[k].weight < 1.0 and k + 2 < len(f) and all(
                not g.prose and not g.ruled and g.headline for g in (f[k + 1], f[k + 2])):
            return True
        # (the list's last teaser: another pair right over its headline)
        return self.teaser_pair(k - 1) and (self.teaser_pair(k + 1) or self.teaser_pair(k - 3))

    def teaser_pair(self, h: int) -> bool:
        """Whether line ``h`` is a headline no rule names right over a paragraph no rule names:
        one item of a list of other stories, each a headline over its teaser."""
        f = self.f
        return (0 <= h and h + 1 < len(f) and not f[h].prose and not f[h].ruled and f[h].headline
                and f[h + 1].prose and not f[h + 1].ruled)

    def extend_back(self, a: int) -> int:
        """With no headline, the body reaches back from the core as its end reaches forward."""
        return self._reach(a, range(a - 1, -1, -1))

    def find_end(self, core_end: int) -> int:
        """The last body line: prose continues after the core until a closing rule
        (a related or comments header) or a long stretch of residue; a long paragraph far
        off, past the page's footer or copyright lines, is the site's notice, not the article."""
        end = self._reach(core_end, range(core_end + 1, len(self.lines)), _PAGE_END)
        while (resumed := self.widget_resumes(end)) is not None:
            p, strong = resumed
            further = self._reach(p, range(p + 1, len(self.lines)), _PAGE_END)
            if not (strong or self.closes_under(further)):
                break
            # a dated list's dates are its items', not the article's publication time
            self.item_dates.update(k for k in range(end + 1, p) if self.f[k].date)
            end = further
        return self.results_table(end)

    def results_table(self, end: int, least: int = 3, longest: int = 100) -> int:
        """The article's end, reaching over a table of results printed right under its last
        paragraph, perhaps under its caption: at least ``least`` items numbered in order, each short
        and holding a figure after its rank (a time, a score), at least half of them naming someone
        or something the article names ("1. Bayliss (Ducati) 1'32.2", with "Bayliss" in the text).
        A list of other stories' headlines holds no such figures nor the article's names."""
        lines, n = self.lines, len(self.lines)
        k = end + 1
        if k < n and not _RANKED.match(lines[k].text) and not self.f[k].prose and self.f[k].n <= longest:
            k += 1  # the table's caption
        items: list[int] = []
        while k < n and (m := _RANKED.match(lines[k].text)) and int(m[1]) == len(items) + 1 \
                and len(lines[k].text) <= longest and _DIGIT.search(lines[k].text, m.end()):
            items.append(k)
            k += 1
        if len(items) < least:
            return end
        text = "\n".join(ln.text for ln in lines[max(0, end - 60):end + 1])
        named = sum(any(w in text for w in _CAP_WORD.findall(lines[i].text, _RANKED.match(lines[i].text).end()))
                    for i in items)
        if 2 * named < len(items):
            return end
        self.table.update(range(end + 1, items[-1] + 1))
        return items[-1]

    def widget_resumes(self, end: int, items: int = 6, share: float = 0.05) -> tuple[int, bool] | None:
        """Where the article resumes under a related list's header that closed it at ``end``
        ("阅读排行", "Most read": a widget put between paragraphs), or None: the first of two
        prose lines in a row that weigh as paragraphs (``_RESUME_WEIGHT``), past at most
        ``items`` lines that are no prose (the widget's headlines), no metadata or dated line
        among them (an appended article's), nothing that closes an article (an editor's credit,
        an end mark, a copyright notice) over the header, and the two speaking of the article's
        things: at least two of their runs of three Han characters or long words occur in the
        text over the header. With it, whether that is clearly so (``share`` of them); if not,
        the article's own close must stand under the resumed text (``closes_under``), as the
        next story a site appends under a list has its own."""
        f = self.f
        h = next((k for k in range(end + 1, min(len(f), end + self.s["body_gap"] + 2))
                  if f[k].rule is not None and f[k].rule.ends), None)
        if h is None or f[h].rule.reason != "related" or any(
                f[k].prose and not f[k].ruled or _closes(f[k].rule) for k in range(end + 1, h)):
            return None
        dated = self.dated_items(h, items)
        for p in range(h + 1, min(len(f) - 1, h + (2 * items if dated else items) + 2)):
            g = f[p]
            if g.date and not dated or g.rule is not None and (
                    g.rule.ends or g.rule.action == "meta" and not (dated and g.date)):
                return None
            if not g.prose or g.ruled:
                continue
            q = f[p + 1]
            if not (q.prose and not q.ruled and g.weight + q.weight >= _RESUME_WEIGHT):
                return None
            theirs = _topic_tokens(self.lines[p].text + "\n" + self.lines[p + 1].text)
            ours = "\n".join(self.lines[k].text for k in range(max(0, end - 30), end + 1) if not f[k].ruled).lower()
            shared = sum(t in ours for t in theirs)
            return (p, shared >= share * len(theirs)) if shared >= 2 else None
        return None

    def dated_items(self, h: int, items: int) -> bool:
        """Whether the list under header ``h`` prints a short date under each of its headlines
        (热门推荐 / 1、X / 2023-06-11 / 2、Y / 2023-06-10): two dated lines or more before the
        first prose line, each a date alone right under a line that is neither prose nor a date.
        (An appended article's date stands once, under its headline, with its text under it.)"""
        f, dates = self.f, 0
        for p in range(h + 1, min(len(f), h + 2 * items + 2)):
            g = f[p]
            if g.prose and not g.ruled:
                break
            if g.date:
                above = f[p - 1]
                if p - 1 == h or above.prose or above.date or g.n > 20:
                    return False
                dates += 1
        return dates >= 2

    def closes_under(self, end: int) -> bool:
        """Whether the article's close (an editor's or source credit, an end mark, a copyright
        notice) stands right under line ``end``, within ``body_gap`` lines."""
        return any(_closes(g.rule) for g in self.f[end + 1:end + self.s["body_gap"] + 2])

    def last_prose(self, k: int, lo: int) -> int | None:
        """The last line from ``k`` back to ``lo`` that is prose no rule names (None if none):
        where an article ends when something after it was found to close it."""
        return next((j for j in range(k, lo - 1, -1) if self.f[j].prose and not self.f[j].ruled), None)

    def ended_at(self, start: int, end: int) -> int:
        """The body's last line, ``end`` unless the article's own end marks stand inside it: a
        closing line that heads no list (an editor line, a copyright notice, a comments header;
        a related header may head a sidebar in mid-article), then only residue up to a second
        closing line. The article ended there: prose further on (a list of long teasers) is
        not its own."""
        closer = None
        for k in range(start + 1, end + 1):
            g = self.f[k]
            if g.rule is not None and g.rule.ends:
                if closer is not None:
                    last = self.last_prose(closer - 1, start)
                    return end if last is None else last
                closer = k if g.rule.reason != "related" else None
            elif g.prose and not g.ruled:
                closer = None
        return end

    def author_box(self, core_end: int, end: int, body_start: int) -> int:
        """The body's last line, ``end`` unless an author box stands after the core: a short
        label ("作者", "About the author") over a line that is only the name a metadata line
        over the body already printed (the byline's name again). The article ended above the
        box; the writer's profile under it is not the article's."""
        f, lines = self.f, self.lines
        metas = [lines[k].text for k in range(body_start) if f[k].rule is not None and f[k].rule.action == "meta"]
        if not metas:
            return end
        for k in range(core_end + 1, end):
            g, name = f[k + 1], lines[k + 1].text.strip()
            if (f[k].prose or f[k].ruled or f[k].n > self.s["heading_max"]
                    or g.prose or g.ruled or not 2 <= g.n <= self.s["name_line_max"]):
                continue
            if any(name in m for m in metas):
                last = self.last_prose(k - 1, body_start)
                return end if last is None else last
        return end

    def decide(self) -> None:
        lines, f = self.lines, self.f
        span = self.core()
        if span is None:
            self.no_body()
            return
        a, b = span
        a = self.head_over_box(a, b)
        sample = "".join(lines[k].text for k in range(a, b + 1) if not f[k].ruled)[:3000]
        self.sample_bag = self.bag(sample)
        # the core's first line may be the headline: judge it against the rest of the core
        rest = "".join(lines[k].text for k in range(a + 1, b + 1) if not f[k].ruled)[:3000]
        t = self.find_title(a, sample, rest)
        body_start = a
        if t is not None:
            # The body starts under the headline's metadata (date, byline, source): a prose
            # line over them is a caption or a standfirst, judged with the head.
            # (a dated list between paragraphs over the core: its dates are its items')
            lists = [h for h in range(t + 1, a) if f[h].rule is not None and f[h].rule.ends
                     and f[h].rule.reason == "related" and self.dated_items(h, 6)]
            if lists:
                self.item_dates.update(k for k in range(lists[0] + 1, a) if f[k].date)
            after = max((k for k in range(t + 1, a) if f[k].rule is not None and f[k].rule.action == "meta"
                         and k not in self.item_dates), default=t)
            body_start = next((k for k in range(after + 1, a + 1) if f[k].prose and not f[k].ruled
                               and (k == a or not self.headline_like(k) and not self.credited(k, a))
                               and not any(self.bare_label(j) and not self.set_counter(j, a)
                                           for j in range(k + 1, a))), a)
            self.meta_after = after
        else:
            body_start = self.extend_back(a)
        end = self.author_box(b, self.ended_at(body_start, self.find_end(b)), body_start)
        self.title, self.body_start, self.end = t, body_start, end
        self.head_tags = self.plain_tags() if t is not None else set()
        # Without a headline nothing marks where the page's residue ends: lines over the body
        # are judged as body lines are (a cleaned text that had no title keeps all it kept).
        first = t if t is not None else 0
        for i, ln in enumerate(lines):
            if i == t:
                ln.decide("title")
            elif i < first:
                self.decide_outside(i, "before")
            elif i < body_start and t is None:
                if not self.apply_rule(i, "head"):
                    self.decide_body(i)
            elif i < body_start:
                self.decide_head(i)
            elif i <= end:
                self.decide_body(i)
            else:
                self.decide_outside(i, "tail")
        for k in self.item_dates:
            lines[k].decide("drop", "related")
        if t is not None and self_dated(lines[t], self.c):
            # a headline printed with its own date and time: a date line over it is no date of the
            # article's, but a bare date the item's over it (a ticker's last headline and its date)
            # or the site's banner (2014/12/13 星期六 │加入最愛│手機版: the day the page was read)
            for k in range(t):
                if lines[k].action == "meta" and lines[k].reason == "published":
                    lines[k].decide("drop", "related" if _BARE_DATE.match(lines[k].text) else "nav")
        self.credit_captions()
        self.file_names()
        self.letter_dates()
        self.issue_dates()
        self.file_name_captions()
        self.gallery_captions()
        self.interleaved_captions()
        self.person_captions()
        self.repeated_captions()
        self.carousel_captions()
        self.labelled_captions()
        self.caption_pairs()
        self.toc_entries()
        self.event_dates()
        self.list_heads()
        self.quote_widgets()
        self.related_lists()
        self.related_siblings()
        self.numbered_items()
        self.writer_tagline()
        self.about_box()
        self.name_residue()

    def core(self) -> tuple[int, int] | None:
        """The article's core: the best-scoring stretch of the page. When a section header
        (related, comments) after a first article is followed by a second one with its own
        metadata lines (a site that appends the next article), the first article wins."""
        weights = self.body_weights()
        span = _best_stretch(weights)
        if span is None:
            return None
        prose = 0.0
        for k, f in enumerate(self.f[:span[0]]):
            if (f.rule is not None and f.rule.ends and f.rule.reason in ("related", "comments")
                    and prose >= self.s["article_min"]):
                if any(g.rule is not None and g.rule.action == "meta" for g in self.f[k + 1:span[0]]):
                    first = _best_stretch(weights[:k])
                    if first is not None:
                        return first
                break
            prose += max(f.weight, 0.0)
        span = self.over_teaser_lines(span, weights)
        return self.before_box_under_bio(self.before_teasers(self.before_comments(span, weights)))

    def over_teaser_lines(self, span: tuple[int, int], weights: list[float]) -> tuple[int, int]:
        """The core, when the best stretch is a box of other stories under a related header (您可能感兴趣的
        文章), each item one line, its headline, a space, its blurb (拆解：某某电脑棒，强在哪？ 近年来，…): the
        stretch over the header, when it holds as much prose as an article. The blurbs are prose, and
        a long box outweighs a short article."""
        a, b = span
        f = self.f
        k = a - 1
        while k >= 0 and f[k].ruled and not (f[k].rule is not None and f[k].rule.ends):
            k -= 1
        if k < 0 or f[k].rule is None or f[k].rule.reason != "related" or not f[k].rule.ends:
            return span
        items = [j for j in range(a, b + 1) if weights[j] > 0]
        # (read as the page wrote it: normalizing takes the space between two Han characters out of prose)
        teasers = sum(_TEASER_LINE.match(self.lines[j].raw.strip()) is not None for j in items)
        if teasers < 3 or teasers < 0.6 * len(items):
            return span
        first = _best_stretch(weights[:k])
        if first is None or sum(max(w, 0.0) for w in weights[first[0]:first[1] + 1]) < self.s["article_min"]:
            return span
        return first

    def head_over_box(self, a: int, b: int, items: int = 8) -> int:
        """The core's first line: ``a``, unless the article's head stands over a box of other
        headlines the page put after its first paragraphs ("Latest headlines" and five links,
        then the story goes on). Then the box's related header stands within ``items`` lines
        over the core, with nothing between them but the box's short lines (no paragraph, no
        metadata or date of the core's own); over the header, past at most two labels, stand
        paragraphs that weigh as the article's (``_RESUME_WEIGHT``) right under the head's
        metadata (a byline, a date), speaking of the core's things (two of their runs of three
        Han characters or long words occur in the core). Their first line is the core's first.
        """
        f = self.f
        h = None
        for k in range(a - 1, max(-1, a - items - 2), -1):
            g = f[k]
            if g.rule is not None and g.rule.ends:
                h = k if g.rule.reason == "related" else None
                break
            if g.date or g.rule is not None and g.rule.action == "meta" or g.prose and not g.ruled and g.weight >= 1.0:
                return a
        if h is None:
            return a
        k, labels = h - 1, 0
        while k >= 0 and labels < 2 and not f[k].prose and f[k].n <= self.s["heading_max"] and (
                f[k].rule is None or f[k].rule.action == "drop" and not f[k].rule.ends):
            k, labels = k - 1, labels + 1
        top, weight = None, 0.0
        while k >= 0 and f[k].prose and not f[k].ruled:
            top, weight, k = k, weight + f[k].weight, k - 1
        if top is None or weight < _RESUME_WEIGHT or k < 0 or f[k].rule is None or f[k].rule.action != "meta":
            return a
        theirs = _topic_tokens("\n".join(self.lines[j].text for j in range(top, h)))
        ours = "\n".join(self.lines[j].text for j in range(a, b + 1) if not f[j].ruled).lower()
        return top if sum(t in ours for t in theirs) >= 2 else a

    def before_comments(self, span: tuple[int, int], weights: list[float]) -> tuple[int, int]:
        """The core, cut at a comments header or prompt that closes the article inside it (or at a
        wire's closing copyright notice, ``ends`` too): a comment's paragraphs under it can be long
        enough for the best stretch to reach over the prompt. The core goes on past it only when
        clearly more article follows (at least half as much prose as stood over it), counting no
        list of teasers under it (three or more headlines each over its paragraph: a box of white
        papers or other stories)."""
        a, b = span
        before = 0.0
        for k in range(a, b + 1):
            r = self.f[k].rule
            if r is not None and r.ends and r.reason in ("comments", "copyright") and before >= self.s["article_min"]:
                teasers = {j + 1 for j in range(k + 1, b) if self.teaser_pair(j)}
                if len(teasers) < 3:
                    teasers = set()
                after = sum(max(w, 0.0) for j, w in enumerate(weights[k + 1:b + 1], k + 1) if j not in teasers)
                if after < before / 2:
                    last = self.last_prose(k - 1, a)
                    return span if last is None else (a, last)
            before += max(weights[k], 0.0)
        return span

    def before_teasers(self, span: tuple[int, int], least: int = 2) -> tuple[int, int]:
        """The core, cut at the page's footer or copyright line inside it when the site's other
        stories follow it: past lines the rules drop (a tag line, a "More" label), at least
        ``least`` headlines each right over its teaser paragraph ("© 2007 ANI" / "More" / "India
        marks 60th Army Day" / "New Delhi, Jan 15 (ANI): The Indian Army ..." / ...). Their
        paragraphs weigh as the article's, so the best stretch reached over the notice."""
        a, b = span
        f, prose = self.f, 0.0
        for k in range(a, b + 1):
            r = f[k].rule
            if r is not None and r.reason in _PAGE_END and prose >= self.s["article_min"]:
                j = k + 1
                while j <= b and f[j].ruled and not f[j].prose:
                    j += 1
                pairs = 0
                while j + 1 <= b and self.teaser_pair(j):
                    pairs, j = pairs + 1, j + 2
                if pairs >= least:
                    last = self.last_prose(k - 1, a)
                    return span if last is None else (a, last)
            prose += max(f[k].weight, 0.0)
        return span

    def before_box_under_bio(self, span: tuple[int, int]) -> tuple[int, int]:
        """The core, cut at a writer's bio closing the article inside it when a related box's
        header stands right under the bio ("Jane Doe is a regular contributor on finance." /
        "Related Slideshow: How the state ranks" / slides of paragraphs): the box's paragraphs can
        outweigh the article's, so the best stretch reached over the bio. Only after as much prose
        as an article holds (a bio under the headline opens the story)."""
        a, b = span
        f, prose = self.f, 0.0
        for k in range(a, b):
            if prose >= self.s["article_min"] and self.bio_over_box(k):
                last = self.last_prose(k - 1, a)
                return span if last is None else (a, last)
            prose += max(f[k].weight, 0.0)
        return span

    def bio_over_box(self, k: int) -> bool:
        """Whether line ``k`` is a writer's bio (a sentence the rules read as a byline) right over
        a related box's header: the article's end (find_end reaches no further)."""
        f = self.f
        r = f[k].rule
        if not (r is not None and r.action == "meta" and r.reason == "byline" and f[k].sent):
            return False
        # (past the bio's share buttons and the pager to the section's other stories, a few lines:
        # "Twitter" / "Email" / "previousX nextY" / "Most Popular")
        for j in range(k + 1, min(len(f), k + 6)):
            g = f[j].rule
            if g is not None and g.reason == "related":
                return True
            if g is None or g.action != "drop" or g.reason not in ("share", "nav"):
                return False
        return False

    def body_weights(self) -> list[float]:
        """The lines' weights in the body score: ``blurb_weights``, with a block the page
        prints again counted once (``repeated_blocks``) and the phrase lines of an article
        written in short broken lines counted as its text (``phrase_runs``)."""
        weights = self.blurb_weights()
        for k in self.between_paragraphs():
            weights[k] = _RESIDUE_WEIGHT
        for k in self.repeated_blocks():
            weights[k] = min(weights[k], _RESIDUE_WEIGHT)
        self.phrases = self.phrase_runs()
        for k in self.phrases:
            weights[k] = max(weights[k], 0.0)
        # a list the article is made of counts as its text, not as a widget's links
        for starts, blocks, count in self.numbered_runs():
            for k in (*starts, *(j for block in blocks for j in block)):
                if not self.f[k].ruled or count[_field_label(self.lines[k].text)] >= 3:
                    weights[k] = max(weights[k], 0.0)
        return weights

    def between_paragraphs(self) -> list[int]:
        """Widget lines a rule names standing alone between two paragraphs (prose no rule names
        right over and right under them): an ad's label, a share or app prompt, an in-article
        promo ("Advertisement", "Read more: X"). They cost what a caption costs: a site puts them
        between the article's paragraphs, and at full cost one of them cut the article's short
        opening paragraphs off its core (the headline and the lead were lost with them). A rule
        that closes the article (a related or comments header) keeps its cost.

        >>> from types import SimpleNamespace as F
        >>> ad = F(action="drop", reason="ad", ends=False)
        >>> f = [F(prose=True, ruled=False), F(prose=False, ruled=True, rule=ad), F(prose=True, ruled=False)]
        >>> _Page.between_paragraphs(F(f=f))
        [1]
        """
        f, out = self.f, []
        for k in range(1, len(f) - 1):
            g = f[k]
            if (g.ruled and g.rule is not None and not g.rule.ends and g.rule.action == "drop"
                    and g.rule.reason in _BETWEEN_REASONS
                    and f[k - 1].prose and not f[k - 1].ruled and f[k + 1].prose and not f[k + 1].ruled):
                out.append(k)
        return out

    def repeated_blocks(self) -> list[int]:
        """The later copies of a block the page prints more than once: ``_REPEAT_RUN`` or more
        lines in a row (no rule naming them) each of whose text stands earlier on the page.
        A carousel or a widget printed two or three times counts once toward the body, as
        an article printed twice (a mobile and a desktop copy) does: its first copy keeps
        its weight."""
        short = self.s["short_line"]
        fit = [not g.ruled and g.n >= short for g in self.f]  # (the same for every copy of a text)
        texts = [ln.text for ln, ok in zip(self.lines, fit) if ok]
        out: list[int] = []
        if len(set(texts)) > len(texts) - _REPEAT_RUN:
            return out  # fewer lines printed again than a block needs (most pages)
        texts = [ln.text for ln in self.lines]
        first = {t: k for k, t in reversed(list(enumerate(texts)))}  # where each text stands first
        again = [ok and first[t] < k for k, (t, ok) in enumerate(zip(texts, fit))]
        for k, j in _true_runs(again):
            if j - k >= _REPEAT_RUN:
                out.extend(range(k, j))
        return out

    def phrase_runs(self) -> set[int]:
        """The phrase lines of an article written in short broken lines, a phrase to a line (a
        poster or a WeChat repost: 目前 / 某某码头工程 / 已进入最后的验收阶段 / 提前开港！): a
        run of phrase lines and short sentences holding ``_PHRASE_RUN`` phrases or more, as
        long as a headline line on average (a menu's or a widget's items are shorter),
        standing between sentences (within ``_PHRASE_GAP`` lines over it, and under it, or
        the article's closing credits there), and saying mostly what the sentences around it
        say (``_PHRASE_SHARED`` of its word pairs are in the prose within ``_PHRASE_REACH``
        lines). A related list or a menu between paragraphs names other things."""
        f, lines, n = self.f, self.lines, len(self.lines)
        kinds = [g.phrase for g in f]  # each line once: a phrase (1), a short sentence (2) or neither (0)
        if kinds.count(1) < _PHRASE_RUN:
            return set()

        def sentence_by(steps: range, credits: bool) -> bool:
            for m in steps:
                if f[m].prose and not f[m].ruled:
                    return True
                if credits and f[m].rule is not None and f[m].rule.action == "meta":
                    return True
            return False

        out: set[int] = set()
        for k, j in _true_runs(kinds):
            phrases = [m for m in range(k, j) if kinds[m] == 1]
            a, b = (phrases[0], phrases[-1] + 1) if phrases else (k, j)  # sentences at its ends are its sides
            if (len(phrases) >= _PHRASE_RUN and sum(f[m].n for m in phrases) >= self.s["short_line"] * len(phrases)
                    and sentence_by(range(a - 1, max(-1, a - 1 - _PHRASE_GAP), -1), False)
                    and sentence_by(range(b, min(n, b + _PHRASE_GAP)), True)):
                around = "".join(lines[m].text for m in range(max(0, a - _PHRASE_REACH), min(n, b + _PHRASE_REACH))
                                 if f[m].prose and not f[m].ruled)
                pairs = [p for m in range(a, b) for p in _han_pairs(lines[m].text)]
                if pairs and sum(map(around.__contains__, pairs)) >= _PHRASE_SHARED * len(pairs):
                    out.update(phrases)
        return out

    def blurb_weights(self) -> list[float]:
        """The lines' body weights, with the blurbs of a teaser block halved: three or more
        pairs in a row of a short label over a one-sentence blurb (a sidebar of guides or
        features: "Gluten Free Food" / "Our latest picks for ..."). Each blurb is prose, so
        the block can outweigh a short article; an article's paragraphs are rarely each one
        short sentence under a label of its own."""
        f, weights = self.f, [x.weight for x in self.f]
        label, blurb = [g.label for g in f], [g.blurb for g in f]
        if sum(a and b for a, b in zip(label, blurb[1:])) < 3:
            return weights  # fewer than three label/blurb pairs on the page: no block

        k, n = 0, len(f)
        while k < n - 1:
            j = k
            while j + 1 < n and label[j] and blurb[j + 1]:
                j += 2
            if (j - k) // 2 >= 3:
                for m in range(k + 1, j, 2):
                    weights[m] /= 2
                k = j
            else:
                k += 1
        return weights

    def no_body(self) -> None:
        """No prose at all: keep what no rule names; the first headline-like line is the title."""
        titled = False
        self.title, self.body_start, self.end = None, 0, len(self.lines) - 1
        for i, ln in enumerate(self.lines):
            r = self.f[i].rule
            if r is not None and r.action != "keep":
                ln.decide(r.action, r.reason)
            elif not titled and self.headline_like(i):
                ln.decide("title")
                titled = True
            else:
                ln.decide("heading")  # labels, kept whole (never joined to one another)

    # -- decisions by zone ---------------------------------------------------------------
    def rule_in(self, i: int, zone: str) -> Rule | None:
        """The first rule matching line ``i`` among those that apply in ``zone``."""
        r = self.f[i].rule
        if r is None or zone in WHERES[r.where]:
            return r  # the first rule of all applies here, so it is the first here too
        return self.rs.match_rule(self.lines[i].text, zone)

    def apply_rule(self, i: int, zone: str) -> bool:
        r = self.rule_in(i, zone)
        if not r:
            return False
        if r.action == "keep":
            self.lines[i].decide("keep")
        else:
            self.lines[i].decide(r.action, r.reason)
        return True

    def decide_outside(self, i: int, zone: str) -> None:
        """Before the headline or after the article: residue. Metadata lines stay metadata
        only next to the headline or to the article's end (dates further off are lists')."""
        ln = self.lines[i]
        if self.f[i].rule is None:  # most residue: no rule names it
            ln.decide("drop", None)  # reason named in name_residue
            return
        r = self.rule_in(i, zone)
        if r and r.action == "meta":
            if self.dated_item(i) and (self.dated_item(i - 1) or self.dated_item(i + 1) or self.list_header(i - 1)):
                ln.decide("drop", "related")  # one of a list's dated headlines
                return
            if zone == "before":
                near = (self.title is not None and self.lines_to_title(i) <= self.s["meta_reach"]
                        and not self.in_menu(i) and not (r.reason == "source" and self.masthead(i)))
            else:  # under the article, above any related list or comment thread
                near = i - self.end <= 2 * self.s["meta_reach"] and (
                    not self.listed(self.end + 1, i) or self.credit_after_list(i, r))
            if near:
                ln.decide("meta", r.reason)
                return
            r = None
        if r and r.action == "drop":
            ln.decide("drop", r.reason)
        else:
            ln.decide("drop", None)  # reason named in name_residue

    def lines_to_title(self, i: int) -> int:
        """How far line ``i`` stands above the headline, in lines, a paywall's or a share
        box's lines that a rule names (``ad``, ``share``, ``app``) not counted: a metadata strip
        stays the headline's over such a box (Published Date: X / Premium Article ! / To read
        this article in full you must be registered ... / Headline)."""
        assert self.title is not None
        far = self.title - i
        if far <= self.s["meta_reach"]:
            return far
        return sum(1 for k in range(i + 1, self.title + 1) if not (
            (g := self.f[k].rule) is not None and g.action == "drop" and g.reason in _BOX_REASONS))

    def listed(self, a: int, b: int) -> bool:
        """Whether a related or comments header in lines ``a`` to ``b - 1`` has entries under it
        before ``b``: a line no rule names of a headline's length or a sentence (an item, a
        comment). Under a header of a bare widget (a comment count, buttons) the article's
        metadata lines still count as its own."""
        head = False
        for k in range(a, b):
            g = self.f[k]
            if g.rule is not None and g.rule.reason in ("related", "comments") and (g.rule.ends or self.bare_header(k)):
                head = True
            elif head and (g.rule is None and (g.prose or g.n >= self.s["short_line"]) or self.dated_item(k)):
                return True
        return False

    def bare_header(self, k: int) -> bool:
        """Whether line ``k``, which a rule names as related or comments residue without closing
        the article by it (a header sites also print between paragraphs: "Related stories",
        "Read more"), is a header alone on its line: a short label, perhaps closed by its colon
        ("Read on:"), no link's text after a colon ("Read more: X" is an inline link)."""
        g = self.f[k]
        text = self.lines[k].text.strip()
        return ((g.label or not g.sent and not g.date and g.seps < 2) and g.n <= 30
                and ":" not in text.rstrip(":："))

    def list_header(self, k: int) -> bool:
        """Whether line ``k`` is a related list's header (a rule closing the article names it)."""
        g = self.f[k] if 0 <= k < len(self.f) else None
        return g is not None and g.rule is not None and g.rule.ends and g.rule.reason == "related"

    def dated_item(self, i: int) -> bool:
        """Whether line ``i`` is a date line that goes on with a headline (``settings.date_lead``:
        2023-05-05 我市启动城市绿化提升行动), read as the date line by a rule: a related item, when
        it stands under a related header or next to another; inside the article, among others, an
        entry of a timeline (大事记: 2019-03-01 某某大桥主体工程开工建设 / 2021-10-20 主塔封顶).

        A date line with its source or section (2023-05-06 10:12 来源：某某晚报) is none."""
        lead = self.c.date_lead
        if lead is None or not 0 <= i < len(self.f):
            return False
        r = self.f[i].rule
        return r is not None and r.reason == "published" and lead.match(self.lines[i].text) is not None

    def credit_after_list(self, i: int, r: Rule) -> bool:
        """Whether metadata line ``i`` under a related list that closed the article is still the
        article's own: an editor or source credit (a related item carries a date, never the
        article's editor) standing right under the list's last item, no list header between."""
        if r.reason not in _CREDIT_REASONS:
            return False
        k = i - 1
        while k > self.end and self.f[k].rule is not None and self.f[k].rule.action == "meta":
            k -= 1
        return k > self.end and self.f[k].rule is None

    def masthead(self, i: int) -> bool:
        """Whether source line ``i`` over the headline is the site's name over its menu (某某新闻网 /
        首页 | 国内 | 国际 / headline): an outlet's name alone, no field's label, with a menu line (or
        a line a rule names as navigation) between it and the headline. The banner names the site,
        not where the article came from."""
        assert self.title is not None
        text = self.lines[i].text
        if ":" in text or "：" in text or any(ch.isdigit() for ch in text):
            return False
        return any(self.f[k].seps >= 2 and not self.f[k].prose or self.f[k].rule is not None
                   and self.f[k].rule.reason == "nav" for k in range(i + 1, self.title))

    def in_menu(self, i: int) -> bool:
        """Whether line ``i`` stands between two short labels no rule names: an item of a
        menu (a magazine's name in a site menu is no source line)."""
        def label(k: int) -> bool:
            if not 0 <= k < len(self.f) or k == self.title:
                return False
            g = self.f[k]
            return g.rule is None and not g.prose and not g.date and g.n < self.s["short_line"]
        return label(i - 1) and label(i + 1)

    def decide_head(self, i: int) -> None:
        """Between the headline and the body: metadata, widgets, or a subhead/standfirst."""
        ln, f = self.lines[i], self.f[i]
        if self.apply_rule(i, "head"):
            return
        if self.in_head_list(i):
            ln.decide("drop", "related")  # an item of a widget's list between the byline and the lead
        elif self.deck(i):
            ln.decide("heading")  # the headline's labelled subtitle (副题：X)
        elif self.title is not None and ln.text == self.lines[self.title].text:
            ln.decide("drop", "nav")
        elif i in self.gallery:
            ln.decide("drop", "caption")  # a photo set's caption (gallery_run)
        elif i in self.tag_inside or i in self.head_tags:
            ln.decide("drop", "nav")  # an item of a tag list under the headline
        elif i in self.doubled:
            ln.decide("drop", "caption")  # captions each printed twice (doubled_runs)
        elif f.prose and i < self.meta_after and self.short_statement(i):
            ln.decide("drop", "caption")  # one short sentence between the headline and its date
        elif f.prose and f.n >= self.s["short_line"] and not self.stray_phrase(i):
            ln.decide("keep")  # a lead or a standfirst
        elif self.headline_like(i) and f.n >= self.s["short_line"] and self.shared(i) >= 0.3:
            ln.decide("heading")  # a subhead: it shares words with the article
        elif self.section_label(i):
            ln.decide("heading")  # the first of a feature's parallel subheads (初心不改 … 桃李芬芳)
        elif self.alone_under_headline(i) and self.name_by_date(i):
            ln.decide("meta", "byline")  # headline, writer's name, body (an e-paper's layout)
        elif i > 0 and self.lines[i - 1].action in ("title", "heading") and self.is_heading(i):
            ln.decide("heading")  # a heading right under the headline (or another heading)
        elif i > 0 and f.n >= self.s["short_line"] and self.block_label(i - 1):
            ln.decide("heading")  # the summary a label introduces (摘要：, 前言：): a standfirst
        elif self.name_by_date(i):
            ln.decide("meta", "byline")
        else:
            ln.decide("drop", None)

    def in_head_list(self, i: int) -> bool:
        """Whether head line ``i`` stands in a list under a related header between the headline
        and the body ("MOST-READ STORIES" / its headlines, printed with no blank line between):
        every line of its block above it was dropped as residue, and the header a rule names
        stands right over the block. An item that reads as a sentence or a subhead is the list's
        too."""
        if self.title is None or i <= self.title + 1:
            return False
        b = self.lines[i].block
        k = i - 1
        while k > self.title and self.lines[k].block == b:
            if not (self.lines[k].action == "drop" and self.lines[k].reason in (None, "related")):
                return False  # (a residue line's reason is named later: None until then)
            k -= 1
        if k == i - 1 or k <= self.title:
            return False  # (first of its block, or no header over the block)
        g = self.f[k].rule
        return g is not None and g.action == "drop" and g.reason == "related"

    def deck(self, i: int) -> bool:
        """Whether line ``i``, under the headline, opens with a subtitle's label (``deck_label``:
        副题：X): the headline's subtitle, kept as a heading (its label cut: ``_cut_deck_label``)."""
        return (self.c.deck_label is not None and self.title is not None and self.title < i <= self.title + 3
                and self.c.deck_label.match(self.lines[i].text) is not None)

    def section_label(self, i: int) -> bool:
        """Whether head line ``i``, a short label right over the body's first paragraph (or over
        one more label over it), is the first subhead of a feature in sections: the body holds
        another label of the same length over a paragraph (初心不改 / 他一干就是三十年。… 桃李芬芳 /
        三十年来…: subheads written alike). Four characters or more: a name alone by the date
        (张某某) is the writer's, whatever subheads the body has. Only for a language whose
        bare captions are judged (a ``predicate`` pattern: Chinese, whose parallel subheads have
        one length; in English two labels of one length in letters say little)."""
        if self.c.predicate is None:
            return False
        f = self.f[i]
        n = f.n
        if f.ruled or f.prose or f.date or f.seps or not self.headed(i) or not 4 <= n <= self.s["heading_max"]:
            return False
        under = [k for k in (i + 1, i + 2) if k <= self.end]
        if not under or not (under[0] == self.body_start or len(under) > 1 and under[1] == self.body_start
                             and not self.f[under[0]].prose and not self.f[under[0]].ruled):
            return False
        for k in range(self.body_start + 1, min(self.end, self.body_start + 400)):
            g = self.f[k]
            if g.n != n or g.prose or g.ruled or g.date or not self.headed(k):
                continue
            j = k + 1  # (a picture's caption or credit may stand between it and its paragraph)
            while j < self.end and self.f[j].ruled and self.f[j].rule.reason == "caption":
                j += 1
            if self.f[j].prose and not self.f[j].ruled:
                return True
        return False

    def stray_phrase(self, i: int) -> bool:
        """A short phrase between the headline and the body that shares no word with the
        article (a font-size widget's playful label, 再大啲都得啦唔該……): no lead, which says what the article
        says. Where headings need a script of their own (Chinese)."""
        return (self.c.heading_needs is not None and self.f[i].n < self.s["long_line"]
                and self.shared(i) == 0)

    def short_headline(self, start: int) -> int | None:
        """A headline shorter than ``title_min`` ("Capping the deal", an editorial's), or not
        much longer ("‘27 Dresses’ | 2 stars", which ``title_scores`` would count a short label),
        is a candidate only where a headline plainly stands: right over the date or byline lines
        that stand right over the body's first line ``start``. Half ``title_min`` at least, no
        rule naming it, no sentence, no clause, no menu, no date.

        (Asked once per reading of a page, of the core's first line.)"""
        f, k, dated = self.f, start - 1, False
        while k >= 0 and (r := f[k].rule) is not None:
            if r.action == "meta" and r.reason != "source":
                dated = True
            elif not (r.action == "drop" and not r.ends and r.reason in _TOOL_REASONS):
                break  # (a story's tools under its date: "Print Story", "Add Comments")
            k -= 1
        if k < 0 or not dated:
            return None  # no metadata line between it and the body
        g = f[k]
        # (up to the length under which title_scores counts a line a short label: a headline of
        # that length over the byline block is no label either)
        if (g.ruled or g.prose or g.date or g.seps > 1 or not g.headed or g.clause
                or g.headline and g.n >= self.s["title_min"] + 3
                or not self.s["title_min"] // 2 <= g.n < self.s["title_min"] + 3):
            return None
        return k

    def credited(self, k: int, core: int, reach: int = 3) -> bool:
        """Whether line ``k`` is a photo's caption under its credit, cut off from the article's
        core (from line ``core``) by a closing line (a story-tools bar's "Comments", a "More
        from Sports" box): a caption rule's line ("Photo by Jane Doe") over it, with at most
        short lines that are not prose between ("AP"). The body starts under the closing lines;
        the caption is judged with the head (were it the body's first line, the closing lines
        would end the article there).

        (Only asked of a prose line between the headline's metadata and the article's core.)"""
        f = self.f
        if not any(f[j].rule is not None and f[j].rule.ends for j in range(k + 1, core)):
            return False
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            g = f[j]
            if g.rule is not None and g.rule.reason == "caption":
                return True
            if g.prose or g.n > self.s["short_line"]:
                return False
        return False

    def bare_label(self, k: int) -> bool:
        """A widget's label no rule names, with nothing a heading needs: words in Latin letters
        or a pager's count (Previous Next, 1/5). What stands over it, up to the metadata, is the
        head's, not the body's first lines. (A list item's time stamp, 2018-08-29 07:42, is no
        label: a related list over the body keeps its header, which closes the article.)"""
        g = self.f[k]
        return (self.c.heading_needs is not None and not g.ruled and not g.prose and not g.headed and g.n > 0
                and _WIDGET_LABEL.match(self.lines[k].text) is not None)

    def set_counter(self, k: int, a: int) -> bool:
        """Whether line ``k``, a pager's count (2/8), is one of a photo set's counters over each
        picture, another of them (3/8, of the same total) standing in the core from line ``a``
        on: the text over it is the set's first picture's, the body's, no head widget's."""
        m = _SET_COUNT.match(self.lines[k].text)
        return m is not None and any(
            (o := _SET_COUNT.match(self.lines[j].text)) is not None and o["of"] == m["of"]
            for j in range(a, min(len(self.lines), a + 200)))

    def block_label(self, k: int) -> bool:
        """Whether line ``k`` is a short label with its colon alone on its line, no rule naming
        it (摘要：, 前言：, 导读：): it introduces the block under it."""
        f = self.f[k]
        return (not f.ruled and f.n <= 6 and self.lines[k].text[-1:] in ("：", ":")
                and f.headed and not f.clause and not f.prose)

    def plain_tags(self) -> set[int]:
        """Two or three plain tags right under the headline, one to a line, the body's first
        paragraph right under them (乡村旅游 / 田园生活): each line one short word or two (no
        longer than ``short_line``, no space, no punctuation, no digit, no rule naming it),
        none sharing a word with the article; a subhead or a headline's second line shares
        its words. A run of lines no longer than three characters each is left alone: names
        (the authors, one to a line) are that short."""
        t, start, f = self.title, self.body_start, self.f
        run = range(t + 1, start)
        if not 2 <= len(run) <= 3 or not f[start].prose:
            return set()
        for k in run:
            g, text = f[k], self.lines[k].text.strip()
            if (g.ruled or g.prose or g.date or g.seps or g.marks or g.n > self.s["short_line"]
                    or not g.headed or not text.isalpha() or self.shared(k) > 0):
                return set()
        if all(f[k].n <= 3 for k in run):
            return set()
        return set(run)

    def shared(self, i: int) -> float:
        text = self.lines[i].text
        toks = _tokens(text)
        return self.sample_bag.common(text) / len(toks) if toks else 0.0

    def headed(self, i: int) -> bool:
        """Whether the line has what a heading needs in this language (a Han character)."""
        return self.f[i].headed

    def name_by_date(self, i: int) -> bool:
        """A short name alone next to the date line under the headline: the author (above the
        date line, or between it and the body). A word the rules' ``name_strip`` removes whole
        (a section's name, a widget's label) is no name."""
        f = self.f[i]
        if f.ruled or f.prose or f.seps or not 2 <= f.n <= self.s["name_line_max"]:
            return False
        if any(ch.isdigit() for ch in self.lines[i].text):
            return False
        if not split_names(self.lines[i].text, self.rs):
            return False  # no name once the rules strip what is none (a section's name: 港聞)
        surnames = self.rs.lists.get("surnames", "")
        text = self.lines[i].text.strip()
        # two characters and no common surname: an outlet's short name (中時); four and no surname,
        # common or compound: a widget's label (閱讀模式), not 歐陽某某
        if (surnames and len(text) in (2, 4) and text[0] not in surnames and self.script_only(text)
                and not (len(text) == 4 and text.startswith(self.c.compound_surnames))):
            return False

        def dated(k: int) -> bool:
            return 0 <= k < len(self.f) and self.f[k].rule is not None and self.f[k].rule.reason == "published"

        return dated(i + 1) or (dated(i - 1) and i + 1 == self.body_start) or self.head_name(i)

    def alone_under_headline(self, i: int) -> bool:
        """Whether line ``i`` is the one line between the headline and the body."""
        return self.title is not None and i == self.title + 1 and i + 1 == self.body_start

    def head_name(self, i: int) -> bool:
        """A reporter's name alone on a line between the headline and the body (孫某某), next to
        the page's date strip or a copy of its headline (widget lines the rules drop, 分享 /
        收藏, may stand between), alone between the headline and the body, or printed twice
        there: the author. Only a name of two or three
        characters opening with a common surname (the language's ``surnames`` list; off where
        it has none), and only when no byline in the head names someone else."""
        surnames = self.rs.lists.get("surnames", "")
        text = self.lines[i].text.strip()
        if not surnames or self.c.heading_needs is None or not 2 <= len(text) <= 3 or not self.headed(i):
            return False
        if text[0] not in surnames and not self.rare_name(i, text):
            return False
        if not self.script_only(text):
            return False
        t = self.title if self.title is not None else -1
        head = range(t + 1, self.body_start)
        for k in head:
            r = self.f[k].rule
            if r is not None and r.action == "meta" and r.reason == "byline" and text not in self.lines[k].text:
                return False  # a byline names another writer

        def strip(k: int) -> bool:
            """A date line or a copy of the headline."""
            r = self.f[k].rule
            return (r is not None and r.reason == "published") or (
                t >= 0 and self.lines[k].text == self.lines[t].text)

        def neighbour(step: int) -> bool:
            k = i + step
            while k in head and self.f[k].ruled and self.f[k].rule.action == "drop":
                k += step  # widget lines between
            if k in head and not strip(k) and self.short_label(k):
                k += step  # (the outlet's short name between the date and the writer's: 中時)
            return k in head and strip(k)

        if neighbour(1) or neighbour(-1) or self.alone_under_headline(i):
            return True  # (alone between the headline and the body: an e-paper's byline)
        return sum(1 for k in head if self.lines[k].text.strip() == text) >= 2

    def short_label(self, k: int) -> bool:
        """Whether line ``k`` is a label of two to four characters of the heading script alone, no
        rule naming it (an outlet's short name, 中時)."""
        text = self.lines[k].text.strip()
        return not self.f[k].ruled and 2 <= len(text) <= 4 and self.script_only(text)

    def script_only(self, text: str) -> bool:
        """Whether every character of ``text`` is of the heading script (``heading_needs``: Han)."""
        return self.c.heading_needs is not None and all(self.c.heading_needs.fullmatch(ch) for ch in text)

    def rare_name(self, i: int, text: str) -> bool:
        """A name of three characters with a surname outside the common ones (匡某某), alone between
        the headline and the body: no word the article uses (a subject's name is a caption's or a
        subhead's), no ordinal (第一章) and no outlet's, place's or office's word at its end."""
        return (len(text) == 3 and self.alone_under_headline(i) and self.shared(i) == 0
                and _NOT_A_NAME.search(text) is None)

    def decide_body(self, i: int) -> None:
        ln, f = self.lines[i], self.f[i]
        if f.rule is not None and self.apply_rule(i, "body"):  # (no rule at all: none here)
            return
        if self.deck(i):
            ln.decide("heading")  # the headline's labelled subtitle, read as a sentence (副题：X。)
        elif i in self.table:
            ln.decide("keep" if _RANKED.match(ln.text) else "heading")  # a table of results, its caption
        elif f.prose and self.bare_caption(i):
            ln.decide("drop", "caption")
        elif f.prose:
            ln.decide("keep")
        elif self.dated_item(i) and (self.dated_item(i - 1) or self.dated_item(i + 1)):
            ln.decide("keep")  # an entry of a timeline inside the article (2019-03-01 某某工程开工建设)
        elif i in self.phrases:
            # a phrase of an article written in broken lines: kept whole, as a heading is (joined
            # to its neighbours it would run phrases together, 最大邮轮目前南沙…, and a second
            # reading, seeing more of them, would join what the first left apart)
            ln.decide("heading")
        elif self.note_run(i):
            ln.decide("keep")  # a numbered endnote among others: (1) Footfall report 2014, Springboard
        elif self.continues(i):
            ln.decide("keep")
        elif self.is_heading(i) or self.spaced_heading(i):
            ln.decide("heading")
        elif not f.ruled and _QUOTED_PHRASE.fullmatch(ln.text.strip()):
            ln.decide("keep")  # a phrase the article quotes on a line of its own (“在飞机上睡觉”): no menu's item
        elif self.point_under_title(i):
            ln.decide("heading")  # a summary's point under the headline, as a standfirst is kept
        else:
            ln.decide("drop", None)

    def point_under_title(self, i: int, most: int = 3) -> bool:
        """Whether body line ``i``, no rule naming it, stands right under the headline (or under
        points over it, ``most`` in all) and reads as a summary's point: a subhead's shape sharing
        words with the article, long for a subhead (a tabloid's bullet points under the headline,
        their byline gone from a cleaned text, "Retired postman climbed the peak every year since
        his wife died")."""
        t = self.title
        if not (t is not None and t < i <= t + most and not self.f[i].ruled
                and all(self.lines[k].action == "heading" for k in range(t + 1, i))
                and self.f[i].n >= self.s["short_line"] and self.headline_like(i)):
            return False
        # Half its words of four letters or more are the article's (English words: a promo under
        # the headline, "Watch our weekend show live every Saturday", names none of them)
        words = set(_LATIN_WORD.findall(self.lines[i].text.casefold()))
        if not words:
            return False
        body = set(_LATIN_WORD.findall(" ".join(self.lines[k].text for k in range(i + 1, self.end + 1)
                                                if not self.f[k].ruled).casefold()))
        return len(words & body) >= len(words) / 2

    def continues(self, i: int) -> bool:
        """Whether line ``i`` is the middle of a sentence the page broke across lines: the kept
        line over it (past dropped lines) stops on a word no sentence ends on (``open_end``: "Brown's basket gave WSU
        a"), and it ends the sentence or the line under it, prose no rule names, does ("76-72
        lead, which left Josh" / "Mayo's 3-pointer at the buzzer meaningless.")."""
        # (the kept line over it, past dropped ones: the output, read again, has them side by side)
        p = i - 1
        while p >= 0 and self.lines[p].action in ("drop", "meta"):
            p -= 1
        if p < 0 or not self.f[p].open or self.lines[p].action != "keep" or self.f[i].ruled:
            return False
        g = self.f[i + 1] if i < self.end else None
        return self.f[i].sent or g is not None and g.prose and not g.ruled

    def note_run(self, i: int) -> bool:
        """Whether body line ``i`` is one of the article's numbered notes, a mark in brackets
        opening it and the line before or after it (``(1) X`` / ``(2) Y``): kept as the article's,
        however short (a source's title and outlet, no sentence)."""
        if not _NOTE_NUMBER.match(self.lines[i].text):
            return False
        return any(0 <= k < len(self.lines) and _NOTE_NUMBER.match(self.lines[k].text) is not None
                   for k in (i - 1, i + 1))

    def spaced_heading(self, i: int) -> bool:
        """A subhead written in clauses set apart by spaces (3區加派人手 涉 1.2萬長者) that the
        menu test reads as a list of short items: inside the body, no separator mark, prose right
        under it, and at least half its words are words of the body under it (a menu's, a
        pager's or a widget's items are not). Where headings need a script of their own (Chinese)."""
        f = self.f[i]
        if (self.c.heading_needs is None or f.seps < 2 or f.ruled or f.date or f.commas or f.n > self.s["heading_max"] or not f.headed
                or i <= self.body_start):
            return False
        text = self.lines[i].text
        if self.c.seps.search(text):
            return False
        nxt = next((k for k in range(i + 1, min(self.end + 1, i + 4))
                    if not (self.f[k].ruled and self.f[k].rule.reason == "caption")), None)
        if nxt is None or not self.f[nxt].prose or self.f[nxt].ruled:
            return False
        toks = _tokens(text)
        under = "".join(self.lines[k].text for k in range(i + 1, self.end + 1) if not self.f[k].ruled)[:3000]
        return len(toks) >= 4 and 2 * _Bag(under).common(text) >= len(toks)

    def short_statement(self, i: int) -> bool:
        """One short sentence (a caption's shape): at most ``caption_max`` characters, one
        sentence mark, ending as a statement does."""
        f = self.f[i]
        return (f.n <= self.s["caption_max"] and f.marks <= 1
                and _end_char(self.lines[i].text, self.c.closers) in self.s["statement_end"])

    def bare_caption(self, i: int) -> bool:
        """A photo caption with no credit: a short sentence with no verb (a noun phrase, "小刚的
        作业本。") standing between finished paragraphs. Needs the language's ``predicate``
        pattern (the words that make a sentence); off where it is empty.

        A short sentence among short paragraphs is one of them: where the paragraphs on both
        sides are shorter than ``long_line`` the article is written a sentence or two to a
        paragraph, and a caption stands out only between long paragraphs."""
        text = self.lines[i].text
        if self.c.predicate is None or not self.short_statement(i):
            return False
        if self.c.not_caption and self.c.not_caption.search(text):
            return False
        p = next((k for k in range(i - 1, -1, -1) if self.lines[k].kept), None)
        if p is None or self.lines[p].action == "title":
            return self.lead_caption(i)
        if not self.named_in_body(i) and self.c.predicate.search(text):
            return False
        if i + 1 >= len(self.lines):
            return False
        end = _end_char(self.lines[p].text, self.c.closers)
        if end not in self.c.sentence_end or end in "？?":  # after a question: its answer
            return False
        nxt = next((k for k in range(i + 1, min(self.end + 1, i + 8)) if self.f[k].prose and not self.f[k].ruled), None)
        short = self.s["long_line"]
        return not (self.f[p].n < short and (nxt is None or self.f[nxt].n < short))

    def lead_caption(self, i: int) -> bool:
        """A bare caption over the article's first paragraph (the lead photo's, 公路旁边的滑坡。):
        a noun phrase (no word of ``predicate``, the body's use of a name aside: a one-line lead
        names its subject and says what it did), a finished sentence, and the first paragraph
        right under it (past widgets and metadata) a long one."""
        if self.c.predicate.search(self.lines[i].text):
            return False
        nxt = next((k for k in range(i + 1, min(self.end + 1, i + 8)) if self.lines[k].kept
                    or self.f[k].prose and not self.f[k].ruled), None)
        return nxt is not None and self.f[nxt].prose and not self.f[nxt].ruled and self.f[nxt].n >= self.s["long_line"]

    def named_in_body(self, i: int) -> bool:
        """Whether line ``i`` is a name the article uses: its text (up to ``short_line``
        characters, the closing mark aside) stands inside another line of the body and goes
        on there (大涧学校。 over "大涧学校校长…"), as a caption names the place or person the
        picture shows. A sentence is said once; quoted again it closes where it closed."""
        text = self.lines[i].text.rstrip()
        while text and (text[-1] in self.c.closers or text[-1] in self.s["statement_end"]):
            text = text[:-1]
        if not 2 <= len(text) <= self.s["short_line"]:
            return False
        stops = self.c.sentence_end | self.c.closers | frozenset(self.s["statement_end"])
        for k in range(self.body_start, self.end + 1):
            if k == i or self.f[k].ruled:
                continue
            other = self.lines[k].text
            at = other.find(text)
            while at >= 0:
                after = other[at + len(text):at + len(text) + 1]
                if after and after not in stops:
                    return True
                at = other.find(text, at + 1)
        return False

    def is_heading(self, i: int) -> bool:
        """A short label inside the body followed by body text (or by up to two more labels
        and then body text: a kicker and a heading), not part of a run of labels. A numbered
        note in brackets ("(1) Footfall report 2014, Springboard", "[2] ...") is no heading."""
        f = self.f[i]
        # (a rule for other zones only names no heading: a live post's heading with its time glued
        # on, "20:15 IEC extends voting hours", is a key-events item's only outside the body)
        if f.ruled and self.rule_in(i, "body") is not None:
            return False
        if f.date or f.seps > 1 or f.n > self.s["heading_max"] or f.commas > 1:
            return False
        if _NOTE_NUMBER.match(self.lines[i].text):
            return False
        if not self.headed(i):
            return False
        labels = 0
        for j in range(i + 1, min(self.end + 1, i + 8)):
            g = self.f[j]
            if g.ruled and g.rule.reason == "caption":
                continue
            if g.prose and not g.ruled:
                return True
            labels += 1
            if labels > 2 or g.ruled or g.date or g.n > self.s["heading_max"]:
                return False
        return False

    def photo_credit(self, k: int) -> bool:
        """Whether line ``k`` is a photo's credit as the rules drop it (圖／ 某某攝影, （图/X）,
        图片来源：X, 张某 摄): a short caption line, no sentence, that names its source after a
        slash or a bar, in brackets, with the language's ``credit_mark``, or after a colon in a
        few words (图注：… is the caption itself; a
        scene's caption, 与会嘉宾现场交流, names no one)."""
        g = self.f[k]
        if g.rule is None or g.rule.reason != "caption" or g.sent or g.n > self.s["caption_max"]:
            return False
        text = self.lines[k].text.strip()
        if _SENTENCE_INSIDE.search(text):
            return False  # a caption of its own with the credit after it (某某最後一晚。 記者某某 攝)
        at = max(text.find("："), text.find(":"))
        if at >= 0:
            return len(text) - at - 1 <= self.s["short_line"]
        mark = self.c.credit_mark
        return bool(_CREDIT_MARK.search(text)) or (mark is not None and mark.search(text) is not None)

    def credit_caption_like(self, k: int) -> bool:
        """Whether line ``k`` in the body could be a photo's caption standing by its credit: a
        line no rule names, no longer than a headline, no prose (a subhead may end on ！ or
        ？, a caption does not), no numbered subhead, not running on to the lines under it."""
        if not self.body_start <= k <= self.end or k == self.title:
            return False
        g, ln = self.f[k], self.lines[k]
        if g.ruled or g.prose or g.date or g.n < 2 or g.n > self.s["title_max"]:
            return False
        if not self.headed(k) or _NUMBERED.match(ln.text) or ln.text.rstrip()[-1:] in "—-－~～…":
            return False  # a numbered subhead; a line going on under it (分别是——)
        return ln.action in ("keep", "heading") or (ln.action == "drop" and ln.reason is None)

    def sentence_caption(self, k: int, longest: int = 40) -> bool:
        """Whether line ``k`` could be a photo's caption of one sentence standing by its credit
        (2023年10月，法国里昂一所大学校园内的学生。 / © 法新社 - Jean Roe, a bare credit: ``_BARE_CREDIT``): a kept line in the body no
        rule names, one sentence (its only mark closing it), no longer than ``longest``, not under
        a sentence it goes on from. A page whose credits stand over their captions has the
        caption under the credit (checked by ``credit_captions``: the line under it is no such
        sentence)."""
        if not self.body_start <= k <= self.end or k == self.title:
            return False
        g, ln = self.f[k], self.lines[k]
        text = ln.text.strip()
        return (ln.action == "keep" and not g.ruled and g.sent and 6 <= g.n <= longest
                and _SENTENCE_INSIDE.search(text) is None and self.c.heading_needs is not None
                and not text.startswith(("“", "「", '"')))

    def credit_captions(self) -> None:
        """A photo's caption printed by its credit line (某某發表新一代處理器 / 圖／ 業者提供): a
        short line no rule names, right over the credit, is the caption, not a subhead (a
        subhead is followed by its own section's text; one over a picture with a caption has
        the caption between it and the credit), and it is longer than every subhead of the
        page: a subhead over a picture that has only a credit (续航难题待解 / 图片来源：X) is as
        short as the page's other subheads. A short line right under a credit is left
        alone: a subhead after a picture stands there as a caption printed under its credit
        would. A caption of one sentence over its credit drops too (``sentence_caption``), unless
        a line of that shape stands under the credit as well (the credit is that one's)."""
        credits = [k for k in range(self.body_start, self.end + 1) if self.photo_credit(k)]
        if not credits:
            return
        for k in credits:
            if (_BARE_CREDIT.match(self.lines[k].text) and self.sentence_caption(k - 1)
                    and not self.sentence_caption(k + 1)):
                self.lines[k - 1].decide("drop", "caption")
        over = {k - 1 for k in credits if self.credit_caption_like(k - 1)}
        if not over:
            return
        # the page's own subheads, those over no credit: a line over a credit no longer than
        # the longest of them reads as one more (a subhead over a picture with no caption)
        # (a feature's first subhead may stand under the headline's date, over the body; a dek
        # under the headline is no subhead of the article's sections)
        first = self.meta_after + 1 if self.title is not None and self.meta_after > self.title else self.body_start
        longest = max((self.f[k].n for k in range(first, self.end + 1)
                       if self.lines[k].action == "heading" and k not in over), default=0)
        for k in sorted(over):
            if self.f[k].n > longest:
                self.lines[k].decide("drop", "caption")

    def caption_pairs(self) -> None:
        """A photo's caption with no credit right under another picture's caption (活动现场 /
        志愿者们积极向市民宣传金融知识: two pictures one under the other, each captioned): a line
        kept as the body's only subhead, at least a label long (``short_line``), not numbered,
        between a paragraph and a bare caption a rule names (a scene's words: no sentence or clause
        mark, no credit, ending on a Han character), is the second picture's caption. A page in sections
        prints several subheads, each over its section's text; one alone may follow a picture
        whose caption closes with its credit or a full stop (资料图：X。中新社记者 X 摄 / 游客蜂拥
        前往黄鹤楼), and a short label (专家解读) stays. Only for a language whose bare captions
        are judged."""
        if self.c.predicate is None:
            return
        lines, f = self.lines, self.f
        heads = [k for k in range(self.body_start, self.end + 1) if lines[k].action == "heading"]
        if len(heads) != 1:
            return
        k = heads[0]
        cap = f[k - 1].rule if k > self.body_start else None
        if (cap is None or cap.reason != "caption" or lines[k - 1].reason != "caption" or k + 1 > self.end
                or not _HAN_LAST.search(lines[k - 1].text) or self.c.marks.search(lines[k - 1].text)
                or self.photo_credit(k - 1)
                or f[k].ruled or f[k].n < self.s["short_line"] or _NUMBERED.match(lines[k].text)
                or lines[k + 1].action != "keep" or not f[k + 1].prose):
            return
        lines[k].decide("drop", "caption")

    def file_names(self) -> None:
        """An image's file name left alone on its line where the picture stood (副本2.jpg,
        IMG_2316): no text of the article, however long, whatever the engine made of it (a short
        line in the body reads as a subhead)."""
        lines = self.lines
        for k in range(self.body_start, self.end + 1):
            if lines[k].kept and not self.f[k].ruled and _FILE_NAME.match(lines[k].text.strip()):
                lines[k].decide("drop", "caption")

    def head_end(self) -> int:
        """Where the page's head ends: the headline, else the body's first line."""
        return self.title if self.title is not None else self.body_start

    def head_date_lines(self) -> list[int]:
        """The lines over the head's end that a date rule (meta: published) names, whatever was
        decided for them (``letter_dates``, ``issue_dates``)."""
        f = self.f
        return [k for k in range(self.head_end()) if f[k].rule is not None
                and f[k].rule.action == "meta" and f[k].rule.reason == "published"]

    def letter_dates(self) -> None:
        """A date alone right under a notice's signature over the headline (某某中學 謹啟 /
        2024年4月17日): the day the notice was signed, not the article's; dropped with the notice
        so that the page's own date (or none) is read."""
        lines, f = self.lines, self.f
        for k in self.head_date_lines():
            if k == 0 or lines[k].action != "meta":
                continue
            j = k - 1
            while j > 0 and not lines[j].text.strip():
                j -= 1
            if f[j].ruled and lines[j].action == "drop" and _SIGN_OFF.search(lines[j].text.strip()):
                lines[k].decide("drop", "other")

    def issue_dates(self) -> None:
        """A date line over the headline, too far from it to count, right next to an e-paper's page
        label (2024年06月27日 星期四 / 第05版：城市): the issue's date, the article's publication
        date, kept as metadata. A bare date elsewhere in a header is today's date in a banner."""
        lines, f = self.lines, self.f
        stop = self.head_end()
        for k in self.head_date_lines():
            if lines[k].action != "drop" or f[k].n > 24:
                continue
            near = [j for j in (k - 1, k + 1) if 0 <= j < stop]
            if any(_PAGE_LABEL.match(lines[j].text.strip()) for j in near):
                lines[k].decide("meta", "published")

    def file_name_captions(self) -> None:
        """A picture's caption printed under the picture's file name (IMG_2316 / 約200呎的店舖位於
        某道。): a kept line right under a dropped line that is an image's file name
        (``_FILE_NAME``: the camera's name, IMG_2316, DSC_0412, or a name with an image's
        extension, photo-3.jpg), one sentence no longer than ``long_line``, ending as a
        statement does (a subhead is no statement). Only for a language whose bare captions are judged (a ``predicate``
        pattern): the file name alone says a picture stood there, not that a paragraph under
        it is no caption; a long paragraph is the article's."""
        if self.c.predicate is None:
            return
        lines, f = self.lines, self.f
        for k in range(self.body_start, self.end):
            g, text = f[k], lines[k].text.strip()
            if lines[k].action != "drop" or g.ruled or not _FILE_NAME.match(text):
                continue
            i = next((j for j in range(k + 1, min(self.end + 1, k + 3)) if f[j].n), None)
            if (i is None or lines[i].action != "keep" or f[i].ruled or f[i].n > self.s["long_line"]
                    or f[i].marks > 2 or _end_char(lines[i].text, self.c.closers) not in self.s["statement_end"]):
                continue
            body = self.c.sentence_end
            if any(ch in body for ch in lines[i].text.rstrip()[:-1]):
                continue  # two sentences: a paragraph
            lines[i].decide("drop", "caption")

    def caption_line(self, i: int) -> bool:
        """Whether line ``i`` has a gallery caption's shape: at most ``caption_max`` characters,
        one sentence at the most, Han text with nothing of ``not_caption`` (digits, clause
        marks, quotes: a key point's figures, a dialogue's lines), no number or bullet opening
        it (a section's or a list's), no rule naming it."""
        f, text = self.f[i], self.lines[i].text
        return (not f.ruled and 6 <= f.n <= self.s["caption_max"] and f.marks <= 1
                and (f.headline or self.short_statement(i))
                and not (self.c.not_caption and self.c.not_caption.search(text))
                and not _NUMBERED.match(text) and not _BULLET.match(text))

    def same_kind(self, ks: list[int]) -> bool:
        """Whether lines ``ks`` are all sentences or all labels: a photo set's captions are
        written alike; a subhead over a one-sentence paragraph is a feature's section."""
        return len({self.f[k].sent for k in ks}) == 1

    def gallery_run(self, start: int, shared: Any) -> list[int]:
        """The captions of a photo set printed between the headline's metadata and the body
        (a portal's picture story: 春日花海引游人 / date / 游客在花海中拍照留念 / 航拍视角下的万亩油菜花田
        / … / the first paragraph at ``start``): two or more lines of a caption's shape
        (``caption_line``) one under the other right over the body (perhaps with the set's
        counters, 1/4, and captions a rule names between them), a metadata line right over
        them and a headline candidate sharing words with the article (``shared``) over that.
        A feature's subheads each stand over their own paragraphs; a headline and its subhead
        under a date have no headline over the date (a site's name shares no word with the
        article). Only for a language whose bare captions are judged (a ``predicate`` pattern)."""
        if self.c.predicate is None:
            return []
        f = self.f
        run = []
        k = start - 1
        while k >= 0:
            g = f[k]
            if self.caption_line(k):
                run.append(k)
            elif not (g.ruled and g.rule.reason == "caption" or g.rule is None and not g.headed and g.n <= 8):
                break  # (a caption a rule names, with its credit, or a counter, 1/4, stands among them)
            k -= 1
        if len(run) < 2 or len(run) < 3 and f[run[0]].sent or not self.same_kind(run):
            return []  # (sentences three or more, as gallery_captions asks)
        m = k
        while m >= 0 and f[m].rule is not None and f[m].rule.action == "meta":
            m -= 1
        if (m == k or m < 0 or not f[m].headline or f[m].ruled or f[m].n < self.s["title_min"] + 3
                or shared(m) == 0):
            return []
        return run[::-1]

    def gallery_captions(self) -> None:
        """The captions of a photo set between the headline's metadata and the body (see
        ``gallery_run``), kept as subheads or short sentences, drop; a gallery's counters (1/4)
        between them are residue already. Not on a page whose body has subheads (a feature in
        sections); captions written as sentences only three or more (a lead may open with two
        short sentences, 山里的清晨来得早。/ 孩子们的读书声传出很远。), and the first paragraph under
        them is longer than a caption: a lead written in short lines is the article's."""
        if self.title is None or self.c.predicate is None:
            return
        lines, f = self.lines, self.f
        if self.meta_after <= self.title:
            return
        first = next((k for k in range(self.meta_after + 1, self.end + 1) if lines[k].action == "keep"
                      and f[k].prose and f[k].n > self.s["caption_max"]), None)
        if first is None:
            return
        kept = [k for k in range(self.meta_after + 1, first) if lines[k].action != "drop" or k in self.gallery]
        if (len(kept) < 2 or len(kept) < 3 and f[kept[0]].sent or not self.same_kind(kept)
                or not all((k in self.gallery or lines[k].action in ("keep", "heading")) and self.caption_line(k)
                           for k in kept)):
            return
        if any(lines[k].action == "heading" for k in range(first + 1, self.end + 1)):
            return  # a feature in sections: the lines over its first paragraph are its own
        for k in kept:
            lines[k].decide("drop", "caption")

    def interleaved_captions(self, least: int = 3) -> None:
        """A photo set's captions written as noun phrases between its short paragraphs, one
        under (or over) each paragraph (夏夜，黄浦江两岸灯火通明。 / 黄浦江上的游船。 / 入夜后，外滩…
        / 外滩的万国建筑群。 / …): ``bare_caption`` keeps a noun phrase among paragraphs shorter
        than ``long_line`` (a short article's own line), but ``least`` or more of them in the body,
        none next to another, each next to a paragraph that is no noun phrase, and no more of them
        than such paragraphs, are a picture story's captions, and drop. A short article's own
        one-liner (最好的时光。) stands alone; a dialogue, a list or a verse has quotes, digits or
        clause marks (``not_caption``). Only for a language whose bare captions are judged."""
        if self.title is None or self.c.predicate is None:
            return
        lines, f = self.lines, self.f
        body = [k for k in range(self.body_start, self.end + 1) if lines[k].action == "keep"]
        if len(body) < 4:
            return
        text = lines.__getitem__
        def noun(k: int) -> bool:
            t = text(k).text
            return (f[k].sent and not f[k].ruled and self.short_statement(k)
                    and not (self.c.not_caption and self.c.not_caption.search(t))
                    and self.c.predicate.search(t) is None)
        strict = [k for k in body if noun(k)]
        if not strict:
            return
        # the looser shape only where the pictures are plain: a caption a rule named (黄浦江上的
        # 游船。（摄影：李某）) or the set's counter (2/8) in the article; an essay's one-liners
        # (窗外的梧桐树。 / 母亲在厨房做饭。) stay
        loose = self.c.set_caption if any(
            lines[k].action == "drop" and lines[k].reason == "caption" or _SET_COUNT.match(text(k).text)
            for k in range(self.title + 1, self.end + 1)) else None

        def cap(k: int) -> bool:
            """A bare caption, or one of the set's looser shape (外滩的万国建筑群。)."""
            return noun(k) or (loose is not None and f[k].sent and not f[k].ruled and self.short_statement(k)
                               and loose.match(text(k).text.strip()) is not None)
        caps = [k for k in body if cap(k)]
        if len(caps) < least and not (len(caps) >= 2 and all(
                k > 0 and _SET_COUNT.match(text(k - 1).text) for k in caps)):
            return  # (two, each right under the set's counter over its picture: 2/8)
        if 2 * len(caps) > len(body):
            return
        at = {k: n for n, k in enumerate(body)}
        for k in caps:
            n = at[k]
            near = [body[m] for m in (n - 1, n + 1) if 0 <= m < len(body)]
            if any(cap(m) for m in near) or not any(f[m].prose and not cap(m) for m in near):
                return  # two captions in a row, or none next to a paragraph: no photo story
        for k in caps:
            lines[k].decide("drop", "caption")

    def person_captions(self) -> None:
        """A photo's caption naming the one person it shows (``settings.person_caption``: 张某某,
        市民张某某, 张某某近照, 张某某在田间查看长势), alone between two kept paragraphs, one of which
        names that person (张某某今年62岁…): a short line kept as a heading or a sentence. Not when
        another line of the body is such a name (a list of profiles, an interview's speakers, each
        over their part); without a caption's own words (the pattern's groups ``role`` and
        ``photo``) only as the body's one heading (a subhead of three characters may open as a
        surname does: 周边游 over a paragraph about it; a feature's subhead may name a person:
        致敬张某某)."""
        pat = self.c.person_caption
        if pat is None:
            return
        lines, f = self.lines, self.f
        found = []
        headings = 0
        for k in range(self.body_start + 1, self.end):
            if lines[k].action == "heading":
                headings += 1
            if (lines[k].action in ("heading", "keep") and not f[k].ruled
                    and f[k].n <= self.s["caption_max"]):
                m = pat.match(lines[k].text.strip())
                if m is not None:
                    found.append((k, m))
        if len(found) != 1:
            return
        k, m = found[0]
        name = m.group("name")
        named = {g for g, v in m.groupdict().items() if v}
        if not named & {"role", "photo"} and (headings != 1 or lines[k].action != "heading"):
            return  # a name alone, or with words a subhead may hold: the body's one heading only
        prev, nxt = lines[k - 1], lines[k + 1]
        if not (prev.action == "keep" and nxt.action == "keep" and f[k - 1].prose and f[k + 1].prose):
            return
        if name in prev.text or name in nxt.text:
            lines[k].decide("drop", "caption")

    def repeated_captions(self) -> None:
        """A photo caption the page prints twice (under the photo and again in a gallery or a
        second copy of the picture): a kept heading inside the body, headline-length and not
        numbered, whose very text stands exactly twice in the body, neither copy next to the
        other. A subhead is printed once; a short label repeated (a speaker in an interview)
        is shorter than a headline line."""
        lines, f = self.lines, self.f
        where: dict[str, list[int]] = {}
        for k in range(self.body_start, self.end + 1):
            if f[k].n >= self.s["short_line"] and not f[k].ruled:
                where.setdefault(lines[k].text, []).append(k)
        for text, ks in where.items():
            if (len(ks) != 2 or ks[1] - ks[0] < 3 or _NUMBERED.match(text)
                    or not all(lines[k].action == "heading" for k in ks)):
                continue
            for k in ks:
                lines[k].decide("drop", "caption")
        self.repeated_short_captions(where)

    def carousel_captions(self, least: int = 3, most: int = 12, clones: int = 2) -> None:
        """A slider's captions: ``least`` to ``most`` short lines, one under the other, whose
        first lines stand again right after the last one, in the same order (a carousel prints
        its first slides again after the last, or its last ones before the first, as clones
        for its endless turn: 甲 / 乙 / 丙 / 丁 / 甲 / 乙). ``clones`` lines or more come again;
        each line is kept and no longer than two prose lines (``long_line``), or dropped already
        (a caption a rule named). An article says its lines once; a refrain repeats one or two."""
        lines, f = self.lines, self.f
        limit = 2 * self.s["long_line"]
        # each short kept line's text, where it stands: a clone is a text standing twice close by
        seen: dict[str, int] = {}
        pairs = []
        for k, ln in enumerate(lines):
            if ln.kept and f[k].n <= limit:
                j = seen.get(ln.text)
                if j is not None and least <= k - j <= most:
                    pairs.append((j, k))
                seen[ln.text] = k
        done = -1
        for s, k in pairs:
            p = k - s
            if s <= done:
                continue
            e = k
            while e < len(lines) and lines[e].text == lines[e - p].text:
                e += 1
            if e - k < clones or len({lines[j].text for j in range(s, k)}) < p:
                continue
            run = range(s, e)
            if not all(lines[j].action == "drop" or lines[j].kept and f[j].n <= limit and not f[j].ruled
                       for j in run):
                continue
            for j in run:
                if lines[j].kept:
                    lines[j].decide("drop", "caption")
            done = e - 1

    def labelled_captions(self, least: int = 2) -> None:
        """A photo's caption under the place label the page's other captions open with (紅磡街市：
        廢物堆放在街市，無人清理。 where ``least`` or more captions, dropped for their credit, open
        with 紅磡街市：): a short kept line (one sentence, two captions long at the most) under that
        label is one of them. An interview's speaker (张某：) labels no two credited captions."""
        lines, f = self.lines, self.f
        labels: dict[str, int] = {}
        for ln in lines:
            if ln.action == "drop" and ln.reason == "caption" and (m := _CAPTION_LABEL.match(ln.text)):
                labels[m[1]] = labels.get(m[1], 0) + 1
        labels = {k: n for k, n in labels.items() if n >= least}
        if not labels:
            return
        ends = self.s["sentence_end"]
        for k in range(self.body_start, self.end + 1):
            ln = lines[k]
            if (ln.action == "keep" and not f[k].ruled and f[k].n <= 2 * self.s["caption_max"]
                    and (m := _CAPTION_LABEL.match(ln.text)) and m[1] in labels
                    and not any(ch in ends for ch in ln.text.rstrip(ends))):
                ln.decide("drop", "caption")

    def toc_entries(self) -> None:
        """A table of contents under its header (``settings.toc_header``: 索引, 目錄, Table of
        contents), which a rule dropped: the kept lines right under it, each a copy of another
        kept line of the page (the article's subhead it links to), are its entries and drop as
        navigation. A line the page says once is the article's, and ends the run."""
        pat = self.c.toc_header
        if pat is None:
            return
        lines = self.lines
        heads = [i for i, ln in enumerate(lines) if ln.action == "drop" and pat.match(ln.text.strip())]
        if not heads:
            return
        count = Counter(ln.text for ln in lines if ln.kept)
        for i in heads:
            j = i + 1
            while j < len(lines) and lines[j].kept and count[lines[j].text] >= 2:
                count[lines[j].text] -= 1
                lines[j].decide("drop", "nav")
                j += 1

    def event_dates(self) -> None:
        """A date line with an event's fields right under it (``settings.event_field``: 日期：9月9日 /
        時間：上午9時30分至下午5時 / 地點：…, an exhibition's box under the article) gives the event's
        day, not the page's: it goes with the field under it (kept with a kept box, dropped with a
        dropped one) instead of to metadata. Only under the body's first line: the page's own date
        line stands over the body."""
        pat = self.c.event_field
        if pat is None:
            return
        lines = self.lines
        for i in range(self.body_start + 1, len(lines) - 1):  # (under the body's first line: a page's own
            ln, nxt = lines[i], lines[i + 1]                   # date line stands over it)
            if ln.action == "meta" and ln.reason == "published" and nxt.action != "meta" and pat.match(nxt.text.strip()):
                ln.decide(nxt.action if nxt.action != "title" else "keep", nxt.reason)

    def list_heads(self, least: int = 3, most: int = 3) -> None:
        """The first items of a list of other stories under the article with no header over it,
        kept as the article's last lines (a subhead, a headline asking a question: “计件反腐”是
        指标思维下的政绩阴谋 / 河南反贪…能否"计件反腐"?) over ``least`` or more headlines the engine
        dropped by their place (no rule named them): up to ``most`` headline-shaped lines right over the run, under the
        article's last paragraph (a line ending a sentence with 。), no line among them ending so,
        drop with the run. An article's closing question stands under its own paragraph, not over
        a list."""
        lines, f = self.lines, self.f
        ends = "。．.！!"
        for k in range(self.body_start + 1, min(self.end + 2, len(lines))):
            run = 0
            while k + run < len(lines) and lines[k + run].action == "drop" and lines[k + run].reason in (None, "related") \
                    and f[k + run].headline and not f[k + run].ruled:
                run += 1
            if run < least or lines[k - 1].action not in ("keep", "heading"):
                continue
            heads = []
            j = k - 1
            while (j > self.body_start and len(heads) < most and lines[j].action in ("keep", "heading")
                   and f[j].headline and not f[j].ruled and lines[j].text.rstrip()[-1:] not in ends):
                heads.append(j)
                j -= 1
            if (not heads or j <= self.body_start or lines[j].action != "keep" or not f[j].prose
                    or lines[j].text.rstrip()[-1:] not in ends
                    or len(heads) == 1 and lines[heads[0]].text.rstrip()[-1:] in "？?"):
                continue  # (a question alone over the list: the article's closing one)
            for h in heads:
                lines[h].decide("drop", "related")
            return

    def quote_widgets(self) -> None:
        """A share price widget between paragraphs: the stock's code or ticker alone on its line
        and its move under it (600519 / 贵州茅台 / +1.52%, AAPL / -2.05%), perhaps with the
        company's short name between them; all of it drops as navigation. A subhead is words,
        never over a figure alone."""
        lines = self.lines
        for i in range(len(lines) - 1):
            code = lines[i].text.strip()
            if len(code) > 9 or not _QUOTE_CODE.match(code):  # (a code or a ticker is 9 characters at most)
                continue
            k = i + 1
            if k < len(lines) and not _QUOTE_MOVE.match(lines[k].text.strip()) and len(lines[k].text.strip()) <= 8:
                k += 1  # (the company's short name between the code and the move)
            if k >= len(lines) or not _QUOTE_MOVE.match(lines[k].text.strip()):
                continue
            for j in range(i, k + 1):
                if lines[j].action != "title" and lines[j].action != "meta":
                    lines[j].decide("drop", "nav")

    def repeated_short_captions(self, where: dict[str, list[int]]) -> None:
        """A caption sentence printed under each photo (茶园风光由受访者提供。): one short
        sentence (``short_statement``) standing two or more times in the body, no copy next
        to another, between paragraphs that differ (a page printed twice repeats its
        neighbours too). An article says a sentence once. Only for a language whose bare
        captions are judged (a ``predicate`` pattern), where a sentence this short repeated is
        no reply in a transcript."""
        if self.c.predicate is None:
            return
        lines = self.lines

        def around(k: int) -> tuple[str, str]:
            return (lines[k - 1].text if k > 0 else "", lines[k + 1].text if k + 1 < len(lines) else "")

        for text, ks in where.items():
            if (len(ks) < 2 or any(b - a < 2 for a, b in zip(ks, ks[1:]))
                    or not all(lines[k].action == "keep" and self.short_statement(k) for k in ks)):
                continue
            if self.c.predicate.search(text) and not _CREDIT_WORD.search(text):
                continue  # a sentence (也是影响最大的一段。) said twice is the article's, unless it credits a picture
            sides = [around(k) for k in ks]
            if any(a[0] == b[0] or a[1] == b[1] for a, b in zip(sides, sides[1:])):
                continue
            for k in ks:
                lines[k].decide("drop", "caption")

    def related_lists(self) -> None:
        """The items of a list under a related header inside the body (no longer than a
        heading, and closing the article or no sentence: "Related Stories", 相关推荐):
        headline lines, names, and the summary right under an item's headline, however long.
        The list runs to the next closing rule or to where the article resumes: two prose
        lines in a row that together weigh as paragraphs do (``resumes``), a sentence under
        no headline, or one the page broke across lines (``Features.open``: no headline stops on
        "a" or "the"), so a header that only looks like one drops alone. A ruled line in the
        list keeps its rule's decision (a byline stays metadata); a kept heading right over
        the resumed text is the article's own."""
        lines, f = self.lines, self.f
        box = self.rs.pattern("box_header")
        for k in range(self.body_start, self.end + 1):
            r = f[k].rule
            if (r is None or r.reason != "related" or lines[k].action != "drop"
                    or f[k].n > self.s["heading_max"] or not (r.ends or not f[k].prose)):
                continue
            items: list[int] = []
            # a header holding its own link ("延伸閱讀：X", "Read more: X") heads no list past its block
            inline = _INLINE_ITEM.match(lines[k].text) is not None
            for j in range(k + 1, self.end + 1):
                g = f[j]
                if g.rule is not None and g.rule.ends:
                    break
                if inline and lines[j].block != lines[k].block:
                    break
                if (not r.ends and j > k + 1 and lines[j].block not in (lines[k].block, lines[k + 1].block)
                        and box is not None and box.match(lines[k].text)):
                    break  # a box's header that closes nothing heads its own block or the next (相关 / X)
                if items and _ONE_LINK_HEADER.match(lines[k].text):
                    break  # a header naming one story ("Related Article") heads one link
                if (j == k + 1 and not inline and lines[j].block == lines[k].block and not g.ruled
                        and g.n <= 2 * self.s["heading_max"] and not lines[k].text.rstrip().endswith((":", "："))
                        and (j + 1 > self.end or lines[j + 1].block != lines[j].block)):
                    # a header over its one link in its own block ("Related article" / "Can the island
                    # keep the lights on?"): the link, however it ends
                    items.append(j)
                    break
                if (items and items[-1] == j - 1 and self.head_of_story(j)
                        and not in_separated_list(lines, j - 1)):
                    items.pop()  # the article's headline, under the list, over its byline block
                    break
                if g.ruled:
                    continue
                if (one_block_list(lines, items, j)
                        and (not g.prose and j + 1 <= self.end and self.f[j + 1].prose and not self.f[j + 1].ruled
                             and self.f[j + 1].n >= self.s["long_line"]
                             or g.sent and g.n >= self.s["long_line"] and g.commas >= 1)):
                    # the list printed as one block, then a subhead over a paragraph, or a paragraph
                    # of its own: the article resumes
                    break
                if g.prose and (g.open or self.resumes(j) or self.under_bare_list(items, j) or not items or items[-1] != j - 1
                                or self.lines[j].text.rstrip().endswith((":", "："))  # (a lead-in to the article's own list)
                                or not self.headline_like(j - 1) or _ARROW_ITEM.match(lines[j - 1].text)
                                or len(items) == 1 and self.not_summary(k, j)) \
                        and not self.list_tail(items, j):
                    # the article resumes: a paragraph, or a sentence under no item's headline
                    if (items and items[-1] == j - 1 and lines[j - 1].action == "heading"
                            and self.on_topic(j - 1, k, j) and not self.ranked_sibling(items)):
                        items.pop()
                    break
                items.append(j)
            for j in items:
                if lines[j].kept:
                    lines[j].decide("drop", "related")

    def bare_name(self, i: int) -> bool:
        """Whether line ``i`` is a short name alone: no rule, no prose, no digit, two to four
        words each capitalised (a script written with spaces), a name once the rules strip what is none."""
        f, text = self.f[i], self.lines[i].text.strip()
        words = text.split()
        return (not f.ruled and not f.prose and 2 <= len(words) <= 4 and len(text) <= 40
                and all(w[:1].isupper() for w in words) and not any(ch.isdigit() for ch in text)
                and bool(split_names(text, self.rs)))

    def head_of_story(self, j: int, reach: int = 3) -> bool:
        """Whether the metadata lines from line ``j`` on are a story's byline block: a date and a
        byline (an item of a list may carry its date, seldom its writer too), then, within
        ``reach`` lines past them, a paragraph ("Top Stories" / ... / "Apple updates MacPros and
        Xserves" / "9th January 2008" / "Danny Gorog" / the lead)."""
        f, n, kinds = self.f, len(self.f), set()
        k = j
        # (by its rule, or as the page's decisions read it: a name alone under the date)
        while k < n and (f[k].rule is not None and f[k].rule.action == "meta" or self.lines[k].action == "meta"):
            kind = f[k].rule.reason if f[k].rule is not None else self.lines[k].reason
            if not (kind == "byline" and _HANDLE.match(self.lines[k].text.strip())):
                kinds.add(kind)  # (a social handle alone, @janedoe, names no story's writer)
            k += 1
        if "published" in kinds and "byline" not in kinds and k < n and self.bare_name(k):
            kinds.add("byline")  # the writer's name alone under the date
            k += 1
        if not {"published", "byline"} <= kinds:
            return False
        return any(f[m].prose and not f[m].ruled for m in range(k, min(n, k + reach)))

    def not_summary(self, header: int, j: int) -> bool:
        """Whether the sentence at line ``j``, right under an item's headline in a list under
        ``header``, is the article resuming rather than the item's summary: it shares no long word
        (``_topic_tokens``) with the headline over it, which shares none with the body over the
        header, and it shares one with that body (a "Trending" box of one headline injected between
        two paragraphs: "Pilot dies after light aircraft crash" / "Officers were called to the
        shopping centre ..."), and under it the text goes on (prose, a ruled line, the body's end),
        not the list (a next item's headline or its writer's name). A summary speaks of its own
        headline's story.

        (Only asked of a sentence right under the first headline in such a list.)"""
        if j + 1 <= self.end and not (self.f[j + 1].prose or self.f[j + 1].ruled):
            return False
        said = _topic_tokens(self.lines[j].text)
        head = _topic_tokens(self.lines[j - 1].text)
        if not said or said & head:
            return False
        body = self.body_over(header, kept=True)
        return not any(t in body for t in head) and any(t in body for t in said)

    def on_topic(self, i: int, header: int, resumed: int, least: int = 5) -> bool:
        """Whether line ``i`` speaks of the article's things: one of its runs of three Han
        characters or long words is in the body over ``header`` or in the two lines from
        ``resumed`` (a subhead names them; a hot list's headline names other stories'). A line
        of fewer than ``least`` such tokens says too little to tell (a short subhead, "... and
        automobiles"), and counts as on topic."""
        ours = _topic_tokens(self.lines[i].text)
        if len(ours) < least:
            return True
        text = "\n".join([self.body_over(header), *(ln.text.lower() for ln in self.lines[resumed:resumed + 2])])
        return any(t in text for t in ours)

    def body_over(self, header: int, kept: bool = False) -> str:
        """The body's text over line ``header``, lowercased, a line to a line (only its kept
        lines with ``kept``), for the topic checks (``on_topic``, ``not_summary``)."""
        return "\n".join(ln.text for ln in self.lines[self.body_start:header] if ln.kept or not kept).lower()

    def numbered_runs(self, least: int = 3) -> list[tuple[list[int], list[range], Counter[str]]]:
        """Lists the article itself is made of: items numbered in sequence (1、X, 2、X, 3、X ...;
        one number may be missing, a typo), ``least`` or more, each with lines of its own under
        it (its prices, hours, phone: 成人票原价：165元, 游客咨询电话：58036000), at least half of
        them more than a date. A related list's headlines stand one under the other, or with
        only a date between them. Per list: its items' lines, the lines under each, and how
        many items each field label (``_field_label``) comes back in. Read from the lines'
        text alone (the core's weights need it), once per page.
        (Case: tests/cases/residue/numbered_list_article.page.)"""
        if self._numbered is not None:
            return self._numbered
        self._numbered = found = []
        lines, f = self.lines, self.f
        items = [(k, int(m.group(1))) for k, ln in enumerate(lines)
                 for m in [_ITEM_NUMBER.match(ln.text)] if m is not None]
        if len(items) < least:
            return found
        runs: list[list[tuple[int, int]]] = []
        for k, num in items:
            run = next((r for r in runs if 1 <= num - r[-1][1] <= 2 and k - r[-1][0] >= 2), None)
            if run is not None:
                run.append((k, num))
            elif num == 1:
                runs.append([(k, num)])
        for run in runs:
            if len(run) < least:
                continue
            starts = [k for k, _ in run]
            blocks = [range(a + 1, b) for a, b in zip(starts, starts[1:])]
            labels = [{_field_label(lines[j].text) for j in block} - {None} for block in blocks]
            seen = set().union(*labels)
            last = starts[-1] + 1  # the last item's lines: labels its siblings had, or prose
            while last < len(lines) and (f[last].prose and not f[last].ruled or _field_label(lines[last].text) in seen):
                last += 1
            blocks.append(range(starts[-1] + 1, last))
            labels.append({_field_label(lines[j].text) for j in blocks[-1]} - {None})
            detailed = sum(any(f[j].n >= 8 and not f[j].date for j in block) for block in blocks)
            if 2 * detailed >= len(blocks):
                found.append((starts, blocks, Counter(x for ls in labels for x in ls)))
        return found

    def numbered_items(self, least: int = 3) -> None:
        """Inside the body, a list the article is made of (``numbered_runs``): its items are
        headings and the lines under them kept, rules' lines too when their label comes back in
        ``least`` items or more (each attraction's phone line is no footer)."""
        lines, f, lo, hi = self.lines, self.f, self.body_start, self.end
        for starts, blocks, count in self.numbered_runs(least):
            for k, block in zip(starts, blocks):
                if not lo <= k <= hi:
                    continue
                if not lines[k].kept and f[k].rule is None:
                    lines[k].decide("heading")
                for j in block:
                    if j <= hi and not lines[j].kept and (f[j].rule is None or count[_field_label(lines[j].text)] >= least):
                        lines[j].decide("keep")

    def related_siblings(self) -> None:
        """A list of labelled related links is one unit: a kept line among three in a row that
        open with the same short label ("Read more: X", 延伸阅读：X) goes with the other two when
        both are dropped as related (the one a rule missed, ending in a question mark or a full
        stop, is a link like its siblings)."""
        lines = self.lines
        related = [ln.action == "drop" and ln.reason == "related" for ln in lines]
        if sum(related) < 2:
            return  # a decision needs two related lines already there
        labels: dict[int, str | None] = {}

        def label(k: int) -> str | None:
            if k not in labels:
                labels[k] = _link_label(lines[k].text)
            return labels[k]

        last = len(lines) - 1
        for i, ln in enumerate(lines):
            # every window of three around line i holds line i-1 or line i+1
            if not (i > 0 and related[i - 1] or i < last and related[i + 1]):
                continue
            if not ln.kept or ln.action == "title":
                continue
            for a in range(max(0, i - 2), min(i, len(lines) - 3) + 1):
                others = [k for k in range(a, a + 3) if k != i]
                if all(related[k] for k in others) and label(i) is not None \
                        and all(label(k) == label(i) for k in others):
                    ln.decide("drop", "related")
                    related[i] = True
                    break

    def writer_tagline(self) -> None:
        """A writer's tagline under the byline that closes the article: the page's last kept line,
        one short sentence under a byline line that stands after the body's text, that speaks of
        the writer's trade (天生火爆，繼續盡力發聲做記者。). The article ended at the byline."""
        lines, f = self.lines, self.f
        last = next((k for k in range(len(lines) - 1, self.body_start, -1) if lines[k].kept), None)
        if last is None or f[last].n > self.s["heading_max"] or f[last].ruled or not f[last].sent:
            return
        k = last - 1
        while k > self.body_start and not lines[k].kept and not (lines[k].action == "meta"
                                                                 and lines[k].reason == "byline"):
            k -= 1
        if not (lines[k].action == "meta" and lines[k].reason == "byline"):
            return
        if self.last_prose(k - 1, self.body_start) is None or not _WRITER_WORD.search(lines[last].text):
            return
        lines[last].decide("drop", "other")

    def about_box(self) -> None:
        """An organisation's "about" box printed after a press release: the page's last kept lines
        are a heading that names the body's profile (某某基金會簡介, 关于某某) and, under it, one to
        three paragraphs whose first tells when the body was founded or what kind of body it is.
        It is the page's footer, not the article, where the body's text stands above the heading."""
        lines, f = self.lines, self.f
        kept = [k for k in range(self.body_start, len(lines)) if lines[k].kept]
        if len(kept) < 4:
            return
        for j in range(len(kept) - 2, max(len(kept) - 5, 1), -1):
            h = kept[j]
            if not _ABOUT_HEAD.match(lines[h].text) or f[h].n > self.s["heading_max"]:
                continue
            if not _ABOUT_OPEN.match(lines[kept[j + 1]].text):  # (the heading may be printed again before it)
                continue
            if sum(1 for k in kept[:j] if f[k].prose and not f[k].ruled) < 2:
                return  # the body is the profile: an "about us" page
            for k in kept[j:]:
                lines[k].decide("drop", "footer")
            return

    def list_tail(self, items: list[int], j: int) -> bool:
        """Whether the sentence at line ``j`` is the last blurb of a sidebar list rather than
        the article resuming: the list already holds ``_SIDEBAR_ITEMS`` headlines, the line
        follows an item directly (a name, a label under a headline), and no prose follows it
        in the body (an article that resumes after a sidebar goes on for more than a line)."""
        if not items or items[-1] != j - 1:
            return False
        if sum(1 for k in items if self.headline_like(k)) < _SIDEBAR_ITEMS:
            return False
        return not any(self.f[k].prose and not self.f[k].ruled for k in range(j + 1, self.end + 1))

    def ranked_sibling(self, items: list[int]) -> bool:
        """Whether the list's last item is numbered as the item over it is (1 X / 2 Y / 3 Z, a
        hot list's ranks): one of the list, no subhead of the article.

        >>> bool(_RANK.match("3 高温天气持续")), bool(_RANK.match("2024年的目标"))
        (True, False)
        """
        return len(items) >= 2 and all(_RANK.match(self.lines[i].text) for i in items[-2:])

    def under_bare_list(self, items: list[int], j: int) -> bool:
        """Whether the sentence at line ``j``, right under a list of two or more bare headlines
        (a hot list between paragraphs: 阅读排行 / 1 X / 2 Y / 3 Z), is the article resuming
        rather than the last item's summary: no item over it has a summary (a list that gives
        summaries gives each item one) and more prose follows it in the body, as the article's
        short paragraphs (面对民警，该男子承认… / 目前，该男子已被…) go on under the list."""
        if len(items) < 2 or items[-1] != j - 1 or j + 1 > self.end:
            return False
        g = self.f[j + 1]
        return g.prose and not g.ruled and not any(self.f[i].prose for i in items)

    def resumes(self, j: int) -> bool:
        """Whether the article's text resumes at line ``j``: it and the next line are prose no
        rule names, weighing together at least ``_RESUME_WEIGHT`` (paragraphs, not a list's
        summary lines)."""
        if j + 1 > self.end:
            return False
        f, g = self.f[j], self.f[j + 1]
        return (f.prose and not f.ruled and g.prose and not g.ruled
                and f.weight + g.weight >= _RESUME_WEIGHT)

    def name_residue(self) -> None:
        """Give dropped lines that no rule named a reason from their surroundings: the
        section header above them (after a comments header: comments), a run of
        headline-like lines (related), else nav."""
        section: str | None = None
        end = self.end
        # a live blog's time stamps over its posts (09:30 / 发布会开始。 / 09:32 / …), two or more,
        # from under the headline to the article's end, one inside the body at least
        first = self.body_start if self.title is None else self.title + 1
        stamps = {k for k in range(first, end + 1) if self.f[k].date and _TIME_ALONE.match(self.lines[k].text)}
        if not any(k >= self.body_start for k in stamps) or len(stamps) < 2:
            stamps = set()
        for i, (ln, f) in enumerate(zip(self.lines, self.f)):
            if i > end and f.rule is not None and f.rule.ends and ln.action == "drop":
                section = f.rule.reason
            if ln.action != "drop" or ln.reason is not None:
                continue
            if f.rule is not None and f.rule.action == "meta" and f.rule.reason == "editor":
                # an editor's credit far under the article, past the site's boxes (出品：某某频道 /
                # 策划：某某 编辑：某某, a portal's foot): named as its own, so the metadata reads it
                # when the page names no editor elsewhere (no list's item names an editor)
                ln.reason = "editor"
                continue
            # (a closing copyright notice or share bar names nothing under it: the site's boxes
            # there are named by their own shape)
            if section is not None and section not in ("copyright", "share"):
                ln.reason = section
            elif i > end and (f.prose or f.open) and self.notice_over_comments(i):
                ln.reason = "comments"  # a comment box's notice written as sentences, over its rules
            elif stamps and i in stamps:
                ln.reason = "nav"  # a live blog's time stamp between its posts (12:05): no list's
            elif f.date or self.in_headline_run(i):
                ln.reason = "related"
            else:
                ln.reason = "nav"

    def notice_over_comments(self, i: int, reach: int = 3) -> bool:
        """Whether the first line under ``i`` (within ``reach`` lines) that a rule named is a
        comment box's ("You need to be a registered member of" / "... to leave comments." / "Not
        a member yet? Click Here to sign up."): ``i`` is one more of the box's notices."""
        for k in range(i + 1, min(len(self.lines), i + reach + 1)):
            if self.lines[k].reason is not None:
                return self.lines[k].reason == "comments"
        return False

    def in_headline_run(self, i: int) -> bool:
        """Whether line ``i`` sits among ``related_run`` headline-length lines in a row."""
        def headliny(k: int) -> bool:
            g = self.f[k]
            return not g.ruled and g.n >= self.s["short_line"] and (g.date or self.headline_like(k) or g.prose)
        if not headliny(i):
            return False
        run = 1
        k = i - 1
        while k >= 0 and headliny(k) and run < self.s["related_run"]:
            run, k = run + 1, k - 1
        k = i + 1
        while k < len(self.lines) and headliny(k) and run < self.s["related_run"]:
            run, k = run + 1, k + 1
        return run >= self.s["related_run"]


# ----------------------------------------------------------------------------- in-line edits


_CELL_GAP = regex.compile(r"[ \u3000\t]+")
# (a table's row holds a run of digits in most of its cells: more runs than half its words)
_DIGIT_RUN = regex.compile(r"\d+")


def _data_tables(lines: list[Line], least: int = 3, reach: int = 3) -> None:
    """A table of the article's own figures between its paragraphs, kept as its text: ``least`` or
    more rows in a row, each of three or more cells set apart by spaces, as many in every row and
    a figure in most of them, perhaps under a header row (two or more cells, no figures; normalizing
    may have taken a space out of it: "單位類型 伙數 實用面積（方呎）折實售價（萬元）"), and half or
    more of the rows' first cells named in the kept text around them (a price list: "一房 78
    366-412 507.2-571.0" under "其中一房單位佔78伙"). A kept paragraph stands within ``reach`` lines
    over it and under it. (Its rows may stand in a block each: the cleaned text, read again,
    writes them so.) A quote widget or a box of other stories' figures names none of the
    article's things.

    >>> rows = ["Type Units Area", "Studio 32 303-318", "One-bed 78 366-412", "Two-bed 56 488-532"]
    >>> ls = [Line(n=i, raw=t, text=t, block=b) for i, (t, b) in enumerate(
    ...     [("Of the units, 78 are One-bed flats and 56 Two-bed ones.", 0)] + [(r, 1) for r in rows]
    ...     + [("Studio flats sell first.", 2)])]
    >>> for ln in ls[1:5]:
    ...     ln.decide("drop", "related")
    >>> _data_tables(ls)
    >>> [ln.action for ln in ls]
    ['keep', 'keep', 'keep', 'keep', 'keep', 'keep']
    """
    n = len(lines)
    # (only a line of three cells or more, more runs of digits than half its words, can be a row:
    # the rest are split only when asked)
    rowish = [len(words := ln.text.split()) >= 3 and 2 * len(_DIGIT_RUN.findall(ln.text)) > len(words)
              for ln in lines]
    if sum(rowish) < least - 1:
        return
    cells: list[list[str] | None] = [_CELL_GAP.split(ln.text.strip()) if r else None for ln, r in zip(lines, rowish)]
    figured = [c is not None and len(c) >= 3 and 2 * sum(any(ch.isdigit() for ch in x) for x in c) > len(c)
               for c in cells]

    def cells_of(i: int) -> list[str]:
        if cells[i] is None:
            cells[i] = _CELL_GAP.split(lines[i].text.strip())
        return cells[i]

    k = 0
    while k < n:
        j = k + 1
        while j < n and figured[k] and figured[j] and len(cells_of(j)) == len(cells_of(k)):
            j += 1
        if not figured[k] or j - k < least - 1:
            k = j
            continue
        top = k
        if (k > 0 and not any(ch.isdigit() for ch in lines[k - 1].text) and len(cells_of(k - 1)) >= 2
                and abs(len(cells_of(k - 1)) - len(cells_of(k))) <= 1):
            top = k - 1  # the header row
        rows = range(top, j)
        above = any(lines[i].action == "keep" for i in range(max(0, top - reach), top))
        below = any(lines[i].action == "keep" for i in range(j, min(n, j + reach)))
        if len(rows) >= least and above and below and not all(lines[i].kept for i in rows):
            text = "\n".join(lines[i].text for i in range(n) if lines[i].kept and i not in rows)
            firsts = [cells_of(i)[0] for i in range(k, j)]
            if 2 * sum(len(c) >= 2 and c in text for c in firsts) >= len(firsts):
                for i in rows:
                    lines[i].decide("keep")
        k = j


def one_block_list(lines: list[Line], items: list[int], j: int) -> bool:
    """Whether the list ``items`` (two or more lines) is printed as one block and line ``j``
    stands in another: where a related box between paragraphs ends, and the article may resume."""
    return (len(items) >= 2 and lines[j].block != lines[items[-1]].block
            and len({lines[x].block for x in items}) == 1)


def _toolbar_labels(lines: list[Line], feats: list[Features], reach: int = 3, longest: int = 24,
                    items: int = 3) -> None:
    """A short label closed by a colon over buttons or other stories, kept: inside a toolbar
    ("Add to my:" over del.icio.us, reddit, ...; "Blog this on:"; "收藏到："), two or more share or
    navigation lines right under it and a share tool among the lines within ``reach`` of it; over a
    list of other stories ("Now on Example News:"), ``items`` or more lines under it dropped as
    related. It names the buttons or the list, not a list of the article's (whose items the page's
    checks keep, with their label: it runs after them): it drops with them.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Body text.", "Add to my:", "digg", "reddit", "More text."])]
    >>> for ln, (a, r) in zip(ls, [("keep", None), ("keep", None), ("drop", "share"), ("drop", "share"), ("keep", None)]):
    ...     ln.decide(a, r)
    >>> plain = [Features(len(t), False, False, 0, 0, 0, False, None) for t in ["x"] * 5]
    >>> _toolbar_labels(ls, plain); ls[1].action, ls[1].reason
    ('drop', 'share')
    """
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if ln.action != "keep" or not t.endswith((":", "：")) or len(t) > longest or feats[i].ruled:
            continue
        k = i + 1
        while k < len(lines) and lines[k].action == "drop" and lines[k].reason in ("share", "nav"):
            k += 1
        near = lines[max(0, i - reach):i] + lines[i + 1:min(k, i + reach + 1)]
        if k - i > 2 and any(g.action == "drop" and g.reason == "share" for g in near):
            ln.decide("drop", "share")
            continue
        k = i + 1
        while k < len(lines) and lines[k].action == "drop" and lines[k].reason == "related":
            k += 1
        if k - i > items:
            ln.decide("drop", "related")


def _edit_lines(lines: list[Line], rs: RuleSet, early: bool = False) -> None:
    """The edits (early ones, or the others) applied to each line in turn. Their outcome is
    remembered by line text (it depends on nothing else; a site's lines repeat across its pages
    and settling reads a page's lines again): only lines not met before go through the
    prefilter (``edits_by_line``, which finds each line's candidates as one by one) and the
    edits' patterns."""
    memo = _compiled(rs).edited[early]
    texts = list(dict.fromkeys(ln.text for ln in lines if ln.text not in memo))
    if texts:
        if len(memo) + len(texts) > _CACHE_MAX:
            memo.clear()
            texts = list(dict.fromkeys(ln.text for ln in lines))
        found = dict(rs.edits_by_line(texts, early=early))
        for k, text in enumerate(texts):
            memo[text] = _edited(text, found[k]) if k in found else (text, ())
    for ln in lines:
        done = memo[ln.text]
        if done[1]:  # (most lines: no edit changed them)
            _apply_edited(ln, done)


_HAN_GAP = regex.compile(r"\p{Han}\s+\p{Han}")


def _spaced_edits(lines: list[Line], edits: list[Edit]) -> None:
    r"""The ``spaced`` edits: each matched at the start of a line as the page wrote it (the spaces
    between Han characters back), its match cut from the line's text.

    >>> e = Edit("dateline", regex.compile(r"^本报讯\s+记者\s*\p{Han}{2,3}\s+"), to_meta=True, spaced=True)
    >>> ln = Line(n=1, raw="本报讯 记者 赵婷 王府井大街开放。", text="本报讯记者赵婷王府井大街开放。")
    >>> _spaced_edits([ln], [e]); ln.text, ln.moved
    ('王府井大街开放。', [('dateline', '本报讯 记者 赵婷')])
    """
    for ln in lines:
        head = ln.raw[:80]
        # (a gap is a space between two characters: a head that splits in two on one holds it;
        # most Chinese lines hold none, and the split finds that quicker than the scan)
        if len(head.split(None, 1)) < 2 or not _HAN_GAP.search(head):
            continue
        written = as_written(ln.text, ln.raw)
        for e in edits:
            m = e.pattern.match(written)
            if m is None or m.end() >= len(written):
                continue
            cut = m.group(0)
            skip = sum(not c.isspace() for c in cut)
            k = 0
            while skip:
                skip -= not ln.text[k].isspace()
                k += 1
            _apply_edited(ln, (ln.text[k:].strip(), [(e, [cut.strip()])]))
            written = as_written(ln.text, ln.raw)


def _apply_edited(ln: Line, done: tuple[str, Any]) -> None:
    """A line's edits' outcome (``_edited``) recorded on it."""
    text, steps = done
    for e, moved in steps:
        if e.name not in ln.edits:
            ln.edits.append(e.name)
        if e.to_meta:
            ln.moved.extend((e.name, cut) for cut in moved)
    ln.text = text


def _edited(text: str, edits: list[Edit]) -> tuple[str, list[tuple[Edit, list[str]]]]:
    """The text once the edits are applied in turn, and each edit that changed it with the
    text it cut."""
    steps = []
    for e in edits:
        moved: list[str] = []

        def cut(m: "regex.Match[str]") -> str:
            moved.append(m.group(0).strip())
            return ""
        new = e.pattern.sub(cut, text).strip()
        if new != text and moved:
            text = new
            steps.append((e, moved))
    return text, steps


# a mark that cannot open a headline (a label's colon, a clause mark, a closing bracket)
_BADGE_REST_MARK = regex.compile(r"[:：,，、。.;；!！?？|｜/／)）\]】」』》〉”’…\-—~～]")


def self_dated(ln: Line, c: _Compiled) -> bool:
    """Whether a title line ends with its date and time after a space (``_SPACED_DATE``) where
    headings need a script of their own: what ``dated_headline`` reads."""
    return c.heading_needs is not None and ln.text[-1:].isdigit() and _SPACED_DATE.search(ln.text) is not None


def _cut_title_date(ln: Line) -> None:
    """A headline's own date and time after a space cut from the title and moved to metadata.

    >>> ln = Line(n=1, raw="", text="市料美零售銷售與消費者信心續升 2014-12-08 06:49")
    >>> _cut_title_date(ln); ln.text, ln.moved
    ('市料美零售銷售與消費者信心續升', [('published', '2014-12-08 06:49')])
    """
    m = _SPACED_DATE.search(ln.text)
    if m is None:
        return
    ln.moved.append(("published", m["date"]))
    ln.text = ln.text[:m.start()].rstrip()
    if "published" not in ln.edits:
        ln.edits.append("published")


def _as_written(lines: list[Line], actions: list[str], c: _Compiled) -> None:
    """The headline's and the subheads' labels cut as the output writes them (the lines'
    ``actions`` given apart: settling reads a page's kept text, each paragraph standing for the
    lines it joins, and must read the labels cut as the output will be read again)."""
    if c.title_badge is not None:
        for ln, act in zip(lines, actions):
            # (a heading's too: the headline the engine took for a heading this time may be
            # the title when the cleaned text is read again, and must read the same)
            if act in ("title", "heading"):
                _cut_badge(ln, c.title_badge)
    for ln, act in zip(lines, actions):
        if act == "title" and self_dated(ln, c):
            _cut_title_date(ln)
    if c.deck_label is not None:
        for ln, act in zip(lines, actions):
            if act == "heading":
                _cut_badge(ln, c.deck_label)  # a subtitle's label (副题：X): X stays


def _cut_badge(ln: Line, badge: Any) -> None:
    """A badge glued before the headline (``title_badge``: 原创 + the headline on one line) cut
    from the title line, recorded as an edit; the headline stays the title. A badge word over a
    label's colon or other mark (原创：某某编译) is a label, not a badge: the cut would leave a title
    opening with the mark, read as no badge the next time."""
    m = badge.match(ln.text)
    rest = ln.text[m.end():].strip() if m and m.end() else ""
    if rest and not _BADGE_REST_MARK.match(rest):
        ln.text = rest
        if "other" not in ln.edits:
            ln.edits.append("other")


# a paragraph that copies its neighbour (``_near_copies``): its least length (characters, no
# spaces) and the share of its characters the neighbour holds, in order
_COPY_LEAST, _COPY_SHARE = 30, 0.9
# a summary's label over the article (导读：, 摘要：, 核心提示：) and the cut mark closing it (…… |)
_SUMMARY = re.compile(r"[【\[]?(?:导读|導讀|摘要|内容提要|內容提要|提要|核心提示)[】\]]?[:：]")
_SUMMARY_END = re.compile(r"(?:\.{2,}|…+|[|｜])+$")
# a teaser's label before its colon (某某網記者特別報導：…), read only on a paragraph cut short (…, ....)
_TEASER_LABEL = re.compile(r"^[^，。！？,:：]{2,16}[:：]")


_STORY_LEAST = 40  # characters of a caption that can be a photo story's text


def _spaceless(text: str) -> str:
    """The text without its spaces, as the copy checks compare texts (str.split splits where the
    pattern \\s matches, and quicker).

    >>> _spaceless(" 某某 召开\u3000会议 ")
    '某某召开会议'
    """
    return "".join(text.split())


# a list's link opened by an arrow (► 夏季電價調漲上路, » Next story): a link, with no summary under it
_ARROW_ITEM = regex.compile(r"^\s*[►▶▸➤→»]")
# a related header naming one story, over its one link: "Related Article", "Related story:"
_ONE_LINK_HEADER = regex.compile(r"^\s*(?i:related\s+(?:article|story|link|video|post))\s*:?\s*$")
# a related header with its link on the same line, after its label's colon: "延伸閱讀：X", "Read more: X"
_INLINE_ITEM = regex.compile(r"^\s*[^:：\s]{1,12}(?:\s+[^:：\s]{1,12}){0,2}\s*[:：]\s*\S.{3,}")
_FULL_STOP_END = regex.compile(r"[。][”」』）)]*$")  # (a headline may close on ！ or ？, not on 。)


def _box_items(lines: list[Line], header: "regex.Pattern[str] | None", most: int = 5, longest: int = 60) -> None:
    """The headlines of a related box between paragraphs, under its header (the rules' ``box_header``: 延伸閱讀 ► /
    便當也喊漲！自助餐逼近百元 / ► 夏季電價調漲上路): up to ``most`` short lines right under the
    dropped header, none closed by a full stop, are the box's links; the article resumes at the first
    paragraph. The links stand in the header's block, or, under a header alone in its block, in
    the next one (相关 / 美国农业部：外国实体持有美国农地面积去年增长8%).

    >>> ls = [Line(n=i, raw=t, text=t, action="keep") for i, t in enumerate(
    ...     ["第一段正文。", "延伸閱讀 ►", "便當也喊漲！北市自助餐逼近百元", "► 夏季電價調漲上路 超商冷飲會跟進嗎？", "第二段正文，消費者反應兩極。"])]
    >>> ls[1].decide("drop", "related"); ls[2].decide("heading")
    >>> _box_items(ls, ruleset("zh").pattern("box_header")); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'keep']
    """
    if header is None:
        return
    for i, ln in enumerate(lines):
        if ln.action != "drop" or ln.reason != "related" or not header.match(ln.text):
            continue
        for k in range(i + 1, min(len(lines), i + 1 + most)):
            g = lines[k]
            if g.block != lines[k - 1].block and not (k == i + 1 and (i == 0 or lines[i - 1].block != ln.block)):
                # (the box printed as one block, or its header alone and its links in the block
                # under it: a line after a blank one is the article's)
                break
            if g.action == "drop" and g.reason == "related":
                continue  # (a link a rule named: ► 某某)
            if (not (g.kept or g.action == "drop" and g.reason in (None, "nav"))
                    or len(g.text) > longest or _FULL_STOP_END.search(g.text)):
                break
            g.decide("drop", "related")


# a video player's control or label (影片, 播放, 视频加载中, Play), and its running time (時長 02:18, 00:00 / 02:18)
_PLAYER_WORD = regex.compile(r"^\s*(?:影片|视频|視頻|播放|暂停|暫停|视频加载中\.*|視頻加載中\.*|影片載入中\.*|(?i:play|video))\s*$")
_PLAYER_TIME = regex.compile(r"^\s*(?:時長|时长|片長|片长)?\s*[:：]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def _player_titles(lines: list[Line]) -> None:
    """A video's title between its player's controls: a kept line right under a dropped control or
    label (影片, 播放) and right over the video's running time (時長 02:18) is the video's caption,
    not a subhead (a shortened copy of the headline, as a TV station's site prints it). A title
    taken from a video's title right over its running time, when the same line stands over it
    (dropped with the page's head), gives way to that copy: the headline.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["正文第一段。", "播放", "海晞邨逾百單位滲水", "時長 02:18", "正文第二段。"])]
    >>> for k in (1, 3): ls[k].decide("drop", "nav")
    >>> ls[2].decide("heading"); _player_titles(ls); ls[2].action, ls[2].reason
    ('drop', 'caption')
    """
    for i in range(1, len(lines) - 1):
        ln, up, down = lines[i], lines[i - 1], lines[i + 1]
        if (ln.kept and ln.action != "title" and not up.kept and not down.kept
                and _PLAYER_WORD.match(up.text) and _PLAYER_TIME.match(down.text)):
            ln.decide("drop", "caption")
        elif ln.action == "title" and not down.kept and _PLAYER_TIME.match(down.text):
            # the title taken from the video's title, a copy of the headline printed over the
            # player: the headline is the copy over it (dropped with the page's head)
            text = ln.text.strip()
            first = next((k for k in range(i) if lines[k].text.strip() == text and not lines[k].kept), None)
            if first is not None:
                lines[first].decide("title")
                ln.decide("drop", "caption")
                # (a date alone right under it, dropped with the head, is the story's)
                for k in range(first + 1, min(first + 3, i)):
                    if not lines[k].kept and _BARE_DATE.match(lines[k].text):
                        lines[k].decide("meta", "published")
                        break


def _unmove(ln: Line) -> None:
    """Take back what early edits cut from a line dropped as a caption for the metadata: a
    caption's credit names the picture's agency, not the article's source (北京一家商场内的顾客。
    （路透社）: no source 路透社)."""
    if ln.moved:
        cut = {name for name, _ in ln.moved}
        ln.moved.clear()
        ln.edits = [e for e in ln.edits if e not in cut]


_CAPTION_DATE = regex.compile(r"^\s*(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]")


def _agency_captions(lines: list[Line], caption: "regex.Pattern[str] | None", reach: int = 3) -> None:
    """A photo's caption of one sentence closed by the agency alone in brackets (the rules'
    ``agency_caption``: 2024年3月5日，二手车市场内停放的新能源汽车。（路透社）), kept by the page's
    checks: dropped when a kept paragraph follows within ``reach`` lines (the article's last
    paragraph may close with its source so, and stays), and, past the article's first paragraph,
    only when it opens with the picture's day (a compiled report's paragraph may cite its agency
    so too).

    >>> ls = [Line(n=i, raw=t, text=t, action="keep") for i, t in enumerate(
    ...     ["第一段正文，市场销量持续走高。", "3月5日，二手车市场内停放的新能源汽车。（路透社）", "第二段正文，经销商表示库存压力较大，价格仍在下调。"])]
    >>> _agency_captions(ls, ruleset("zh").pattern("agency_caption")); [ln.action for ln in ls]
    ['keep', 'drop', 'keep']
    """
    if caption is None:
        return
    for i, ln in enumerate(lines):
        # (read as written: an early edit may have cut the agency into the metadata as the source)
        raw = ln.raw.rstrip()
        if ln.action != "keep" or not raw.endswith(("）", ")")) or not caption.match(raw.strip()):
            continue
        if not _CAPTION_DATE.match(ln.raw) and any(g.action == "keep" and len(g.text) >= 40 for g in lines[:i]):
            continue  # past the first paragraph, a caption opens with the picture's day (3月5日，…)
        if any(lines[j].action == "keep" and len(lines[j].text) >= 20 and not caption.match(lines[j].raw.strip())
               for j in range(i + 1, min(len(lines), i + 1 + reach))):
            ln.decide("drop", "caption")
            _unmove(ln)


def _photo_story(lines: list[Line]) -> None:
    """A page whose only paragraphs are photo captions is photo news: its longest caption (at
    least ``_STORY_LEAST`` characters) is the article, kept, and a paragraph or heading that
    copies it cut short is its summary (``repeated``). A page with a paragraph of its own is
    left alone.

    >>> cap = "3月1日，参加会议采访的记者排队领取采访证件。今年的中外记者总数突破三千人。某某社发 王某 摄"
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["某会召开在即", cap[:30], cap])]
    >>> ls[0].decide("title"); ls[1].decide("heading"); ls[2].decide("drop", "caption")
    >>> _photo_story(ls); [(ln.action, ln.reason) for ln in ls]
    [('title', None), ('drop', 'repeated'), ('keep', None)]
    """
    captions = [ln for ln in lines if ln.action == "drop" and ln.reason == "caption"
                and len(ln.text) >= _STORY_LEAST]
    if not captions:
        return
    story = max(captions, key=lambda ln: len(ln.text))  # (the first of the longest)
    text = _spaceless(story.text)
    copies = [ln for ln in lines if ln.action in ("keep", "heading")]
    for ln in copies:
        short = _spaceless(ln.text)
        if len(short) < _COPY_LEAST or len(short) >= len(text) or not _copied(short, text):
            return  # a paragraph of the page's own
    story.decide("keep")
    for ln in copies:
        ln.decide("drop", "repeated")


_STORY_ENDS = frozenset({"copyright", "endmark"})  # the reasons of a line that closes an article
_LEAD_LEAST = 20  # characters of the next story's lead
_STORY_TAIL = (None, "nav", "related", "other")  # a line the engine kept, or dropped as the page's tail


def next_story_walk(lines: list[Line], opening: range, first: int, mark: Callable[[Line], str | None],
                    paragraph: Callable[[int], int | None], story_at: Callable[[int], tuple[int, int] | None],
                    lead: Callable[[int], bool], paras: int = 2, least: int = 0,
                    relabel_to_mark: bool = False) -> None:
    """The next story of a listing or archive page, which prints whole stories one after the
    other in one template: the article's opening mark (its kind, as ``mark`` names it: a byline
    alone on its line, a wire dateline, ...) among the lines of ``opening``, then, under at least
    ``paras`` of its paragraphs from ``first`` on (``paragraph``: a paragraph's size, or None for
    a line that is none; ``least`` in all), the first place where the template repeats: a line
    ``story_at`` reads as the next story's start ``s`` over its mark ``m``, the mark of a kind
    the article opened with, over a lead (``lead``). All from ``s`` on drops as ``next_story``;
    a line the engine dropped already keeps its reason, but with ``relabel_to_mark`` those from
    ``s`` to ``m`` are relabelled too. Each language brings its own signals
    (``_next_story``: an end mark, then a byline; ``english.next_story``: a headline, then a
    byline or a wire dateline).

    >>> rows = [("meta", "byline"), ("keep", None), ("keep", None), ("drop", "endmark"), ("meta", "dateline"),
    ...         ("keep", None), ("drop", "endmark"), ("meta", "byline"), ("keep", None)]
    >>> ls = [Line(n=i, raw="x", text="x") for i in range(len(rows))]
    >>> for ln, (a, r) in zip(ls, rows): ln.decide(a, r)
    >>> next_story_walk(ls, range(1), 1, lambda ln: ln.reason if ln.action == "meta" else None,
    ...                 lambda k: 1 if ls[k].action == "keep" else None,
    ...                 lambda e: (e + 1, e + 1) if ls[e].reason == "endmark" else None, lambda m: True)
    >>> [(ln.action, ln.reason) for ln in ls[4:]]  # (a dateline under a byline is no repeat)
    [('meta', 'dateline'), ('keep', None), ('drop', 'endmark'), ('drop', 'next_story'), ('drop', 'next_story')]
    """
    marks = {mark(lines[k]) for k in opening} - {None}
    if not marks:
        return  # the article opens with no mark: nothing to repeat
    count = total = 0
    for e in range(first + 1, len(lines)):
        size = paragraph(e - 1)
        if size is not None:
            count += 1
            total += size
        if count < paras or total < least:
            continue
        found = story_at(e)
        if found is None:
            continue
        s, m = found
        if mark(lines[m]) not in marks or not lead(m):
            continue  # a listing repeats its template: a byline under bylines, a dateline under datelines
        for k in range(s, len(lines)):
            if lines[k].action != "drop" or relabel_to_mark and k <= m:
                lines[k].decide("drop", "next_story")
        return


def _byline_mark(ln: Line) -> str | None:
    """The kind of mark of a line that opens a Chinese story: a byline alone on its line."""
    return "byline" if ln.action == "meta" and ln.reason == "byline" else None


def _next_story(lines: list[Line], feats: list[Features], paras: int = 2) -> None:
    """A listing or archive page prints whole stories one after the other, each closed by its
    copyright notice or end mark; only the first is the page's article. When the article opens
    with a byline alone on its line (over its first paragraph), an end mark under at least
    ``paras`` of its paragraphs, then (at most one headline-shaped line no rule names between)
    a new byline alone on its line over a paragraph, opens the next story: all under the end
    mark drops as ``next_story`` (its reporter is no author of the page; a line the engine
    dropped already keeps its reason). A subhead has no
    byline under it; a byline quoted in a sentence is no byline line; an article whose byline
    comes at its end opens with none. (The walk: ``next_story_walk``.)

    >>> rows = [("meta", "记者某甲/综合报道"), ("keep", "某县海堤工程今天动工，完工后将提升沿岸防御强度，并改善周边环境。"),
    ...         ("keep", "县政府今天在海堤举行开工典礼，县长等人出席，并为工程祈福。"), ("drop", "版权所有 请勿转载"),
    ...         ("keep", "台风逼近 镇长呼吁做好准备"), ("meta", "记者某乙/综合报道"),
    ...         ("keep", "台风来袭，镇长提醒乡亲做好防台准备，检查门窗、招牌等易掉落物品。")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, {"meta": "byline", "drop": "copyright"}.get(a))
    >>> fs = [Features(n=len(t), sent=t.endswith("。"), clause=False, marks=0, commas=t.count("，"), seps=0,
    ...                date=False, rule=None) for _, t in rows]
    >>> _next_story(ls, fs); [(ln.action, ln.reason) for ln in ls[3:]]
    [('drop', 'copyright'), ('drop', 'next_story'), ('drop', 'next_story'), ('drop', 'next_story')]
    """
    first = next((i for i, ln in enumerate(lines) if ln.action in ("keep", "heading")), None)
    if first is None:
        return

    def paragraph(k: int) -> int | None:
        return feats[k].n if lines[k].action == "keep" and feats[k].sent else None

    def story_at(e: int) -> tuple[int, int] | None:  # an end mark, then the next story's byline
        if lines[e].action != "drop" or lines[e].reason not in _STORY_ENDS:
            return None
        k = e + 1
        if (k < len(lines) and _byline_mark(lines[k]) is None and not feats[k].ruled and not feats[k].sent
                and feats[k].n <= 40 and lines[k].action in ("keep", "heading", "drop")
                and lines[k].reason in _STORY_TAIL):
            k += 1  # the next story's headline
        return (e + 1, k) if k < len(lines) else None

    def lead(k: int) -> bool:  # (kept, or dropped with the page's tail: its byline still names no author)
        ld = k + 1
        return (ld < len(lines) and lines[ld].action in ("keep", "drop") and lines[ld].reason in _STORY_TAIL
                and feats[ld].prose and feats[ld].n >= _LEAD_LEAST)

    next_story_walk(lines, range(first), first, _byline_mark, paragraph, story_at, lead, paras)


_OPENING_BRACKETS = "(（〔[【"


def _lead_byline_mark(ln: Line) -> str | None:
    """The kind of mark of a Chinese story's lead that opens with its byline in brackets, cut to
    metadata (（记者某某/某地报道）某某社区昨天……): the line kept, the byline edit made, and the
    bracket that opened the line gone from its text."""
    raw = ln.raw.lstrip()
    if (ln.kept and "byline" in ln.edits and raw[:1] in _OPENING_BRACKETS
            and ln.text.lstrip()[:1] not in _OPENING_BRACKETS):
        return "lead byline"
    return None


def _lead_byline_story(lines: list[Line], feats: list[Features], paras: int = 2) -> None:
    """A page of a local paper's stories one after the other, each lead opening with its
    reporter's byline in brackets (（记者某甲/某地报道）…) and no headline or end mark between
    them: when the article's first paragraph is such a lead, the next lead opening with a byline of
    that kind, under at least ``paras`` of the article's paragraphs, starts the next story (a
    reporter credits a story once, at its lead): it and all under it drop as ``next_story``,
    with a headline-shaped line right over it (the next story's headline). (The walk:
    ``next_story_walk``; ``_next_story`` for bylines alone on their lines.)

    >>> rows = ["某县敬老站成立五周年，昨日举办感恩茶会，站长与志工陪长辈同乐。", "志工现场教长辈手工制作香皂，长辈们相当开心。",
    ...         "某县敬老站为失能长辈提供到宅访视、陪同就医等服务。", "某社区昨日举办防诈骗宣导活动，约百名村民参与。"]
    >>> ls = [Line(n=i, raw=("（记者某乙/某地报道）" if i in (0, 3) else "") + t, text=t) for i, t in enumerate(rows)]
    >>> for ln in ls: ln.decide("keep")
    >>> ls[0].edits.append("byline"); ls[3].edits.append("byline")
    >>> fs = [Features(n=len(t), sent=True, clause=False, marks=0, commas=t.count("，"), seps=0, date=False, rule=None)
    ...       for t in rows]
    >>> _lead_byline_story(ls, fs); [(ln.action, ln.reason) for ln in ls]
    [('keep', None), ('keep', None), ('keep', None), ('drop', 'next_story')]
    """
    first = next((i for i, ln in enumerate(lines) if ln.action == "keep" and feats[i].sent), None)
    if first is None or _lead_byline_mark(lines[first]) is None:
        return  # (the article's first paragraph: its lead)

    def paragraph(k: int) -> int | None:
        return feats[k].n if lines[k].action == "keep" and feats[k].sent else None

    def story_at(e: int) -> tuple[int, int] | None:  # the next lead, under its headline if it has one
        if _lead_byline_mark(lines[e]) is None:
            return None
        h = e - 1
        if (lines[h].action in ("keep", "heading") and not feats[h].sent and not feats[h].ruled
                and 6 <= feats[h].n <= 40 and paragraph(h - 1) is not None):
            return h, e
        return e, e

    def lead(k: int) -> bool:
        return feats[k].prose and feats[k].n >= _LEAD_LEAST

    next_story_walk(lines, range(first, first + 1), first, _lead_byline_mark, paragraph, story_at, lead, paras)


_CLOSING_META = ("source", "editor")  # a credit line alone that may close an article ("Source: X", an editor line)
_CLOSE_TAIL = regex.compile(r"\p{L}{1,4}(?=\P{L}*$)")  # a line's last letters (its last word; Han: up to four)


def closing_cut(ln: Line) -> bool:
    """A kept line the engine cut a credit or an end mark from at its end (a wire credit or
    ``（完）`` glued to the last paragraph): the letters that end the line are gone from its text.

    >>> ln = Line(n=1, raw="县长表示，工程将于年底完工。（某某社）", text="县长表示，工程将于年底完工。")
    >>> ln.decide("keep"); ln.edits.append("source"); closing_cut(ln)
    True
    """
    if not ln.kept or not any(e in ("source", "endmark") for e in ln.edits):
        return False
    raw, text = _CLOSE_TAIL.search(ln.raw), _CLOSE_TAIL.search(ln.text)
    return raw is not None and (text is None or raw.group() != text.group())


def article_closes(ln: Line) -> bool:
    """Whether the article closes at line ``ln`` (both languages' ``unmarked_story_walk``): its
    copyright notice or end mark, a credit or end mark cut from the end of its last paragraph
    (``closing_cut``), or a credit line alone under it ("Source: X", an editor line)."""
    return (ln.action == "drop" and ln.reason in _STORY_ENDS or closing_cut(ln)
            or ln.action == "meta" and ln.reason in _CLOSING_META)


def unmarked_story_walk(lines: list[Line], first: int, close: Callable[[int], bool],
                        headline: Callable[[int], bool], paragraph: Callable[[int], bool],
                        tokens: Callable[[str], set[str]], inside: Callable[[int], bool] = lambda k: False,
                        paras: int = 2, reach: int = 2, most: int = 5, least: int = 3,
                        share: float = 0.1) -> None:
    """The next story of a page that prints a second story under the article with nothing of
    the article's template to mark it (no byline or dateline of its own, no end mark of its
    own yet): the article closes (``close``: its copyright notice or end mark, a wire credit
    glued to its last paragraph or a credit line alone under it) under at least ``paras`` of its paragraphs (``paragraph``,
    from ``first`` on), and right under the close stands a headline-shaped line (``headline``)
    over a paragraph (past at most ``reach`` dropped lines: a photo's caption) that speaks of
    other things: of the ``tokens`` (names; runs of Han characters) of the kept lines under the headline
    (up to ``most`` of them, and at least ``least`` tokens), at most ``share`` occur anywhere
    in the article's text. The headline and all under it drop as ``next_story`` (a line the
    engine dropped already under the headline keeps its reason). An article with subheads,
    metadata or lines of a sectioned layout (``inside``: time stamps, questions) between its
    paragraphs (a feature in sections, a digest of items, a Q&A, a live blog whose entries
    change subject) is left alone, and so is a close with a subhead under it that names the
    article's people or places. A copyright notice or a credit line alone are weak closes (a
    photo's credit, a chart's source between paragraphs read as them): under them the headline
    must be one the engine dropped as the page's tail, not a subhead it kept.

    >>> rows = [("keep", "Aa bb cc."), ("keep", "Dd Ee ff."), ("drop", "(c) site"), ("keep", "Gg hh"),
    ...         ("keep", "Ii jj Kk Ll Mm."), ("keep", "Nn oo.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "copyright" if a == "drop" else None)
    >>> ls[3].decide("drop", "related")  # (the engine read the headline as the page's tail)
    >>> unmarked_story_walk(ls, 0, lambda k: ls[k].reason == "copyright", lambda k: not ls[k].raw.endswith("."),
    ...                     lambda k: ls[k].kept and ls[k].raw.endswith("."), lambda t: set(t.lower().split()) - {"ii", "nn"})
    >>> [(ln.action, ln.reason) for ln in ls[2:]]
    [('drop', 'copyright'), ('drop', 'next_story'), ('drop', 'next_story'), ('drop', 'next_story')]
    """
    count = 0
    for e in range(first, len(lines) - 2):
        ln = lines[e]
        if paragraph(e):
            count += 1
        closing = count >= paras and close(e)
        if e > first and not closing and (ln.action in ("heading", "meta") or inside(e)):
            return  # an article in sections, with its dates or bylines inside: no plain story
        if closing and (_story_under(lines, e, headline, paragraph, tokens, reach, most, least, share)
                        or ln.action == "meta"):
            return  # (a credit line under which no story starts: metadata inside the article)


def _story_under(lines: list[Line], e: int, headline: Callable[[int], bool], paragraph: Callable[[int], bool],
                 tokens: Callable[[str], set[str]], reach: int, most: int, least: int, share: float) -> bool:
    """``unmarked_story_walk`` at the close ``e``: whether a next story starts right under it
    (it is dropped as ``next_story`` then)."""
    h = e + 1
    ld = next((k for k in range(h + 1, min(len(lines), h + reach + 2))
               if lines[k].action != "drop" or lines[k].reason != "caption"), None)
    if (not headline(h) or lines[h].action in ("title", "meta")
            or lines[h].action == "drop" and lines[h].reason not in _STORY_TAIL
            or ld is None or not paragraph(ld)):
        return False
    if (lines[e].action == "meta" or lines[e].reason == "copyright") and lines[h].kept:
        return False  # a photo's credit or a chart's source over a subhead the engine kept
    under = [x.text for x in lines[h + 1:] if x.action in ("keep", "heading")
             or x.action == "drop" and x.reason in _STORY_TAIL][:most]
    theirs = set().union(*map(tokens, under))
    if len(theirs) < least:
        return False
    article = " ".join(x.text for x in lines[:e + 1] if x.action in ("title", "keep", "heading")).lower()
    if sum(t in article for t in theirs) > share * len(theirs):
        return False  # the article's own people and places: a section of it
    for k in range(h, len(lines)):
        if lines[k].action != "drop" or k == h:  # (the headline too, dropped by place)
            lines[k].decide("drop", "next_story")
    return True


def _closes(rule: Rule | None) -> bool:
    """Whether a line of ``rule`` closes an article: a credit, an end mark, a copyright notice."""
    return rule is not None and (rule.reason in _CREDIT_REASONS or rule.reason in _STORY_ENDS)


_LONG_WORD = regex.compile(r"\p{Latin}{6,}")


def _topic_tokens(text: str) -> set[str]:
    """What a text speaks of, to tell whether two texts share a subject: its runs of three Han
    characters and its words of six letters or more, lowercased.

    >>> sorted(_topic_tokens("市住建局说 Engineers said"))
    ['engineers', '住建局', '市住建', '建局说']
    """
    return _han_triples(text) | {w.lower() for w in _LONG_WORD.findall(text)}


def _han_triples(text: str) -> set[str]:
    """The runs of three Han characters a text holds.

    >>> sorted(_han_triples("老周说，渡船"))
    ['老周说']
    """
    return {run[i:i + 3] for run in _HAN_RUN.findall(text) for i in range(len(run) - 2)}


def _unmarked_story(lines: list[Line], feats: list[Features], least: int = 6, longest: int = 40,
                    share: float = 0.02) -> None:
    """A page that prints further stories under the article with no byline to open them (a
    wire copy's stories, each a headline over paragraphs closed by the agency's credit): when
    the article closes with its copyright notice, its end mark or a credit glued to its last
    paragraph, and right under the close a headline-shaped line (``least``..``longest``
    characters, no sentence, no rule naming it) stands over a paragraph whose runs of three Han
    characters are hardly any of the article's (``share``; a section of a feature repeats its
    people's names and its terms; two stories share only common words, which pairs of
    characters would count), the headline and all under it drop as ``next_story``.
    (The walk: ``unmarked_story_walk``.)

    >>> rows = [("title", "某县海堤工程今天动工"), ("keep", "某县海堤工程今天动工，完工后将提升沿岸防御强度，并改善周边环境。"),
    ...         ("keep", "县政府今天在海堤举行开工典礼，县长等人出席，并为工程祈福。（某某社）"), ("keep", "台风逼近 镇长呼吁做好准备"),
    ...         ("keep", "台风来袭，镇长提醒乡亲做好防台准备，检查门窗、招牌等易掉落物品。")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> ls[2].text = ls[2].raw[:-5]; ls[2].edits.append("source")
    >>> fs = [Features(n=len(t), sent=t.endswith(("。", "）")), clause=False, marks=0, commas=t.count("，"), seps=0,
    ...                date=False, rule=None) for _, t in rows]
    >>> _unmarked_story(ls, fs); [(ln.action, ln.reason) for ln in ls[2:]]
    [('keep', None), ('drop', 'next_story'), ('drop', 'next_story')]
    """
    first = next((i for i, ln in enumerate(lines) if ln.action in ("keep", "heading")), None)
    if first is None:
        return

    def headline(k: int) -> bool:
        f = feats[k]
        return least <= f.n <= longest and not f.sent and not f.ruled and not f.date

    def paragraph(k: int) -> bool:
        return lines[k].action == "keep" and feats[k].sent and feats[k].n >= _LEAD_LEAST

    def inside(k: int) -> bool:  # a time stamp, or a kept headline-shaped line: an item's or section's head
        return feats[k].date or lines[k].kept and headline(k)

    unmarked_story_walk(lines, first, lambda k: article_closes(lines[k]), headline, paragraph, _han_triples,
                        inside, share=share)


# what a picture's alt text adds to the headline it copies: the kind of picture (某校召开选题会_二维码,
# 某校召开选题会_QRCODE碼, 某校召开选题会 圖片, 某校召开选题会（图1）)
_PICTURE_SUFFIX = regex.compile(r"[_\-–—|｜:：·]?[(（\[【]?(?:(?i:qr\s*code)[码碼]?|二维码|二維碼|图片|圖片|图|圖|照片|相片"
                                r"|配图|配圖|大图|大圖)\d{0,2}[)）\]】]?")


_LEAD_COPY = 40  # characters of a paragraph's opening a teaser's copy of it repeats


def _title_copies(lines: list[Line]) -> None:
    """A kept line under the headline that reads exactly as the headline is a copy of it (a
    picture's alt text, the headline printed again over the body): ``repeated``; so is the
    headline with the kind of picture after it (``_PICTURE_SUFFIX``: a QR code's or a photo's
    alt text, 某校召开选题会_二维码), and the headline run into the opening of a kept paragraph (a
    teaser box's copy of the story).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["某校召开选题会", "3月5日上午，某校召开新闻选题会。", "某校召开选题会",
    ...                                                       "某校召开选题会_二维码", "某校召开选题会后"])]
    >>> ls[0].decide("title"); ls[2].decide("heading"); ls[3].decide("heading"); ls[4].decide("heading")
    >>> _title_copies(ls); [(ln.action, ln.reason) for ln in ls]
    [('title', None), ('keep', None), ('drop', 'repeated'), ('drop', 'repeated'), ('heading', None)]
    """
    title = next((ln for ln in lines if ln.action == "title"), None)
    if title is None:
        return
    title = _site_title(lines, title)
    head = _spaceless(title.text)
    most = 2 * len(head) + 10  # (a line that long holds more than the headline and its spaces)
    leads = None
    for ln in lines:
        if ln is not title and ln.action in ("heading", "keep") and ln.n > title.n \
                and len(head) <= len(ln.text) <= most:
            text = _spaceless(ln.text)
            if text == head or (text.startswith(head) and len(text) > len(head)
                                and _PICTURE_SUFFIX.fullmatch(text, len(head)) is not None):
                ln.decide("drop", "repeated")
        elif ln.action == "keep" and ln.n > title.n and len(ln.text) > most and ln.text.startswith(title.text):
            # the headline run into the lead's opening words, a teaser box's copy of the story
            # (Woman says X cost her thousandsA woman who was in the car ...): the rest opens a
            # kept paragraph with at least _LEAD_COPY of its characters
            if leads is None:
                leads = [k.text[:_LEAD_COPY] for k in lines if k.action == "keep" and len(k.text) >= _LEAD_COPY]
            rest = ln.text[len(title.text):].lstrip()
            if rest[:_LEAD_COPY] in leads:
                ln.decide("drop", "repeated")


# the site's part of a page's <title> after the headline, in one part or several: _频道_某某网 -
# EXAMPLE.COM, | Example News (``_site_title``; one part only, right over the headline: ``_SITE_SUFFIX``)
_SITE_PARTS = regex.compile(r"\s*[_|｜]\s*\S.{0,60}$|\s+[-–—]\s+\S.{0,60}$")


def _site_title(lines: list[Line], title: Line) -> Line:
    """The headline, when the title taken is a copy of the page's <title> (the headline, then
    the site's part after a bar or an underscore: 某某上涨0.3%_数据_某某网 - EXAMPLE.COM.CN)
    and a kept line under it reads as the headline alone: that line is the title, the copy
    residue (``repeated``).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["物价上涨0.3%_数据_某某网 - EXAMPLE.CN", "当前位置：首页",
    ...                                                       "物价上涨0.3%", "国家统计局今天发布数据。"])]
    >>> for ln, a in zip(ls, ["title", "drop", "heading", "keep"]): ln.decide(a)
    >>> _site_title(ls, ls[0]).text, [ln.action for ln in ls]
    ('物价上涨0.3%', ['drop', 'drop', 'title', 'keep'])
    """
    m = _SITE_PARTS.search(title.text)
    while m is not None and m.start() > 0:
        head = _spaceless(title.text[:m.start()])
        if len(head) >= 6:
            copy = next((ln for ln in lines if ln.n > title.n and ln.action in ("heading", "keep")
                         and _spaceless(ln.text) == head), None)
            if copy is not None:
                title.decide("drop", "repeated")
                copy.decide("title")
                return copy
        m = _SITE_PARTS.search(title.text, 0, m.start())  # (a suffix of several parts: try a shorter headline)
    return title


def _near_copies(lines: list[Line]) -> None:
    """Of two kept paragraphs in a row (only residue between, no heading) one of which copies the
    other, whole or cut short, a word or two changed, the copy is residue (``repeated``): a
    summary over the body that repeats its opening paragraph, a pull quote or a block printed
    twice. The shorter goes (the later of two as long), or the one labelled a summary (导读：…);
    a paragraph counts as a copy when it is
    at least ``_COPY_LEAST`` characters and ``_COPY_SHARE`` of its characters stand in the other,
    in order. A standfirst in words of its own, or a sentence the body says again later, stays.
    Paragraphs printed again further down, two or more in a row word for word, are residue too
    (``_printed_again``).

    >>> lead = "某某市政府今天宣布，明年起全市公交车票价将统一下调一元，地铁票价维持不变，新票价于一月一日起实施。"
    >>> rows = [lead[:40].replace("今天", "今日"), "图为公交车站。", lead, "市民表示欢迎。"]
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(rows)]
    >>> ls[1].decide("drop", "caption")
    >>> _near_copies(ls); [(ln.action, ln.reason) for ln in ls]
    [('drop', 'repeated'), ('drop', 'caption'), ('keep', None), ('keep', None)]
    """
    paras: list[list[Line] | None] = []  # the kept paragraphs, None for a title or a heading
    for ln in lines:
        if ln.action == "keep" and ln.joined and paras and paras[-1] is not None:
            paras[-1].append(ln)  # (a paragraph broken in two)
        elif ln.action == "keep":
            paras.append([ln])
        elif ln.kept:
            paras.append(None)
    texts = [_spaceless("".join(ln.text for ln in para)) if para is not None else "" for para in paras]
    if _printed_again(paras, texts):
        kept = [k for k, p in enumerate(paras) if p is None or p[0].action == "keep"]
        paras, texts = [paras[k] for k in kept], [texts[k] for k in kept]
    prev: list[Line] | None = None
    prev_text = ""
    for para, text in zip(paras, texts):
        if prev is not None and para is not None:
            later = len(text) <= len(prev_text)
            copy, short, long_ = (para, text, prev_text) if later else (prev, prev_text, text)
            summary = _SUMMARY.match(prev_text)
            # (the pattern closes the text: its last character tested first, a paragraph's scan saved)
            if summary is None and prev_text[-1:] in ".…|｜" and _SUMMARY_END.search(prev_text):
                summary = _TEASER_LABEL.match(prev_text)  # a labelled teaser cut short: the same
            if summary and not _SUMMARY.match(text):  # a labelled summary copies what follows
                later, copy, long_ = False, prev, text
                short = _SUMMARY_END.sub("", prev_text[summary.end():])
            if len(short) >= _COPY_LEAST and _copied(short, long_):
                for ln in copy:
                    ln.decide("drop", "repeated")
                if later:
                    continue  # (the next paragraph is read against the one kept)
        prev, prev_text = para, text


def _printed_again(paras: list[list[Line] | None], texts: list[str]) -> bool:
    """The article, or a stretch of it, printed a second time under itself (a page holding its
    story twice, the copy after the byline, source line or share bar that closed the first):
    two or more kept paragraphs in a row, each ``_COPY_LEAST`` characters or more, that repeat
    word for word two or more paragraphs in a row above, in the same order. The later copy is
    residue (``repeated``); whether any was found. One paragraph said twice far apart (a key
    sentence, a refrain) stays, as does a sentence repeated between other paragraphs. ``texts``:
    each paragraph's text without spaces ("" for a title or heading).

    >>> rows = ["台风远离，各地天气转晴，白天气温回升到三十度以上，民众外出仍应注意防晒补水。",
    ...         "气象台表示，下周初高压增强，天气稳定炎热，但山区午后仍有局部雷阵雨的机率。"]
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(rows + ["记者某某报道"] + rows)]
    >>> ls[2].decide("meta", "byline")
    >>> _printed_again([[ln] for ln in ls[:2]] + [None] + [[ln] for ln in ls[3:]], rows + [""] + rows)
    True
    >>> [ln.action for ln in ls]
    ['keep', 'keep', 'meta', 'drop', 'drop']
    """
    first: dict[str, int] = {}  # a paragraph's text -> where it stands first
    again: list[int | None] = []  # per paragraph: where its text stood before, or None
    for k, text in enumerate(texts):
        before = first.get(text) if len(text) >= _COPY_LEAST else None
        again.append(before)
        if before is None and text:
            first[text] = k
    found = False
    k = 0
    while k < len(paras):
        j = k
        while (j + 1 < len(paras) and again[j] is not None and again[j + 1] is not None
               and again[j + 1] == again[j] + 1):
            j += 1  # (the copy and the first go on side by side)
        if again[k] is not None and j > k:
            for para in paras[k:j + 1]:
                for ln in para or ():
                    ln.decide("drop", "repeated")
            found = True
        k = j + 1
    return found


def _copied(short: str, long_: str) -> bool:
    """Whether ``_COPY_SHARE`` of ``short``'s characters stand in ``long_`` in order (its
    character pairs first, a quick test)."""
    n_pairs = len(short) - 1
    misses, allowed = 0, n_pairs - _COPY_SHARE * n_pairs
    for i in range(n_pairs):  # (two paragraphs that differ show it within a few pairs)
        if short[i:i + 2] not in long_:
            misses += 1
            if misses > allowed:
                return False
    blocks = SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= _COPY_SHARE * len(short)


_VALUE_MAX = 60  # characters of a metadata field's value on the line under its label
_OWN_LABEL = re.compile(r"^[^\d\s:：]{1,10}[:：]")  # a value that opens with a label of its own
_DIGIT = re.compile(r"\d")


def _label_values(lines: list[Line], label: Any, rs: RuleSet) -> list[Line]:
    """The lines with each metadata field's label alone on its line (``meta_label``: "By:",
    "来源：") read as one line with the value under it; the value's number is kept on it
    (``Line.wrapped``) for the explanation. The value is short, no sentence, no label of its
    own ("點閱率:2,045"), no line a rule drops ("相关新闻" under an empty "责任编辑："), and holds a
    digit under a date's label (an empty "发布日期：" over the headline).

    >>> ls = [Line(1, t, t) for t in ["By:", "Jane Doe", "Posted:", "Wed, 05/22/2019 - 5:36pm", "Body."]]
    >>> label = re.compile(r"^(?:(?P<date>Posted)|By):$")
    >>> [ln.text for ln in _label_values(ls, label, ruleset("en"))]
    ['By: Jane Doe', 'Posted: Wed, 05/22/2019 - 5:36pm', 'Body.']
    """
    if not any(len(ln.raw) <= 20 and ln.raw[-1:] in ":：" for ln in lines):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        m = label.match(ln.raw) if nxt is not None and len(ln.raw) <= 20 else None
        if (m is not None and len(nxt.raw) <= _VALUE_MAX and not nxt.wrapped
                and nxt.raw[-1:] not in ".。!！?？:：" and not _OWN_LABEL.match(nxt.raw)
                and (not m.groupdict().get("date") or _DIGIT.search(nxt.raw))
                and ((r := rs.match_rule(nxt.raw)) is None or r.action == "meta")):
            space = "" if ln.raw.endswith("：") else " "
            ln.raw, ln.text = ln.raw + space + nxt.raw, ln.text + space + nxt.text
            ln.wrapped = ln.wrapped + (nxt.n,)
            i += 1
        out.append(ln)
        i += 1
    return out


def _early_edits(lines: list[Line], rs: RuleSet) -> None:
    """Edits that make a line readable to the rules (a pinyin gloss), on every line."""
    _edit_lines(lines, rs, early=True)


def _late_edits(lines: list[Line], rs: RuleSet) -> None:
    """Edits of kept lines: end marks, a dateline or trailing byline moved to metadata.
    A kept line left empty is dropped (reason: the edit's name)."""
    kept = [ln for ln in lines if ln.kept]
    if rs.spaced_edits:
        _spaced_edits(kept, rs.spaced_edits)
    _edit_lines(kept, rs)
    for ln in kept:
        if not ln.text:
            ln.decide("meta" if ln.moved else "drop", ln.edits[-1] if ln.edits else "empty")


def warm(config: Any) -> None:
    """Compile every language's rules now (a process that forks workers does it once for all)."""
    if config.classify.enabled:
        for lang in ("zh", "en"):
            rs = ruleset(lang, tuple(config.classify.rules))
            _compiled(rs)
            if rs.rule_filter is None:
                rs.finish()


def settings_of(lang: str) -> dict[str, Any]:
    """The structural settings in force for ``lang`` (for docs and tests)."""
    return dict(ruleset(lang).settings)
