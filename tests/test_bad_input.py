"""Bad input: each kind gets one clear line (path, line, reason), the rest of the corpus is
written, and the user sees no traceback."""
import os

import orjson
import pytest
from click.testing import CliRunner

from corpuskit.cli import main

GOOD = ("国务院新闻办公室今天举行发布会，介绍今年前三季度国民经济运行情况。"
        "数据显示，主要经济指标稳中有进，就业形势总体稳定，居民收入继续增长。")


def clean(tmp_path, *inputs, extra=()):
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    res = CliRunner().invoke(main, ["clean", *map(str, inputs), "-o", str(out), "--errors", str(errors),
                                    "--workers", "1", *extra])
    assert "Traceback" not in res.output, res.output
    errs = [orjson.loads(x) for x in errors.read_bytes().splitlines()] if errors.exists() else []
    recs = [orjson.loads(x) for x in out.read_bytes().splitlines()] if out.exists() else []
    return res, recs, errs


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, "utf-8")
    return p


def one_error(errs, name):
    mine = [e for e in errs if os.path.basename(e["path"]) == name]
    assert len(mine) == 1, errs
    return mine[0]


def test_binary_file(tmp_path, good):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 40)
    res, recs, errs = clean(tmp_path, tmp_path)
    assert res.exit_code == 0 and len(recs) == 1
    assert one_error(errs, "photo.txt")["reason"] == "binary file, not text"
    assert one_error(errs, "blob.txt")["reason"] == "binary file, not text"


def test_empty_and_whitespace_only_files(tmp_path, good):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n\xe3\x80\x80\n" * 3)  # ideographic space included
    res, recs, errs = clean(tmp_path, tmp_path)
    assert res.exit_code == 0 and len(recs) == 1
    assert one_error(errs, "empty.txt")["reason"] == "empty file"
    assert one_error(errs, "blank.txt")["reason"] in ("whitespace only", "empty file")


def test_broken_jsonl_line_among_good_ones(tmp_path):
    good = orjson.dumps({"id": "a", "text": GOOD}).decode()
    other = orjson.dumps({"id": "c", "text": GOOD.replace("国务院", "省政府") + "另据统计，外贸进出口规模创历史同期新高。"}).decode()
    (tmp_path / "in.jsonl").write_text(f"{good}\n{{\"id\": \"b\", \"text\": \"cut\n{other}\n[1, 2]\n", "utf-8")
    res, recs, errs = clean(tmp_path, tmp_path / "in.jsonl", extra=["--dedup", "off"])
    assert res.exit_code == 0 and [r["id"] for r in recs] == ["a", "c"]
    assert [(e["line"], e["reason"].split(" (")[0]) for e in errs] == [(2, "broken JSON line"),
                                                                     (4, "JSON line is not an object")]


def test_nul_bytes(tmp_path):
    (tmp_path / "nul.txt").write_bytes(GOOD.encode()[:30] + b"\x00\x00" + GOOD.encode()[30:])
    res, recs, errs = clean(tmp_path, tmp_path / "nul.txt")
    assert res.exit_code == 0 and recs[0]["text"] == GOOD
    e = one_error(errs, "nul.txt")
    assert e["reason"] == "2 NUL bytes removed" and e["skipped"] is False


def test_file_cut_in_the_middle_of_a_multibyte_character(tmp_path):
    data = GOOD.encode("utf-8")
    (tmp_path / "cut.txt").write_bytes(data[:-1])  # the last 。 loses a byte
    res, recs, errs = clean(tmp_path, tmp_path / "cut.txt")
    assert res.exit_code == 0 and recs[0]["text"] == GOOD[:-1]
    assert recs[0]["provenance"]["encoding"] == "utf-8"
    assert "ends inside a UTF-8 character" in one_error(errs, "cut.txt")["reason"]


def test_a_single_60_mb_line(tmp_path, good):
    line = b"\xe4\xb8\xad" * 20_000_000  # 60 MB, no newline
    (tmp_path / "huge.txt").write_bytes(line)
    with open(tmp_path / "huge.jsonl", "wb") as f:
        f.write(orjson.dumps({"id": "ok1", "text": GOOD}) + b"\n")
        f.write(b'{"id": "big", "text": "' + line + b'"}\n')
        f.write(orjson.dumps({"id": "ok2", "text": GOOD + "此外，服务业恢复较快。"}) + b"\n")
    res, recs, errs = clean(tmp_path, tmp_path, extra=["--dedup", "off"])
    assert res.exit_code == 0 and {"ok1", "ok2"} < {r["id"] for r in recs} and len(recs) == 3
    assert "file too large (60.0 MB" in one_error(errs, "huge.txt")["reason"]
    e = one_error(errs, "huge.jsonl")
    assert e["line"] == 2 and e["reason"].startswith("line too long")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path, good):
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, "utf-8")
    p.chmod(0)
    try:
        res, recs, errs = clean(tmp_path, tmp_path)
    finally:
        p.chmod(0o644)
    assert res.exit_code == 0 and len(recs) == 1
    assert "Permission denied" in one_error(errs, "secret.txt")["reason"]


