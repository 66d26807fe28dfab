"""Script conversion: the OpenCC plan, the news lexicon around it, region detection."""
import json

import pytest
from hypothesis import given, settings, strategies as st

import corpuskit
from corpuskit import Config
from corpuskit.stages.convert import (PLAN, SOURCES, convert, converter, detect_region, detect_script,
                                      lexicon)
from conftest import CASES, SEEDS, SHARED

PHRASES = json.loads((CASES / "convert" / "phrases.json").read_text("utf-8"))["cases"]
REGIONS = json.loads((CASES / "convert" / "regions.json").read_text("utf-8"))["cases"]
UNCHANGED = json.loads((CASES / "convert" / "must_not_change.json").read_text("utf-8"))["cases"]
TARGETS = ("zh-Hans", "zh-Hant", "zh-TW", "zh-HK")
# The OpenCC conversion in which each lexicon table acts, and its source region.
TABLE_CONFIG = {"STPhrases": ("s2t", "cn", "zh-Hant"), "TWPhrases": ("s2twp", "cn", "zh-TW"),
                "TWPhrasesRev": ("tw2sp", "tw", "zh-Hans")}


@pytest.mark.parametrize("case", PHRASES, ids=lambda c: c["input"][:12])
def test_phrase_cases(case):
    assert convert(case["input"], case["to"], source=case["source"]) == case["expected"]


@pytest.mark.parametrize("text", UNCHANGED)
def test_must_not_change(text):
    assert {convert(text, to, source=source) for to, source in PLAN} == {text}


def test_cases_show_opencc_mistakes():
    # Most cases are there because plain OpenCC gets them wrong; keep it that way.
    wrong = [c for c in PHRASES if convert(c["input"], c["to"], source=c["source"], corrections=False)
             != c["expected"]]
    assert len(wrong) >= 20


def test_plan_covers_every_target_and_source():
    assert set(PLAN) == {(t, s) for t in TARGETS for s in SOURCES}
    for (to, source), steps in PLAN.items():
        for name in steps:
            assert converter(name) is converter(name)  # built once per process
        text = "软件" if source == "cn" else "軟體"
        assert isinstance(convert(text, to, source=source), str)


def test_unknown_target_or_source_is_an_error():
    with pytest.raises(ValueError):
        convert("中文", "zh-XX")
    with pytest.raises(ValueError):
        convert("中文", "zh-Hans", source="mo")


def test_keep_and_non_han_are_untouched():
    assert convert("軟體", "keep") == "軟體"
    assert convert("Plain English, 2024.", "zh-Hans") == "Plain English, 2024."
    assert convert("", "zh-TW") == ""


@pytest.mark.parametrize("table", sorted(TABLE_CONFIG))
def test_every_block_entry_takes_effect(table):
    """A blocked phrase converts character by character, unlike plain OpenCC (else the entry is dead)."""
    config, source, to = TABLE_CONFIG[table]
    dead = [k for k in lexicon()[table].block
            if convert(k, to, source=source) == convert(k, to, source=source, corrections=False)]
    assert dead == []


@pytest.mark.parametrize("table", sorted(TABLE_CONFIG))
def test_every_correction_takes_effect(table):
    config, source, to = TABLE_CONFIG[table]
    blocked = lexicon()[table].block
    for key, value in lexicon()[table].correct:
        assert convert(key, to, source=source) == value, key
        # it fixes OpenCC, or keeps a mapping that a blocked phrase inside it would lose (智慧手機)
        assert (convert(key, to, source=source, corrections=False) != value
                or any(b in key for b in blocked)), f"{key}: OpenCC already right"


def test_corrections_can_be_switched_off():
    cfg = Config().with_options(**{"convert.to": "zh-Hans", "convert.corrections": False})
    doc = corpuskit.clean("以生物藥為核心\n\n警方表示，民眾搭捷運到台北，送醫不治。", cfg)
    assert "内核" in doc.text
    doc = corpuskit.clean("以生物藥為核心\n\n警方表示，民眾搭捷運到台北，送醫不治。",
                          cfg.with_options(**{"convert.corrections": True}))
    assert "核心" in doc.text and "内核" not in doc.text


