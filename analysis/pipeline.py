"""Build every processed table from `data/raw/`: verify sidecars, load, validate, store atomically.

A table is rebuilt only when its input files (path + sha256) or its code changed.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from analysis import __version__, config, store
from analysis.contracts import get as get_contract
from analysis.contracts import validate
from analysis.provenance import read_sidecar
from analysis.sources import SOURCES, Source


@dataclass(frozen=True)
class TableBuild:
    """How one table is built: the sources feeding it, and how their frames are combined."""

    table: str
    sources: tuple[str, ...]
    #: "module:function" taking {source: frame} and returning the table; None = concatenate.
    combine: str | None = None

    def code_modules(self) -> list[str]:
        mods = [f"analysis.sources.{s}" for s in self.sources]
        if self.combine:
            mods.append(self.combine.split(":")[0])
        return [*mods, "analysis.contracts", "analysis.pipeline"]


BUILDS: dict[str, TableBuild] = {
    b.table: b
    for b in (
        TableBuild("tariff_actions", ("tariffs",)),
        TableBuild("tariff_rates", ("tariffs", "tariff_tracker"), "analysis.tariff_rates:combine"),
        TableBuild("overdose", ("cdc_vsrr", "cdc_wonder")),
        TableBuild("seizures", ("cbp_seizures",)),
        TableBuild("trade", ("trade",)),
        TableBuild("articles", ("news",), "analysis.sources.news:combine"),
        TableBuild("events", ("timeline", "news"), "analysis.events:combine"),
    )
}


@dataclass
class BuildResult:
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: Tables with no raw files at all (not built, nothing written).
    no_input: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


_DATA_SUFFIXES = (".csv", ".json")


def _module_files(name: str) -> list[Path]:
    """Files of module `name` on disk, never importing it.

    A module brings its mapping files `<stem>.csv|json` and `<stem>_*.csv|json`; a package brings
    its `__init__.py` and the data files no sibling module claims (its submodules count only when
    imported, see `_code_files`).
    """
    parts = name.split(".")
    if parts[0] != "analysis":
        return []
    base = config.PACKAGE_DIR.joinpath(*parts[1:])
    if (base / "__init__.py").is_file():
        stems = {p.stem for p in base.glob("*.py")}
        data = [
            p
            for p in sorted(base.iterdir())
            if p.suffix in _DATA_SUFFIXES
            and p.stem not in stems
            and not any(p.stem.startswith(f"{s}_") for s in stems)
        ]
        return [base / "__init__.py", *data]
    origin = base.with_suffix(".py")
    if not origin.is_file():
        return []
    data = [
        p
        for p in sorted(origin.parent.iterdir())
        if p.suffix in _DATA_SUFFIXES
        and (p.stem == origin.stem or p.stem.startswith(f"{origin.stem}_"))
    ]
    return [origin, *data]


_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M)
_PLAIN_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n]+)", re.M)


def _analysis_imports(path: Path) -> set[str]:
    """Names of `analysis.*` modules a source file imports (a text scan: nothing is imported).

    Cached by (path, mtime, size); a false positive (an import inside a string) only adds a file.
    """
    if path.suffix != ".py":
        return set()
    st = path.stat()
    return set(_scan_imports(path, st.st_mtime_ns, st.st_size))


@functools.lru_cache(maxsize=1024)
def _scan_imports(path: Path, _mtime: int, _size: int) -> frozenset[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    package = list(path.relative_to(config.PACKAGE_DIR.parent).with_suffix("").parts)[:-1]
    found: set[str] = set()
    for target, names in _FROM_IMPORT.findall(text):
        if target.startswith("."):
            level = len(target) - len(target.lstrip("."))
            rest = target[level:]
            anchor = package[: len(package) - (level - 1)]
            module = ".".join([*anchor, *([rest] if rest else [])])
        else:
            module = target
        if module.split(".")[0] != "analysis":
            continue
        found.add(module)
        for item in names.strip("()").replace("\\", " ").split(","):
            name = item.split("#")[0].strip().split(" as ")[0].strip()
            if name.isidentifier():
                found.add(f"{module}.{name}")
    for names in _PLAIN_IMPORT.findall(text):
        for item in names.split("#")[0].split(","):
            name = item.strip().split(" as ")[0].strip()
            if name.split(".")[0] == "analysis":
                found.add(name)
    return frozenset(found)


def _code_files(modules: Iterable[str]) -> list[Path]:
    """Files of `modules` and of every `analysis` module they import, transitively."""
    seen: set[str] = set()
    files: dict[Path, None] = {}
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen or name == "analysis":
            continue
        seen.add(name)
        for f in _module_files(name):
            if f not in files:
                files[f] = None
                todo.extend(_analysis_imports(f))
    return sorted(files)


def code_version(build: TableBuild) -> str:
    """sha256 over the source of every module the table's build runs (and their mapping files).

    Follows `analysis.*` imports statically, so a change in a shared helper rebuilds the tables
    whose loaders use it; modules that do not exist yet simply contribute nothing.
    """
    h = hashlib.sha256(__version__.encode())
    for f in _code_files(build.code_modules()):
        h.update(f.relative_to(config.PACKAGE_DIR.parent).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def collect_inputs(build: TableBuild, raw: Path) -> dict[str, list[Path]]:
    return {s: SOURCES[s].files(raw) for s in build.sources}


def input_records(files: Iterable[Path], raw: Path) -> list[dict]:
    """Verify each file against its sidecar and return [{path, sha256}] (raises DataError)."""
    out = []
    for f in files:
        side = read_sidecar(f, verify=True)
        out.append({"path": f.relative_to(raw).as_posix(), "sha256": side.sha256})
    return out


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
            inputs = collect_inputs(b, raw)
            if not any(inputs.values()):
                result.no_input.append(name)
                log(f"none  {name:15s} no raw files under data/raw for {', '.join(b.sources)}")
                continue
            records = input_records([f for fs in inputs.values() for f in fs], raw)
            version = code_version(b)
            old = manifest.get(name)
            target = store.table_path(name, processed)
            if (
                not force
                and old
                and old.get("inputs") == records
                and old.get("code_version") == version
                and target.exists()
                and _same_file(target, old.get("sha256"))
            ):
                result.skipped.append(name)
                result.rows[name] = old.get("rows", 0)
                log(f"skip  {name:15s} unchanged ({old.get('rows', 0)} rows)")
                continue
            frame = load_table(b, inputs, cache)
            entry = tx.stage(name, frame, inputs=records, code_version=version)
            result.built.append(name)
            result.rows[name] = entry["rows"]
            log(f"built {name:15s} {entry['rows']} rows from {len(records)} file(s)")
    return result


def _same_file(path: Path, sha: str | None) -> bool:
    from analysis.provenance import sha256_file

    return sha is not None and sha256_file(path) == sha


def validate_all(log: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> int:
    """Check raw files (sidecars + loaders + contracts) and processed tables; write nothing."""
    raw, processed = config.raw_dir(), config.processed_dir()
    cache: dict = {}
    for name, b in BUILDS.items():
        inputs = collect_inputs(b, raw)
        input_records([f for fs in inputs.values() for f in fs], raw)
        frame = load_table(b, inputs, cache)
        log(f"ok    raw  {name:15s} {frame.height} rows")
    problems = 0
    for name in BUILDS:
        path = store.table_path(name, processed)
        if not path.exists():
            log(f"note  data/processed/{path.name} is missing: run `precursor build`")
            continue
        validate(pl.read_parquet(path), get_contract(name))
        log(f"ok    processed {name}")
    return problems


def source_for(name: str) -> Source:
    from analysis.sources import get_source

    return get_source(name)
