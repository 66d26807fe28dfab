"""Lines and paragraphs.

:class:`SegmentStage` splits the decoded text into non-blank lines, numbered as
in the input, each tagged with the blank-line-separated block it sits in.
:class:`JoinStage` (after classification) rejoins a paragraph the page broke in
two: a kept line that stops mid-sentence, continued after a blank line by a
kept line that finishes it.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..document import Document, Line
from ..pipeline import Stage

# Characters that may end a finished sentence or line.
SENTENCE_END = set("。！？!?…；;：:”’」』）)】〗》>\"'.．")
_CJK = regex.compile(r"\p{Han}")


def split_lines(text: str, max_chars: int = 100_000) -> list[Line]:
    """Non-blank lines with their 1-based numbers and block indexes.

    >>> [(l.n, l.block, l.raw) for l in split_lines("a\\nb\\n\\nc")]
    [(1, 0, 'a'), (2, 0, 'b'), (4, 1, 'c')]
    """
    lines: list[Line] = []
    append = lines.append
    block = 0
    blank = False
    for i, raw in enumerate(text.split("\n"), 1):
        s = raw.strip()
        if not s:
            blank = True
            continue
        if blank and lines:
            block += 1
        blank = False
        if len(s) > max_chars:
            s = s[:max_chars]
        append(Line(i, s, s, block))  # (n, raw, text, block): by position, a third quicker
    return lines


def unfinished(text: str) -> bool:
    """Whether a line reads as a sentence under way that stops mid-clause.

    It has a clause break already and stops on a Han character; headings rarely
    hold a clause comma.

    >>> unfinished("如今，翻看产业目录，智睿生物"), unfinished("市级重点关键园区 带动全市发展")
    (True, False)
    """
    return bool(text) and ("，" in text or "," in text) and _CJK.match(text[-1]) is not None


def open_ended(text: str, open_end: regex.Pattern[str] | None) -> bool:
    """Whether a line of a spaced script stops on a word no sentence ends on (``open_end``, a
    language's setting: an article, a preposition, a conjunction).

    >>> pattern = regex.compile(r"\\s(?:a|the|of)$")
    >>> open_ended("UIC made 8-of-15 from the", pattern), open_ended("Next game", pattern)
    (True, False)
    """
    # (only the line's tail is searched: the pattern ends at the line's end)
    return open_end is not None and text[-1:].islower() and open_end.search(text, max(0, len(text) - 12)) is not None


def broken_run(first: str, rest: list[str], open_end: regex.Pattern[str] | None = None) -> int:
    """How many of the lines in ``rest`` continue the unfinished sentence ``first`` (0 if none).

    The continuation starts on a Han character and runs over lines until one ends
    a sentence; if none does, nothing is joined. In a spaced script a line that stops on a word
    no sentence ends on (``open_ended``) is continued by the next lines, up to three, up to one
    that ends a sentence, none of them a list's item or opening on a word that opens sentences
    ("These were ...": a paragraph of its own).

    >>> broken_run("如今，翻看产业目录，智睿生物", ["医药产业园是全市投资规模最大的项目，投资额达130多亿元。"])
    1
    >>> broken_run("市级重点关键园区 带动全市发展", ["重庆国际生物城是产业发展的排头兵。"])
    0
    >>> pattern = regex.compile(r"\\s(?:a|the|of)$")
    >>> broken_run("Brown's basket gave WSU a", ["76-72 lead, which left Josh", "Mayo's shot meaningless."], pattern)
    2
    >>> broken_run("Brown's basket gave WSU a", ["76-72 lead, which left Josh", "Next game"], pattern)
    0
    """
    if open_ended(first, open_end):
        for i, line in enumerate(rest[:3]):
            if not line or _ITEM.match(line) or _OPENS_SENTENCE.match(line):
                return 0
            if line[-1] in SENTENCE_END:
                return i + 1
        return 0
    if not unfinished(first):
        return 0
    length = 0
    for i, line in enumerate(rest):
        if not line or not _CJK.match(line[0]):
            return 0
        length += len(line)
        if line[-1] in SENTENCE_END:
            return i + 1 if length >= 10 else 0
    return 0


def join_text(text: str, more: str) -> str:
    """A paragraph's text with its next line appended: with a space between the words of a
    spaced script, with none in Chinese.

    >>> join_text("gave WSU a", "76-72 lead"), join_text("如今，翻看产业目录，智睿生物", "医药产业园")
    ('gave WSU a 76-72 lead', '如今，翻看产业目录，智睿生物医药产业园')
    """
    return text + (" " if _SPACED.search(text) and _SPACED_START.match(more) else "") + more


def width(text: str) -> int:
    """Display columns: two for a wide (Han, full-width) character, one for the others.

    >>> width("中文ab，")
    8
    """
    return len(text) + len(_WIDE.findall(text))


# a word that opens a sentence, never the rest of one broken after "the", "a" or "and": "These were
# ...", "The council ..." (a name may: "76-72 lead", "Mayo's 3-pointer")
_OPENS_SENTENCE = regex.compile(r"^(?:The|A|An|These|Those|This|That|It|Its|He|She|They|We|I|In|On|At|But|And|Or|If|When|As)\s")
_WIDE = regex.compile(r"[\p{East_Asian_Width=W}\p{East_Asian_Width=F}]")
# a sentence ended inside a line that goes on past it: 沽清。新地副董事 / ended. The next
# (a full stop: a headline holds a question or an exclamation, hardly ever a full stop)
_ENDS_INSIDE = regex.compile(r"(?:。|[.!?][”\"’]?\s+(?=\p{Lu}))[^\n]{4,}$")
# the two sides of a join that need a space: letters or digits of a spaced script
_SPACED = regex.compile(r"[\p{Latin}\d,;:]$")
_SPACED_START = regex.compile(r"^[\p{Latin}\d(“\"‘]")
# a line an item or a label opens: never the rest of a wrapped sentence
_ITEM = regex.compile(r"^(?:[-*•·●▪►▶>【\[]|\d{1,3}[.、)）]|\d{1,2}\s)")
_WRAP_LEAST, _WRAP_MOST = 40, 120  # columns: a wrap width (a paragraph on one line is longer)
_FULL = 0.8  # share of the wrap width a line fills when the wrap, not the writer, ended it


def wrapped_runs(lines: list[Line]) -> list[list[Line]]:
    """Lines of prose a page hard-wrapped at a fixed width (a text saved from a <pre> block, a
    mail, a wire terminal), grouped as the paragraphs they were: within a block, a line that
    fills the wrap width and stops mid-sentence goes on in the next line.

    Only a block that shows the wrap joins: two lines or more each finish a sentence inside and
    go on past it to stop mid-sentence near one width (沽清。新地副董事總經理雷霆表示，項目上周招標).
    A list of headlines, however even its widths, finishes no sentence inside a line.

    >>> text = ("本报讯 今年以来，全市新增就业岗位三万个。市人社局表示，下一步将继续\\n"
    ...         "加大扶持力度，帮助更多青年就业创业。据介绍，全市今年共举办招聘会\\n"
    ...         "一百二十场，提供岗位五万多个。\\n他说，就业是最大的民生。")
    >>> [[ln.n for ln in run] for run in wrapped_runs(split_lines(text))]
    [[1, 2, 3], [4]]
    """
    out: list[list[Line]] = []
    i = 0
    while i < len(lines):
        k = i
        while k + 1 < len(lines) and lines[k + 1].block == lines[i].block:
            k += 1
        block = lines[i:k + 1]
        out.extend(_unwrap_block(block) if len(block) >= 3 else [[ln] for ln in block])
        i = k + 1
    return out


def _open_end(text: str) -> bool:
    return text[-1] not in SENTENCE_END


def _unwrap_block(block: list[Line]) -> list[list[Line]]:
    alone = [[ln] for ln in block]
    # (most blocks show no wrap: the widths are measured only where two lines might)
    shows = [j for j, ln in enumerate(block[:-1])
             if _WRAP_LEAST // 2 <= len(ln.raw) <= _WRAP_MOST and _open_end(ln.raw) and _ENDS_INSIDE.search(ln.raw)
             and not _ITEM.match(ln.raw) and not _ITEM.match(block[j + 1].raw)]
    if len(shows) < 2:
        return alone
    widths = [width(ln.raw) for ln in block]
    shown = [widths[j] for j in shows if _WRAP_LEAST <= widths[j] <= _WRAP_MOST]
    if len(shown) < 2 or min(shown) < _FULL * max(shown):
        return alone
    full = _FULL * max(shown)
    runs: list[list[Line]] = [[block[0]]]
    for j in range(1, len(block)):
        prev, ln = block[j - 1], block[j]
        if widths[j - 1] >= full and _open_end(prev.raw) and not _ITEM.match(ln.raw):
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return runs


def unwrap(lines: list[Line]) -> list[Line]:
    """The lines with each hard-wrapped paragraph (``wrapped_runs``) made one line; its later
    lines' numbers are kept on it (``Line.wrapped``) for the explanation."""
    # (most pages show no wrap: their lines end their sentences)
    if sum(1 for ln in lines if ln.raw[-1] not in SENTENCE_END and _WRAP_LEAST // 2 <= len(ln.raw) <= _WRAP_MOST
           and _ENDS_INSIDE.search(ln.raw)) < 2:
        return lines
    out = []
    for run in wrapped_runs(lines):
        first = run[0]
        if len(run) > 1:
            text = first.raw
            for ln in run[1:]:
                space = " " if _SPACED.search(text) and _SPACED_START.match(ln.raw) else ""
                text += space + ln.raw
            first.raw = first.text = text
            first.wrapped = tuple(ln.n for ln in run[1:])
        out.append(first)
    return out


class SegmentStage(Stage):
    name = "segment"

    def process(self, doc: Document) -> Document:
        doc.lines = split_lines(doc.input, self.config.segment.max_line_chars)
        self.count("lines", len(doc.lines))
        if self.config.segment.unwrap:
            n = len(doc.lines)
            doc.lines = unwrap(doc.lines)
            self.count("unwrapped", n - len(doc.lines))
        return doc


@lru_cache(maxsize=16)
def compiled_open_end(pattern: str) -> regex.Pattern[str] | None:
    """An ``open_end`` setting compiled (None where it is empty)."""
    return regex.compile(pattern) if pattern else None


def open_end_of(lang: str, rules: tuple[str, ...] = ()) -> regex.Pattern[str] | None:
    """The language's ``open_end`` setting, compiled (None where it has none)."""
    from ..rules import ruleset

    return compiled_open_end(ruleset(lang, rules).settings.get("open_end", ""))


class JoinStage(Stage):
    name = "join"

    def process(self, doc: Document) -> Document:
        if not self.config.segment.join_broken:
            return doc
        open_end = open_end_of(doc.lang, tuple(self.config.classify.rules)) if doc.lang == "en" else None
        for group in paragraphs(doc.lines, open_end):
            for ln in group[1:]:
                ln.joined = True
            self.count("joined", len(group) - 1)
        return doc


def paragraphs(lines: list[Line], open_end: regex.Pattern[str] | None = None) -> list[list[Line]]:
    """The kept lines grouped as the output's paragraphs: a line that continues the
    unfinished sentence of the kept line before it joins that line's paragraph.

    Runs of kept lines between titles and headings may be joined; blocks are not compared
    and a continuation must finish its sentence: the output separates paragraphs by blank
    lines, so this keeps cleaning idempotent. The page's first kept line starts no joined
    paragraph: the output opens with the title, which a second reading may take for a body
    line (a headline of clauses, 某行報告指稱，新機已開始備貨, reads as an unfinished sentence).
    """
    head = next((ln for ln in lines if ln.kept), None)
    runs: list[list[Line]] = [[]]
    out: list[list[Line]] = []
    for ln in lines:
        if ln.action == "keep":
            runs[-1].append(ln)
        elif ln.action in ("title", "heading"):
            runs.append([])
    for run in runs:
        i = 0
        while i < len(run):
            k = 0 if run[i] is head else broken_run(run[i].text, [ln.text for ln in run[i + 1:]], open_end)
            out.append(run[i:i + 1 + k])
            i += k + 1
    return out
