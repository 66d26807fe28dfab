"""HTML input: a page's blocks become lines and the line rules decide, as for scraped text."""
import html
import json
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import SHARED
from corpuskit.cli import main
from corpuskit.config import Config
from corpuskit import clean
from corpuskit.stages.pagetext import page_lines
from corpuskit.corpus.runner import Options, run

CASES = Path(__file__).parent / "cases" / "html"
PAGES = SHARED / "pages"


def cfg(**opts):
    return Config.defaults().with_options(**{"corpus.workers": 1, "corpus.dedup": "off", **opts})


def clean_files(paths, tmp_path, **opts) -> list[dict]:
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.txt"
    run([str(p) for p in paths], str(out), cfg(**opts), options=Options(errors=str(errors)))
    return [orjson.loads(line) for line in out.read_bytes().splitlines()] if out.exists() else []


def test_old_table_layout_page(tmp_path):
    # A 2008-style page laid out in tables with <font> and <br>: trafilatura finds no main
    # text in it; as lines, the menus, tools and footer are dropped by the line rules.
    (rec,) = clean_files([CASES / "old_table_page.html"], tmp_path)
    assert rec["title"] == "Council approves new bridge over Mill Creek"
    assert rec["meta"]["authors"] == ["Margaret Ellison"]
    assert rec["meta"]["published"] == "2008-03-14"
    text = rec["text"]
    assert "voted 6-1 on Thursday night" in text and "guaranteed in writing." in text
    for residue in ("Obituaries", "Print this story", "Copyright", "Privacy Policy", "Sections"):
        assert residue not in text


def test_gbk_portal_page(tmp_path):
    # GBK bytes (declared in <meta>), a portal's menu, breadcrumb, info line, editor,
    # related list and footer.
    (rec,) = clean_files([CASES / "gbk_portal_page.html"], tmp_path, **{"convert.to": "zh-Hans"})
    assert rec["provenance"]["encoding"] == "gbk"
    assert rec["title"] == "暴雨来袭 多地启动应急响应"
    meta = rec["meta"]
    assert meta["source"] == "新华社" and meta["authors"] == ["王晓明"] and meta["editors"] == ["李华"]
    assert meta["published"].startswith("2024-06-18")
    text = rec["text"]
    assert "受强降雨影响" in text and "确保人民群众生命财产安全" in text
    for residue in ("首页", "您的位置", "相关新闻", "南方强降雨持续", "版权所有", "责任编辑"):
        assert residue not in text


def test_run_counts_the_pages_encodings(tmp_path):
    # The run's statistics count an .html page's encoding as they count a .txt file's.
    res = run([str(CASES / "gbk_portal_page.html"), str(CASES / "old_table_page.html")],
              str(tmp_path / "out.jsonl"), cfg())
    counts = res.report["stage_counts"]
    assert counts.get("decode.gbk") == 1 and counts.get("decode.utf-8") == 1


def test_trafilatura_way_kept_as_an_option(tmp_path):
    pytest.importorskip("trafilatura")
    (rec,) = clean_files([CASES / "gbk_portal_page.html"], tmp_path, **{"corpus.html": "trafilatura"})
    assert "受强降雨影响" in rec["text"] and "首页 新闻 财经" not in rec["text"]
    # Where trafilatura finds nothing, the page is reported, not written half-done.
    assert clean_files([CASES / "old_table_page.html"], tmp_path, **{"corpus.html": "trafilatura"}) == []
    assert "no main text found" in (tmp_path / "errors.txt").read_text("utf-8")


def test_page_without_text_is_reported(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    good = CASES / "old_table_page.html"
    recs = clean_files([page, good], tmp_path)
    assert [r["title"] for r in recs] == ["Council approves new bridge over Mill Creek"]
    assert "empty.html: no text found in the HTML page" in (tmp_path / "errors.txt").read_text("utf-8")


def test_xhtml_declaration():
    # An XHTML page opening with its XML declaration (lxml refuses a decoded str declaring an encoding).
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml">'
            "<body><h1>Title</h1><p>Body text.</p></body></html>")
    assert page_lines(page) == "Title\n\nBody text.\n"


def test_deep_nesting():
    # Deeper than Python's recursion limit (the walk keeps its own stack) and than
    # libxml2's default limit of 256.
    page = "<body>" + "<div>" * 1500 + "deep text" + "</div>" * 1500 + "<p>after</p></body>"
    assert page_lines(page).split("\n")[:3] == ["deep text", "", "after"]


_line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).map(
    lambda s: " ".join(s.split())).filter(bool)


@given(st.lists(st.lists(_line, min_size=1, max_size=4), min_size=1, max_size=6))
def test_blocks_round_trip(blocks):
    # Blocks (<div>) set apart by a blank line, lines (<br>) within a block: the text's
    # structure survives the trip through HTML.
    page = "<html><body>" + "".join(
        "<div>" + "<br>".join(html.escape(ln) for ln in block) + "</div>" for block in blocks) + "</body></html>"
    want = "\n\n".join("\n".join(block) for block in blocks) + "\n"
    assert page_lines(page) == want


