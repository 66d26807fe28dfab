"""Duplicates across documents: exact and near (MinHash LSH), the first document kept.

The work is split so that the costly part runs in the workers and the ordered
decision in the main process:

* :func:`dedup_key` normalizes a cleaned text (punctuation, spaces, case and
  full-width forms removed, see :func:`.charclass.word_key`), so that reposts
  that differ only in those count as exact duplicates. The exact key is a hash
  of it, never of the output text.
* :class:`Signer` (in a worker) turns a batch of keys into MinHash signatures
  over character n-grams (n=5 suits Chinese, where a word is one to four
  characters, and works for English) with rensa, a Rust MinHash library, and
  cuts them into LSH band keys.
* :class:`Index` (in the main process, on the ordered stream) answers "is this
  document a duplicate of one kept earlier?" and remembers the kept ones, on disk
  (a temporary SQLite database), so that memory does not grow with the corpus. A band
  collision is confirmed by comparing 1-byte-per-permutation signatures
  (b-bit MinHash), so a candidate below the threshold is not dropped.

>>> dedup_key("Hello,  World！ 中文，测试。")
'helloworld中文测试'
>>> exact_hash(dedup_key("Ｈｉ 你好")) == exact_hash(word_key(codepoints("hi，你好")))
True
"""
from __future__ import annotations

import hashlib
import itertools
import math
import os
import pickle
import sqlite3
import struct
import tempfile
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO, Iterable, Iterator

import numpy as np

from .charclass import codepoints, word_key

def dedup_key(text: str) -> str:
    """The text reduced to lower-cased letters and digits (the exact-duplicate key)."""
    return word_key(codepoints(text)).tobytes().decode("utf-32-le", "surrogatepass")


def exact_hash(key: str | np.ndarray) -> bytes:
    """A 128-bit hash of a dedup key (a str, or its code point array).

    >>> exact_hash("abc") == exact_hash("abc") != exact_hash("abd")
    True
    """
    data = key.encode("utf-32-le", "surrogatepass") if isinstance(key, str) else key.astype(np.uint32).tobytes()
    return hashlib.blake2b(data, digest_size=16).digest()


_P = np.uint64(0x100000001B3)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def shingle_hashes(key: str | np.ndarray, n: int = 5) -> np.ndarray:
    """64-bit hashes of the character n-grams of ``key`` (one per position), vectorized.

    >>> len(shingle_hashes("abcdefg", 5)), len(shingle_hashes("ab", 5))
    (3, 1)
    """
    cp = (codepoints(key) if isinstance(key, str) else key).astype(np.uint64)
    if len(cp) < n:
        cp = np.concatenate([cp, np.zeros(n - len(cp), np.uint64)])
    m = len(cp) - n + 1
    h = cp[:m].copy()
    for k in range(1, n):
        h *= _P
        h += cp[k:m + k]
    return _mix(h)  # polynomial hashes of nearby n-grams are correlated


def distinct_share(hashes: np.ndarray) -> float:
    """Share of n-gram positions that repeat an earlier n-gram (0: no repetition).

    >>> distinct_share(np.array([1, 2, 3, 1], dtype=np.uint64))
    0.25
    """
    if len(hashes) < 2:
        return 0.0
    s = np.sort(hashes)
    distinct = 1 + int(np.count_nonzero(s[1:] != s[:-1]))
    return 1.0 - distinct / len(hashes)


