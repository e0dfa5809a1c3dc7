"""The headline chart: diplomatic events, the US tariff total and overdose deaths on one time axis.

Three stacked panels share a calendar-day x scale; dragging across the top (events) panel zooms
the two below it. Each panel keeps its own y axis: no dual axes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import altair as alt
import polars as pl

from analysis.charts.captions import combine, provenance
from analysis.charts.common import Meta, check_rows, data_of, finish, no_data, time_x
from analysis.charts.overdose import rolling_frame, trend_layer
from analysis.charts.tariffs import step_frame, step_layer
from analysis.charts.timeline import event_frame, lane_layer, lane_sort

BRUSH = "brush"


def _span(*frames: tuple[pl.DataFrame, str]) -> tuple[date | None, date | None]:
    lo, hi = [], []
    for f, col in frames:
        if f.height:
            lo.append(f.get_column(col).min())
            hi.append(f.get_column(col).max())
    return (min(lo) if lo else None), (max(hi) if hi else None)


def diplomacy_vs_trade(
    events: pl.DataFrame,
    rates: pl.DataFrame,
    overdose: pl.DataFrame,
    *,
    start: date | None = None,
    end: date | None = None,
    event_types: Iterable[str] = ("diplomatic",),
    imposers: Iterable[str] = ("US", "CN"),
    indicator: str = "synthetic_opioids",
    geo: str = "US",
) -> alt.VConcatChart | alt.Chart:
    """Events lane, tariff totals and 12-month-ending overdose deaths, stacked; brush to zoom."""
    totals = rates.filter(pl.col("layer") == "total", pl.col("imposer").is_in(list(imposers)))
    if start is None or end is None:
        s0, e0 = _span((events, "date"), (totals, "date"))
        start, end = start or s0, end or e0
    if start is None or end is None or start >= end:
        start, end = date(2017, 1, 1), date.today()
    ev = event_frame(events, start=start, end=end, event_types=event_types)
    steps = step_frame(totals, start=start, end=end)
    od = rolling_frame(overdose, indicators=[indicator], geos=[geo], start=start, end=end)
    parts, rel = combine(
        provenance(events, "events"),
        provenance(totals if totals.height else rates, "tariff_rates"),
        provenance(od if od.height else overdose, "overdose"),
    )
    meta = Meta(
        title="Diplomacy, tariffs and overdose deaths on one time line",
        subtitle=f"{start:%b %Y}–{end:%b %Y}. Drag across the events panel to zoom all panels; "
        "double-click to reset",
        sources=parts,
        releases=rel,
    )
    if ev.height + steps.height + od.height == 0:
        return no_data(meta)
    shown = pl.concat([ev.with_columns(pl.lit("events").alias("panel")), steps, od], how="diagonal")
    check_rows(shown, "diplomacy_vs_trade")
    data = data_of(shown)
    brush = alt.selection_interval(encodings=["x"], name=BRUSH)
    top = (
        lane_layer(
            data,
            time_x(start=start, end=end, title=None),
            height=28 * max(1, ev.get_column("lane").n_unique() if ev.height else 1),
            lane_sort=lane_sort(ev) if ev.height else [],
        )
        .transform_filter(alt.datum.panel == "events")
        .add_params(brush)
        .properties(title=alt.TitleParams("Events (drag to zoom)", fontSize=12, anchor="start"))
    )
    zoom = time_x(start=start, end=end, brush=BRUSH, title=None)
    middle = step_layer(data, zoom, height=160).properties(
        title=alt.TitleParams("Tariff total (%)", fontSize=12, anchor="start")
    )
    bottom = trend_layer(data, time_x(start=start, end=end, brush=BRUSH), height=180).properties(
        title=alt.TitleParams(
            "Overdose deaths, 12 months ending (reported solid, predicted dashed)",
            fontSize=12,
            anchor="start",
        )
    )
    chart = alt.vconcat(top, middle, bottom, spacing=14).resolve_scale(
        x="independent", color="independent", strokeDash="independent"
    )
    return finish(chart, shown, meta)
