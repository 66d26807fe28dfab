"""Numbers: Chinese numerals to digits and back, with the exception lexicon."""
import json

import pytest
from hypothesis import given, settings, strategies as st

import corpuskit
from corpuskit import Config
from corpuskit.stages.numbers import convert_numbers
from conftest import CASES

DATA = json.loads((CASES / "normalize" / "numbers.json").read_text("utf-8"))


@pytest.mark.parametrize("to", ["arabic", "chinese"])
def test_cases(to):
    wrong = [(text, convert_numbers(text, to), expected) for text, expected in DATA[to]
             if convert_numbers(text, to) != expected]
    assert wrong == []


@pytest.mark.parametrize("to", ["arabic", "chinese"])
def test_unchanged(to):
    # fixed expressions (arabic); codes, times and Latin context (chinese)
    assert [t for t in DATA[f"{to}_unchanged"] if convert_numbers(t, to) != t] == []


def test_public_api_and_errors():
    assert corpuskit.convert_numbers("三千余名") == "3000余名"
    assert convert_numbers("三千余名", "keep") == "三千余名"
    with pytest.raises(ValueError):
        convert_numbers("三千", "roman")


def test_numbers_option_in_pipeline():
    cfg = Config().with_options(**{"normalize.numbers": "arabic"})
    assert "3000余名代表" in corpuskit.clean("标题\n\n三千余名代表参加了会议。", cfg).text


NUMERALS = st.lists(st.sampled_from(list("零〇一二两三四五六七八九十百千万亿点第余多个名年元人") +
                                    ["百分之", "一带一路", "统一", "十九大", "，", "。"]), max_size=15).map("".join)
DIGITS = st.lists(st.sampled_from(list("0123456789.,%年月日元号名第，。 ") + ["abc", "-", ":"]),
                  max_size=15).map("".join)


@settings(max_examples=300, deadline=None)
@given(NUMERALS)
def test_arabic_is_idempotent_and_keeps_other_text(text):
    out = convert_numbers(text, "arabic")
    assert convert_numbers(out, "arabic") == out
    # only numerals turn into digits; every other character stays, in order
    strip = lambda s: "".join(c for c in s if c not in "零〇一二两三四五六七八九十百千万亿点分之0123456789.%‰")
    assert strip(out) == strip(text)


@settings(max_examples=300, deadline=None)
@given(DIGITS)
def test_chinese_is_idempotent(text):
    out = convert_numbers(text, "chinese")
    assert convert_numbers(out, "chinese") == out


def test_chinese_context_spreads_over_many_numbers():
    """Each number read out puts the one before it in Chinese context: more rounds than three."""
    out = convert_numbers("0%0%0%0年", "chinese")
    assert out == "百分之零百分之零百分之零零年" and convert_numbers(out, "chinese") == out
