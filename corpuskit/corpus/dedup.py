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
  document a duplicate of one kept earlier?" and remembers the kept ones. A band
  collision is confirmed by comparing 1-byte-per-permutation signatures
  (b-bit MinHash), so a candidate below the threshold is not dropped.

>>> dedup_key("Hello,  World！ 中文，测试。")
'helloworld中文测试'
>>> exact_hash(dedup_key("Ｈｉ 你好")) == exact_hash(word_key(codepoints("hi，你好")))
True
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import numpy as np

from .charclass import codepoints, word_key

_MASK64 = (1 << 64) - 1


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
    def area(f, a: float, b: float, steps: int = 200) -> float:
        w = (b - a) / steps
        return sum(f(a + (i + 0.5) * w) for i in range(steps)) * w

    best, best_err = (1, num_perm), math.inf
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = area(lambda s: 1 - (1 - s ** rows) ** bands, 0.0, threshold)
            fn = area(lambda s: 1 - (1 - (1 - s ** rows) ** bands), threshold, 1.0)
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


@dataclass
class Index:
    """The kept documents seen so far: exact keys, LSH buckets and short signatures.

    Memory grows with the kept documents only: about 16 bytes per exact key,
    8 per band and one per permutation, plus the document id.
    """

    mode: str = "near"
    threshold: float = 0.8
    exact: dict[bytes, int] = field(default_factory=dict)
    buckets: dict[int, int] = field(default_factory=dict)
    sigs: bytearray = field(default_factory=bytearray)
    ids: list[str] = field(default_factory=list)
    width: int = 0

    def check(self, sk: Sketch) -> tuple[str, str] | None:
        """``("exact-duplicate"|"near-duplicate", kept id)`` or None for a new document."""
        if self.mode == "off":
            return None
        hit = self.exact.get(sk.exact)
        if hit is not None:
            return "exact-duplicate", self.ids[hit]
        if self.mode == "near" and sk.sig:
            w = len(sk.sig)
            tried = set()
            for band in sk.bands:
                j = self.buckets.get(band)
                if j is None or j in tried:
                    continue
                tried.add(j)
                if estimate_jaccard(sk.sig, bytes(self.sigs[j * w:(j + 1) * w])) >= self.threshold:
                    return "near-duplicate", self.ids[j]
        return None

    def add(self, sk: Sketch, doc_id: str) -> None:
        if self.mode == "off":
            return
        j = len(self.ids)
        self.ids.append(doc_id)
        self.exact.setdefault(sk.exact, j)
        if self.mode == "near":
            for band in sk.bands:
                self.buckets.setdefault(band, j)
            self.sigs += sk.sig

    def extend(self, entries: Iterable[tuple[Sketch, str]]) -> None:
        for sk, doc_id in entries:
            self.add(sk, doc_id)
