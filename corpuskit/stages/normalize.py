"""Normalize kept lines: width, punctuation, quotes, whitespace (numbers and dates on request).

Every rule acts only in Chinese context (next to a Han character or a Chinese
mark), so numbers, times, URLs, e-mail addresses and English sentences keep
their punctuation. Each step is a small ``str -> str`` function with a cheap
pre-check, so clean text costs little; the tables live in
``rules/convert/punctuation.toml``. The rules and the reasons for them:
docs/normalize.md.

>>> normalize_line("2021年12月31日,重庆市人民政府办公厅印发《计划(2022—2024年)》 。")
'2021年12月31日，重庆市人民政府办公厅印发《计划（2022—2024年）》。'
>>> normalize_line("http://a.b/c?x=1,2  at 2020-09-10 18:30:46, 85.42亿元")
'http://a.b/c?x=1,2 at 2020-09-10 18:30:46, 85.42亿元'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..config import NormalizeConfig
from ..document import Document
from ..pipeline import Stage
from ..rules.convert import load

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_HAN_RE = re.compile(f"[{HAN}]")


@dataclass(frozen=True)
class Tables:
    """The compiled punctuation tables (``rules/convert/punctuation.toml``)."""

    marks: "re.Pattern[str]"  # runs of half-width , : ; ! ?
    marks_table: dict[int, str]
    parens: "re.Pattern[str]"
    cjk: str  # Han ranges and Chinese marks, for character classes
    cjk_set: frozenset[str]
    cjk_open: frozenset[str]
    ellipsis: "re.Pattern[str]"
    dash: "re.Pattern[str]"
    narrow: "re.Pattern[str]"
    vertical: "re.Pattern[str]"  # vertical presentation forms used in horizontal text
    vertical_table: dict[int, str]
    quote_styles: dict[str, tuple[str, str, str, str]]
    quotes_auto: dict[str, str]


@lru_cache(maxsize=None)
def tables() -> Tables:
    data = load("punctuation.toml")
    h2f = data["half_to_full"]
    marks = re.escape("".join(k for k in h2f if k not in "()"))
    cjk_marks = data["cjk_marks"]
    cjk = HAN + re.escape(cjk_marks)
    return Tables(
        marks=re.compile(f"[{marks}]+"),
        marks_table=str.maketrans({k: v for k, v in h2f.items() if k not in "()"}),
        parens=re.compile(r"[(（]([^()（）\n]*)[)）]"),
        cjk=cjk,
        cjk_set=frozenset(cjk_marks),
        cjk_open=frozenset(data["cjk_open"]),
        ellipsis=re.compile(data["ellipsis"]),
        dash=re.compile(data["dash"]),
        narrow=re.compile(f"(?<=[0-9A-Za-z])[{re.escape(data['narrow_between_alnum'])}](?=[0-9A-Za-z])"),
        vertical=re.compile(f"[{re.escape(''.join(data['vertical_forms']))}]"),
        vertical_table=str.maketrans(data["vertical_forms"]),
        quote_styles={k: tuple(v) for k, v in data["quotes"].items()},
        quotes_auto=dict(data["quotes_auto"]),
    )


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (ch in tables().cjk_set or _HAN_RE.match(ch) is not None)


# -- width --------------------------------------------------------------------------

_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_WIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
          for c in range(r[0], r[1] + 1)}
_NARROW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def normalize_width(text: str) -> str:
    """Full-width ASCII letters and digits to ASCII, and the punctuation between them;
    vertical presentation forms to the horizontal marks they stand for.

    >>> normalize_width("ＣＯＶＩＤ－１９疫情，第１０届，１２．５％")
    'COVID-19疫情，第10届，12.5％'
    >>> normalize_width("作者︱某某"), normalize_width("記者︰某某")
    ('作者｜某某', '記者：某某')
    """
    t = tables()
    if t.vertical.search(text):
        text = text.translate(t.vertical_table)
    if not _FULLWIDTH_ALNUM.search(text):
        return text
    text = text.translate(_WIDTH)
    return tables().narrow.sub(lambda m: chr(_NARROW[ord(m.group())]), text)


# -- punctuation -------------------------------------------------------------------

# For each mark: what may stand before it and after it in a URL or an e-mail address.
_URL_MARKS = {"://": (re.compile("[A-Za-z0-9+.-]"), re.compile(r"[!-~]")),
              "www.": (None, re.compile(r"[!-~]")),
              "@": (re.compile(r"[A-Za-z0-9._%+-]"), re.compile("[A-Za-z0-9.-]"))}


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses, found from each ://, www. or @ outwards.

    >>> t = "网址:http://a.b/c?x=1,2 邮箱a@b.com,电话"
    >>> [t[s:e] for s, e in _url_spans(t)]
    ['http://a.b/c?x=1,2', 'a@b.com']
    """
    spans: list[tuple[int, int]] = []
    for mark, (left, right) in _URL_MARKS.items():
        i = text.find(mark)
        while i >= 0:
            s, e = i, i + len(mark)
            while left and s > 0 and left.match(text[s - 1]):
                s -= 1
            while e < len(text) and right.match(text[e]):
                e += 1
            # an ASCII mark that ends the run belongs to the sentence, not the address (…com, 然后)
            while e > i + len(mark) and text[e - 1] in ",.;:!?)\"'":
                e -= 1
            spans.append((s, e))
            i = text.find(mark, e)
    return sorted(spans)


