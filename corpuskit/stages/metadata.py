"""Metadata from the text the classifier moved out: authors, editors, source, published, dateline.

The patterns are data (``[[meta]]`` entries of the rule files, ``docs/rules.md``);
this module only reads their named groups:

- ``published``: ``year month day hour minute second ampm tz``. A date without a year takes
  the year of the page's other full dates (a dateline 11月8日电 on a page that lists
  2024-11-10 elsewhere is 2024-11-08). ``tz`` is an offset (``+08:00``), a name from
  ``[timezones]``, or a North American zone named without its season (ET: EST or EDT by the date). The ISO 8601 result is as precise as the page: a date, or a time.
- ``authors``/``editors``: ``names``, split on ``settings.name_split`` with role words
  (``settings.name_strip``) removed. Names stay as the page writes them.
- ``source``: ``source``. ``dateline``: ``place`` (with ``month``/``day``: a publication
  date when the page states no other).

>>> texts = [("published", "2019年11月25日 18:57 参考消息"), ("editor", "责任编辑：张迪")]
>>> m = extract(texts, ruleset("zh"), "")
>>> m["published"], m["source"], m["editors"]
('2019-11-25T18:57', '参考消息', ['张迪'])
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

import regex

from ..document import Document, Line, title_at
from ..pipeline import Stage
from ..rules import RuleSet, ruleset
from .dates import _EN_DATE, _EN_DAY_FIRST, _cn_number, _date_parts, _valid, zone_offset

_HAN = regex.compile(r"\p{Han}")
_HAN_GAP = regex.compile(r"\p{Han}\s+\p{Han}")  # Kangxi radicals and compatibility forms are Han too
_DIGIT = regex.compile(r"\d")
_PADDED = regex.compile(r"(?<![^\s:：/／|｜(（])(\p{Han})\s+(\p{Han})(?![^\s、，,)）])")
_FULL_DATE = regex.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)")


_CN_NUMERAL = regex.compile("[〇○零OＯ一二三四五六七八九十廿]+")
_CN_ZERO = str.maketrans("○OＯ", "〇〇〇")


def _int(m: "regex.Match[str]", name: str) -> int | None:
    """A group's number, in digits or in Chinese numerals (a date's 二〇二三, 十二, 廿一).

    >>> [_int(regex.match(r"(?P<y>\\S+)", s), "y") for s in ("2023", "二○二三", "十二", "廿一", "三十")]
    [2023, 2023, 12, 21, 30]
    """
    try:
        v = m.group(name)
    except IndexError:
        return None
    if v is None:
        return None
    v = v.strip()
    if v.isdigit():
        return int(v)
    if _CN_NUMERAL.fullmatch(v):
        try:
            return _cn_number(v.translate(_CN_ZERO).replace("廿", "二十"))
        except KeyError:  # not a number (十十)
            return None
    return None


def _group(m: "regex.Match[str]", name: str) -> str | None:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return v.strip() if v else None


def page_year(text: str, month: int | None = None) -> int | None:
    """The year a page's full dates point to: the most common, the latest on a tie;
    dates in ``month`` (or next to it) count first.

    >>> page_year("- 新闻2024-11-10\\n- 新闻2024-11-10\\n2019年1月1日")
    2024
    """
    years: Counter = Counter()
    near: Counter = Counter()
    for y, mo, _d in _FULL_DATE.findall(text):
        years[int(y)] += 1
        if month is not None and mo.isdigit() and abs(int(mo) - month) <= 1:
            near[int(y)] += 1
    pool = near or years
    if not pool:
        return None
    return max(pool, key=lambda y: (pool[y], y))


_NUMERIC_MDY = regex.compile(r"(?<![\d/])([0-3]?\d)\s*/\s*([0-3]?\d)\s*/\s*(?:19|20)\d\d(?!\d)")


# a day of the week in Chinese: 星期一, 周一, 週一, 禮拜一
_WEEKDAY_CN = r"(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]"
# a day of the week named beside a date: English, or Chinese (its last character names the day)
_WEEKDAYS = {name: k for k, names in enumerate((
    ("monday", "mon", "一"), ("tuesday", "tue", "tues", "二"), ("wednesday", "wed", "三"),
    ("thursday", "thu", "thur", "thurs", "四"), ("friday", "fri", "五"), ("saturday", "sat", "六"),
    ("sunday", "sun", "日", "天"))) for name in names}
_WEEKDAY = regex.compile(r"(?i:\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?)"
                         r"|" + _WEEKDAY_CN)


# a date in numbers whose first two could be either the month or the day: 07/01/2008, 7.1.08
_DAY_MONTH_NUMBERS = regex.compile(r"(?<!\d)\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*(?:19|20)?\d\d(?!\d)")


def weekday_order(a: int, b: int, year: int, line: str) -> tuple[int, int] | None:
    """The month and the day of ``a/b`` (``year``) as the day of the week the line names tells
    them: the one reading that falls on it ("Monday | 07/01/2008": 7 January 2008 was a Monday,
    1 July a Tuesday). None where the line names no weekday, or several, or both readings fit.

    >>> weekday_order(7, 1, 2008, "By Jane Doe | Monday | 07/01/2008"), weekday_order(7, 1, 2008, "07/01/2008")
    ((1, 7), None)
    """
    named = {(m[1] or m[0][-1]).lower() for m in _WEEKDAY.finditer(line)}
    days = {_WEEKDAYS[n] for n in named}
    if len(days) != 1:
        return None
    day = days.pop()
    fits = [(mo, d) for mo, d in ((a, b), (b, a)) if _valid(year, mo, d) and date(year, mo, d).weekday() == day]
    return fits[0] if len(fits) == 1 else None


def month_day(a: int, b: int, page_text: str, year: int | None = None) -> tuple[int, int] | None:
    """The month and the day of a date written with two numbers in an order the page must tell
    (6/8/2024: June 8 or 6 August): a number over 12 is the day; else another date of that form
    on the page with a number over 12 tells the order, else the page's own words for the date
    (6月8日) do, else (``year`` known) the page's latest date written with a month's name (its
    masthead's today: "Tue, January 15, 2008"), when only one reading is not after it. None where
    nothing tells.

    >>> month_day(6, 8, "發布日期：6/8/2024 … 6月8日，縣府舉辦典禮"), month_day(6, 8, "6/8/2024")
    ((6, 8), None)
    >>> month_day(25, 12, ""), month_day(6, 8, "更新：6/18/2024")
    ((12, 25), (6, 8))
    >>> month_day(1, 9, "Tue, January 15, 2008 ... Published: 01.09.2008", 2008)
    (1, 9)
    """
    if a > 12 or b > 12 or a == b:
        return None if a > 12 and b > 12 else ((b, a) if a > 12 else (a, b))
    orders = set()
    for x, y in _NUMERIC_MDY.findall(page_text):
        x, y = int(x), int(y)
        if x > 12 >= y >= 1:
            orders.add("dm")
        elif y > 12 >= x >= 1:
            orders.add("md")
    if len(orders) == 1:
        return (a, b) if orders == {"md"} else (b, a)
    if orders:
        return None

    def written(mo: int, d: int) -> bool:
        return bool(regex.search(rf"(?<!\d)0?{mo}\s*月\s*0?{d}\s*[日号號]", page_text))

    md, dm = written(a, b), written(b, a)
    if md != dm:
        return (a, b) if md else (b, a)
    if year is not None and (latest := _latest_named(page_text)) is not None:
        md = _valid(year, a, b) and date(year, a, b) <= latest
        dm = _valid(year, b, a) and date(year, b, a) <= latest
        if md != dm:
            return (a, b) if md else (b, a)  # (a story is not published after its page's date)
    return None


def _latest_named(text: str) -> date | None:
    """The latest date the text writes with an English month's name (January 15, 2008; 15 Jan
    2008), as the dates stage reads them (``dates._EN_DATE``, ``dates._EN_DAY_FIRST``).

    >>> _latest_named("Jan. 3, 2008 and 15 January 2008"), _latest_named("no date")
    (datetime.date(2008, 1, 15), None)
    """
    found = [ymd for kind, pattern in (("en", _EN_DATE), ("en-day-first", _EN_DAY_FIRST))
             for m in pattern.finditer(text) if (ymd := _date_parts(kind, m)) is not None]
    return date(*max(found)) if found else None


def iso_time(m: "regex.Match[str]", rs: RuleSet, page_text: str) -> str | None:
    """An ISO 8601 string from a match's date groups, or None when it names no valid date.
    ``md1`` and ``md2`` are a month and a day in an order the page tells (``month_day``); ``dm1``
    and ``dm2`` the same, read day first where the page tells nothing."""
    year, day = _int(m, "year"), _int(m, "day")
    month = _int(m, "month")
    md1, md2 = _int(m, "md1"), _int(m, "md2")
    if month is None and md1 is not None and md2 is not None:
        found = month_day(md1, md2, page_text)
        if found is None:
            return None
        month, day = found
    dm1, dm2 = _int(m, "dm1"), _int(m, "dm2")  # (day first unless the page tells otherwise: 19.01.2020)
    if month is None and dm1 is not None and dm2 is not None:
        month, day = month_day(dm2, dm1, page_text, year) or (dm2, dm1)
    numeric = month is not None  # (the month in numbers, not by its name)
    if month is None:
        name = (_group(m, "month") or "").lower()
        month = rs.months.get(name) or rs.months.get(name[:3])
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    roc = _int(m, "roc")  # a year of the Republic of China calendar (Taiwan): 1911 before
    if roc is not None:
        year = roc + 1911
    if year is None:
        year = page_year(page_text, month)
        if year is None:
            return None
    elif year < 100:  # (a year of two digits: 00-68 this century, 69-99 the last, as POSIX reads them)
        year += 2000 if year < 69 else 1900
    if numeric and month != day and month <= 12 and day <= 12 and _DAY_MONTH_NUMBERS.search(m.group(0)):
        # a date in numbers whose line names the day of the week: the reading falling on it
        # ("Monday | 07/01/2008", month first by the pattern: 7 January, a Monday, not 1 July)
        month, day = weekday_order(month, day, year, m.string) or (month, day)
    out = f"{year:04d}-{month:02d}-{day:02d}"
    hour, minute, second = _int(m, "hour"), _int(m, "minute"), _int(m, "second")
    if hour is not None and minute is not None:
        ampm = (_group(m, "ampm") or "").lower()
        if ampm and (ampm.startswith("p") or ampm in rs.settings.get("pm_words", ())) and hour < 12:
            hour += 12
        elif ampm and hour == 12 and (ampm.startswith("a") or ampm in rs.settings.get("am_words", ())):
            hour = 0
        if hour > 23 or minute > 59:
            return out
        out += f"T{hour:02d}:{minute:02d}"
        if second is not None and second <= 59:
            out += f":{second:02d}"
        out += zone_offset(_group(m, "tz"), (year, month, day), rs.timezones)
    return out


# a setting's pattern compiled once: regex.split/sub with the pattern's text look it up in the
# module's cache on every call, which costs more than the split itself
_setting_pattern = lru_cache(maxsize=64)(regex.compile)


def split_names(value: str, rs: RuleSet) -> list[str]:
    """Names from a byline's name part: split, role words removed.

    >>> split_names("谭柯 实习生 徐樱菡", ruleset("zh"))
    ['谭柯', '徐樱菡']
    """
    s = rs.settings
    strip = _setting_pattern(s["name_strip"]).sub
    out = []
    for part in _setting_pattern(s["name_split"]).split(value):
        # (a dash or a bar left after the name goes first: "By Example News -" names the wire alone)
        part = strip("", part.strip(" \t-—–|")).strip(" \t·・-—:：,，、()（）[]【】")
        if 2 <= len(part) <= s["name_max"] and not part.isdigit():  # one character is a role ("文")
            out.append(part)
    return out


def as_written(text: str, raw: str) -> str:
    """``text`` (a line, or a part of it, as normalized) with the spaces that the page wrote between
    two Han characters and normalizing removed: names listed with spaces (通讯员 赵雅琪 钱明) stay apart.
    ``text`` is returned as it is where it cannot be found in ``raw``.

    >>> as_written("（通讯员赵雅琪钱明）", "(通讯员 赵雅琪 钱明)")
    '（通讯员 赵雅琪 钱明）'
    """
    if not raw or not text or text == raw or not _HAN_GAP.search(raw):
        return text  # no space between two Han characters on the page: nothing to put back
    pos = [i for i, c in enumerate(raw) if not c.isspace()]
    raw_c = "".join(_fold(raw[i]) for i in pos)
    o = raw_c.find("".join(_fold(c) for c in text if not c.isspace()))
    if o < 0:
        return text
    out: list[str] = []
    k = o
    for c in text:
        if not c.isspace():
            if k > o and pos[k] - pos[k - 1] > 1 and out and _HAN.match(out[-1]) and _HAN.match(c):
                out.append(" ")
            k += 1
        out.append(c)
    return "".join(out)


def _fold(c: str) -> str:
    return unicodedata.normalize("NFKC", c)[:1] or c


_FIRST_WINS = frozenset({"published", "source", "dateline"})


@lru_cache(maxsize=4096)  # (a site's credit and caption lines come back on its pages)
def _unpadded(written: str) -> str:
    """Names as written, but a two-character name padded to the width of three (王 五) is one name
    (a text with no space between two Han characters has none to join: most lines)."""
    return _PADDED.sub(r"\1\2", written) if _HAN_GAP.search(written) else written


def extract(texts: Iterable[tuple[str | None, str] | tuple[str | None, str, str]], rs: RuleSet,
            page_text: str, dropped: Iterable[tuple[str | None, str] | tuple[str | None, str, str]] = ()
            ) -> dict[str, Any]:
    """Metadata from ``(reason, text)`` pairs in page order; a third item, the text as the page wrote
    it (``as_written``), is where names are read. ``dropped``: lines dropped as residue, read only by
    the patterns that name their reason (a credit line dropped as a caption: 摄影/X 编辑/Y)."""
    def prepared(items):
        return [(t[0], t[1], _unpadded(t[2] if len(t) > 2 else t[1])) for t in items if t[1]]

    texts, dropped = prepared(texts), prepared(dropped)
    out: dict[str, Any] = {"authors": [], "editors": [], "source": None, "published": None,
                           "dateline": None}
    dateline_date: str | None = None
    present = {d[0] for d in dropped}  # (most patterns read no dropped line: skip the filtering)
    for mp in rs.meta:  # (the fallbacks last: RuleSet.finish)
        if mp.field in _FIRST_WINS and out[mp.field] is not None:
            continue  # (a field that keeps its first value: no later pattern changes it)
        if mp.fallback and out[mp.field]:
            continue
        read = texts
        if any(r in present for r in mp.reasons):
            read = texts + [d for d in dropped if d[0] in mp.reasons]
        for reason, text, written in read:
            if mp.reasons and reason not in mp.reasons:
                continue
            if not mp.reasons and mp.field == "authors" and reason == "editor":
                continue  # (an editor's credit names no writer: "Jane Doe, Editor" under the story)
            names_field = mp.field in ("authors", "editors")
            found = list(mp.pattern.finditer(written)) if names_field and written != text else []
            for m in found or mp.pattern.finditer(text):
                if names_field:
                    for name in split_names(_group(m, "names") or "", rs):
                        if name not in out[mp.field]:
                            out[mp.field].append(name)
                elif mp.field == "published" and out["published"] is None:
                    out["published"] = iso_time(m, rs, page_text)
                elif mp.field == "source" and out["source"] is None:
                    out["source"] = _group(m, "source")
                elif mp.field == "dateline" and out["dateline"] is None:
                    out["dateline"] = _group(m, "place")
                    if dateline_date is None and _group(m, "day"):
                        dateline_date = iso_time(m, rs, page_text)
                    if out["source"] is None and _group(m, "source"):
                        out["source"] = _group(m, "source")
    if out["published"] is None:
        out["published"] = dateline_date
    return out


_YEAR_LINE = regex.compile(r"^(?:19|20)\d\d\s*年?$")
_MONTH_DAY_LINE = regex.compile(r"^(?P<month>[01]?\d)\s*(?:[-/.]|月)\s*(?P<day>[0-3]?\d)\s*日?"
                                r"(?:\s+(?P<clock>[0-2]?\d\s*[:：]\s*[0-5]\d(?:\s*[:：]\s*[0-5]\d)?))?$")
_YMD = r"(?P<year>(?:19|20)\d\d)\s*[-./年]\s*(?P<month>[01]?\d)\s*[-./月]\s*(?P<day>[0-3]?\d)\s*日?"
_DATE_LINE = regex.compile(rf"^{_YMD}$")
_WEEKDAY_LINE = regex.compile(rf"^{_WEEKDAY_CN}$|^(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{{0,6}}\.?$")
_CLOCK_LINE = regex.compile(r"^[0-2]?\d\s*[:：]\s*[0-5]\d(?:\s*[:：]\s*[0-5]\d)?$")
# a time alone on its line, perhaps with AM/PM or a zone: 02:11 PM, 14:11 ET
_CLOCK_APART = regex.compile(r"^[0-2]?\d\s*[:：.]\s*[0-5]\d(?:\s*[:：]\s*[0-5]\d)?(?:\s*(?i:[ap]\.?m\.?))?(?:\s+\p{Lu}{2,4})?$")
_HAS_CLOCK = regex.compile(r"\d\s*[:：]\s*[0-5]\d")


def clock_apart(lines: list, reach: int = 4) -> tuple[int, str] | None:
    """The page's first date line, when it gives no time and a time alone on its line stands a
    few lines under it with only the headline or residue between (a date over the headline, the
    time under it: Aug 18, 2010 / headline / 02:11 PM): the index of the date line and the two as
    one text.

    >>> from ..document import Line
    >>> ls = [Line(n=i, raw=t, text=t, action=a, reason=r) for i, (t, a, r) in enumerate(
    ...     [("Aug 18, 2010", "meta", "published"), ("Storm heads east", "title", None),
    ...      ("02:11 PM", "drop", "nav"), ("Rain fell all day.", "keep", None)])]
    >>> clock_apart(ls)
    (0, 'Aug 18, 2010 02:11 PM')
    """
    p = next((i for i, ln in enumerate(lines) if ln.action == "meta" and ln.reason == "published"), None)
    if p is None or _HAS_CLOCK.search(lines[p].text):
        return None
    for k in range(p + 1, min(len(lines), p + reach + 1)):
        ln = lines[k]
        if ln.action == "keep" or ln.action == "meta" and ln.reason == "published":
            return None
        if ln.action != "title" and _CLOCK_APART.match(ln.text.strip()):
            return p, f"{lines[p].text.strip()} {ln.text.strip()}"
    return None


def _clock(text: str) -> str:
    return regex.sub(r"\s+", "", text).replace("：", ":")


def split_date(lines: list) -> tuple[int, str] | None:
    """A publication date written over lines above the article's body, however those lines were
    decided: a year, then the month and day (perhaps with the time), then perhaps the weekday and the
    time (2019 / 09/07 / 19:02, 2019年 / 09月07日 19:02); or a date alone on its line with the time on
    the next (2019-09-07 / 19:02), perhaps under a standfirst. The index of its first line and the
    date as one text.

    >>> from ..document import Line
    >>> ls = [Line(n=i, raw=t, text=t, action=a) for i, (t, a) in enumerate(
    ...     [("2019", "drop"), ("09/07", "drop"), ("19:02", "drop"), ("标题", "title"), ("正文。", "keep")])]
    >>> split_date(ls)
    (0, '2019-09-07 19:02')
    """
    kept = 0

    def above_body(k: int) -> bool:  # under a kept standfirst, the body must follow the date
        return kept == 0 or any(x.action == "keep" for x in lines[k + 1:])

    for i, ln in enumerate(lines[:-1]):
        if ln.action == "keep":
            kept += 1
            if kept > 1:
                return None  # the body has begun (a standfirst may stand over the date)
            continue
        if lines[i + 1].action == "keep":
            continue
        full = _DATE_LINE.match(ln.text)
        if full:
            out, k = f"{full['year']}-{int(full['month']):02d}-{int(full['day']):02d}", i + 1
        else:
            md = _MONTH_DAY_LINE.match(lines[i + 1].text) if _YEAR_LINE.match(ln.text) else None
            if not md:
                continue
            out, k = f"{ln.text[:4]}-{int(md['month']):02d}-{int(md['day']):02d}", i + 2
            if md["clock"]:
                return (i, out + " " + _clock(md["clock"])) if above_body(k) else None
        if k < len(lines) and lines[k].action != "keep" and _WEEKDAY_LINE.match(lines[k].text):
            k += 1  # the weekday between the date and the time
        if k < len(lines) and lines[k].action != "keep" and _CLOCK_LINE.match(lines[k].text):
            return (i, out + " " + _clock(lines[k].text)) if above_body(k) else None
        if not full:
            return (i, out) if above_body(k) else None
    return None


# A follow button alone on its line (关注, ＋关注), or a WeChat account's ID (微信号 abcde)
_FOLLOW_LINE = regex.compile(r"^[+＋]?\s*(?:关注|關注)$|^(?:微信号|微信號)\s*[:：]?\s*[A-Za-z][\w-]{4,30}$")
# an account's name: one word of letters or digits, two to twenty characters, no button's word
_ACCOUNT_NAME = regex.compile(r"^(?=.*[\p{Han}A-Za-z])(?!.*(?:关注|關注|粉丝|粉絲|评论|評論|收藏|分享|订阅|訂閱|登录|登錄|举报|舉報))"
                              r"[\p{Han}A-Za-z0-9_·-]{2,20}$")
# a platform's badge naming the account's kind after its name (某某新闻官方帐号): the account is 某某新闻
_ACCOUNT_BADGE = regex.compile(r"(?<=^.{2,})(?:官方|认证|認證)(?:帐号|账号|帳號|賬號)$")


def follow_account(lines: list) -> str | None:
    """The account a page is posted by, named alone on the line above a follow button (某某旅行记 /
    关注) or its WeChat ID (掌上某某 / 微信号 zhangshang), anywhere on the page: an account card. None
    where no line, or more than one, is so (a list of accounts to follow names none of them).

    >>> from ..document import Line
    >>> ls = [Line(n=i, raw=t, text=t, action=a) for i, (t, a) in enumerate(
    ...     [("标题", "title"), ("山野旅行记", "drop"), ("关注", "drop"), ("正文。", "keep")])]
    >>> follow_account(ls)
    '山野旅行记'
    >>> ls[2].text = "微信号 zhangshangSD"; follow_account(ls)
    '山野旅行记'
    >>> ls[1].text = "山野旅行记官方帐号"; follow_account(ls)
    '山野旅行记'
    """
    found = [_ACCOUNT_BADGE.sub("", lines[i - 1].text) for i in range(1, len(lines))
             if lines[i].action == "drop" and lines[i - 1].action in ("drop", "meta") and _FOLLOW_LINE.match(lines[i].text)
             and _ACCOUNT_NAME.match(lines[i - 1].text)]
    return found[0] if len(set(found)) == 1 else None


_FIRST_SENTENCE = regex.compile(r"^[^。！？!?]*")
_SPEAKER_WORDS = regex.compile(r"[我咱你您]")
_LABEL_OPEN = regex.compile(r"^\p{Han}{1,6}\s*[:：]")


def lead_writer(lines: list, rs: RuleSet) -> str | None:
    """The writer's name opening the article's first body line before a colon, glued to the lead
    (陈某：某公司本周宣布……), where the rule file has a ``lead_writer`` pattern. Only when the rest
    is a lead (at least 20 characters, a sentence closed, no first- or second-person word in its
    first sentence: a speaker's words are no lead), no other body line opens with a label and a
    colon (a transcript, a Q&A: 李某：…, 记者：…), and the name is nowhere else on the page (a place
    or topic opening a roundup's paragraph, 江苏：…, comes back; a writer's name does not).

    >>> from corpuskit.document import Line
    >>> t = "陈某某：某公司本周宣布新芯片试产成功，消息随后被删除。"
    >>> lead_writer([Line(1, t, t)], ruleset("zh"))
    '陈某某'
    """
    body = [ln for ln in lines if ln.action == "keep"]
    pattern = rs.pattern("lead_writer")  # (compiled with the rules: ``RuleSet.finish``)
    if pattern is None or not body:
        return None
    m = pattern.match(body[0].text)
    if not m:
        return None
    name, rest = m.group("names"), body[0].text[m.end():].rstrip()
    if (len(rest) < 20 or rest[-1] not in "。！？!?”」" or _SPEAKER_WORDS.search(_FIRST_SENTENCE.match(rest)[0])
            or any(_LABEL_OPEN.match(ln.text) for ln in body[1:])
            or any(name in ln.text for ln in lines if ln is not body[0])
            or name in rest):
        return None
    return name


def lead_source(lines: list, rs: RuleSet) -> str | None:
    """The outlet the article's first body line says it retells (本报讯 据某某网报道 当地时间…),
    where the rule file has a ``lead_source`` pattern; the lead is not cut.

    >>> from corpuskit.document import Line
    >>> t = "本报讯 据某某网报道 当地时间3月25日，某商会举行选举和闭幕典礼。"
    >>> lead_source([Line(1, t, t, action="keep")], ruleset("zh"))
    '某某网'
    """
    pattern = rs.pattern("lead_source")
    first = next((ln for ln in lines if ln.action == "keep"), None)
    if pattern is None or first is None:
        return None
    m = pattern.match(first.raw.strip())
    return m.group("source") if m else None


def photo_reporter(lines: list, rs: RuleSet) -> str | None:
    """The reporter a page's photo credits name ((記者林某某攝) closing each caption, 本报记者 X 摄
    cut from the end of a body line), where the
    rule file has a ``photo_reporter`` pattern: the page's only credit, read as its writer when
    every such credit on the page names the same person (pictures by two reporters say nothing
    of who wrote the text).

    >>> from corpuskit.document import Line
    >>> ls = [Line(n=1, raw=t, text=t, action="drop", reason="caption") for t in
    ...       ("縣長頒獎給學生。(記者林曉明攝)", "典禮現場。(記者林曉明攝)")]
    >>> photo_reporter(ls, ruleset("zh"))
    '林曉明'
    >>> t = "井盖破损已久，希望尽快更换。本报记者 王大明 摄"
    >>> photo_reporter([Line(n=1, raw=t, text=t[:14], action="keep", edits=["caption"])], ruleset("zh"))
    '王大明'
    """
    pattern = rs.pattern("photo_reporter")
    if pattern is None:
        return None
    names = {m.group("names") for ln in lines if ln.action == "drop" and ln.reason == "caption"
             for m in [pattern.search(ln.text)] if m}
    # a credit closing a body line (…通行安全。本报记者 王某 摄), cut by the caption edit or kept
    # (a photo story's caption kept as its article)
    names |= {m.group("names") for ln in lines if ln.kept
              for m in [pattern.search(ln.raw.strip())] if m}
    return names.pop() if len(names) == 1 else None


def field_date(lines: list, rs: RuleSet, page_text: str) -> str | None:
    """The publication date a corpus's date field gives, glued before the page's first words
    ("date 2026-01-09 （本報訊）某地…"), where the rule file has a ``date_field`` pattern: read
    from the page's first line whatever was decided for it, and never cut (the lead it opens
    stays as it is).

    >>> from corpuskit.document import Line
    >>> t = "date 2026-01-09 （本報訊）多個社團上周六齊集會館大堂，迎接新的一年。"
    >>> field_date([Line(1, t, t, action="keep")], ruleset("zh"), t)
    '2026-01-09'
    """
    return _opening_date(next((ln for ln in lines if ln.text.strip()), None), "date_field", rs, page_text)


def lead_date(lines: list, rs: RuleSet, page_text: str) -> str | None:
    """The date the article's first body line opens with, set off by a dash (16 January 2008 –
    The Security Council today ...), where the rule file has a ``lead_date`` pattern: read when
    the page dates the article nowhere else; the lead is not cut (a timeline's dated
    paragraphs keep their dates).

    >>> from corpuskit.document import Line
    >>> t = "16 January 2008 – The Security Council today discussed the mission."
    >>> lead_date([Line(1, t, t, action="keep")], ruleset("en"), t)
    '2008-01-16'
    """
    return _opening_date(next((ln for ln in lines if ln.action == "keep"), None), "lead_date", rs, page_text)


def _opening_date(first: Any, name: str, rs: RuleSet, page_text: str) -> str | None:
    """The date the rule file's pattern ``name`` reads at the start of the line ``first``."""
    pattern = rs.pattern(name)
    if pattern is None or first is None:
        return None
    m = pattern.match(first.text)
    return iso_time(m, rs, page_text) if m else None


