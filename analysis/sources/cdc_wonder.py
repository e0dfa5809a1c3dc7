"""CDC WONDER multiple-cause-of-death exports (tab-delimited `.txt`, or CSV copies) -> `overdose`.

Monthly groupings give `window = "1m"`, yearly ones `"12m"` ending in December. Quirks handled: the
`Notes` column and its `Total` rows (dropped from the table but checked: the rows must add up to the
totals the file states), the footer after the first `---` line (dataset, query date, "deaths
occurring through", multiple-cause codes -> indicator via `cdc_wonder_mcd.csv`), `Month Code`
parsed rather than the month label, `Suppressed` deaths (null, `is_suppressed`), `(provisional)`
year labels (`is_provisional`), state FIPS codes (with or without the leading zero, see
`cdc_wonder_states.csv`), and exports re-saved through a spreadsheet (unquoted headers, footer lines
padded with tabs, bare `---`). Race / Hispanic-origin breakdowns land in `subgroup`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import polars as pl

from analysis.contracts import OVERDOSE, validate
from analysis.errors import DataError
from analysis.provenance import vintage_of
from analysis.sources._rawcsv import (
    header_fields,
    numbers,
    read_bytes,
    read_mapping,
    read_table,
    unknown_labels,
)

WHAT = "CDC WONDER export"
HERE = Path(__file__).parent
MCD = read_mapping(HERE / "cdc_wonder_mcd.csv")
STATES = read_mapping(HERE / "cdc_wonder_states.csv")
TIME = ("Year", "Year Code", "Month", "Month Code")
GEO = ("State", "State Code", "Residence State", "Residence State Code")
CAUSE = ("Multiple Cause of death", "Multiple Cause of death Code")
BREAKDOWNS = ("Race", "Single Race 6", "Hispanic Origin", "Gender", "Ten-Year Age Groups")
MEASURES = (
    "Deaths",
    "Population",
    "Crude Rate",
    "Crude Rate Lower 95% Confidence Interval",
    "Crude Rate Upper 95% Confidence Interval",
    "Age Adjusted Rate",
    "Age Adjusted Rate Lower 95% Confidence Interval",
    "Age Adjusted Rate Upper 95% Confidence Interval",
)
KNOWN = ("Notes", *TIME, *GEO, *CAUSE, *BREAKDOWNS, *(f"{b} Code" for b in BREAKDOWNS), *MEASURES)
_KEY_LINE = re.compile(r"^([A-Z0-9][A-Za-z0-9 /&()\-]*?):\s*(.*)$")
_THROUGH = re.compile(r"Deaths occurring through (\w+ \d{1,2}, \d{4}) as of (\w+ \d{1,2}, \d{4})")
_QUERY_DATE = re.compile(r"([A-Z][a-z]{2} \d{1,2}, \d{4})")
_CODE = re.compile(r"\b([A-Z]\d\d(?:\.\d)?)\b")
_DRUG_UCD = re.compile(r"X40|Drug poisonings \(overdose\)")


@dataclass
class Footer:
    """What the block after the first `---` line says about the query."""

    fields: dict[str, str] = field(default_factory=dict)
    mcd_lines: list[str] = field(default_factory=list)

    @property
    def dataset(self) -> str | None:
        return self.fields.get("Dataset")

    @property
    def query_date(self) -> date | None:
        m = _QUERY_DATE.match(self.fields.get("Query Date", ""))
        return datetime.strptime(m.group(1), "%b %d, %Y").date() if m else None

    @property
    def through(self) -> tuple[date, date] | None:
        """("deaths occurring through", "as of") dates of provisional exports."""
        m = _THROUGH.search(" ".join(self.fields.get("_text", "").split()))
        if not m:
            return None
        return tuple(datetime.strptime(s, "%B %d, %Y").date() for s in m.groups())  # type: ignore[return-value]

    @property
    def mcd(self) -> str:
        """Canonical multiple-cause selection: 'All', one code, or codes joined by ' AND '."""
        codes = [c for line in self.mcd_lines for c in _CODE.findall(line)]
        if not codes:
            return "All"
        joiner = " AND " if any(line.strip() == "AND" for line in self.mcd_lines) else ", "
        return joiner.join(sorted(codes))

    @property
    def is_drug_overdose(self) -> bool:
        return any(_DRUG_UCD.search(v) for k, v in self.fields.items() if k.startswith("UCD"))


def split_footer(data: bytes) -> tuple[bytes, Footer | None]:
    """Cut the bytes at the first `---` line (quoted or bare, maybe tab-padded); parse the rest."""
    offset = 0
    for line in data.splitlines(keepends=True):
        if line.strip(b" \t\r\n").strip(b'"') == b"---":
            return data[:offset], parse_footer(data[offset:].decode("utf-8"))
        offset += len(line)
    return data, None


def parse_footer(text: str) -> Footer:
    """Key: value lines with continuation lines joined; MCD lines kept apart (they repeat)."""
    footer = Footer()
    key = None
    lines = [ln.strip(" \t\r").strip('"').strip() for ln in text.splitlines()]
    footer.fields["_text"] = "\n".join(lines)
    for line in lines:
        if not line or line == "---":
            key = None
            continue
        m = _KEY_LINE.match(line)
        if m:
            key, value = m.group(1), m.group(2)
            if key.startswith("MCD"):
                footer.mcd_lines.append(value)
            footer.fields[key] = (footer.fields.get(key, "") + " " + value).strip()
        elif key:
            footer.fields[key] += " " + line
            if key.startswith("MCD"):
                footer.mcd_lines[-1] += " " + line
    return footer


def footer(path: Path) -> Footer | None:
    """The parsed footer of a WONDER export (None for footer-less CSV copies)."""
    return split_footer(read_bytes(Path(path), what=WHAT))[1]


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Read one WONDER export; return validated `overdose` rows (Total rows checked, dropped)."""
    path = Path(path)
    data = read_bytes(path, what=WHAT)
    body, foot = split_footer(data)
    first = body.split(b"\n", 1)[0]
    sep = "\t" if b"\t" in first else ","
    if sep == "\t" and foot is None:
        msg = "no footer: the `---` line that ends the data block is missing"
        raise DataError(
            msg,
            file=path,
            line=data.count(b"\n") + 1,
            expected="data rows, then a line `---` and the query description",
            found="end of file",
            fix="the export is cut off: export it again from CDC WONDER with 'Show Totals' on",
        )
    names = header_fields(body, sep)
    _check_columns(path, names)
    raw = read_table(body, path, separator=sep, what=WHAT)
    raw = raw.with_columns(pl.col(c).str.strip_chars() for c in names)
    totals = raw.filter(pl.col("Notes") == "Total")
    rows = raw.filter(pl.col("Notes").is_null() | (pl.col("Notes") != "Total"))
    frame = _normalize(rows, path, names, foot, _vintage(path, vintage, foot))
    _reconcile(frame, totals, path)
    return validate(frame.drop("_codes"), OVERDOSE)