def _outside_urls(text: str, fn) -> str:
    """Apply ``fn`` to the parts of ``text`` that are not URLs or e-mail addresses."""
    if not any(m in text for m in _URL_MARKS):
        return fn(text)
    out, last = [], 0
    for s, e in _url_spans(text):
        if s < last:
            continue
        out.append(fn(text[last:s]))
        out.append(text[s:e])
        last = e
    out.append(fn(text[last:]))
    return "".join(out)


def _in_context(text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` touches Chinese text on either side."""
    return (start > 0 and _is_cjk(text[start - 1])) or (end < len(text) and _is_cjk(text[end]))


@lru_cache(maxsize=None)
def _marks_in_context() -> "re.Pattern[str]":
    """A run of the marks after Chinese text, or before a Han character or an opening mark.

    One pattern, so the runs outside Chinese context (1,000 or a: b) cost no call
    back into Python. A run is matched whole: a mark is neither Chinese nor an
    opening mark, so no match can start inside a run that fails at its start.
    """
    t = tables()
    mark = t.marks.pattern[:-1]  # the class of marks, without its +
    after = f"[{re.escape(''.join(sorted(t.cjk_open)))}{HAN}]"
    # starts with the class of marks: Python's engine scans for it fast
    return re.compile(f"{mark}(?:(?<=[{t.cjk}]{mark}){mark}*|{mark}*(?={after}))")


def _marks(text: str) -> str:
    """Runs of , : ; ! ? after Chinese text, or before a Han character or opening mark, to full-width."""
    table = tables().marks_table
    return _marks_in_context().sub(lambda m: m.group().translate(table), text)


def _parens(text: str) -> str:
    t = tables()

    def fix(m: "re.Match[str]") -> str:
        s, e = m.span()
        if _HAN_RE.search(m.group(1)) or _in_context(text, s, e):
            return "（" + m.group(1) + "）"
        return m.group()

    for _ in range(3):  # innermost pairs first, then the ones around them
        new = t.parens.sub(fix, text)
        if new == text:
            break
        text = new
    return text


def _runs(pattern: "re.Pattern[str]", repl: str, text: str) -> str:
    def fix(m: "re.Match[str]") -> str:
        g = m.group()
        return g if g == repl or not _in_context(text, *m.span()) else repl

    return pattern.sub(fix, text) if pattern.search(text) else text


def normalize_punctuation(text: str) -> str:
    """Half-width , : ; ! ? ( ) in Chinese context to full-width; ellipses and dashes unified.

    >>> normalize_punctuation("在研新药超过40个;3个获批!他说:好吗?VC(风险投资)...")
    '在研新药超过40个；3个获批！他说：好吗？VC（风险投资）……'
    >>> normalize_punctuation("小明--他来了。。。 He said: wait... (really)")
    '小明——他来了…… He said: wait... (really)'
    """
    if not _HAN_RE.search(text):
        return text

    def fix(part: str) -> str:
        t = tables()
        for _ in range(3):  # a mark made full-width puts its neighbours in Chinese context
            before = part
            part = _marks(part)
            if "(" in part or ")" in part:
                part = _parens(part)
            part = _runs(t.dash, "——", _runs(t.ellipsis, "……", part))
            if part == before:
                break
        return part

    return _outside_urls(text, fix)


# -- quotes -------------------------------------------------------------------------

_ASCII_PAIR = re.compile(r'"([^"\n]*)"')
_CURLY_PAIR = re.compile(r"“([^“”\n]*)”|‘([^‘’\n]*)’")


def quote_style(mode: str, target: str = "keep") -> str:
    """``keep``, ``curly`` or ``corner`` for the ``quotes`` option, ``auto`` resolved by target.

    >>> quote_style("auto", "zh-TW"), quote_style("auto", "zh-Hans"), quote_style("curly", "zh-TW")
    ('corner', 'curly', 'curly')
    """
    if mode == "auto":
        return tables().quotes_auto.get(target, "keep")
    return mode


def normalize_quotes(text: str, style: str = "keep") -> str:
    """ASCII "…" around Chinese text to curly quotes; with a style, Chinese quotes to that style.

    >>> normalize_quotes('他说"你好"，"OK" then', "keep")
    '他说“你好”，"OK" then'
    >>> normalize_quotes("他说“你好，‘朋友’”。He said “hi”.", "corner")
    '他说「你好，『朋友』」。He said “hi”.'
    >>> normalize_quotes("「你好」", "curly")
    '“你好”'
    """
    t = tables()
    if '"' in text and _HAN_RE.search(text):
        o, c = t.quote_styles["corner" if style == "corner" else "curly"][:2]
        text = _ASCII_PAIR.sub(lambda m: f"{o}{m.group(1)}{c}" if _HAN_RE.search(m.group(1)) else m.group(), text)
    if style == "corner":
        o2, c2, o1, c1 = t.quote_styles["corner"]

        def fix(m: "re.Match[str]") -> str:
            inner = m.group(1) if m.group(1) is not None else m.group(2)
            if not (_HAN_RE.search(inner) or _in_context(text, *m.span())):
                return m.group()
            return (o2 + inner + c2) if m.group(1) is not None else (o1 + inner + c1)

        for _ in range(3):  # inner pairs first
            new = _CURLY_PAIR.sub(fix, text)
            if new == text:
                break
            text = new
    elif style == "curly" and any(q in text for q in "「」『』"):
        text = text.translate(str.maketrans(dict(zip("「」『』", t.quote_styles["curly"]))))
    return text


# -- whitespace --------------------------------------------------------------------

_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|  ")
_SENTENCE = re.compile("[。；]")  # prose; a headline rarely holds one
_LETTER_SPACED = re.compile(f"[{HAN}](?: [{HAN}]){{2,}}(?![{HAN}])")
_EDGE_SPACES = re.compile("^ +| +$", re.M)
# a space between a closing quotation mark or bracket and a Han character, or between a Han
# character and an opening one: in a headline it sets two clauses apart (装上“防汛闸” 物业：…)
_CLAUSE_GAP = re.compile(f" (?:(?<=[”’」』》〉】] )(?=[{HAN}])|(?<=[{HAN}] )(?=[“‘「『《〈【]))")  # (a space first: a fast scan)


@lru_cache(maxsize=None)
def _space_patterns() -> tuple["re.Pattern[str]", "re.Pattern[str]", "re.Pattern[str]", "re.Pattern[str]"]:
    # Every pattern starts with a literal space or a small class, so the scan over clean text is fast.
    marks = re.escape("".join(sorted(tables().cjk_set)))
    return (re.compile(f" (?:(?=[{marks}])|(?<=[{marks}] ))"),
            re.compile(f" (?=[{HAN}])(?<=[{HAN}] )"),
            re.compile(f" (?:(?=[0-9A-Za-z])(?<=[{HAN}] )|(?=[{HAN}])(?<=[0-9A-Za-z] ))"),
            re.compile(f"[0-9A-Za-z](?=[{HAN}])|[{HAN}](?=[0-9A-Za-z])"))


def normalize_whitespace(text: str, cjk_latin: str = "keep") -> str:
    """One ASCII space for each run of spaces (ideographic and no-break included); none around Chinese marks.

    Between two Han characters a space goes in prose (a line holding 。 or ；),
    and in letter-spaced runs (``产 业 园``); in a headline it separates clauses
    and stays, as it does after a closing quotation mark (``装上“防汛闸” 物业：…``). Between Han and Latin letters or digits: ``keep`` as written,
    ``remove`` or ``add`` one. Works line by line on a text of many lines.

    >>> normalize_whitespace("　产业园 。 a\\u00a0\\u00a0b  ")
    '产业园。a b'
    >>> normalize_whitespace("较强冷空气来袭 全国多地降温"), normalize_whitespace("据 新华社报道。产 业 园 区")
    ('较强冷空气来袭 全国多地降温', '据新华社报道。产业园区')
    >>> normalize_whitespace("共有 3 个 iPhone 新品", "remove"), normalize_whitespace("共有3个iPhone新品", "add")
    ('共有3个iPhone新品', '共有 3 个 iPhone 新品')
    """
    if _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    if text[:1] == " " or text[-1:] == " " or " \n" in text or "\n " in text:
        text = _EDGE_SPACES.sub("", text)
    if not _HAN_RE.search(text):
        return text
    around_marks, han_han, han_latin, han_latin_gap = _space_patterns()
    if " " in text:
        clauses = _CLAUSE_GAP.search(text) is not None
        if clauses:  # (a headline's clauses set apart after a closing quote: kept, as between Han)
            text = "\n".join(_CLAUSE_GAP.sub("\x00", ln) if not _SENTENCE.search(ln) else ln
                              for ln in text.split("\n"))
        text = around_marks.sub("", text)
        if clauses:
            text = text.replace("\x00", " ")
        if han_han.search(text):  # decided line by line, only for the lines that have such a space
            out, last = [], 0
            for m in han_han.finditer(text):
                if m.start() < last:
                    continue
                start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
                end = len(text) if end < 0 else end
                s = text[start:end]
                out += [text[last:start], han_han.sub("", s) if _SENTENCE.search(s)
                        else _LETTER_SPACED.sub(lambda r: r.group().replace(" ", ""), s)]
                last = end
            text = "".join(out) + text[last:]
        if cjk_latin == "remove":
            text = han_latin.sub("", text)
    if cjk_latin == "add":
        text = han_latin_gap.sub(r"\g<0> ", text)
    return text


# -- lines and texts ----------------------------------------------------------------

_LINE_ENDS = re.compile("\r\n?|[\u2028\u2029\x85]")


_DEFAULT = NormalizeConfig()


def normalize_text(text: str, config: NormalizeConfig | None = None, *, target: str = "keep",
                   published: str | None = None) -> str:
    """A text of one or many lines through every enabled step: line endings, width,
    whitespace, punctuation and quotes, numbers, dates. No rule crosses a line break.

    ``target`` (the conversion target) resolves ``quotes = "auto"``; ``published``
    (ISO 8601) dates a month and day without a year, when ``dates = "iso"``.

    >>> normalize_text("标题 \\r\\n\\r\\n正文,第一段。  \\r\\n")
    '标题\\n\\n正文，第一段。\\n'
    """
    config = config or _DEFAULT
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _LINE_ENDS.sub("\n", text)
    if config.width:
        text = normalize_width(text)
    style = quote_style(config.quotes, target)
    for _ in range(3):  # until stable: a new Chinese mark takes its spaces, a removed space makes new neighbours
        before = text
        if config.whitespace:
            text = normalize_whitespace(text, config.cjk_latin_space)
        if config.punctuation:
            text = normalize_quotes(normalize_punctuation(text), style)
        if text == before:
            break
    if config.numbers != "keep":
        from .numbers import convert_numbers

        text = convert_numbers(text, config.numbers)
    if config.dates == "iso":
        from .dates import iso_dates

        text = iso_dates(text, published=published)
    return text


# A line is a text of one line.
normalize_line = normalize_text


class NormalizeStage(Stage):
    """Normalizes every kept line and the title; ``meta.published`` to ISO 8601."""

    name = "normalize"

    def process(self, doc: Document) -> Document:
        from .dates import to_iso

        cfg = self.config.normalize
        published = doc.meta.get("published")
        if isinstance(published, str) and published:
            iso = to_iso(published)
            if iso and iso != published:
                doc.meta["published"] = iso
                self.count("published_iso")
        if not cfg.enabled:
            return doc
        published = doc.meta.get("published") if isinstance(doc.meta.get("published"), str) else None
        target = self.config.convert.to
        lines = [ln for ln in doc.lines if ln.kept]
        # One pass over the document: each rule is one regular expression over all its lines.
        texts = normalize_text("\n".join(ln.text for ln in lines), cfg, target=target,
                               published=published).split("\n")
        changed = 0
        if len(texts) == len(lines):
            for ln, new in zip(lines, texts):
                if new != ln.text:
                    ln.text = new
                    changed += 1
        else:  # pragma: no cover - a line held a line break
            for ln in lines:
                new = normalize_text(ln.text, cfg, target=target, published=published)
                changed += new != ln.text
                ln.text = new
        if doc.title:
            doc.title = normalize_line(doc.title, cfg, target=target, published=published)
        if changed:
            self.count("lines_changed", changed)
            doc.rewrites.append("normalize")
        return doc

