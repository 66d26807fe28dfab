"""Normalization: punctuation, width, quotes, whitespace; its invariants; the stage."""
import dataclasses
import json
import re
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

import corpuskit
from corpuskit import Config
from corpuskit.config import NormalizeConfig
from corpuskit.stages.normalize import normalize_line, normalize_text, normalize_whitespace
from conftest import CASES

CASES_N = json.loads((CASES / "normalize" / "punctuation.json").read_text("utf-8"))["cases"]
UNCHANGED = json.loads((CASES / "normalize" / "must_not_change.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES_N, ids=lambda c: c["input"][:14])
def test_cases(case):
    cfg = dataclasses.replace(NormalizeConfig(), **case.get("options", {}))
    assert normalize_line(case["input"], cfg, target=case.get("target", "keep")) == case["expected"]


@pytest.mark.parametrize("line", UNCHANGED, ids=lambda s: s[:14])
def test_must_not_change(line):
    assert normalize_line(line) == line


def test_text_line_endings_and_trailing_space():
    assert normalize_text("标题 \r\n\r\n正文,第一段。\t\r旧行\u2028新行") == "标题\n\n正文，第一段。\n旧行\n新行"


def test_stage_normalizes_lines_title_and_published():
    cfg = Config().with_options(**{"normalize.dates": "iso"})
    doc = corpuskit.clean("重庆计划(2022年)\n\n2021年12月31日,重庆市印发计划。12月30日,筹备会议召开。", cfg)
    assert doc.title == "重庆计划（2022年）"
    assert "2021-12-31，重庆市印发计划。" in doc.text
    assert "normalize" in doc.rewrites


def test_stage_can_be_switched_off():
    cfg = Config().with_options(**{"normalize.enabled": False})
    doc = corpuskit.clean("标题\n\n正文,第一段。", cfg)
    assert "正文,第一段。" in doc.text


def test_bad_option_values_are_errors():
    for key, value in (("quotes", "fancy"), ("numbers", "roman"), ("dates", "us"), ("cjk_latin_space", "x")):
        with pytest.raises(ValueError):
            Config().with_options(**{f"normalize.{key}": value})


# -- properties ------------------------------------------------------------------

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
MARKS = st.sampled_from(list("，。！？、：；“”‘’「」『』（）《》……——·") + ["...", "--", "。。。"])
WIDE = st.sampled_from(list("ＡＺａｚ０９．－／\u3000\u00a0\t"))
LINE = st.lists(st.one_of(HAN, HAN, ASCII, ASCII, MARKS, WIDE), max_size=40).map("".join)
CONFIGS = st.builds(NormalizeConfig, quotes=st.sampled_from(["keep", "curly", "corner"]),
                    cjk_latin_space=st.sampled_from(["keep", "remove", "add"]))


@settings(max_examples=400, deadline=None)
@given(LINE, CONFIGS)
def test_idempotent(line, cfg):
    once = normalize_line(line, cfg)
    assert normalize_line(once, cfg) == once


def _letters(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s) if c.isalnum())


@settings(max_examples=400, deadline=None)
@given(LINE, CONFIGS)
def test_letters_digits_and_han_never_change(line, cfg):
    # punctuation, width and spacing only: the letters, digits and Han characters stay, in order
    assert _letters(normalize_line(line, cfg)) == _letters(line)


@settings(max_examples=300, deadline=None)
@given(st.text(ASCII, max_size=80))
def test_ascii_text_only_loses_extra_spaces(line):
    assert normalize_line(line) == re.sub(" +", " ", line).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(HAN, st.sampled_from(list("，。！？、：；“”「」（）《》"))), max_size=60)
       .filter(lambda s: "。。。" not in s))  # three full stops are an ellipsis
def test_clean_chinese_is_untouched(line):
    assert normalize_line(line, NormalizeConfig(quotes="keep")) == line


def test_whitespace_rule_is_documented_by_examples():
    assert normalize_whitespace("中文 English 混排") == "中文 English 混排"
    assert normalize_whitespace("据悉 ，会议 将于明日召开。") == "据悉，会议将于明日召开。"
    assert normalize_whitespace("据悉 ，会议 将于") == "据悉，会议 将于"  # a headline keeps its clause space
