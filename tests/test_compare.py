"""analysis.compare on series with known answers: lags, counts, before/after, ITS, rolling sums."""

from datetime import date, timedelta

import numpy as np
import polars as pl
import pytest

from analysis.compare import (
    before_after,
    event_counts,
    interrupted_time_series,
    lag_table,
    monthly_from_rolling,
    rolling_change,
)
from analysis.contracts import EVENTS, TARIFF_ACTIONS, validate
from analysis.errors import DataError


def make_events(rows: list[tuple[str, str, str, str]]) -> pl.DataFrame:
    """(event_id, ISO date, event_type, actor) → a frame that passes the events contract."""
    n = len(rows)
    frame = pl.DataFrame(
        {
            "event_id": [r[0] for r in rows],
            "date": [date.fromisoformat(r[1]) for r in rows],
            "date_precision": ["day"] * n,
            "date_basis": ["explicit"] * n,
            "announced": [None] * n,
            "event_type": [r[2] for r in rows],
            "actor": [r[3] for r in rows],
            "counterpart": ["US"] * n,
            "summary": [f"summary {r[0]}" for r in rows],
            "evidence": [None] * n,
            "article_id": [None] * n,
            "origin": ["curated"] * n,
            "citation": ["test"] * n,
            "confidence": [1.0] * n,
            "n_sources": [1] * n,
        },
        schema=EVENTS.schema,
    )
    return validate(frame, EVENTS)


def make_actions(rows: list[tuple[str, str, str, float]]) -> pl.DataFrame:
    """(action_id, ISO effective date, imposer, rate) → a frame passing tariff_actions."""
    n = len(rows)
    eff = [date.fromisoformat(r[1]) for r in rows]
    frame = pl.DataFrame(
        {
            "action_id": [r[0] for r in rows],
            "announced": [d - timedelta(days=5) for d in eff],
            "effective": eff,
            "ends": [None] * n,
            "imposer": [r[2] for r in rows],
            "target": ["CN" if r[2] == "US" else "US" for r in rows],
            "authority": ["ieepa_fentanyl"] * n,
            "layer": ["ieepa_fentanyl"] * n,
            "rate_pct": [r[3] for r in rows],
            "coverage": ["all"] * n,
            "citation": ["test"] * n,
            "note": [None] * n,
        },
        schema=TARIFF_ACTIONS.schema,
    )
    return validate(frame, TARIFF_ACTIONS)


EVENTS_ = make_events(
    [
        ("e1", "2025-01-20", "diplomatic", "China (MOFCOM)"),
        ("e2", "2025-02-01", "diplomatic", "US (Trump)"),
        ("e3", "2025-03-04", "diplomatic", "China (MFA)"),
        ("x1", "2025-02-03", "enforcement", "China (MPS)"),
    ]
)
ACTIONS = make_actions(
    [
        ("a1", "2025-02-04", "US", 10.0),
        ("a2", "2025-03-04", "US", 20.0),
        ("c1", "2025-02-10", "CN", 15.0),
    ]
)


def test_lag_table_known_gaps() -> None:
    lags = lag_table(EVENTS_, ACTIONS)
    pol = lags.filter(pl.col("anchor") == "policy_change").sort("anchor_id")
    a1 = pol.row(0, named=True)
    assert (a1["anchor_id"], a1["prev_id"], a1["days_since_prev"]) == ("a1", "e2", 3)
    assert (a1["next_id"], a1["days_to_next"]) == ("e3", 28)
    # a same-day announcement counts as preceding the policy change (gap 0)
    a2 = pol.filter(pl.col("anchor_id") == "a2").row(0, named=True)
    assert (a2["prev_id"], a2["days_since_prev"], a2["next_id"]) == ("e3", 0, None)
    ann = lags.filter(pl.col("anchor") == "announcement").sort("anchor_date")
    assert ann.get_column("next_id").to_list() == ["a1", "a1", "a2"]
    assert ann.get_column("days_to_next").to_list() == [15, 3, 0]
    assert ann.get_column("prev_id").to_list() == [None, None, "c1"]
    # the enforcement event is not an announcement by default
    assert "x1" not in lags.get_column("anchor_id").to_list()
    assert "x1" not in lags.get_column("prev_id").to_list()


