"""The floor and the peer pipelines, each runnable alone in its own process.

    python benchmarks/peers.py floor IN.jsonl OUT.jsonl
    python benchmarks/peers.py ftfy IN.jsonl OUT.jsonl
    python benchmarks/peers.py zhconv IN.jsonl OUT.jsonl
    python benchmarks/peers.py datatrove-io IN_DIR OUT_DIR --workers 2
    python benchmarks/peers.py datatrove IN_DIR OUT_DIR --workers 2
    python benchmarks/peers.py data-juicer IN.jsonl OUT.jsonl --workers 2

``benchmarks/run.py`` starts each of these as a child process and measures its
wall time and memory from outside. Peers are optional: install them with
``pip install -e .[bench]`` (or into a separate environment; see docs/benchmarks.md).
Each prints one JSON line: what it did (documents in, documents out).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

import orjson

# What each pipeline does, for the report (a peer is compared per core with corpuskit
# only where it does less than corpuskit does).
DOES = {
    "floor": "orjson read, OpenCC t2s of every text, orjson write (1 process)",
    "ftfy": "orjson read, ftfy.fix_text (defaults), orjson write",
    "zhconv": "orjson read, zhconv-rs to zh-Hans, orjson write",
    "datatrove-io": "datatrove JsonlReader -> JsonlWriter (nothing else)",
    "datatrove": "datatrove JsonlReader -> FTFYFormatter -> SymbolLinesFormatter -> "
                 "GopherRepetitionFilter(zh) -> FineWebQualityFilter(zh) -> JsonlWriter",
    "data-juicer": "data-juicer: fix_unicode_mapper, chinese_convert_mapper t2s, "
                   "punctuation_normalization_mapper, document_deduplicator",
}


def map_jsonl(inp: str, out: str, fn: Callable[[str], str]) -> dict:
    """Read records, replace ``text`` by ``fn(text)``, write them: the shape of the floor."""
    n = 0
    with open(inp, "rb") as f, open(out, "wb", buffering=1 << 20) as g:
        for line in f:
            rec = orjson.loads(line)
            rec["text"] = fn(rec["text"])
            g.write(orjson.dumps(rec) + b"\n")
            n += 1
    return {"docs_in": n, "docs_out": n}


def floor(inp: str, out: str, workers: int = 1) -> dict:
    """The unavoidable cost: I/O plus the OpenCC conversion itself, single-threaded."""
    import opencc

    return map_jsonl(inp, out, opencc.OpenCC("t2s").convert)


def ftfy_peer(inp: str, out: str, workers: int = 1) -> dict:
    import ftfy

    return map_jsonl(inp, out, ftfy.fix_text)


def zhconv_peer(inp: str, out: str, workers: int = 1) -> dict:
    from zhconv_rs import zhconv

    return map_jsonl(inp, out, lambda t: zhconv(t, "zh-Hans"))


def _count_lines(folder: str) -> int:
    n = 0
    for p in Path(folder).rglob("*.jsonl"):
        with open(p, "rb") as f:
            n += sum(1 for _ in f)
    return n


def datatrove_peer(inp: str, out: str, workers: int = 1, full: bool = True) -> dict:
    """``inp`` is a folder of shards (datatrove parallelises by file)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    steps: list = [JsonlReader(inp, glob_pattern="*.jsonl", compression=None)]
    if full:
        from datatrove.pipeline.filters import FineWebQualityFilter, GopherRepetitionFilter
        from datatrove.pipeline.formatters import FTFYFormatter, SymbolLinesFormatter

        # Chinese word splitting (spacy + jieba), as a Chinese corpus needs.
        steps += [FTFYFormatter(), SymbolLinesFormatter(), GopherRepetitionFilter(language="zh"),
                  FineWebQualityFilter(language="zh")]
    steps.append(JsonlWriter(out, compression=None))
    shards = len(list(Path(inp).glob("*.jsonl")))
    with tempfile.TemporaryDirectory() as logs:
        LocalPipelineExecutor(steps, tasks=shards, workers=workers, logging_dir=logs,
                              start_method="fork").run()
    return {"docs_in": _count_lines(inp), "docs_out": _count_lines(out)}


def datajuicer_peer(inp: str, out: str, workers: int = 1) -> dict:
    from data_juicer.tools.process_data import main as dj_main

    work = tempfile.mkdtemp(prefix="dj-")
    cfg = os.path.join(work, "config.yaml")
    ops = ["  - fix_unicode_mapper:", "  - chinese_convert_mapper:", "      mode: t2s",
           "  - punctuation_normalization_mapper:", "  - document_deduplicator:"]
    with open(cfg, "w") as f:
        f.write("\n".join([
            "project_name: corpuskit-bench",
            f"dataset_path: {os.path.abspath(inp)}",
            f"export_path: {os.path.abspath(out)}",
            f"work_dir: {work}",
            f"np: {workers}",
            "text_keys: text",
            "use_cache: false",
            "open_tracer: false",
            "process:", *ops, ""]))
    sys.argv = ["dj-process", "--config", cfg]
    dj_main()
    with open(inp, "rb") as f:
        n_in = sum(1 for _ in f)
    with open(out, "rb") as f:
        n_out = sum(1 for _ in f)
    return {"docs_in": n_in, "docs_out": n_out}


PEERS: dict[str, Callable[..., dict]] = {
    "floor": floor,
    "ftfy": ftfy_peer,
    "zhconv": zhconv_peer,
    "datatrove-io": lambda i, o, workers=1: datatrove_peer(i, o, workers, full=False),
    "datatrove": datatrove_peer,
    "data-juicer": datajuicer_peer,
}

# The module each peer needs; run.py checks it imports before measuring.
NEEDS = {"floor": "opencc", "ftfy": "ftfy", "zhconv": "zhconv_rs", "datatrove-io": "datatrove",
         "datatrove": "datatrove", "data-juicer": "data_juicer"}
# Peers that read a folder of shards instead of one file.
SHARDED = {"datatrove-io", "datatrove"}
# Peers too slow for the usual peer input: they run on a smaller prefix.
SLOW = {"datatrove"}
# Peers that use several processes when given --workers.
PARALLEL = {"datatrove-io", "datatrove", "data-juicer"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run the floor or one peer pipeline.")
    ap.add_argument("name", choices=sorted(PEERS))
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    result = PEERS[args.name](args.input, args.output, workers=args.workers)
    sys.stdout.flush()
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
