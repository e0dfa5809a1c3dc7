"""Overdose deaths: 12-month-ending reported and predicted counts, with events as rules."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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
    newest,
    no_data,
    span_of,
    time_x,
    truncate,
)
from analysis.charts.theme import WIDTH

INDICATOR_LABELS = {
    "all_drugs": "All drugs",
    "opioids": "Opioids (T40.0–T40.4, T40.6)",
    "synthetic_opioids": "Synthetic opioids excl. methadone (T40.4)",
    "heroin": "Heroin (T40.1)",
    "natural_semisynthetic": "Natural & semi-synthetic opioids (T40.2)",
    "natural_semisynthetic_synthetic_methadone": "Natural, semi-synthetic & synthetic opioids",
    "methadone": "Methadone (T40.3)",
    "cocaine": "Cocaine (T40.5)",
    "psychostimulants": "Psychostimulants (T43.6)",
    "cocaine_and_synthetic_opioids": "Cocaine and synthetic opioids",
}


def all_persons(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows for the whole population (not a WONDER race/sex/age breakdown)."""
    return frame.filter(pl.col("subgroup") == "all") if "subgroup" in frame.columns else frame


def rolling_frame(
    overdose: pl.DataFrame,
    *,
    indicators: Iterable[str],
    geos: Iterable[str],
    start: date | None = None,
    end: date | None = None,
) -> pl.DataFrame:
    """12-month-ending rows of the newest release of each (geo, indicator), long by measure."""
    f = all_persons(overdose).filter(
        (pl.col("window") == "12m")
        & pl.col("indicator").is_in(list(indicators))
        & pl.col("geo").is_in(list(geos))
    )
    f = clip(newest(f, ["geo", "indicator"]), "period_end", start, end)
    if f.height == 0:
        return pl.DataFrame()
    multi_geo = f.get_column("geo").n_unique() > 1
    label = pl.col("indicator").replace_strict(INDICATOR_LABELS, default=pl.col("indicator"))
    series = pl.concat_str([pl.col("geo"), pl.lit(" · "), label]) if multi_geo else label
    base = f.select(
        pl.lit("overdose").alias("panel"),
        iso("period_end", "date"),
        series.alias("series"),
        "geo",
        "indicator",
        "deaths",
        "deaths_predicted",
        "source",
        pl.col("vintage").dt.strftime("%Y-%m-%d"),
    )
    reported = base.filter(pl.col("deaths").is_not_null()).select(
        pl.exclude("deaths", "deaths_predicted"),
        pl.lit("reported").alias("measure"),
        pl.col("deaths").cast(pl.Float64).alias("value"),
    )
    predicted = base.filter(pl.col("deaths_predicted").is_not_null()).select(
        pl.exclude("deaths", "deaths_predicted"),
        pl.lit("predicted").alias("measure"),
        pl.col("deaths_predicted").round(0).alias("value"),
    )
    return pl.concat([reported, predicted]).sort("series", "measure", "date")


def rule_frame(
    events: pl.DataFrame | None,
    event_types: Iterable[str],
    start: date | None,
    end: date | None,
) -> pl.DataFrame:
    if events is None or events.height == 0:
        return pl.DataFrame()
    e = clip(events.filter(pl.col("event_type").is_in(list(event_types))), "date", start, end)
    return e.sort("date").select(
        pl.lit("event").alias("panel"),
        iso("date"),
        "event_type",
        "actor",
        truncate("summary", 200),
        truncate("citation", 200),
    )


def trend_layer(
    data: alt.Data, x: alt.X, *, height: int = 260, legend: bool = True, clip: bool = False
) -> alt.Chart:
    """Reported (solid) and predicted (dashed) lines; `clip` keeps them in the panel when a brush
    zooms the x scale (the frames are already cut to the chart's dates, so otherwise no need)."""
    return (
        alt.Chart(data)
        .transform_filter(alt.datum.panel == "overdose")
        .mark_line(clip=clip)
        .encode(
            x=x,
            y=alt.Y(
                "value:Q", title="Deaths in the 12 months ending", axis=alt.Axis(format=",.0f")
            ),
            color=alt.Color("series:N", title=None, legend=alt.Legend() if legend else None),
            strokeDash=alt.StrokeDash(
                "measure:N",
                title=None,
                sort=["reported", "predicted"],
                scale=alt.Scale(domain=["reported", "predicted"], range=[[1, 0], [5, 3]]),
            ),
            detail="series:N",
            tooltip=[
                day_tip("12 months ending"),
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("value:Q", title="Deaths", format=",.0f"),
                alt.Tooltip("vintage:N", title="Release"),
            ],
        )
        .properties(width=WIDTH, height=height)
    )


