"""US monthly goods trade with China -> `trade`: FRED series CSVs and Census `country.xlsx`.

FRED files (`IMPCH`, `EXPCH`, see `trade_series.csv`) come with the old `DATE,<series>` header or
the current `observation_date,<series>` one; `.` marks a missing observation. Census
`country.xlsx` (millions of USD, NSA) is read with `CTY_CODE` as text (China = `5700`, see
`trade_partners.csv`); its unreleased months are published as 0 and become null here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from analysis.contracts import TRADE, validate
from analysis.errors import DataError
from analysis.provenance import vintage_of
from analysis.sources._rawcsv import (
    head_bytes,
    header_fields,
    match_layout,
    numbers,
    read_mapping,
    read_table,
)

WHAT = "FRED series CSV or Census country.xlsx"
SERIES = read_mapping(Path(__file__).with_name("trade_series.csv"))
PARTNERS = read_mapping(Path(__file__).with_name("trade_partners.csv"))
FRED_SOURCE = "U.S. Census Bureau via FRED, {series}"
CENSUS_SOURCE = "U.S. Census Bureau, U.S. trade in goods by country (country.xlsx)"
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
CENSUS_COLUMNS = (
    "year",
    "CTY_CODE",
    "CTYNAME",
    *(f"I{m}" for m in MONTHS),
    "IYR",
    *(f"E{m}" for m in MONTHS),
    "EYR",
)


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Read a FRED series CSV or Census country.xlsx; return validated `trade` rows."""
    path = Path(path)
    vintage = vintage or vintage_of(path)
    if path.suffix.lower() == ".xlsx":
        return _census(path, vintage)
    return _fred(path, vintage)


def _fred(path: Path, vintage: date) -> pl.DataFrame:
    head = head_bytes(path, what=WHAT)
    header = header_fields(head, ",")
    series = header[1] if len(header) == 2 else "<SERIES>"
    layouts = {
        "FRED (old header)": ("DATE", series),
        "FRED": ("observation_date", series),
        "Census country.xlsx": CENSUS_COLUMNS,
    }
    match_layout(path, header, layouts, what=WHAT)
    known = SERIES.filter(pl.col("series") == series)
    if known.height == 0:
        msg = "unknown FRED series"
        raise DataError(
            msg,
            file=path,
            line=1,
            column=series,
            expected="one of " + ", ".join(SERIES.get_column("series")),
            found=series,
            fix="add the series with its partner and flow to analysis/sources/trade_series.csv",
        )
    raw = read_table(path, path, what=WHAT).rename({header[0]: "date", series: "value"})
    raw = raw.with_columns(pl.col("value").replace(".", None))
    raw = numbers(raw, path, {"value_usd_millions": ("value", pl.Float64)}, shown={"value": series})
    raw = raw.with_columns(pl.col("date").str.to_date("%Y-%m-%d", strict=False).alias("month"))
    _bad_dates(raw, path, header[0])
    frame = raw.select(
        "month",
        pl.lit(known.item(0, "partner")).alias("partner"),
        pl.lit(known.item(0, "flow")).alias("flow"),
        "value_usd_millions",
        pl.lit(FRED_SOURCE.format(series=series)).alias("source"),
        pl.lit(vintage).alias("vintage"),
        "_file",
        "_line",
    )
    return validate(frame, TRADE)


def _bad_dates(raw: pl.DataFrame, path: Path, column: str) -> None:
    bad = raw.filter(pl.col("month").is_null() | (pl.col("month").dt.day() != 1))
    if bad.height:
        msg = "not a first-of-month date"
        raise DataError(
            msg,
            file=path,
            line=bad.item(0, "_line"),
            column=column,
            expected="YYYY-MM-01",
            found=bad.item(0, "date"),
            fix="download the series again from FRED (monthly frequency)",
        )


def _census(path: Path, vintage: date) -> pl.DataFrame:
    try:
        raw = pl.read_excel(
            path,
            sheet_name="country",
            schema_overrides={"year": pl.String, "CTY_CODE": pl.String, "CTYNAME": pl.String},
        )
    except Exception as exc:  # fastexcel raises several types for unreadable workbooks
        msg = "cannot read the workbook"
        raise DataError(
            msg,
            file=path,
            expected="Census country.xlsx with a sheet named 'country'",
            found=str(exc).splitlines()[0][:120],
            fix="download https://www.census.gov/foreign-trade/balance/country.xlsx again",
        ) from None
    match_layout(path, raw.columns, {"Census country.xlsx": CENSUS_COLUMNS}, what=WHAT)
    raw = raw.with_columns(
        pl.lit(str(path)).alias("_file"), pl.int_range(2, raw.height + 2).alias("_line")
    )
    codes = dict(PARTNERS.select("cty_code", "partner").iter_rows())
    long = (
        raw.filter(pl.col("CTY_CODE").is_in(list(codes)))
        .unpivot(
            index=["year", "CTY_CODE", "_file", "_line"],
            on=[f"{f}{m}" for f in "IE" for m in MONTHS],
            variable_name="col",
            value_name="value",
        )
        .with_columns(
            pl.col("year").cast(pl.Int32, strict=False),
            pl.col("col")
            .str.slice(1)
            .replace_strict({m: i + 1 for i, m in enumerate(MONTHS)}, return_dtype=pl.Int8)
            .alias("m"),
            pl.col("value").cast(pl.Float64, strict=False),
        )
    )
    last = _last_released(raw)
    frame = long.select(
        pl.date("year", "m", 1).alias("month"),
        pl.col("CTY_CODE").replace_strict(codes, return_dtype=pl.String).alias("partner"),
        pl.when(pl.col("col").str.starts_with("I"))
        .then(pl.lit("imports"))
        .otherwise(pl.lit("exports"))
        .alias("flow"),
        pl.when(pl.date("year", "m", 1) > last)
        .then(None)
        .otherwise("value")
        .alias("value_usd_millions"),
        pl.lit(CENSUS_SOURCE).alias("source"),
        pl.lit(vintage).alias("vintage"),
        "_file",
        "_line",
    )
    return validate(frame, TRADE)


def _last_released(raw: pl.DataFrame) -> date:
    """Last month with a non-zero value in the newest year (later months are unreleased 0s)."""
    newest = raw.get_column("year").cast(pl.Int32, strict=False).max()
    row = raw.filter(pl.col("year").cast(pl.Int32, strict=False) == newest)
    released = [
        i + 1
        for i, m in enumerate(MONTHS)
        if row.select((pl.col(f"I{m}").abs() + pl.col(f"E{m}").abs()).sum()).item()
    ]
    return date(int(newest), max(released), 1) if released else date(int(newest) - 1, 12, 1)
