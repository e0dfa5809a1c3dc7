"""Turn the caller's frame into a sorted (date, value) series, refusing 12-month-ending sums."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from analysis.errors import DataError

DATE_NAMES = ("date", "period_end", "month")
VALUE_NAMES = ("value", "deaths", "quantity_lbs", "rate_pct", "value_usd_millions", "events")


def refuse_rolling(frame: pl.DataFrame, what: str) -> None:
    """Raise when `frame` holds 12-month-ending rolling sums (column `window` == '12m')."""
    if "window" not in frame.columns:
        return
    windows = frame.get_column("window").drop_nulls().unique().to_list()
    if "12m" in windows:
        msg = (
            f"{what} needs monthly values, but the series is a 12-month-ending rolling sum; "
            "consecutive values share 11 months, so their differences and errors are not monthly"
        )
        raise DataError(
            msg,
            column="window",
            expected="'1m' (monthly counts)",
            found="'12m'",
            fix="use window == '1m' rows (CDC WONDER), derive monthly values with "
            "analysis.compare.monthly_from_rolling(rolling, anchor), or study "
            "rolling_change() (the year-over-year change of the month)",
        )


def to_series(
    frame: pl.DataFrame, *, on: str | None = None, value: str | None = None, what: str
) -> pl.DataFrame:
    """A frame with columns `date` (Date) and `value` (Float64), sorted, nulls dropped."""
    refuse_rolling(frame, what)
    on = on or next((c for c in DATE_NAMES if c in frame.columns), None)
    value = value or next((c for c in VALUE_NAMES if c in frame.columns), None)
    if on is None or value is None:
        msg = f"{what}: cannot tell the date and value columns"
        raise DataError(
            msg,
            expected=f"a date column ({', '.join(DATE_NAMES)}) and a value column "
            f"({', '.join(VALUE_NAMES)})",
            found=frame.columns,
            fix="pass on=... and value=...",
        )
    out = (
        frame.select(pl.col(on).cast(pl.Date).alias("date"), pl.col(value).cast(pl.Float64))
        .rename({value: "value"})
        .drop_nulls()
        .sort("date")
    )
    dup = out.get_column("date").is_duplicated()
    if dup.any():
        first = out.filter(dup).get_column("date")[0]
        msg = f"{what}: several values share a date (filter to one series first)"
        raise DataError(
            msg,
            column=on,
            expected="one value per date",
            found=str(first),
            fix="filter geo/indicator/vintage/source to a single series",
        )
    return out


def as_date(value: date | datetime | str) -> date:
    """Accept a date, a datetime (its calendar day) or an ISO 'YYYY-MM-DD' string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        msg = "not a date"
        raise DataError(msg, expected="YYYY-MM-DD", found=value, fix="pass an ISO date") from None
