"""What a worker does with a batch of items: everything per document.

A batch goes in as a list of :class:`~corpuskit.corpus.readers.Item` (raw bytes)
and comes out as a :class:`BatchResult`: per document one small tuple with the
serialized record (bytes, so nothing big is pickled twice), the quality
verdict and the dedup sketch. The cross-document decisions (dedup, writing)
happen in the main process, in input order.

The :class:`Job` (config and learned residue) travels to each worker once.
"""
from __future__ import annotations

import gc
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson

from ..config import Config
from ..document import Document
from ..pipeline import Pipeline, Stats, pipeline_for
from .boilerplate import RepeatedStage, document_keys, site_of, text_keys
from .charclass import classes, codepoints, word_key
from .dedup import Signer, Sketch
from .quality import Measures, QualityFilter
from .readers import Failure, Item


@dataclass
class Job:
    """Everything a worker needs, shipped once per worker (and per run)."""

    config: Config
    explain: bool = False
    learned: dict[str, frozenset[int]] = field(default_factory=dict)
    token: str = field(default_factory=lambda: uuid.uuid4().hex)


class Result(NamedTuple):
    """One document's outcome. ``reason`` is None when it passed the quality filters."""

    id: str
    record: bytes  # the JSON record, without the newline
    reason: str | None
    sketch: Sketch | None
    lang: str | None
    script: str | None
    path: str
    line: int | None


@dataclass
class BatchResult:
    results: list[Result | Failure]
    stats: Stats
    counts: Counter  # repairs and flags by kind, over all documents of the batch


class _Worker:
    """Per-process state built from a Job: the pipeline, filters and signer."""

    def __init__(self, job: Job):
        cfg = job.config
        base = pipeline_for(cfg).stages
        stages = list(base)
        if job.learned:
            at = next((i + 1 for i, s in enumerate(stages) if s.name == "classify"), len(stages))
            stages.insert(at, RepeatedStage(cfg, job.learned))
        self.pipeline = Pipeline(stages)
        # Pass one needs the text segmented as pass two will see it.
        upto = next((i + 1 for i, s in enumerate(base) if s.name == "segment"), len(base))
        self.segmenter = Pipeline(base[:upto])
        # ... which is the decoded text's lines: read without building the Line objects
        self.reader = Pipeline(base[:upto - 1]) if base[upto - 1].name == "segment" else None
        self.filter = QualityFilter(cfg.corpus)
        self.signer = Signer(cfg.corpus.dedup, cfg.corpus.near_threshold, cfg.corpus.num_perm,
                             cfg.corpus.near_ngram)
        self.job = job


_workers: dict[str, _Worker] = {}


def worker_for(job: Job) -> _Worker:
    w = _workers.get(job.token)
    if w is None:
        _workers.clear()  # one run at a time per process
        w = _workers[job.token] = _Worker(job)
    return w


def to_document(item: Item, config: Config) -> Document:
    """The Document for an item; a JSON line is parsed here (ValueError when it is broken)."""
    if item.kind == "json":
        try:
            obj = orjson.loads(item.data)
        except orjson.JSONDecodeError as e:
            raise ValueError(f"broken JSON line ({e.msg} at char {e.pos})") from None
        tf, idf = config.corpus.text_field, config.corpus.id_field
        if not isinstance(obj, dict):
            raise ValueError("JSON line is not an object")
        text = obj.pop(tf, None)
        if not isinstance(text, str):
            raise ValueError(f"no string field {tf!r}")
        if not text.strip():
            raise ValueError(f"field {tf!r} is empty")
        rid = obj.pop(idf, None)
        return Document(input=text.replace("\x00", ""), path=item.path,
                        id=None if rid is None else str(rid), extra=obj)
    if item.kind == "html":
        from .html import html_document

        return html_document(item.data, config, item.path)
    return Document(raw=item.data, path=item.path, id=item.id, extra=item.extra)


