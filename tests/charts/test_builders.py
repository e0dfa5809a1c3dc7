"""Chart builders on small synthetic tables: structure, provenance, limits, empty selections."""

from datetime import date

import polars as pl
import pytest
from chart_checks import check_spec, has_dual_y, inline_values, views
from chart_fixtures import events, overdose, seizures, tables, tariff_actions, tariff_rates

from analysis.charts import (
    diplomacy_vs_trade,
    event_counts_chart,
    lag_chart,
    overdose_trend,
    policy_timeline,
    seizures_trend,
    state_small_multiples,
    tariff_steps,
)
from analysis.charts.common import shown_of
from analysis.compare import lag_table
from analysis.errors import DataError


def dataset(spec: dict) -> list[dict]:
    (values,) = [v for v in inline_values(spec) if v and "message" not in v[0]]
    return values


def test_policy_timeline_lanes_and_tooltips() -> None:
    chart = policy_timeline(events())
    spec = chart.to_dict()
    check_spec(spec)
    tips = {t["title"] for t in spec["encoding"]["tooltip"]}
    assert {"Summary", "Evidence", "Citation", "Date"} <= tips
    assert spec["encoding"]["x"]["scale"]["type"] == "utc"
    rows = dataset(spec)
    assert {r["lane"] for r in rows} == {"diplomatic", "trade_policy", "enforcement"}
    assert rows[0]["date"] == "2024-11-25"
    by_actor = policy_timeline(events(), lanes="actor", event_types=["diplomatic"]).to_dict()
    assert {r["lane"] for r in dataset(by_actor)} == {
        "China (MFA)",
        "China (MOFCOM)",
        "US (USTR)",
    }
    only = policy_timeline(events(), actors=["mofcom"], start=date(2025, 1, 1))
    assert shown_of(only).get_column("event_id").to_list() == ["e3"]


def test_tariff_steps_hold_last_rate_and_label_actions() -> None:
    chart = tariff_steps(tariff_rates(), tariff_actions(), imposer="US")
    spec = chart.to_dict()
    check_spec(spec)
    shown = shown_of(chart)
    rates = shown.filter(pl.col("panel") == "rate")
    total = rates.filter(pl.col("series") == "total").sort("date")
    # the last step is carried forward so it shows as a segment
    assert total.get_column("rate_pct").to_list()[-2:] == [32.0, 32.0]
    assert total.get_column("kind").to_list()[-1] == "held"
    acts = shown.filter(pl.col("panel") == "action")
    assert acts.get_column("action_id").to_list() == ["a1", "a2"]
    marks = [v["mark"]["type"] for v in views(spec) if "mark" in v]
    assert marks.count("rule") == 1 and "text" in marks
    both = tariff_steps(tariff_rates(), imposer=None, layers=["total"])
    assert set(shown_of(both).get_column("series")) == {"US total", "CN total"}


def test_overdose_trend_reported_predicted_and_rules() -> None:
    chart = overdose_trend(overdose(), events=events(), indicators=["synthetic_opioids"])
    spec = chart.to_dict()
    check_spec(spec)
    shown = shown_of(chart)
    lines = shown.filter(pl.col("panel") == "overdose")
    assert set(lines.get_column("measure")) == {"reported", "predicted"}
    assert lines.filter(pl.col("measure") == "reported").height == 36
    assert shown.filter(pl.col("panel") == "event").height == 4  # diplomatic + trade_policy
    assert "CDC NCHS" in spec["usermeta"]["precursor"]["source_line"]
    states = overdose_trend(overdose(), geo=["S0", "S1"], indicators=["all_drugs"])
    assert set(shown_of(states).get_column("series")) == {"S0 · All drugs", "S1 · All drugs"}


def test_overdose_newest_release_per_series() -> None:
    old = overdose()
    new = old.filter(pl.col("indicator") == "synthetic_opioids").with_columns(
        pl.lit(date(2026, 6, 1)).alias("vintage"), (pl.col("deaths") + 1).alias("deaths")
    )
    chart = overdose_trend(pl.concat([old, new]), indicators=["synthetic_opioids", "all_drugs"])
    shown = shown_of(chart)
    assert set(shown.filter(pl.col("series").str.contains("T40.4")).get_column("vintage")) == {
        "2026-06-01"
    }
    assert set(shown.filter(pl.col("series") == "All drugs").get_column("vintage")) == {
        "2025-01-08"
    }


def test_state_small_multiples_thins_to_stay_under_limit() -> None:
    big = overdose(states=60, months=100)  # 60 states × 100 months = 6,000 rows
    chart = state_small_multiples(big, indicator="synthetic_opioids")
    spec = chart.to_dict()
    check_spec(spec)
    shown = shown_of(chart)
    assert shown.height == 60 * 33 and "quarter" in spec["title"]["subtitle"][0]
    small = state_small_multiples(overdose(), indicator="all_drugs", states=["S1"])
    assert set(shown_of(small).get_column("geo")) == {"S1"}


