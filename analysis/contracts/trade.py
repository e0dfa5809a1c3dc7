"""Contract of the `trade` table (US goods trade with China, monthly)."""

import polars as pl

from analysis.contracts.base import Column, Table

TRADE = Table(
    name="trade",
    description="Monthly US goods trade with a partner (Census basis, not seasonally adjusted), "
    "one row per release.",
    columns=(
        Column("month", pl.Date, "first day of the month", nullable=False),
        Column("partner", pl.String, "ISO-2 partner code", nullable=False),
        Column(
            "flow",
            pl.String,
            "trade flow",
            allowed=frozenset({"imports", "exports"}),
            nullable=False,
        ),
        Column(
            "value_usd_millions",
            pl.Float64,
            "value; null where not yet released",
            unit="USD millions",
            minimum=0,
        ),
        Column("source", pl.String, "publisher and dataset", nullable=False),
        Column("vintage", pl.Date, "release date of the raw file", nullable=False),
    ),
    key=("vintage", "source", "partner", "flow", "month"),
)
