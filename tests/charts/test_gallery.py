"""Every report figure built from the embedded default data: spec checks and a non-blank PNG."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
import vl_convert as vlc
from chart_checks import assert_not_blank, check_spec, inline_values

from analysis.charts import GALLERY, export_chart, load_tables, state_small_multiples
from analysis.charts.export import vl_version

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, pl.DataFrame]]:
    """The embedded data/raw built into a temporary project (the checkout stays untouched)."""
    root = tmp_path_factory.mktemp("gallery") / "project"
    shutil.copytree(REPO / "data" / "raw", root / "data" / "raw")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PRECURSOR_HOME", str(root))
        from analysis import pipeline

        pipeline.build(log=lambda _m: None)
        yield load_tables(root / "data" / "processed")


@pytest.mark.parametrize("name", list(GALLERY))
def test_gallery_figure(name: str, tables: dict[str, pl.DataFrame], tmp_path: Path) -> None:
    chart = GALLERY[name](tables)
    spec = chart.to_dict()
    check_spec(spec)
    messages = [v for v in inline_values(spec) if v and "message" in v[0]]
    assert not messages, f"{name}: the embedded data drew nothing"
    # JupyterLab draws it with its bundled Vega-Lite 5: the same marks must come out
    from analysis.charts.render import lab_problems

    assert lab_problems(spec) == []
    paths = export_chart(chart, name, ("png", "csv", "json"), out_dir=tmp_path)
    assert_not_blank(paths["png"].read_bytes())
    shown = pl.read_csv(paths["csv"], infer_schema_length=0)
    assert 0 < shown.height <= 5000


def test_every_table_the_gallery_reads_was_built(tables: dict[str, pl.DataFrame]) -> None:
    empty = [name for name, frame in tables.items() if frame.height == 0]
    assert not empty, f"embedded data builds no rows for {empty}"


def test_headline_sources_name_every_table(tables: dict[str, pl.DataFrame]) -> None:
    meta = GALLERY["diplomacy_vs_trade"](tables).to_dict()["usermeta"]["precursor"]
    line = meta["source_line"]
    assert "CDC NCHS" in line and "tariff actions" in line and "timeline" in line
    assert all(len(r) == 10 for r in meta["releases"])


def test_state_small_multiples_on_a_full_vsrr_release(shared_data: Path) -> None:
    """The embedded VSRR extract holds the US only; a full release draws every state."""
    from analysis.sources import cdc_vsrr

    path = shared_data / "cdc_vsrr" / "datasciencelink_2026-06_api_T40.4"
    frame = cdc_vsrr.load(path / "cdc_api_provisional_overdose_counts.csv")
    chart = state_small_multiples(frame, indicator="synthetic_opioids")
    spec = chart.to_dict()
    check_spec(spec)
    (values,) = inline_values(spec)
    assert len({r["geo"] for r in values}) >= 45 and len(values) <= 5000
    png = vlc.vegalite_to_png(spec, vl_version=vl_version(), scale=1)
    assert_not_blank(png)
