"""Run the pipeline over a corpus: read, clean in parallel (order kept), write."""
from __future__ import annotations

import multiprocessing as mp
import os
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from ..config import Config
from ..document import Document
from ..pipeline import Stats, pipeline_for
from .readers import Failure, Item, read
from .writers import JsonlWriter


@dataclass
class RunResult:
    written: int = 0
    failures: list[Failure] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)


def clean_item(item: Item, config: Config, explain: bool) -> tuple[dict[str, Any] | None, Failure | None]:
    try:
        if isinstance(item.data, str):
            doc = Document(input=item.data, path=item.path, id=item.id, extra=item.extra)
        else:
            doc = Document(raw=item.data, path=item.path, id=item.id, extra=item.extra)
        doc = pipeline_for(config)(doc)
        return doc.to_record(explain=explain), None
    except Exception as e:  # one bad document never stops the corpus
        return None, Failure(item.path, f"cannot clean: {type(e).__name__}: {e}", item.line)


_worker: dict[str, Any] = {}


def _init(config: Config, explain: bool) -> None:
    _worker["config"], _worker["explain"] = config, explain


def _clean_batch(batch: list[Item]) -> tuple[list[tuple[dict | None, Failure | None]], Stats]:
    config, explain = _worker["config"], _worker["explain"]
    pipe = pipeline_for(config)
    pipe.reset_stats()
    out = [clean_item(it, config, explain) for it in batch]
    return out, pipe.stats


def batches(items: Iterable[Item | Failure], size: int) -> Iterator[list[Item | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def workers_for(config: Config) -> int:
    return config.corpus.workers or os.cpu_count() or 1


def run(inputs: list[str], output: str, config: Config, *, explain: bool = False,
        on_failure: Callable[[Failure], None] | None = None) -> RunResult:
    """Clean every document in ``inputs`` and write the records to ``output``."""
    result = RunResult()
    items = read(inputs, config.corpus.text_field, config.corpus.id_field)
    workers = workers_for(config)

    def fail(f: Failure) -> None:
        result.failures.append(f)
        if on_failure:
            on_failure(f)

    def cleaned(chunks: Iterable[list[Item | Failure]], process) -> Iterator[tuple[dict | None, Failure | None]]:
        for chunk in chunks:
            good = [x for x in chunk if isinstance(x, Item)]
            for x in chunk:
                if isinstance(x, Failure):
                    fail(x)
            if good:
                outs, stats = process(good)
                result.stats += stats
                yield from outs

    with JsonlWriter(output) as writer:
        if workers <= 1:
            _init(config, explain)
            stream = cleaned(batches(items, 64), _clean_batch)
            _consume(stream, writer, fail)
        else:
            ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
            with ctx.Pool(workers, initializer=_init, initargs=(config, explain)) as pool:
                # Batches in, results out in input order: the output does not depend on workers.
                def parallel(chunks):
                    def pairs():
                        for chunk in chunks:
                            for x in chunk:
                                if isinstance(x, Failure):
                                    fail(x)
                            good = [x for x in chunk if isinstance(x, Item)]
                            if good:
                                yield good
                    for outs, stats in pool.imap(_clean_batch, pairs()):
                        result.stats += stats
                        yield from outs
                _consume(parallel(batches(items, 32)), writer, fail)
        result.written = writer.count
    return result


def _consume(stream, writer: JsonlWriter, fail) -> None:
    for record, failure in stream:
        if failure is not None:
            fail(failure)
        elif record is not None:
            writer.write(record)
