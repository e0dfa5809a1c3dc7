"""Days between diplomatic announcements and trade-policy changes (tariff effective dates)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

import polars as pl

LAG_SCHEMA = {
    "anchor": pl.String,
    "anchor_id": pl.String,
    "anchor_date": pl.Date,
    "anchor_label": pl.String,
    "prev_id": pl.String,
    "prev_date": pl.Date,
    "prev_label": pl.String,
    "days_since_prev": pl.Int64,
    "next_id": pl.String,
    "next_date": pl.Date,
    "next_label": pl.String,
    "days_to_next": pl.Int64,
}


def _pattern(values: str | Iterable[str]) -> str:
    vals = [values] if isinstance(values, str) else list(values)
    return "(?i)" + "|".join(re.escape(v) for v in vals)


def announcements(
    events: pl.DataFrame,
    *,
    actor: str | Iterable[str] | None = None,
    event_types: Iterable[str] | None = ("diplomatic",),
) -> pl.DataFrame:
    """Events kept as announcements: by type, and by actor (case-insensitive substring)."""
    out = events
    if event_types is not None:
        out = out.filter(pl.col("event_type").is_in(list(event_types)))
    if actor is not None:
        out = out.filter(pl.col("actor").str.contains(_pattern(actor)))
    return out.select(
        pl.col("event_id").alias("id"),
        pl.col("date"),
        pl.col("summary").alias("label"),
    ).sort("date", "id")


def policy_changes(
    actions: pl.DataFrame, *, imposer: str | Iterable[str] | None = None
) -> pl.DataFrame:
    """Tariff actions as dated policy changes (effective date), labelled imposer/layer/rate."""
    out = actions
    if imposer is not None:
        imp = [imposer] if isinstance(imposer, str) else list(imposer)
        out = out.filter(pl.col("imposer").is_in(imp))
    rate = (
        pl.when(pl.col("rate_pct").is_null())
        .then(pl.lit(" (no ad valorem rate)"))
        .otherwise(pl.lit(" → ") + pl.col("rate_pct").round(1).cast(pl.String) + pl.lit("%"))
    )
    return out.select(
        pl.col("action_id").alias("id"),
        pl.col("effective").alias("date"),
        pl.concat_str([pl.col("imposer"), pl.lit(" "), pl.col("layer"), rate]).alias("label"),
    ).sort("date", "id")


def _nearest(
    anchors: pl.DataFrame, others: pl.DataFrame, *, same_day_before: bool, window: int | None
) -> pl.DataFrame:
    """For each anchor, the nearest `others` row before and after it.

    A same-day match counts as 'before' when `same_day_before`, else as 'after'.
    """
    right = others.rename({"id": "oid", "date": "odate", "label": "olabel"})
    a = anchors.sort("date")
    shift = 0 if same_day_before else 1
    prev = a.with_columns((pl.col("date") - timedelta(days=shift)).alias("_k")).join_asof(
        right, left_on="_k", right_on="odate", strategy="backward"
    )
    nxt = a.with_columns((pl.col("date") + timedelta(days=1 - shift)).alias("_k")).join_asof(
        right, left_on="_k", right_on="odate", strategy="forward"
    )
    out = a.select(
        pl.col("id").alias("anchor_id"),
        pl.col("date").alias("anchor_date"),
        pl.col("label").alias("anchor_label"),
        prev.get_column("oid").alias("prev_id"),
        prev.get_column("odate").alias("prev_date"),
        prev.get_column("olabel").alias("prev_label"),
        nxt.get_column("oid").alias("next_id"),
        nxt.get_column("odate").alias("next_date"),
        nxt.get_column("olabel").alias("next_label"),
    ).with_columns(
        (pl.col("anchor_date") - pl.col("prev_date")).dt.total_days().alias("days_since_prev"),
        (pl.col("next_date") - pl.col("anchor_date")).dt.total_days().alias("days_to_next"),
    )
    if window is not None:
        for side, gap in (("prev", "days_since_prev"), ("next", "days_to_next")):
            far = pl.col(gap) > window
            out = out.with_columns(
                pl.when(far).then(None).otherwise(pl.col(c)).alias(c)
                for c in (f"{side}_id", f"{side}_date", f"{side}_label", gap)
            )
    return out


def lag_table(
    events: pl.DataFrame,
    actions: pl.DataFrame,
    *,
    actor: str | Iterable[str] | None = None,
    event_types: Iterable[str] | None = ("diplomatic",),
    window_days: int | None = None,
    imposer: str | Iterable[str] | None = None,
) -> pl.DataFrame:
    """Nearest announcement before/after each policy change, and policy change around each one.

    Rows with `anchor == "policy_change"` start from a tariff action's effective date: `prev_*` is
    the latest announcement on or before it (same day counts as before), `next_*` the first one
    after it. Rows with `anchor == "announcement"` start from an event: `next_*` is the first
    policy change on or after it (same day = gap 0), `prev_*` the last one strictly before it.
    Gaps are calendar days; matches farther than `window_days` are left null. `actor` filters
    events by case-insensitive substring of `actor`; `imposer` filters actions ("US", "CN").
    """
    ann = announcements(events, actor=actor, event_types=event_types)
    pol = policy_changes(actions, imposer=imposer)
    parts = [
        _nearest(pol, ann, same_day_before=True, window=window_days).with_columns(
            pl.lit("policy_change").alias("anchor")
        ),
        _nearest(ann, pol, same_day_before=False, window=window_days).with_columns(
            pl.lit("announcement").alias("anchor")
        ),
    ]
    out = pl.concat([p.select(list(LAG_SCHEMA)).cast(LAG_SCHEMA) for p in parts])
    return out.sort("anchor", "anchor_date", "anchor_id", descending=[True, False, False])