# a date alone on its line, perhaps with its weekday (2023年12月9日 星期一): ``_DATE_LINE``'s date;
# or after the paper's name, as an e-paper's masthead prints the issue (某某日報 2025年3月12日)
_BARE_DATE = regex.compile(rf"^\s*(?:\p{{Han}}{{1,8}}(?:报|報|刊)\s*)?{_YMD}\s*(?:{_WEEKDAY_CN})?\s*$")


# a line that is only a full stamp in numbers: 2020-03-29 18:27:47, 2020/3/29 18:27
_STAMP_ALONE = regex.compile(r"^\s*((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\s+([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\s*$")


def time_of_day(lines: list, day: str) -> str | None:
    """The published date ``day`` (a day with no time) with its time, where the page prints the
    full stamp of that day alone on a line elsewhere (a hidden field under the article's tools,
    ``2020-03-29 18:27:47``, while its head shows 2020年3月29日), over the comments (a comment's stamp
    is its own; so is the next story's). None where no line, or lines of more than one time, are so (a
    list of that day's stories).

    >>> from ..document import Line
    >>> ls = [Line(n=1, raw=t, text=t, action="drop") for t in ["标题", "2020-03-29 18:27:47", "2020-03-28 09:00"]]
    >>> time_of_day(ls, "2020-03-29"), time_of_day(ls, "2020-03-28"), time_of_day(ls, "2020-03-27")
    ('2020-03-29T18:27:47', '2020-03-28T09:00', None)
    >>> ls[0].decide("drop", "comments"); time_of_day(ls, "2020-03-29")  # (a comment's stamp under the comments' header)
    >>> ls[0].decide("keep"); time_of_day(ls, "2020-03-29")  # (a comments link over the text closes nothing)
    '2020-03-29T18:27:47'
    >>> ls[1].decide("drop", "comments"); time_of_day(ls, "2020-03-29") is None
    True
    """
    times = set()
    last = max((k for k, ln in enumerate(lines) if ln.kept), default=-1)
    for k, ln in enumerate(lines):
        if ln.reason == "comments" and k > last:
            break  # (the comments under the article are stamped with their own times)
        if ln.reason in ("comments", "next_story"):
            continue
        m = _STAMP_ALONE.match(ln.text) if ln.text[:1].isdigit() else None
        if m and f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" == day:
            times.add(f"{int(m[4]):02d}:{m[5]}" + (f":{m[6]}" if m[6] else ""))
    return f"{day}T{times.pop()}" if len(times) == 1 else None


