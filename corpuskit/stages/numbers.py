"""Chinese numerals to digits and back: ``convert_numbers(text, to="arabic"|"chinese")``.

``arabic`` turns a Chinese numeral into digits only where it counts or measures
(a unit follows, 百分之 precedes, or it is a year before 年); names, slogans,
idioms and ordinals stay (the exception lexicon is ``rules/convert/numbers.toml``).
``chinese`` reads digits out for speech corpora. cn2an computes the values of
the spans this module has already checked, so its known slips (统一 -> 统1,
两三个 -> 23) cannot happen. The rules: docs/normalize.md.

>>> convert_numbers("三千余名代表，增长百分之十七点零一，二〇二一年，一带一路，统一，两三个，第一")
'3000余名代表，增长17.01%，2021年，一带一路，统一，两三个，第一'
>>> convert_numbers("2021年有3000余名代表，增长17.01%", "chinese")
'二〇二一年有三千余名代表，增长百分之十七点零一'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from ..rules.convert import load

_DIGIT = "〇零一二两三四五六七八九"
_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "两": 2, "兩": 2}
_READ = "零一二三四五六七八九"
_YEAR_READ = "〇一二三四五六七八九"
_NUMERAL = f"[{_DIGIT}兩十百千万萬亿億]+(?:点[{_DIGIT}]+)?"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass(frozen=True)
class NumberRules:
    counted: "re.Pattern[str]"  # a numeral followed by a unit (its group 1)
    exceptions: "re.Pattern[str] | None"


@lru_cache(maxsize=None)
def rules() -> NumberRules:
    data = load("numbers.toml")
    units = "|".join(re.escape(u) for u in sorted(set(data["units"]), key=len, reverse=True))
    approx = "".join(data.get("approx", ()))
    # (?<!X.) after the first character: the character before the numeral is not X. Starting
    # with a character class, not a look-behind, keeps Python's scan fast.
    # Not after 第 (an ordinal), 几/数 (几十万, 数十年: a guess, not a count) or another numeral.
    counted = re.compile(f"([{_DIGIT}兩十百千万萬亿億](?<![第几幾数數{_DIGIT}兩十百千万萬亿億点].)[{_DIGIT}兩十百千万萬亿億]*"
                         f"(?:点[{_DIGIT}]+)?)(?=[{approx}]?(?:{units}))")
    alts = [re.escape(p) for p in sorted(set(data.get("exceptions", ())), key=len, reverse=True)]
    alts += list(data.get("exception_patterns", ()))
    return NumberRules(counted, re.compile("|".join(alts)) if alts else None)


def _excepted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps a phrase of the exception lexicon (searched near it only)."""
    ex = rules().exceptions
    if ex is None:
        return False
    return any(m.start() < end and start < m.end() for m in ex.finditer(text, max(0, start - 12), end + 12))


# -- Chinese to digits -----------------------------------------------------------

def _is_count(numeral: str) -> bool:
    """Whether a numeral reads as one number: not a lone 一/两, not two digits side by side (两三, 三四十).

    >>> [_is_count(s) for s in ("三千", "一", "两", "两三", "三四十", "一千零五", "十", "零点五")]
    [True, False, False, False, False, True, True, True]
    """
    whole, dot, _ = numeral.partition("点")
    if not whole or (whole in ("一", "两", "兩", "〇", "零") and not dot):
        return False
    if whole[0] in "百千万萬亿億":
        return False
    for a, b in zip(whole, whole[1:]):
        if a in _DIGIT and a not in "〇零" and b in _DIGIT and b not in "〇零":
            return False
    return True


