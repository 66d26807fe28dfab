"""Dates: any written date to ISO 8601 (``to_iso``), and dates inside a text rewritten (``iso_dates``).

Only whole dates change: a year, a month and a day, written in Chinese
(2021年12月31日, 二〇二一年十二月三十一日), with separators (2021/12/31,
2021.12.31, 2021-12-31) or in English (Dec. 31, 2021; 31 December 2021). A
month and day without a year (12月31日) take the year of an earlier date in the
same sentence, or else the year that puts them closest to the publication date.
Relative dates (昨日, 今年) and partial ones (2021年12月) stay as written.

>>> iso_dates("2021年12月1日至12月31日，昨日发布；Dec. 31, 2021")
'2021-12-01至2021-12-31，昨日发布；2021-12-31'
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGITS["零"] = _CN_DIGITS["○"] = 0  # (○, a white circle, stands for 〇 in many printed years)
_CN_SMALL = r"(?:[一二三四五六七八九]|十[一二三四五六七八九]?|[二三]十[一二三四五六七八九]?)"

# Whole dates, one pattern per way of writing them; each starts with a character class (a
# look-behind after the first character checks what stands before it), so the scan is fast.
_CN_DATE = re.compile(r"(\d(?<![\d.]\d)\d{3})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*[日号]")
_CN_NUMERAL_DATE = re.compile(f"([〇○零一二三四五六七八九]{{4}})年({_CN_SMALL})月({_CN_SMALL})[日号]")
_SEP_DATE = re.compile(r"([12](?<![\d./-][12])\d{3})([/.-])(\d{1,2})\2(\d{1,2})(?!\d|\.\d|/\d)")
_MONTH_WORD = r"([ADFJMNOS](?<![A-Za-z][ADFJMNOS])[a-z]{2,8})"
_EN_DATE = re.compile(_MONTH_WORD + r"\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})(?!\d)")
_EN_DAY_FIRST = re.compile(r"(\d(?<!\d\d)\d?)(?:st|nd|rd|th)?[ \t]+" + _MONTH_WORD + r"\.?,?[ \t]+(\d{4})(?!\d)")


def _month_word(name: str) -> int | None:
    name = name.lower()
    return _MONTHS.get(name) if name in _MONTHS or name == "sept" else None


def _date_parts(kind: str, m: "re.Match[str]") -> tuple[int, int, int] | None:
    """(year, month, day) from a match of one of the whole-date patterns, or None if invalid."""
    g = m.groups()
    if kind == "cn":
        y, mo, d = int(g[0]), int(g[1]), int(g[2])
    elif kind == "cn-numeral":
        y, mo, d = _cn_number(g[0]), _cn_number(g[1]), _cn_number(g[2])
    elif kind == "sep":
        y, mo, d = int(g[0]), int(g[2]), int(g[3])
        if not 1900 <= y <= 2099:
            return None
    elif kind == "en":
        y, mo, d = int(g[2]), _month_word(g[0]), int(g[1])
    else:
        y, mo, d = int(g[2]), _month_word(g[1]), int(g[0])
    return (y, mo, d) if mo and _valid(y, mo, d) else None


# (kind, pattern, a string the text must hold for the pattern to be tried)
_WHOLE = (("cn", _CN_DATE, "年"), ("cn-numeral", _CN_NUMERAL_DATE, "年"), ("sep", _SEP_DATE, ""),
          ("en", _EN_DATE, ""), ("en-day-first", _EN_DAY_FIRST, ""))


# What may follow a date that is part of something longer: a digit glued to it (2021年12月31日24时),
# a range or list that goes on with a bare day (3月5日至7日, 3月5日、6日) or a number (3月5日-3月7日).
# Such a date stays as written: rewriting one end of a range breaks the range.
_RUN_ON = re.compile(r"\d|[-–—~～/.]\d|[ \t]*[至到、和及与~～\-–—][ \t]*\d{1,2}[ \t]*[日号]")
# Before a month and day: a date that comes back every year (每年的3月5日, 逢12月1日) has no year.
_RECURRING = re.compile("[每逢][年个個]?[的]?[ \t]*$")


def _runs_on(m: "re.Match[str]") -> bool:
    """Whether the date matched goes on into a longer expression (see ``_RUN_ON``).

    >>> _runs_on(_CN_DATE.search("2021年12月31日24时")), _runs_on(_CN_DATE.search("2021年12月31日 10:00"))
    (True, False)
    """
    return _RUN_ON.match(m.string, m.end()) is not None


_MONTH_DAY = re.compile(r"(?P<m>\d(?<![\d年./-]\d)\d?)[ \t]*月[ \t]*(?P<d>\d{1,2})[ \t]*[日号]")
_YEAR_BEFORE = re.compile(r"(\d{4})(?:-\d{2}-\d{2}|[ \t]*年)")
_DIGIT = re.compile("[0-9]")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _cn_number(s: str) -> int:
    """一 .. 三十一 as an integer; 〇-digit strings digit by digit.

    >>> _cn_number("二〇二一"), _cn_number("十二"), _cn_number("三十一"), _cn_number("十")
    (2021, 12, 31, 10)
    """
    if "十" not in s:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1] and 1000 <= y <= 9999


def _iso(ymd: tuple[int, int, int] | None) -> str | None:
    return f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}" if ymd else None


def _nearest_year(month: int, day: int, ref: date) -> int | None:
    """The year that puts month/day closest to ``ref``."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if _valid(y, month, day):
            gap = abs((date(y, month, day) - ref).days)
            if best is None or gap < best[0]:
                best = (gap, y)
    return best[1] if best else None