def test_lag_table_filters() -> None:
    china = lag_table(EVENTS_, ACTIONS, actor="china", imposer="US")
    a1 = china.filter(pl.col("anchor_id") == "a1").row(0, named=True)
    assert (a1["prev_id"], a1["days_since_prev"]) == ("e1", 15)
    near = lag_table(EVENTS_, ACTIONS, window_days=10)
    a1 = near.filter(pl.col("anchor_id") == "a1").row(0, named=True)
    assert a1["prev_id"] == "e2" and a1["next_id"] is None and a1["days_to_next"] is None
    enf = lag_table(EVENTS_, ACTIONS, event_types=["enforcement"])
    assert enf.filter(pl.col("anchor_id") == "a1").item(0, "prev_id") == "x1"


def test_lag_table_empty_inputs() -> None:
    out = lag_table(EVENTS_.head(0), ACTIONS)
    assert out.filter(pl.col("anchor") == "announcement").height == 0
    assert out.filter(pl.col("anchor") == "policy_change").get_column("prev_id").null_count() == 3


def test_event_counts_week_and_month() -> None:
    month = event_counts(EVENTS_, "month", by=("event_type",))
    got = {(r["period"], r["event_type"]): r["n"] for r in month.iter_rows(named=True)}
    assert got == {
        (date(2025, 1, 1), "diplomatic"): 1,
        (date(2025, 2, 1), "diplomatic"): 1,
        (date(2025, 2, 1), "enforcement"): 1,
        (date(2025, 3, 1), "diplomatic"): 1,
    }
    week = event_counts(EVENTS_, "week", by=())
    # 2025-02-01 (Sat) falls in the week of Monday 2025-01-27; 2025-02-03 is a Monday
    assert dict(week.iter_rows()) == {
        date(2025, 1, 20): 1,
        date(2025, 1, 27): 1,
        date(2025, 2, 3): 1,
        date(2025, 3, 3): 1,
    }
    with pytest.raises(DataError, match="week"):
        event_counts(EVENTS_, "day")  # type: ignore[arg-type]


def monthly(values: np.ndarray, start: date = date(2018, 1, 31)) -> pl.DataFrame:
    dates = pl.date_range(start, start + timedelta(days=31 * len(values)), "1mo", eager=True)
    ends = dates.dt.month_end().head(len(values))
    return pl.DataFrame({"date": ends, "value": values.astype(float)})


def test_before_after_known_step() -> None:
    days = pl.date_range(date(2024, 1, 1), date(2024, 12, 31), "1d", eager=True)
    y = np.where(days.to_numpy() >= np.datetime64("2024-07-01"), 15.0, 5.0) + 0.5 * np.arange(
        len(days)
    )
    s = pl.DataFrame({"date": days, "value": y})
    out = before_after(s, "2024-07-01", 30)
    b, a, c = out.iter_rows(named=True)
    assert (b["n"], a["n"]) == (30, 31)
    assert b["slope_per_day"] == pytest.approx(0.5) and a["slope_per_day"] == pytest.approx(0.5)
    # levels: mean of the 30 days before vs 31 days after, step 10 plus the 0.5/day trend
    assert c["level"] == pytest.approx(10 + 0.5 * 30.5)
    assert c["slope_per_day"] == pytest.approx(0.0, abs=1e-9)
    months = before_after(monthly(np.arange(24)), "2019-01-15", "6mo")
    assert months.get_column("n").to_list() == [6, 6, 12]


def test_its_recovers_step_and_slope_change() -> None:
    rng = np.random.default_rng(7)
    n = 72
    t = np.arange(n)
    post = t >= 36
    y = 100 + 2 * t + 50 * post + 3 * (t - 36) * post + rng.normal(0, 1, n)
    s = monthly(y)
    at = s.get_column("date")[36]
    out = interrupted_time_series(s, [at], placebo_dates=[s.get_column("date")[18]])
    model = out.filter(pl.col("kind") == "model")
    est = dict(zip(model.get_column("term"), model.get_column("estimate"), strict=True))
    assert est["level_change"] == pytest.approx(50, abs=2)
    assert est["slope_change"] == pytest.approx(3, abs=0.2)
    assert est["trend"] == pytest.approx(2, abs=0.2)
    lvl = model.filter(pl.col("term") == "level_change").row(0, named=True)
    assert lvl["ci_low"] < lvl["estimate"] < lvl["ci_high"] and lvl["p_value"] < 1e-6
    assert abs(lvl["estimate"] - 50) < 4 * lvl["std_error"]
    assert set(out.get_column("unit")) == {"month"} and out.item(0, "maxlags") == 3
    placebo = out.filter(pl.col("kind") == "placebo")
    assert placebo.height == 2
    lvl_p = placebo.filter(pl.col("term") == "level_change").row(0, named=True)
    assert abs(lvl_p["estimate"]) < 2 and abs(lvl_p["estimate"]) < 4 * lvl_p["std_error"]