def _as_html(text: str) -> str:
    """A scraped page's text back as HTML: a <div> per block, <br> between its lines."""
    blocks = [b.split("\n") for b in text.strip("\n").split("\n\n")]
    return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>" + "".join(
        "<div>" + "<br>".join(html.escape(ln) for ln in b) + "</div>" for b in blocks) + "</body></html>"


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared pages not present")
def test_pages_as_html_cleaned_as_their_text(tmp_path):
    # Every labelled page, given as HTML, gets the same text, title and metadata as its text.
    names = sorted(json.loads((PAGES / "gold.json").read_text("utf-8"))["documents"])
    (tmp_path / "txt").mkdir()
    (tmp_path / "html").mkdir()
    for name in names:
        text = (PAGES / name).read_text("utf-8")
        (tmp_path / "txt" / name).write_text(text, "utf-8")
        (tmp_path / "html" / name.replace(".txt", ".html")).write_text(_as_html(text), "utf-8")
    by_text = clean_files(sorted((tmp_path / "txt").iterdir()), tmp_path)
    by_html = clean_files(sorted((tmp_path / "html").iterdir()), tmp_path)
    assert len(by_text) == len(by_html) == len(names)
    for a, b in zip(by_text, by_html):
        assert (a["title"], a["text"], a["meta"]) == (b["title"], b["text"], b["meta"]), a["provenance"]["path"]


def test_explain_reads_html():
    res = CliRunner().invoke(main, ["explain", str(CASES / "old_table_page.html"), "--no-color"])
    assert res.exit_code == 0, res.output
    assert "title              Council approves new bridge over Mill Creek" in res.output
    assert "<TD" not in res.output and "meta:byline        By Margaret Ellison" in res.output


def test_page_given_as_text_or_jsonl(tmp_path):
    # A page saved under .txt, or held in a JSONL text field, is read as its lines too.
    data = (CASES / "gbk_portal_page.html").read_bytes()
    doc = clean(data)
    assert doc.title == "暴雨来袭 多地启动应急响应" and doc.meta["editors"] == ["李华"]
    assert "html-page" in doc.repairs and doc.encoding == "gbk"
    page = (CASES / "old_table_page.html").read_text("utf-8")
    (tmp_path / "in.jsonl").write_bytes(orjson.dumps({"id": "a", "text": page}) + b"\n")
    (rec,) = clean_files([tmp_path / "in.jsonl"], tmp_path)
    assert rec["title"] == "Council approves new bridge over Mill Creek" and "<TD" not in rec["text"]
    assert "html-page" in rec["provenance"]["repairs"]
    # Switched off, the markup stays text (and no line reads as the headline alone).
    off = clean(page, Config.defaults().with_options(**{"decode.html_pages": False}))
    assert "html-page" not in off.repairs and off.title != "Council approves new bridge over Mill Creek"


@pytest.mark.parametrize("opener", ["<HEAD>", '<meta charset="utf-8">\n<HEAD>', "<!DOCTYPE htm\n<HEAD>",
                                    "<title>Local News</title>\n<HEAD>", "<script>var a = 1;</script><HEAD>"])
def test_page_opening_without_its_html_tag(opener):
    # A browser's saved DOM, or a page cut short, opens with <head>, an element of the head or a
    # broken doctype, not with <html>: still a page, cleaned as one (not its markup as text).
    page = (CASES / "old_table_page.html").read_text("utf-8").replace("<HTML><HEAD>", opener, 1)
    doc = clean(page.encode("utf-8"))
    assert "html-page" in doc.repairs and doc.title == "Council approves new bridge over Mill Creek"
    assert "<" not in doc.text and "voted 6-1 on Thursday night" in doc.text


def test_markup_in_prose_is_no_page():
    doc = clean("<b>Markets</b> rallied on Monday after the central bank held rates steady, traders said.")
    assert "html-page" not in doc.repairs


def test_markup_fragment_in_jsonl(tmp_path):
    # A crawl's JSONL holding the article's markup only (no <html>): read as lines as well.
    frag = ("<div class='article'><h1>Harbour board backs ferry terminal</h1><p>By Jane Roe</p>"
            "<p>The harbour board voted on Thursday to back a new ferry terminal on the east quay, ending a "
            "dispute over the site that has run for three years.</p><p>The board's chair said the terminal "
            "would open in 2010 and carry up to a million passengers a year.</p><ul><li><a>Share</a></li>"
            "<li><a>Print</a></li></ul></div>")
    (tmp_path / "in.jsonl").write_bytes(orjson.dumps({"id": "a", "text": frag}) + b"\n")
    (rec,) = clean_files([tmp_path / "in.jsonl"], tmp_path)
    assert rec["title"] == "Harbour board backs ferry terminal" and rec["meta"]["authors"] == ["Jane Roe"]
    assert "<p>" not in rec["text"] and "Print" not in rec["text"] and "a million passengers" in rec["text"]


@given(st.text(max_size=300))
def test_any_markup_cleans(body):
    # Whatever a page holds, cleaning it never fails, and an empty page gives an empty text.
    doc = clean("<html><body>" + body + "</body></html>")
    assert "html-page" in doc.repairs and isinstance(doc.text, str)