def _reference(published: str | None) -> date | None:
    if published and _ISO.match(published):
        try:
            return date(int(published[:4]), int(published[5:7]), int(published[8:10]))
        except ValueError:
            return None
    return None


def iso_dates(text: str, *, published: str | None = None) -> str:
    """Whole dates in ``text`` to ``YYYY-MM-DD``; ``published`` (ISO) dates a month and day without a year.

    >>> iso_dates("会议于2021/12/31举行，12月30日筹备", published="2022-01-03")
    '会议于2021-12-31举行，2021-12-30筹备'
    >>> iso_dates("12月30日筹备，版本2.1.3，今年1月"), iso_dates("31 December 2021 and 2021-2-30")
    ('12月30日筹备，版本2.1.3，今年1月', '2021-12-31 and 2021-2-30')
    """
    if not _DIGIT.search(text) and "年" not in text:  # (一九九八年 holds no digit)
        return text

    for kind, pattern, needs in _WHOLE:
        if needs in text:
            text = pattern.sub(lambda m: m.group() if _runs_on(m) else _iso(_date_parts(kind, m)) or m.group(),
                               text)
    if "月" not in text:
        return text
    ref = _reference(published)

    def month_day(m: "re.Match[str]") -> str:
        if _runs_on(m) or _RECURRING.search(text, max(0, m.start() - 4), m.start()):
            return m.group()
        mo, d = int(m.group("m")), int(m.group("d"))
        start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
        years = _YEAR_BEFORE.findall(text, start, m.start())
        year = int(years[-1]) if years else (_nearest_year(mo, d, ref) if ref else None)
        if year is None or not _valid(year, mo, d):
            return m.group()
        return f"{year:04d}-{mo:02d}-{d:02d}"

    return _MONTH_DAY.sub(month_day, text)


# A time next to a date: after it ("Jan. 5, 2021, 4:05 p.m. ET", "December 27, 2014 at 12:06 PM")
# or before it ("10:32 AM ET, Thu January 5, 2023"); the zone named after the time, if any.
_AMPM = r"(?P<ampm>[AaPp]\.?[Mm]\b\.?)?"
_ZONE = (r"(?:[ \t]*[(（]?(?P<tz>[A-Z]{2,5}\b|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?\b|[^\W\d_A-Za-z]{2,4}[时時][间間])"
         r"[)）]?)?")
_TIME_AFTER = re.compile(r"[ \t]*(?:,|[ \t]at\b|[ \t]-)?[ \t]*(?P<h>\d{1,2})[:：时.](?P<mi>\d{2})"
                         r"(?:[:：分](?P<s>\d{2}))?(?!\d)[ \t]*" + _AMPM + _ZONE)
_TIME_BEFORE = re.compile(r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?[ \t]*" + _AMPM + _ZONE
                          + r"[ \t]*,?[ \t]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]*)?$")
# the time in hours as a four-digit figure after the date ("14 Jan 2008, 0000 hrs IST")
_TIME_HRS = re.compile(r"[ \t]*,?[ \t]*(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<s>)(?P<ampm>)[ \t]*(?:hrs|hours)\b\.?" + _ZONE)
_OFFSET = re.compile(r"^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$")


