"""Derived tariff step series: the required IEEPA totals, step rules, and the tracker check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis import tariff_rates as tr
from analysis.contracts import TARIFF_ACTIONS, TARIFF_RATES
from analysis.errors import DataError
from analysis.sources import SOURCES


@pytest.fixture(scope="module")
def rates() -> pl.DataFrame:
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    frames = {n: SOURCES[n].load_many(SOURCES[n].files(raw)) for n in ("tariffs", "tariff_tracker")}
    return tr.combine(frames)


def actions(*rows: tuple) -> pl.DataFrame:
    """Hand-made actions: (id, announced, effective, ends, layer, rate, coverage)."""
    return pl.DataFrame(
        [
            {
                "action_id": r[0],
                "announced": date.fromisoformat(r[1]),
                "effective": date.fromisoformat(r[2]),
                "ends": date.fromisoformat(r[3]) if r[3] else None,
                "imposer": "US",
                "target": "CN",
                "authority": "section_301",
                "layer": r[4],
                "rate_pct": r[5],
                "coverage": r[6],
                "citation": "test",
                "note": None,
            }
            for r in rows
        ],
        schema=TARIFF_ACTIONS.schema,
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 2, 3), 0.0),
        (date(2025, 2, 4), 10.0),
        (date(2025, 3, 3), 10.0),
        (date(2025, 3, 4), 20.0),
        (date(2025, 4, 5), 30.0),
        (date(2025, 4, 9), 104.0),
        (date(2025, 4, 10), 145.0),
        (date(2025, 5, 13), 145.0),
        (date(2025, 5, 14), 30.0),
        (date(2025, 11, 9), 30.0),
        (date(2025, 11, 10), 20.0),
        (date(2026, 2, 23), 20.0),
        (date(2026, 2, 24), 0.0),
        (date(2026, 11, 28), 0.0),
    ],
)
def test_us_ieepa_total_on_chinese_goods(rates: pl.DataFrame, day: date, expected: float) -> None:
    assert tr.rate_in_force(day, "US", "ieepa_total", rates) == expected


def test_ieepa_layers_and_total(rates: pl.DataFrame) -> None:
    assert tr.rate_in_force(date(2025, 4, 10), "US", "ieepa_fentanyl", rates) == 20.0
    assert tr.rate_in_force(date(2025, 4, 10), "US", "ieepa_reciprocal", rates) == 125.0
    # total = IEEPA layers + Section 122 (the across-the-board layers)
    assert tr.rate_in_force(date(2025, 4, 10), "US", "total", rates) == 145.0
    assert tr.rate_in_force(date(2026, 2, 24), "US", "total", rates) == 10.0
    assert tr.rate_in_force(date(2026, 7, 24), "US", "section_122", rates) == 0.0


def test_section_301_and_chinese_layers(rates: pl.DataFrame) -> None:
    assert tr.rate_in_force(date(2019, 5, 9), "US", "section_301_list3", rates) == 10.0
    assert tr.rate_in_force(date(2019, 5, 10), "US", "section_301_list3", rates) == 25.0
    assert tr.rate_in_force(date(2019, 9, 1), "US", "section_301_list4a", rates) == 15.0
    assert tr.rate_in_force(date(2020, 2, 14), "US", "section_301_list4a", rates) == 7.5
    assert tr.rate_in_force(date(2024, 9, 27), "US", "section_301_2024_ev", rates) == 100.0
    assert tr.rate_in_force(date(2025, 6, 4), "US", "section_232_steel", rates) == 50.0
    assert tr.rate_in_force(date(2025, 4, 10), "CN", "retaliation_reciprocal", rates) == 84.0
    assert tr.rate_in_force(date(2025, 5, 14), "CN", "total", rates) == 10.0
    assert tr.rate_in_force(date(2025, 11, 10), "CN", "retaliation_mar2025", rates) == 0.0
    assert "ieepa_total" not in set(rates.filter(pl.col("imposer") == "CN")["layer"])


def test_series_are_steps_with_no_repeated_rates(rates: pl.DataFrame) -> None:
    assert rates.schema == TARIFF_RATES.schema
    curated = rates.filter(pl.col("source") == tr.CURATED)
    repeats = (
        curated.sort("date")
        .group_by(["imposer", "layer"])
        .agg((pl.col("rate_pct").diff() == 0).sum().alias("n"))
    )
    assert repeats["n"].sum() == 0
    # the 10% reciprocal extension of 2025-08-12 is not a step
    recip = curated.filter(pl.col("layer") == "ieepa_reciprocal")["date"].to_list()
    assert date(2025, 8, 12) not in recip


def test_same_day_actions_later_announcement_wins() -> None:
    out = tr.steps(
        actions(
            ("b", "2025-04-08", "2025-04-09", None, "x", 84.0, "all goods"),
            ("a", "2025-04-02", "2025-04-09", None, "x", 34.0, "all goods"),
        )
    )
    assert out.filter(pl.col("layer") == "x")["rate_pct"].to_list() == [84.0]


def test_ends_returns_layer_to_zero_unless_replaced() -> None:
    out = tr.steps(
        actions(
            ("a", "2025-01-01", "2025-01-10", "2025-03-01", "x", 10.0, "all goods"),
            ("b", "2025-01-01", "2025-02-01", "2025-02-15", "y", 5.0, "steel"),
            ("c", "2025-01-01", "2025-02-10", None, "y", 7.0, "steel"),
        )
    )
    x = out.filter(pl.col("layer") == "x")
    assert list(zip(x["date"], x["rate_pct"], strict=True)) == [
        (date(2025, 1, 10), 10.0),
        (date(2025, 3, 1), 0.0),
    ]
    assert tr.rate_in_force(date(2025, 2, 20), "US", "y", out) == 7.0  # b's end is moot
    # only the "all goods" layer counts in the total
    assert tr.rate_in_force(date(2025, 2, 20), "US", "total", out) == 10.0


def test_actions_without_rate_are_not_series(rates: pl.DataFrame) -> None:
    assert "de_minimis" not in set(rates["layer"])
    assert "section_301_port_fees" not in set(rates["layer"])


def test_unknown_layer_lists_the_known_ones(rates: pl.DataFrame) -> None:
    with pytest.raises(DataError, match="no series for imposer 'US', layer 'fentanil'") as info:
        tr.rate_in_force(date(2025, 1, 1), "US", "fentanil", rates)
    assert "ieepa_total" in str(info.value)


def test_tracker_layer_is_its_own_series(rates: pl.DataFrame) -> None:
    assert tr.rate_in_force(date(2025, 2, 4), "US", tr.TRACKER_LAYER, rates) == 20.0
    assert tr.rate_in_force(date(2025, 2, 3), "US", tr.TRACKER_LAYER, rates) == 0.0
    tracker = rates.filter(pl.col("source") == tr.TRACKER)
    assert set(tracker["layer"]) == {tr.TRACKER_LAYER}


def test_disagreements_flag_the_tracker_full_20_on_day_one(rates: pl.DataFrame) -> None:
    out = tr.disagreements(rates)
    first = out.row(0, named=True)
    assert first == {
        "date": date(2025, 2, 4),
        "tracker_pct": 20.0,
        "curated_pct": 10.0,
        "difference_pp": 10.0,
    }
    dates = set(out["date"])
    assert date(2025, 3, 4) not in dates  # both at 20
    assert date(2025, 11, 1) in dates  # tracker dates the Busan cut earlier
    assert date(2026, 2, 20) in dates  # tracker drops on the ruling, CBP stopped on the 24th
    assert (out["difference_pp"].abs() > 2.0).all()
    assert tr.disagreements(rates, tolerance_pp=1000).height == 0


def test_disagreements_without_tracker_is_empty(rates: pl.DataFrame) -> None:
    out = tr.disagreements(rates.filter(pl.col("source") == tr.CURATED))
    assert out.height == 0
    assert out.columns == ["date", "tracker_pct", "curated_pct", "difference_pp"]


def test_combine_with_nothing_is_the_empty_table() -> None:
    assert tr.combine({}).equals(TARIFF_RATES.empty())


def test_rate_in_force_reads_the_built_table(make_project) -> None:
    from analysis.pipeline import build

    make_project(["tariffs", "tariff_tracker"])
    build(["tariff_actions", "tariff_rates"], log=lambda m: None)
    assert tr.rate_in_force(date(2025, 4, 10), "US", "ieepa_total") == 145.0
    assert tr.disagreements()["date"][0] == date(2025, 2, 4)


def test_lists_max_is_the_highest_trade_war_list_rate(rates: pl.DataFrame) -> None:
    assert tr.rate_in_force(date(2018, 7, 5), "US", "lists_max", rates) == 0.0
    assert tr.rate_in_force(date(2018, 7, 6), "US", "lists_max", rates) == 25.0
    # the 2024 strategic-sector increases (100% on EVs) are not trade-war lists
    assert tr.rate_in_force(date(2024, 9, 27), "US", "lists_max", rates) == 25.0
    assert tr.rate_in_force(date(2018, 4, 2), "CN", "lists_max", rates) == 25.0


def test_lists_max_follows_a_list_raised_above_the_others() -> None:
    acts = actions(
        ("l1", "2018-06-15", "2018-07-06", None, "section_301_list1", 25.0, "goods on list 1"),
        ("l3", "2018-09-21", "2018-09-24", None, "section_301_list3", 10.0, "goods on list 3"),
        ("l3b", "2019-05-09", "2019-05-10", None, "section_301_list3", 40.0, "goods on list 3"),
        ("ev", "2024-05-14", "2024-09-27", None, "section_301_2024_ev", 100.0, "EVs"),
    )
    out = tr.steps(acts).filter(pl.col("layer") == "lists_max")
    assert out.select("date", "rate_pct").rows() == [
        (date(2018, 7, 6), 25.0),
        (date(2019, 5, 10), 40.0),
    ]
