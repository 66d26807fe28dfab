"""How plausible a text reads, for choosing among decodings and repairs.

Detection kept apart from repair, as ftfy keeps its ``badness.py``: this module
only scores; :mod:`.decode` and :mod:`.repair` decide with it.

:func:`badness` is the mean cost per non-ASCII character, plus a penalty for
character pairs that mojibake produces. A Han character costs by how common it
is (``rules/han_freq.txt``: about 2 for 的, 4 for a character seen once in ten
thousand, 8 for one not listed); CJK punctuation and common symbols are cheap;
controls, private-use characters and U+FFFD are dear. Real Chinese text scores
about 2.5-3.5, mojibake 5 and more.

>>> badness("中国人民") < 3 < 5.5 < badness("涓浗浜烘皯")
True
>>> badness("ÖÐ¹ú") > badness("中国")
True
"""
from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from importlib import resources

import re

RARE_HAN = 8.0  # a Han character the table does not list
# UTF-8 read as cp1252/latin-1: a lead byte's character (Â-ô) then a continuation
# byte's character (0x80-0xBF as latin-1, or cp1252's specials in 0x80-0x9F).
CP1252_CONTINUATION = "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" \
                      "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026" \
                      "\u2030\u2039\u203a\u20ac\u2122"
_C = f"[{CP1252_CONTINUATION}]"
_UTF8_AS_LATIN = re.compile(f"[\xc2-\xdf]{_C}|[\xe0-\xef]{_C}{{2}}|[\xf0-\xf4]{_C}{{3}}")
# An accented letter inside a Latin word is likely (Rondônia); a lone Han
# character inside one is not (Rond么nia: UTF-8 read as GBK).
_LATIN_IN_WORD = re.compile("(?<=[A-Za-z])[\xc0-\xff\u0100-\u024f]|[\xc0-\xff\u0100-\u024f](?=[a-z])")
_HAN_IN_WORD = re.compile("(?<=[A-Za-z][a-z])[\u3400-\u9fff](?=[a-z]{2})")
WORD_BONUS = 1.5
PAIR_PENALTY = 8.0
# Latin-1 letters and signs stand next to each other rarely in real words (ção, créée).
_LATIN1_RUN = re.compile("[\xa1-\xff]{2,}")
_CP1252_SIGNS = "\u2020\u2021\u2030\u02c6\u02dc\u0192\u0160\u0161\u0152\u0153\u017d\u017e\u0178\u2039\u203a\u2122"
_LATIN1_ANY = re.compile(f"[\xa1-\xff{_CP1252_SIGNS}]")  # one of these in every match below
LATIN_RUN_PENALTY = 2.5
# A Latin-1 sign glued to a letter or a Han character (°s, u´f, 頦©) is a byte of
# something else; real text writes 25°C, µg, ¿Qué, «mot», © 2020.
_SIGNS = "\xa2-\xa9\xac-\xaf\xb1-\xb4\xb6\xb8\xb9\xbc-\xbe\xd7\xf7"
_SIGNS += _CP1252_SIGNS
_SIGN_TOUCHING_LETTER = re.compile(
    f"[A-Za-z\xc0-\xff\u3400-\u9fff][{_SIGNS}\xb0]|[{_SIGNS}][A-Za-z\xc0-\xff\u3400-\u9fff]|\xb0(?![CF])[A-Za-z]")
SIGN_PENALTY = 3.0
# An accented Latin-1 letter glued to a Han character (é险: half of one UTF-8 character read
# as Latin-1, half as Big5) is a byte of something else; real text spaces or brackets them.
_LATIN1_LETTER = "\xc0-\xd6\xd8-\xf6\xf8-\xff"
_LATIN1_TOUCHING_HAN = re.compile(f"[{_LATIN1_LETTER}][\u3400-\u9fff]|[\u3400-\u9fff][{_LATIN1_LETTER}]")

# Cheap non-Han classes; anything else is looked up by Unicode category once.
_CHEAP = set("\u00a0\u3000·°×÷±§©®¥£€℃№\u2010\u2011\u2012\u2013\u2014\u2015‘’“”•…‧※")


@lru_cache(maxsize=1)
def han_costs() -> dict[str, float]:
    """Cost of each listed Han character: log10 of 10 million over its count.

    >>> 1.5 < han_costs()["的"] < 2.5
    True
    """
    text = resources.files("corpuskit").joinpath("rules/han_freq.txt").read_text("utf-8")
    costs: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        ch, _, per = line.partition("\t")
        costs[ch] = min(RARE_HAN - 0.5, math.log10(1e7 / max(1, int(per))))
    return costs