def _value(numeral: str) -> str | None:
    """Digits for a checked numeral; 万/亿 at the end stay as units (三千万 -> 3000万). None if unreadable.

    >>> _value("三千"), _value("十七点零一"), _value("八十五点四二亿"), _value("一万二千"), _value("两千万")
    ('3000', '17.01', '85.42亿', '12000', '2000万')
    """
    suffix = ""
    m = re.search("(?:万亿|萬億|[万萬亿億])$", numeral)
    if m and not re.search("[万萬亿億]", numeral[:m.start()]):
        numeral, suffix = numeral[:m.start()], m.group()
    whole, _, frac = numeral.partition("点")
    whole = whole.replace("兩", "两").replace("萬", "万").replace("億", "亿")
    try:
        n = cn2an.cn2an(whole, "normal") if whole else None
    except (ValueError, KeyError, IndexError):
        return None
    if not isinstance(n, int) or n < 0:
        return None
    digits = str(n)
    if frac:
        digits += "." + "".join(str(_DIGIT_VALUE[c]) for c in frac)
    return digits + suffix


_PERCENT_CN = re.compile(f"([百千])分之({_NUMERAL})")
# (○, a white circle, stands for 〇 in many printed years: 二○二三年)
_YEAR_CN = re.compile("([一二](?<![〇○零一二三四五六七八九十].)[〇○零一二三四五六七八九]{3})年")
# A date's month and day: 十月一日, 2023年一月. A lone 一 counts nothing elsewhere (一日 is
# "one day"), but after a month or before a day it is the date's number.
_MONTH_DAY_CN = re.compile("([一二三四五六七八九十](?<![〇○零一二两三四五六七八九十百千万第].)[一二三四五六七八九十]?)月"
                           "([一二三四五六七八九十]{1,3})([日号號])")
_YEAR_MONTH_CN = re.compile("(?<=[0-9]年)([一二三四五六七八九十]{1,2})月")


@lru_cache(maxsize=None)
def _date_numbers(most: int) -> dict[str, str]:
    """The numerals of a month (``most`` 12) or a day (31) with their digits.

    >>> _date_numbers(12)["十一"], _date_numbers(31)["三十一"], "三十二" in _date_numbers(31)
    ('11', '31', False)
    """
    return {cn2an.an2cn(str(n), "low"): str(n) for n in range(1, most + 1)}


def _to_arabic(text: str) -> str:
    if not re.search(f"[{_DIGIT}兩十百千]", text):
        return text

    def percent(m: "re.Match[str]") -> str:
        if _excepted(text, *m.span()) or not _is_count(m.group(2)) and m.group(2) not in ("一", "两"):
            return m.group()
        v = _value(m.group(2))
        return m.group() if v is None or not v[-1].isdigit() else v + ("%" if m.group(1) == "百" else "‰")

    def year(m: "re.Match[str]") -> str:
        if _excepted(text, *m.span()):
            return m.group()
        return "".join(str(_DIGIT_VALUE[c]) for c in m.group(1)) + "年"

    def counted(m: "re.Match[str]") -> str:
        if not _is_count(m.group(1)) or _excepted(text, *m.span()):
            return m.group()
        return _value(m.group(1)) or m.group()

    if "分之" in text:
        text = _PERCENT_CN.sub(percent, text)
    def month_day(m: "re.Match[str]") -> str:
        month, day = _date_numbers(12).get(m.group(1)), _date_numbers(31).get(m.group(2))
        if month is None or day is None or _excepted(text, *m.span()):
            return m.group()
        return f"{month}月{day}{m.group(3)}"

    def year_month(m: "re.Match[str]") -> str:
        month = _date_numbers(12).get(m.group(1))
        return m.group() if month is None or _excepted(text, *m.span()) else month + "月"

    if "年" in text:
        text = _YEAR_CN.sub(year, text)
    if "月" in text:
        text = _YEAR_MONTH_CN.sub(year_month, _MONTH_DAY_CN.sub(month_day, text))
    return rules().counted.sub(counted, text)


# -- digits to Chinese -------------------------------------------------------------

