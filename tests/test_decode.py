"""Decode: every seed exact in UTF-8 (with and without BOM), UTF-16, GB18030, GBK and Big5, LF and CRLF;
short Chinese texts where detectors confuse GBK, Big5 and UTF-8; bytes that decode nowhere."""
import json

import opencc
import pytest
from hypothesis import given, settings, strategies as st

import corpuskit
from corpuskit.stages.decode import decode
from conftest import CASES, SEEDS

SEED_TEXTS = {p.name: p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
SHORT = json.loads((CASES / "encoding" / "decode.json").read_text("utf-8"))["cases"]
_S2T = opencc.OpenCC("s2t")


def encode_kept(text: str, tables: tuple[str, ...]) -> tuple[bytes, str, set[str]]:
    """``text`` encoded character by character with the first table that has the character.

    Returns the bytes, the text they hold (characters no table has are
    dropped), and the tables used.
    """
    out, kept, used = [], [], set()
    for ch in text:
        for table in tables:
            try:
                out.append(ch.encode(table))
            except UnicodeEncodeError:
                continue
            kept.append(ch)
            used.add(table)
            break
    return b"".join(out), "".join(kept), used


def variants(text: str):
    """(label, bytes, expected text, expected name) for one seed."""
    yield "utf-8", text.encode("utf-8"), text, "utf-8"
    yield "utf-8-sig", text.encode("utf-8-sig"), text, "utf-8-sig"
    yield "utf-16-le-bom", b"\xff\xfe" + text.encode("utf-16-le"), text, "utf-16"
    yield "utf-16-be-bom", b"\xfe\xff" + text.encode("utf-16-be"), text, "utf-16"
    yield "utf-16-le", text.encode("utf-16-le"), text, "utf-16-le"
    yield "utf-16-be", text.encode("utf-16-be"), text, "utf-16-be"
    data, kept, _ = encode_kept(text, ("gbk",))  # GBK lacks a few symbols (•, U+2003): dropped
    yield "gbk", data, kept, "gbk"
    # GB18030 has every character: four-byte codes appear where GBK lacks one.
    yield "gb18030", text.encode("gb18030"), text, "gbk" if kept == text else "gb18030"
    # Big5 holds Traditional characters: Simplified seeds go through OpenCC s2t
    # first; cp950 then Big5-HKSCS supply what Big5 lacks; characters none has
    # (pinyin tone letters in seed 004, 肽 before HKSCS) are dropped.
    trad = _S2T.convert(text)
    data, kept, used = encode_kept(trad, ("big5", "cp950", "big5hkscs"))
    name = "big5hkscs" if "big5hkscs" in used else "cp950" if "cp950" in used else "big5"
    yield "big5", data, kept, name


CASES_SEEDS = [(seed, label + ("-crlf" if crlf else ""), data, expected, name)
               for seed, text in SEED_TEXTS.items()
               for crlf in (False, True)
               for label, data, expected, name in variants(text.replace("\n", "\r\n") if crlf else text)]


@pytest.mark.parametrize("seed,label,data,expected,name", CASES_SEEDS,
                         ids=[f"{c[0][:3]}-{c[1]}" for c in CASES_SEEDS])
def test_every_seed_in_every_encoding_is_exact(seed, label, data, expected, name):
    assert len(expected) > 0.9 * len(SEED_TEXTS[seed])
    assert decode(data) == (expected, name)


def test_the_stage_normalizes_crlf_and_hashes_the_bytes():
    text = SEED_TEXTS["002_33676d92b049c4bd.txt"]
    data = text.replace("\n", "\r\n").encode("big5", "ignore")
    doc = corpuskit.clean(data)
    assert doc.encoding == "big5" and "\r" not in doc.text
    assert doc.provenance["sha256"] and doc.provenance["encoding"] == "big5"


@pytest.mark.parametrize("case", SHORT, ids=[c["text"] for c in SHORT])
def test_short_texts(case):
    for encoding in case["encodings"]:
        data = case["text"].encode(encoding)
        text, name = decode(data)
        assert text == case["text"], (encoding, name)


KNOWN_WRONG = json.loads((CASES / "encoding" / "decode.json").read_text("utf-8"))["known_wrong"]


@pytest.mark.xfail(strict=True, reason="known: too short to tell GBK from Big5 (docs/encodings.md)")
@pytest.mark.parametrize("case", KNOWN_WRONG, ids=[c["text"] for c in KNOWN_WRONG])
def test_known_wrong(case):
    assert decode(case["text"].encode(case["encoding"]))[0] == case["text"]


def test_names():
    assert decode("中文😀".encode("gb18030")) == ("中文😀", "gb18030")
    assert decode("圍棋又稱碁，是一種策略性棋類".encode("cp950")) == ("圍棋又稱碁，是一種策略性棋類", "cp950")
    assert decode("香港嘅嘢".encode("big5hkscs")) == ("香港嘅嘢", "big5hkscs")
    assert decode("中文".encode("utf-32")) == ("中文", "utf-32")
    assert decode(b"") == ("", "utf-8")


def test_bytes_that_decode_nowhere_are_flagged():
    data = "新闻内容，".encode("gbk") * 5 + b"\xff\xff"
    text, name = decode(data)
    assert name.endswith("-replace") and text.startswith("新闻内容，")
    assert "undecodable-bytes" in corpuskit.clean(data).flags


def test_a_utf8_file_cut_in_a_character_stays_utf8():
    data = "这是一个被截断的文件，最后一个字被切断了".encode("utf-8")[:-1]
    text, name = decode(data)
    assert name == "utf-8-replace" and text.startswith("这是一个被截断的文件")


def test_legacy_western_and_other_scripts():
    assert decode("café au lait, très bien".encode("cp1252")) == ("café au lait, très bien", "cp1252")
    assert decode("日本語のテキストです。カタカナも。".encode("shift_jis"))[0] == "日本語のテキストです。カタカナも。"


HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
chinese = st.text(alphabet=st.sampled_from(HAN + "，。“”《》、 abcXYZ0123é·—…"), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(chinese)
def test_utf8_text_decodes_as_itself(t):
    assert decode(t.encode("utf-8")) == (t, "utf-8")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_decode_never_raises(data):
    text, name = decode(data)
    assert isinstance(text, str) and name


def test_utf8_page_with_ascii_head_stays_utf8():
    """A page whose first 8 KiB are ASCII markup and whose only non-ASCII characters come later,
    all two-byte ones ("»" in a breadcrumb): the UTF-8 reading is compared whole with the GBK one
    (禄), not with the GBK reading of the ASCII head, and stays."""
    head = "<html><head>" + "<link rel='stylesheet' href='/css/site.css' />\n" * 300 + "</head><body>"
    page = head + "<p>The Register » Security » Spyware »</p><p>Facebook has blocked the widget.</p></body></html>"
    data = page.encode("utf-8")
    assert len(data.split(b"\xc2")[0]) > 8192
    text, name = decode(data)
    assert name == "utf-8" and "» Security »" in text
    # (a GBK page whose Chinese text comes after such a head is still read as GBK)
    gbk = (head + "<p>北京市政府今天发布了新的交通管理规定。</p></body></html>").encode("gbk")
    assert decode(gbk)[1] in ("gbk", "gb18030")
