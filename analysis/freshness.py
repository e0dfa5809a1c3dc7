"""Is a table up to date? Inputs (path + sha256), code version and manifest, without polars.

Everything here is plain Python so that `precursor build` with nothing changed answers in a
fraction of a second: polars and the loaders are imported only when a table must be rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis import __version__, config
from analysis.provenance import read_sidecar, sha256_file
from analysis.sources import SOURCES

MANIFEST = "manifest.json"


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
        return [*mods, "analysis.contracts", "analysis.pipeline", "analysis.freshness"]


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


_DATA_SUFFIXES = (".csv", ".json")


def _module_files(name: str) -> list[Path]:
    """Files of module `name` on disk, never importing it.

    A module brings its mapping files `<stem>.csv|json` and `<stem>_*.csv|json`; a package brings
    its `__init__.py` and the data files no sibling module claims (its submodules count only when
    imported, see `_code_files`). Cached by the folders' mtimes, so adding a file is seen.
    """
    parts = name.split(".")
    if parts[0] != "analysis":
        return []
    base = config.PACKAGE_DIR.joinpath(*parts[1:])
    return list(_listing(base, _mtime(base.parent), _mtime(base)))


def _mtime(folder: Path) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return -1


@functools.lru_cache(maxsize=4096)
def _listing(base: Path, _parent_mtime: int, _base_mtime: int) -> tuple[Path, ...]:
    if (base / "__init__.py").is_file():
        stems = {p.stem for p in base.glob("*.py")}
        data = [
            p
            for p in sorted(base.iterdir())
            if p.suffix in _DATA_SUFFIXES
            and p.stem not in stems
            and not any(p.stem.startswith(f"{s}_") for s in stems)
        ]
        return (base / "__init__.py", *data)
    origin = base.with_suffix(".py")
    if not origin.is_file():
        return ()
    data = [
        p
        for p in sorted(origin.parent.iterdir())
        if p.suffix in _DATA_SUFFIXES
        and (p.stem == origin.stem or p.stem.startswith(f"{origin.stem}_"))
    ]
    return (origin, *data)


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


def _same_file(path: Path, sha: str | None) -> bool:
    return sha is not None and sha256_file(path) == sha


def read_manifest(processed: Path | None = None) -> dict:
    """`data/processed/manifest.json`, or an empty one when missing or unreadable."""
    path = (processed or config.processed_dir()) / MANIFEST
    if not path.exists():
        return {"tables": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {"tables": {}}
    data.setdefault("tables", {})
    return data


@dataclass
class TableState:
    """What the build knows about one table before loading anything."""

    name: str
    inputs: dict[str, list[Path]]
    records: list[dict]
    version: str
    fresh: bool

    @property
    def has_input(self) -> bool:
        return any(self.inputs.values())


def table_state(name: str, manifest: dict, raw: Path, processed: Path) -> TableState:
    """Inputs (sidecars verified), code version, and whether the stored table still matches."""
    b = BUILDS[name]
    inputs = collect_inputs(b, raw)
    if not any(inputs.values()):
        return TableState(name, inputs, [], "", False)
    records = input_records([f for fs in inputs.values() for f in fs], raw)
    version = code_version(b)
    old = manifest.get(name)
    target = processed / f"{name}.parquet"
    fresh = bool(
        old
        and old.get("inputs") == records
        and old.get("code_version") == version
        and target.exists()
        and _same_file(target, old.get("sha256"))
    )
    return TableState(name, inputs, records, version, fresh)