@lru_cache(maxsize=32)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band that minimize false positives plus false negatives
    around ``threshold`` (as datasketch chooses them).

    >>> lsh_params(0.8, 128)
    (9, 13)
    """
    # Midpoint sums over 200 steps, each the same floats in the same order as a sum of
    # f(a + (i + 0.5) * w), but with each s ** rows computed once per ``rows`` instead of
    # once per (bands, rows): 0.14 s at start-up otherwise.
    steps = 200

    def powers(a: float, b: float) -> tuple[list[list[float]], float]:
        w = (b - a) / steps
        points = [a + (i + 0.5) * w for i in range(steps)]
        return [[]] + [[s ** rows for s in points] for rows in range(1, num_perm + 1)], w

    below, w_below = powers(0.0, threshold)
    above, w_above = powers(threshold, 1.0)
    best, best_err = (1, num_perm), math.inf
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = sum([1 - (1 - p) ** bands for p in below[rows]]) * w_below
            fn = sum([1 - (1 - (1 - p) ** bands) for p in above[rows]]) * w_above
            if fp + fn < best_err:
                best, best_err = (bands, rows), fp + fn
    return best


@dataclass(frozen=True)
class Sketch:
    """What the main process needs to decide about one document."""

    exact: bytes
    bands: tuple[int, ...] = ()
    sig: bytes = b""  # the low byte of each MinHash value


class Signer:
    """Exact keys, and MinHash signatures with LSH band keys, for a batch of texts."""

    def __init__(self, mode: str = "near", threshold: float = 0.8, num_perm: int = 128,
                 ngram: int = 5, seed: int = 42):
        self.mode, self.num_perm, self.ngram, self.seed = mode, num_perm, ngram, seed
        self.bands, self.rows = lsh_params(threshold, num_perm)

    def sketch_keys(self, keys: list[str] | list[np.ndarray]) -> list[tuple[Sketch, float]]:
        """One sketch per key (see :func:`dedup_key`), with the share of repeated n-grams
        (for the quality filter)."""
        exact = [exact_hash(k) for k in keys]
        shingles = [shingle_hashes(k, self.ngram) for k in keys]
        repeats = [distinct_share(sh) for sh in shingles]
        if self.mode != "near" or not keys:
            return [(Sketch(e), r) for e, r in zip(exact, repeats)]
        import rensa

        offsets = np.zeros(len(keys) + 1, dtype=np.uint64)
        np.cumsum([len(s) for s in shingles], out=offsets[1:])
        matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
            np.concatenate(shingles), offsets, self.num_perm, self.seed)
        rows = np.array(matrix.to_rows(), dtype=np.uint64)
        return [(Sketch(e, tuple(b), sig.tobytes()), rep) for e, b, sig, rep in
                zip(exact, band_keys(rows, self.bands, self.rows).tolist(),
                    (rows & np.uint64(0xFF)).astype(np.uint8), repeats)]


def band_keys(rows: np.ndarray, bands: int, r: int) -> np.ndarray:
    """One 64-bit key per LSH band of each signature row (band index mixed in), vectorized;
    the same in every process (no per-process hash seed)."""
    m = rows[:, : bands * r].reshape(len(rows), bands, r)
    h = np.zeros((len(rows), bands), dtype=np.uint64) + np.arange(1, bands + 1, dtype=np.uint64)
    for j in range(r):
        h *= _P
        h += m[:, :, j]
    return _mix(h)


def _mix(h: np.ndarray) -> np.ndarray:
    """The splitmix64 finalizer, in place."""
    h ^= h >> np.uint64(30)
    h *= _M1
    h ^= h >> np.uint64(27)
    h *= _M2
    h ^= h >> np.uint64(31)
    return h


def estimate_jaccard(a: bytes, b: bytes) -> float:
    """Jaccard similarity from two b-bit (8-bit) MinHash signatures.

    >>> estimate_jaccard(bytes(range(128)), bytes(range(128)))
    1.0
    """
    if not a or len(a) != len(b):
        return 0.0
    same = int(np.count_nonzero(np.frombuffer(a, np.uint8) == np.frombuffer(b, np.uint8)))
    chance = 1 / 256  # two different values agree on their low byte this often
    return max(0.0, (same / len(a) - chance) / (1 - chance))


class Index:
    """The kept documents seen so far: exact keys, LSH buckets and short signatures.

    They live in a temporary SQLite database on disk (in ``folder``, or the system's
    temporary folder), so memory stays bounded whatever the corpus size: SQLite's page
    cache (``cache_kib``) and the last ``front`` entries, held in dictionaries until they
    are written in one batch. The file is created when the first batch is written and
    unlinked at once where the system allows it (so nothing is left behind, even by a
    killed process), else removed by :meth:`close`. On disk an entry takes about 600
    bytes (see docs/corpus.md).

    A key already present keeps its first document (first writer wins), and the bands
    are tried in order, as with dictionaries:

    >>> ix = Index("exact", front=1)
    >>> ix.extend([(Sketch(b"k" * 16), "a"), (Sketch(b"k" * 16), "b"), (Sketch(b"z" * 16), "c")])
    >>> ix.check(Sketch(b"k" * 16)), ix.check(Sketch(b"z" * 16)), ix.check(Sketch(b"x" * 16)), len(ix)
    (('exact-duplicate', 'a'), ('exact-duplicate', 'c'), None, 3)
    >>> ix.close()
    """

    def __init__(self, mode: str = "near", threshold: float = 0.8, folder: str | None = None,
                 cache_kib: int = 8192, front: int = 1024):
        self.mode, self.threshold, self.folder = mode, threshold, folder
        self.cache_kib, self.front = cache_kib, front
        self.count = 0  # entries added
        self.saved = 0  # of which written by save() or read by load()
        self.stored = 0  # of which in the database; the rest are in the front:
        self._docs: list[tuple[int, str, bytes, bytes, bytes]] = []  # (j, id, sig, exact, packed bands)
        self._exact: dict[bytes, int] = {}
        self._bands: dict[int, int] = {}  # signed band key -> j
        self._db: sqlite3.Connection | None = None
        self._done: weakref.finalize | None = None

    def __len__(self) -> int:
        return self.count

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Drop the database (idempotent); the index is empty afterwards."""
        if self._done is not None:
            self._done()
        self._db = self._done = None
        self.count = self.saved = self.stored = 0
        self._docs, self._exact, self._bands = [], {}, {}

    def check(self, sk: Sketch) -> tuple[str, str] | None:
        """``("exact-duplicate"|"near-duplicate", kept id)`` or None for a new document."""
        if self.mode == "off":
            return None
        near = self.mode == "near" and sk.sig and sk.bands
        keys = _signed(sk.bands) if near else ()
        hit, found = None, {}
        if self._db is not None:  # one query for the exact key (band key None) and the bands
            for k, j in self._db.execute(_lookup_sql(len(keys)), (sk.exact, *keys)):
                if k is None:
                    hit = j
                else:
                    found[k] = j
        if hit is None:
            hit = self._exact.get(sk.exact)
        if hit is not None:
            return "exact-duplicate", self._doc(hit)[0]
        tried = set()
        for band in keys:
            j = found.get(band)
            if j is None:
                j = self._bands.get(band)
            if j is None or j in tried:
                continue
            tried.add(j)
            doc_id, sig = self._doc(j)
            if estimate_jaccard(sk.sig, sig) >= self.threshold:
                return "near-duplicate", doc_id
        return None

    def _doc(self, j: int) -> tuple[str, bytes]:
        """The id and signature of entry ``j``."""
        if j >= self.stored:
            return self._docs[j - self.stored][1:3]
        return self._db.execute("SELECT id, sig FROM doc WHERE j = ?", (j,)).fetchone()

    def add(self, sk: Sketch, doc_id: str) -> None:
        if self.mode == "off":
            return
        j = self.count
        self.count += 1
        packed = b""
        if self.mode == "near" and sk.bands:
            packed = struct.pack(f"<{len(sk.bands)}Q", *sk.bands)
            for k in struct.unpack(f"<{len(sk.bands)}q", packed):
                self._bands.setdefault(k, j)
        self._exact.setdefault(sk.exact, j)
        self._docs.append((j, doc_id, sk.sig if self.mode == "near" else b"", sk.exact, packed))
        if len(self._docs) >= self.front:
            self._store()

    def extend(self, entries: Iterable[tuple[Sketch, str]]) -> None:
        for sk, doc_id in entries:
            self.add(sk, doc_id)

    def _store(self) -> None:
        """Move the front to the database; a key there already keeps its earlier entry."""
        if not self._docs:
            return
        if self._db is None:
            self._db, path = _temporary_db(self.folder, self.cache_kib)
            self._done = weakref.finalize(self, _drop, self._db, path)
        self._db.executemany("INSERT INTO doc VALUES (?, ?, ?, ?, ?)", self._docs)
        # in key order, each page of the key tables is visited once per batch
        self._db.executemany("INSERT OR IGNORE INTO exact VALUES (?, ?)", sorted(self._exact.items()))
        if self._bands:
            self._db.executemany("INSERT OR IGNORE INTO band VALUES (?, ?)", sorted(self._bands.items()))
        self.stored = self.count
        self._docs, self._exact, self._bands = [], {}, {}

    def entries(self, start: int = 0) -> Iterator[tuple[Sketch, str]]:
        """The entries from the ``start``-th on, as added (their sketches whole)."""
        self._store()
        if self._db is None or start >= self.count:
            return
        rows = self._db.execute("SELECT id, sig, exact, bands FROM doc WHERE j >= ? ORDER BY j", (start,))
        for doc_id, sig, exact, packed in rows:
            yield Sketch(exact, struct.unpack(f"<{len(packed) // 8}Q", packed), sig), doc_id

    def save(self, f: BinaryIO) -> int:
        """Write the entries added since the last :meth:`save` or :meth:`load` to ``f``
        (pickled lists of ``(Sketch, id)``, a bounded number each); returns how many."""
        n = 0
        it = self.entries(self.saved)
        while chunk := list(itertools.islice(it, 4096)):
            pickle.dump(chunk, f, protocol=pickle.HIGHEST_PROTOCOL)
            n += len(chunk)
        self.saved = self.count
        return n

    def load(self, f: BinaryIO) -> None:
        """Add the entries a :meth:`save` wrote to ``f`` (or one pickled list of them);
        they count as saved."""
        while True:
            try:
                chunk = pickle.load(f)
            except EOFError:
                break
            self.extend(chunk)
        self.saved = self.count


