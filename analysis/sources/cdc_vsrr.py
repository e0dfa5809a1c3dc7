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
#: NUMBERS still text after the read (thousands separators, "99.5+").
TEXT_NUMBERS = ("deaths", "deaths_predicted", "pct_complete")
#: Columns parsed while reading (snake-case name -> dtype); the rest of NUMBERS is parsed after.
READ_TYPES = {
    "year": pl.Int32,
    "month": pl.Enum(list(MONTHS)),
    "period": pl.Enum([PERIOD]),
    "indicator": pl.Enum(INDICATORS.get_column("label").to_list()),
    "percent_pending_investigation": pl.Float64,
}
#: Canonical code of each indicator label, in the order of the `indicator` Enum ("" = not counted).
CODES = INDICATORS.get_column("indicator").fill_null("")
SUPPRESSION_NOTES = ("suppressed", "low data quality")


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Read one VSRR release (any layout) and return validated `overdose` rows.

    The labels, year and percent pending are parsed while reading (`Enum`s of the exact known
    labels); a file where any of them does not parse is read again as text so the checks can
    name the line. One lazy polars pass then parses and flags every row.
    """
    path = Path(path)
    header = header_fields(head_bytes(path, what=WHAT), ",")
    match_layout(path, header, LAYOUTS, what=WHAT)
    types = {name: READ_TYPES[_snake(name)] for name in header if _snake(name) in READ_TYPES}
    raw = read_table(path, path, what=WHAT, skip=UNUSED, types=types)
    shown = {_snake(c): c for c in raw.columns if not c.startswith("_")}
    raw = raw.rename({c: _snake(c) for c in raw.columns if not c.startswith("_")})
    if raw.schema["indicator"] == pl.String:  # some label or number did not parse: find it
        _explain(raw, path, shown)
        raw = raw.with_columns(
            pl.col(name).cast(dtype, strict=False) for name, dtype in READ_TYPES.items()
        )
    if "predicted_value" not in raw.columns:
        raw = raw.with_columns(pl.lit(None, pl.String).alias("predicted_value"))
    parsed, bad_number = number_exprs({k: NUMBERS[k] for k in TEXT_NUMBERS})
    withheld = pl.col("footnote").is_in(_suppression_notes(raw))
    frame = (
        raw.lazy()
        .with_columns(
            pl.lit(CODES).gather(pl.col("indicator").to_physical()).alias("code"),
            (pl.col("year") * 12 + pl.col("month").to_physical().cast(pl.Int32)).alias("_ym"),
            *parsed,
        )
        .select(
            "_ym",
            pl.lit("12m").alias("window"),
            pl.col("state").replace(GEO).alias("geo"),
            pl.lit("all").alias("subgroup"),
            pl.col("code").alias("indicator"),
            "deaths",
            "deaths_predicted",
            (pl.col("deaths").is_null() & withheld).alias("is_suppressed"),
            pl.lit(True).alias("is_provisional"),
            "pct_complete",
            pl.col("percent_pending_investigation").alias("pct_pending"),
            pl.lit(SOURCE).alias("source"),
            pl.lit(vintage or vintage_of(path)).alias("vintage"),
            "_file",
            "_line",
            (
                pl.col("code").is_null()
                | pl.col("month").is_null()
                | pl.col("period").is_null()
                | pl.col("state").is_null()
                | (bad_number & (pl.col("code") != ""))
            ).alias("_bad"),
        )
        .collect()
    )
    if frame.get_column("_bad").any():
        _explain(raw, path, shown)
        line = frame.filter("_bad").item(0, "_line")
        msg = "row failed the layout checks"
        raise DataError(msg, file=path, line=line, fix="compare the row with the published file")
    frame = frame.filter(pl.col("indicator") != "")
    ym = frame.get_column("_ym")
    return validate(
        frame.with_columns(_month_ends(ym).alias("period_end")).drop("_bad", "_ym"), OVERDOSE
    )


def _suppression_notes(raw: pl.DataFrame) -> list[str]:
    """The distinct footnotes of blank values that say the value was withheld (a handful per
    file, so the text test runs on them rather than on every row)."""
    blank = raw.get_column("footnote").filter(raw.get_column("data_value").is_null())
    notes = blank.unique().drop_nulls().to_list()
    return [n for n in notes if any(word in n for word in SUPPRESSION_NOTES)]


def _month_ends(ym: pl.Series) -> pl.Expr:
    """Last day of each month from `year * 12 + month - 1`, looked up in a table of the months the
    file spans (cheaper than building a date per row)."""
    if ym.null_count() == ym.len():
        return pl.lit(None, pl.Date)
    first, last = ym.min(), ym.max()
    ends = []
    for k in range(first, last + 1):
        year, month = divmod(k, 12)
        ends.append(date(year, month + 1, monthrange(year, month + 1)[1]))
    return pl.lit(pl.Series(ends, dtype=pl.Date)).gather(pl.col("_ym") - first)


def _explain(raw: pl.DataFrame, path: Path, shown: dict[str, str]) -> None:
    """Error path: raise the located error for the first unknown label, blank state or bad number
    (on the text of the cells, for the counted indicators only)."""
    text = raw.with_columns(
        pl.col(name).cast(pl.String) for name in READ_TYPES if raw.schema[name] != pl.String
    )
    _check_labels(text, path, shown)
    counted = INDICATORS.get_column("label").filter(CODES != "").to_list()
    numbers(text.filter(pl.col("indicator").is_in(counted)), path, NUMBERS, shown=shown)


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
