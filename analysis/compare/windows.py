"""Level and slope of a series in a window before and after an event."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import polars as pl

from analysis.compare.series import as_date, to_series


def _bounds(at: date, window: int | timedelta | str) -> tuple[date, date]:
    """[at − window, at + window]; `window` in days, a timedelta, or a polars span like '6mo'."""
    if isinstance(window, int):
        window = timedelta(days=window)
    if isinstance(window, timedelta):
        return at - window, at + window
    lo = pl.select(pl.lit(at).dt.offset_by(f"-{window}")).item()
    hi = pl.select(pl.lit(at).dt.offset_by(window)).item()
    return lo, hi


def _fit(part: pl.DataFrame) -> tuple[float | None, float | None]:
    """Mean and least-squares slope per day (None when fewer than 1 or 2 points)."""
    if part.height == 0:
        return None, None
    y = part.get_column("value").to_numpy()
    mean = float(y.mean())
    if part.height < 2:
        return mean, None
    x = (part.get_column("date") - part.get_column("date")[0]).dt.total_days().to_numpy()
    slope = float(np.polyfit(x.astype(float), y, 1)[0])
    return mean, slope


def before_after(
    series: pl.DataFrame,
    date: date | datetime | str,
    window: int | timedelta | str,
    *,
    on: str | None = None,
    value: str | None = None,
) -> pl.DataFrame:
    """Rows 'before' ([date − window, date)), 'after' ([date, date + window]) and 'change'.

    Columns: side, n, start, end, level (mean of the values), slope_per_day (OLS), and for
    'change' the after − before differences. Refuses 12-month-ending sums (see `to_series`).
    """
    s = to_series(series, on=on, value=value, what="before_after")
    at = as_date(date)
    lo, hi = _bounds(at, window)
    before = s.filter((pl.col("date") >= lo) & (pl.col("date") < at))
    after = s.filter((pl.col("date") >= at) & (pl.col("date") <= hi))
    rows = []
    for side, part in (("before", before), ("after", after)):
        level, slope = _fit(part)
        rows.append(
            {
                "side": side,
                "n": part.height,
                "start": part.get_column("date").min() if part.height else None,
                "end": part.get_column("date").max() if part.height else None,
                "level": level,
                "slope_per_day": slope,
            }
        )
    b, a = rows

    def diff(k: str) -> float | None:
        return None if a[k] is None or b[k] is None else a[k] - b[k]

    rows.append(
        {
            "side": "change",
            "n": a["n"] + b["n"],
            "start": b["start"],
            "end": a["end"],
            "level": diff("level"),
            "slope_per_day": diff("slope_per_day"),
        }
    )
    schema = {
        "side": pl.String,
        "n": pl.Int64,
        "start": pl.Date,
        "end": pl.Date,
        "level": pl.Float64,
        "slope_per_day": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema).with_columns(pl.lit(at).alias("event_date"))
