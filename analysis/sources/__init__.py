"""Registry of raw-data sources: which files under `data/raw/` each loader reads, for which table.

Each source is one module in this package exposing `load(path, *, vintage=None) -> pl.DataFrame`
(validated against its table's contract) and optionally `load_many(paths) -> pl.DataFrame` for
sources read in bulk (news).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from analysis.errors import DataError
from analysis.provenance import is_sidecar

if TYPE_CHECKING:
    import polars as pl


@dataclass(frozen=True)
class Source:
    """A raw-data source: its loader module, its table, and the globs of its files."""

    name: str
    table: str
    patterns: tuple[str, ...]
    description: str
    #: Curated sources are whole revisions of one file: only the newest vintage folder is read
    #: (older folders stay in data/raw, immutable, for comparison).
    newest_vintage_only: bool = False

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"analysis.sources.{self.name}")

    def files(self, raw: Path) -> list[Path]:
        """Raw files of this source under `raw`, sidecars and hidden files excluded, sorted."""
        found: set[Path] = set()
        for pattern in self.patterns:
            for p in raw.glob(pattern):
                if (
                    p.is_file()
                    and not is_sidecar(p)
                    and not any(part.startswith(".") for part in p.relative_to(raw).parts)
                ):
                    found.add(p)
        if self.newest_vintage_only and found:
            from analysis.provenance import vintage_of

            newest = max({p.parent for p in found}, key=lambda d: (vintage_of(d / "_"), d.name))
            found = {p for p in found if p.parent == newest}
        return sorted(found)

    def load(self, path: Path, *, vintage: date | None = None) -> pl.DataFrame:
        return self.module.load(Path(path), vintage=vintage)

    def load_many(self, paths: Iterable[Path]) -> pl.DataFrame:
        """Load every file; with no files return the table's empty frame without importing."""
        paths = list(paths)
        if not paths:
            return _empty(self.table)
        mod = self.module
        if hasattr(mod, "load_many"):
            return mod.load_many(paths)
        import polars as pl

        return pl.concat([mod.load(p) for p in paths], how="vertical")


def _empty(table: str) -> pl.DataFrame:
    from analysis.contracts import get

    return get(table).empty()


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source(
            "timeline",
            "events",
            ("timeline/*/events.csv",),
            "curated, cited US–China events 2017–2026",
            newest_vintage_only=True,
        ),
        Source(
            "tariffs",
            "tariff_actions",
            ("tariffs/*/tariff_actions.csv",),
            "curated US and Chinese tariff actions 2018–2026",
            newest_vintage_only=True,
        ),
        Source(
            "tariff_tracker",
            "tariff_rates",
            ("tariff_tracker/*/country-by-time.csv",),
            "research tracker's effective-tariff path (China rows)",
            newest_vintage_only=True,
        ),
        Source(
            "cdc_vsrr",
            "overdose",
            ("cdc_vsrr/*/*.csv",),
            "CDC NCHS VSRR provisional drug overdose death counts",
        ),
        Source(
            "cdc_wonder",
            "overdose",
            ("cdc_wonder/*/*.txt", "cdc_wonder/*/*.csv"),
            "CDC WONDER multiple-cause-of-death exports",
        ),
        Source(
            "cbp_seizures",
            "seizures",
            ("cbp_seizures/*/*.csv",),
            "CBP nationwide and AMO drug seizures",
        ),
        Source(
            "trade",
            "trade",
            ("trade/*/*.csv", "trade/*/*.xlsx"),
            "Census country.xlsx and FRED IMPCH/EXPCH",
        ),
        Source(
            "news",
            "articles",
            tuple(f"news/**/*.{ext}" for ext in ("html", "htm", "md", "txt", "jsonl", "json")),
            "news articles and official documents",
        ),
    )
}


def get_source(name: str) -> Source:
    """The source called `name` (dashes allowed); the error lists known sources."""
    key = name.replace("-", "_")
    if key not in SOURCES:
        msg = f"unknown source '{name}'"
        raise DataError(
            msg,
            expected="one of " + ", ".join(SOURCES),
            fix="pick a known source",
        )
    return SOURCES[key]