@pytest.mark.parametrize("case", REGIONS, ids=lambda c: c["input"][:10])
def test_region_cases(case):
    assert detect_region(case["input"], "traditional") == case["expected"]


def labelled():
    out = []
    for folder, gold in ((SHARED / "pages", SHARED / "pages" / "gold.json"),
                         (SEEDS, SHARED / "gold" / "seeds.json")):
        for name, g in json.loads(gold.read_text("utf-8"))["documents"].items():
            e = g.get("expect", {})
            if "script" in e:
                out.append(pytest.param(folder / name, e, id=name))
    return out


@pytest.mark.parametrize("path, expect", labelled())
def test_script_and_region_on_labelled_documents(path, expect):
    text = path.read_text("utf-8")
    script = detect_script(text)
    assert script == expect["script"]
    if "region" in expect:
        assert detect_region(text, script) == expect["region"]


def test_stage_converts_text_title_and_metadata():
    cfg = Config().with_options(**{"convert.to": "zh-Hans"})
    page = "網路軟體公司發表新產品\n\n記者王小明／台北報導\n\n民眾搭捷運到台北，這套軟體用了最佳化技術。"
    doc = corpuskit.clean(page, cfg)
    assert doc.script == "traditional" and doc.region == "tw"
    assert "优化" in doc.text and "软件" in doc.text
    assert doc.title == "网络软件公司发表新产品"
    assert "convert:tw->zh-Hans" in doc.rewrites


def test_stage_detects_region_without_converting():
    doc = corpuskit.clean("佢哋喺屋邨等咗好耐\n\n港府表示，港鐵將增設車站。", Config())
    assert (doc.script, doc.region) == ("traditional", "hk")
    assert "佢哋喺屋邨等咗好耐" in doc.text


def test_short_article_takes_its_region_from_the_page():
    """An article too short to show its region's words is the region the page's own menus and
    other headlines show (provenance only: its text is converted as generic Traditional)."""
    menu = "首頁 > 生活新聞 >\n\n台北市政府宣布捷運延長營運\n\n立委質詢健保費率\n\n高雄機車違規取締"
    body = ("今年年終獎金平均為一點三八個月，與去年相比略有增加，調查顯示有三成企業加碼辦尾牙活動，"
            "員工最期待的是抽獎與表演節目。\n\n另有五成以上的受訪者表示，如果獎金太低，明年將考慮換工作。")
    cfg = Config().with_options(**{"convert.to": "zh-Hans"})
    alone = corpuskit.clean("年終獎金平均一點三八個月\n\n" + body, cfg)
    paged = corpuskit.clean(menu + "\n\n年終獎金平均一點三八個月\n\n" + body, cfg)
    assert alone.region is None and paged.region == "tw"
    assert paged.text == alone.text  # (converted alike: the region is the page's, not the text's)
    assert "convert:hant->zh-Hans" in paged.rewrites


ASCII = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=20)
HANS = st.text(st.sampled_from(list("发展头部长被了如个中国数组织的士兵网络软件支持对象")), max_size=20)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(ASCII, HANS), max_size=6), st.sampled_from(TARGETS))
def test_conversion_leaves_ascii_alone(parts, to):
    text = "".join(parts)
    out = convert(text, to, source="cn")
    assert [c for c in out if c.isascii()] == [c for c in text if c.isascii()]


def _round_trip_share(corrections: bool) -> float:
    """Share of the seeds' sentences (in zh-Hans) unchanged by zh-Hans -> zh-TW -> zh-Hans."""
    import re
    same = total = 0
    for path in sorted(SEEDS.glob("*.txt")):
        hans = convert(path.read_text("utf-8"), "zh-Hans", corrections=corrections)
        for s in re.findall(r"[^。！？!?\n]+[。！？!?]?", hans):
            if re.search("[\u4e00-\u9fff]", s):
                total += 1
                tw = convert(s, "zh-TW", source="cn", corrections=corrections)
                same += convert(tw, "zh-Hans", source="tw", corrections=corrections) == s
    return same / total


def test_round_trip_floor():
    # 96.2% with the lexicon, 90.9% without (benchmarks/convert_eval.py, docs/convert.md)
    with_lexicon = _round_trip_share(True)
    assert with_lexicon >= 0.95
    assert with_lexicon > _round_trip_share(False)
