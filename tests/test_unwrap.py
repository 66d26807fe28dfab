"""Prose hard-wrapped at a fixed width is rejoined before its lines are decided; lists of
headlines and paragraphs written one to a line are left as they are."""
import orjson
from hypothesis import given, settings, strategies as st

import corpuskit
from corpuskit.config import Config
from corpuskit.stages.segment import split_lines, unwrap, wrapped_runs

# A wire story saved from a terminal, wrapped at forty Han characters; the brackets, figures and
# quotes of a finance desk's copy run over the breaks.
WRAPPED_ZH = """港股收市後消息

《某某通訊社15日專訊》某某地產(00123)旗下灣畔住宅項目首輪推售共
208伙單位即日沽清。集團執行董事陳大文表示,項目昨日招標發售18伙,加
上首輪公開發售單位,總共套現超過40億元。
他又指,集團近期住宅項目銷情理想,除「灣畔」外,「山景」及「海悅」每周
均錄得多宗成交。相信明年樓市將由上車盤帶動;「山景」今年套現超過20億
元。另外,集團下月初部署推售東區項目,第2期預計將於明年農曆年後進行銷
售部署,提供約600伙。
"""

WRAPPED_EN = """Harbour council approves new ferry timetable

The harbour council on Monday approved a new ferry timetable that adds two
early crossings on weekdays. The change follows a year of complaints from
commuters who said the first boat left too late for them to reach work on
time. Council staff said the extra crossings would cost about $40,000 a
year. The new timetable starts on the first Monday of next month, the
council said.
"""

HEADLINES = """热门推荐

01 某市一楼盘每平米降价四千元？部分业主到售楼处讨说法
02 “投诚”说法站不住？当地情报部门和媒体被指自相矛盾
03 外媒：因为气候变化 一些太平洋岛国加快转向清洁能源
04 子弹打不透烈火烧不着？这件“黄金衣”比钢板还要强韧

某市一公交车撞倒行人致其身亡，司机被警方带走调查处理
女商人死亡事件调查报告公布，家属将就刑事控告提出复议
两名游客乘船游览时溺水身亡，均未穿救生衣，景区被调查
"""


def _record(text: str, config: Config | None = None) -> dict:
    doc = corpuskit.clean(text.encode("utf-8"), config or Config.defaults())
    return orjson.loads(orjson.dumps(doc.to_record(explain=True)))


def test_wrapped_chinese_story_is_kept_whole_in_paragraphs():
    rec = _record(WRAPPED_ZH)
    paras = rec["text"].split("\n\n")
    assert any(p.startswith("《某某通訊社15日專訊》") and p.endswith("總共套現超過40億元。") for p in paras), paras
    assert any("每周均錄得多宗成交" in p and "超過20億元。另外" in p and "提供約600伙。" in p for p in paras), paras
    # every input line is explained: the wrapped ones with their paragraph's decision
    lines = {d["n"]: d for d in rec["lines"]}
    assert set(lines) == {n for n, raw in enumerate(WRAPPED_ZH.split("\n"), 1) if raw.strip()}
    assert lines[4]["wrapped"] and lines[4]["action"] == lines[3]["action"] == "keep"


def test_wrapped_english_lines_are_joined_with_spaces():
    rec = _record(WRAPPED_EN)
    assert ("adds two early crossings on weekdays. The change follows a year of complaints from "
            "commuters who said") in rec["text"]
    assert "reach work on time." in rec["text"] and "about $40,000 a year." in rec["text"]


def test_headline_lists_are_not_wrapped_prose():
    lines = split_lines(HEADLINES)
    assert all(len(run) == 1 for run in wrapped_runs(lines))


def test_paragraphs_one_to_a_line_are_not_joined():
    text = "\n".join([
        "President Yoon places his hand on his chest during the first Cabinet meeting at the presidential "
        "office in Seoul, Thursday. Joint Press Corps |",
        "Chances for aid remain open",
        "President Yoon on Thursday appointed two ministers, even though their confirmation reports were "
        "not adopted by the National Assembly. The move is read as a bid to meet the quorum |",
        "A presidential aide told reporters on condition of anonymity that Yoon has approved the appointments.",
    ])
    assert all(len(run) == 1 for run in wrapped_runs(split_lines(text)))


def test_unwrap_can_be_switched_off():
    cfg = Config.load_dict({"segment": {"unwrap": False}})
    rec = _record(WRAPPED_ZH, cfg)
    assert not any(d.get("wrapped") for d in rec["lines"])


_piece = st.text(alphabet=st.sampled_from("港股收市消息。，集團表示項目 abcXYZ.12\n"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(_piece, max_size=12))
def test_unwrap_loses_no_character(pieces):
    text = "\n".join(pieces)
    lines = split_lines(text)
    before = "".join(ln.raw for ln in lines).replace(" ", "")
    after = unwrap(split_lines(text))
    assert "".join(ln.raw for ln in after).replace(" ", "") == before
    assert sorted(n for ln in after for n in (ln.n, *ln.wrapped)) == [ln.n for ln in lines]
