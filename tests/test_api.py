"""The public API: shapes, config, and the invariants every document must keep."""
import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import corpuskit
from corpuskit import Config
from conftest import SEEDS, SHARED

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCT = st.sampled_from(list("，。！？、：；“”（）《》 ,.:()-0123456789abcXYZ"))
LINE = st.text(st.one_of(HAN, HAN, HAN, PUNCT), min_size=1, max_size=60)
DOC = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\n\n\n"])), min_size=1, max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts))


def all_inputs():
    files = sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "pages").glob("*.txt"))
    return [pytest.param(p.read_bytes(), id=p.name) for p in files]


def test_public_names():
    for name in ("clean", "decode", "repair", "convert", "convert_numbers", "Config", "Document"):
        assert hasattr(corpuskit, name), name
    assert isinstance(corpuskit.__version__, str)


def test_decode_repair_convert_signatures():
    text, enc = corpuskit.decode("中文".encode("utf-8"))
    assert (text, enc) == ("中文", "utf-8")
    assert corpuskit.repair("中文") == "中文"
    assert corpuskit.convert("汉语", "zh-Hant") == "漢語"
    assert corpuskit.convert("漢語", "zh-Hans") == "汉语"
    assert corpuskit.convert("text", "keep") == "text"


def test_config_is_frozen_and_layered(tmp_path):
    cfg = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.convert = None  # type: ignore[misc]
    path = tmp_path / "c.toml"
    path.write_text('[convert]\nto = "zh-TW"\n[corpus]\nworkers = 3\n', "utf-8")
    loaded = Config.load(path)
    assert loaded.convert.to == "zh-TW" and loaded.corpus.workers == 3
    assert loaded.normalize == Config.defaults().normalize
    assert Config.defaults() == Config()  # the packaged TOML mirrors the dataclass defaults
    with pytest.raises(ValueError, match="unknown option"):
        Config.load_dict({"convert": {"too": "x"}})
    with pytest.raises(ValueError, match="unknown config section"):
        Config.load_dict({"converter": {}})
    with pytest.raises(ValueError, match="convert.to"):
        Config.load_dict({"convert": {"to": "klingon"}})
    assert cfg.with_options(**{"convert.to": "zh-Hans", "corpus.workers": None}).convert.to == "zh-Hans"


def test_document_explain_lists_every_line():
    data = (SEEDS / "003_04cba462f6f82099.txt").read_bytes()
    doc = corpuskit.clean(data, source="003.txt")
    report = doc.explain()
    nonblank = [i for i, l in enumerate(data.decode().split("\n"), 1) if l.strip()]
    assert [ln.n for ln in doc.lines] == nonblank
    for n in nonblank[:5]:
        assert f"{n:>5}  " in report


@pytest.mark.parametrize("data", all_inputs())
def test_idempotent_on_real_pages(data):
    first = corpuskit.clean(data)
    second = corpuskit.clean(first.text)
    assert second.text == first.text
    assert second.title == first.title


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.binary()))
def test_clean_never_raises(data):
    doc = corpuskit.clean(data)
    assert isinstance(doc.text, str)
    assert "\n\n\n" not in doc.text
    rec = doc.to_record(explain=True)
    assert len(rec["lines"]) == len([l for l in doc.input.split("\n") if l.strip()])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC)
def test_clean_is_idempotent(text):
    once = corpuskit.clean(text).text
    assert corpuskit.clean(once).text == once
