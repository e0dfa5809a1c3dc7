"""Events counted per week (Monday start) or calendar month, by type and actor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import polars as pl

from analysis.errors import DataError

EVERY = {"week": "1w", "month": "1mo"}


def event_counts(
    events: pl.DataFrame,
    freq: Literal["week", "month"] = "month",
    by: Sequence[str] = ("event_type", "actor"),
) -> pl.DataFrame:
    """Columns `period` (week Monday or month start), `by`…, `n`; periods with no event omitted."""
    if freq not in EVERY:
        msg = "unknown frequency"
        raise DataError(msg, expected="'week' or 'month'", found=freq, fix="pick one")
    missing = [c for c in by if c not in events.columns]
    if missing:
        msg = "cannot group events"
        raise DataError(
            msg, column=missing[0], expected=f"columns of events {events.columns}", fix="fix by="
        )
    return (
        events.with_columns(pl.col("date").dt.truncate(EVERY[freq]).alias("period"))
        .group_by("period", *by)
        .agg(pl.len().cast(pl.Int64).alias("n"))
        .sort("period", *by)
    )
