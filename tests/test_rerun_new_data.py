"""End to end: a newer CDC release dropped into data/raw reaches the tables, notebooks and figures.

The temp project starts from the embedded raw data without its newest VSRR release (so the
tables stop earlier), then the June 2026 SODA API file from ../shared/data is added as a new
vintage folder with its sidecar, and `precursor report` runs once.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import nbformat
import polars as pl
import pytest

from analysis import config
from analysis.provenance import write_sidecar

ROOT = Path(__file__).resolve().parents[1]
NEW_RELEASE = Path(
    "cdc_vsrr/datasciencelink_2026-06_api_T40.4/cdc_api_provisional_overdose_counts.csv"
)
NEWEST_MONTH = date(2026, 1, 31)  # PROVENANCE.md: the API extract reaches January 2026
NOTEBOOKS = ("02-overdose-and-seizures.ipynb", "04-diplomacy-vs-trade.ipynb")


def _precursor(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRECURSOR_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], env=env, capture_output=True, text=True
    )


def _last_month(home: Path) -> date:
    frame = pl.read_parquet(home / "data" / "processed" / "overdose.parquet")
    vsrr = frame.filter(pl.col("window") == "12m", pl.col("indicator") == "synthetic_opioids")
    return vsrr["period_end"].max()


@pytest.mark.slow
def test_new_release_reaches_tables_notebooks_and_figures(tmp_path: Path):
    shared = config.shared_data_dir()
    if shared is None or not (shared / NEW_RELEASE).exists():
        pytest.skip(f"../shared/data absent: cannot add the June 2026 VSRR release {NEW_RELEASE}")
    home = tmp_path / "project"
    shutil.copytree(ROOT / "data" / "raw", home / "data" / "raw")
    for folder in (home / "data" / "raw" / "cdc_vsrr").iterdir():
        if folder.name >= "2026-06":  # drop the embedded newest release: we add it back below
            shutil.rmtree(folder)
    (home / "notebooks").mkdir()
    for name in NOTEBOOKS:
        shutil.copy(ROOT / "notebooks" / name, home / "notebooks" / name)
    proc = _precursor(home, "build")
    assert proc.returncode == 0, proc.stderr
    before = _last_month(home)
    assert before < NEWEST_MONTH

    target = home / "data" / "raw" / "cdc_vsrr" / "2026-06" / NEW_RELEASE.name
    target.parent.mkdir(parents=True)
    shutil.copyfile(shared / NEW_RELEASE, target)
    write_sidecar(
        target,
        publisher="CDC National Center for Health Statistics",
        dataset="VSRR Provisional Drug Overdose Death Counts (data.cdc.gov xkb8-kh2a), SODA API",
        url="https://data.cdc.gov/resource/xkb8-kh2a.csv",
        retrieved="2026-06-27",
        license="Public domain (U.S. Government work)",
        citation="Ahmad FB, Cisewski JA, Rossen LM, Sutton P. Provisional drug overdose death "
        "counts. National Center for Health Statistics. 2026.",
    )
    proc = _precursor(home, "report")
    assert proc.returncode == 0, proc.stderr[-3000:]

    assert _last_month(home) == NEWEST_MONTH  # the table
    executed = nbformat.read(home / "reports" / "notebooks" / NOTEBOOKS[0], as_version=4)
    text = "\n".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
        for c in executed.cells
        for o in c.get("outputs", [])
    )
    assert "2026-01-31" in text  # the notebook's release table shows the new last month
    shown = list(csv.DictReader((home / "reports" / "figures" / "overdose_trend.csv").open()))
    months = {v for row in shown for k, v in row.items() if "period" in k or "date" in k}
    assert any(m.startswith("2026-01") for m in months), sorted(months)[-3:]
    assert "2026" in (home / "reports" / "index.html").read_text(encoding="utf-8")
