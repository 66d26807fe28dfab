"""Dask: the same output on a LocalCluster of 2 workers as in a local run, through the runner
and through clean_bag."""
import orjson
import pytest

from conftest import SEEDS, SHARED
from corpuskit.config import Config
from corpuskit.corpus.runner import run

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "pages").glob("*.txt"))[:5]]
    rows = [{"id": f"d{i}", "text": t, "url": f"https://s{i % 2}.example/{i}"} for i, t in enumerate(texts)]
    rows.append({"id": "dup", "text": texts[0]})  # a duplicate to be removed the same way
    path = folder / "docs.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return path, rows


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as c:
        yield c


def test_runner_on_dask_gives_the_local_output(corpus, cluster, tmp_path):
    path, _ = corpus
    cfg = Config.defaults().with_options(**{"corpus.workers": 1})
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run([str(path)], str(local), cfg)
    from corpuskit.corpus.runner import Options

    res = run([str(path)], str(remote), cfg, options=Options(dask=cluster.scheduler_address))
    assert remote.read_bytes() == local.read_bytes() and res.written == len(local.read_bytes().splitlines())
    assert res.report["dropped"].get("exact-duplicate") == 1


def test_clean_bag_gives_the_local_records(corpus, cluster, tmp_path):
    from corpuskit.corpus.dask import clean_bag

    path, rows = corpus
    cfg = Config.defaults().with_options(**{"corpus.workers": 1})
    local = tmp_path / "local.jsonl"
    run([str(path)], str(local), cfg)
    bag = db.from_sequence(rows, npartitions=3)
    with distributed.Client(cluster):
        got = clean_bag(bag, cfg, source=str(path)).compute()
    want = [orjson.loads(x) for x in local.read_bytes().splitlines()]
    assert got == want