@contextmanager
def _fewer_collections(threshold: int = 10_000):
    """The cyclic garbage collector run less often while a batch is worked on.

    A batch allocates hundreds of thousands of small objects (every line a
    :class:`~corpuskit.document.Line`) that live until the batch ends and hold
    no cycles; at the default threshold (700) the collector walks them again and
    again. The process's setting comes back after the batch.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(threshold, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def clean_batch(items: list[Item], job: Job) -> BatchResult:
    """Pass two: clean, filter and sketch every item of a batch."""
    with _fewer_collections():
        return _clean_batch(items, job)


def _clean_batch(items: list[Item], job: Job) -> BatchResult:
    w = worker_for(job)
    pipe = w.pipeline
    for s in pipe.stages:
        s.stats = Stats()
    counts: Counter = Counter()
    slots: list[Document | Failure] = []
    for item in items:
        try:
            slots.append(pipe(to_document(item, job.config)))
        except ValueError as e:
            slots.append(Failure(item.path, str(e), item.line, shard=item.shard))
        except Exception as e:  # noqa: BLE001 - one bad document never stops the corpus
            slots.append(Failure(item.path, f"cannot clean: {type(e).__name__}: {e}", item.line, shard=item.shard))
    docs = [d for d in slots if isinstance(d, Document)]
    cps = [codepoints(d.text) for d in docs]  # one pass over each text serves filters and dedup
    cls = [classes(cp) for cp in cps]
    measures = iter([Measures.from_classes(cp, c) for cp, c in zip(cps, cls)])
    sketches = iter(w.signer.sketch_keys([word_key(cp, c) for cp, c in zip(cps, cls)]))
    out: list[Result | Failure] = []
    for item, doc in zip(items, slots):
        if isinstance(doc, Failure):
            out.append(doc)
            continue
        sketch, ngram_dup = next(sketches)
        counts.update(f"repair.{r}" for r in doc.repairs)
        counts.update(f"flag.{f}" for f in doc.flags)
        reason = w.filter(doc.text, doc.flags, ngram_dup, measures=next(measures))
        record = orjson.dumps(doc.to_record(explain=job.explain))
        out.append(Result(doc.id or "", record, reason, sketch, doc.lang, doc.script, item.path, item.line))
    return BatchResult(out, pipe.stats, counts)


def keys_batch(items: list[Item], job: Job) -> list[tuple[str, frozenset[int]] | None]:
    """Pass one: per item its site and the keys of its distinct lines (None if unreadable)."""
    with _fewer_collections():
        return _keys_batch(items, job)


def _keys_batch(items: list[Item], job: Job) -> list[tuple[str, frozenset[int]] | None]:
    w = worker_for(job)
    limit = job.config.corpus.repeated_max_chars
    out: list[tuple[str, frozenset[int]] | None] = []
    for item in items:
        try:
            doc = (w.reader or w.segmenter)(to_document(item, job.config))
        except Exception:  # noqa: BLE001 - reported by pass two
            out.append(None)
            continue
        keys = (text_keys(doc.input, limit, job.config.segment.max_line_chars) if w.reader
                else document_keys(doc, limit))
        out.append((site_of(doc.path, doc.extra), keys))
    return out


def warm(job: Job) -> None:
    """Clean one small page now, in the process that forks the workers, so that the tables
    the stages build on first use (the repair's code-page costs, ftfy, converters, the
    rules' lazily compiled patterns) are built once and inherited, not once per worker and
    pass (about a quarter of a second each)."""
    han = "北京3月5日电 记者从会上获悉，新闻发布会于今天上午举行。"
    page = "\n".join([
        "新闻发布会举行", han,
        han.encode("utf-8").decode("latin-1"),  # mojibake of two kinds
        han.encode("utf-8").decode("gbk", "replace"),
        "臺灣網際網路發展報告發佈，記者會於今日舉行。",
        "The report was published on Monday, officials said.",
        "（完）",
    ])
    clean_batch([Item("warm", page.encode("utf-8"))], job)


def record_with(record: bytes, **fields: Any) -> bytes:
    """A serialized record with more fields in front (no re-parsing).

    >>> record_with(b'{"id":"a"}', rejected={"reason": "too-short"})
    b'{"rejected":{"reason":"too-short"},"id":"a"}'
    """
    return orjson.dumps(fields)[:-1] + b"," + record[1:]