_CJK = f"[{_HAN}，。、；：！？“”‘’「」『』（）《》【】…—]"
# Digits not glued to Latin letters, URLs, codes or times; each pattern starts with a digit
# and checks the character before it with (?<!X\d), so the scan stays fast.
_NOT_AFTER = r"[\w.,:/+\-@#]"
_NUMBER = re.compile(rf"(\d(?<!{_NOT_AFTER}\d)(?:\d{{0,2}}(?:,\d{{3}})+|\d*))(\.\d+)?(?![\w,:/+\-@#]|\.\d)", re.ASCII)
_PERCENT = re.compile(rf"(\d(?<!{_NOT_AFTER}\d)\d*)(\.\d+)? ?[%％]", re.ASCII)
_YEAR = re.compile(rf"([12](?<!{_NOT_AFTER}[12])\d{{3}})(?=年)(?!年[前后後来來间間多余餘以内內])", re.ASCII)
_YEAR_RANGE = re.compile(rf"([12](?<!{_NOT_AFTER}[12])\d{{3}})(?=[—–\-~～至到][12]\d{{3}}年)", re.ASCII)


def _read(digits: str, frac: str | None = None) -> str:
    """A number read out: 3000 -> 三千, 17.01 -> 十七点零一; digit by digit for codes (0086, 400000 alone)."""
    digits = digits.replace(",", "")
    if (len(digits) > 1 and digits[0] == "0") or len(digits) > 16:
        out = "".join(_READ[int(c)] for c in digits)
    else:
        out = cn2an.an2cn(digits, "low")
    if frac:
        out += "点" + "".join(_READ[int(c)] for c in frac.lstrip("."))
    return out


def _chinese_context(text: str, start: int, end: int) -> bool:
    """A digit span reads out only next to Chinese text (a Han character or mark), with no Latin letter touching it."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if re.match("[A-Za-z]", before) or re.match("[A-Za-z]", after):
        return False
    return bool(re.match(_CJK, before) or re.match(_CJK, after))


def _to_chinese(text: str) -> str:
    if not re.search(r"\d", text):
        return text

    def percent(m: "re.Match[str]") -> str:
        if not _chinese_context(text, *m.span()):
            return m.group()
        return "百分之" + _read(m.group(1), m.group(2))

    def year(m: "re.Match[str]") -> str:
        return "".join(_YEAR_READ[int(c)] for c in m.group(1))

    def number(m: "re.Match[str]") -> str:
        s, e = m.span()
        if not _chinese_context(text, s, e):
            return m.group()
        digits = m.group(1).replace(",", "")
        after = text[e] if e < len(text) else ""
        # a long bare number not followed by a unit is a code (postcode, phone): digit by digit
        if len(digits) >= 5 and "," not in m.group(1) and not m.group(2) and not re.match(f"[{_HAN}]", after):
            return "".join(_READ[int(c)] for c in digits)
        return _read(m.group(1), m.group(2))

    if "%" in text or "％" in text:
        text = _PERCENT.sub(percent, text)
    if "年" in text:
        text = _YEAR.sub(year, _YEAR_RANGE.sub(year, text))
    return _NUMBER.sub(number, text)


def convert_numbers(text: str, to: str = "arabic") -> str:
    """Chinese numerals that count or measure to digits (``arabic``), or digits read out (``chinese``).

    >>> convert_numbers("全国统一零售价，我买了两三个橘子，全国两会，两点半，三十而立")
    '全国统一零售价，我买了两三个橘子，全国两会，两点半，三十而立'
    >>> convert_numbers("5G手机售价3999元，P3实验室，电话023-88888888，时间18:30", "chinese")
    '5G手机售价三千九百九十九元，P3实验室，电话023-88888888，时间18:30'
    """
    if to == "arabic":
        return _to_arabic(text)
    if to == "chinese":
        # a number read out puts its neighbour in Chinese context, one more number a round
        # (0%0%0%0年 takes four); a round that changes nothing ends it
        for _ in range(max(3, len(text))):
            new = _to_chinese(text)
            if new == text:
                break
            text = new
        return text
    if to == "keep":
        return text
    raise ValueError(f"convert_numbers: to must be 'arabic' or 'chinese', not {to!r}")
