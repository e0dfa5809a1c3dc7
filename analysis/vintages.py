"""Release vintages: the newest value as the default view, and revisions lined up across releases.

Every row of `overdose`, `seizures` and `trade` carries the `vintage` (release date) of its file;
all releases stay in the table. `latest` picks the default view, `revisions` shows how the publisher
revised the same observation from one release to the next.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

import polars as pl

from analysis.contracts import TABLES, Table
from analysis.errors import DataError

#: The time column and the value columns of each table with vintages.
TIME = {"overdose": "period_end", "seizures": "month", "trade": "month"}
VALUES = {
    "overdose": ("deaths", "deaths_predicted"),
    "seizures": ("quantity_lbs", "events"),
    "trade": ("value_usd_millions",),
}


def table_of(frame: pl.DataFrame) -> Table:
    """The contract whose key columns (including `vintage`) the frame carries."""
    for name in TIME:
        table = TABLES[name]
        if all(k in frame.columns for k in table.key):
            return table
    msg = "frame is not a table with vintages"
    raise DataError(
        msg,
        column="vintage",
        expected="the key columns of " + " or ".join(TIME),
        found=frame.columns,
        fix="pass a frame loaded by a source loader or read with analysis.store.read",
    )


def observation_key(table: Table) -> list[str]:
    """The key without `vintage`: what identifies one observation across releases."""
    return [k for k in table.key if k != "vintage"]


def latest(
    frame: pl.DataFrame, *, per: Literal["observation", "series", "source"] = "observation"
) -> pl.DataFrame:
    """Keep the newest vintage: for each observation (default), each series, or each source.

    `observation` gives the longest, most recent series: the newest release's value wherever it
    has one, older releases only for what newer ones do not cover (e.g. the June 2026 VSRR API
    extract holds only T40.4, so other indicators come from the January 2025 release). `series`
    keeps, per series (observation key minus the time column), only its newest release; `source`
    keeps only the newest release of each source.
    """
    table = table_of(frame)
    obs = observation_key(table)
    group = {
        "observation": obs,
        "series": [k for k in obs if k != TIME[table.name]],
        "source": ["source"],
    }.get(per)
    if group is None:
        msg = "unknown `per`"
        raise DataError(
            msg, expected="observation, series or source", found=per, fix="pick one of those"
        )
    return frame.filter(pl.col("vintage") == pl.col("vintage").max().over(group)).sort(obs)


def revisions(
    frame: pl.DataFrame,
    *,
    value: str | None = None,
    wide: bool = False,
    **filters: object,
) -> pl.DataFrame:
    """The same observations across vintages, oldest release first, with the change per release.

    Filters are column=value (a list/tuple/set means any of them); dates may be given as
    `date`, 'YYYY-MM-DD' or 'YYYY-MM' (the month's `period_end`/`month`). Long form: one row per
    observation and vintage, with `value`, `revision` (change from the previous release) and
    `n_vintages`. `wide=True` pivots to one column per vintage (ISO date names).
    Example: `revisions(overdose, geo="US", indicator="synthetic_opioids", period_end="2023-12")`.
    """
    table = table_of(frame)
    value = value or VALUES[table.name][0]
    obs = observation_key(table)
    for col, want in filters.items():
        frame = frame.filter(_condition(frame, table, col, want))
    out = (
        frame.select(*obs, "vintage", value)
        .sort([*obs, "vintage"])
        .with_columns(
            (pl.col(value) - pl.col(value).shift(1).over(obs)).alias("revision"),
            pl.len().over(obs).cast(pl.Int64).alias("n_vintages"),
        )
    )
    if not wide:
        return out
    return (
        out.with_columns(pl.col("vintage").dt.to_string("%Y-%m-%d"))
        .pivot(on="vintage", index=obs, values=value, sort_columns=True)
        .sort(obs)
    )


def _condition(frame: pl.DataFrame, table: Table, col: str, want: object) -> pl.Expr:
    if col not in frame.columns:
        msg = f"cannot filter on '{col}'"
        raise DataError(
            msg,
            column=col,
            expected="one of " + ", ".join(frame.columns),
            found=col,
            fix="filter on a column of the table",
        )
    values = list(want) if isinstance(want, Iterable) and not isinstance(want, str) else [want]
    if frame.schema[col] == pl.Date:
        values = [_as_date(v, month_end=col == "period_end") for v in values]
    return pl.col(col).is_in(values)


def _as_date(value: object, *, month_end: bool) -> date:
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        if len(text) == 7:
            first = date.fromisoformat(text + "-01")
            if not month_end:
                return first
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date.fromisoformat(text)
    except ValueError:
        msg = "not a date"
        raise DataError(
            msg, expected="a date, 'YYYY-MM-DD' or 'YYYY-MM'", found=text, fix="fix the filter"
        ) from None
