"""Character variants: a rule that names one form of a character matches its variants.

Traditional pages are written with variant forms (爲/為, 佈/布, 閲/閱, 裏/裡, ...) that
OpenCC's s2t and s2hk produce too; a page's decisions must not depend on which form it uses.
"""
from importlib.resources import files

import opencc
import pytest
import regex

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

import corpuskit
from corpuskit.config import Config
from corpuskit.rules import ruleset, variants, with_variants

from conftest import SHARED

PAGES = SHARED / "pages"


def _simplified_pages():
    if not PAGES.is_dir():
        return []
    out = []
    for p in sorted(PAGES.glob("*.txt")):
        text = p.read_text("utf-8")
        if sum("\u4e00" <= c <= "\u9fff" for c in text) > 200 and opencc.OpenCC("t2s").convert(text) == text:
            out.append(p)
    return out


def _decisions(text: str) -> dict[int, str]:
    doc = corpuskit.clean(text.encode("utf-8"), Config.defaults())
    return {ln.n: "keep" if ln.kept else ln.action for ln in doc.lines}


@pytest.mark.parametrize("config", ["s2t", "s2hk"])
def test_decisions_do_not_depend_on_the_traditional_variant(config):
    pages = _simplified_pages()
    if not pages:
        pytest.skip("the labelled pages are not beside the project")
    conv = opencc.OpenCC(config)
    differ = []
    for p in pages:
        text = p.read_text("utf-8")
        a, b = _decisions(text), _decisions(conv.convert(text))
        differ += [(p.name, n) for n in a if a[n] != b.get(n)]
    assert not differ


def test_variant_groups_are_symmetric_and_disjoint():
    groups = tomllib.loads((files("corpuskit.rules") / "variants.toml").read_text("utf-8"))["groups"]
    chars = "".join(groups)
    assert len(chars) == len(set(chars))  # no character in two groups (one would hide the other)
    assert all(len(g) >= 2 for g in groups)
    table = variants()
    for ch, others in table.items():
        assert ch not in others
        for o in others:
            assert ch in table[o], (ch, o)


@pytest.mark.parametrize("line, reason", [
    ("發佈時間：2024-01-02 10:00", "published"),
    ("發布時間：2024-01-02 10:00", "published"),
    ("（原題爲《某地推出新措施》）", None),
])
def test_rules_match_variant_forms(line, reason):
    rs = ruleset("zh")
    rule = rs.match_rule(line)
    assert rule is not None
    if reason:
        assert rule.reason == reason


def test_with_variants_leaves_regex_syntax_alone():
    for p in [r"^\s*(?:发布时间|發布時間)\s*[:：]\s*\d", r"[^為\]]+", r"(?P<source>\p{Han}{2,8})$", r"[-為]"]:
        expanded = with_variants(p)
        regex.compile(expanded)
        assert expanded.count("(") == p.count("(")
