"""Run the pipeline over a corpus: read, clean in parallel (order kept), dedup, write.

The main process reads the inputs (splitting JSONL lines only), sends batches
of raw items to the workers with a bounded window of batches in flight (so
memory does not grow with the corpus, unlike ``Pool.imap``, which drains its
input iterator), takes the results back in input order, decides duplicates on
that ordered stream and writes. The output therefore does not depend on the
number of workers, nor on whether they are processes or Dask workers.

With ``corpus.repeated`` a first pass streams the corpus the same way to learn
each site's repeated lines (:mod:`.boilerplate`).

Every input file is a shard. At a shard boundary, every ``checkpoint_bytes`` or
``checkpoint_seconds``, the run checkpoints: the open output segment is
closed and the state (shards done, counters, the dedup index's new entries)
saved in the work folder ``.NAME.corpuskit/`` beside the output, so that
``resume=True`` continues from there. The work folder is removed when the run
completes.
"""
from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import pickle
import shutil
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

import orjson

from ..config import Config
from ..pipeline import Stats, pipeline_for
from . import readers
from .boilerplate import LineTally
from .dedup import Index, lsh_params
from .progress import Progress
from .readers import Failure, Item
from .report import Tally, build_report, summary, to_html, to_json
from .worker import BatchResult, Job, Result, clean_batch, keys_batch, record_with, warm as warm_worker
from .writers import Output, OutputState, Segment, SideFile, format_of, parse_size, write_atomic

BATCH_DOCS = 64
BATCH_BYTES = 2_000_000
ABORT_WAIT = 10.0  # seconds the pool gets to shut down after Ctrl-C


class ResumeError(ValueError):
    """``--resume`` cannot continue: nothing to resume, or the inputs or options changed."""


@dataclass
class Options:
    """How to run, beyond the config (the CLI's options)."""

    explain: bool = False
    resume: bool = False
    shard_size: str | None = None  # records, or bytes with a unit ("256MB")
    rejected: str | None = None  # side file of rejected records, each with its reason
    errors: str | None = None  # one line per input problem (JSON lines when named .jsonl)
    reports: tuple[str, ...] = ()  # .json and/or .html
    dask: str | None = None  # "local" or a scheduler address
    progress: bool | None = None  # None: when stderr is a terminal
    checkpoint_bytes: int = 64_000_000
    checkpoint_seconds: float = 60.0
    on_failure: Callable[[Failure], None] | None = None
    on_document: Callable[[int], None] | None = None  # called with the count so far (tests, UIs)


@dataclass
class RunResult:
    written: int = 0
    failures: list[Failure] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)
    report: dict[str, Any] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    interrupted: bool = False


# -- executors: map a function over batches, results in order, a bounded window --------------

_job: Job | None = None


def _init_worker(job: Job) -> None:
    global _job
    _job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle


def _call(fn: Callable[[list[Item], Job], Any], batch: list[Item]) -> Any:
    assert _job is not None
    return fn(batch, _job)


class SerialExecutor:
    window = 1

    def start(self, job: Job) -> None:
        self.job = job

    def submit(self, fn, batch):
        value = fn(batch, self.job)
        return lambda: value

    def stop(self, abort: bool = False) -> None:
        pass