def overdose_trend(
    overdose: pl.DataFrame,
    *,
    indicators: Iterable[str] = ("synthetic_opioids", "all_drugs"),
    geo: str | Iterable[str] = "US",
    events: pl.DataFrame | None = None,
    event_types: Iterable[str] = ("diplomatic", "trade_policy"),
    start: date | None = None,
    end: date | None = None,
) -> alt.LayerChart | alt.Chart:
    """12-month-ending deaths, reported (solid) and predicted (dashed), events as grey rules."""
    geos = [geo] if isinstance(geo, str) else list(geo)
    lines = rolling_frame(overdose, indicators=indicators, geos=geos, start=start, end=end)
    rules = rule_frame(events, event_types, start, end)
    items = [provenance(lines if lines.height else overdose, "overdose")]
    if events is not None and rules.height:
        items.append(provenance(events, "events"))
    parts, rel = combine(*items)
    meta = Meta(
        title="Drug-overdose deaths, 12 months ending each month",
        subtitle=f"{', '.join(geos)}; provisional counts as reported (solid) and as predicted by "
        "CDC for late reports (dashed)" + ("; grey rules mark events" if rules.height else ""),
        sources=parts,
        releases=rel,
    )
    if lines.height == 0:
        return no_data(meta)
    shown = pl.concat([lines, rules], how="diagonal") if rules.height else lines
    check_rows(shown, "overdose_trend")
    data = data_of(shown)
    x = time_x(start=start, end=end, span=span_of(lines))
    layers = [trend_layer(data, x)]
    if rules.height:
        layers.insert(
            0,
            alt.Chart(data)
            .transform_filter(alt.datum.panel == "event")
            .mark_rule(color="#BBBBBB", strokeWidth=1)
            .encode(
                x=x,
                tooltip=[
                    day_tip("Date"),
                    alt.Tooltip("event_type:N", title="Type"),
                    alt.Tooltip("summary:N", title="Event"),
                    alt.Tooltip("citation:N", title="Citation"),
                ],
            ),
        )
    return finish(alt.layer(*layers), shown, meta)


SMALL_X = alt.Axis(format="%Y", tickCount=3, labelFontSize=8)
SMALL_Y = alt.Axis(format="~s", tickCount=3, labelFontSize=8)


def state_small_multiples(
    overdose: pl.DataFrame,
    *,
    indicator: str = "synthetic_opioids",
    states: Iterable[str] | None = None,
    columns: int = 8,
) -> alt.FacetChart | alt.Chart:
    """One small 12-month-ending panel per state (own y scale); thinned to quarters if large."""
    f = all_persons(overdose).filter(
        (pl.col("window") == "12m")
        & (pl.col("indicator") == indicator)
        & (pl.col("geo") != "US")
        & pl.col("deaths").is_not_null()
    )
    if states is not None:
        f = f.filter(pl.col("geo").is_in(list(states)))
    f = newest(f, ["geo"])
    parts, rel = combine(provenance(f if f.height else overdose, "overdose"))
    label = INDICATOR_LABELS.get(indicator, indicator)
    step = "month"
    shown = f.sort("geo", "period_end").select(
        iso("period_end", "date"),
        "geo",
        pl.col("deaths").cast(pl.Float64).alias("value"),
        pl.col("period_end").dt.month().alias("_m"),
    )
    for keep, name in (({3, 6, 9, 12}, "quarter"), ({12}, "year")):
        if shown.height <= 5000:
            break
        shown, step = shown.filter(pl.col("_m").is_in(list(keep))), name
    shown = shown.drop("_m")
    meta = Meta(
        title=f"Overdose deaths by state: {label}",
        subtitle=f"Reported deaths in the 12 months ending each {step}; each panel has its own "
        "scale; suppressed values omitted",
        sources=parts,
        releases=rel,
    )
    if shown.height == 0:
        return no_data(meta)
    check_rows(shown, "state_small_multiples")
    chart = (
        alt.Chart(data_of(shown))
        .mark_line(strokeWidth=1.5)
        .encode(
            x=alt.X(
                "date:T",
                title=None,
                scale=alt.Scale(type="utc"),
                axis=alt.Axis(format="%Y", tickCount=3, labelFontSize=8),
            ),
            y=alt.Y(
                "value:Q", title=None, axis=alt.Axis(format="~s", tickCount=3, labelFontSize=8)
            ),
            tooltip=[
                alt.Tooltip("geo:N", title="State"),
                day_tip("12 months ending"),
                alt.Tooltip("value:Q", title="Deaths", format=",.0f"),
            ],
        )
        .properties(width=(WIDTH - 8 * columns) // columns, height=60)
        .facet(facet=alt.Facet("geo:N", title=None), columns=columns)
        .resolve_scale(y="independent")
    )
    return finish(chart, shown, meta)
