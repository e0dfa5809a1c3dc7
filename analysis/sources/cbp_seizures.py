"""CBP drug seizures (nationwide OFO/USBP and Air and Marine Operations CSVs) -> `seizures`.

Quirks handled: `FY` runs October–September (FY2024 OCT is October 2023) and the current year reads
`2026 (FYTD)`; months are uppercase abbreviations sorted alphabetically; `Sum Qty (lbs)` may be in
scientific notation; drug names carry asterisks (`Other Drugs**`, mapped in
`cbp_seizures_drugs.csv`); CRLF or LF line ends. AMO files have `Branch` where the nationwide files
have `Area of Responsibility`; both land in `area`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from analysis.contracts import SEIZURES, validate
from analysis.provenance import vintage_of
from analysis.sources._rawcsv import (
    head_bytes,
    header_fields,
    match_layout,
    numbers,
    read_mapping,
    read_table,
    unknown_labels,
)

WHAT = "CBP drug seizure statistics"
PUBLISHER = "U.S. Customs and Border Protection"
DATASETS = {
    "nationwide": f"{PUBLISHER}, Nationwide Drug Seizures",
    "AMO": f"{PUBLISHER}, Air and Marine Operations Drug Seizures",
}
_COMMON = ("FY", "Month (abbv)", "Component", "Region", "Land Filter")
_TAIL = ("Drug Type", "Count of Event", "Sum Qty (lbs)")
LAYOUTS = {
    "nationwide": (*_COMMON, "Area of Responsibility", *_TAIL),
    "AMO": (*_COMMON, "Branch", *_TAIL),
}
COMPONENTS = {
    "Office of Field Operations": "OFO",
    "U.S. Border Patrol": "USBP",
    "Air and Marine Operations": "AMO",
}
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    )
}
DRUGS = read_mapping(Path(__file__).with_name("cbp_seizures_drugs.csv"))


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Read one CBP seizure file (nationwide or AMO layout); return validated `seizures` rows."""
    path = Path(path)
    head = head_bytes(path, what=WHAT)
    layout = match_layout(path, header_fields(head, ","), LAYOUTS, what=WHAT)
    raw = read_table(path, path, what=WHAT).rename({LAYOUTS[layout][5]: "Area"})
    raw = raw.with_columns(pl.col("FY").str.replace(r"\s*\(FYTD\)\s*$", "").alias("_fy"))
    checks = {
        "Month (abbv)": (list(MONTHS), "months are 3-letter uppercase abbreviations (OCT…SEP)"),
        "Component": (list(COMPONENTS), "add the component to COMPONENTS in the loader"),
        "Drug Type": (
            DRUGS.get_column("label").to_list(),
            "add the exact drug label to analysis/sources/cbp_seizures_drugs.csv",
        ),
    }
    for col, (known, fix) in checks.items():
        unknown_labels(raw, path, col, known, shown=col, fix=fix)
    raw = numbers(
        raw,
        path,
        {
            "fiscal_year": ("_fy", pl.Int16),
            "events": ("Count of Event", pl.Int64),
            "quantity_lbs": ("Sum Qty (lbs)", pl.Float64),
        },
        shown={"_fy": "FY"},
    )
    month = pl.col("Month (abbv)").replace_strict(MONTHS, return_dtype=pl.Int8)
    year = pl.col("fiscal_year").cast(pl.Int32) - (month >= 10).cast(pl.Int32)
    frame = raw.select(
        pl.date(year, month, 1).alias("month"),
        "fiscal_year",
        pl.col("Component").replace_strict(COMPONENTS, return_dtype=pl.String).alias("component"),
        pl.col("Region").alias("region"),
        pl.col("Area").alias("area"),
        pl.col("Land Filter").alias("land_filter"),
        pl.col("Drug Type")
        .replace_strict(dict(DRUGS.iter_rows()), return_dtype=pl.String)
        .alias("drug"),
        "events",
        "quantity_lbs",
        pl.lit(DATASETS[layout]).alias("source"),
        pl.lit(vintage or vintage_of(path)).alias("vintage"),
        "_file",
        "_line",
    )
    return validate(frame, SEIZURES)
