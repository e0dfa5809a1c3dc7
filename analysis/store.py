"""Processed tables: atomic parquet writes and `manifest.json` (inputs, rows, code version)."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from analysis import config
from analysis.contracts import get as get_contract
from analysis.contracts import validate
from analysis.errors import DataError
from analysis.freshness import MANIFEST, read_manifest
from analysis.provenance import atomic_write_text, sha256_file


def table_path(table: str, root: Path | None = None) -> Path:
    return (root or config.processed_dir()) / f"{table}.parquet"


def read(table: str, root: Path | None = None) -> pl.DataFrame:
    """Read a processed table; a clear error says to run `precursor build` when it is missing."""
    path = table_path(table, root)
    if not path.exists():
        msg = f"table '{table}' has not been built"
        raise DataError(
            msg,
            file=path,
            fix="run `precursor build` (or `make report`)",
        )
    return pl.read_parquet(path)


@dataclass
class _Staged:
    table: str
    tmp: Path
    entry: dict


@dataclass
class Transaction:
    """Tables staged as temp files beside their targets; all renamed into place on commit."""

    root: Path
    staged: list[_Staged] = field(default_factory=list)

    def stage(
        self,
        table: str,
        frame: pl.DataFrame,
        *,
        inputs: list[dict],
        code_version: str,
    ) -> dict:
        """Validate `frame` against its contract and write it to a temp parquet file."""
        frame = validate(frame, get_contract(table))
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{table}.", suffix=".parquet.tmp", dir=self.root)
        os.close(fd)
        tmp_path = Path(tmp)
        try:
            frame.write_parquet(tmp_path, statistics=True)
            with open(tmp_path, "rb") as fh:
                os.fsync(fh.fileno())
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        entry = {
            "file": f"{table}.parquet",
            "rows": frame.height,
            "sha256": sha256_file(tmp_path),
            "inputs": inputs,
            "code_version": code_version,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self.staged.append(_Staged(table, tmp_path, entry))
        return entry

    def commit(self) -> None:
        """Rename every staged file over its table, then rewrite the manifest."""
        if not self.staged:
            return  # nothing built: leave the manifest untouched
        _test_pause()
        manifest = read_manifest(self.root)
        for s in self.staged:
            os.replace(s.tmp, table_path(s.table, self.root))
            manifest["tables"][s.table] = s.entry
        manifest["updated_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        atomic_write_text(
            self.root / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n"
        )
        self.staged.clear()

    def rollback(self) -> None:
        for s in self.staged:
            s.tmp.unlink(missing_ok=True)
        self.staged.clear()


def _test_pause() -> None:
    """Sleep `$PRECURSOR_PAUSE_BEFORE_COMMIT` seconds between staging and renaming (kill tests)."""
    try:
        delay = float(os.environ.get("PRECURSOR_PAUSE_BEFORE_COMMIT") or 0)
    except ValueError:
        delay = 0.0
    if delay > 0:
        time.sleep(delay)


@contextmanager
def transaction(root: Path | None = None) -> Iterator[Transaction]:
    """Stage tables; commit them all on a clean exit, discard them all on any error."""
    tx = Transaction(root or config.processed_dir())
    try:
        yield tx
    except BaseException:
        tx.rollback()
        raise
    tx.commit()


def write(
    table: str,
    frame: pl.DataFrame,
    *,
    inputs: list[dict] | None = None,
    code_version: str = "manual",
    root: Path | None = None,
) -> Path:
    """Validate and atomically write one table, recording it in the manifest."""
    with transaction(root) as tx:
        tx.stage(table, frame, inputs=inputs or [], code_version=code_version)
    return table_path(table, root)


def clean_stale_temps(root: Path | None = None) -> int:
    """Remove temp files a killed build left behind; returns how many."""
    root = root or config.processed_dir()
    n = 0
    for p in root.glob(".*.tmp"):
        p.unlink(missing_ok=True)
        n += 1
    return n
