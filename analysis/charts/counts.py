"""Event counts: how many events of each type fell in each month (or week), as stacked bars."""

from __future__ import annotations

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
    finish,
    iso,
    no_data,
    span_of,
    time_x,
)
from analysis.charts.theme import EVENT_COLORS, WIDTH


def event_counts_chart(
    events: pl.DataFrame,
    *,
    freq: Literal["week", "month"] = "month",
    start: date | None = None,
    end: date | None = None,
) -> alt.Chart:
    """Stacked bars of events per period by type (from `analysis.compare.event_counts`)."""
    from analysis.compare import event_counts

    f = clip(events, "date", start, end)
    counts = event_counts(f, freq, by=("event_type",)) if f.height else pl.DataFrame()
    parts, rel = combine(provenance(events, "events"))
    meta = Meta(
        title=f"US–China events per {freq}",
        subtitle=f"Dated events by type, counted per {freq} "
        f"({'weeks start on Monday' if freq == 'week' else 'calendar months'})",
        sources=parts,
        releases=rel,
    )
    if counts.height == 0:
        return no_data(meta)
    shown = counts.select(iso("period", "date"), "event_type", "n")
    check_rows(shown, "event_counts_chart")
    chart = (
        alt.Chart(data_of(shown))
        .mark_bar()
        .encode(
            x=time_x(start=start, end=end, span=span_of(shown)),
            y=alt.Y("n:Q", title=f"Events per {freq}", stack="zero"),
            color=alt.Color(
                "event_type:N",
                title="Event type",
                scale=alt.Scale(domain=list(EVENT_COLORS), range=list(EVENT_COLORS.values())),
            ),
            tooltip=[
                alt.Tooltip(
                    "date:T", title="Period from", timeUnit="utcyearmonthdate", format="%Y-%m-%d"
                ),
                alt.Tooltip("event_type:N", title="Type"),
                alt.Tooltip("n:Q", title="Events"),
            ],
        )
        .properties(width=WIDTH, height=200)
    )
    return finish(chart, shown, meta)
