"""The benchmark: the floor, corpuskit and the peers on one generated corpus, in one report.

    python benchmarks/run.py                       # 1 GB corpus, all measurements (~15-25 min on 2 cores)
    python benchmarks/run.py --size 100M --peer-size 32M
    python benchmarks/run.py --workers 1 2 4 8 16  # scaling; counts above the core count are skipped
    python benchmarks/run.py --docs docs/benchmarks.md   # also write the results into the docs

Every measurement runs as its own child process, timed from outside (wall clock,
interpreter start included) while its process tree's memory is sampled:

- the floor: orjson read, OpenCC t2s of every text, orjson write, one process;
- ``corpuskit clean --to zh-Hans`` at default settings with each ``--workers`` count;
- the peers (optional, where they import): ftfy, zhconv-rs, datatrove, data-juicer,
  on the first ``--peer-size`` bytes of the same corpus (slow peers would take hours on 1 GB);
- corpuskit on the ``--rss-size`` prefix too, to show peak memory does not grow with the input.

Throughput is input JSONL megabytes (10^6 bytes) per second. Each row's ratio is to
the floor measured on the same input file in the same run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import peers  # noqa: E402

BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


# --------------------------------------------------------------------------- measuring

@dataclass
class Sample:
    """What one child process run cost."""

    wall: float = 0.0
    rc: int | None = None
    timed_out: bool = False
    peak_total_rss: int = 0  # the whole process tree at its largest (sampled)
    peak_proc_rss: int = 0  # the largest single process (sampled)
    ru_maxrss: int = 0  # the kernel's figure; includes the pre-exec copy of this (parent) process
    worker_rss: list[int] = field(default_factory=list)  # peak RSS of each child process
    worker_uss: list[int] = field(default_factory=list)  # peak unique memory of each child process
    main_rss: int = 0
    main_cpu: float = 0.0  # CPU seconds of the main process itself (last sample): the serial part
    result: dict = field(default_factory=dict)
    tail: str = ""


def _poll(pid: int, sample: Sample, stop: threading.Event, interval: float = 0.05) -> None:
    try:
        import psutil
    except ImportError:  # peak_proc_rss from wait4 still works
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    rss: dict[int, int] = {}
    uss: dict[int, int] = {}
    tick = 0
    while not stop.is_set():
        try:
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            break
        total = 0
        for p in procs:
            try:
                r = p.memory_info().rss
                if tick % 10 == 0 and p.pid != pid:  # USS reads smaps: sample it less often
                    uss[p.pid] = max(uss.get(p.pid, 0), p.memory_full_info().uss)
            except psutil.Error:
                continue
            total += r
            rss[p.pid] = max(rss.get(p.pid, 0), r)
        sample.peak_total_rss = max(sample.peak_total_rss, total)
        try:
            t = root.cpu_times()  # its own time; children_* would add the waited-for workers
            sample.main_cpu = t.user + t.system
        except psutil.Error:
            pass
        tick += 1
        stop.wait(interval)
    sample.main_rss = rss.pop(pid, 0)
    # Short-lived helpers (a forkserver, a resource tracker) are not workers.
    sample.worker_rss = sorted(v for v in rss.values() if v > 20 << 20)
    sample.worker_uss = sorted(v for k, v in uss.items() if rss.get(k, 0) > 20 << 20)


def measure(cmd: list[str], timeout: float, env: dict | None = None, cwd: str | None = None) -> Sample:
    """Run ``cmd``, return its wall time, exit status and memory."""
    sample = Sample()
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                start_new_session=True)
        stop = threading.Event()
        poller = threading.Thread(target=_poll, args=(proc.pid, sample, stop), daemon=True)
        poller.start()
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                sample.timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        sample.wall = time.perf_counter() - t0
        proc.returncode = sample.rc = os.waitstatus_to_exitcode(status)
        stop.set()
        poller.join()
        sample.ru_maxrss = usage.ru_maxrss * 1024  # Linux reports kilobytes
        sample.peak_proc_rss = max([sample.main_rss, *sample.worker_rss])
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    sample.tail = text[-2000:]
    for line in text.splitlines():
        if line.startswith("RESULT "):
            sample.result = json.loads(line[7:])
    return sample


# --------------------------------------------------------------------------- rows

@dataclass
class Row:
    name: str
    does: str
    input: str
    mb: float
    docs: int
    cores: int
    workers: int
    sample: Sample
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.sample.rc == 0 and not self.sample.timed_out

    @property
    def mbps(self) -> float:
        return self.mb / self.sample.wall if self.ok else 0.0

    @property
    def mbps_core(self) -> float:
        return self.mbps / self.cores

    @property
    def docs_core(self) -> float:
        return self.docs / self.sample.wall / self.cores if self.ok else 0.0


def count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def shards(path: Path, n: int) -> Path:
    """``path`` split into ``n`` files in a folder (datatrove parallelises by file)."""
    folder = path.with_name(f"{path.stem}-shards{n}")
    marker = folder / ".complete"
    if marker.exists() and marker.read_text() == str(path.stat().st_size):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.jsonl"):
        old.unlink()
    files = [open(folder / f"part-{i:03d}.jsonl", "wb") for i in range(n)]
    with open(path, "rb") as f:
        for i, line in enumerate(f):
            files[i % n].write(line)
    for g in files:
        g.close()
    marker.write_text(str(path.stat().st_size))
    return folder


def peer_available(python: str, name: str) -> str | None:
    """None when the peer imports under ``python``, else why not."""
    mod = peers.NEEDS[name]
    r = subprocess.run([python, "-c", f"import {mod}"], capture_output=True, text=True, timeout=300)
    if r.returncode == 0:
        return None
    last = (r.stderr.strip().splitlines() or ["import failed"])[-1]
    return f"not installed ({last[:80]})"


def machine() -> dict:
    """The machine's description for the report."""
    cpu = platform.processor() or "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        mem = f"{psutil.virtual_memory().total / 2**30:.0f} GiB"
    except ImportError:
        mem = "?"
    versions = {}
    for mod in ("corpuskit", "opencc", "orjson", "regex"):
        try:
            m = __import__(mod)
            versions[mod] = getattr(m, "__version__", "?")
        except ImportError:
            versions[mod] = "missing"
    try:
        commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "versions": versions, "commit": commit,
            "date": dt.date.today().isoformat()}


