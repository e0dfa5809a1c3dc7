"""News → table `articles`: URLs, saved HTML, seed-style text, front-matter Markdown, JSON lines.

`read_articles` is the entry point for commands (per-item errors returned, batch goes on);
`load`/`load_many` serve `precursor build` (a bad file is a DataError); `combine` merges
duplicate stories (same or near-identical text) into one row that keeps every URL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from analysis.contracts import validate
from analysis.contracts.news import ARTICLES
from analysis.errors import DataError
from analysis.news.dedupe import Clusters
from analysis.news.ingest import ItemError, expand, iter_articles

__all__ = [
    "ItemError",
    "combine",
    "frame_of",
    "load",
    "load_many",
    "merge_duplicates",
    "read_articles",
]


def frame_of(records: Iterable[dict[str, Any]]) -> pl.DataFrame:
    """Records (dicts with the contract's fields) → a frame with exactly the contract's schema."""
    rows = [{name: r.get(name) for name in ARTICLES.names} for r in records]
    if not rows:
        return ARTICLES.empty()
    return pl.DataFrame(rows, schema=ARTICLES.schema, orient="row")


def merge_duplicates(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per story: earliest publication kept, URLs of every copy gathered in `urls`."""
    if frame.height == 0:
        return frame
    ordered = frame.sort(["published", "raw_path", "url"], nulls_last=True)
    if ordered.schema != ARTICLES.schema:  # the contract's columns and types, as rows would get
        ordered = frame_of(ordered.iter_rows(named=True))
    # (speed) only ids, URLs and, when a signature was not remembered, texts leave the frame
    texts = ordered.get_column("text")
    url, urls = ordered.get_column("url").to_list(), ordered.get_column("urls").to_list()
    clusters = Clusters()
    first: dict[str, int] = {}  # story key → row of its earliest copy
    for i, article_id in enumerate(ordered.get_column("article_id").to_list()):
        key = clusters.add(article_id, lambda i=i: texts[i]) or article_id
        if key not in first:
            first[key] = i
            continue
        f = first[key]
        urls[f] = list(dict.fromkeys([*(urls[f] or []), *(urls[i] or [])]))
        url[f] = url[f] or url[i]
    if len(first) == ordered.height:
        return ordered
    rows = list(first.values())
    return ordered[rows].with_columns(
        pl.Series("url", [url[i] for i in rows], dtype=ordered.schema["url"]),
        pl.Series("urls", [urls[i] for i in rows], dtype=ordered.schema["urls"]),
    )


def read_articles(
    inputs: list[str | Path],
    *,
    published: date | None = None,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[pl.DataFrame, list[ItemError]]:
    """Articles from URLs, files and folders (deduplicated, contract-valid) and per-item errors.

    `published` is the caller's publication day for documents that state none (and have no
    sidecar `published` field). Failed items never stop the batch. `progress(done, total)` is
    called after each input file or URL.
    """
    items = list(expand(inputs))
    records, errors = [], []
    for done, item in enumerate(items, start=1):
        for rec in iter_articles([item], published=published, use_cache=use_cache):
            (errors if isinstance(rec, ItemError) else records).append(rec)
        if progress is not None:
            progress(done, len(items))
    return validate(merge_duplicates(frame_of(records)), ARTICLES), errors


def stream_batches(
    inputs: list[str | Path],
    *,
    batch_size: int = 1000,
    published: date | None = None,
    use_cache: bool = True,
) -> Iterator[pl.DataFrame | ItemError]:
    """Frames of up to `batch_size` new stories (copies of earlier ones dropped) and errors.

    Memory stays flat: only MinHash signatures are kept between batches. URLs of copies found in
    a later batch are not merged back (use `read_articles` when that matters).
    """
    clusters = Clusters()
    batch: list[dict[str, Any]] = []
    for rec in iter_articles(inputs, published=published, use_cache=use_cache):
        if isinstance(rec, ItemError):
            yield rec
            continue
        if clusters.add(rec["article_id"], rec["text"]) is None:
            batch.append(rec)
        if len(batch) >= batch_size:
            yield frame_of(batch)
            batch = []
    if batch:
        yield frame_of(batch)


def _raise(err: ItemError) -> None:
    msg = err.reason
    raise DataError(
        msg,
        file=err.item,
        line=err.line,
        expected="an article (HTML with a body, front-matter Markdown, UTF-8 text, JSON lines)",
        fix="repair the file, or remove it and its sidecar from data/raw/news/",
    )


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Articles of one raw file; any unreadable item is a DataError (vintage is not a column)."""
    return load_many([Path(path)])


def load_many(paths: Iterable[Path]) -> pl.DataFrame:
    """Articles of all raw news files for `precursor build` (first bad item → DataError)."""
    records = []
    for rec in iter_articles(list(paths)):
        if isinstance(rec, ItemError):
            _raise(rec)
        records.append(rec)
    return validate(merge_duplicates(frame_of(records)), ARTICLES)


def combine(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """The `articles` table from the sources' frames (frames['news']), duplicates merged."""
    parts = [f for f in frames.values() if f is not None and f.height]
    if not parts:
        return ARTICLES.empty()
    return validate(merge_duplicates(pl.concat(parts, how="vertical")), ARTICLES)
