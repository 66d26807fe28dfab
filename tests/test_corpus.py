"""The corpus runner: inputs and outputs, same bytes for any number of workers, shards,
atomic output, resume, reports."""
import gzip
import io
import sys

import orjson
import pytest

from conftest import SEEDS, SHARED
from corpuskit.config import Config
from corpuskit.corpus import readers
from corpuskit.corpus.runner import Options, ResumeError, run
from corpuskit.corpus.writers import format_of, parse_size


def cfg(**opts):
    return Config.defaults().with_options(**{"corpus.workers": 1, **opts})


def records(path) -> list[dict]:
    data = path.read_bytes()
    if str(path).endswith(".gz"):
        data = gzip.decompress(data)
    elif str(path).endswith(".zst"):
        import zstandard

        data = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read()
    return [orjson.loads(x) for x in data.splitlines()]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A folder of seeds and pages, plus JSONL with an id field and extra fields."""
    root = tmp_path_factory.mktemp("mixed")
    (root / "txt").mkdir()
    pages = sorted((SHARED / "pages").glob("*.txt"))
    for p in sorted(SEEDS.glob("*.txt")) + pages[:4]:
        (root / "txt" / p.name).write_bytes(p.read_bytes())
    rows = [{"id": f"j{i}", "text": p.read_text("utf-8"), "url": f"https://site{i % 2}.example/{i}", "tag": i}
            for i, p in enumerate(pages[4:10])]
    (root / "docs.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return root


def test_output_is_identical_for_1_2_and_3_workers(mixed, tmp_path):
    outs = []
    for w in (1, 2, 3):
        out = tmp_path / f"w{w}.jsonl"
        run([str(mixed)], str(out), cfg(**{"corpus.workers": w}))
        outs.append(out.read_bytes())
    assert outs[0] and outs[0] == outs[1] == outs[2]


def test_jsonl_ids_and_extra_fields_are_carried(mixed, tmp_path):
    out = tmp_path / "o.jsonl"
    run([str(mixed / "docs.jsonl")], str(out), cfg())
    recs = records(out)
    assert recs and all(r["id"].startswith("j") for r in recs)
    assert all(set(r["meta"]["extra"]) == {"url", "tag"} for r in recs)


def test_text_and_id_fields_are_configurable(tmp_path):
    src = tmp_path / "in.jsonl"
    body = "市政府今天召开新闻发布会，介绍今年城市更新工作的进展情况和下一步安排，多个部门负责人回答了记者提问。"
    src.write_bytes(orjson.dumps({"key": "k1", "content": body}) + b"\n")
    out = tmp_path / "o.jsonl"
    run([str(src)], str(out), cfg(**{"corpus.text_field": "content", "corpus.id_field": "key"}))
    (rec,) = records(out)
    assert rec["id"] == "k1" and rec["text"] == body


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_compressed_inputs_and_outputs_round_trip(mixed, tmp_path, suffix):
    plain = tmp_path / "plain.jsonl"
    run([str(mixed / "docs.jsonl")], str(plain), cfg())
    src = tmp_path / ("in" + suffix)
    data = (mixed / "docs.jsonl").read_bytes()
    if suffix.endswith(".gz"):
        src.write_bytes(gzip.compress(data))
    else:
        import zstandard

        src.write_bytes(zstandard.ZstdCompressor().compress(data))
    out = tmp_path / ("out" + suffix)
    run([str(src)], str(out), cfg())
    got = records(out)
    want = records(plain)
    for r in got + want:
        r["provenance"]["path"] = None
    assert got == want


def test_parquet_output_loads_with_pandas(mixed, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "o.parquet"
    res = run([str(mixed)], str(out), cfg())
    df = pd.read_parquet(out)
    assert len(df) == res.written > 0
    assert list(df.columns) == ["id", "text", "title", "lang", "meta", "provenance"]
    assert orjson.loads(df["meta"][0])["authors"] is not None


def test_output_loads_with_datasets(mixed, tmp_path):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "o.jsonl.gz"
    res = run([str(mixed)], str(out), cfg())
    ds = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "c1"))
    assert len(ds) == res.written and ds[0]["text"] == records(out)[0]["text"]
    # Sharded: Parquet's schema is fixed, so any number of shards loads as one set.
    res = run([str(mixed)], str(tmp_path / "p.parquet"), cfg(), options=Options(shard_size="5"))
    ds = datasets.load_dataset("parquet", data_files=str(tmp_path / "p-*.parquet"), split="train",
                               cache_dir=str(tmp_path / "c2"))
    assert len(res.outputs) > 1 and len(ds) == res.written


@pytest.mark.parametrize("size, expect", [("4", (4, 4)), ("9KB", None)])
def test_shards_hold_the_same_records_in_order(mixed, tmp_path, size, expect):
    whole = tmp_path / "whole.jsonl"
    run([str(mixed)], str(whole), cfg())
    out = tmp_path / "s.jsonl"
    res = run([str(mixed)], str(out), cfg(), options=Options(shard_size=size))
    shards = sorted(tmp_path.glob("s-*.jsonl"))
    assert [str(p) for p in shards] == res.outputs and len(shards) > 1
    assert b"".join(p.read_bytes() for p in shards) == whole.read_bytes()
    if expect:
        assert [len(records(p)) for p in shards][:2] == list(expect)
    else:
        assert all(p.stat().st_size <= 9000 or len(records(p)) == 1 for p in shards)


def test_empty_result_still_writes_a_valid_file(tmp_path):
    src = tmp_path / "short.txt"
    src.write_text("太短。", "utf-8")
    for name in ("o.jsonl", "o.parquet"):
        res = run([str(src)], str(tmp_path / name), cfg())
        assert res.written == 0 and (tmp_path / name).exists()
    assert res.report["dropped"] == {"too-short": 1}


def test_stdin_jsonl_and_text(tmp_path, monkeypatch):
    body = "记者从市教育局获悉，今年秋季学期全市新增中小学学位两万个，缓解了部分城区入学紧张的问题。新建学校均已通过验收。"
    for data, kind in ((orjson.dumps({"id": "x", "text": body}) + b"\n", "json"), (body.encode(), "text")):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
        out = tmp_path / f"{kind}.jsonl"
        run(["-"], str(out), cfg())
        (rec,) = records(out)
        assert rec["text"] == body and rec["provenance"]["path"] == "-"


def _interrupt_after(n):
    def hook(count):
        if count >= n:
            raise KeyboardInterrupt
    return hook


def test_interrupted_run_leaves_no_complete_looking_file_and_resume_finishes_it(mixed, tmp_path):
    whole = tmp_path / "whole.jsonl"
    run([str(mixed)], str(whole), cfg(), options=Options(rejected=str(tmp_path / "rw.jsonl")))
    out = tmp_path / "o.jsonl"
    first = run([str(mixed)], str(out), cfg(),
                options=Options(checkpoint_seconds=0, on_document=_interrupt_after(10),
                                rejected=str(tmp_path / "r.jsonl"), reports=(str(tmp_path / "rep.json"),)))
    assert first.interrupted and not out.exists() and not (tmp_path / "r.jsonl").exists()
    assert orjson.loads((tmp_path / "rep.json").read_bytes())["completed"] is False
    second = run([str(mixed)], str(out), cfg(),
                 options=Options(resume=True, rejected=str(tmp_path / "r.jsonl")))
    assert out.read_bytes() == whole.read_bytes()
    assert (tmp_path / "r.jsonl").read_bytes() == (tmp_path / "rw.jsonl").read_bytes()
    # The finished input files were not read again.
    assert second.report["shards"]["skipped_by_resume"] >= 3
    assert second.report["documents"]["in"] == len(records(whole)) + second.report["documents"]["dropped"]
    assert not list(tmp_path.glob(".o.jsonl.corpuskit"))


def test_resume_refuses_changed_options(mixed, tmp_path):
    out = tmp_path / "o.jsonl"
    run([str(mixed)], str(out), cfg(), options=Options(checkpoint_seconds=0, on_document=_interrupt_after(10)))
    with pytest.raises(ResumeError):
        run([str(mixed)], str(out), cfg(**{"corpus.dedup": "exact"}), options=Options(resume=True))


def test_report_counts_and_html(mixed, tmp_path):
    rep, page = tmp_path / "r.json", tmp_path / "r.html"
    res = run([str(mixed)], str(tmp_path / "o.jsonl"), cfg(), options=Options(reports=(str(rep), str(page))))
    r = orjson.loads(rep.read_bytes())
    assert r == orjson.loads(orjson.dumps(res.report))
    assert r["documents"]["in"] == r["documents"]["out"] + sum(r["dropped"].values())
    assert sum(r["languages"].values()) == r["documents"]["out"] == res.written
    assert set(r["seconds"]["stages"]) >= {"decode", "classify", "convert"}
    assert r["throughput"]["mb_per_s"] > 0
    html = page.read_text("utf-8")
    assert html.count("<svg") >= 2 and "http" not in html.replace("http-equiv", "")


def test_expand_walks_folders_sorted_and_skips_unknown_suffixes(tmp_path):
    for name in ("b.txt", "a.jsonl", "c.png", "sub/d.html", "sub/e.jsonl.zst"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    got = [p[len(str(tmp_path)) + 1:] for p in readers.expand([str(tmp_path)])]
    assert got == ["a.jsonl", "b.txt", "sub/d.html", "sub/e.jsonl.zst"]


def test_output_names_and_sizes():
    assert format_of("a.JSONL") == ".jsonl"
    with pytest.raises(ValueError):
        format_of("a.csv")
    assert parse_size("10kib") == (0, 10240)
    with pytest.raises(ValueError):
        parse_size("0")


def test_html_input_main_text_extracted(tmp_path):
    pytest.importorskip("trafilatura")
    body = "".join(f"<p>{s}</p>" for s in [
        "国家气象中心今天发布暴雨蓝色预警，预计未来三天南方多地将出现强降雨天气，局地有大暴雨。",
        "气象专家提醒，相关地区要做好防范山洪、泥石流等次生灾害的准备，出行注意交通安全。",
        "据介绍，今年入汛以来，全国平均降水量较常年同期偏多，部分流域出现了超警洪水。"])
    page = (f"<html><head><title>南方多地将迎强降雨</title></head><body><nav><a href='/'>首页</a> <a>国内</a></nav>"
            f"<article><h1>南方多地将迎强降雨</h1>{body}</article><footer>版权所有 © 2024</footer></body></html>")
    (tmp_path / "p.html").write_text(page, "utf-8")
    out = tmp_path / "o.jsonl"
    run([str(tmp_path / "p.html")], str(out), cfg())
    (rec,) = records(out)
    assert "暴雨蓝色预警" in rec["text"] and "首页" not in rec["text"] and "版权所有" not in rec["text"]
