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
