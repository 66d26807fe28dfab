"""Lines and paragraphs.

:class:`SegmentStage` splits the decoded text into non-blank lines, numbered as
in the input, each tagged with the blank-line-separated block it sits in.
:class:`JoinStage` (after classification) rejoins a paragraph the page broke in
two: a kept line that stops mid-sentence, continued after a blank line by a
kept line that finishes it.
"""
from __future__ import annotations

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


def broken_run(first: str, rest: list[str]) -> int:
    """How many of the lines in ``rest`` continue the unfinished sentence ``first`` (0 if none).

    The continuation starts on a Han character and runs over lines until one ends
    a sentence; if none does, nothing is joined.

    >>> broken_run("如今，翻看产业目录，智睿生物", ["医药产业园是全市投资规模最大的项目，投资额达130多亿元。"])
    1
    >>> broken_run("市级重点关键园区 带动全市发展", ["重庆国际生物城是产业发展的排头兵。"])
    0
    """
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


class SegmentStage(Stage):
    name = "segment"

    def process(self, doc: Document) -> Document:
        doc.lines = split_lines(doc.input, self.config.segment.max_line_chars)
        self.count("lines", len(doc.lines))
        return doc


class JoinStage(Stage):
    name = "join"

    def process(self, doc: Document) -> Document:
        if not self.config.segment.join_broken:
            return doc
        for group in paragraphs(doc.lines):
            for ln in group[1:]:
                ln.joined = True
            self.count("joined", len(group) - 1)
        return doc


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """The kept lines grouped as the output's paragraphs: a line that continues the
    unfinished sentence of the kept line before it joins that line's paragraph.

    Runs of kept lines between titles and headings may be joined; blocks are not compared
    and a continuation must finish its sentence: the output separates paragraphs by blank
    lines, so this keeps cleaning idempotent.
    """
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
            k = broken_run(run[i].text, [ln.text for ln in run[i + 1:]])
            out.append(run[i:i + 1 + k])
            i += k + 1
    return out
