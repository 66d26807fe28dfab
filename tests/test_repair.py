"""Repair: mojibake (Chinese and Latin, layered, lossy), entities, invisible characters; clean text untouched."""
import json
from pathlib import Path

import pytest
from hypothesis import example, assume, given, settings, strategies as st

import corpuskit
from corpuskit.stages.badness import badness, han_costs
from corpuskit.stages.repair import ACCEPT_MAX_UTF8, MARGIN_UTF8, UNREPAIRED, kinds, make_mojibake, repair, repair_steps
from conftest import CASES, SEEDS, SHARED

REPAIRS = json.loads((CASES / "encoding" / "repairs.json").read_text("utf-8"))["cases"]
UNCHANGED = json.loads((CASES / "encoding" / "unchanged.json").read_text("utf-8"))["cases"]


def clean_corpus() -> dict[str, str]:
    """The seeds, the labelled real pages and our own clean texts (Chinese, English, Japanese, mixed)."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "pages").glob("*.txt"))
    paths += sorted((CASES / "clean_text").glob("*.txt"))
    return {p.name: p.read_text("utf-8") for p in paths}


@pytest.mark.parametrize("case", REPAIRS, ids=[c["label"] for c in REPAIRS])
def test_repair_cases(case):
    assert repair_steps(case["input"]) == (case["expected"], case["repairs"])


@pytest.mark.parametrize("text", UNCHANGED)
def test_must_not_change(text):
    assert repair(text) == text


def test_clean_corpus_passes_unchanged():
    corpus = clean_corpus()
    assert len(corpus) >= 30
    false = {name: repair_steps(text)[1] for name, text in corpus.items() if repair(text) != text}
    print(f"\nclean corpus: {len(corpus)} documents, {sum(map(len, corpus.values()))} characters, "
          f"false repairs: {len(false)}")
    assert false == {}


def lossless(text: str, kind: str) -> str | None:
    """The mojibake of ``text``, where the garbling lost nothing."""
    k = {k.name: k for k in kinds()}[kind]
    try:
        text.encode(k.original)  # GBK and Big5 lines only where those tables have every character
        garbled = make_mojibake(text, kind)
    except UnicodeEncodeError:
        return None
    return None if "\ufffd" in garbled or garbled == text else garbled


def latin_line(line: str) -> bool:
    """Latin script (accents, typographic punctuation) only: Greek or Cyrillic read as cp1252 is left to ftfy."""
    return all(ch < "\u0250" or "\u2000" <= ch <= "\u206f" for ch in line)


def chinese_line(line: str) -> bool:
    """Two Han characters or more, and nothing outside ASCII, CJK and common punctuation."""
    return (sum("\u3400" <= ch <= "\u9fff" for ch in line) >= 2
            and all(ch < "\x80" or "\u2000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in line))


@pytest.mark.parametrize("kind", ["utf8-as-gbk", "utf8-as-cp1252", "gbk-as-cp1252", "big5-as-cp1252"])
def test_clean_corpus_lines_round_trip(kind):
    """Every line of the clean corpus that garbles without loss is given back exactly."""
    tried = wrong = 0
    for name, text in clean_corpus().items():
        for line in text.split("\n"):
            if len(line) < 4 or line.isascii():
                continue
            if not chinese_line(line) and (kind != "utf8-as-cp1252" or not latin_line(line)):
                continue  # European text read as GBK (café -> caf茅) is not repaired: docs/encodings.md
            garbled = lossless(line, kind)
            if garbled is None:
                continue
            tried += 1
            if repair(garbled) != repair(line):
                wrong += 1
                print(kind, name, repr(line[:40]), repr(repair(garbled)[:40]))
    print(f"\n{kind}: {tried} lines garbled without loss, {wrong} not given back")
    # UTF-8 mojibake is given back always; GBK and Big5 read as cp1252 miss a
    # few short labels (酒店優惠 as °s©±Àu´f reads nearly as well): docs/encodings.md.
    assert tried >= 200 and wrong <= (0 if kind.startswith("utf8") else 0.05 * tried)


def test_unrepaired_is_flagged_on_the_document():
    for raw in ("锟斤拷锟斤拷，这是一条新闻。", "发布时间\ufffd\ufffd2020年"):
        doc = corpuskit.clean(raw)
        assert UNREPAIRED in doc.flags and UNREPAIRED in doc.provenance["repairs"]
    assert UNREPAIRED not in corpuskit.clean("这是一条干净的新闻。").flags


def test_placeholders_and_one_mangled_emoji_in_a_long_article_are_not_lost_text():
    """Image placeholders a scraper wrote as U+FFFD on their own lines, and one mangled emoji
    in a long article, lose no words: the article is not flagged (and so not rejected); a
    short text with the same spot, or lost spots spread over the article, is."""
    para = "记者从市政府获悉，本市今年将新建学校十二所，总投资约四十五亿元，预计明年秋季投入使用。"
    article = "\n\n".join([para] * 30 + ["\ufffd\ufffd\ufffd", para, "点个在看\ufffd\ufffd再走", para])
    doc = corpuskit.clean(article)
    assert UNREPAIRED not in doc.flags and "\ufffd" not in doc.text
    assert UNREPAIRED in corpuskit.clean("点个在看\ufffd\ufffd再走，" + para).flags
    lossy = "\n\n".join(para[:20] + "\ufffd" + para[20:] for _ in range(14))
    assert UNREPAIRED in corpuskit.clean(lossy).flags


def test_repairs_are_named_in_provenance_and_explain():
    doc = corpuskit.clean(("标题\n\n" + make_mojibake("正文第一段，内容正常。", "gbk-as-cp1252")).encode("utf-8"))
    assert doc.provenance["repairs"] == ["gbk-as-cp1252"]
    assert "正文第一段，内容正常。" in doc.text
    assert "repairs: gbk-as-cp1252" in doc.explain()


def test_repair_switches():
    cfg = corpuskit.Config().with_options(**{"repair.mojibake": False})
    assert corpuskit.clean("标题\n\nÖÐ¹ú¹ú¼Ò", cfg).provenance["repairs"] == []


# --- properties -------------------------------------------------------------

COMMON_HAN = "".join(ch for ch, cost in han_costs().items() if cost < 4.0 and "\u4e00" <= ch <= "\u9fff")
ALL_HAN = "".join(ch for ch in han_costs() if "\u4e00" <= ch <= "\u9fff")
CJK_PUNCT = "，。、；：？！“”‘’（）《》【】…—·"
ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?()-'\"/%$#@+="

chinese = st.text(alphabet=st.sampled_from(COMMON_HAN + CJK_PUNCT + ASCII), min_size=1, max_size=60)
# Any listed character, rare ones included: clean text that looks most like mojibake.
any_han = st.text(alphabet=st.sampled_from(ALL_HAN + CJK_PUNCT + ASCII), min_size=1, max_size=60)
WORDS = ["the", "council", "said", "it’s", "“quoted”", "café", "naïve", "Zürich", "señor", "Besançon", "—", "…",
         "2024", "A.", "über", "déjà", "vu", "São", "Paulo", "(note)", "50%", "résumé", "Köln", "and"]
english = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(chinese, any_han, english))
@example("蝎丕")  # reads as valid UTF-8 (粥A) through Big5: one character is too little evidence
def test_clean_text_unchanged(t):
    assert repair(t) == t


def _han_count(t: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in t)


@settings(max_examples=300, deadline=None)
@given(chinese)
def test_utf8_read_as_gbk_round_trips(t):
    try:
        garbled = t.encode("utf-8").decode("gbk")
    except UnicodeDecodeError:
        return
    if garbled == t or garbled.encode("gbk").decode("utf-8") != t or _han_count(t) < 2:
        return
    # Chinese text: Han characters at least half of what is not a space. Two Han
    # characters each glued to ASCII letters (丁Aa丁aa) garble into text that reads
    # no worse than the original; no badness score can tell them apart.
    assume(2 * _han_count(t) >= len(t.replace(" ", "")))
    # And the text must read clearly better than its garble (by the margin a UTF-8 repair
    # needs), or no scorer can tell which is the mojibake: 赵飯 garbles into 璧甸／, two
    # common characters and a slash, which read nearly as well as a Simplified character
    # beside a Traditional one; such a pair is left alone, as clean text that merely looks
    # odd must be.
    assume(badness(t) + MARGIN_UTF8 < badness(garbled))
    # A repair must also read as real text does; random characters glued to Latin letters
    # (供似No丹za3祖万) may not, and are left as they are.
    assume(badness(t) <= ACCEPT_MAX_UTF8)
    assert repair(garbled) == t


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
@settings(max_examples=200, deadline=None)
@given(t=st.one_of(chinese, english))
@example(t="A陵")  # é\x99µ: half read back as Big5 (é险) once scored better than the whole (陵)
@example(t="夥俗")  # å¤¥ä¿—: read back as GBK (澶ヤ織) once scored a little better than as UTF-8
def test_utf8_read_as_single_byte_round_trips(wrong, t):
    try:
        garbled = t.encode("utf-8").decode(wrong)
    except UnicodeDecodeError:
        return
    if garbled == t or garbled.encode(wrong).decode("utf-8") != t:
        return
    if t.isascii() or not (_han_count(t) >= 2 or any(ch.isalpha() and ch.isascii() for ch in t)):
        return  # nothing to tell mojibake by: ·· or one character
    assert repair(garbled) == t
