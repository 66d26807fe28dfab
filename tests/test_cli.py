"""The `corpuskit clean` command: options, summary, exit status, Ctrl-C and --resume."""
import os
import signal
import subprocess
import sys
import time

import orjson
import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from corpuskit.cli import main


def invoke(*args):
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in res.output, res.output
    return res


def test_help_documents_options_and_exit_status():
    res = invoke("clean", "--help")
    assert res.exit_code == 0
    for opt in ("--dedup", "--report", "--rejected", "--errors", "--shard-size", "--resume", "--workers",
                "--dask", "--text-field", "--id-field", ".parquet", "Exit status"):
        assert opt in res.output, opt


def test_clean_prints_summary_and_writes_reports(tmp_path):
    out, rep, page, rej = (tmp_path / n for n in ("o.jsonl.zst", "r.json", "r.html", "rej.jsonl"))
    res = invoke("clean", SEEDS, SEEDS / "000_de17c90cc20472c8.txt", "-o", out, "--report", rep,
                 "--report", page, "--rejected", rej, "--workers", "2", "--to", "zh-Hans")
    assert res.exit_code == 0
    assert "documents: 6 in, 5 out, 1 dropped" in res.output
    assert "exact-duplicate 1" in res.output and "time:" in res.output
    assert out.exists() and rep.exists() and page.exists()
    (r,) = [orjson.loads(x) for x in rej.read_bytes().splitlines()]
    assert r["rejected"]["reason"] == "exact-duplicate" and r["rejected"]["duplicate_of"] == r["id"]


def test_usage_errors_exit_2(tmp_path):
    seed = SEEDS / "000_de17c90cc20472c8.txt"
    for args in (["-o", tmp_path / "o.csv"], ["-o", tmp_path / "o.jsonl", "--report", tmp_path / "r.txt"],
                 ["-o", tmp_path / "o.jsonl", "--shard-size", "lots"], ["-o", tmp_path / "o.jsonl", "--dedup", "fuzzy"],
                 ["-o", "-", "--resume"]):
        res = invoke("clean", seed, *args)
        assert res.exit_code == 2, (args, res.output)


def test_resume_without_an_interrupted_run_starts_from_the_beginning(tmp_path):
    res = invoke("clean", SEEDS, "-o", tmp_path / "o.jsonl", "--resume", "--workers", "1", "-q")
    assert res.exit_code == 0 and res.output == ""
    assert len((tmp_path / "o.jsonl").read_bytes().splitlines()) == 5


def test_standard_output(tmp_path):
    res = CliRunner().invoke(main, ["clean", str(SEEDS / "000_de17c90cc20472c8.txt"), "-o", "-", "-q",
                                    "--workers", "1"])
    assert res.exit_code == 0
    assert orjson.loads(res.stdout_bytes.splitlines()[0])["lang"] == "zh"


def test_progress_is_silent_when_not_a_terminal(tmp_path):
    res = invoke("clean", SEEDS, "-o", tmp_path / "o.jsonl", "--workers", "1")
    assert "\r" not in res.output and "MB/s, " not in res.output.split("time:")[0]


def test_progress_line_on_a_terminal():
    import io

    from corpuskit.corpus.progress import Progress

    buf = io.StringIO()
    p = Progress("cleaning", 10_000_000, stream=buf, enabled=True, interval=0)
    p.update(10, 1_000_000)
    p.close()
    assert "cleaning: 10 documents" in buf.getvalue() and "ETA" in buf.getvalue()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_cleanly_and_resume_completes(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(150):  # many small shards, so checkpoints happen early
        text = seeds[i % len(seeds)].read_text("utf-8")
        (corpus / f"{i:04d}.txt").write_text(f"第{i}篇\n\n" + text.replace("。", f"。{i}", 1), "utf-8")
    out = tmp_path / "o.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "corpuskit", "clean", str(corpus), "-o", str(out), "--workers", "2",
           "--dedup", "off", "--checkpoint", "0", "--report", str(tmp_path / "r.json")]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, env=env, start_new_session=True)
    for _ in range(1200):  # until a checkpoint of the cleaning pass exists (a loaded machine is slow)
        time.sleep(0.05)
        if (tmp_path / ".o.jsonl.corpuskit" / "state.json").exists():
            break
    os.killpg(proc.pid, signal.SIGINT)  # like Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=60)
    err = err.decode()
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt")
    assert proc.returncode == 130 and "Traceback" not in err and "--resume" in err
    assert not out.exists()
    done = subprocess.run(cmd + ["--resume"], stderr=subprocess.PIPE, env=env, timeout=300)
    assert done.returncode == 0
    assert len(out.read_bytes().splitlines()) == 150
    assert orjson.loads((tmp_path / "r.json").read_bytes())["shards"]["skipped_by_resume"] > 0