def masthead_date(lines: list, rs: RuleSet, page_text: str) -> str | None:
    """The date of the site's masthead, far over the headline with menus between ("Online
    edition of Example Daily / Tuesday, Jan 15, 2008 / ePaper | Mobile"): dropped there as the
    banner's, and read only when the page dates the article nowhere else (a paper's edition
    date is the day its stories ran). The first line over the headline that a date rule names
    whole.

    >>> from corpuskit.document import Line
    >>> rows = [("Tuesday, Jan 15, 2008", "drop"), ("Business", "drop"), ("Storm heads east", "title")]
    >>> masthead_date([Line(i, t, t, action=a, reason="nav") for i, (t, a) in enumerate(rows)], ruleset("en"), "")
    '2008-01-15'
    >>> rows = [("2018-08-26 10:46:27 某某网", "drop"), ("2023年12月9日 星期一", "drop"), ("标题", "title")]
    >>> masthead_date([Line(i, t, t, action=a, reason="nav") for i, (t, a) in enumerate(rows)], ruleset("zh"), "")
    '2023-12-09'
    >>> rows = [("某某日報 2025年3月12日", "drop"), ("新聞 > 澳聞", "drop"), ("标题", "title")]
    >>> masthead_date([Line(i, t, t, action=a, reason="nav") for i, (t, a) in enumerate(rows)], ruleset("zh"), "")
    '2025-03-12'
    """
    t = title_at(lines)
    for ln in lines[:t or 0]:
        if ln.reason != "nav" or not _DIGIT.search(ln.text) or not (ln.text.isascii() or _BARE_DATE.match(ln.text)):
            continue  # (among the banner's lines, not a notice's signature; a Chinese line only as a
            # date alone: 2024年5月20日 星期一, not a list item's date)
        r = rs.match_rule(ln.text)
        if r is not None and r.action == "meta" and r.reason == "published":
            return extract([("published", ln.text)], rs, page_text)["published"]
    return None


