"""The headline chart: diplomatic events, tariff rates and overdose deaths on one time axis.

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
from analysis.charts.theme import WIDTH
from analysis.charts.timeline import event_frame, lane_layer, lane_sort
from analysis.errors import DataError

BRUSH = "brush"
#: Tariff series drawn in the middle panel (layer → legend label); see analysis.tariff_rates.
TARIFF_SERIES = {
    "lists_max": "highest trade-war list rate",
    "total": "across-the-board rate",
}
#: The file opens in 2017 (first fentanyl scheduling steps and Section 301); earlier dates in
#: extracted events are usually statute years, not events.
DEFAULT_START = date(2017, 1, 1)


def _panel_title(text: str) -> alt.TitleParams:
    return alt.TitleParams(text, fontSize=12, anchor="start")


def panel_note(message: str) -> alt.Chart:
    """A short panel that says why it is empty (an empty panel would have no size)."""
    return (
        alt.Chart(alt.Data(values=[{"note": message}]))
        .mark_text(fontSize=13, color="#4D4D4D")
        .encode(text="note:N")
        .properties(width=WIDTH, height=40)
    )


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
    totals = rates.filter(
        pl.col("layer").is_in(list(TARIFF_SERIES)), pl.col("imposer").is_in(list(imposers))
    )
    if end is None:
        end = _span((events, "date"), (totals, "date"))[1] or date.today()
    start = start or DEFAULT_START
    if start >= end:
        msg = "start must come before end"
        raise DataError(msg, expected="start < end", found=f"{start} ≥ {end}", fix="swap them")
    ev = event_frame(events, start=start, end=end, event_types=event_types)
    steps = step_frame(totals, layers=list(TARIFF_SERIES), start=start, end=end)
    if steps.height:
        steps = steps.with_columns(
            pl.concat_str(
                [pl.col("imposer"), pl.lit(": "), pl.col("layer").replace_strict(TARIFF_SERIES)]
            ).alias("series")
        )
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
        clip_for_zoom=True,
    )
    if ev.height + steps.height + od.height == 0:
        return no_data(meta)
    shown = pl.concat([ev.with_columns(pl.lit("events").alias("panel")), steps, od], how="diagonal")
    check_rows(shown, "diplomacy_vs_trade")
    data = data_of(shown)
    brush = alt.selection_interval(encodings=["x"], name=BRUSH) if ev.height else None
    zoom = BRUSH if brush is not None else None
    if ev.height:
        top = (
            lane_layer(
                data,
                time_x(start=start, end=end, title=None),
                height=28 * ev.get_column("lane").n_unique(),
                lane_sort=lane_sort(ev),
                legend=False,
            )
            .transform_filter(alt.datum.panel == "events")
            .add_params(brush)
        )
    else:
        top = panel_note("No events for this selection")
    top = top.properties(title=_panel_title("Events (drag to zoom)"))
    middle = (
        step_layer(
            data,
            time_x(start=start, end=end, brush=zoom, title=None),
            height=160,
            clip=zoom is not None,
        )
        if steps.height
        else panel_note("No tariff totals for this selection")
    ).properties(title=_panel_title("Additional tariffs on the other's goods, %"))
    bottom = (
        trend_layer(
            data, time_x(start=start, end=end, brush=zoom), height=180, clip=zoom is not None
        )
        if od.height
        else panel_note("No overdose data for this selection")
    ).properties(
        title=_panel_title("Overdose deaths, 12 months ending (reported solid, predicted dashed)")
    )
    chart = alt.vconcat(top, middle, bottom, spacing=14).resolve_scale(
        x="independent", color="independent", strokeDash="independent"
    )
    return finish(chart, shown, meta)