def _check_columns(path: Path, names: list[str]) -> None:
    unknown = [n for n in names if n not in KNOWN]
    missing = [n for n in ("Notes", "Deaths") if n not in names]
    timed = any(t in names for t in ("Month Code", "Year Code"))
    if unknown or missing or not timed:
        msg = "unknown column layout for a CDC WONDER export"
        if len(names) == 1:
            msg += " (one column only: is the delimiter wrong?)"
        bad = (unknown or missing or ["Year Code"])[0]
        raise DataError(
            msg,
            file=path,
            line=1,
            column=bad,
            expected="Notes, Deaths, Year Code or Month Code, and only known group-by columns ["
            + ", ".join(KNOWN)
            + "]",
            found=", ".join(names),
            fix="export with 'Group By' year/month, state, race or Hispanic origin; "
            "a new group-by column needs an entry in analysis/sources/cdc_wonder.py",
        )


def _vintage(path: Path, given: date | None, foot: Footer | None) -> date:
    """Explicit > sidecar `vintage` or YYYY-MM in the folder name > the footer's query date."""
    if given:
        return given
    try:
        return vintage_of(path)
    except DataError:
        if foot is None or foot.query_date is None:
            raise
        return foot.query_date


def _normalize(
    rows: pl.DataFrame, path: Path, names: list[str], foot: Footer | None, vintage: date
) -> pl.DataFrame:
    state = next((c for c in ("State Code", "Residence State Code") if c in names), None)
    breakdowns = [b for b in BREAKDOWNS if b in names]
    rows = rows.with_columns(
        pl.col("Deaths").replace("Suppressed", None).alias("_deaths"),
        (pl.col("Deaths") == "Suppressed").fill_null(False).alias("is_suppressed"),
    )
    rows = numbers(rows, path, {"deaths": ("_deaths", pl.Int64)}, shown={"_deaths": "Deaths"})
    if "Month Code" in names:
        rows = _dates(rows, path, "Month Code", r"^(\d{4})/(\d{2})$", window="1m")
    else:
        rows = _dates(rows, path, "Year Code", r"^(\d{4})$", window="12m")
    labels = [c for c in ("Year", "Month") if c in names]
    provisional = pl.lit(False)
    for c in labels:
        provisional = provisional | pl.col(c).str.contains("(?i)provisional").fill_null(False)
    if state:
        rows = rows.with_columns(pl.col(state).str.zfill(2).alias("_fips"))
        unknown_labels(
            rows,
            path,
            "_fips",
            STATES.get_column("fips").to_list(),
            shown=state,
            fix="add the FIPS code to analysis/sources/cdc_wonder_states.csv",
        )
        geo = pl.col("_fips").replace_strict(dict(STATES.select("fips", "geo").iter_rows()))
    else:
        geo = pl.lit("US")
    subgroup = (
        pl.concat_str(
            [pl.lit(f"{b}=") + pl.col(b).fill_null("") for b in breakdowns], separator="; "
        )
        if breakdowns
        else pl.lit("all")
    )
    codes = [c for c in ("Year Code", "Month Code", state, *(f"{b} Code" for b in breakdowns)) if c]
    return rows.select(
        "period_end",
        "window",
        geo.alias("geo"),
        subgroup.alias("subgroup"),
        _indicator(rows, path, names, foot).alias("indicator"),
        "deaths",
        pl.lit(None, pl.Float64).alias("deaths_predicted"),
        "is_suppressed",
        provisional.alias("is_provisional"),
        pl.lit(None, pl.Float64).alias("pct_complete"),
        pl.lit(None, pl.Float64).alias("pct_pending"),
        pl.lit(_source(path, foot)).alias("source"),
        pl.lit(vintage).alias("vintage"),
        pl.struct([pl.col(c).alias(c) for c in codes if c in names]).alias("_codes"),
        "_file",
        "_line",
    )


