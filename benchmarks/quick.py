"""Quick check (well under a minute): corpuskit on all cores against the single-threaded floor.

    python benchmarks/quick.py            # prints the ratio to the floor
    python benchmarks/quick.py --min 0.5  # exits 1 below 0.5x

The floor is orjson read + OpenCC t2s of every text + orjson write, in this
process, on one core; corpuskit is ``corpuskit clean --to zh-Hans`` with all
cores, as a user runs it (interpreter start included). Both read the same small
generated corpus (cached under benchmarks/data). The best of ``--repeat`` runs
counts, to damp noise.
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
import peers  # noqa: E402


def best(fn, repeat: int, budget: float = 20.0) -> float:
    """The shortest of ``repeat`` timed runs; no more repeats once ``budget`` seconds are spent."""
    times: list[float] = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if sum(times) > budget:
            break
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=generate.parse_size, default=generate.parse_size("8M"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="corpuskit workers (default: all cores)")
    ap.add_argument("--min", type=float, default=None, help="exit 1 when the ratio is below this")
    ap.add_argument("--data", default=str(HERE / "data"))
    args = ap.parse_args(argv)

    data = Path(args.data)
    corpus = generate.ensure(data / f"quick-{generate.size_label(args.size)}.jsonl", args.size)
    mb = corpus.stat().st_size / 1e6
    out = data / "out"
    out.mkdir(parents=True, exist_ok=True)

    t_floor = best(lambda: peers.floor(str(corpus), str(out / "quick-floor.jsonl")), args.repeat)
    cmd = [sys.executable, "-m", "corpuskit", "clean", str(corpus), "-o", str(out / "quick-corpuskit.jsonl"),
           "--to", "zh-Hans", "--workers", str(args.workers)]

    def clean() -> None:
        r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, cwd=HERE.parent)  # this checkout's corpuskit
        if r.returncode:
            sys.exit(f"corpuskit failed (exit {r.returncode}):\n{r.stderr[-2000:]}")

    t_ck = best(clean, args.repeat)

    floor, ck = mb / t_floor, mb / t_ck
    ratio = ck / floor
    print(f"corpus {mb:.1f} MB; floor (1 core) {floor:.1f} MB/s; "
          f"corpuskit ({args.workers} workers) {ck:.1f} MB/s; ratio to floor {ratio:.2f}")
    if args.min is not None and ratio < args.min:
        print(f"below {args.min}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
