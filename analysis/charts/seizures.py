"""CBP drug seizures: pounds seized per month, summed over components and areas."""

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
    no_data,
    span_of,
    time_x,
)
from analysis.charts.theme import WIDTH


def monthly_seizures(
    seizures: pl.DataFrame,
    *,
    drugs: Iterable[str],
    start: date | None = None,
    end: date | None = None,
) -> pl.DataFrame:
    """Pounds and events per month and drug; each fiscal year from its newest release."""
    f = seizures.filter(pl.col("drug").is_in(list(drugs)))
    if "vintage" in f.columns and f.height:
        f = f.filter(pl.col("vintage") == pl.col("vintage").max().over("source", "fiscal_year"))
    f = clip(f, "month", start, end)
    return (
        f.group_by("month", "drug")
        .agg(
            pl.col("quantity_lbs").sum().round(1).alias("quantity_lbs"),
            pl.col("events").sum().alias("events"),
        )
        .sort("drug", "month")
        .select(iso("month", "date"), "drug", "quantity_lbs", "events")
    )


def seizures_trend(
    seizures: pl.DataFrame,
    *,
    drugs: Iterable[str] = ("fentanyl",),
    start: date | None = None,
    end: date | None = None,
) -> alt.Chart:
    """Monthly pounds seized by CBP (all components and areas), one line per drug."""
    drugs = list(drugs)
    shown = monthly_seizures(seizures, drugs=drugs, start=start, end=end)
    kept = seizures.filter(pl.col("drug").is_in(drugs))
    parts, rel = combine(provenance(kept if kept.height else seizures, "seizures"))
    meta = Meta(
        title=f"CBP seizures of {', '.join(drugs)}",
        subtitle="Pounds seized per calendar month, all CBP components and areas; each fiscal "
        "year from its newest release",
        sources=parts,
        releases=rel,
    )
    if shown.height == 0:
        return no_data(meta)
    check_rows(shown, "seizures_trend")
    chart = (
        alt.Chart(data_of(shown))
        .mark_line(point=alt.OverlayMarkDef(size=20))
        .encode(
            x=time_x(start=start, end=end, span=span_of(shown)),
            y=alt.Y(
                "quantity_lbs:Q", title="Pounds seized per month", axis=alt.Axis(format=",.0f")
            ),
            color=alt.Color("drug:N", title="Drug"),
            tooltip=[
                day_tip("Month"),
                alt.Tooltip("drug:N", title="Drug"),
                alt.Tooltip("quantity_lbs:Q", title="Pounds", format=",.1f"),
                alt.Tooltip("events:Q", title="Seizure events", format=",.0f"),
            ],
        )
        .properties(width=WIDTH, height=240)
    )
    return finish(chart, shown, meta)
