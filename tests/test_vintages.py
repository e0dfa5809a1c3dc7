"""Vintages: the newest release as the default view, revisions across releases, embedded data."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analysis import vintages
from analysis.contracts import OVERDOSE, validate
from analysis.errors import DataError
from analysis.sources import cbp_seizures, cdc_vsrr, trade

API = "cdc_vsrr/datasciencelink_2026-06_api_T40.4/cdc_api_provisional_overdose_counts.csv"
V2025 = "cdc_vsrr/opioiddatalab_2025-01/data_2025-01-08_08-27-44.csv"
V2018 = "cdc_vsrr/hanyucai_2018-09/VSRR_Provisional_Drug_Overdose_Death_Counts.csv"
V2017 = "cdc_vsrr/buzzfeed_2017-09/VSRR_Provisional_Drug_Overdose_Death_Counts.csv"


@pytest.fixture(scope="module")
def overdose() -> pl.DataFrame:
    from analysis.config import shared_data_dir

    root = shared_data_dir()
    if root is None:
        pytest.skip("…/shared/data absent: real CDC VSRR releases not available")
    frames = [cdc_vsrr.load(root / n) for n in (V2017, V2018, V2025, API)]
    return validate(pl.concat(frames), OVERDOSE)


def test_revisions_line_up_the_same_observation(overdose):
    rev = vintages.revisions(
        overdose, geo="US", indicator="synthetic_opioids", period_end="2023-12"
    )
    assert rev.select("vintage", "deaths", "revision").rows() == [
        (date(2025, 1, 1), 74681, None),
        (date(2026, 6, 1), 74091, -590),
    ]
    may17 = vintages.revisions(
        overdose, geo="US", indicator="synthetic_opioids", period_end=date(2017, 5, 31)
    )
    assert may17["deaths"].to_list() == [23678, 24168, 24168, 24168]
    assert may17["revision"].to_list() == [None, 490, 0, 0]
    assert may17["n_vintages"].to_list() == [4] * 4


def test_revisions_wide_and_value_choice(overdose):
    wide = vintages.revisions(
        overdose,
        geo="US",
        indicator="synthetic_opioids",
        period_end=["2017-05", "2023-12"],
        value="deaths_predicted",
        wide=True,
    )
    assert wide.columns[-4:] == ["2017-09-01", "2018-09-01", "2025-01-01", "2026-06-01"]
    dec23 = wide.filter(period_end=date(2023, 12, 31)).row(0, named=True)
    assert dec23["2017-09-01"] is None and dec23["2026-06-01"] > dec23["2025-01-01"] * 0.9


def test_latest_per_observation_gives_the_longest_newest_series(overdose):
    view = vintages.latest(overdose)
    us = view.filter(geo="US")
    t404 = us.filter(indicator="synthetic_opioids")
    assert set(t404["vintage"]) == {date(2026, 6, 1)}
    assert t404["period_end"].max() == date(2026, 1, 31) and t404.height == 133
    cocaine = us.filter(indicator="cocaine")
    assert set(cocaine["vintage"]) == {date(2025, 1, 1)}  # not in the T40.4-only API extract
    key = vintages.observation_key(OVERDOSE)
    assert view.select(pl.struct(key).is_duplicated().any()).item() is False
    assert view.height == overdose.select(pl.struct(key).n_unique()).item()


def test_latest_per_source_and_series(overdose):
    assert set(vintages.latest(overdose, per="source")["vintage"]) == {date(2026, 6, 1)}
    series = vintages.latest(overdose, per="series").filter(geo="US", indicator="heroin")
    assert set(series["vintage"]) == {date(2025, 1, 1)} and series.height == 115
    with pytest.raises(DataError, match="unknown `per`"):
        vintages.latest(overdose, per="month")  # type: ignore[arg-type]


def test_bad_filters_and_frames(overdose):
    with pytest.raises(DataError, match="cannot filter on 'state'"):
        vintages.revisions(overdose, state="US")
    with pytest.raises(DataError, match="not a date"):
        vintages.revisions(overdose, period_end="Dec 2023")
    with pytest.raises(DataError, match="not a table with vintages"):
        vintages.latest(pl.DataFrame({"x": [1]}))


def test_cbp_and_trade_revisions(shared_data):
    nat = "cbp_seizures/{}/nationwide-drugs-{}.csv"
    frames = [
        cbp_seizures.load(shared_data / nat.format("ntimbs_2026-01", "fy19-fy22")),
        cbp_seizures.load(shared_data / nat.format("jacobaschoff_2023-11", "fy20-fy23")),
        cbp_seizures.load(shared_data / nat.format("ntimbs_2026-01", "fy23-fy26-dec")),
    ]
    seizures = pl.concat(frames)
    rev = vintages.revisions(seizures, drug="fentanyl", month="2023-03")
    assert set(rev["n_vintages"]) == {2} and (rev.drop_nulls("revision")["revision"] == 0).all()
    assert vintages.latest(seizures)["vintage"].unique().to_list() == [date(2026, 1, 1)]
    imp = pl.concat(
        [
            trade.load(shared_data / "census_trade/fred_2017-03/IMPCH.csv"),
            trade.load(shared_data / "census_trade/fred_2026-03/IMPCH.csv"),
        ]
    )
    jan14 = vintages.revisions(imp, month="2014-01")
    assert jan14["value_usd_millions"].to_list() == [38377.8, pytest.approx(38377.19956)]


def test_embedded_default_data_builds_and_matches_the_releases(project, run_cli, shared_data):
    code, _, err = run_cli("build", "--only", "overdose", "--only", "seizures", "--only", "trade")
    assert code == 0, err
    from analysis import store

    overdose = store.read("overdose")
    view = vintages.latest(overdose).filter(geo="US", window="12m")
    assert {"all_drugs", "opioids", "synthetic_opioids", "heroin", "cocaine",
            "psychostimulants"} <= set(view["indicator"])  # fmt: skip
    newest = view.filter(indicator="synthetic_opioids", period_end=date(2026, 1, 31)).row(
        0, named=True
    )
    assert (newest["deaths"], newest["deaths_predicted"]) == (36825, 37488.0)
    rev = vintages.revisions(
        overdose, geo="US", indicator="synthetic_opioids", period_end="2023-12"
    )
    assert rev["deaths"].to_list() == [74681, 74091]
    # the embedded VSRR rows are exactly the shared releases' US rows
    full = cdc_vsrr.load(shared_data / V2025).filter(geo="US")
    mine = overdose.filter(source=full["source"][0], vintage=date(2025, 1, 1))
    both = mine.join(full, on=["indicator", "period_end"], suffix="_full")
    assert both.height == mine.height == 690 and (both["deaths"] == both["deaths_full"]).all()
    # seizures: summed over areas, the FY totals are unchanged
    seizures = store.read("seizures")
    fy = seizures.filter(drug="fentanyl").group_by("fiscal_year").agg(pl.col("quantity_lbs").sum())
    assert {k: round(v) for k, v in fy.iter_rows()} == {
        2019: 2804, 2020: 4791, 2021: 11201, 2022: 14700, 2023: 27023, 2024: 21889,
        2025: 12027, 2026: 3398,
    }  # fmt: skip
    assert set(seizures["drug"]) == {"fentanyl", "methamphetamine", "cocaine"}
    imp = store.read("trade")
    assert imp.filter(month=date(2019, 1, 1))["value_usd_millions"].item() == pytest.approx(
        41302.50818
    )


def test_embedded_data_is_small_and_has_sidecars(repo_root):
    from analysis.provenance import is_sidecar, read_sidecar

    files = [
        p
        for src in ("cdc_vsrr", "cdc_wonder", "cbp_seizures", "trade")
        for p in (repo_root / "data/raw" / src).rglob("*")
        if p.is_file()
    ]
    assert sum(p.stat().st_size for p in files) < 1_000_000
    for p in files:
        if not is_sidecar(p):
            side = read_sidecar(p, verify=True)
            assert (side.note and "xtract" in side.note) or "Reduced export" in side.note