def test_its_seasonality_absorbs_month_pattern() -> None:
    n = 60
    t = np.arange(n)
    season = np.tile([0, 5, -3, 8, 0, 0, 2, 0, -6, 0, 4, 1], 5)
    y = 10 + 0.5 * t + 20 * (t >= 30) + season
    s = monthly(y.astype(float))
    out = interrupted_time_series(s, s.get_column("date")[30], seasonality=True)
    est = dict(zip(out.get_column("term"), out.get_column("estimate"), strict=True))
    assert est["level_change"] == pytest.approx(20, abs=1e-6)
    assert est["month_02"] == pytest.approx(5, abs=1e-6)


def test_its_refuses_rolling_sums() -> None:
    frame = monthly(np.arange(40)).rename({"date": "period_end", "value": "deaths"})
    rolling = frame.with_columns(pl.lit("12m").alias("window"))
    with pytest.raises(DataError, match=r"12-month-ending.*fix: use window == '1m'"):
        interrupted_time_series(rolling, "2019-06-30")
    with pytest.raises(DataError, match="12-month-ending"):
        before_after(rolling, "2019-06-30", 90)
    ok = interrupted_time_series(frame.with_columns(pl.lit("1m").alias("window")), "2019-06-30")
    assert ok.height == 4


def test_its_rejects_edge_dates() -> None:
    s = monthly(np.arange(12))
    with pytest.raises(DataError, match="too close"):
        interrupted_time_series(s, s.get_column("date")[11])


def test_monthly_from_rolling_roundtrip() -> None:
    rng = np.random.default_rng(1)
    m = rng.integers(50, 150, 48).astype(float)
    months = monthly(m).rename({"date": "period_end", "value": "deaths"})
    rolling = months.with_columns(pl.col("deaths").rolling_sum(12)).drop_nulls()  # from month 12
    anchor = months.slice(20, 12)
    out = monthly_from_rolling(rolling, anchor)
    assert out.get_column("period_end").to_list() == months.get_column("period_end").to_list()
    np.testing.assert_allclose(out.get_column("value").to_numpy(), m)
    assert out.filter(pl.col("basis") == "anchor").height == 12
    change = rolling_change(rolling)
    got = change.get_column("change_vs_year_earlier").to_numpy()
    np.testing.assert_allclose(got, m[12:] - m[:36])
    with pytest.raises(DataError, match="12 consecutive"):
        monthly_from_rolling(rolling, anchor.head(11))


def test_monthly_from_rolling_on_embedded_cdc_data(make_project) -> None:
    """VSRR 12-month-ending sums + WONDER 2016 months give back WONDER's 2015 months."""
    from analysis import pipeline, store

    root = make_project(["cdc_vsrr", "cdc_wonder"])
    pipeline.build(["overdose"], log=lambda _m: None)
    od = store.read("overdose", root / "data" / "processed").filter(
        (pl.col("geo") == "US") & (pl.col("indicator") == "synthetic_opioids")
    )
    rolling = od.filter((pl.col("window") == "12m") & (pl.col("vintage") == date(2025, 1, 1)))
    wonder = od.filter(pl.col("window") == "1m")
    with pytest.raises(DataError, match="12-month-ending"):
        interrupted_time_series(rolling, "2019-06-30")
    anchor = wonder.filter(pl.col("period_end").dt.year() == 2016)
    derived = monthly_from_rolling(rolling, anchor)
    y2015 = derived.filter(pl.col("period_end").dt.year() == 2015).join(
        wonder.select("period_end", "deaths"), on="period_end"
    )
    assert y2015.height == 12 and set(y2015.get_column("basis")) == {"derived"}
    # provisional (VSRR) and final (WONDER) counts differ slightly, month by month
    ratio = y2015.get_column("value") / y2015.get_column("deaths")
    assert ratio.min() > 0.85 and ratio.max() < 1.15
    assert abs(y2015.get_column("value").sum() / y2015.get_column("deaths").sum() - 1) < 0.03
