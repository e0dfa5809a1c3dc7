"""The processed store: validated atomic writes, the manifest, transactions and temp files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis import store
from analysis.contracts import TARIFF_RATES
from analysis.errors import ContractError, DataError
from analysis.provenance import sha256_file


def rates(n: int = 2, rate: float = 10.0) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "date": [date(2025, 2, 4 + i) for i in range(n)],
            "imposer": ["US"] * n,
            "layer": ["demo"] * n,
            "rate_pct": [rate] * n,
            "source": ["test"] * n,
        },
        schema=TARIFF_RATES.schema,
    )


def test_write_read_and_manifest(tmp_path: Path) -> None:
    path = store.write(
        "tariff_rates", rates(), inputs=[{"path": "x.csv", "sha256": "0" * 64}], root=tmp_path
    )
    assert path == tmp_path / "tariff_rates.parquet"
    assert store.read("tariff_rates", tmp_path).equals(rates())
    entry = store.read_manifest(tmp_path)["tables"]["tariff_rates"]
    assert entry["rows"] == 2
    assert entry["sha256"] == sha256_file(path)
    assert entry["inputs"] == [{"path": "x.csv", "sha256": "0" * 64}]
    assert entry["code_version"] == "manual"
    assert entry["built_at"].endswith("+00:00")


def test_invalid_frame_writes_nothing(tmp_path: Path) -> None:
    store.write("tariff_rates", rates(), root=tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    bad = rates().with_columns(pl.lit(None, dtype=pl.String).alias("layer"))
    with pytest.raises(ContractError, match="table 'tariff_rates'"):
        store.write("tariff_rates", bad, root=tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_transaction_is_all_or_nothing(tmp_path: Path) -> None:
    store.write("tariff_rates", rates(rate=1.0), root=tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(RuntimeError), store.transaction(tmp_path) as tx:
        tx.stage("tariff_rates", rates(rate=99.0), inputs=[], code_version="v2")
        assert len(list(tmp_path.glob(".tariff_rates.*.parquet.tmp"))) == 1
        raise RuntimeError("a later table failed")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_transaction_commits_every_staged_table(tmp_path: Path) -> None:
    with store.transaction(tmp_path) as tx:
        tx.stage("tariff_rates", rates(3), inputs=[], code_version="v1")
        assert not (tmp_path / "tariff_rates.parquet").exists()
    assert store.read("tariff_rates", tmp_path).height == 3
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_empty_transaction_leaves_manifest_alone(tmp_path: Path) -> None:
    store.write("tariff_rates", rates(), root=tmp_path)
    manifest = (tmp_path / store.MANIFEST).read_bytes()
    with store.transaction(tmp_path):
        pass
    assert (tmp_path / store.MANIFEST).read_bytes() == manifest


def test_read_missing_table_says_to_build(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"has not been built.*precursor build"):
        store.read("tariff_rates", tmp_path)


def test_unreadable_manifest_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / store.MANIFEST).write_text("{not json", encoding="utf-8")
    assert store.read_manifest(tmp_path) == {"tables": {}}
    (tmp_path / store.MANIFEST).write_text(json.dumps({"x": 1}), encoding="utf-8")
    assert store.read_manifest(tmp_path)["tables"] == {}


def test_clean_stale_temps(tmp_path: Path) -> None:
    store.write("tariff_rates", rates(), root=tmp_path)
    (tmp_path / ".tariff_rates.abc123.parquet.tmp").write_bytes(b"partial")
    (tmp_path / ".manifest.json.x.tmp").write_bytes(b"{")
    assert store.clean_stale_temps(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json", "tariff_rates.parquet"]
