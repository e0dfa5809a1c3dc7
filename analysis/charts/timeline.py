"""Events in lanes (by type or actor) on a calendar time axis, with summary/evidence tooltips."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

import altair as alt
import polars as pl

from analysis.charts.captions import combine, provenance
from analysis.charts.common import (
    Meta,
    check_rows,
    clip,
    data_of,
    day_tip,
    finish,
    iso,
    no_data,
    span_of,
    time_x,
    truncate,
)
from analysis.charts.theme import EVENT_COLORS, WIDTH

LANE_ORDER = ("diplomatic", "trade_policy", "enforcement", "public_health")


#: Lanes by actor: the most frequent actors get a lane each, the rest share one.
MAX_ACTOR_LANES = 12
#: Lane labels longer than this are cut with an ellipsis (axis labels are never truncated).
LANE_CHARS = 36


def actor_lanes(frame: pl.DataFrame, limit: int = MAX_ACTOR_LANES) -> pl.Expr:
    """The actor as its lane, or 'other actors' beyond the `limit` most frequent ones."""
    counts = frame.get_column("actor").value_counts(sort=True)
    top = counts.get_column("actor").head(limit).to_list()
    if counts.height <= limit:
        return pl.col("actor")
    return (
        pl.when(pl.col("actor").is_in(top)).then(pl.col("actor")).otherwise(pl.lit("other actors"))
    )


def event_frame(
    events: pl.DataFrame,
    *,
    lanes: Literal["event_type", "actor"] = "event_type",
    start: date | None = None,
    end: date | None = None,
    event_types: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
) -> pl.DataFrame:
    """The events a timeline shows: filtered, one lane per row, text trimmed for tooltips."""
    f = clip(events, "date", start, end)
    if event_types is not None:
        f = f.filter(pl.col("event_type").is_in(list(event_types)))
    if actors is not None:
        pattern = "(?i)" + "|".join(re.escape(a) for a in actors)
        f = f.filter(pl.col("actor").str.contains(pattern))
    lane = actor_lanes(f) if lanes == "actor" else pl.col("event_type")
    return (
        f.sort("date", "event_id")
        .select(
            iso("date"),
            lane.alias("lane"),
            "event_type",
            "actor",
            pl.col("counterpart").fill_null(""),
            truncate("summary", 200),
            truncate("evidence", 300).fill_null(""),
            truncate("citation", 200),
            "origin",
            "event_id",
        )
        .with_columns(truncate("lane", LANE_CHARS))
    )


def lane_layer(
    shown: pl.DataFrame | alt.Data,
    x: alt.X,
    *,
    height: int,
    lane_sort: list[str],
    by_origin: bool = False,
    legend: bool = True,
) -> alt.Chart:
    """Points on lanes, coloured by event type, tooltips with summary, evidence and citation."""
    data = shown if isinstance(shown, alt.Data) else data_of(shown)
    return (
        alt.Chart(data)
        .mark_point(filled=True, size=70, opacity=0.8)
        .encode(
            x=x,
            y=alt.Y("lane:N", title=None, sort=lane_sort),
            color=alt.Color(
                "event_type:N",
                title="Event type",
                scale=alt.Scale(domain=list(EVENT_COLORS), range=list(EVENT_COLORS.values())),
                legend=alt.Legend() if legend else None,
            ),
            shape=alt.Shape("origin:N", title="Origin") if by_origin else alt.Undefined,
            tooltip=[
                day_tip("Date"),
                alt.Tooltip("event_type:N", title="Type"),
                alt.Tooltip("actor:N", title="Actor"),
                alt.Tooltip("counterpart:N", title="Counterpart"),
                alt.Tooltip("summary:N", title="Summary"),
                alt.Tooltip("evidence:N", title="Evidence"),
                alt.Tooltip("citation:N", title="Citation"),
            ],
        )
        .properties(width=WIDTH, height=height)
    )


def lane_sort(shown: pl.DataFrame) -> list[str]:
    """Event types in a fixed order; actors by frequency, 'other actors' last."""
    counts = shown.get_column("lane").value_counts(sort=True).get_column("lane").to_list()
    known = [x for x in LANE_ORDER if x in counts]
    rest = [x for x in counts if x not in known and x != "other actors"]
    return known + rest + (["other actors"] if "other actors" in counts else [])


def policy_timeline(
    events: pl.DataFrame,
    *,
    lanes: Literal["event_type", "actor"] = "event_type",
    start: date | None = None,
    end: date | None = None,
    event_types: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
) -> alt.Chart:
    """Events as points in lanes by `lanes` on one time axis; hover for the evidence."""
    shown = event_frame(
        events, lanes=lanes, start=start, end=end, event_types=event_types, actors=actors
    )
    parts, rel = combine(provenance(events, "events"))
    by = "type" if lanes == "event_type" else "actor"
    meta = Meta(
        title="US–China fentanyl and trade events",
        subtitle=f"{shown.height} dated events by {by}; hover a point for the evidence and source",
        sources=parts,
        releases=rel,
    )
    if shown.height == 0:
        return no_data(meta)
    check_rows(shown, "policy_timeline")
    sort = lane_sort(shown)
    chart = lane_layer(
        shown,
        time_x(start=start, end=end, span=span_of(shown)),
        height=28 * len(sort),
        lane_sort=sort,
        by_origin=shown.get_column("origin").n_unique() > 1,
    )
    return finish(chart, shown, meta)
