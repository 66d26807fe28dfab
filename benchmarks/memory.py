"""Peak memory of `corpuskit clean` at two corpus sizes: it must not grow with the input.

Generates (once, cached in benchmarks/data/) deterministic JSONL corpora with
benchmarks/generate.py, runs ``corpuskit clean`` on each with default settings
(near dedup and the repeated-lines pass on), and samples the resident memory
of the main process and of all its workers together every 0.2 s.

    python benchmarks/memory.py                      # 100 MB and 1 GB (a few minutes to generate)
    python benchmarks/memory.py --sizes 20M 200M --workers 2 --dedup off

The dedup index is on disk (about 600 bytes per kept document, in a temporary
SQLite file); the main process holds only its bounded page cache, so memory is
flat with near dedup too. With 2 workers on 2 cores (docs/corpus.md): peak RSS
of the main process 66 MB at 100 MB and 74 MB at 1 GB (x1.11), of all processes
255 and 294 MB (x1.15); ``--dedup off`` gives x1.02 and x1.12. With the index
in dictionaries it was 75 and 230 MB (x3.07), and 259 and 440 MB.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


def rss_tree(pid: int) -> tuple[int, int]:
    """(RSS of ``pid``, RSS of ``pid`` and all its descendants) in bytes, from /proc."""
    import psutil

    try:
        p = psutil.Process(pid)
        main = p.memory_info().rss
        total = main + sum(c.memory_info().rss for c in p.children(recursive=True))
        return main, total
    except psutil.Error:
        return 0, 0


def measure(corpus: Path, workers: int, dedup: str, out: Path) -> dict:
    cmd = [sys.executable, "-m", "corpuskit", "clean", str(corpus), "-o", str(out), "--workers", str(workers),
           "--dedup", dedup, "-q"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, cwd=HERE.parent)  # this checkout's corpuskit
    peak_main = peak_total = 0
    while proc.poll() is None:
        main, total = rss_tree(proc.pid)
        peak_main, peak_total = max(peak_main, main), max(peak_total, total)
        time.sleep(0.2)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode()
    if proc.returncode:
        raise SystemExit(f"corpuskit failed ({proc.returncode}):\n{err[-2000:]}")
    mb = corpus.stat().st_size / 1e6
    return {"input_mb": mb, "seconds": wall, "mb_s": mb / wall, "peak_main_mb": peak_main / 1e6,
            "peak_total_mb": peak_total / 1e6}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=["100M", "1G"])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--dedup", default="near", choices=["near", "exact", "off"])
    ap.add_argument("--data", default=str(HERE / "data"))
    args = ap.parse_args(argv)
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    rows = []
    for label in args.sizes:
        size = generate.parse_size(label)
        t = time.perf_counter()
        corpus = generate.ensure(data / f"corpus-{generate.size_label(size)}-s0.jsonl", size)
        print(f"{corpus.name}: ready in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        r = measure(corpus, args.workers, args.dedup, data / "memory-out.jsonl")
        rows.append(r)
        print(f"{r['input_mb']:8.0f} MB in  {r['seconds']:7.1f} s  {r['mb_s']:6.2f} MB/s  "
              f"peak RSS main {r['peak_main_mb']:6.0f} MB, all processes {r['peak_total_mb']:6.0f} MB", flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"input x{b['input_mb'] / a['input_mb']:.0f}: peak RSS main x{b['peak_main_mb'] / a['peak_main_mb']:.2f}, "
              f"all processes x{b['peak_total_mb'] / a['peak_total_mb']:.2f} "
              f"(workers {args.workers}, dedup {args.dedup})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
