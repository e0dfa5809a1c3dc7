"""Tariff rate step lines per layer and the total, with the legal actions marked."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

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
)
from analysis.charts.theme import WIDTH

#: Steps are carried this many days past the last change so the final rate shows as a segment.
HOLD_DAYS = 90
#: Label the action rules only when they are few enough to stay legible (tooltips always).
MAX_LABELS = 12
#: Series drawn when no layers are named: the palette has 8 colour-blind-safe colours.
MAX_SERIES = 8


def busiest_layers(rates: pl.DataFrame, limit: int = MAX_SERIES) -> list[str]:
    """'total' plus the layers that changed most often, at most `limit` in all (colours stay
    distinguishable); ties go to the alphabetically first layer."""
    counts = (
        rates.filter(pl.col("layer") != "total")
        .group_by("layer")
        .agg(pl.len().alias("n"))
        .sort(["n", "layer"], descending=[True, False])
    )
    has_total = rates.filter(pl.col("layer") == "total").height > 0
    keep = counts.get_column("layer").head(limit - has_total).to_list()
    return [*keep, "total"] if has_total else keep


def step_frame(
    rates: pl.DataFrame,
    *,
    imposer: str | None = None,
    layers: Iterable[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pl.DataFrame:
    """Rows of the step series, each carried to a common end date (row kind 'held')."""
    f = rates
    if imposer is not None:
        f = f.filter(pl.col("imposer") == imposer)
    if layers is not None:
        f = f.filter(pl.col("layer").is_in(list(layers)))
    else:
        f = f.filter(pl.col("layer").is_in(busiest_layers(f)))
    if f.height == 0:
        return pl.DataFrame()
    multi_imposer = f.get_column("imposer").n_unique() > 1
    label = (
        pl.concat_str([pl.col("imposer"), pl.lit(" "), pl.col("layer")])
        if multi_imposer
        else pl.col("layer")
    )
    f = f.with_columns(label.alias("series"))
    clash = f.group_by("series").agg(pl.col("source").n_unique().alias("k"))
    if clash.get_column("k").max() > 1:
        f = f.with_columns(pl.concat_str([pl.col("series"), pl.lit(" · "), pl.col("source")]))
    stop = end or (f.get_column("date").max() + timedelta(days=HOLD_DAYS))
    last = (
        f.sort("date")
        .group_by("series", maintain_order=True)
        .last()
        .filter(pl.col("date") < stop)
        .with_columns(pl.lit(stop).alias("date"), pl.lit("held").alias("kind"))
    )
    f = f.with_columns(pl.lit("step").alias("kind"))
    f = pl.concat([f, last.select(f.columns)], how="vertical_relaxed")
    if start is not None:
        # the rate in force at `start` opens the chart
        before = (
            f.filter(pl.col("date") < start)
            .sort("date")
            .group_by("series", maintain_order=True)
            .last()
            .with_columns(pl.lit(start).alias("date"))
            .select(f.columns)
        )
        # before a series' first date its rate is 0 (tariff_rates' convention)
        later = f.filter(~pl.col("series").is_in(before.get_column("series").to_list()))
        zero = (
            later.sort("date")
            .group_by("series", maintain_order=True)
            .first()
            .filter(pl.col("date") > start)
            .with_columns(
                pl.lit(start).alias("date"),
                pl.lit(0.0).alias("rate_pct"),
                pl.lit("zero").alias("kind"),
            )
            .select(f.columns)
        )
        f = pl.concat([before, zero, f.filter(pl.col("date") >= start)], how="vertical_relaxed")
    f = clip(f, "date", None, stop)
    return f.sort("series", "date").select(
        pl.lit("rate").alias("panel"),
        iso("date"),
        "series",
        "imposer",
        "layer",
        "rate_pct",
        "source",
        "kind",
    )


def action_frame(
    actions: pl.DataFrame | None,
    imposer: str | None,
    start: date | None,
    end: date | None,
    layers: Iterable[str] | None = None,
) -> pl.DataFrame:
    """The legal actions on the chart's layers, labelled 'authority rate%'."""
    if actions is None or actions.height == 0:
        return pl.DataFrame()
    a = actions if imposer is None else actions.filter(pl.col("imposer") == imposer)
    if layers is not None:
        a = a.filter(pl.col("layer").is_in(list(layers)) | (pl.col("layer") == "total"))
    a = clip(a, "effective", start, end)
    rate = pl.col("rate_pct").round(1).cast(pl.String).fill_null("(no ad valorem rate)")
    return a.sort("effective").select(
        pl.lit("action").alias("panel"),
        iso("effective", "date"),
        "imposer",
        "layer",
        "authority",
        pl.col("action_id"),
        pl.concat_str(
            [
                pl.col("authority"),
                pl.lit(" "),
                rate,
                pl.when(pl.col("rate_pct").is_not_null()).then(pl.lit("%")).otherwise(pl.lit("")),
            ]
        ).alias("label"),
        "citation",
    )


