"""Profile ``corpuskit clean --to zh-Hans`` in one process: where the time goes.

    python benchmarks/hotspots.py                     # 32 MB corpus, top 10 functions by own time
    python benchmarks/hotspots.py --size 64M --top 25 --markdown

Runs the corpus runner with one worker under cProfile (so reading, the stages,
the corpus-level steps and writing are all seen), then prints the functions with
the largest own time and the per-stage seconds the pipeline counts itself.
cProfile adds its own overhead to every Python call, so shares matter more
than the absolute seconds; ``py-spy record`` on the CLI gives a second opinion.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # profile this checkout's corpuskit, not an installed one

import generate  # noqa: E402


def short(func: tuple[str, int, str]) -> str:
    path, line, name = func
    if path == "~":
        return name  # a builtin, e.g. <method 'sub' of 're.Pattern' objects>
    parts = Path(path).parts
    for anchor in ("corpuskit", "site-packages", "lib"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            path = "/".join(parts[i + (anchor != "corpuskit"):])
            break
    return f"{path}:{line}({name})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=generate.parse_size, default=generate.parse_size("32M"))
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--to", default="zh-Hans")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--data", default=str(HERE / "data"))
    ap.add_argument("--save", help="write the raw profile here (for snakeviz, pstats)")
    args = ap.parse_args(argv)

    from corpuskit.config import Config
    from corpuskit.corpus.runner import run

    data = Path(args.data)
    corpus = generate.ensure(data / f"corpus-{generate.size_label(args.size)}-s0.jsonl", args.size)
    out = data / "out"
    out.mkdir(parents=True, exist_ok=True)
    config = Config.defaults().with_options(**{"convert.to": args.to, "corpus.workers": 1})

    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    result = run([str(corpus)], str(out / "profile.jsonl"), config)
    prof.disable()
    wall = time.perf_counter() - t
    mb = corpus.stat().st_size / 1e6
    if args.save:
        prof.dump_stats(args.save)

    st = pstats.Stats(prof)
    rows = sorted(st.stats.items(), key=lambda kv: kv[1][2], reverse=True)  # by own (tottime)
    total = sum(v[2] for _, v in rows) or 1.0
    print(f"{mb:.1f} MB, {result.written} documents, {wall:.1f} s under cProfile ({mb / wall:.2f} MB/s)")
    if args.markdown:
        print("\n| # | function | calls | own s | own % | cumulative s |\n|---:|---|---:|---:|---:|---:|")
    for i, (func, (cc, nc, tt, ct, _)) in enumerate(rows[: args.top], 1):
        if args.markdown:
            print(f"| {i} | `{short(func)}` | {nc} | {tt:.2f} | {100 * tt / total:.1f} | {ct:.2f} |")
        else:
            print(f"{i:>3} {tt:8.2f}s {100 * tt / total:5.1f}% cum {ct:8.2f}s {nc:>9}  {short(func)}")
    secs = result.stats.seconds
    if secs:
        print("\nper stage (pipeline's own timers, under the profiler):")
        if args.markdown:
            print("\n| stage | s | % |\n|---|---:|---:|")
        tot = sum(secs.values()) or 1.0
        for name, s in sorted(secs.items(), key=lambda kv: -kv[1]):
            print(f"| {name} | {s:.2f} | {100 * s / tot:.1f} |" if args.markdown else f"  {name:<12} {s:7.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
