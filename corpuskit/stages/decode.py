"""bytes -> str: detect the encoding of bytes a scraper saved.

The order (docs/encodings.md):

1. a byte-order mark decides (``utf-8-sig``, ``utf-16``, ``utf-32``);
2. strict UTF-8, the common case and the fast path: taken as it is, unless every
   non-ASCII character is a two-byte one and a legacy Chinese reading of the
   same bytes is clearly better (short GBK text can be valid UTF-8 by chance);
3. each candidate family decoded strictly (GB: ``gbk``/``gb18030``; Big5:
   ``big5``/``cp950``/``big5hkscs``; UTF-16 without a BOM where the byte pattern
   allows it; any other Python codec named in the config), and the readings
   ranked by :func:`.badness.badness`, a Chinese character-frequency score;
4. a detector (charset-normalizer by default) is asked only when the best
   reading still scores badly: it brings the encodings outside the Chinese
   families (cp1252, Shift_JIS, EUC-KR, ...);
5. when nothing decodes strictly, the reading with the fewest replacement
   characters and the best score, named ``<name>-replace``.

Names are Python codec names and ``data.decode(name)`` gives the text back,
except for ``-replace`` readings and the few Big5 punctuation codes that the
``cp950`` and ``big5hkscs`` readings take from Python's ``big5`` table.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from typing import Iterable

from ..config import DecodeConfig
from ..document import Document
from ..pipeline import Stage
from .badness import badness, han_share
from .pagetext import is_page, page_lines

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts both
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DEFAULT_CANDIDATES = ("gb18030", "big5", "utf-16")
SAMPLE_BYTES = 1 << 13  # readings are scored on the first 8 KiB
LEGACY_MARGIN = 0.5  # how much better a GBK/Big5 reading must score to beat valid two-byte UTF-8 (һЩ -> 一些)
DETECTOR_ABOVE = 4.5  # a best reading scoring worse than this asks the detector
LOSSY_MARGIN = 1.0  # a reading with replacement characters must be this much better than a strict one
_BEYOND_TWO_BYTES = re.compile("[^\x00-\u07ff]")
_LATIN_LETTER = re.compile("[\xc0-\xff\u0100-\u024f]")
_GB = ("gb18030", "gbk", "gb2312", "cp936", "gb")
_BIG5 = ("big5", "cp950", "big5hkscs", "big5-hkscs")


def _big5_fallback(tables: tuple[str, ...]):
    def handler(err: UnicodeDecodeError) -> tuple[str, int]:
        pair = err.object[err.start:err.start + 2]
        for table in tables:
            try:
                return pair.decode(table), err.start + 2
            except UnicodeDecodeError:
                continue
        raise err
    return handler


# Python's big5 table first (it keeps U+2022 and the other punctuation that
# cp950 folds away), then the codes only cp950 has, then Big5-HKSCS.
codecs.register_error("corpuskit-cp950", _big5_fallback(("cp950",)))
codecs.register_error("corpuskit-hkscs", _big5_fallback(("cp950", "big5hkscs")))


def _decode_gb(data: bytes) -> tuple[str, str]:
    """GB2312/GBK/GB18030 bytes; named ``gbk`` unless four-byte GB18030 codes occur.

    >>> _decode_gb("中文".encode("gb2312"))
    ('中文', 'gbk')
    >>> _decode_gb("中文😀".encode("gb18030"))
    ('中文😀', 'gb18030')
    """
    try:
        return data.decode("gbk"), "gbk"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def _decode_big5(data: bytes) -> tuple[str, str]:
    """Big5 bytes, named by the widest table needed: ``big5``, ``cp950`` or ``big5hkscs``.

    >>> _decode_big5("中文".encode("big5"))
    ('中文', 'big5')
    >>> _decode_big5("碁".encode("cp950"))
    ('碁', 'cp950')
    """
    try:
        return data.decode("big5"), "big5"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("big5", "corpuskit-cp950"), "cp950"
    except UnicodeDecodeError:
        return data.decode("big5", "corpuskit-hkscs"), "big5hkscs"


def _family(name: str) -> str:
    n = name.lower().replace("_", "-")
    if n in _GB:
        return "gb"
    if n in _BIG5:
        return "big5"
    if n in ("utf-16", "utf16"):
        return "utf-16"
    return n


def _decode_as(data: bytes, family: str) -> tuple[str, str]:
    """Strict decoding of the whole of ``data`` as one family; raises UnicodeDecodeError."""
    if family == "gb":
        return _decode_gb(data)
    if family == "big5":
        return _decode_big5(data)
    return data.decode(family), codecs.lookup(family).name


def _sample(data: bytes, family: str) -> str | None:
    """The strict decoding of the first SAMPLE_BYTES (a cut character at the end forgiven)."""
    codec = {"gb": "gb18030", "big5": "big5hkscs"}.get(family, family)
    chunk = data[:SAMPLE_BYTES]
    try:
        if family == "big5":
            return codecs.getincrementaldecoder("big5")("corpuskit-hkscs").decode(chunk, final=len(chunk) == len(data))
        return codecs.getincrementaldecoder(codec)("strict").decode(chunk, final=len(chunk) == len(data))
    except (UnicodeDecodeError, LookupError):
        return None


_HIGH_BYTES = bytes([0x00, 0x20, 0x30, 0xFF, *range(0x4E, 0xA0)])


def _plausible_high(units: bytes) -> int:
    return len(units) - len(units.translate(None, _HIGH_BYTES))


def _utf16_orders(data: bytes) -> list[str]:
    """Byte orders in which ``data`` plausibly is UTF-16 without a BOM.

    In UTF-16 text, the high byte of each unit is 0x00 (ASCII), 0x20 (general
    punctuation), 0x30 (CJK punctuation, kana), 0x4E-0x9F (Han) or 0xFF
    (full-width forms) nearly always.

    >>> _utf16_orders("中文，UTF-16".encode("utf-16-le"))
    ['utf-16-le']
    >>> _utf16_orders("中文".encode("gbk"))
    []
    """
    if len(data) < 8 or len(data) % 2:
        return []
    sample = data[:SAMPLE_BYTES]
    orders = []
    for name, high, low in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2])):
        # ... and the low byte is anything: single-byte text (ASCII letters at
        # both positions) is not mistaken for Han.
        n = len(high)
        ascii_like = high.count(0) >= 0.3 * n and low.count(0) <= 0.05 * n
        cjk_like = n >= 4 and _plausible_high(high) >= 0.9 * n and _plausible_high(low) <= 0.6 * n
        if ascii_like or cjk_like:
            orders.append(name)
    return orders


def detect(data: bytes, detector: str = "charset-normalizer") -> str | None:
    """The encoding a third-party detector guesses (a Python codec name), or None.

    >>> detect("Ein schöner Tag für alle, über den Fluss.".encode("cp1252")) in ("cp1252", "latin_1", "cp1250", "iso8859_15")
    True
    """
    if detector == "chardet":
        import chardet

        name = chardet.detect(data[:SAMPLE_BYTES]).get("encoding")
    elif detector == "charset-normalizer":
        from charset_normalizer import from_bytes

        best = from_bytes(data[:SAMPLE_BYTES]).best()
        name = best.encoding if best else None
    else:
        return None
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _maybe_legacy(text: str) -> bool:
    """Valid UTF-8 whose non-ASCII characters are all two-byte ones (U+0080-U+07FF), and no
    accented Latin letter among them: GBK text read so gives Cyrillic, Greek, Hebrew, ... (一些 -> һЩ).

    >>> _maybe_legacy("һЩ"), _maybe_legacy("café"), _maybe_legacy("中文")
    (True, False, False)
    """
    return not text.isascii() and _BEYOND_TWO_BYTES.search(text) is None and _LATIN_LETTER.search(text) is None


def decode(data: bytes, candidates: Iterable[str] = DEFAULT_CANDIDATES,
           detector: str = "charset-normalizer") -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns ``(text, encoding)``.

    >>> decode("中文".encode("gbk"))
    ('中文', 'gbk')
    >>> decode("中文".encode("utf-8"))
    ('中文', 'utf-8')
    >>> decode("中文".encode("utf-16"))
    ('中文', 'utf-16')
    >>> decode("繁體中文".encode("big5"))
    ('繁體中文', 'big5')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return data.decode(name, "replace"), name + "-replace"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    families = []
    for name in candidates:
        fam = _family(name)
        if fam not in families:
            families.append(fam)
    if text is not None and "\x00" in text and "utf-16" in families:
        utf16 = _best_strict(data, _utf16_orders(data))  # ASCII-heavy UTF-16 is valid UTF-8
        if utf16 is not None:
            return utf16[0], utf16[1]
    if text is not None:
        if not _maybe_legacy(text):
            return text, "utf-8"
        alt = _best_strict(data, [f for f in families if f != "utf-16"])
        if alt is not None:
            alt_text, alt_name, alt_cost = alt
            if len(data) > SAMPLE_BYTES:
                # (the family was ranked on the first SAMPLE_BYTES, which may hold no non-ASCII
                # byte at all, a page's markup: the two readings are compared whole)
                alt_cost = badness(alt_text)
            if (alt_cost + LEGACY_MARGIN < badness(text) and alt_cost <= 4.0
                    and han_share(alt_text) >= 0.5 and sum(ch >= "\u3400" for ch in alt_text) >= 2):
                return alt_text, alt_name
        return text, "utf-8"

    expanded = []
    for fam in families:
        expanded.extend(_utf16_orders(data) if fam == "utf-16" else [fam])
    best = _best_strict(data, expanded)
    if best is not None and best[2] <= DETECTOR_ABOVE:
        return best[0], best[1]
    # Not Chinese, it seems: cp1252 (Western web pages), then the detector's
    # guess; and, in case a few bytes are broken, the lossy readings.
    extra = ["cp1252"]
    guess = detect(data, detector) if detector and detector != "none" else None
    if guess is not None and guess not in extra and _family(guess) not in expanded \
            and not guess.startswith(("utf", "ascii")):
        extra.append(guess)
    other = _best_strict(data, extra)
    if other is not None and (best is None or other[2] < best[2]):
        best = other
    lossy = _best_lossy(data, ["utf-8", *expanded])
    if best is None or lossy[2] + LOSSY_MARGIN < best[2]:
        return lossy[0], lossy[1]
    return best[0], best[1]


def _best_strict(data: bytes, families: list[str]) -> tuple[str, str, float] | None:
    """The best-scoring family that decodes all of ``data`` strictly: (text, name, cost)."""
    scored = []
    for i, fam in enumerate(families):
        sample = _sample(data, fam)
        if sample is not None:
            scored.append((badness(sample), i, fam))
    for cost, _, fam in sorted(scored):
        try:
            text, name = _decode_as(data, fam)
        except UnicodeDecodeError:
            continue
        return text, name, cost
    return None


def _best_lossy(data: bytes, families: list[str]) -> tuple[str, str, float]:
    """Nothing decodes strictly: the reading with the lowest score, U+FFFD costing most."""
    best: tuple[float, int, str, str] | None = None
    for i, fam in enumerate(families):
        codec = {"gb": "gb18030", "big5": "big5hkscs"}.get(fam, fam)
        try:
            text = data.decode(codec, "replace")
        except LookupError:
            continue
        key = (badness(text[:SAMPLE_BYTES]), i, text, codecs.lookup(codec).name)
        if best is None or key[:2] < best[:2]:
            best = key
    assert best is not None
    return best[2], best[3] + "-replace", best[0]


def decode_raw(doc: Document, cfg: DecodeConfig) -> None:
    """``doc.raw`` decoded into ``doc.input``, with the bytes' hash and encoding (flagged
    ``undecodable-bytes`` when some could not be read); ``doc.raw`` is kept."""
    assert doc.raw is not None
    doc.sha256 = hashlib.sha256(doc.raw).hexdigest()
    doc.input, doc.encoding = decode(doc.raw, cfg.candidates, cfg.detector)
    if doc.encoding.endswith("-replace"):
        doc.flag("undecodable-bytes")


# what an HTML page's text can open with (a cheap test before is_page)
_PAGE_OPENERS = frozenset("<\ufeff \t\r\n")


class DecodeStage(Stage):
    name = "decode"

    def process(self, doc: Document) -> Document:
        cfg = self.config.decode
        if doc.raw is not None:
            decode_raw(doc, cfg)
            self.count(doc.encoding)
        elif doc.encoding:  # bytes decoded before (an .html page, read from its markup)
            self.count(doc.encoding)
        else:
            doc.sha256 = doc.sha256 or hashlib.sha256(doc.input.encode("utf-8", "surrogatepass")).hexdigest()
            doc.encoding = "text"
        if cfg.html_pages and doc.input[:1] in _PAGE_OPENERS and is_page(doc.input):
            doc.input = page_lines(doc.input)
            doc.repairs.append("html-page")
        if "\r" in doc.input:
            doc.input = doc.input.replace("\r\n", "\n").replace("\r", "\n")
        return doc