# --------------------------------------------------------------------------- the run

class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.rows: list[Row] = []
        self.floors: dict[str, float] = {}  # input name -> floor MB/s
        self.out = Path(args.data) / "out"
        self.out.mkdir(parents=True, exist_ok=True)
        self.ncpu = os.cpu_count() or 1

    def log(self, msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    def corpus(self, size: int) -> Path:
        path = Path(self.args.data) / f"corpus-{generate.size_label(size)}-s{self.args.seed}.jsonl"
        t = time.perf_counter()
        generate.ensure(path, size, self.args.seed)
        if time.perf_counter() - t > 1:
            self.log(f"generated {path.name} in {time.perf_counter() - t:.0f} s")
        return path

    def add(self, name: str, does: str, path: Path, cores: int, workers: int, cmd: list[str],
            docs: int, note: str = "") -> Row:
        self.log(f"running {name} on {path.name} ...")
        s = measure(cmd, self.args.timeout, cwd=str(ROOT))
        row = Row(name, does, path.name, path.stat().st_size / 1e6 if path.is_file() else dir_size(path) / 1e6,
                  docs, cores, workers, s, note)
        if not row.ok:
            row.note = (note + "; " if note else "") + ("timed out" if s.timed_out else f"failed (exit {s.rc})")
            self.log(s.tail[-800:])
        self.rows.append(row)
        self.log(f"  {s.wall:.1f} s, {row.mbps:.2f} MB/s, peak RSS {s.peak_total_rss / 2**20:.0f} MiB {row.note}")
        return row

    def floor(self, path: Path) -> None:
        out = self.out / "floor.jsonl"
        row = self.add("floor", peers.DOES["floor"], path, 1, 1,
                       [sys.executable, str(HERE / "peers.py"), "floor", str(path), str(out)], count_lines(path))
        self.floors[path.name] = row.mbps

    def corpuskit(self, path: Path, workers: int, name: str | None = None) -> Row:
        out = self.out / "corpuskit.jsonl"
        cmd = [sys.executable, "-m", "corpuskit", "clean", str(path), "-o", str(out), "--to", "zh-Hans",
               "--workers", str(workers)]
        return self.add(name or f"corpuskit --workers {workers}", "corpuskit clean --to zh-Hans (defaults)",
                        path, min(workers, self.ncpu), workers, cmd, count_lines(path))

    def peer(self, name: str, path: Path) -> None:
        why = peer_available(self.args.peer_python, name)
        workers = self.ncpu if name in peers.PARALLEL else 1
        if why:
            self.rows.append(Row(name, peers.DOES[name], path.name, path.stat().st_size / 1e6, 0, workers, workers,
                                 Sample(rc=None), why))
            self.log(f"{name}: {why}")
            return
        inp = shards(path, workers) if name in peers.SHARDED else path
        out = self.out / f"peer-{name}"
        if out.exists():
            subprocess.run(["rm", "-rf", str(out)])
        if name not in peers.SHARDED:
            out = out.with_suffix(".jsonl")
        cmd = [self.args.peer_python, str(HERE / "peers.py"), name, str(inp), str(out), "--workers", str(workers)]
        row = self.add(name, peers.DOES[name], path, workers, workers, cmd, count_lines(path))
        row.input = path.name
        row.mb = path.stat().st_size / 1e6
        if row.ok and row.sample.result:
            r = row.sample.result
            if r.get("docs_out") != r.get("docs_in"):
                row.note = f"{r['docs_out']} of {r['docs_in']} documents kept"

    def run(self) -> None:
        a = self.args
        main = self.corpus(a.size)
        self.floor(main)
        counts = sorted(set([1, self.ncpu] if a.workers is None else a.workers))
        for w in counts:
            if w > self.ncpu and not a.oversubscribe:
                self.rows.append(Row(f"corpuskit --workers {w}", "skipped", main.name, 0, 0, w, w, Sample(),
                                     f"skipped: needs {w} cores, this machine has {self.ncpu}"))
                continue
            self.corpuskit(main, w)
        if a.rss_size and a.rss_size < a.size and counts:
            small = self.corpus(a.rss_size)
            self.floor(small)
            self.corpuskit(small, self.ncpu, f"corpuskit --workers {self.ncpu} (RSS check)")
        if a.peers:
            peer_in = self.corpus(min(a.peer_size, a.size))
            if peer_in.name not in self.floors:
                self.floor(peer_in)
            slow_in = self.corpus(min(a.slow_peer_size, a.peer_size, a.size))
            if slow_in.name not in self.floors:
                self.floor(slow_in)
            for name in a.peers:
                self.peer(name, slow_in if name in peers.SLOW else peer_in)
            if counts and self.ncpu > 1 and not any(r.input == peer_in.name and r.name.startswith("corpuskit")
                                         for r in self.rows):
                self.corpuskit(peer_in, self.ncpu)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- report

def mib(n: int) -> str:
    return f"{n / 2**20:.0f}" if n else "-"


def report(bench: Bench, info: dict) -> str:
    """The results as Markdown: machine, throughput table, memory table."""
    lines = [
        f"Measured {info['date']} at commit `{info['commit']}` on {info['cpu']}, {info['cores']} cores, "
        f"{info['memory']} RAM, {info['os']}, Python {info['python']} "
        f"(opencc {info['versions']['opencc']}, orjson {info['versions']['orjson']}).",
        "",
        "| pipeline | input | MB | docs | cores | wall s | MB/s | MB/s per core | docs/s per core "
        "| × floor | × floor per core | peak RSS MiB (tree / largest process) | note |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in bench.rows:
        fl = bench.floors.get(r.input, 0)
        if r.ok:
            ratio = f"{r.mbps / fl:.2f}" if fl else "-"
            ratio_core = f"{r.mbps_core / fl:.2f}" if fl else "-"
            lines.append(
                f"| {r.name} | {r.input} | {r.mb:.0f} | {r.docs} | {r.cores} | {r.sample.wall:.1f} | {r.mbps:.2f} "
                f"| {r.mbps_core:.2f} | {r.docs_core:.0f} | {ratio} | {ratio_core} "
                f"| {mib(r.sample.peak_total_rss)} / {mib(r.sample.peak_proc_rss)} | {r.note} |")
        else:
            lines.append(f"| {r.name} | {r.input} | {r.mb:.0f} | | {r.cores} | | | | | | | | {r.note} |")
    lines += ["", "Pipelines: " + "; ".join(f"**{k}**: {v}" for k, v in peers.DOES.items()) + ".", ""]
    mem = [r for r in bench.rows if r.ok and r.name.startswith("corpuskit")]
    if mem:
        lines += ["Memory of corpuskit runs (RSS counts pages shared after fork in every process; "
                  "USS is what each worker holds alone):", "",
                  "The main process reads, orders, dedups and writes for all workers: its CPU seconds "
                  "against the wall time show how close it is to being the limit.", "",
                  "| run | input | main process RSS MiB | main process CPU s | per worker RSS MiB "
                  "| per worker USS MiB | tree peak MiB |",
                  "|---|---|---:|---:|---:|---:|---:|"]
        for r in mem:
            s = r.sample
            per = f"{sum(s.worker_rss) / len(s.worker_rss) / 2**20:.0f}" if s.worker_rss else "(in main)"
            uss = f"{sum(s.worker_uss) / len(s.worker_uss) / 2**20:.0f}" if s.worker_uss else "-"
            lines.append(f"| {r.name} | {r.input} | {mib(s.main_rss)} | {s.main_cpu:.1f} | {per} | {uss} "
                         f"| {mib(s.peak_total_rss)} |")
        lines.append("")
    return "\n".join(lines)


def write_docs(path: Path, text: str) -> None:
    """Replace the text between the results markers in ``path`` (appended when missing)."""
    doc = path.read_text("utf-8") if path.exists() else ""
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        doc = head + block + rest.split(END, 1)[1]
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    path.write_text(doc, "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=generate.parse_size, default=generate.parse_size("1G"),
                    help="corpus size (default 1G)")
    ap.add_argument("--peer-size", type=generate.parse_size, default=generate.parse_size("32M"),
                    help="prefix of the corpus the peers run on (default 32M)")
    ap.add_argument("--slow-peer-size", type=generate.parse_size, default=generate.parse_size("8M"),
                    help="prefix for peers that process well under 1 MB/s (default 8M)")
    ap.add_argument("--rss-size", type=generate.parse_size, default=generate.parse_size("100M"),
                    help="smaller corpus to compare peak memory with (default 100M; 0 to skip)")
    ap.add_argument("--workers", type=int, nargs="*",
                    help="corpuskit worker counts (default: 1 and all cores; none: floor and peers only)")
    ap.add_argument("--oversubscribe", action="store_true", help="run worker counts above the core count too")
    ap.add_argument("--peers", nargs="*", default=["zhconv", "ftfy", "datatrove-io", "datatrove", "data-juicer"],
                    choices=sorted(set(peers.PEERS) - {"floor"}), help="peers to run (none: --peers)")
    ap.add_argument("--peer-python", default=os.environ.get("CORPUSKIT_BENCH_PYTHON", sys.executable),
                    help="the Python that has the peers installed (default: this one, "
                         "or $CORPUSKIT_BENCH_PYTHON)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", default=str(HERE / "data"), help="where corpora and outputs go")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per measurement")
    ap.add_argument("--json", help="also write the raw results here")
    ap.add_argument("--docs", help="write the results into this Markdown file between the results markers")
    args = ap.parse_args(argv)

    bench = Bench(args)
    bench.run()
    info = machine()
    text = report(bench, info)
    print(text)
    raw = {"machine": info, "args": {k: v for k, v in vars(args).items()},
           "floors": bench.floors,
           "rows": [{**{k: v for k, v in asdict(r).items() if k != "sample"}, "sample": asdict(r.sample),
                     "mbps": r.mbps, "mbps_core": r.mbps_core, "docs_core": r.docs_core} for r in bench.rows]}
    Path(args.json or Path(args.data) / "out" / "results.json").write_text(json.dumps(raw, indent=1))
    if args.docs:
        write_docs(Path(args.docs), text)
    return 0 if all(r.ok for r in bench.rows if r.name.startswith(("floor", "corpuskit"))
                    and "skipped" not in r.note) else 1


if __name__ == "__main__":
    sys.exit(main())
