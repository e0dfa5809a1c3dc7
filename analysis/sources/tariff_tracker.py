"""Loader of the research tracker's `country-by-time.csv` (China rows) → table `tariff_rates`.

Source: tradewartracker/trade-war-redux-2025. Header `date,country_name,effective tariff,
total imports,2024 tariff` (note the spaces in names); one row per partner and date on which the
tracker recomputed its tariff. `effective tariff` is the trade-weighted *increase* in percentage
points over the partner's 2024 average (`2024 tariff`), so it is comparable with the curated
`total` layer, not with the 2024 base. Quirks: partners are upper-case (`CHINA`); dates are
listed even when nothing changed; the full file holds 51 partners (only CHINA is kept).

Rows become layer `tracker_effective_increase`, imposer "US", source "tradewartracker".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from analysis.contracts import TARIFF_RATES, validate
from analysis.errors import DataError
from analysis.sources._csv import read_csv

SOURCE = "tradewartracker"
LAYER = "tracker_effective_increase"
PARTNER = "CHINA"
COLUMNS = {
    "date": "date",
    "country_name": "str",
    "effective tariff": "float",
    "total imports": "float",
    "2024 tariff": "float",
}
REQUIRED = ("date", "country_name", "effective tariff")


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """The tracker's China series as `tariff_rates` rows (rate = increase over 2024, in pp)."""
    path = Path(path)
    raw = read_csv(path, COLUMNS, required=REQUIRED)
    china = raw.filter(pl.col("country_name").str.to_uppercase() == PARTNER)
    if not china.height:
        msg = "no CHINA rows"
        raise DataError(
            msg,
            file=path,
            line=2,
            column="country_name",
            expected="rows whose country_name is CHINA",
            found=sorted(raw["country_name"].drop_nulls().unique())[:5],
            fix="pass the tracker's country-by-time.csv (or an extract that keeps CHINA rows)",
        )
    frame = china.select(
        "date",
        pl.lit("US").alias("imposer"),
        pl.lit(LAYER).alias("layer"),
        pl.col("effective tariff").alias("rate_pct"),
        pl.lit(SOURCE).alias("source"),
        "_file",
        "_line",
    )
    return validate(frame, TARIFF_RATES)


def load_many(paths: list[Path]) -> pl.DataFrame:
    """One vintage's series (the newest when several are present: each is a full revision)."""
    if not paths:
        return TARIFF_RATES.empty()
    from analysis.provenance import vintage_of

    return load(max(paths, key=lambda p: (vintage_of(p), str(p))))