# The reasons of metadata lines the engine dropped as residue that are still read when the page gives
# the field nothing else: an editor's credit after the article's end, under a widget's header (a
# related list's, a topic link's) or share buttons, is the page's own (no related item names an editor)
_LATE_REASONS = frozenset({"editor"})
# a label alone over its date, naming the last update: the date under it is no publication date
_UPDATED_LABEL = regex.compile(r"^\s*(?:(?i:updated|last\s+updated|modified|last\s+modified)|更新|更新时间|更新時間|最后更新|最後更新)\s*[:：]?\s*$")


def _dropped_read(rs: RuleSet, fields: tuple[str, ...] | None = None) -> frozenset:
    """The drop reasons some metadata pattern (of ``fields``, or any) reads (``extract`` reads no
    other dropped line)."""
    return frozenset().union(*(mp.reasons for mp in rs.meta if fields is None or mp.field in fields))


@lru_cache(maxsize=None)  # one entry per rule set, as ``ruleset`` keeps them
def _reads(lang: str, files: tuple[str, ...]) -> tuple[frozenset, frozenset, frozenset]:
    """Which dropped lines the rules of ``lang`` read: (any, read for names, read only for dates)."""
    rs = ruleset(lang, files)
    readable = _dropped_read(rs)  # a dropped line is read only by patterns naming its reason
    # reasons only date patterns read: a line with no digit gives no date
    dated = readable - _dropped_read(rs, ("authors", "editors", "source", "dateline"))
    return readable, _dropped_read(rs, ("authors", "editors")), dated


