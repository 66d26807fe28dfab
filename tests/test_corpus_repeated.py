"""Cross-document residue: a site's repeated lines learned in a first pass (reason
"repeated"), on a generated corpus whose footer varies in its numbers."""
import random

import orjson

from corpuskit.config import Config
from corpuskit.corpus.boilerplate import _SPACES, LineTally, line_key, line_keys, site_of
from corpuskit.corpus.runner import Options, run

TOPICS = ["交通", "教育", "医疗", "环保", "科技", "农业", "旅游", "体育", "文化", "金融", "就业", "住房"]


def article(i: int, rng: random.Random) -> list[str]:
    t = TOPICS[i % len(TOPICS)]
    return [f"本市{t}工作取得新进展（第{i}期）",
            f"记者{rng.randint(2, 28)}日从市{t}部门获悉，今年以来全市{t}领域共完成重点项目{rng.randint(10, 99)}个，"
            f"总投资约{rng.randint(100, 999)}亿元，项目数量和投资规模均创同期新高。",
            f"据介绍，下一步将围绕{t}领域的突出问题，出台{rng.randint(3, 9)}项具体措施，"
            f"推动第{i}批试点工作在年底前全面完成，让群众有更多获得感。"]


def site_page(i: int, rng: random.Random) -> str:
    """A page of one site: its own article, a site line inside the article that line rules
    cannot know (numbers vary), a header and a footer whose numbers vary."""
    title, first, second = article(i, rng)
    site_line = (f"城市日报全媒体矩阵第{rng.randint(1, 99)}号服务窗口竭诚为您服务，"
                 f"热线{rng.randint(10000, 99999)}，我们将及时回应您的关切")
    footer = [f"本网站浏览量：{rng.randint(10_000, 99_999_999)}次  今日更新{rng.randint(1, 300)}条",
              f"Copyright © 2003-{rng.randint(2019, 2025)} 城市日报社 版权所有 京ICP备{rng.randint(10**7, 10**8)}号-{rng.randint(1, 9)}"]
    return "\n\n".join(["城市日报 | 首页 | 本地 | 民生 | 视频", title, first, site_line, second] + footer)


def test_line_key_collapses_digits_and_space_only():
    assert line_key("浏览 1,234 次") == line_key("浏览 98,765  次")
    assert line_key("浏览 1234 次") != line_key("点赞 1234 次")


def test_line_keys_collapse_every_space_as_line_key_does():
    """line_keys collapses a line's spaces with str.split(), line_key with a regex: they must
    agree on every character (a tab, a no-break or ideographic space, a line separator)."""
    spaces = [c for c in map(chr, range(0x110000)) if _SPACES.fullmatch(c)]
    assert spaces == [c for c in map(chr, range(0x110000)) if c.isspace()]
    lines = [f"浏览{c}{c} 12{c}次" for c in spaces] + ["第1行\n第2行", " Ab\tC\u3000d "]
    assert line_keys(lines) == [line_key(ln) for ln in lines]


def test_site_from_url_then_site_field_then_folder():
    assert site_of("x/y.jsonl", {"url": "http://www.Example.org/a"}) == "www.example.org"
    assert site_of("x/y.jsonl", {"site": "Sina"}) == "sina"
    assert site_of("crawl/ifeng/1.txt", None) == "crawl/ifeng"


def test_tally_is_bounded_and_keeps_the_frequent_lines():
    tally = LineTally(capacity=64)
    for d in range(200):
        tally.add("s", [1, 2] + [1000 + d * 10 + k for k in range(10)])  # two lines on every page
    assert len(tally.sites["s"].counts) <= 64
    assert tally.learned(5, 0.3) == {"s": frozenset({1, 2})}


def test_footer_varying_in_numbers_is_learned_and_dropped(tmp_path):
    rng = random.Random(3)
    rows = [{"id": f"a{i}", "url": f"https://news.city.example/{i}.html", "text": site_page(i, rng)}
            for i in range(12)]
    # Another site with the same footer on too few pages: nothing is learned there.
    rows += [{"id": f"b{i}", "url": f"https://other.example/{i}", "text": site_page(100 + i, rng)} for i in range(3)]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    out = tmp_path / "o.jsonl"
    cfg = Config.defaults().with_options(**{"corpus.workers": 2, "corpus.dedup": "off"})
    res = run([str(src)], str(out), cfg, options=Options(explain=True))
    recs = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    assert len(recs) == 15
    for i in range(12):
        rec = recs[f"a{i}"]
        assert "版权所有" not in rec["text"] and "浏览量" not in rec["text"] and "热线" not in rec["text"]
        assert f"第{i}批试点" in rec["text"] and "首页" not in rec["text"]
        assert [ln["n"] for ln in rec["lines"] if ln["reason"] == "repeated"][:1] == [7]
        assert rec["title"].startswith("本市")
    # The small site learned nothing: its footer is dropped (if at all) by the line rules, never as "repeated".
    assert all(ln["reason"] != "repeated" for i in range(3) for ln in recs[f"b{i}"]["lines"])
    assert res.report["repeated_lines"]["sites"] == 1 and res.report["repeated_lines"]["lines"] >= 2
    assert res.report["stage_counts"]["repeated.lines"] >= 12


def test_thresholds_come_from_the_config(tmp_path):
    rng = random.Random(4)
    rows = [{"id": f"a{i}", "url": "https://c.example/", "text": site_page(i, rng)} for i in range(12)]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    for opts, learned in (({"corpus.repeated_min_docs": 20}, 0), ({"corpus.repeated": False}, 0),
                          ({"corpus.repeated_min_share": 0.9}, 1)):
        cfg = Config.defaults().with_options(**{"corpus.workers": 1, "corpus.dedup": "off", **opts})
        res = run([str(src)], str(tmp_path / "o.jsonl"), cfg)
        assert (res.report["repeated_lines"]["sites"] > 0) == bool(learned), opts
