"""The accuracy benchmark's scorer: what counts as article kept and residue left."""
import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402

PAGE = "首页 > 新闻\n\n某地举办科技节\n\n今年的科技节吸引了三万名观众。\n\n记者 王小明\n\n相关新闻\n"
LABELS = {1: "drop:nav", 3: "title", 5: "content", 7: "meta:byline", 9: "drop:related"}


def test_letters_ignore_width_punctuation_case_and_glosses():
    assert accuracy.letters("Ａb，網(wǎng)站！ 2024") == accuracy.letters("ab網站2024")


def test_raw_page_keeps_everything_and_all_residue():
    s = accuracy.score_page(PAGE, LABELS, PAGE)
    assert s["keep_hit"] == s["keep"] > 0 and s["residue_hit"] == s["residue"] > 0
    assert s["lines_right"] == 2 and s["lines"] == 5


def test_clean_output_scores_full_marks_and_a_dropped_page_none():
    s = accuracy.score_page(PAGE, LABELS, "某地举办科技节\n\n今年的科技节吸引了三万名观众。")
    assert (s["keep_hit"], s["residue_hit"], s["lines_right"]) == (s["keep"], 0, 5)
    s = accuracy.score_page(PAGE, LABELS, None)
    assert s["keep_hit"] == 0 and s["residue_hit"] == 0 and s["lines_right"] == 3


def test_a_byline_left_in_the_text_counts_as_residue_and_either_is_not_scored():
    out = "某地举办科技节\n今年的科技节吸引了三万名观众。\n记者 王小明"
    s = accuracy.score_page(PAGE, LABELS, out)
    assert s["residue_hit"] == len(accuracy.letters("记者 王小明"))
    s = accuracy.score_page(PAGE, {**LABELS, 7: "either"}, out)
    assert s["residue_hit"] == 0 and s["lines"] == 4


def test_refs_label_content_ranges_and_leave_title_copies_unscored(tmp_path):
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps({"pages": {"p": {"content_lines": "5", "title": "某地举办科技节"}}}), encoding="utf-8")
    [(name, text, labels)] = accuracy.load_refs(refs, tmp_path)
    assert name == "p" and text == PAGE
    assert labels == {1: "drop:residue", 3: "either", 5: "content", 7: "drop:residue", 9: "drop:residue"}


def test_corpuskit_cleaner_removes_the_residue_of_a_seed():
    seeds = accuracy.load_pages(ROOT / "tests" / "gold_seeds.json", ROOT / "seeds")
    assert len(seeds) == 5
    clean = accuracy.corpuskit_cleaner()
    name, text, labels = seeds[0]
    s = accuracy.score_page(text, labels, clean(text, accuracy.detect_lang(text)))
    assert s["keep_hit"] >= 0.97 * s["keep"] and s["residue_hit"] <= 0.1 * s["residue"]
    assert accuracy.score_page(text, labels, text)["residue_hit"] == s["residue"]


def test_main_prints_a_row_per_cleaner_and_language_and_pages_worst_first(capsys):
    code = accuracy.main(["--gold", str(ROOT / "tests" / "gold_seeds.json"), "--inputs", str(ROOT / "seeds"),
                          "--only", "none", "corpuskit", "--pages"])
    out, err = capsys.readouterr()
    assert code == 0
    rows = [line.split() for line in out.splitlines()[1:]]
    assert [r[0] for r in rows] == ["none", "corpuskit"]
    assert rows[0][3] == "100.0%" and rows[0][4] == "100.0%"  # nothing removed: all residue left
    assert float(rows[1][4].rstrip("%")) < 5.0  # corpuskit removes the seeds' residue
    assert err.count("corpuskit ") == 5 and err.count("none ") == 5  # one line per page


def test_text_printed_as_article_and_as_residue_counts_as_article_when_output_once():
    page = "某地举办科技节\n\n某地举办科技节\n\n今年的科技节吸引了三万名观众。\n"
    labels = {1: "drop:nav", 3: "title", 5: "content"}  # the menu repeats the headline
    s = accuracy.score_page(page, labels, "某地举办科技节\n\n今年的科技节吸引了三万名观众。")
    assert s["keep_hit"] == s["keep"] and s["residue_hit"] == 0
    s = accuracy.score_page(page, {5: "content", 3: "title", 1: "drop:nav"}, page)  # any order
    assert s["keep_hit"] == s["keep"] and s["residue_hit"] == s["residue"]
