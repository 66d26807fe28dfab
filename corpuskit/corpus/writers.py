"""Writers: records to ``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst`` or ``.parquet``, atomically.

Records arrive already serialized (JSON bytes). They are written to *segments*
in a work folder beside the output (``.NAME.corpuskit/``); a segment is closed
at each checkpoint, which is what ``--resume`` restarts from. When the run
completes, each output file (or shard, with ``--shard-size``) is assembled
from its segments and renamed into place, so an interrupted run never leaves a
file that looks complete. Compressed segments concatenate as they are (gzip
members and zstd frames); Parquet segments are joined row group by row group.

Parquet columns: ``id``, ``text``, ``title``, ``lang`` as strings and ``meta``,
``provenance`` (and ``lines`` with ``--explain``) as JSON strings, so that the
schema never depends on the data.
"""
from __future__ import annotations

import gzip
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import orjson

FORMATS = (".jsonl.gz", ".jsonl.zst", ".jsonl", ".parquet")


def format_of(path: str) -> str:
    """The output format from a file name (ValueError for an unknown one).

    >>> format_of("out/corpus.jsonl.zst"), format_of("-")
    ('.jsonl.zst', '.jsonl')
    """
    if path == "-":
        return ".jsonl"
    for fmt in FORMATS:
        if path.lower().endswith(fmt):
            return fmt
    raise ValueError(f"output {path!r}: name it .jsonl, .jsonl.gz, .jsonl.zst or .parquet")


def shard_name(path: str, index: int) -> str:
    """The name of output shard ``index``.

    >>> shard_name("out/corpus.jsonl.gz", 3)
    'out/corpus-00003.jsonl.gz'
    """
    fmt = format_of(path)
    return f"{path[: len(path) - len(fmt)]}-{index:05d}{path[len(path) - len(fmt):]}"


def parse_size(text: str) -> tuple[int, int]:
    """``--shard-size``: a number of records, or bytes with a unit. Returns ``(records, bytes)``.

    >>> parse_size("100000"), parse_size("256MB"), parse_size("1.5 GB")
    ((100000, 0), (0, 256000000), (0, 1500000000))
    """
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?i?b)?\s*", text.lower())
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"shard size {text!r}: give a number of records or a size such as 256MB")
    number, unit = float(m.group(1)), m.group(2)
    if not unit:
        return int(number), 0
    scale = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
             "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}[unit]
    return 0, int(number * scale)


class Segment:
    """One file of records in one format. ``write`` takes a serialized record."""

    def __init__(self, path: str, fmt: str, explain: bool = False):
        self.path, self.fmt = path, fmt
        self.count = self.size = 0
        if fmt == ".parquet":
            self._rows: list[bytes] = []
            self._pq = None
            self._explain = explain
            return
        raw: BinaryIO = sys.stdout.buffer if path == "-" else open(path, "wb")
        if fmt == ".jsonl.gz":
            self._f: BinaryIO = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3, mtime=0)
        elif fmt == ".jsonl.zst":
            import zstandard

            self._f = zstandard.ZstdCompressor(level=3).stream_writer(raw, closefd=path != "-")
        else:
            self._f = raw
        self._raw = raw

    def write(self, record: bytes) -> None:
        self.count += 1
        self.size += len(record) + 1
        if self.fmt == ".parquet":
            self._rows.append(record)
            if len(self._rows) >= 4096:
                self._flush_parquet()
        else:
            self._f.write(record + b"\n")

    def _flush_parquet(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        cols: dict[str, list[Any]] = {k: [] for k in parquet_columns(self._explain)}
        for raw in self._rows:
            rec = orjson.loads(raw)
            for k in ("id", "text", "title", "lang"):
                cols[k].append(rec.get(k))
            for k in ("meta", "provenance") + (("lines",) if self._explain else ()):
                cols[k].append(orjson.dumps(rec.get(k)).decode())
        table = pa.table(cols, schema=parquet_schema(self._explain))
        if self._pq is None:
            self._pq = pq.ParquetWriter(self.path, table.schema, compression="zstd")
        self._pq.write_table(table)
        self._rows = []

    def close(self) -> None:
        if self.fmt == ".parquet":
            self._flush_parquet()
            if self._pq is None:  # no rows: still a valid, empty file
                import pyarrow.parquet as pq

                self._pq = pq.ParquetWriter(self.path, parquet_schema(self._explain), compression="zstd")
            self._pq.close()
            return
        if self.path == "-":
            if self._f is not self._raw:
                self._f.flush()
                if hasattr(self._f, "close") and self.fmt == ".jsonl.gz":
                    self._f.close()
            self._raw.flush()
            return
        self._f.close()
        if self._raw is not self._f and not self._raw.closed:
            self._raw.close()


def parquet_columns(explain: bool) -> tuple[str, ...]:
    return ("id", "text", "title", "lang", "meta", "provenance") + (("lines",) if explain else ())


def parquet_schema(explain: bool):
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in parquet_columns(explain)])


