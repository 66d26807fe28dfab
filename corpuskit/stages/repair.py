"""Repair decoded text: HTML entities, mojibake, invisible characters.

Each fix is a small ``str -> str`` function; :func:`repair_steps` returns the
text and the names of the fixes that changed it, for ``provenance.repairs``.
A fix that does not clearly improve the text leaves it alone.

Mojibake (docs/encodings.md): the kinds in ``rules/mojibake.toml`` (UTF-8 read
as GBK, Big5 or cp1252; GBK and Big5 read as cp1252/latin-1), undone span by
span where :func:`.badness.badness` says the result is clearly better, layer
after layer; then ftfy, with every option that would touch clean CJK text off,
for the Latin-script mojibake that is left. A cheap pre-check picks the lines
worth trying, so clean text costs one regex scan.

>>> repair("鍙戝竷鏃堕棿锛�2020")  # the colon's last byte was lost
'发布时间2020'
>>> repair("ÖÐ¹ú")
'中国'
>>> repair("â€œä¸\xadæ–‡â€\x9d")
'“中文”'
"""
from __future__ import annotations

import codecs
import html
import html.entities
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ..config import RepairConfig
from ..document import Document
from ..pipeline import Stage
from .badness import CP1252_CONTINUATION, badness

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

UNREPAIRED = "unrepaired-mojibake"  # the name in provenance.repairs and the quality flag
MARGIN = 1.0  # a fix must lower the badness by this much
MARGIN_UTF8 = 0.3
UTF8_PRIOR = 0.5  # between single repairs, a UTF-8 reading wins unless another reads clearly better
STILL_SUSPECT = 1.0  # added to a repair's badness while it still looks like mojibake  # ... or this much, for UTF-8 read as GBK or Big5
MAX_LAYERS = 4
ACCEPT_MAX = 4.3  # and must read as well as real text does (Chinese news: 2.8-3.3)
ACCEPT_MAX_UTF8 = 5.0
SAMPLE_CHARS = 1500  # flagged text searched for the fix

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Zero-width characters, soft hyphen, stray BOMs, invisible operators, U+FFFD,
# C0/C1 controls except tab and newline; a zero-width joiner inside an emoji
# sequence stays.
_INVISIBLE = re.compile("[\u200b\u200c\u2060-\u2064\ufeff\u00ad\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
                        "|(?<![\U0001f000-\U0001faff\u2600-\u27bf])\u200d"
                        "|\u200d(?![\U0001f000-\U0001faff\u2600-\u27bf])")