def outlet_author(found: dict[str, Any], page: str, rs: RuleSet) -> None:
    """An outlet's short name read as the first of two or more authors (撰文｜财新 王某某: authors
    财新, 王某某): of no person's shape (the rules' ``outlet_first``) and named on the page with a
    media word after it (``outlet_suffix``: 财新网) it is the source (when none is found), no writer.

    >>> from ..rules import ruleset
    >>> m = {"authors": ["财新", "王某某"], "source": None}
    >>> outlet_author(m, "财新网 > 经济 撰文｜财新 王某某", ruleset("zh"))
    >>> m["authors"], m["source"]
    (['王某某'], '财新')
    >>> m = {"authors": ["王某", "李某某"], "source": None}
    >>> outlet_author(m, "王某网 撰文｜王某 李某某", ruleset("zh"))
    >>> m["authors"]
    ['王某', '李某某']
    """
    authors = found.get("authors") or []
    if len(authors) < 2:
        return
    shape, suffix = rs.pattern("outlet_first"), rs.pattern("outlet_suffix")
    first = authors[0]
    if shape is None or suffix is None or not shape.match(first):
        return
    if regex.search(regex.escape(first) + "(?:" + suffix.pattern + ")", page) is None:
        return
    found["authors"] = authors[1:]
    if not found.get("source"):
        found["source"] = first