def test_seizures_sum_per_month() -> None:
    s = seizures()
    doubled = pl.concat([s, s.with_columns(pl.lit("AMO").alias("component"))])
    chart = seizures_trend(doubled)
    check_spec(chart.to_dict())
    shown = shown_of(chart)
    assert shown.height == 12 and shown.get_column("quantity_lbs")[0] == 200.0
    older = s.with_columns(
        pl.lit(date(2024, 1, 1)).alias("vintage"), pl.lit(1.0).alias("quantity_lbs")
    )
    assert shown_of(seizures_trend(pl.concat([s, older]))).get_column("quantity_lbs")[0] == 100.0


def test_event_counts_chart_stacks_types_per_month() -> None:
    chart = event_counts_chart(events())
    check_spec(chart.to_dict())
    shown = shown_of(chart)
    assert shown.filter(pl.col("date") == "2025-02-01").get_column("n").to_list() == [1]
    assert shown.get_column("n").sum() == 5
    weekly = shown_of(event_counts_chart(events(), freq="week"))
    assert "2025-02-03" in weekly.get_column("date").to_list()  # a Monday


def test_lag_chart_from_lag_table() -> None:
    lags = lag_table(events(), tariff_actions())
    chart = lag_chart(lags)
    check_spec(chart.to_dict())
    shown = shown_of(chart)
    a1 = shown.filter(pl.col("anchor_id") == "a1").row(0, named=True)
    assert (a1["before_days"], a1["after_days"]) == (0, 97)
    assert a1["change"] == "2025-02-04  US ieepa_fentanyl → 10.0%"


def test_lag_chart_labels_a_busy_day_by_its_first_change() -> None:
    """Several changes on one day: one row, labelled '+N more'; the tooltip lists them all."""
    acts = tariff_actions()
    same_day = acts.filter(pl.col("action_id") == "c1").with_columns(
        pl.lit("c2").alias("action_id"), pl.lit("retaliation_b").alias("layer")
    )
    chart = lag_chart(lag_table(events(), pl.concat([acts, same_day])))
    row = shown_of(chart).filter(pl.col("date") == "2025-02-10").row(0, named=True)
    assert row["n_changes"] == 2
    assert row["change"] == "2025-02-10  CN retaliation → 15.0% +1 more"
    assert row["changes"] == "CN retaliation → 15.0%; CN retaliation_b → 15.0%"


def test_headline_panels_share_the_time_axis_and_zoom() -> None:
    t = tables()
    chart = diplomacy_vs_trade(t["events"], t["tariff_rates"], t["overdose"])
    spec = chart.to_dict()
    check_spec(spec)
    top, middle, bottom = spec["vconcat"]
    (brush,) = spec["params"]
    assert brush["select"] == {"type": "interval", "encodings": ["x"]}
    assert brush["views"] == [top["name"]]  # the brush lives on the events panel
    for panel in (middle, bottom):
        x = panel["encoding"]["x"] if "encoding" in panel else panel["layer"][0]["encoding"]["x"]
        assert "brush.date" in x["scale"]["domain"]["expr"]
        assert "utc(2017, 0, 1)" in x["scale"]["domain"]["expr"]
    assert top["encoding"]["x"]["scale"]["domain"][0] == "2017-01-01"
    assert set(shown_of(chart).get_column("panel")) == {"events", "rate", "overdose"}


def test_empty_selection_says_so() -> None:
    t = tables()
    cases = [
        policy_timeline(events(), event_types=["public_health"]),
        tariff_steps(tariff_rates(), imposer="US", layers=["nope"]),
        overdose_trend(overdose(), geo="ZZ"),
        state_small_multiples(overdose(), indicator="heroin"),
        seizures_trend(seizures(), drugs=["khat"]),
        lag_chart(lag_table(events().head(0), tariff_actions().head(0))),
        event_counts_chart(events(), start=date(2030, 1, 1)),
        diplomacy_vs_trade(t["events"].head(0), t["tariff_rates"].head(0), t["overdose"].head(0)),
    ]
    for chart in cases:
        spec = chart.to_dict()
        check_spec(spec)
        assert spec["mark"]["type"] == "text"
        (values,) = inline_values(spec)
        assert values == [{"message": "No data for this selection"}]


def test_headline_with_one_empty_panel_still_draws() -> None:
    t = tables()
    chart = diplomacy_vs_trade(t["events"], t["tariff_rates"], t["overdose"].head(0))
    spec = chart.to_dict()
    assert len(spec["vconcat"]) == 3 and spec["vconcat"][2]["mark"]["type"] == "text"


def test_too_many_rows_refused() -> None:
    many = pl.concat([events().with_columns(pl.col("event_id") + f"-{i}") for i in range(1001)])
    with pytest.raises(DataError, match="at most 5000 rows"):
        policy_timeline(many)


def test_dual_axis_detector() -> None:
    spec = {
        "layer": [
            {"mark": "line", "encoding": {"y": {"field": "a"}}},
            {"mark": "line", "encoding": {"y": {"field": "b"}}},
        ],
        "resolve": {"scale": {"y": "independent"}},
    }
    assert has_dual_y(spec)
    assert not has_dual_y({"layer": [spec["layer"][0]]})
