"""Quality filters: each drops its kind of document with its reason, can be switched off,
and keeps real Chinese, Traditional and English news (datatrove's defaults drop all Chinese)."""
import pytest

import corpuskit
from conftest import SEEDS, SHARED
from corpuskit.config import Config, CorpusConfig
from corpuskit.corpus.dedup import dedup_key, distinct_share, shingle_hashes
from corpuskit.corpus.quality import FILTERS, QualityFilter, detect_language

NEWS = ("国家统计局今天发布数据，今年前三季度国内生产总值同比增长百分之五，经济运行总体平稳。"
        "分产业看，第一产业增加值增长较快，第二产业和第三产业保持恢复态势。"
        "专家表示，随着一系列政策措施落地见效，四季度经济有望继续回升向好。")

BAD = {
    "too-short": "今日天气晴。",
    "too-few-letters": "（" + "——，。、；：？！" * 12 + "）" + NEWS[:20],
    "too-many-digits": NEWS[:40] + "\n" + "\n".join(f"第{i}名 选手{i} {100 - i}分" for i in range(1, 13)),
    "too-many-symbols": NEWS[:100] + "★☆◆◇■□▲△●○" * 2,
    "repeated-lines": "\n\n".join([NEWS[:40], "点击进入专题页面查看更多精彩内容推荐"] + ["点击进入专题页面查看更多精彩内容推荐"] * 6),
    "repeated-ngrams": "重要通知请注意" * 30,
    "language": "Le gouvernement a annoncé aujourd'hui une nouvelle série de mesures pour soutenir "
                "les entreprises et les ménages face à la hausse des prix de l'énergie cet hiver.",
}


def verdict(text: str, flags=(), config: CorpusConfig | None = None):
    f = QualityFilter(config or CorpusConfig())
    return f(text, list(flags), distinct_share(shingle_hashes(dedup_key(text))))


@pytest.mark.parametrize("reason", sorted(BAD))
def test_each_filter_drops_its_kind_with_its_reason(reason):
    assert verdict(BAD[reason]) == reason


@pytest.mark.parametrize("reason", sorted(BAD))
def test_each_filter_has_a_switch(reason):
    cfg = CorpusConfig(filters=tuple(f for f in FILTERS if f != reason))
    assert verdict(BAD[reason], config=cfg) != reason


def test_mojibake_flag_and_master_switch():
    assert verdict(NEWS) is None
    assert verdict(NEWS, ["unrepaired-mojibake"]) == "mojibake"
    assert verdict(NEWS, ["replacement-characters"]) is None
    assert verdict(BAD["too-short"], config=CorpusConfig(quality=False)) is None


def test_unknown_filter_name_is_an_error():
    with pytest.raises(ValueError):
        QualityFilter(CorpusConfig(filters=("too-long",)))


def test_real_news_in_every_script_passes():
    pages = sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "pages").glob("*.txt"))
    cfg = Config.defaults()
    dropped = {}
    for p in pages:
        doc = corpuskit.clean(p.read_bytes(), cfg)
        why = verdict(doc.text, doc.flags, cfg.corpus)
        if why:
            dropped[p.name] = why
    assert not dropped


@pytest.mark.parametrize("text, lang", [
    (NEWS, "zh"), ("國家統計局今天發布數據，經濟運行總體平穩。", "zh"),
    ("The central bank left interest rates unchanged on Tuesday, saying inflation was easing.", "en"),
    ("政府は本日、新たな経済対策を発表しました。", "ja"), ("정부는 오늘 새로운 경제 대책을 발표했다.", "ko"),
    ("Правительство объявило о новых мерах.", "other"), ("12345 67890", "other"),
])
def test_language_from_script_statistics(text, lang):
    assert detect_language(text) == lang


def test_english_news_with_chinese_names_is_english():
    text = ("Chinese President Xi Jinping met the delegation in Beijing on Monday, state media said, "
            "and the two sides signed agreements on trade and investment. 习近平")
    assert detect_language(text) == "en"


# Prose that reads figures out, a third of its characters digits: a statistics bulletin, a
# market review, a match report. A number counts once, however many digits it has.
FIGURES = [
    "全年国内生产总值1210207亿元，比上年增长3.0%。其中，第一产业增加值88345亿元，增长4.1%；"
    "第二产业增加值483164亿元，增长3.8%；第三产业增加值638698亿元，增长2.3%。全年人均国内生产总值85698元，"
    "比上年增长3.0%。年末全国人口141175万人，比上年末减少85万人。",
    "铁矿石进口价格总体呈上升趋势，20051季度比2001年同期上涨了113.79%，比上年同期上涨72.22%；"
    "焦炭20051季度比2001年同期上涨187.96%，比上年同期上涨15.79%；废钢比上年同期下降了7.04%。",
    "Revenue rose 12.5% to $3.4 billion in the quarter from $3.0 billion a year earlier, the company said "
    "on Tuesday. Net income was $512 million, or $1.02 a share, compared with $498 million, or 98 cents, "
    "a year ago. Sales in Asia grew 8% and made up 31% of the total.",
]
# Tables: prices, draws, times, standings, a box score
TABLES = [
    "\n".join(f"第2023{i:03d}期 开奖号码：{i:02d} {i + 7:02d} {i + 13:02d} {i + 20:02d} {i + 25:02d} + {i + 1:02d}" for i in range(1, 6)),
    "\n".join(f"G{101 + 2 * i} 北京南 {6 + i:02d}:{(17 * i) % 60:02d} 上海虹桥 {12 + i:02d}:{(23 * i) % 60:02d}" for i in range(6)),
    "\n".join(f"{i} 球队{i} 38 {28 - i} {5 + i} {5} {94 - 3 * i}:{33 + i} {89 - 4 * i}" for i in range(1, 7)),
    "\n".join(f"Player{i} {3 + i % 2} {i % 3} {i % 4} {i % 2} .{250 + 11 * i}" for i in range(1, 8)),
]


@pytest.mark.parametrize("text", FIGURES, ids=["bulletin", "market", "earnings"])
def test_prose_full_of_figures_is_kept(text):
    assert verdict(text) is None


@pytest.mark.parametrize("text", TABLES, ids=["draws", "timetable", "standings", "box-score"])
def test_tables_of_numbers_are_too_many_digits(text):
    assert verdict(text, config=CorpusConfig(filters=("too-many-digits",))) == "too-many-digits"
