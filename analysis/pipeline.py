"""Build every processed table from `data/raw/`: verify sidecars, load, validate, store atomically.

A table is rebuilt only when its input files (path + sha256) or its code changed.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from analysis import config, store
from analysis.contracts import get as get_contract
from analysis.contracts import validate
from analysis.freshness import (  # noqa: F401 - re-exported: the build's public names
    BUILDS,
    TableBuild,
    _code_files,
    _module_files,
    code_version,
    collect_inputs,
    input_records,
    table_state,
)
from analysis.sources import SOURCES


@dataclass
class BuildResult:
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: Tables with no raw files at all (not built, nothing written).
    no_input: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


def _resolve(ref: str) -> Callable:
    mod, func = ref.split(":")
    return getattr(importlib.import_module(mod), func)


def load_table(
    build: TableBuild,
    inputs: dict[str, list[Path]],
    cache: dict[tuple[str, tuple[Path, ...]], pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Run the loaders over the inputs and combine them into one validated table."""
    cache = {} if cache is None else cache
    frames: dict[str, pl.DataFrame] = {}
    for name, files in inputs.items():
        key = (name, tuple(files))
        if key not in cache:
            cache[key] = SOURCES[name].load_many(files)
        frames[name] = cache[key]
    if not any(inputs.values()):
        # No raw files at all: the empty table, without importing any loader or combine module.
        return get_contract(build.table).empty()
    if build.combine and _module_files(build.combine.split(":")[0]):
        frame = _resolve(build.combine)(frames)
    else:
        # Plain concatenation (also while a combine module has not been written yet).
        parts = [f for f in frames.values() if f.height]
        frame = pl.concat(parts, how="vertical") if parts else get_contract(build.table).empty()
    return validate(frame, get_contract(build.table))


def build(
    only: Iterable[str] | None = None,
    *,
    force: bool = False,
    log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
) -> BuildResult:
    """Build the tables (all, or `only`); skip those whose inputs and code are unchanged.

    Every table is staged first; nothing in `data/processed/` changes unless all of them succeed.
    """
    raw, processed = config.raw_dir(), config.processed_dir()
    names = list(BUILDS) if not only else [get_contract(t).name for t in only]
    manifest = store.read_manifest(processed)["tables"]
    store.clean_stale_temps(processed)
    result = BuildResult()
    cache: dict = {}
    with store.transaction(processed) as tx:
        for name in names:
            b = BUILDS[name]
            state = table_state(name, manifest, raw, processed)
            if not state.has_input:
                result.no_input.append(name)
                log(f"none  {name:15s} no raw files under data/raw for {', '.join(b.sources)}")
                continue
            inputs, records, version = state.inputs, state.records, state.version
            if state.fresh and not force:
                rows = manifest[name].get("rows", 0)
                result.skipped.append(name)
                result.rows[name] = rows
                log(f"skip  {name:15s} unchanged ({rows} rows)")
                continue
            frame = load_table(b, inputs, cache)
            entry = tx.stage(name, frame, inputs=records, code_version=version)
            result.built.append(name)
            result.rows[name] = entry["rows"]
            log(f"built {name:15s} {entry['rows']} rows from {len(records)} file(s)")
    return result


def validate_all(log: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> None:
    """Check raw files (sidecars + loaders + contracts) and processed tables; write nothing."""
    raw, processed = config.raw_dir(), config.processed_dir()
    cache: dict = {}
    for name, b in BUILDS.items():
        inputs = collect_inputs(b, raw)
        input_records([f for fs in inputs.values() for f in fs], raw)
        frame = load_table(b, inputs, cache)
        log(f"ok    raw  {name:15s} {frame.height} rows")
    for name in BUILDS:
        path = store.table_path(name, processed)
        if not path.exists():
            log(f"note  data/processed/{path.name} is missing: run `precursor build`")
            continue
        validate(pl.read_parquet(path), get_contract(name))
        log(f"ok    processed {name}")