class PoolExecutor:
    """Worker processes (fork where available, so they inherit the built pipeline)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.window = 2 * workers
        self.pool = None

    def start(self, job: Job) -> None:
        self.stop()
        pipeline_for(job.config)  # built once here, inherited by forked workers
        from ..stages.classify import warm

        warm(job.config)  # and the rules compiled once
        warm_worker(job)  # and the tables the stages build on first use
        c = job.config.corpus
        lsh_params(c.near_threshold, c.num_perm)  # and the LSH bands (0.14 s, per worker and pass otherwise)
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(job,))

    def submit(self, fn, batch):
        return self.pool.apply_async(_call, (fn, batch)).get

    def stop(self, abort: bool = False) -> None:
        if self.pool is None:
            return
        pool, self.pool = self.pool, None
        if not abort:
            pool.close()
            pool.join()
            return
        # Stopping on Ctrl-C: the workers are killed first, and the pool's own shutdown gets
        # a few seconds. Pool.terminate joins its task thread, which can wait forever on the
        # task queue's lock when a worker died with it (seen with a signal at start-up).
        for proc in getattr(pool, "_pool", ()):
            if proc.is_alive():
                proc.kill()
        closer = threading.Thread(target=pool.terminate, daemon=True)
        closer.start()
        closer.join(timeout=ABORT_WAIT)


def ordered_map(executor, fn, batches: Iterable[list[Any]]) -> Iterator[tuple[list[Any], Any]]:
    """``(entries, fn(items of entries))`` in input order, at most ``executor.window`` in flight.

    Entries that are :class:`Failure` (from the reader) stay in the batch and are not sent.
    """
    pending: deque = deque()
    for entries in batches:
        items = [e for e in entries if isinstance(e, Item)]
        pending.append((entries, executor.submit(fn, items) if items else None))
        if len(pending) >= executor.window:
            entries, get = pending.popleft()
            yield entries, get() if get else None
    while pending:
        entries, get = pending.popleft()
        yield entries, get() if get else None


def batched(entries: Iterable[Item | Failure], total: int | None = None,
            workers: int = 1) -> Iterator[list[Item | Failure]]:
    """Batches of at most ``BATCH_DOCS`` documents or ``BATCH_BYTES`` bytes.

    Given the bytes to come (``total``) and more than one worker, batches shrink towards
    the end, each at most a ``1 / (2 * workers)`` share of what is left after it: the
    workers then finish together instead of one idling while another works through a
    full last batch (about 0.4 s of a two-worker run). Batching never changes the output.

    >>> items = [Item("p", b"x" * 10) for _ in range(40)]
    >>> [len(b) for b in batched(items)], [len(b) for b in batched(items, 400, 2)]
    ([40], [8, 7, 5, 4, 4, 3, 2, 2, 1, 1, 1, 1, 1])
    """
    shrink = bool(total) and workers > 1
    left = total or 0
    batch: list[Item | Failure] = []
    size = 0
    for e in entries:
        batch.append(e)
        if isinstance(e, Item):
            size += len(e.data)
        if (len(batch) >= BATCH_DOCS or size >= BATCH_BYTES
                or (shrink and size * 2 * workers >= left - size)):
            yield batch
            left -= size
            batch, size = [], 0
    if batch:
        yield batch


def workers_for(config: Config) -> int:
    return config.corpus.workers or os.cpu_count() or 1


def make_executor(config: Config, dask: str | None = None):
    if dask:
        from .dask import DaskExecutor

        return DaskExecutor(dask, config.corpus.workers or None)
    n = workers_for(config)
    return SerialExecutor() if n <= 1 else PoolExecutor(n)


# -- the run ----------------------------------------------------------------------------------

def run(inputs: list[str], output: str, config: Config, *, explain: bool = False,
        on_failure: Callable[[Failure], None] | None = None, options: Options | None = None,
        executor=None) -> RunResult:
    """Clean every document in ``inputs`` and write the records to ``output``.

    Raises :class:`ResumeError` when ``options.resume`` cannot continue, ``ValueError``
    for a bad output name or shard size, and ``OSError`` when the output cannot be written.
    """
    opts = options or Options()
    if explain:
        opts.explain = True
    if on_failure:
        opts.on_failure = on_failure
    return _Run(inputs, output, config, opts, executor).go()


def fingerprint(config: Config, opts: Options, paths: list[str]) -> str:
    """What must not change between a run and its ``--resume``."""
    h = hashlib.sha256(orjson.dumps(config.to_dict(), option=orjson.OPT_SORT_KEYS))
    h.update(orjson.dumps([opts.explain, opts.shard_size, bool(opts.rejected)]))
    for p in paths:
        try:
            st = os.stat(p)
            h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            h.update(f"{p}\0?\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


class _Run:
    def __init__(self, inputs: list[str], output: str, config: Config, opts: Options, executor):
        self.inputs, self.output, self.config, self.opts = inputs, output, config, opts
        self.fmt = format_of(output)
        self.shard_records, self.shard_bytes = parse_size(opts.shard_size) if opts.shard_size else (0, 0)
        if output == "-" and (opts.resume or self.shard_records or self.shard_bytes or self.fmt != ".jsonl"):
            raise ValueError("standard output takes plain JSON lines, without --resume or --shard-size")
        self.executor = executor or make_executor(config, opts.dask)
        self.result = RunResult()
        self.tally = Tally()
        self.dup_pairs: list[dict[str, str]] = []
        folder, name = os.path.split(os.path.abspath(output))
        self.workdir = os.path.join(folder, f".{name}.corpuskit")
        self.index = Index(config.corpus.dedup, config.corpus.near_threshold,  # on disk, opened on first use
                           None if output == "-" else self.workdir)
        self.out: Output | _Stdout | None = None

    # -- helpers --
    def fail(self, f: Failure) -> None:
        self.tally.failure(f)
        if len(self.result.failures) < 10_000:
            self.result.failures.append(f)
        if self.errors is not None:
            if self.opts.errors.endswith(".jsonl"):
                self.errors.write(orjson.dumps(f.to_dict()))
            else:
                self.errors.write(f.message().encode("utf-8", "surrogateescape"))
        if self.opts.on_failure:
            self.opts.on_failure(f)

    def _state_path(self) -> str:
        return os.path.join(self.workdir, "state.json")

    # -- phases --
    def go(self) -> RunResult:
        t0 = time.perf_counter()
        expanded = list(readers.expand(self.inputs))
        self.paths = [p for p in expanded if isinstance(p, str)]
        self.real: dict[str, str] = {}
        if "-" in self.paths:
            if self.opts.resume:
                raise ResumeError("standard input cannot be resumed")
            self.real["-"] = readers.spool_stdin(None if self.output == "-" else os.path.dirname(os.path.abspath(self.output)))
        try:
            return self._go(t0, expanded)
        finally:
            self.index.close()
            if "-" in self.real:
                os.unlink(self.real["-"])

    def _go(self, t0: float, expanded: list) -> RunResult:
        self.fp = fingerprint(self.config, self.opts, self.paths)
        state = self._load_state()
        self.errors = self.rejected = None
        side = state["side"] if state else {}
        if self.opts.errors:
            self.errors = SideFile(self.opts.errors, side.get("errors"))
        if self.opts.rejected:
            self.rejected = SideFile(self.opts.rejected, side.get("rejected"))
        if state is None:
            for f in expanded:
                if isinstance(f, Failure):
                    self.fail(f)
        start = state["next_shard"] if state else 0
        self.tally.shards_skipped = start
        try:
            learned = self._learn(state)
            self.job = Job(self.config, self.opts.explain, learned)
            self._clean(start, state)
        except KeyboardInterrupt:
            self.executor.stop(abort=True)
            self.result.interrupted = True  # the open segment is never listed: --resume drops it
            for f in (self.errors, self.rejected):
                if f is not None:
                    f.close()
            self._report(time.perf_counter() - t0, interrupted=True)
            return self.result
        finally:
            if not self.result.interrupted:
                self.executor.stop()
        self.result.outputs = self.out.finish()
        for f in (self.errors, self.rejected):
            if f is not None:
                f.finish()
        if os.path.isdir(self.workdir):
            shutil.rmtree(self.workdir, ignore_errors=True)
        self._report(time.perf_counter() - t0)
        return self.result

    def _load_state(self) -> dict[str, Any] | None:
        if self.output == "-":
            return None
        if not self.opts.resume:
            if os.path.isdir(self.workdir):
                shutil.rmtree(self.workdir)
            return None
        try:
            with open(self._state_path(), "rb") as f:
                state = orjson.loads(f.read())
        except FileNotFoundError:
            return None  # nothing was finished: start from the beginning
        if state.get("fingerprint") != self.fp:
            raise ResumeError("cannot resume: the inputs or options differ from the interrupted run "
                              "(run without --resume to start again)")
        self.tally = Tally.from_dict(state["tally"])
        for name in state["dedup"]:
            with open(os.path.join(self.workdir, name), "rb") as f:
                self.index.load(f)
        return state

    def _learn(self, state: dict[str, Any] | None) -> dict[str, frozenset[int]]:
        c = self.config.corpus
        if not c.repeated:
            return {}
        saved = os.path.join(self.workdir, "learned.pickle")
        if state is not None and os.path.exists(saved):
            with open(saved, "rb") as f:
                return pickle.load(f)
        t = time.perf_counter()
        tally = LineTally(c.repeated_capacity)
        progress = self._progress("learning repeated lines")
        self.executor.start(Job(self.config))
        for entries, keys in ordered_map(self.executor, keys_batch, self._batches(0)):
            items = [e for e in entries if isinstance(e, Item)]
            for item, k in zip(items, keys or ()):
                if k is not None:
                    tally.add(*k)
            progress.update(len(items), sum(len(i.data) for i in items))
        progress.close()
        learned = tally.learned(c.repeated_min_docs, c.repeated_min_share)
        self.tally.learned_sites = len(learned)
        self.tally.learned_lines = sum(len(v) for v in learned.values())
        self.tally.phases["learn"] += time.perf_counter() - t
        if self.output != "-":
            os.makedirs(self.workdir, exist_ok=True)
            with open(saved, "wb") as f:
                pickle.dump(learned, f)
        return learned

    def _input_bytes(self, start: int = 0) -> int | None:
        """The bytes of the inputs from shard ``start`` on; None when unknown (standard
        input, compressed files)."""
        paths = self.paths[start:]
        if any(p == "-" or p.endswith((".gz", ".zst")) for p in paths):
            return None
        total = 0
        for p in paths:
            try:
                total += os.path.getsize(p)
            except OSError:
                pass
        return total

    def _progress(self, phase: str) -> Progress:
        return Progress(phase, self._input_bytes(), enabled=self.opts.progress)

    def _batches(self, start: int) -> Iterator[list[Item | Failure]]:
        entries = readers.read(self.paths, self.config.corpus.max_doc_bytes, start, self.real)
        return batched(entries, self._input_bytes(start), getattr(self.executor, "workers", 1) or 1)

    def _clean(self, start: int, state: dict[str, Any] | None) -> None:
        if self.output == "-":
            self.out = _Stdout()
        else:
            os.makedirs(self.workdir, exist_ok=True)
            self.out = Output(self.output, self.workdir, shard_records=self.shard_records,
                              shard_bytes=self.shard_bytes, explain=self.opts.explain,
                              state=OutputState.from_dict(state["output"]) if state else None)
            self.out.discard_unlisted()
        self.dedup_files = list(state["dedup"]) if state else []
        t = time.perf_counter()
        progress = self._progress("cleaning")
        self.executor.start(self.job)
        shard = start
        last_ck, last_size = time.monotonic(), 0
        stream = ordered_map(self.executor, clean_batch, self._batches(start))
        for entries, batch in stream:
            results = iter(batch.results) if batch else iter(())
            if batch:
                self.tally.stats += batch.stats
                self.tally.counts.update(batch.counts)
            for e in entries:
                if e.shard != shard:  # every entry of shards before e.shard is written
                    self.tally.shards_done += e.shard - shard
                    shard = e.shard
                    if (self._written_bytes() - last_size >= self.opts.checkpoint_bytes
                            or time.monotonic() - last_ck >= self.opts.checkpoint_seconds):
                        self._checkpoint(shard)
                        last_ck, last_size = time.monotonic(), self._written_bytes()
                if isinstance(e, Failure):
                    self.fail(e)
                    continue
                self.tally.bytes_in += len(e.data)
                r = next(results)
                if isinstance(r, Failure):
                    r.shard = e.shard
                    self.fail(r)
                    continue
                self._decide(r)
                progress.update(1, len(e.data))
                if self.opts.on_document:
                    self.opts.on_document(self.tally.docs_in)
        self.tally.shards_done += len(self.paths) - shard if self.paths else 0
        progress.close()
        self.tally.phases["clean"] += time.perf_counter() - t

    def _written_bytes(self) -> int:
        return sum(s.size for s in self.out.state.segments) + (self.out._seg.size if self.out._seg else 0) \
            if isinstance(self.out, Output) else 0

    def _decide(self, r: Result) -> None:
        t = self.tally
        t.docs_in += 1
        reason, dup_of = r.reason, None
        if reason is None and r.sketch is not None:
            hit = self.index.check(r.sketch)
            if hit is not None:
                reason, dup_of = hit
                t.clusters[dup_of] += 1
                if len(self.dup_pairs) < 1000:
                    self.dup_pairs.append({"removed": r.id, "kept": dup_of, "kind": reason})
        if reason is not None:
            t.dropped[reason] += 1
            if self.rejected is not None:
                why = {"reason": reason} if dup_of is None else {"reason": reason, "duplicate_of": dup_of}
                self.rejected.write(record_with(r.record, rejected=why))
            return
        if r.sketch is not None and self.index.mode != "off":
            self.index.add(r.sketch, r.id)
        self.out.write(r.record)
        t.docs_out += 1
        t.langs[r.lang or "none"] += 1
        t.scripts[r.script or "none"] += 1
        self.result.written += 1

    def _checkpoint(self, next_shard: int) -> None:
        if not isinstance(self.out, Output):
            return
        self.out.checkpoint()
        if self.index.saved < len(self.index):  # the entries added since the last checkpoint
            name = f"dedup-{len(self.dedup_files):06d}.pickle"
            with open(os.path.join(self.workdir, name), "wb") as f:
                self.index.save(f)
            self.dedup_files.append(name)
        state = {
            "fingerprint": self.fp, "next_shard": next_shard, "output": self.out.state.to_dict(),
            "tally": self.tally.to_dict(), "dedup": self.dedup_files,
            "side": {"errors": self.errors.tell() if self.errors else None,
                     "rejected": self.rejected.tell() if self.rejected else None},
        }
        write_atomic(self._state_path(), orjson.dumps(state))

    def _report(self, wall: float, interrupted: bool = False) -> None:
        r = build_report(self.tally, inputs=self.inputs, outputs=self.result.outputs, wall=wall,
                         config=self.config.to_dict(), interrupted=interrupted)
        r["duplicates"]["pairs"] = self.dup_pairs
        self.result.report = r
        self.result.stats = self.tally.stats
        for path in self.opts.reports:
            write_atomic(path, to_html(r) if path.lower().endswith((".html", ".htm")) else to_json(r))


class _Stdout:
    """Records straight to standard output (no segments, no resume)."""

    def __init__(self):
        self.seg = Segment("-", ".jsonl")
        self.count = 0

    def write(self, record: bytes) -> None:
        self.seg.write(record)
        self.count += 1

    def checkpoint(self) -> None:
        self.seg.close()

    def finish(self) -> list[str]:
        self.seg.close()
        return ["-"]


__all__ = ["run", "Options", "RunResult", "ResumeError", "summary", "ordered_map", "workers_for"]
