"""Duplicate stories: same normalized text, or near-identical text (MinHash Jaccard ≥ 0.9).

Syndicated copies differ by a credit line or a trimmed paragraph; word 5-gram shingles compared
by MinHash with LSH banding find them without comparing every pair.
"""

from __future__ import annotations

import zlib

import numpy as np

from analysis.news.text import normalized

#: Estimated Jaccard similarity of 5-word shingles at or above which two texts are one story.
THRESHOLD = 0.9
_PERMS, _BANDS = 64, 16
_ROWS = _PERMS // _BANDS
_PRIME = np.uint64((1 << 61) - 1)
_RNG = np.random.default_rng(20250503)
_A = _RNG.integers(1, 1 << 31, _PERMS, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 31, _PERMS, dtype=np.uint64)


def signature(text: str, k: int = 5) -> np.ndarray:
    """64 MinHash values over the word k-gram shingles of the normalized text."""
    words = normalized(text).split()
    if len(words) < k:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
    x = np.fromiter((zlib.crc32(s.encode()) for s in shingles), dtype=np.uint64)
    return ((np.outer(_A, x) + _B[:, None]) % _PRIME).min(axis=1)


class Clusters:
    """Incremental clustering: `add(key, text)` gives the key of the story it copies, or None."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._buckets: dict[tuple[int, bytes], list[str]] = {}
        self._sigs: dict[str, np.ndarray] = {}

    def add(self, key: str, text: str) -> str | None:
        if key in self._sigs:
            return key
        sig = signature(text)
        bands = [(b, sig[b * _ROWS : (b + 1) * _ROWS].tobytes()) for b in range(_BANDS)]
        seen: set[str] = set()
        for band in bands:
            for other in self._buckets.get(band, ()):
                if other in seen:
                    continue
                seen.add(other)
                if float(np.mean(self._sigs[other] == sig)) >= self.threshold:
                    return other
        self._sigs[key] = sig
        for band in bands:
            self._buckets.setdefault(band, []).append(key)
        return None