def _class_cost(ch: str) -> float:
    o = ord(ch)
    if ch in "¡¿«»":
        return 3.0  # Spanish and French punctuation
    if 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return 4.0  # fullwidth letters: rare in text, common in GBK read wrongly (ｅ)
    if 0xFE35 <= o <= 0xFE48:
        return 4.0  # vertical brackets (︵︿﹁): only in vertical layout, common in UTF-8 read as GBK
    if ch in _CHEAP or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF65 or 0xFE30 <= o <= 0xFE4F:
        return 2.0  # CJK and fullwidth punctuation and digits, common symbols
    if 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x3FFFF or 0xF900 <= o <= 0xFAFF:
        return RARE_HAN
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return 3.8  # kana: real, but in a Chinese text more often GBK mojibake (ヤ, ュ)
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return 4.5  # hangul
    if o == 0xFFFD:
        return 6.0  # lost, but honest: dearer than any real character, cheaper than garbage
    if 0xE000 <= o <= 0xF8FF or 0xD800 <= o <= 0xDFFF or 0xF0000 <= o:
        return 10.0  # private use, lone surrogates
    if 0x2460 <= o <= 0x24FF or 0x2160 <= o <= 0x217F or 0x3200 <= o <= 0x33FF:
        return 3.0  # circled and enclosed numbers, Roman numerals
    if 0x1F000 <= o <= 0x1FAFF:
        return 3.0  # emoji
    cat = unicodedata.category(ch)
    if cat[0] == "C":
        return 10.0  # controls, format characters, unassigned
    name = unicodedata.name(ch, "")
    if cat[0] == "L" and name.startswith("LATIN"):
        return 3.5
    if cat[0] in "LM":
        return 4.5  # letters of other scripts: real, but foreign in a Chinese text
    if cat[0] == "Z":
        return 3.0
    if cat in ("Pd", "Ps", "Pe", "Pi", "Pf", "Po") and o < 0x2070:
        return 4.0
    return 5.5  # symbols of every other kind: box drawing, math, latin-1 oddments


@lru_cache(maxsize=1)
def _cost_table() -> dict[str, float]:
    table = dict(han_costs())
    table.update((chr(o), 0.0) for o in range(0x80))
    for o in range(0x80, 0x3000):  # everything below CJK scored once, up front
        ch = chr(o)
        table.setdefault(ch, _class_cost(ch))
    return table


def char_cost(ch: str) -> float:
    """The cost of one character (ASCII costs 0).

    >>> char_cost("a"), char_cost("的") < char_cost("鍙"), char_cost("\\ufffd")
    (0.0, True, 6.0)
    """
    if ch < "\x80":
        return 0.0
    table = _cost_table()
    cost = table.get(ch)
    if cost is None:
        cost = table[ch] = _class_cost(ch)
    return cost


def badness(text: str) -> float:
    """Mean cost per non-ASCII character, with mojibake pairs penalized; 0 for ASCII.

    >>> badness("plain ASCII")
    0.0
    >>> badness("café") < badness("cafÃ©")
    True
    """
    table = _cost_table()
    n = len(text) - len(text.encode("ascii", "ignore"))
    if not n:
        return 0.0
    costs = list(map(table.get, text))  # ASCII is in the table at 0
    if None in costs:
        for i, cost in enumerate(costs):
            if cost is None:
                costs[i] = table[text[i]] = _class_cost(text[i])
    total = sum(costs)
    if n < len(text):  # ASCII letters around: Latin words
        total -= WORD_BONUS * len(_LATIN_IN_WORD.findall(text))
        total += PAIR_PENALTY * len(_HAN_IN_WORD.findall(text))
    if _LATIN1_ANY.search(text):
        total += PAIR_PENALTY * len(_UTF8_AS_LATIN.findall(text))
        total += SIGN_PENALTY * len(_SIGN_TOUCHING_LETTER.findall(text))
        total += PAIR_PENALTY * len(_LATIN1_TOUCHING_HAN.findall(text))
        for run in _LATIN1_RUN.findall(text):  # ÈÈÃÅÆÀÂÛ: GBK read as latin-1, not a word
            total += LATIN_RUN_PENALTY * (len(run) - 1)
    if "锟斤拷" in text:  # U+FFFD U+FFFD read as GBK: lost text in disguise
        total += PAIR_PENALTY * 3 * text.count("锟斤拷")
    return total / n


def han_share(text: str) -> float:
    """Share of Han characters among the non-ASCII ones.

    >>> han_share("中文 abc，")
    0.6666666666666666
    """
    n = han = 0
    for ch in text:
        if ch >= "\x80":
            n += 1
            han += "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003ffff"
    return han / n if n else 0.0