def _dates(rows: pl.DataFrame, path: Path, column: str, pattern: str, *, window: str):
    year = pl.col(column).str.extract(pattern, 1).cast(pl.Int32)
    month = pl.col(column).str.extract(pattern, 2).cast(pl.Int8) if window == "1m" else pl.lit(12)
    rows = rows.with_columns(
        pl.date(year, month, 1).dt.month_end().alias("period_end"), pl.lit(window).alias("window")
    )
    bad = rows.filter(pl.col("period_end").is_null())
    if bad.height:
        msg = "not a WONDER period code"
        raise DataError(
            msg,
            file=path,
            line=bad.item(0, "_line"),
            column=column,
            expected="YYYY/MM" if window == "1m" else "YYYY",
            found=bad.item(0, column),
            fix="export again from CDC WONDER; do not edit the code columns",
        )
    return rows


def _indicator(rows: pl.DataFrame, path: Path, names: list[str], foot: Footer | None) -> pl.Expr:
    known = dict(MCD.select("mcd", "indicator").iter_rows())
    fix = "add the multiple-cause selection to analysis/sources/cdc_wonder_mcd.csv"
    if "Multiple Cause of death Code" in names:
        unknown_labels(
            rows, path, "Multiple Cause of death Code", list(known), shown=CAUSE[1], fix=fix
        )
        return pl.col("Multiple Cause of death Code").replace_strict(known)
    if foot is None:
        msg = "cannot tell which deaths the file counts"
        raise DataError(
            msg,
            file=path,
            column="Multiple Cause of death Code",
            expected="that column, or the WONDER footer naming the MCD - ICD-10 codes",
            found="neither",
            fix="export with the footer (tab-delimited .txt) or group by Multiple Cause of death",
        )
    mcd = foot.mcd
    if mcd not in known or (mcd == "All" and not foot.is_drug_overdose):
        msg = "unknown multiple-cause selection in the footer"
        raise DataError(
            msg,
            file=path,
            column="MCD - ICD-10 Codes",
            expected="one of " + "; ".join(known) + " (with a drug-overdose UCD)",
            found=mcd,
            fix=fix,
        )
    return pl.lit(known[mcd])


def _source(path: Path, foot: Footer | None) -> str:
    """'CDC WONDER, <dataset>' from the footer, else from the file name of a footer-less copy."""
    if foot and foot.dataset:
        return f"CDC WONDER, {foot.dataset}"
    stem = re.sub(r"_?MANUAL_DOWNLOAD$", "", path.stem)
    return f"CDC WONDER, {stem.replace('_', ' ')}"


def _reconcile(frame: pl.DataFrame, totals: pl.DataFrame, path: Path) -> None:
    """Each `Total` row must equal the sum of the data rows it covers (unless any is suppressed)."""
    if totals.height == 0:
        return
    codes = frame.get_column("_codes").struct.unnest()
    data = pl.concat([codes, frame.select("deaths", "is_suppressed")], how="horizontal")
    for total in totals.iter_rows(named=True):
        stated = (total.get("Deaths") or "").replace(",", "")
        if not stated.isdigit():
            continue
        cond = [pl.col(c) == total[c] for c in codes.columns if total.get(c)]
        part = data.filter(*cond) if cond else data
        if part.height == 0 or part.get_column("is_suppressed").any():
            continue
        summed = int(part.get_column("deaths").sum())
        if summed != int(stated):
            msg = f"data rows add up to {summed:,}, not the Total the file states"
            raise DataError(
                msg,
                file=path,
                line=total["_line"],
                column="Deaths",
                expected=f"{int(stated):,}",
                found=f"{summed:,} over {part.height} row(s)",
                fix="the file was edited or cut: export it again from CDC WONDER",
            )
