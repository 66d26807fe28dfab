"""Dates: whole dates in text to ISO 8601; any written date to ISO for meta.published."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from corpuskit.stages.dates import iso_dates, to_iso
from conftest import CASES

DATA = json.loads((CASES / "normalize" / "dates.json").read_text("utf-8"))


@pytest.mark.parametrize("case", DATA["iso_dates"], ids=lambda c: c["input"][:12])
def test_iso_dates(case):
    assert iso_dates(case["input"], published=case.get("published")) == case["expected"]


@pytest.mark.parametrize("text", DATA["unchanged"])
def test_unchanged(text):
    assert iso_dates(text) == text


@pytest.mark.parametrize("text, expected", DATA["to_iso"], ids=lambda x: str(x)[:12])
def test_to_iso(text, expected):
    assert to_iso(text) == expected


TOKENS = st.lists(st.sampled_from(["2021", "12", "31", "1", "年", "月", "日", "/", ".", "-", "，", "。", "Dec.", " ",
                                   "December", "至", "号"]), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(TOKENS, st.sampled_from([None, "2022-01-03", "2021-06-30T10:00"]))
def test_idempotent(text, published):
    once = iso_dates(text, published=published)
    assert iso_dates(once, published=published) == once


def test_utc_mark_of_an_iso_stamp_is_kept_as_an_offset():
    """A date line stamped in ISO 8601 with its UTC mark (2024-03-04T15:45:00Z) keeps the zone: the
    metadata's publication time is in UTC, not a local time of no zone."""
    from corpuskit.rules import ruleset
    from corpuskit.stages.metadata import extract

    rs = ruleset("en")
    line = "2024-03-04T15:45:00Z"
    assert extract([("published", line, line)], rs, line)["published"] == "2024-03-04T15:45:00+00:00"


def test_iso_stamp_on_a_chinese_page_keeps_its_time_and_zone():
    """A Chinese page's date line written as an ISO 8601 stamp keeps its time and zone (not the day alone)."""
    from corpuskit.rules import ruleset
    from corpuskit.stages.metadata import extract

    rs = ruleset("zh")
    line = "发布时间：2024-03-04T15:45:00+08:00"
    assert extract([("published", line, line)], rs, line)["published"] == "2024-03-04T15:45:00+08:00"
