"""The classifier's shortcuts give the answers of the plain ways: the page-at-once edit
prefilter, the article-sample token bag, and the memory of canonical line texts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit import Config
from corpuskit.document import Document
from corpuskit.rules import ruleset
from corpuskit.stages.classify import ClassifyStage, _Bag, _tokens
from corpuskit.stages.segment import SegmentStage
from conftest import CASES, SEEDS

# Literals of the packaged edits and rules, letters whose lowercase is longer (İ) or depends
# on the next letter (Σ), and a line break inside a line.
_CHARS = "编辑记者讯月本完摄供图报道（）()ReutersJANİΣσς \n，。"
_LINES = st.lists(st.text(_CHARS, max_size=12), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_candidates_by_line_agree_with_candidates(lines):
    for lang in ("zh", "en"):
        rs = ruleset(lang)
        for f in (rs.early_filter, rs.edit_filter, rs.rule_filter):
            plain = {k: f.candidates(line) for k, line in enumerate(lines) if f.candidates(line)}
            assert dict(f.candidates_by_line(lines)) == plain


@settings(max_examples=300, deadline=None)
@given(st.text("中国经济增长 GDP gdp 5５６%\u3005\ua620\U00020000", max_size=40),
       st.text("中国经济增长 GDP gdp 5５６%\u3005\ua620\U00020000", max_size=12))
def test_bag_counts_the_shared_tokens(text, line):
    assert _Bag(text).common(line) == len(_tokens(line) & _tokens(text))


def test_canonical_memory_changes_no_decision():
    """A stage that has seen other pages (and remembers their lines) decides a page as a
    fresh stage does."""
    cfg = Config.defaults()
    seg = SegmentStage(cfg)
    paths = sorted(SEEDS.glob("*.txt")) + sorted((CASES / "residue").glob("*.page"))
    texts = [p.read_text("utf-8") for p in paths]

    def decisions(stage: ClassifyStage, text: str) -> list[tuple]:
        doc = stage(seg(Document(input=text)))
        return [(ln.text, ln.action, ln.reason, ln.edits) for ln in doc.lines]

    shared = ClassifyStage(cfg)
    for text in texts + texts:
        assert decisions(shared, text) == decisions(ClassifyStage(cfg), text)
