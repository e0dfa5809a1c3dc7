"""Lag chart: days from the last announcement before each tariff change to the next one after."""

from __future__ import annotations

import altair as alt
import polars as pl

from analysis.charts.common import Meta, check_rows, data_of, finish, iso, no_data, truncate
from analysis.charts.theme import OKABE_ITO, WIDTH

#: Row labels (the day's first change, "+N more") longer than this are cut with an ellipsis.
LABEL_CHARS = 56


def lag_chart(
    lags: pl.DataFrame,
    *,
    sources: tuple[str, ...] = (),
    releases: tuple[str, ...] = (),
) -> alt.LayerChart | alt.Chart:
    """One row per day with policy changes: a bar from −days since the previous announcement to
    +days to the next one (input: `analysis.compare.lag_table`)."""
    f = lags.filter(
        (pl.col("anchor") == "policy_change")
        & (pl.col("prev_id").is_not_null() | pl.col("next_id").is_not_null())
    ).sort("anchor_date", "anchor_id")
    # changes on the same day share their neighbours: one row per day keeps the chart short
    shown = (
        f.group_by("anchor_date", maintain_order=True)
        .agg(
            pl.col("anchor_id").str.join(", "),
            pl.col("anchor_label").first().alias("first_label"),
            pl.col("anchor_label").str.join("; ").alias("changes"),
            pl.len().alias("n_changes"),
            pl.col("days_since_prev").first(),
            pl.col("days_to_next").first(),
            pl.col("prev_label").first().fill_null(""),
            pl.col("next_label").first().fill_null(""),
        )
        .select(
            iso("anchor_date", "date"),
            pl.concat_str(
                [
                    iso("anchor_date"),
                    pl.lit("  "),
                    pl.col("first_label"),
                    pl.when(pl.col("n_changes") > 1)
                    .then(pl.lit(" +") + (pl.col("n_changes") - 1).cast(pl.String) + " more")
                    .otherwise(pl.lit("")),
                ]
            ).alias("change"),
            "changes",
            "anchor_id",
            "n_changes",
            (-pl.col("days_since_prev")).alias("before_days"),
            pl.col("days_to_next").alias("after_days"),
            "prev_label",
            "next_label",
        )
        .with_columns(truncate("change", LABEL_CHARS), truncate("changes", 300))
    )
    meta = Meta(
        title="How close tariff changes sit to diplomatic announcements",
        subtitle="Days from the last announcement before each tariff change (left, −) to the "
        "first one after it (right, +)",
        sources=sources or ("Precursor lag table from the events and tariff_actions tables",),
        releases=releases,
    )
    if shown.height == 0:
        return no_data(meta)
    check_rows(shown, "lag_chart")
    data = data_of(shown)
    y = alt.Y("change:N", title=None, sort=None)
    tips = [
        alt.Tooltip("date:N", title="Date"),
        alt.Tooltip("changes:N", title="Tariff changes"),
        alt.Tooltip("before_days:Q", title="Days since announcement (−)"),
        alt.Tooltip("prev_label:N", title="Announcement before"),
        alt.Tooltip("after_days:Q", title="Days to next announcement"),
        alt.Tooltip("next_label:N", title="Announcement after"),
    ]
    base = alt.Chart(data).properties(width=WIDTH - 200, height=14 * shown.height)
    x_title = "Days from the tariff change (− announcement before, + after)"
    bar = base.mark_rule(color="#999999", strokeWidth=2).encode(
        x=alt.X("before_days:Q", title=x_title), x2="after_days:Q", y=y, tooltip=tips
    )
    before = base.mark_point(filled=True, color=OKABE_ITO[0], size=50).encode(
        x="before_days:Q", y=y, tooltip=tips
    )
    after = base.mark_point(filled=True, color=OKABE_ITO[1], size=50).encode(
        x="after_days:Q", y=y, tooltip=tips
    )
    zero = alt.Chart(alt.InlineData(values=[{}])).mark_rule(color="#333333").encode(x=alt.datum(0))
    return finish(alt.layer(bar, before, after, zero), shown, meta)