@lru_cache(maxsize=8)
def _lookup_sql(bands: int) -> str:
    sql = "SELECT NULL, j FROM exact WHERE k = ?"
    return sql + f" UNION ALL SELECT k, j FROM band WHERE k IN ({','.join('?' * bands)})" if bands else sql


_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA locking_mode = EXCLUSIVE;
PRAGMA cache_size = -{cache_kib};
CREATE TABLE doc (j INTEGER PRIMARY KEY, id TEXT, sig BLOB, exact BLOB, bands BLOB);
CREATE TABLE exact (k BLOB PRIMARY KEY, j INTEGER) WITHOUT ROWID;
CREATE TABLE band (k INTEGER PRIMARY KEY, j INTEGER) WITHOUT ROWID;
"""


def _signed(bands: tuple[int, ...]) -> tuple[int, ...]:
    """64-bit band keys as SQLite's signed integers."""
    return struct.unpack(f"<{len(bands)}q", struct.pack(f"<{len(bands)}Q", *bands))


def _temporary_db(folder: str | None, cache_kib: int) -> tuple[sqlite3.Connection, str | None]:
    """A new SQLite database in a temporary file, in one long transaction that is never
    committed (nothing is kept), and the file's path while it still has one."""
    fd, path = tempfile.mkstemp(prefix=".corpuskit-index-", suffix=".sqlite", dir=folder)
    os.close(fd)
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        db.executescript(_SCHEMA.format(cache_kib=int(cache_kib)))
        db.execute("BEGIN")
    except BaseException:
        os.unlink(path)
        raise
    try:
        os.unlink(path)  # POSIX: the open database lives on without a name (no journal to reopen)
        return db, None
    except OSError:
        return db, path


def _drop(db: sqlite3.Connection, path: str | None) -> None:
    db.close()
    if path is not None:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
