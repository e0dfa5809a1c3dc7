"""Contract of the `overdose` table (CDC VSRR 12-month-ending sums and CDC WONDER counts)."""

import polars as pl

from analysis.contracts.base import Column, Table

INDICATORS = frozenset(
    {
        "all_drugs",
        "opioids",
        "synthetic_opioids",
        "heroin",
        "natural_semisynthetic",
        "natural_semisynthetic_methadone",
        "natural_semisynthetic_synthetic_methadone",
        "methadone",
        "cocaine",
        "psychostimulants",
        "cocaine_and_synthetic_opioids",
    }
)

OVERDOSE = Table(
    name="overdose",
    description="Drug-overdose deaths by period, window, geography and drug indicator, one row per "
    "release (vintage) so revisions can be compared.",
    columns=(
        Column("period_end", pl.Date, "last day of the month the period ends in", nullable=False),
        Column(
            "window",
            pl.String,
            "'12m' = rolling 12-month-ending sum, '1m' = monthly count",
            allowed=frozenset({"12m", "1m"}),
            nullable=False,
        ),
        Column(
            "geo", pl.String, "'US', a two-letter state code, or 'NYC' (CDC's 'YC')", nullable=False
        ),
        Column(
            "subgroup",
            pl.String,
            "population subgroup: 'all', or a CDC WONDER breakdown such as "
            "'Race=White; Hispanic Origin=Not Hispanic or Latino'",
            nullable=False,
        ),
        Column(
            "indicator",
            pl.String,
            "canonical drug indicator code",
            allowed=INDICATORS,
            nullable=False,
        ),
        Column(
            "deaths", pl.Int64, "reported deaths; null when suppressed", unit="deaths", minimum=0
        ),
        Column(
            "deaths_predicted",
            pl.Float64,
            "CDC's predicted (adjusted) count; null when not modelled",
            unit="deaths",
            minimum=0,
        ),
        Column(
            "is_suppressed",
            pl.Boolean,
            "publisher withheld the value (<10 or low quality)",
            nullable=False,
        ),
        Column(
            "is_provisional",
            pl.Boolean,
            "provisional data (all VSRR counts; WONDER rows labelled '(provisional)')",
            nullable=False,
        ),
        Column("pct_complete", pl.Float64, "percent of records complete", unit="%"),
        Column("pct_pending", pl.Float64, "percent pending investigation", unit="%"),
        Column("source", pl.String, "publisher and dataset", nullable=False),
        Column("vintage", pl.Date, "release date of the raw file", nullable=False),
    ),
    key=("vintage", "source", "window", "geo", "subgroup", "indicator", "period_end"),
)