def site_banner_dates(lines: list[Line]) -> list[int]:
    """The date lines over the headline with residue (a menu, a share bar) between them and it: the site banner's
    date (today's, 2024年5月20日 星期一), which the date under the headline, when there is
    one, beats as the article's. (A date right over the headline is the article's own.)

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["2024年5月20日 星期一", "首页", "标题", "2024-04-08"])]
    >>> for ln, (a, r) in zip(ls, [("meta", "published"), ("drop", "nav"), ("title", None), ("meta", "published")]):
    ...     ln.decide(a, r)
    >>> site_banner_dates(ls)
    [0]
    >>> ls[2:2] = [Line(n=9, raw="2024年4月8日", text="2024年4月8日"), Line(n=8, raw="分享", text="分享")]
    >>> ls[2].decide("meta", "published"); ls[3].decide("drop", "share")
    >>> site_banner_dates(ls)
    [0]
    """
    t = title_at(lines)
    if t is None:
        return []
    out: list[int] = []
    residue = False
    apart = False  # residue between the nearest such date and the next one up
    for i in range(t - 1, -1, -1):
        ln = lines[i]
        if ln.action == "drop" and ln.reason != "caption":  # (a picture's caption may stand between)
            residue = True
            apart = apart or len(out) == 1
        elif ln.action == "meta" and ln.reason == "published" and residue:
            out.append(i)
    # (of two such dates with residue between them too, the nearest the headline is the article's, the
    # first the banner's: "Wednesday, 27th December 2006" / menu / "Sun 28 Nov 2004" / tools /
    # headline; dates side by side are one block, "Posted at: X" / "Updated at: Y", read in order)
    return out[:0:-1] if len(out) >= 2 and apart else out[::-1]