_INVISIBLE_ANY = re.compile("[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Byte-level tokens of each original encoding; a span is re-decoded only where
# tokens and the wrong encoding's character boundaries line up.
_TOKENS = {
    "utf-8": re.compile(rb"[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
                        rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
                        rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"),
    "gbk": re.compile(rb"[\x00-\x7f]|[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]|[\x81-\xfe][\x40-\x7e\x80-\xfe]"),
    "big5": re.compile(rb"[\x00-\x7f]|[\x81-\xfe][\x40-\x7e\xa1-\xfe]"),
}
_CJK_OUTPUT = re.compile("[\x00-\u07ff\u2000-\u9fff\uf900-\uffef]*")
_UTF8_FRAGMENT = re.compile(rb"([\x80-\xbf]{0,3})((?:" + _TOKENS["utf-8"].pattern + rb")*)([\xc2-\xf4][\x80-\xbf]{0,2})?")
_DECODERS = {"utf-8": "utf-8", "gbk": "gb18030", "big5": "big5hkscs"}


@dataclass(frozen=True)
class Kind:
    """One kind of mojibake: text that was ``original`` bytes decoded as ``wrong``."""

    name: str
    original: str
    wrong: str


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[Kind, ...], tuple[str, ...]]:
    text = resources.files("corpuskit").joinpath("rules/mojibake.toml").read_text("utf-8")
    data = tomllib.loads(text)
    kinds = tuple(Kind(k["name"], k["original"], k["wrong"]) for k in data["kind"])
    for k in kinds:
        assert k.original in _TOKENS, f"mojibake kind {k.name}: original must be one of {', '.join(_TOKENS)}"
        codecs.lookup(k.wrong)
    return kinds, tuple(data.get("unrepairable", {}).get("marks", ()))


def kinds() -> tuple[Kind, ...]:
    """The mojibake kinds from ``rules/mojibake.toml``.

    >>> [k.name for k in kinds()][:2]
    ['utf8-as-gbk', 'utf8-as-big5']
    """
    return _rules()[0]


@lru_cache(maxsize=None)
def _encoder(wrong: str):
    """char -> bytes in the ``wrong`` encoding (None when it has none), cached."""
    cache: dict[str, bytes | None] = {}
    name = codecs.lookup(wrong).name
    sloppy = name == "cp1252"
    # GBK decoders (gb18030, Windows) read GBK's unassigned user areas as private-use characters.
    wider = "gb18030" if name in ("gbk", "gb2312", "cp936") else None

    def encode(ch: str) -> bytes | None:
        try:
            return cache[ch]
        except KeyError:
            pass
        try:
            b: bytes | None = ch.encode(wrong)
        except UnicodeEncodeError:
            # cp1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined; latin-1 and
            # sloppy decoders turn them (and the rest) into C1 controls.
            b = bytes([ord(ch)]) if sloppy and ord(ch) < 0x100 else None
            if wider:
                b = ch.encode(wider)
                b = b if len(b) == 2 else None
        cache[ch] = b
        return b
    return encode


@lru_cache(maxsize=1)
def _suspects() -> tuple[re.Pattern, re.Pattern]:
    """Two patterns: rare characters that mojibake of Chinese is full of, and Latin mojibake pairs.

    The first: characters whose GBK or Big5 bytes are a UTF-8 lead byte
    and a continuation byte (鍙 戝 鏃, about one in three characters of UTF-8
    read as GBK), and private-use characters (GB18030 decoders' reading of
    GBK's empty areas). The second: a UTF-8 lead byte's character then a
    continuation byte's (Ã©, â€œ), or two Latin-1 letters and signs, as GBK and
    Big5 read as latin-1 give (ÖÐ¹ú).
    """
    chars = set()
    for lead in range(0xE0, 0xF0):
        for trail in range(0x80, 0xC0):
            for enc in ("gbk", "big5"):
                try:
                    ch = bytes([lead, trail]).decode(enc)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1:
                    chars.add(ch)
    cjk = re.compile(f"[{re.escape(''.join(sorted(chars)))}\ue000-\uf8ff]")
    latin = re.compile(f"[\xa1-\xff][\x80-\xff{CP1252_CONTINUATION}]")
    return cjk, latin


@lru_cache(maxsize=1)
def _any_suspect() -> re.Pattern:
    """One character class holding every character that can start a suspect: one fast scan."""
    return re.compile(_suspects()[0].pattern[:-1] + "\xa1-\xff]")


def _flagged(line: str) -> bool:
    """Whether a line is worth trying to repair: Latin mojibake pairs, or rare suspects densely.

    >>> _flagged("鍙戝竷鏃堕棿"), _flagged("中国人民"), _flagged("ä¸­æ–‡")
    (True, False, True)
    """
    cjk, latin = _suspects()
    if latin.search(line):
        return True
    found = len(cjk.findall(line))
    if not found:
        return False
    nonascii = len(line) - len(line.encode("ascii", "ignore"))
    return found >= 0.1 * nonascii


def _flagged_lines(text: str) -> Iterator[int]:
    """The index of each line of ``text`` that holds a suspect and is :func:`_flagged`.

    Most texts hold a suspect (· © é) but no flagged line: they are answered line by line
    from each suspect, without splitting the whole text.

    >>> list(_flagged_lines("中文·中文\\n鍙戝竷鏃堕棿")), list(_flagged_lines("中文·中文\\n© 2024"))
    ([1], [])
    """
    search = _any_suspect().search
    m = search(text)
    index = 0  # of the line m is in
    counted = 0  # the text before here holds ``index`` line breaks
    while m is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        index += text.count("\n", counted, start)
        counted = start
        if _flagged(text[start:] if end < 0 else text[start:end]):
            yield index
        if end < 0:
            return
        m = search(text, end + 1)


def _units(data: bytes, bounds: dict[int, int], token: re.Pattern) -> list[tuple[int, int]]:
    """Byte spans between char boundaries that are also token boundaries, tokens unbroken."""
    units = []
    start = None
    cursor = -1
    for m in token.finditer(data):
        s, e = m.span()
        if s != cursor:
            start = None
        if start is None and s in bounds:
            start = s
        cursor = e
        if start is not None and e in bounds:
            if e > start:
                units.append((start, e))
            start = e
    return units


def _fixable(kind: Kind, before: str, after: str) -> bool:
    if after == before:
        return False
    if kind.original != "utf-8":
        return "\ufffd" not in after  # a code the GBK/Big5 table lacks: not that kind
    if kind.wrong != "cp1252":
        # Chinese read as GBK/Big5 gives back CJK characters and punctuation
        # (and the odd two-byte one, · or ©, among them: see _cjk_group).
        # GBK characters that read as anything else (歙縣 -> 쨿h) are clean text.
        return _CJK_OUTPUT.fullmatch(after) is not None
    return True


def _cjk_group(kind: Kind, before: str, after: str) -> bool:
    """A span re-decoded from GBK/Big5 must give back CJK text, not just two-byte characters (楼 -> ¥)."""
    if kind.original != "utf-8" or kind.wrong == "cp1252":
        return True
    cjk = sum(ch >= "\u2000" for ch in after)
    if cjk == 1 and sum(map(str.isascii, after)) > sum(map(str.isascii, before)):
        # One character and an ASCII one made of a trailing byte (蝎丕 -> 粥A): both readings
        # are plausible text, so the clean-looking one is left alone.
        return False
    if cjk == 1 and _FULLWIDTH_PUNCT.search(before):
        # A rare character before a full-width comma (銵， in Big5 bytes) reads as
        # valid UTF-8 (衡A): one character is too little evidence to eat clean punctuation.
        return False
    return cjk > 0 and cjk >= sum("\x80" <= ch < "\u0800" for ch in after)


_FULLWIDTH_PUNCT = re.compile("[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")


def _runs(text: str, encode) -> list[tuple[int, int, bytes, dict[int, int]]]:
    """Maximal runs of characters the wrong encoding has: (start, end, bytes, byte offset -> char index)."""
    runs = []
    i, n = 0, len(text)
    while i < n:
        j = i
        parts = []
        bounds = {0: i}
        size = 0
        while j < n:
            b = encode(text[j])
            if b is None:
                break
            parts.append(b)
            size += len(b)
            j += 1
            bounds[size] = j
        if j > i:
            runs.append((i, j, b"".join(parts), bounds))
        i = j + 1
    return runs


def _margin(kind: Kind, after: str) -> float:
    """How much better a span must read. Valid UTF-8 that lines up with GBK or Big5
    characters for several CJK characters running is evidence in itself: random
    text of common characters garbled reads nearly as well as it did (亡临夥令)."""
    if kind.original != "utf-8" or kind.wrong == "cp1252":
        return MARGIN
    run = sum(ch >= "\u0800" for ch in after)
    return max(MARGIN_UTF8 - 0.25 * (run - 2), -1.0)


def _fix_run(text: str, kind: Kind, data: bytes, bounds: dict[int, int], force: bool) -> list[tuple[int, int, str]]:
    """The spans of one run to replace: (start, end, replacement), in order."""
    token = _TOKENS[kind.original]
    decoder = _DECODERS[kind.original]
    fixes: list[tuple[int, int, str]] = []
    group: list[tuple[int, int, str]] = []

    def flush() -> None:
        if group:
            a, z = group[0][0], group[-1][1]
            after = "".join(g[2] for g in group)
            if _cjk_group(kind, text[a:z], after) and (force or _cost(after) + _margin(kind, after) < _cost(text[a:z])):
                fixes.append((a, z, after))
            group.clear()

    for s, e in _units(data, bounds, token):
        a, z = bounds[s], bounds[e]
        after = data[s:e].decode(decoder, "replace")
        before = text[a:z]
        if before.isascii():
            if group and group[-1][1] == a:
                group.append((a, z, before))
            continue
        if _fixable(kind, before, after):
            if group and group[-1][1] != a:
                flush()
            group.append((a, z, after))
        else:
            flush()
    flush()
    return fixes


def _remnant(text: str, kind: Kind, data: bytes, bounds: dict[int, int], a: int, z: int) -> str | None:
    """Characters cut by lost bytes, text[a:z], read with the lost ends shown as U+FFFD.

    The bytes must be the tail of a character whose lead was lost (right
    after a U+FFFD), then whole characters, then the lead of one whose tail was
    lost (right before a U+FFFD).
    """
    if a >= z or len(text[a:z].encode("ascii", "ignore")) < z - a - 3:
        return None
    offset = {c: b for b, c in bounds.items()}
    m = _UTF8_FRAGMENT.fullmatch(data[offset[a]:offset[z]])
    if m is None:
        return None
    tail, body, head = m.groups()
    if tail and text[a - 1:a] != "\ufffd" or head and text[z:z + 1] != "\ufffd" or not (tail or head):
        return None
    kept = body.decode("utf-8")
    if not _fixable(kind, text[a:z], kept):
        return None
    return "\ufffd" * bool(tail) + kept + "\ufffd" * bool(head)


def redecode(text: str, kind: Kind, force: bool = False) -> str:
    """Undo one kind of mojibake in the spans of ``text`` where that is clearly better.

    With ``force``, every span that re-decodes is taken, better or not (a
    middle layer of layered mojibake can read worse than its mojibake).

    >>> k = {k.name: k for k in kinds()}
    >>> redecode("标题：鍙戝竷鏃堕棿", k["utf8-as-gbk"])
    '标题：发布时间'
    >>> redecode("楼主", k["utf8-as-gbk"])
    '楼主'
    """
    runs = _runs(text, _encoder(kind.wrong))
    fixes = [_fix_run(text, kind, data, bounds, force) for _, _, data, bounds in runs]
    if not any(fixes):
        return text
    if kind.original == "utf-8" and "\ufffd" in text:
        # Bytes were lost (U+FFFD): the characters they cut leave halves next
        # to it that no unit lines up with (涓\ufffd for 中,); they are shown
        # as lost too.
        for (i, j, data, bounds), spans in zip(runs, fixes):
            first = spans[0][0] if spans else j
            if i > 0 and text[i - 1] == "\ufffd" and first > i:
                lossy = _remnant(text, kind, data, bounds, i, first)
                if lossy is not None:
                    spans.insert(0, (i, first, lossy))
            last = spans[-1][1] if spans else i
            if j < len(text) and text[j] == "\ufffd" and last < j:
                lossy = _remnant(text, kind, data, bounds, last, j)
                if lossy is not None:
                    spans.append((last, j, lossy))
    out = []
    pos = 0
    for spans in fixes:
        for a, z, after in spans:
            out.append(text[pos:a])
            out.append(after)
            pos = z
    out.append(text[pos:])
    return "".join(out)


def _ftfy_config():
    import ftfy

    # Everything that would change clean CJK text off: width (，→,), quotes
    # (“”→""), NFC (CJK compatibility ideographs), line breaks, controls, entities
    # (done here, with a stricter pattern).
    return ftfy.TextFixerConfig(unescape_html=False, fix_character_width=False, uncurl_quotes=False,
                                fix_latin_ligatures=False, fix_line_breaks=False, remove_control_chars=False,
                                remove_terminal_escapes=False, normalization=None, explain=False)


def fix_latin(text: str) -> str:
    """ftfy's encoding fixes for Latin-script mojibake, kept only when they read better.

    >>> fix_latin("The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.")
    'The Mona Lisa doesn’t have eyebrows.'
    >>> fix_latin("“中文，全角！”")
    '“中文，全角！”'
    """
    import ftfy

    fixed = ftfy.fix_text(text, _ftfy_config())
    if fixed != text and badness(fixed) < badness(text):
        return fixed
    return text


def fix_mojibake_steps(text: str) -> tuple[str, list[str]]:
    """Undo mojibake layer by layer; returns the text and the kinds undone, in order.

    The lines a cheap pre-check flags are searched, together, for the kind (or
    pair of kinds, for layered mojibake) that most lowers their badness; that
    fix is then applied line by line, each line keeping it only where it reads
    clearly better; repeated while a fix helps. ftfy then gets the lines that
    still look like Latin-script mojibake.

    >>> fix_mojibake_steps(make_mojibake(make_mojibake("中文", "utf8-as-gbk"), "utf8-as-cp1252"))
    ('中文', ['utf8-as-cp1252', 'utf8-as-gbk'])
    """
    # Only the lines that hold a suspect, and look garbled, are looked at.
    todo = list(_flagged_lines(text))
    if not todo:
        return text, []
    lines = text.split("\n")
    done: list[str] = []
    for _ in range(MAX_LAYERS):
        if not todo:
            break
        sample = "\n".join(lines[i] for i in todo)[:SAMPLE_CHARS]
        path = _best_path(sample)
        if path is None:
            break
        changed = False
        for i in todo:
            fixed = _apply(lines[i], path)
            if fixed != lines[i]:
                lines[i] = fixed
                changed = True
        if not changed:
            break
        done.extend(k.name for k in path)
        todo = [i for i in todo if _flagged(lines[i])]
    latin = _suspects()[1]
    for i in todo:
        fixed = fix_latin(lines[i]) if latin.search(lines[i]) else lines[i]
        if fixed != lines[i]:
            lines[i] = fixed
            done.append("latin-mojibake")
    return "\n".join(lines), _dedupe(done)


def _apply(line: str, path: tuple[Kind, ...]) -> str:
    """``line`` with the kinds of ``path`` undone, if that reads clearly better."""
    return _apply_short(line, path) if len(line) <= CACHED_LINE_CHARS else _apply_line(line, path)


# A pure function of the line and the path; a garbled site garbles the same lines
# (menus, footers) on every page, and both passes over the input repair every document.
CACHED_LINE_CHARS = 500  # with 4096 entries: a few MB at most


@lru_cache(maxsize=4096)
def _apply_short(line: str, path: tuple[Kind, ...]) -> str:
    return _apply_line(line, path)


def _apply_line(line: str, path: tuple[Kind, ...]) -> str:
    fixed = line
    for n, kind in enumerate(path):
        fixed = redecode(fixed, kind, force=n < len(path) - 1)
    if fixed == line:
        return line
    if len(path) == 1 and _readable(fixed, path):
        return fixed  # redecode kept only the spans that read clearly better
    if _cost(fixed) + MARGIN < _cost(line) and _readable(fixed, path):
        return fixed
    return line


def _readable(text: str, path: tuple[Kind, ...]) -> bool:
    """Reads as well as real text does (lost characters aside).

    Valid UTF-8 is rare in other bytes, so a UTF-8 repair may give back rarer
    words (嫦娥奔月) than one from GBK or Big5, which any pair of high bytes is.
    """
    limit = ACCEPT_MAX if any(k.original != "utf-8" for k in path) else ACCEPT_MAX_UTF8
    return badness(text.replace("\ufffd", "")) <= limit


def _changed(before: str, after: str) -> str:
    """The lines of ``after`` that differ from ``before``'s (a sample mixes lines of several kinds)."""
    return "\n".join(b for a, b in zip(before.split("\n"), after.split("\n")) if a != b)


def _wide_only(text: str) -> bool:
    """Whether ``text`` holds only ASCII and characters past U+07FF (CJK, punctuation), no
    U+FFFD: a UTF-8 reading with no Latin-1 or symbol left from a wrong one.

    >>> _wide_only("夥俗 2021"), _wide_only("§Y®ɷs»D"), _wide_only("中\ufffd")
    (True, False, False)
    """
    return "\ufffd" not in text and all(ch < "\x80" or ch >= "\u0800" for ch in text)


def _cost(text: str) -> float:
    """A repair's badness, dearer when it still looks like mojibake (鍋ヤ华 read from 健仪's bytes)."""
    return badness(text) + (STILL_SUSPECT if _flagged(text) else 0.0)


def _applicable(text: str) -> list[Kind]:
    """The kinds whose wrong encoding gives characters like those in ``text``: a cheap first cut."""
    cjk, latin = _suspects()
    has_cjk, has_latin = cjk.search(text) is not None, latin.search(text) is not None
    return [k for k in kinds() if (has_latin if codecs.lookup(k.wrong).name == "cp1252" else has_cjk)]


# A pure function of the sample; the same few flagged lines (a site's 首頁 or © line) come
# back page after page, and both passes over the input read every document.
@lru_cache(maxsize=1024)  # samples are at most SAMPLE_CHARS long: a few MB at most
def _best_path(text: str) -> tuple[Kind, ...] | None:
    """The kind, or pair of kinds, whose undoing reads best, if clearly better than ``text``."""
    current = _cost(text)
    best: tuple[float, tuple[Kind, ...]] | None = None
    firsts = []
    for kind in _applicable(text):
        fixed = redecode(text, kind)
        if fixed != text:
            cost = _cost(fixed)
            # (bytes that read as whole UTF-8 characters of three bytes, with no odd Latin or
            # symbol left, seldom came from another encoding: of two readings alike, 夥俗 from
            # UTF-8 or 澶ヤ織 from GBK, the UTF-8 one)
            rank = cost - UTF8_PRIOR if kind.original == "utf-8" and _wide_only(fixed) else cost
            if cost < current and _readable(_changed(text, fixed), (kind,)) and (best is None or rank < best[0]):
                best = (rank, (kind,))
        forced = redecode(text, kind, force=True)
        if forced != text and _flagged(forced):
            firsts.append((forced, kind))
    # Layered mojibake: a middle layer can read worse than the text
    # (æ¶“î…Ÿæžƒ -> 涓\ue15f枃 -> 中文), so pairs are tried as well; a pair
    # must beat the best single kind clearly.
    pair: tuple[float, tuple[Kind, ...]] | None = None
    for forced, first in firsts:
        for kind in _applicable(forced):
            again = redecode(forced, kind)
            if again != forced:
                cost = _cost(again)
                if (cost + MARGIN < current and _readable(_changed(text, again), (first, kind))
                        and (pair is None or cost < pair[0])):
                    pair = (cost, (first, kind))
    if pair is not None and (best is None or pair[0] + MARGIN < best[0]):
        best = pair
    return None if best is None else best[1]


def make_mojibake(text: str, kind: str) -> str:
    """``text`` garbled as one kind of mojibake, the way browsers and Windows garble it.

    Bytes the wrong encoding lacks become U+FFFD (GBK, Big5) or C1 controls
    (cp1252, as latin-1 and the WHATWG decoder do). For tests and benchmarks.

    >>> make_mojibake("中文", "utf8-as-cp1252")
    'ä¸\xadæ–‡'
    >>> make_mojibake("中国", "gbk-as-cp1252")
    'ÖÐ¹ú'
    """
    k = {k.name: k for k in kinds()}[kind]
    data = text.encode({"gbk": "gb18030", "big5": "big5hkscs"}.get(k.original, k.original))
    if codecs.lookup(k.wrong).name == "cp1252":
        return data.decode("cp1252", "corpuskit-c1")
    wrong = {"gbk": "gb18030"}.get(k.wrong, k.wrong)
    return data.decode(wrong, "replace")


codecs.register_error("corpuskit-c1", lambda e: (e.object[e.start:e.end].decode("latin-1"), e.end))


def _dedupe(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def fix_mojibake(text: str) -> str:
    """Undo mojibake where the result reads clearly better.

    >>> fix_mojibake("ä¸­æ–‡")
    '中文'
    >>> fix_mojibake("中文，“引号”……")
    '中文，“引号”……'
    """
    return fix_mojibake_steps(text)[0]


def unescape_entities(text: str) -> str:
    """HTML entities to characters.

    >>> unescape_entities("a&nbsp;b &#x4E2D;&amp; &notanentity;")
    'a\\xa0b 中& &notanentity;'
    """
    if "&" not in text or not _ENTITY.search(text):
        return text
    return _ENTITY.sub(_entity, text)


def _entity(m: re.Match) -> str:
    name = m.group(0)
    if name[1] != "#" and name[1:] not in html.entities.html5:
        return name  # &notanentity; is text, not &not; followed by "anentity;"
    return html.unescape(name)


def remove_invisible(text: str) -> str:
    """Zero-width characters, soft hyphens, stray BOMs, U+FFFD and control characters removed.

    >>> remove_invisible("中\\u200b文\\ufeff\\ufffd")
    '中文'
    """
    if not _INVISIBLE_ANY.search(text):
        return text
    return _INVISIBLE.sub("", text)


# A line of U+FFFD alone stands for an image or an emoji the scraper could not write, not for
# lost words; and one lost spot in a long article (a mangled emoji) leaves the text whole.
_PLACEHOLDER_LINE = re.compile("^[^\\S\\n]*\ufffd[\ufffd\\s]*$", re.M)
_LOST_RUN = re.compile("\ufffd+")
CHARS_PER_LOST_SPOT = 1000  # text is lost when it has a spot of U+FFFD per this many characters or more


def unrepaired(text: str) -> bool:
    """Whether ``text`` has lost text (U+FFFD in the text, 锟斤拷): at least one spot per
    ``CHARS_PER_LOST_SPOT`` characters, lines of U+FFFD alone not counted.

    >>> unrepaired("发布\\ufffd"), unrepaired("锟斤拷锟斤拷"), unrepaired("中文")
    (True, True, False)
    >>> unrepaired("正文。\\n\\ufffd\\ufffd\\n正文。"), unrepaired("试试\\ufffd\\ufffd在看" + "正文。" * 400)
    (False, False)
    """
    if any(mark in text for mark in _rules()[1]):
        return True
    if "\ufffd" not in text:
        return False
    spots = len(_LOST_RUN.findall(_PLACEHOLDER_LINE.sub("", text)))
    return spots > 0 and spots * CHARS_PER_LOST_SPOT >= len(text)


def repair_steps(text: str, config: RepairConfig | None = None) -> tuple[str, list[str]]:
    """Apply the enabled fixes; return the text and the names of those that changed it.

    The names are ``entities``, the mojibake kinds (``utf8-as-gbk``, ...,
    ``latin-mojibake``), ``invisible``, and ``unrepaired-mojibake`` when lost
    text remains (checked before U+FFFD is removed).

    >>> repair_steps("&lt;鍙戝竷鏃堕棿\\u200b")
    ('<发布时间', ['entities', 'utf8-as-gbk', 'invisible'])
    """
    config = config or RepairConfig()
    done: list[str] = []

    def step(name: str, fix) -> None:
        nonlocal text
        fixed = fix(text)
        if fixed != text:
            done.append(name)
            text = fixed

    if config.entities:
        step("entities", unescape_entities)
    if config.mojibake and not text.isascii():
        text, names = fix_mojibake_steps(text)
        done.extend(names)
    if not text.isascii() and unrepaired(text):
        done.append(UNREPAIRED)
    if config.invisible:
        step("invisible", remove_invisible)
    return text, done


def repair(text: str) -> str:
    """Repair text with the default settings.

    >>> repair("&lt;p&gt;中文\\u200b")
    '<p>中文'
    """
    return repair_steps(text)[0]


class RepairStage(Stage):
    name = "repair"

    def process(self, doc: Document) -> Document:
        cfg = self.config.repair
        if not cfg.enabled:
            return doc
        doc.input, done = repair_steps(doc.input, cfg)
        for name in done:
            self.count(name)
        doc.repairs.extend(done)
        if UNREPAIRED in done:
            doc.flag(UNREPAIRED)
        return doc
