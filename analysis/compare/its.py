"""Interrupted time series: segmented OLS with Newey–West (HAC) errors, optional placebo dates."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import numpy as np
import polars as pl

from analysis.compare.series import as_date, to_series
from analysis.errors import DataError

TIDY_SCHEMA = {
    "kind": pl.String,
    "intervention": pl.Date,
    "term": pl.String,
    "estimate": pl.Float64,
    "std_error": pl.Float64,
    "statistic": pl.Float64,
    "p_value": pl.Float64,
    "ci_low": pl.Float64,
    "ci_high": pl.Float64,
    "n": pl.Int64,
    "unit": pl.String,
    "maxlags": pl.Int64,
}


def _month_index(d: pl.Series) -> np.ndarray:
    return (d.dt.year().cast(pl.Int64) * 12 + d.dt.month().cast(pl.Int64)).to_numpy()


def _is_monthly(d: pl.Series) -> bool:
    """One observation per calendar month, consecutive months."""
    m = _month_index(d)
    return len(m) > 1 and bool(np.all(np.diff(m) == 1))


def _clock(d: pl.Series, at: date, monthly: bool) -> tuple[np.ndarray, int]:
    """Time index of every observation and of `at`, in months or days."""
    if monthly:
        m = _month_index(d)
        return m - m[0], at.year * 12 + at.month - int(m[0])
    days = (d - d[0]).dt.total_days().to_numpy()
    return days, (at - d[0]).days


def _design(
    s: pl.DataFrame, dates: Sequence[date], *, seasonality: bool, monthly: bool
) -> tuple[np.ndarray, list[tuple[str, date | None]]]:
    d = s.get_column("date")
    t, _ = _clock(d, dates[0] if dates else d[0], monthly)
    cols: list[np.ndarray] = [np.ones(len(t)), t.astype(float)]
    names: list[tuple[str, date | None]] = [("intercept", None), ("trend", None)]
    post_dates = d.to_numpy()
    for at in dates:
        _, t0 = _clock(d, at, monthly)
        post = (post_dates >= np.datetime64(at)).astype(float)
        cols += [post, (t - t0) * post]
        names += [("level_change", at), ("slope_change", at)]
    if seasonality:
        month = d.dt.month().to_numpy()
        for m in range(2, 13):
            cols.append((month == m).astype(float))
            names.append((f"month_{m:02d}", None))
    return np.column_stack(cols), names


def _check_segments(s: pl.DataFrame, dates: Sequence[date]) -> None:
    d = s.get_column("date")
    for at in dates:
        before = int((d < at).sum())
        after = s.height - before
        if before < 2 or after < 2:
            msg = "intervention too close to the edge of the series"
            raise DataError(
                msg,
                column="date",
                expected="at least 2 observations before and 2 on/after each date",
                found=f"{at}: {before} before, {after} after",
                fix="drop the date or extend the series",
            )


def _fit(
    s: pl.DataFrame,
    dates: Sequence[date],
    *,
    seasonality: bool,
    monthly: bool,
    maxlags: int,
    alpha: float,
) -> list[dict]:
    import statsmodels.api as sm

    x, names = _design(s, dates, seasonality=seasonality, monthly=monthly)
    if np.linalg.matrix_rank(x) < x.shape[1] or x.shape[0] <= x.shape[1] + 1:
        msg = "segmented regression is not identified"
        raise DataError(
            msg,
            expected=f"more than {x.shape[1] + 1} observations and distinct segments",
            found=f"{x.shape[0]} observations, {x.shape[1]} terms",
            fix="use fewer intervention dates, no seasonality, or a longer series",
        )
    y = s.get_column("value").to_numpy()
    res = sm.OLS(y, x).fit(cov_type="HAC", cov_kwds={"maxlags": maxlags})
    ci = np.asarray(res.conf_int(alpha))
    return [
        {
            "intervention": at,
            "term": term,
            "estimate": float(res.params[i]),
            "std_error": float(res.bse[i]),
            "statistic": float(res.tvalues[i]),
            "p_value": float(res.pvalues[i]),
            "ci_low": float(ci[i, 0]),
            "ci_high": float(ci[i, 1]),
        }
        for i, (term, at) in enumerate(names)
    ]


def interrupted_time_series(
    series: pl.DataFrame,
    dates: Iterable[date | datetime | str] | date | str,
    *,
    seasonality: bool = False,
    placebo_dates: Iterable[date | datetime | str] | None = None,
    maxlags: int | None = None,
    alpha: float = 0.05,
    on: str | None = None,
    value: str | None = None,
) -> pl.DataFrame:
    """Segmented regression y = a + b·t + Σ (level_k·post_k + slope_k·(t − t_k)·post_k) [+ months].

    `t` counts months when the series has one value per consecutive calendar month, else days
    (column `unit`). Errors are Newey–West HAC with `maxlags` (default ⌊4(n/100)^(2/9)⌋). Each
    placebo date is fitted in its own model beside the real dates; its rows have kind 'placebo'
    and should be near 0. Refuses 12-month-ending rolling sums: pass monthly values.
    """
    s = to_series(series, on=on, value=value, what="interrupted_time_series")
    if isinstance(dates, date | datetime | str):
        dates = [dates]
    real = sorted({as_date(d) for d in dates})
    monthly = _is_monthly(s.get_column("date"))
    if seasonality and not monthly:
        msg = "seasonality needs one value per consecutive calendar month"
        raise DataError(msg, expected="a monthly series", fix="aggregate to months first")
    lags = maxlags if maxlags is not None else math.floor(4 * (s.height / 100) ** (2 / 9))
    common = {"seasonality": seasonality, "monthly": monthly, "maxlags": lags, "alpha": alpha}
    _check_segments(s, real)
    rows = [{"kind": "model", **r} for r in _fit(s, real, **common)]
    for p in sorted({as_date(d) for d in placebo_dates or ()}):
        _check_segments(s, [p])
        fitted = _fit(s, sorted({*real, p}), **common)
        rows += [{"kind": "placebo", **r} for r in fitted if r["intervention"] == p]
    extra = {"n": s.height, "unit": "month" if monthly else "day", "maxlags": lags}
    return pl.DataFrame([{**r, **extra} for r in rows], schema=TIDY_SCHEMA)
