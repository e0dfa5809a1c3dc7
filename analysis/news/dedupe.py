"""Duplicate stories: same normalized text, or near-identical text (MinHash Jaccard ≥ 0.9).

Syndicated copies differ by a credit line or a trimmed paragraph; word 5-gram shingles compared
by MinHash with LSH banding find them without comparing every pair. The signature is a
one-permutation MinHash (each shingle hashed once, the minimum kept per hash range) with
optimal densification of empty ranges, so it costs O(n) rather than 64 hashes per shingle.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import polars as pl

from analysis.news.text import normalized

#: Estimated Jaccard similarity of 5-word shingles at or above which two texts are one story.
THRESHOLD = 0.9
_PERMS, _BANDS = 64, 8
_ROWS = _PERMS // _BANDS
_SHIFT = np.uint64(64 - 6)  # the top 6 bits of a shingle hash pick one of the 64 bins
_BIN_STARTS = np.arange(_PERMS, dtype=np.uint64) << _SHIFT
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_S27, _S30, _S31 = np.uint64(27), np.uint64(30), np.uint64(31)


def _borrow_order() -> np.ndarray:
    """Per bin: itself, then the other bins in a fixed random order (where empty bins borrow)."""
    rng = np.random.default_rng(20250503)
    rows = [[b, *(o for o in rng.permutation(_PERMS) if o != b)] for b in range(_PERMS)]
    return np.array(rows, dtype=np.intp)


_BORROW = _borrow_order()


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer (wrapping uint64 arithmetic): a well-spread 64-bit hash per value.

    `z` is overwritten (speed: no new array per step)."""
    z ^= z >> _S30
    z *= _M1
    z ^= z >> _S27
    z *= _M2
    z ^= z >> _S31
    return z


#: Signatures computed at ingest, by article id, so merging does not tokenize texts again.
_MEMO: dict[str, np.ndarray] = {}
_MEMO_MAX = 20_000


def remember(key: str, sig: np.ndarray) -> None:
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[key] = sig


#: The seeded polars hash of each word of a one-string column (built once: (speed)).
_WORD_HASHES = pl.first().str.split(" ").explode().hash(seed=5)


def signature(text: str, k: int = 5, joined: str | None = None) -> np.ndarray:
    """64 one-permutation MinHash values over the word k-gram shingles of the normalized text
    (`joined`, when the caller has it already)."""
    joined = normalized(text) if joined is None else joined
    # polars splits and hashes the words (one query, no Python string per word; "" is one word)
    hashed = pl.Series([joined]).to_frame().select(_WORD_HASHES)
    w = hashed.to_series().to_numpy()
    n = max(len(w) - k + 1, 1)
    x = w[:n].copy()
    with np.errstate(over="ignore"):
        for i in range(1, min(k, len(w))):  # (speed) in place: no new array per word position
            x *= _M1
            x += w[i : i + n]
        return _bin_minima(_mix(x))


def _bin_minima(x: np.ndarray) -> np.ndarray:
    """Smallest hash in each of the 64 top-bit bins; an empty bin takes its first filled borrow.

    Sorted hashes put each bin's minimum first in its run, so one searchsorted finds all 64.
    """
    xs = np.sort(x)
    first = xs[np.minimum(np.searchsorted(xs, _BIN_STARTS), len(xs) - 1)]
    filled = (first >> _SHIFT) == np.arange(_PERMS, dtype=np.uint64)
    if filled.all():
        return first
    pick = np.argmax(filled[_BORROW], axis=1)  # first filled bin in each bin's order
    return first[_BORROW[np.arange(_PERMS), pick]]


class Clusters:
    """Incremental clustering: `add(key, text)` gives the key of the story it copies, or None.

    Memory per kept story: one 64-value signature and 8 band entries (about 1 kB), so 100,000
    stories fit in about 100 MB. 8 bands of 8 rows find a pair at Jaccard 0.9 with p ≈ 0.99.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._sigs: list[np.ndarray] = []
        self._buckets: dict[int, int] = {}

    def add(self, key: str, text: str | Callable[[], str]) -> str | None:
        """`text` may be a function giving it, called only when no signature was remembered for
        `key` at ingest (speed: a text need not be taken out of a frame)."""
        if key in self._index:
            return key
        sig = _MEMO.get(key)
        if sig is None:
            sig = signature(text() if callable(text) else text)
        bands = [hash((b, sig[b * _ROWS : (b + 1) * _ROWS].tobytes())) for b in range(_BANDS)]
        for band in bands:
            other = self._buckets.get(band)
            if other is not None and float(np.mean(self._sigs[other] == sig)) >= self.threshold:
                return self._keys[other]
        n = len(self._keys)
        self._keys.append(key)
        self._index[key] = n
        self._sigs.append(sig)
        for band in bands:
            self._buckets.setdefault(band, n)
        return None
