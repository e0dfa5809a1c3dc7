"""Strict reading of small hand-kept or published CSV files, with file:line errors.

Used by the curated sources (`timeline`, `tariffs`) and the tariff tracker. Every value problem
raises a one-line `DataError` naming the file, the 1-based line, the column, what was expected
and the fix; each row keeps `_file` and `_line` so later contract errors can cite it too.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import polars as pl

from analysis.errors import DataError
from analysis.sources._rawcsv import read_bytes

#: Column kinds understood by `read_csv`, with their polars dtypes.
KINDS: dict[str, pl.DataType] = {
    "str": pl.String(),
    "date": pl.Date(),
    "float": pl.Float64(),
    "int": pl.Int64(),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def decode(path: Path) -> str:
    """The file's text as UTF-8 (a BOM is dropped); empty or non-UTF-8 files raise DataError."""
    return read_bytes(Path(path), what="a curated CSV").decode("utf-8")


def read_csv(
    path: Path,
    columns: dict[str, str],
    *,
    required: Iterable[str],
    allow_extra: bool = False,
) -> pl.DataFrame:
    """Read `path` into a frame typed by `columns` ({name: kind}) plus `_file` and `_line`.

    `required` columns must be in the header; declared columns missing from the header are
    null. Blank cells are null. Dates must be ISO `YYYY-MM-DD`; numbers must be finite.
    """
    path = Path(path)
    text = decode(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    missing = [c for c in required if c not in header]
    if missing:
        msg = "header lacks required column(s)"
        raise DataError(
            msg,
            file=path,
            line=1,
            column=missing[0],
            expected="columns " + ", ".join(columns),
            found=",".join(header),
            fix=f"add {', '.join(missing)} to the header (names are case-sensitive)",
        )
    extra = [h for h in header if h not in columns]
    if extra and not allow_extra:
        msg = "header has unknown column(s)"
        raise DataError(
            msg,
            file=path,
            line=1,
            column=extra[0],
            expected="columns " + ", ".join(columns),
            found=",".join(header),
            fix="rename or remove the column",
        )
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        msg = "header repeats a column"
        raise DataError(msg, file=path, line=1, column=dupes[0], fix="keep one column of each name")
    values: dict[str, list] = {c: [] for c in columns}
    lines: list[int] = []
    line = reader.line_num
    for row in reader:
        first = line + 1  # the row's first physical line (quoted fields may span lines)
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            msg = f"row has {len(row)} field(s)"
            raise DataError(
                msg,
                file=path,
                line=first,
                expected=f"{len(header)} fields like the header",
                fix="quote values that contain commas, or add the missing fields",
            )
        cells = dict(zip(header, row, strict=True))
        for name, kind in columns.items():
            values[name].append(_convert(cells.get(name, ""), kind, path, first, name))
        lines.append(first)
    if not lines:
        msg = "file has a header but no data rows"
        raise DataError(
            msg,
            file=path,
            line=2,
            expected="at least one data row",
            fix="add the rows, or remove the file and its sidecar",
        )
    frame = pl.DataFrame({c: pl.Series(c, values[c], dtype=KINDS[k]) for c, k in columns.items()})
    return frame.with_columns(
        pl.lit(str(path)).alias("_file"), pl.Series("_line", lines, dtype=pl.Int64)
    )


def _convert(raw: str, kind: str, path: Path, line: int, column: str) -> object:
    text = raw.strip()
    if text == "":
        return None
    if kind == "str":
        return text
    if kind == "date":
        try:
            if not _ISO_DATE.match(text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            msg = "not a valid date"
            raise DataError(
                msg,
                file=path,
                line=line,
                column=column,
                expected="an ISO date YYYY-MM-DD (month 01-12, a real day)",
                found=text,
                fix="write the date as YYYY-MM-DD, e.g. 2025-03-04",
            ) from None
    try:
        number = float(text) if kind == "float" else int(text)
        if kind == "float" and not math.isfinite(number):
            raise ValueError(text)
    except ValueError:
        msg = "not a number"
        raise DataError(
            msg,
            file=path,
            line=line,
            column=column,
            expected="a plain number like 7.5 (no % sign, no words)"
            if kind == "float"
            else "a whole number",
            found=text,
            fix="write the number alone, or leave the cell empty when it does not apply",
        ) from None
    return number
