"""Contract of the `seizures` table (CBP drug seizures by month, component and area)."""

import polars as pl

from analysis.contracts.base import Column, Table

SEIZURES = Table(
    name="seizures",
    description="CBP drug seizures: events and pounds by calendar month, component, region, area "
    "and drug, one row per release.",
    columns=(
        Column("month", pl.Date, "first day of the calendar month", nullable=False),
        Column("fiscal_year", pl.Int16, "US federal fiscal year (Oct–Sep)", nullable=False),
        Column("component", pl.String, "CBP component (OFO, USBP, AMO)", nullable=False),
        Column(
            "region",
            pl.String,
            "Southwest Border, Northern Land Border or Coastal/Interior",
            nullable=False,
        ),
        Column("area", pl.String, "area of responsibility, or AMO branch", nullable=False),
        Column(
            "land_filter", pl.String, "'Land Only'/'Land' or 'Other' as published", nullable=False
        ),
        Column("drug", pl.String, "canonical drug name", nullable=False),
        Column("events", pl.Int64, "seizure events", unit="events", minimum=0),
        Column("quantity_lbs", pl.Float64, "weight seized", unit="lb", minimum=0),
        Column("source", pl.String, "publisher and dataset", nullable=False),
        Column("vintage", pl.Date, "release date of the raw file", nullable=False),
    ),
    key=("vintage", "source", "month", "component", "region", "area", "land_filter", "drug"),
)