def step_layer(data: alt.Data, x: alt.X, *, height: int = 240, clip: bool = False) -> alt.Chart:
    """Step-after lines, the total drawn thicker; tooltips give the rate in force. `clip` keeps
    them in the panel when a brush zooms the x scale."""
    return (
        alt.Chart(data)
        .transform_filter(alt.datum.panel == "rate")
        .mark_line(interpolate="step-after", clip=clip)
        .encode(
            x=x,
            y=alt.Y("rate_pct:Q", title="Tariff rate (%)"),
            color=alt.Color("series:N", title="Layer"),
            strokeWidth=alt.condition(alt.datum.layer == "total", alt.value(3), alt.value(1.5)),
            tooltip=[
                day_tip("From"),
                alt.Tooltip("series:N", title="Layer"),
                alt.Tooltip("rate_pct:Q", title="Rate (%)", format=".1f"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
        .properties(width=WIDTH, height=height)
    )


def tariff_steps(
    rates: pl.DataFrame,
    actions: pl.DataFrame | None = None,
    *,
    imposer: str | None = None,
    layers: Iterable[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> alt.LayerChart | alt.Chart:
    """Rate in force per layer and the total (step lines), legal actions as labelled rules."""
    steps = step_frame(rates, imposer=imposer, layers=layers, start=start, end=end)
    layers = list(layers) if layers is not None else None
    acts = action_frame(actions, imposer, start, end, layers)
    items = [provenance(steps if steps.height else rates, "tariff_rates")]
    if actions is not None:
        items.append(provenance(actions, "tariff_actions"))
    parts, rel = combine(*items)
    who = {"US": "US tariffs on Chinese goods", "CN": "Chinese tariffs on US goods"}
    meta = Meta(
        title=who.get(imposer or "", "US and Chinese tariffs on each other's goods"),
        subtitle="Rate in force per layer (step lines) and the total; rules mark legal actions"
        + ("" if layers is not None else f" (the {MAX_SERIES} most-changed layers; pass layers=)"),
        sources=parts,
        releases=rel,
    )
    if steps.height == 0:
        return no_data(meta)
    shown = pl.concat([steps, acts], how="diagonal") if acts.height else steps
    check_rows(shown, "tariff_steps")
    data = data_of(shown)
    x = time_x(start=start, end=end, span=span_of(steps))
    layers_ = [step_layer(data, x)]
    if acts.height:
        rules = alt.Chart(data).transform_filter(alt.datum.panel == "action")
        tips = [
            day_tip("Effective"),
            alt.Tooltip("label:N", title="Action"),
            alt.Tooltip("layer:N", title="Layer"),
            alt.Tooltip("citation:N", title="Citation"),
        ]
        layers_.append(
            rules.mark_rule(color="#999999", strokeDash=[2, 3]).encode(x=x, tooltip=tips)
        )
        if acts.height <= MAX_LABELS:
            layers_.append(
                rules.mark_text(
                    angle=270, align="right", baseline="middle", dy=-4, fontSize=9
                ).encode(x=x, y=alt.value(2), text="label:N", tooltip=tips)
            )
    return finish(alt.layer(*layers_), shown, meta)
