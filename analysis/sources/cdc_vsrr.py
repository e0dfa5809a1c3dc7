"""CDC NCHS VSRR Provisional Drug Overdose Death Counts (data.cdc.gov `xkb8-kh2a`) -> `overdose`.

Reads the three published layouts (2017 legacy with BOM, 12-column portal CSV, lowercase SODA API
extract). Every value is a 12-month-ending sum (`window = "12m"`). Quirks handled: quoted thousands
separators, blank suppressed cells (flagged `is_suppressed` from the footnote), `99.5+` percent
complete, months by full name in any row order, `YC` (New York City) kept apart from `NY` as `NYC`,
indicators mapped by their exact labels (see `cdc_vsrr_indicators.csv`); the all-cause "Number of
Deaths" and "Percent with drugs specified" rows are kept out of the death counts.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from pathlib import Path

import polars as pl

from analysis.contracts import OVERDOSE, validate
from analysis.errors import DataError
from analysis.provenance import vintage_of
from analysis.sources._rawcsv import (
    head_bytes,
    header_fields,
    match_layout,
    number_exprs,
    numbers,
    read_mapping,
    read_table,
    unknown_labels,
)

SOURCE = "CDC NCHS, VSRR Provisional Drug Overdose Death Counts"
WHAT = "CDC VSRR provisional drug overdose death counts"
INDICATORS = read_mapping(Path(__file__).with_name("cdc_vsrr_indicators.csv"))

LAYOUTS = {
    "legacy 2017": (
        "State", "State Name", "Year", "Month", "Period", "Indicator", "Data Value",
        "Percent Complete", "Percent Pending Investigation", "Footnote",
    ),
    "portal": (
        "State", "Year", "Month", "Period", "Indicator", "Data Value", "Percent Complete",
        "Percent Pending Investigation", "State Name", "Footnote", "Footnote Symbol",
        "Predicted Value",
    ),
    "SODA API": (
        "state", "year", "month", "period", "indicator", "percent_complete",
        "percent_pending_investigation", "state_name", "footnote", "footnote_symbol",
        "data_value", "predicted_value",
    ),
}  # fmt: skip
MONTHS = {
    name: i + 1
    for i, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}
PERIOD = "12 month-ending"
GEO = {"YC": "NYC"}
UNUSED = ("State Name", "Footnote Symbol", "state_name", "footnote_symbol")


def _snake(name: str) -> str:
    return name.strip().lower().replace(" ", "_")


#: output -> (column, dtype, characters removed first): thousands separators, "99.5+" complete.
NUMBERS = {
    "year_n": ("year", pl.Int32, ""),
    "deaths": ("data_value", pl.Int64, ","),
    "deaths_predicted": ("predicted_value", pl.Float64, ","),
    "pct_complete": ("percent_complete", pl.Float64, "+"),
    "pct_pending": ("percent_pending_investigation", pl.Float64, ""),
}


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Read one VSRR release (any layout) and return validated `overdose` rows.

    One lazy polars pass parses and flags every row; the slower checks that name the offending
    line run only when a flag is up.
    """
    path = Path(path)
    match_layout(path, header_fields(head_bytes(path, what=WHAT), ","), LAYOUTS, what=WHAT)
    raw = read_table(path, path, what=WHAT, skip=UNUSED)
    shown = {_snake(c): c for c in raw.columns if not c.startswith("_")}
    raw = raw.rename({c: _snake(c) for c in raw.columns if not c.startswith("_")})
    if "predicted_value" not in raw.columns:
        raw = raw.with_columns(pl.lit(None, pl.String).alias("predicted_value"))
    codes = {label: code or "" for label, code in INDICATORS.select("label", "indicator").rows()}
    parsed, bad_number = number_exprs(NUMBERS)
    blank_note = pl.when(pl.col("data_value").is_null()).then(pl.col("footnote"))
    suppressed = blank_note.str.contains("suppressed", literal=True) | blank_note.str.contains(
        "low data quality", literal=True
    )
    frame = (
        raw.lazy()
        .with_columns(
            pl.col("indicator").replace_strict(codes, default=None).alias("code"),
            pl.col("month").replace_strict(MONTHS, default=None, return_dtype=pl.Int8).alias("m"),
            *parsed,
        )
        .select(
            (pl.col("year_n") * 12 + pl.col("m") - 1).alias("_ym"),
            pl.lit("12m").alias("window"),
            pl.col("state").replace(GEO).alias("geo"),
            pl.lit("all").alias("subgroup"),
            pl.col("code").alias("indicator"),
            "deaths",
            "deaths_predicted",
            (pl.col("deaths").is_null() & suppressed.fill_null(False)).alias("is_suppressed"),
            pl.lit(True).alias("is_provisional"),
            "pct_complete",
            "pct_pending",
            pl.lit(SOURCE).alias("source"),
            pl.lit(vintage or vintage_of(path)).alias("vintage"),
            "_file",
            "_line",
            (
                pl.col("code").is_null()
                | pl.col("m").is_null()
                | (pl.col("period") != PERIOD).fill_null(True)
                | pl.col("state").is_null()
                | (bad_number & (pl.col("code") != ""))
            ).alias("_bad"),
        )
        .collect()
    )
    if frame.get_column("_bad").any():
        _check_labels(raw, path, shown)
        counted = [label for label, code in codes.items() if code]
        numbers(raw.filter(pl.col("indicator").is_in(counted)), path, NUMBERS, shown=shown)
        line = frame.filter("_bad").item(0, "_line")
        msg = "row failed the layout checks"
        raise DataError(msg, file=path, line=line, fix="compare the row with the published file")
    frame = (
        frame.filter(pl.col("indicator") != "")
        .with_columns(_month_ends(frame.get_column("_ym")).alias("period_end"))
        .drop("_bad", "_ym")
    )
    return validate(frame, OVERDOSE)


def _month_ends(ym: pl.Series) -> pl.Expr:
    """Last day of each month from `year * 12 + month - 1` via a lookup of the few distinct months
    (cheaper than building a date per row)."""
    ends = {}
    for k in ym.unique().drop_nulls().to_list():
        year, month = divmod(k, 12)
        ends[k] = date(year, month + 1, monthrange(year, month + 1)[1])
    return pl.col("_ym").replace_strict(ends, return_dtype=pl.Date)


def _check_labels(raw: pl.DataFrame, path: Path, shown: dict[str, str]) -> None:
    """Exact-label checks for indicator, period and month before anything is computed."""
    unknown_labels(
        raw,
        path,
        "indicator",
        INDICATORS.get_column("label").to_list(),
        shown=shown["indicator"],
        fix="add the exact label to analysis/sources/cdc_vsrr_indicators.csv with its code",
    )
    unknown_labels(
        raw,
        path,
        "period",
        [PERIOD],
        shown=shown["period"],
        fix="only 12-month-ending counts are published in this dataset; check the file",
    )
    unknown_labels(
        raw,
        path,
        "month",
        list(MONTHS),
        shown=shown["month"],
        fix="months are full English names (January…December)",
    )
    blank = raw.filter(pl.col("state").is_null())
    if blank.height:
        msg = "state is blank"
        raise DataError(
            msg,
            file=path,
            line=blank.item(0, "_line"),
            column=shown["state"],
            expected="a two-letter code, US or YC",
            found="''",
            fix="download the file again",
        )
