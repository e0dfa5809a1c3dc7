"""The source registry: which raw files feed which table, and vintage selection."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from analysis.pipeline import build
from analysis.provenance import write_sidecar
from analysis.sources import SOURCES, get_source
from analysis.store import read


def _new_vintage(root: Path, source: str, name: str, vintage: str, edit) -> Path:
    old = next((root / "data" / "raw" / source).glob(f"*/{name}"))
    new = root / "data" / "raw" / source / vintage / name
    new.parent.mkdir(parents=True)
    new.write_text(edit(old.read_text(encoding="utf-8")), encoding="utf-8")
    write_sidecar(
        new,
        publisher="Precursor",
        dataset="curated",
        url="https://example.org",
        license="CC-BY-4.0",
        citation="test revision",
        vintage=vintage,
    )
    return old


def test_curated_sources_read_only_their_newest_vintage(make_project) -> None:
    root = make_project(["timeline"])
    old = _new_vintage(
        root,
        "timeline",
        "events.csv",
        "2099-01-01",
        lambda text: "\n".join(text.splitlines()[:11]) + "\n",  # header + 10 events
    )
    files = SOURCES["timeline"].files(root / "data" / "raw")
    assert [f.parent.name for f in files] == ["2099-01-01"]
    build(["events"], log=lambda m: None)
    events = read("events")
    assert events.filter(pl.col("origin") == "curated").height == 10
    assert old.exists(), "older vintages stay in data/raw"


def test_release_sources_keep_every_vintage(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    for v in ("2025-01", "2026-06"):
        (raw / "cdc_vsrr" / v).mkdir(parents=True)
        (raw / "cdc_vsrr" / v / "counts.csv").write_text("x")
        (raw / "cdc_vsrr" / v / "counts.csv.meta.json").write_text("{}")
    (raw / "cdc_vsrr" / ".hidden").mkdir()
    (raw / "cdc_vsrr" / ".hidden" / "x.csv").write_text("x")
    files = get_source("cdc-vsrr").files(raw)
    assert [f.parent.name for f in files] == ["2025-01", "2026-06"]


def test_every_registered_source_has_a_loader_module() -> None:
    for src in SOURCES.values():
        assert callable(getattr(src.module, "load", None)), src.name