def _us_daylight(y: int, mo: int, d: int) -> bool:
    """Whether daylight time is kept in North America on that day (from the second Sunday in March
    to the first Sunday in November; before 2007 from the first Sunday in April to the last in October)."""
    def sunday(month: int, nth: int) -> int:
        days = [w for w in calendar.Calendar().itermonthdays2(y, month) if w[0] and w[1] == 6]
        return days[nth][0]
    if not _valid(y, mo, d):
        return False
    start, end = ((date(y, 3, sunday(3, 1)), date(y, 11, sunday(11, 0))) if y >= 2007
                  else (date(y, 4, sunday(4, 0)), date(y, 10, sunday(10, -1))))
    return start <= date(y, mo, d) < end


def zone_offset(name: str | None, ymd: tuple[int, int, int], zones: dict[str, str]) -> str:
    """The UTC offset of a zone named in a date: a name of ``zones``, an offset (GMT+8, +0530),
    or a North American zone without its season (ET, PT: standard or daylight time by the date).

    >>> zones = {"EST": "-05:00", "EDT": "-04:00", "GMT": "+00:00"}
    >>> zone_offset("ET", (2023, 1, 5), zones), zone_offset("ET", (2023, 7, 5), zones), zone_offset("GMT+8", (2023, 1, 5), zones)
    ('-05:00', '-04:00', '+08:00')
    >>> zone_offset("Z", (2024, 3, 4), zones)
    '+00:00'
    """
    name = (name or "").strip()
    if not name:
        return ""
    if name in ("Z", "z"):  # (ISO 8601's mark for UTC: 2024-03-04T15:45:00Z)
        return "+00:00"
    key = name.upper()
    found = zones.get(name) or next((v for k, v in zones.items() if k.upper() == key), None)
    if found is not None:
        return found
    m = _OFFSET.match(name.replace(" ", ""))
    if m:
        return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"
    if len(name) == 2 and name[1] in "Tt" and name[0].upper() in "ECMP":
        season = key[0] + ("D" if _us_daylight(*ymd) else "S") + "T"
        return next((v for k, v in zones.items() if k.upper() == season), "")
    return ""


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    """Zone names of the rule files: English names (EST, BST) and Chinese ones (北京时间)."""
    from ..rules import ruleset

    zones = {k: v for k, v in ruleset("zh").timezones.items() if not k.isascii()}
    zones.update(ruleset("en").timezones)
    return zones


def _clock(t: "re.Match[str]", ymd: tuple[int, int, int]) -> str:
    """``THH:MM[:SS][offset]`` from a time match, or "" when the time is not valid."""
    h, mi = int(t.group("h")), int(t.group("mi"))
    ampm = (t.group("ampm") or "").lower()
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return ""
    out = f"T{h:02d}:{mi:02d}"
    if t.group("s") and int(t.group("s")) <= 59:
        out += f":{int(t.group('s')):02d}"
    return out + zone_offset(t.group("tz"), ymd, _zones())


def to_iso(value: str) -> str | None:
    """A date (and time) written any common way to ISO 8601; an ISO value stays; None without a date.

    >>> to_iso("2020年09月10日 18:30:46"), to_iso("2021/12/31"), to_iso("Dec. 31, 2021 4:05 PM")
    ('2020-09-10T18:30:46', '2021-12-31', '2021-12-31T16:05')
    >>> to_iso("2024-11-08T10:00+08:00"), to_iso("昨日"), to_iso("14 Jan 2008, 1530 hrs")
    ('2024-11-08T10:00+08:00', None, '2008-01-14T15:30')
    """
    value = value.strip()
    m = _ISO.fullmatch(value)
    if m:
        return value.replace(" ", "T", 1) if len(value) > 10 else value
    found = [(m.start(), kind, m) for kind, pattern, _ in _WHOLE for m in [pattern.search(value)] if m]
    if not found:
        return None
    _, kind, m = min(found, key=lambda f: f[0])
    ymd = _date_parts(kind, m)
    if ymd is None:
        return None
    t = (_TIME_AFTER.match(value, m.end()) or _TIME_HRS.match(value, m.end())
         or _TIME_BEFORE.search(value, 0, m.start()))
    return _iso(ymd) + (_clock(t, ymd) if t else "")
