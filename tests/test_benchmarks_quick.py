"""The benchmark harness: deterministic corpus, floor, measuring, docs update (small and fast)."""
import sys

import orjson
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402
import peers  # noqa: E402
import run  # noqa: E402


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "tiny.jsonl"
    n, nbytes = generate.write_jsonl(path, 300_000, seed=3)
    return path, n, nbytes


def test_generator_is_deterministic_and_reaches_size(tiny, tmp_path):
    path, n, nbytes = tiny
    again = tmp_path / "again.jsonl"
    generate.write_jsonl(again, 300_000, seed=3)
    assert again.read_bytes() == path.read_bytes()
    assert nbytes == path.stat().st_size >= 300_000
    other = tmp_path / "other.jsonl"
    generate.write_jsonl(other, 300_000, seed=4)
    assert other.read_bytes() != path.read_bytes()


def test_generated_records_mix_scripts(tiny):
    path, n, _ = tiny
    recs = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    assert len(recs) == n and len({r["id"] for r in recs}) == n
    assert all(isinstance(r["text"], str) and r["text"] for r in recs)
    variants = {r["url"].split("/")[3] for r in recs}
    assert {"hans", "hant", "en"} <= variants


def test_smaller_corpus_is_a_prefix(tiny, tmp_path):
    path, _, _ = tiny
    small = tmp_path / "small.jsonl"
    generate.write_jsonl(small, 100_000, seed=3)
    assert path.read_bytes().startswith(small.read_bytes())


def test_damage_kinds():
    import random

    rng = random.Random(0)
    assert generate.damage("中文\n\n段落", "mojibake-gbk", rng) != "中文\n\n段落"
    assert generate.damage("a\nb", "crlf", rng) == "a\r\nb"
    damaged = generate.damage("中文" * 50, "invisible", rng)
    assert any(c in damaged for c in generate._INVISIBLE) and damaged.count("中") == 50


def test_floor_converts_every_text(tiny, tmp_path):
    path, n, _ = tiny
    out = tmp_path / "floor.jsonl"
    assert peers.floor(str(path), str(out)) == {"docs_in": n, "docs_out": n}
    recs = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(recs) == n
    assert not any("這" in r["text"] or "發" in r["text"] for r in recs)


def test_measure_reports_time_exit_and_memory():
    s = run.measure([sys.executable, "-c", "import time; x = b'x' * (80 << 20); time.sleep(0.5); "
                                          "print('RESULT {\"ok\": 1}')"], timeout=60)
    assert s.rc == 0 and not s.timed_out and s.result == {"ok": 1}
    assert s.ru_maxrss >= 80 << 20
    if s.main_rss:  # sampled where psutil is installed
        assert s.peak_proc_rss >= 80 << 20
    s = run.measure([sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5)
    assert s.timed_out and s.wall < 10


def test_write_docs_replaces_only_the_results_block(tmp_path):
    doc = tmp_path / "b.md"
    doc.write_text(f"# title\n\n{run.BEGIN}\nold\n{run.END}\n\n## after\n")
    run.write_docs(doc, "new table")
    text = doc.read_text()
    assert "new table" in text and "old" not in text and text.startswith("# title") and "## after" in text
