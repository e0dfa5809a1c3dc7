"""Contracts of `tariff_actions` (one row per legal action) and the derived `tariff_rates`."""

import polars as pl

from analysis.contracts.base import Check, Column, Table

IMPOSERS = frozenset({"US", "CN"})
#: Whose goods are taxed: the other country, or "all" for global measures that also hit it.
TARGETS = frozenset({"US", "CN", "all"})
AUTHORITIES = frozenset(
    {
        "section_301",
        "section_232",
        "section_122",
        "ieepa_fentanyl",
        "ieepa_reciprocal",
        "retaliation",
        "court_ruling",
        "de_minimis",
        "truce",
        "mfn",
    }
)

TARIFF_ACTIONS = Table(
    name="tariff_actions",
    description="Every US and Chinese tariff action on the other's goods, one row per legal action "
    "and layer.",
    columns=(
        Column("action_id", pl.String, "stable identifier of the action", nullable=False),
        Column("announced", pl.Date, "day the action was announced or signed", nullable=False),
        Column("effective", pl.Date, "day the new rate applies", nullable=False),
        Column("ends", pl.Date, "day the action stopped applying (null = open)"),
        Column(
            "imposer", pl.String, "government imposing the duty", allowed=IMPOSERS, nullable=False
        ),
        Column(
            "target",
            pl.String,
            "whose goods are taxed ('all' = global measure)",
            allowed=TARGETS,
            nullable=False,
        ),
        Column("authority", pl.String, "legal authority", allowed=AUTHORITIES, nullable=False),
        Column(
            "layer",
            pl.String,
            "rate layer the action sets (one step series per layer)",
            nullable=False,
        ),
        Column(
            "rate_pct",
            pl.Float64,
            "the layer's new ad valorem rate; null when not ad valorem",
            unit="%",
            minimum=0,
            maximum=1000,
        ),
        Column("coverage", pl.String, "goods covered", nullable=False),
        Column(
            "citation",
            pl.String,
            "Federal Register / EO / notice, and the source consulted",
            nullable=False,
        ),
        Column("note", pl.String, "context in the kit's own words"),
    ),
    key=("action_id",),
    checks=(
        Check(
            "effective",
            lambda: pl.col("effective") < pl.col("announced"),
            "an effective date on or after the announcement",
            "check both dates; an action cannot take effect before it is announced",
        ),
        Check(
            "ends",
            lambda: pl.col("ends") < pl.col("effective"),
            "an end date on or after the effective date",
            "check the end date",
        ),
        Check(
            "citation",
            lambda: pl.col("citation").str.strip_chars() == "",
            "a citation",
            "cite the Federal Register notice, EO or source consulted",
        ),
    ),
)

TARIFF_RATES = Table(
    name="tariff_rates",
    description="Step series of the rate in force per imposer and layer, plus 'ieepa_total' (sum "
    "of the IEEPA layers) and 'total' (sum of the across-the-board layers); derived from "
    "tariff_actions (and the tracker's own series), never typed by hand.",
    columns=(
        Column("date", pl.Date, "first day this rate is in force", nullable=False),
        Column(
            "imposer", pl.String, "government imposing the duty", allowed=IMPOSERS, nullable=False
        ),
        Column("layer", pl.String, "rate layer, 'total', or a tracker series", nullable=False),
        Column(
            "rate_pct",
            pl.Float64,
            "rate in force from `date` until the next row",
            unit="%",
            nullable=False,
        ),
        Column("source", pl.String, "where the series comes from", nullable=False),
    ),
    key=("source", "imposer", "layer", "date"),
)