def join_segments(parts: list[str], dest: str, fmt: str) -> None:
    """Write the segments ``parts``, in order, as the one file ``dest``."""
    if fmt == ".parquet":
        import pyarrow.parquet as pq

        writer = None
        for p in parts:
            f = pq.ParquetFile(p)
            if writer is None:
                writer = pq.ParquetWriter(dest, f.schema_arrow, compression="zstd")
            for i in range(f.num_row_groups):
                writer.write_table(f.read_row_group(i))
        if writer is not None:
            writer.close()
        return
    with open(dest, "wb") as out:
        for p in parts:
            with open(p, "rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)


@dataclass
class SegmentInfo:
    shard: int
    name: str
    count: int
    size: int


@dataclass
class OutputState:
    """What a checkpoint remembers of the output."""

    segments: list[SegmentInfo] = field(default_factory=list)
    shard: int = 0
    shard_count: int = 0
    shard_size: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"segments": [s.__dict__ for s in self.segments], "shard": self.shard,
                "shard_count": self.shard_count, "shard_size": self.shard_size}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "OutputState":
        return cls([SegmentInfo(**s) for s in d["segments"]], d["shard"], d["shard_count"], d["shard_size"])


class Output:
    """The records of a run: segments in ``workdir``, assembled into the final file(s) at the end."""

    def __init__(self, path: str, workdir: str, *, shard_records: int = 0, shard_bytes: int = 0,
                 explain: bool = False, state: OutputState | None = None):
        self.path, self.fmt, self.workdir = path, format_of(path), workdir
        self.sharded = bool(shard_records or shard_bytes)
        self.shard_records, self.shard_bytes = shard_records, shard_bytes
        self.explain = explain
        self.state = state or OutputState()
        self._seg: Segment | None = None
        self.count = sum(s.count for s in self.state.segments)

    def _open(self) -> Segment:
        name = f"seg-{self.state.shard:05d}-{len(self.state.segments):06d}{self.fmt}"
        return Segment(os.path.join(self.workdir, name), self.fmt, self.explain)

    def write(self, record: bytes) -> None:
        st = self.state
        if self.sharded and st.shard_count and (
                (self.shard_records and st.shard_count >= self.shard_records)
                or (self.shard_bytes and st.shard_size + len(record) + 1 > self.shard_bytes)):
            self.checkpoint()
            st.shard += 1
            st.shard_count = st.shard_size = 0
        if self._seg is None:
            self._seg = self._open()
        self._seg.write(record)
        st.shard_count += 1
        st.shard_size += len(record) + 1
        self.count += 1

    def checkpoint(self) -> None:
        """Close the open segment (if any) so that everything so far is on disk."""
        if self._seg is not None:
            seg, self._seg = self._seg, None
            seg.close()
            self.state.segments.append(SegmentInfo(self.state.shard, os.path.basename(seg.path),
                                                   seg.count, seg.size))

    def finish(self) -> list[str]:
        """Assemble the final file(s); returns their paths."""
        self.checkpoint()
        by_shard: dict[int, list[str]] = {}
        for s in self.state.segments:
            by_shard.setdefault(s.shard, []).append(os.path.join(self.workdir, s.name))
        if not by_shard:  # no records at all: still write a valid, empty output
            empty = self._open()
            empty.close()
            by_shard[0] = [empty.path]
        written = []
        for shard, parts in sorted(by_shard.items()):
            dest = shard_name(self.path, shard) if self.sharded else self.path
            if len(parts) == 1:
                os.replace(parts[0], dest)
            else:
                tmp = os.path.join(self.workdir, "joining" + self.fmt)
                join_segments(parts, tmp, self.fmt)
                os.replace(tmp, dest)
            written.append(dest)
        return written

    def discard_unlisted(self) -> None:
        """Remove segment files a crash left behind that no checkpoint lists."""
        listed = {s.name for s in self.state.segments}
        for name in os.listdir(self.workdir):
            if name.startswith("seg-") and name not in listed:
                os.unlink(os.path.join(self.workdir, name))


class SideFile:
    """An append-only text file (errors, rejected records) written next to its final
    name as ``.NAME.part`` and renamed when the run completes; resumable by size."""

    def __init__(self, path: str, size: int | None = None):
        self.path = path
        folder, name = os.path.split(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        self.tmp = os.path.join(folder, f".{name}.part")
        if size is None:
            self._f = open(self.tmp, "wb")
        else:
            self._f = open(self.tmp, "r+b" if os.path.exists(self.tmp) else "wb")
            self._f.truncate(size)
            self._f.seek(size)

    def write(self, line: bytes) -> None:
        self._f.write(line + b"\n")

    def tell(self) -> int:
        self._f.flush()
        return self._f.tell()

    def finish(self) -> None:
        self._f.close()
        os.replace(self.tmp, self.path)

    def close(self) -> None:
        self._f.close()


def write_atomic(path: str, data: bytes) -> None:
    """Write a whole small file (a report) via a temporary name."""
    folder, name = os.path.split(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{name}.part")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
