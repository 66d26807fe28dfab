"""Readers: turn input paths into items (one per document), in a deterministic order.

A folder is walked recursively in sorted order (symlinks followed, loops
reported). Each input file is one *shard*: ``--resume`` skips whole finished
shards. ``.txt`` and ``.html`` files are one document each; ``.jsonl``,
``.jsonl.gz`` and ``.jsonl.zst`` one document per line (the JSON is parsed in
the workers, so the reading process only splits lines). Problems become
:class:`Failure` items with the path, the line and a one-line reason, so one
bad file never stops the corpus.
"""
from __future__ import annotations

import gzip
import io
import os
import stat
import sys
from dataclasses import dataclass, field
from typing import IO, Any, Iterator

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

# File signatures of common binary formats that end up in scraped folders.
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
          b"(\xb5/\xfd", b"BZh", b"\xfd7zXZ", b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3")


@dataclass(slots=True)
class Item:
    """One document to clean: raw bytes and where they came from.

    ``kind`` is ``text``, ``html`` or ``json`` (one JSONL line, parsed by the worker).
    """

    path: str
    data: bytes
    kind: str = "text"
    line: int | None = None
    shard: int = 0
    id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Failure:
    """An input (or part of one) that could not be used, with a one-line reason.

    ``skipped`` is False for a warning: the input was still cleaned (e.g. NUL bytes removed).
    """

    path: str
    reason: str
    line: int | None = None
    skipped: bool = True
    shard: int = -1  # the input file it belongs to; -1 before reading

    def message(self) -> str:
        """``path:line: reason``, the form compilers use.

        >>> Failure("a b.jsonl", "broken JSON line", 3).message()
        'a b.jsonl:3: broken JSON line'
        """
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}" + ("" if self.skipped else " (cleaned anyway)")

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "reason": self.reason, "skipped": self.skipped}


def kind_of(path: str) -> str:
    """How a file is read, from its name: ``jsonl``, ``html`` or ``text`` (the default).

    >>> kind_of("a/b.jsonl.zst"), kind_of("x.HTM"), kind_of("notes")
    ('jsonl', 'html', 'text')
    """
    low = path.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def expand(inputs: list[str]) -> Iterator[str | Failure]:
    """Input arguments to file paths: folders walked recursively in sorted order.

    Inside folders only files with a known suffix are taken; a file named on
    the command line is read whatever its name. A symlink loop is reported once.
    """
    for arg in inputs:
        if arg == "-":
            yield arg
        elif os.path.isdir(arg):
            yield from _walk(arg, {os.path.realpath(arg)})
        elif os.path.lexists(arg):
            yield arg  # unreadable or looping entries fail when opened, with the reason
        else:
            yield Failure(arg, "no such file or folder")


def _walk(folder: str, seen: set[str]) -> Iterator[str | Failure]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Failure(folder, f"cannot list folder: {e.strerror or e}")
        return
    for e in entries:
        path = os.path.join(folder, e.name)
        try:
            is_dir = e.is_dir()  # follows symlinks
        except OSError as err:  # ELOOP on a looping link
            yield Failure(path, f"cannot follow link: {err.strerror or err}")
            continue
        if is_dir:
            real = os.path.realpath(path)
            if real in seen:
                yield Failure(path, "symlink loop (folder already being read)")
                continue
            yield from _walk(path, seen | {real})
        elif e.name.lower().endswith(SUFFIXES):
            if e.is_symlink() and not os.path.exists(path):
                yield Failure(path, "broken or looping symlink")
            else:
                yield path


def sniff_binary(head: bytes) -> bool:
    """Whether the first bytes of a file look like a binary format rather than text.

    UTF-16 text (many NULs in alternate positions) is text.

    >>> sniff_binary(b"\\x89PNG\\r\\n"), sniff_binary("中文".encode("utf-16")), sniff_binary(b"plain")
    (True, False, False)
    """
    if head.startswith(_MAGIC):
        return True
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    sample = head[:8192]
    nul = sample.count(0)
    if nul:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if min(even, odd) <= 0.05 * len(sample) / 2 < max(even, odd):
            return False  # UTF-16 without BOM
    # Control bytes other than tab, newline, carriage return, form feed and escape.
    ctrl = sum(sample.count(b) for b in b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14"
               b"\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f\x7f")
    return (nul + ctrl) > 0.1 * len(sample)


def incomplete_utf8_tail(data: bytes) -> int:
    """How many bytes at the end start a UTF-8 character that was cut off (0 if none).

    >>> incomplete_utf8_tail("中文".encode()[:-1]), incomplete_utf8_tail("中文".encode())
    (2, 0)
    """
    for back in range(1, min(4, len(data)) + 1):
        b = data[-back]
        if b & 0xC0 == 0x80:  # continuation byte: keep looking for the lead
            continue
        need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
        return back if need > back else 0
    return 0


def check_text(path: str, data: bytes) -> tuple[bytes | None, list[Failure]]:
    """Vet one whole-file document: binary, empty, NULs, a cut last character.

    Returns the bytes to clean (None when the file is skipped) and the notes about it.
    """
    if not data:
        return None, [Failure(path, "empty file")]
    if sniff_binary(data[:8192]):
        return None, [Failure(path, "binary file, not text")]
    if not data.strip() or (len(data) < 1 << 16 and not data.decode("utf-8", "ignore").strip()):
        return None, [Failure(path, "whitespace only")]
    notes: list[Failure] = []
    nul = data.count(0)
    if nul and not (data[:2] in (b"\xff\xfe", b"\xfe\xff") or _utf16ish(data)):
        data = data.replace(b"\x00", b"")
        notes.append(Failure(path, f"{nul} NUL bytes removed", skipped=False))
    cut = incomplete_utf8_tail(data)
    if cut:
        try:
            data[:-cut].decode("utf-8")
        except UnicodeDecodeError:
            pass  # not UTF-8: the decoder deals with it
        else:
            data = data[:-cut]
            notes.append(Failure(path, f"file ends inside a UTF-8 character ({cut} bytes dropped)", skipped=False))
    return data, notes


