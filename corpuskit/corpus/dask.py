"""Dask: the same run on a Dask cluster, and cleaning a ``dask.bag`` (the ``dask`` extra).

``corpuskit clean … --dask local`` (a ``LocalCluster`` on this machine) or
``--dask tcp://host:8786`` sends the batches to Dask workers instead of local
processes; reading, dedup and writing stay in the calling process, in input
order, so the output is identical to a local run.

:func:`clean_bag` is the library form: a bag of documents (bytes, str or
dicts with the text field) in, a bag of records out, with the same quality
filters and dedup (the first document of a duplicate cluster, in bag order,
is kept). Its output equals a local run over the same documents.
"""
from __future__ import annotations

from typing import Any

from ..config import Config
from .boilerplate import LineTally
from .dedup import Index
from .readers import Item
from .worker import Job, Result, clean_batch, keys_batch


class DaskExecutor:
    """Batches to Dask workers, at most ``window`` in flight."""

    def __init__(self, address: str, workers: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - depends on the install
            raise ValueError("--dask needs the dask extra: pip install 'corpuskit[dask]'") from None
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        n = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()) or 1
        self.window = 2 * n
        self._job = None

    def start(self, job: Job) -> None:
        self._job = self.client.scatter(job, broadcast=True)

    def submit(self, fn, batch):
        return self.client.submit(fn, batch, self._job, pure=False).result

    def stop(self, abort: bool = False) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def _as_item(doc: Any, index: int, source: str) -> Item:
    import orjson

    if isinstance(doc, dict):
        return Item(source, orjson.dumps(doc), "json", index + 1)
    if isinstance(doc, str):
        return Item(source, doc.encode("utf-8", "surrogatepass"), "text", index + 1)
    return Item(source, bytes(doc), "text", index + 1)


def _items(part: list[Any], source: str) -> list[Item]:
    return [_as_item(d, i, source) for i, d in enumerate(part)]


def _keys(part: list[Any], job: Job, source: str) -> list:
    return keys_batch(_items(part, source), job)


def _clean(part: list[Any], job: Job, source: str) -> list:
    return clean_batch(_items(part, source), job).results


def _learn(parts: list[list], config: Config) -> dict[str, frozenset[int]]:
    c = config.corpus
    tally = LineTally(c.repeated_capacity)
    for part in parts:
        for k in part:
            if k is not None:
                tally.add(*k)
    return tally.learned(c.repeated_min_docs, c.repeated_min_share)


def _decide(parts: list[list], config: Config) -> list[list[bool]]:
    """Keep flags per partition, deciding duplicates in bag order."""
    flags = []
    with Index(config.corpus.dedup, config.corpus.near_threshold) as index:  # its file goes with it
        for part in parts:
            keep = []
            for r in part:
                ok = isinstance(r, Result) and r.reason is None
                if ok and r.sketch is not None:
                    ok = index.check(r.sketch) is None
                    if ok:
                        index.add(r.sketch, r.id)
                keep.append(ok)
            flags.append(keep)
    return flags


def _records(part: list, flags: list[list[bool]], i: int) -> list[dict[str, Any]]:
    import orjson

    return [orjson.loads(r.record) for r, ok in zip(part, flags[i]) if ok]


def clean_bag(bag, config: Config | None = None, *, explain: bool = False, source: str = "bag"):
    """Clean a ``dask.bag.Bag`` of documents into a bag of records (dicts), deduplicated.

    A document is bytes (encoding detected), a str, or a dict with the
    configured text and id fields (its other fields go to ``meta.extra``).
    ``source`` is recorded as ``provenance.path`` (and names the site of
    documents without a URL). Items that cannot be cleaned are left out.
    """
    import dask
    import dask.bag as db

    config = config or Config.defaults()
    parts = bag.to_delayed()
    learned: Any = {}
    if config.corpus.repeated:
        first = Job(config)
        keys = [dask.delayed(_keys)(p, first, source) for p in parts]
        learned = dask.delayed(_learn)(keys, config)
    job = dask.delayed(Job)(config, explain, learned)
    results = [dask.delayed(_clean)(p, job, source) for p in parts]
    flags = dask.delayed(_decide)(results, config)
    return db.from_delayed([dask.delayed(_records)(r, flags, i) for i, r in enumerate(results)])