class MetadataStage(Stage):
    name = "metadata"

    def process(self, doc: Document) -> Document:
        for key, empty in (("authors", []), ("editors", []), ("source", None), ("published", None)):
            doc.meta.setdefault(key, empty)
        if not self.config.metadata.enabled or not doc.lines:
            return doc
        key = doc.lang or "zh", tuple(self.config.classify.rules)
        rs = ruleset(*key)
        texts: list[tuple[str | None, str, str]] = []
        dropped: list[tuple[str | None, str, str]] = []
        readable, named, dated = _reads(*key)
        spread = split_date(doc.lines) or clock_apart(doc.lines)
        banner = site_banner_dates(doc.lines)
        updated: list[tuple[str | None, str, str]] = []  # dates under a bare "Updated" label: read last
        for i, ln in enumerate(doc.lines):
            if spread and i == spread[0]:
                texts.append(("published", spread[1], spread[1]))
            if ln.action == "meta" and i not in banner:
                under_label = ln.reason == "published" and i > 0 and _UPDATED_LABEL.match(doc.lines[i - 1].text)
                (updated if under_label else texts).append((ln.reason, ln.text, as_written(ln.text, ln.raw)))
            elif ln.action == "drop" and ln.reason in readable and (ln.reason not in dated or _DIGIT.search(ln.text)):
                # (names are read as written only where a names pattern reads the reason)
                written = as_written(ln.text, ln.raw) if ln.reason in named else ln.text
                dropped.append((ln.reason, ln.text, written))
            if ln.moved and ln.reason != "next_story":  # (the next story's byline names no author of the page)
                texts.extend((r, t, as_written(t, ln.raw)) for r, t in ln.moved)
        texts.extend(updated)  # (the first date read is the published one: "Updated" / date / "Published" / date)
        # a date in the site's banner is read only when the article's head gives none
        texts.extend((ln.reason, ln.text, as_written(ln.text, ln.raw)) for ln in map(doc.lines.__getitem__, banner))
        found = extract(texts, rs, doc.input, dropped)
        late = [(ln.reason, ln.text, as_written(ln.text, ln.raw)) for ln in doc.lines
                if ln.action == "drop" and ln.reason in _LATE_REASONS]
        if late:  # fields still empty are read from these too
            for key, value in extract(late, rs, doc.input).items():
                if value and not found.get(key):
                    found[key] = value
        outlet_author(found, doc.input, rs)
        if not found.get("source"):
            found["source"] = follow_account(doc.lines) or lead_source(doc.lines, rs)
        if found.get("source") in rs.sources:  # one name for a source the pages name several ways (AP)
            found["source"] = rs.sources[found["source"]]
        if not found.get("published"):
            found["published"] = (field_date(doc.lines, rs, doc.input) or lead_date(doc.lines, rs, doc.input)
                                   or masthead_date(doc.lines, rs, doc.input))
        if found.get("published") and len(found["published"]) == 10:  # a day with no time
            found["published"] = time_of_day(doc.lines, found["published"]) or found["published"]
        if not found.get("authors"):
            writer = lead_writer(doc.lines, rs) or photo_reporter(doc.lines, rs)
            found["authors"] = [writer] if writer else []
        for key, value in found.items():
            if value and not doc.meta.get(key):
                doc.meta[key] = value
                self.count(key)
        doc.meta.setdefault("dateline", None)
        return doc