def _utf16ish(data: bytes) -> bool:
    sample = data[:8192]
    return sample[0::2].count(0) > 0.3 * len(sample) / 2 or sample[1::2].count(0) > 0.3 * len(sample) / 2


def open_stream(path: str) -> IO[bytes]:
    """A binary stream of a (possibly compressed) JSONL file."""
    low = path.lower()
    if low.endswith(".gz"):
        return gzip.open(path, "rb")
    if low.endswith(".zst"):
        import zstandard

        return io.BufferedReader(_Zstd(open(path, "rb"), zstandard), 1 << 20)
    return open(path, "rb", buffering=1 << 20)


class _Zstd(io.RawIOBase):
    """A zstd file's frames, one after another, that fails at a truncated end.

    python-zstandard's ``stream_reader`` ends quietly in the middle of a frame, so a file cut
    short (an interrupted download) would lose its tail without a word; gzip raises there.
    """

    def __init__(self, raw: IO[bytes], zstandard: Any):
        self.raw, self.zstd = raw, zstandard
        self.frame = zstandard.ZstdDecompressor().decompressobj()
        self.out, self.at, self.open_frame = memoryview(b""), 0, False

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while self.at >= len(self.out):
            chunk = self.raw.read(1 << 16)  # a few MB once decompressed
            if not chunk:
                if self.open_frame:
                    raise EOFError("compressed file ended before the end-of-stream marker was reached")
                return 0
            self.out, self.at = memoryview(self._decompress(chunk)), 0
        n = min(len(b), len(self.out) - self.at)
        b[:n] = self.out[self.at:self.at + n]
        self.at += n
        return n

    def _decompress(self, chunk: bytes) -> bytes:
        parts = []
        while chunk:
            if self.frame.eof:  # the next frame of a multi-frame file
                self.frame = self.zstd.ZstdDecompressor().decompressobj()
            parts.append(self.frame.decompress(chunk))
            chunk = self.frame.unused_data if self.frame.eof else b""
        self.open_frame = not self.frame.eof
        return b"".join(parts)

    def close(self) -> None:
        self.raw.close()
        super().close()


def read_lines(path: str, stream: IO[bytes], max_bytes: int, shard: int = 0) -> Iterator[Item | Failure]:
    """One JSON item per non-blank line; a line longer than ``max_bytes`` is skipped
    without holding it in memory."""
    n = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line in bounded pieces
                raw = stream.readline(1 << 20)
                size += len(raw)
            yield Failure(path, f"line too long ({size / 1e6:.1f} MB > corpus.max_doc_bytes)", n)
            continue
        if raw.strip():
            yield Item(path, raw, "json", n, shard)


def spool_stdin(folder: str | None = None) -> str:
    """Copy standard input to a temporary file (both passes read it), in bounded pieces."""
    import shutil
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".corpuskit-stdin-", dir=folder)
    with os.fdopen(fd, "wb") as f:
        shutil.copyfileobj(sys.stdin.buffer, f, 1 << 20)
    return tmp


def read_file(path: str, kind: str, max_bytes: int, shard: int = 0, real: str | None = None) -> Iterator[Item | Failure]:
    """The items of one input file; ``real`` is where its bytes are when they are not at ``path``
    (standard input, ``-``, spooled to a file). A ``-`` input holding JSON lines is read as JSONL."""
    real = real or path
    try:
        st = os.stat(real)
        if stat.S_ISDIR(st.st_mode):
            yield Failure(path, "is a folder")
            return
        if path == "-":
            with open(real, "rb") as f:
                if f.read(64).lstrip().startswith(b"{"):
                    kind = "jsonl"
        if kind == "jsonl":
            with open_stream(real) as stream:
                for x in read_lines(path, stream, max_bytes, shard):
                    yield x
            return
        if st.st_size > max_bytes:
            yield Failure(path, f"file too large ({st.st_size / 1e6:.1f} MB > corpus.max_doc_bytes)")
            return
        with open(real, "rb") as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield Failure(path, "input too large (> corpus.max_doc_bytes)")
            return
        data, notes = check_text(path, data)
        yield from notes
        if data is not None:
            yield Item(path, data, kind, None, shard)
    except (OSError, EOFError, ValueError) as e:  # includes gzip/zstd errors on a damaged file
        reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
        yield Failure(path, f"cannot read: {reason}")
    except Exception as e:  # noqa: BLE001 - e.g. zstandard.ZstdError; one file never stops the corpus
        yield Failure(path, f"cannot read: {type(e).__name__}: {e}")


def read(paths: list[str], max_bytes: int, start: int = 0, real: dict[str, str] | None = None) -> Iterator[Item | Failure]:
    """Items for every document of the already expanded ``paths``, from shard ``start`` on."""
    real = real or {}
    for shard in range(start, len(paths)):
        path = paths[shard]
        for x in read_file(path, kind_of(path), max_bytes, shard, real.get(path)):
            if isinstance(x, Failure):
                x.shard = shard
            yield x
