"""The research tracker's country-by-time.csv: the real file, the shipped extract, faults."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis.contracts import TARIFF_RATES
from analysis.errors import DataError
from analysis.provenance import read_sidecar
from analysis.sources import SOURCES, tariff_tracker

REAL = "tariffs/tradewartracker_redux_2026-07/country-by-time.csv"
HEADER = "date,country_name,effective tariff,total imports,2024 tariff"


def shipped_file(repo_root: Path) -> Path:
    files = SOURCES["tariff_tracker"].files(repo_root / "data" / "raw")
    assert len(files) == 1
    return files[0]


def test_real_file_china_series(shared_data: Path) -> None:
    out = tariff_tracker.load(shared_data / REAL)
    assert out.schema == TARIFF_RATES.schema
    assert out.height == 23
    assert set(out["imposer"]) == {"US"}
    assert set(out["layer"]) == {tariff_tracker.LAYER}
    assert set(out["source"]) == {tariff_tracker.SOURCE}
    first = out.row(0, named=True)
    assert first["date"] == date(2025, 2, 4)
    assert first["rate_pct"] == 20.0  # the tracker's full 20% on day one
    peak = out.filter(pl.col("date") == date(2025, 4, 9))["rate_pct"][0]
    assert peak == pytest.approx(112.186, abs=0.001)


def test_shipped_extract_is_the_real_china_rows(repo_root: Path, shared_data: Path) -> None:
    extract = shipped_file(repo_root)
    real_lines = (shared_data / REAL).read_text(encoding="utf-8").splitlines()
    expected = [real_lines[0], *[ln for ln in real_lines[1:] if ",CHINA," in ln]]
    assert extract.read_text(encoding="utf-8").splitlines() == expected
    assert tariff_tracker.load(extract).equals(tariff_tracker.load(shared_data / REAL))


def test_shipped_extract_has_a_citing_sidecar(repo_root: Path) -> None:
    side = read_sidecar(shipped_file(repo_root))
    assert "tradewartracker/trade-war-redux-2025" in side.citation
    assert side.vintage == "2026-07-23"


def test_other_partners_are_dropped_and_case_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "country-by-time.csv"
    path.write_text(
        f"{HEADER}\n2025-02-04,MEXICO,0.0,5.0,0.2\n2025-02-04,China,20.0,4.0,10.9\n",
        encoding="utf-8",
    )
    out = tariff_tracker.load(path)
    assert out["rate_pct"].to_list() == [20.0]


def test_no_china_rows(tmp_path: Path) -> None:
    path = tmp_path / "country-by-time.csv"
    path.write_text(f"{HEADER}\n2025-02-04,MEXICO,0.0,5.0,0.2\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"no CHINA rows.*found \['MEXICO'\]"):
        tariff_tracker.load(path)


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("2025-02-31,CHINA,20.0,4.0,10.9", "date"),
        ("2025-02-04,CHINA,n/a,4.0,10.9", "effective tariff"),
    ],
)
def test_bad_values(tmp_path: Path, row: str, column: str) -> None:
    path = tmp_path / "country-by-time.csv"
    path.write_text(f"{HEADER}\n2025-02-04,CHINA,20.0,4.0,10.9\n{row}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        tariff_tracker.load(path)
    assert info.value.line == 3
    assert info.value.column == column


def test_newest_vintage_wins(tmp_path: Path) -> None:
    old = tmp_path / "2026-01-01" / "country-by-time.csv"
    new = tmp_path / "2026-07-23" / "country-by-time.csv"
    for path, rate in ((old, "15.0"), (new, "20.0")):
        path.parent.mkdir()
        path.write_text(f"{HEADER}\n2025-02-04,CHINA,{rate},4.0,10.9\n", encoding="utf-8")
    assert tariff_tracker.load_many([new, old])["rate_pct"].to_list() == [20.0]
    assert tariff_tracker.load_many([]).height == 0