def test_unreadable_file_as_seen_by_any_user(tmp_path, good, monkeypatch):
    from corpuskit.corpus import readers

    real_open = open

    def guarded(path, *a, **k):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    (tmp_path / "secret.txt").write_text(GOOD, "utf-8")
    monkeypatch.setattr(readers, "open", guarded, raising=False)
    res, recs, errs = clean(tmp_path, tmp_path)
    assert res.exit_code == 0 and len(recs) == 1
    assert one_error(errs, "secret.txt")["reason"] == "cannot read: Permission denied"


def test_dangling_symlink(tmp_path, good):
    # A FIFO with no writer would block; a dangling link is unreadable for everyone.
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    res, recs, errs = clean(tmp_path, tmp_path)
    assert res.exit_code == 0 and len(recs) == 1
    assert "broken or looping symlink" in one_error(errs, "dangling.txt")["reason"]


def test_symlink_loop(tmp_path, good):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "x.txt").write_text(GOOD + "（二）", "utf-8")
    os.symlink(tmp_path, sub / "back")  # a folder loop
    os.symlink(tmp_path / "l2.txt", tmp_path / "l1.txt")  # a file loop
    os.symlink(tmp_path / "l1.txt", tmp_path / "l2.txt")
    res, recs, errs = clean(tmp_path, tmp_path, extra=["--dedup", "off"])
    assert res.exit_code == 0 and len(recs) == 2
    assert "symlink loop" in one_error(errs, "back")["reason"]
    assert {os.path.basename(e["path"]) for e in errs} == {"back", "l1.txt", "l2.txt"}


def test_names_with_spaces(tmp_path):
    folder = tmp_path / "my docs"
    folder.mkdir()
    (folder / "news story 1.txt").write_text(GOOD, "utf-8")
    res, recs, errs = clean(tmp_path, folder)
    assert res.exit_code == 0 and not errs
    assert recs[0]["provenance"]["path"].endswith("my docs/news story 1.txt")


def test_errors_file_text_form_and_report(tmp_path, good):
    (tmp_path / "empty.txt").write_bytes(b"")
    out, errors, rep = tmp_path / "o.jsonl", tmp_path / "errors.txt", tmp_path / "r.json"
    res = CliRunner().invoke(main, ["clean", str(tmp_path), "-o", str(out), "--errors", str(errors),
                                    "--report", str(rep), "--workers", "1"])
    assert res.exit_code == 0
    assert errors.read_text("utf-8") == f"{tmp_path / 'empty.txt'}: empty file\n"
    assert orjson.loads(rep.read_bytes())["errors"]["listed"][0]["reason"] == "empty file"


def test_missing_input_only_is_exit_1_and_unwritable_output_is_exit_1(tmp_path, good):
    res, recs, errs = clean(tmp_path, tmp_path / "nope.txt")
    assert res.exit_code == 1 and "no input could be read" in res.output
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "file").write_text("x")
    res = CliRunner().invoke(main, ["clean", str(good), "-o", str(ro / "file" / "out.jsonl"), "--workers", "1"])
    assert res.exit_code == 1 and "cannot write" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_compressed_file_cut_short(tmp_path, good, suffix):
    """An interrupted download: the compressor's stream ends inside its last block."""
    import gzip

    import zstandard

    lines = b"".join(orjson.dumps({"id": f"d{i}", "text": GOOD + str(i) * 40}) + b"\n" for i in range(400))
    whole = gzip.compress(lines) if suffix.endswith(".gz") else zstandard.ZstdCompressor().compress(lines)
    (tmp_path / ("cut" + suffix)).write_bytes(whole[:-12])
    res, recs, errs = clean(tmp_path, tmp_path / ("cut" + suffix), good)
    assert res.exit_code == 0 and len(recs) >= 1
    assert "ended before the end-of-stream marker" in one_error(errs, "cut" + suffix)["reason"]


def test_zstd_file_of_several_frames_is_read_to_its_end(tmp_path):
    """Frames one after another (cat a.zst b.zst, pzstd) are one file."""
    import zstandard

    docs = [orjson.dumps({"id": f"d{i}", "text": GOOD + "第" + "二三四五六七八九"[i] + "段。"}) + b"\n" for i in range(8)]
    frames = b"".join(zstandard.ZstdCompressor().compress(d) for d in docs)
    (tmp_path / "multi.jsonl.zst").write_bytes(frames)
    res, recs, errs = clean(tmp_path, tmp_path / "multi.jsonl.zst", extra=("--dedup", "off"))
    assert res.exit_code == 0 and errs == []
    assert sorted(r["id"] for r in recs) == [f"d{i}" for i in range(8)]
