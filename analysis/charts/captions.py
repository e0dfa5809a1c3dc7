"""Source lines generated from provenance: the table's `source`/`vintage` columns, else sidecars."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polars as pl

from analysis import config

#: Tables without a `source` column, and the raw sources whose sidecars describe them.
SIDECAR_SOURCES = {
    "events": ("timeline",),
    "tariff_actions": ("tariffs",),
}


@lru_cache(maxsize=64)
def _sidecar_parts(source: str, raw: Path) -> tuple[tuple[str, str | None], ...]:
    """(publisher, dataset) and release of each raw file of `source` (sidecars not re-hashed)."""
    from analysis.errors import DataError
    from analysis.provenance import read_sidecar
    from analysis.sources import SOURCES

    out = []
    for f in SOURCES[source].files(raw):
        try:
            side = read_sidecar(f, verify=False)
        except DataError:
            continue
        out.append((f"{side.publisher}, {side.dataset}", side.vintage))
    return tuple(out)


def _releases(frame: pl.DataFrame, source: str) -> list[str]:
    if "vintage" not in frame.columns:
        return []
    part = frame.filter(pl.col("source") == source) if "source" in frame.columns else frame
    return sorted({str(d)[:10] for d in part.get_column("vintage").drop_nulls().to_list()})


def _describe(name: str, releases: list[str]) -> str:
    if not releases:
        return name
    if len(releases) == 1:
        return f"{name} (release {releases[0]})"
    return f"{name} (releases {releases[0]} to {releases[-1]})"


def _sidecars_for(value: str, table: str) -> tuple[tuple[str, str | None], ...]:
    """Sidecars behind a short `source` value such as 'tariff_actions' or 'tradewartracker'.

    Matches a raw source feeding `table` by its name, its table's name, or a publisher that
    starts with the value; full publisher strings (e.g. CDC's) match nothing and stay as written.
    """
    from analysis.pipeline import BUILDS
    from analysis.sources import SOURCES

    build = BUILDS.get(table)
    raw = config.raw_dir()
    for src in build.sources if build else ():
        found = _sidecar_parts(src, raw)
        names = {src, SOURCES[src].table}
        if value in names or any(p.lower().startswith(value.lower()) for p, _ in found):
            return found
    return ()


def provenance(frame: pl.DataFrame, table: str) -> tuple[list[str], list[str]]:
    """(source parts, releases) of the rows of `table` a chart shows."""
    parts: list[str] = []
    releases: list[str] = []
    if "source" in frame.columns:
        for src in sorted(frame.get_column("source").drop_nulls().unique().to_list()):
            rel = _releases(frame, src)
            found = _sidecars_for(src, table) if not rel else ()
            for name, vintage in found:
                part = _describe(name, [vintage] if vintage else [])
                if part not in parts:
                    parts.append(part)
                releases += [vintage] if vintage else []
            if not found:
                parts.append(_describe(src, rel))
                releases += rel
        return parts, sorted(set(releases))
    raw = config.raw_dir()
    for src in SIDECAR_SOURCES.get(table, ()):
        for name, vintage in _sidecar_parts(src, raw):
            rel = [vintage] if vintage else []
            part = _describe(name, rel)
            if part not in parts:
                parts.append(part)
            releases += rel
    if table == "events" and "origin" in frame.columns:
        extracted = frame.filter(pl.col("origin") == "extracted")
        if extracted.height:
            n = extracted.get_column("article_id").drop_nulls().n_unique()
            parts.append(f"events extracted by Precursor from {n} news article(s)")
    if not parts:
        parts.append(f"Precursor table '{table}'")
    return parts, sorted(set(releases))


def combine(*items: tuple[list[str], list[str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Merge several (parts, releases) pairs, keeping order and dropping repeats."""
    parts: list[str] = []
    releases: set[str] = set()
    for p, r in items:
        parts += [x for x in p if x not in parts]
        releases |= set(r)
    return tuple(parts), tuple(sorted(releases))
