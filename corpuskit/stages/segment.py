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
        lines.append(Line(n=i, raw=s, text=s, block=block))
    return lines


def is_broken(first: str, second: str) -> bool:
    """Whether ``second`` continues a sentence ``first`` left unfinished.

    >>> is_broken("如今，翻看产业目录，智睿生物", "医药产业园是全市投资规模最大的项目，投资额达130多亿元。")
    True
    >>> is_broken("市级重点关键园区 带动全市发展", "重庆国际生物城是产业发展的排头兵。")
    False
    """
    if not first or not second or first[-1] in SENTENCE_END:
        return False
    # The first part reads as a sentence already under way (it has a clause
    # break), and stops on a Han character; the second part starts on one and
    # ends a sentence. Headings rarely hold a clause comma.
    if not ("，" in first or "," in first) or not _CJK.match(first[-1]):
        return False
    if not _CJK.match(second[0]) or second[-1] not in SENTENCE_END:
        return False
    return len(second) >= 10


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
        prev: Line | None = None
        for ln in doc.lines:
            if ln.action == "keep":
                if (prev is not None and prev.action == "keep" and prev.block != ln.block
                        and is_broken(prev.text, ln.text)):
                    ln.joined = True
                    self.count("joined")
                prev = ln
            elif ln.action in ("title", "heading"):
                prev = None
        return doc
