"""Shared reading steps for the official delimited files: bytes, UTF-8, layout, numbers, errors.

Every step raises one-line `DataError`s naming the file, the line and the column; the fast path is
vectorised polars, and only the error path scans lines in Python to find where the problem is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl

from analysis.errors import DataError

BOM = b"\xef\xbb\xbf"


def read_bytes(path: Path, *, what: str) -> bytes:
    """The file's bytes with any UTF-8 BOM removed; empty files and non-UTF-8 bytes are errors."""
    data = Path(path).read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM) :]
    if not data or data.isspace():
        msg = "file is empty"
        raise DataError(
            msg,
            file=path,
            line=1,
            expected=f"a header line and data rows ({what})",
            found="0 bytes" if not data else "only whitespace",
            fix="download the file again; an empty file is usually a failed download",
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _encoding_error(path, data, exc) from None
    return data


def head_bytes(path: Path, *, what: str, size: int = 1 << 16) -> bytes:
    """The first bytes of a file (BOM removed) for its header; the whole file on the error path."""
    with open(path, "rb") as fh:
        head = fh.read(size)
    if head.startswith(BOM):
        head = head[len(BOM) :]
    first = head.split(b"\n", 1)[0]
    try:
        first.decode("utf-8")
    except UnicodeDecodeError:
        read_bytes(path, what=what)  # raises the located encoding error
    if not head or head.isspace():
        read_bytes(path, what=what)  # raises "file is empty"
    return head


def _encoding_error(path: Path, data: bytes, exc: UnicodeDecodeError) -> DataError:
    line_no = data.count(b"\n", 0, exc.start) + 1
    start = data.rfind(b"\n", 0, exc.start) + 1
    header = data.split(b"\n", 1)[0].decode("utf-8", "replace").rstrip("\r")
    before = data[start : exc.start].decode("utf-8", "replace")
    sep = "\t" if "\t" in header else ","
    names = next(csv.reader([header], delimiter=sep), [])
    index = len(next(csv.reader([before + "x"], delimiter=sep), [""])) - 1
    column = names[index] if 0 <= index < len(names) else None
    msg = "bytes are not UTF-8"
    return DataError(
        msg,
        file=path,
        line=line_no,
        column=column,
        expected="UTF-8 text",
        found=f"byte 0x{data[exc.start]:02x} at offset {exc.start}",
        fix="re-download the file as published, or re-save it as UTF-8 (e.g. from Latin-1)",
    )


def header_fields(data: bytes, separator: str) -> list[str]:
    """The first line split into field names (quotes removed, surrounding spaces stripped)."""
    first = data.split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
    return [f.strip() for f in next(csv.reader([first], delimiter=separator), [])]


def match_layout(
    path: Path, found: Sequence[str], layouts: Mapping[str, Sequence[str]], *, what: str
) -> str:
    """The name of the layout whose columns equal `found` (order-free); else list the known ones."""
    got = {f.lower() for f in found}
    for name, cols in layouts.items():
        if got == {c.lower() for c in cols}:
            return name
    known = " | ".join(f"{n}: {', '.join(c)}" for n, c in layouts.items())
    hint = ""
    if len(found) == 1 and any(ch in found[0] for ch in ";|\t,"):
        hint = " (one column only: is the delimiter wrong?)"
    msg = f"unknown column layout for {what}{hint}"
    raise DataError(
        msg,
        file=path,
        line=1,
        column=found[0] if found else None,
        expected=f"one of the known layouts [{known}]",
        found=", ".join(found),
        fix="check the delimiter and header; a new publisher layout needs an entry in the loader",
    )


def read_table(
    source: Path | bytes,
    path: Path,
    *,
    separator: str = ",",
    first_line: int = 1,
    what: str,
    skip: Sequence[str] = (),
    types: Mapping[str, pl.DataType | type[pl.DataType]] | None = None,
) -> pl.DataFrame:
    """Parse a delimited file (or its bytes) into all-string columns plus `_file` and `_line`.

    Columns named in `skip` are not materialised (they are still checked for field counts).
    `types` (header name -> dtype, e.g. an `Enum` of the known labels) parses those columns while
    reading, which is much cheaper than converting text afterwards; if any cell does not parse,
    the whole file is read as text instead, so the caller's own checks can name the cell (callers
    test the returned dtypes to see which happened).

    `_line` is the 1-based line in the raw file. Empty and header-only files, non-UTF-8 bytes,
    rows cut off mid-line (fewer fields than the header, or an open quote) and rows with too many
    fields are errors naming the line. The fast path is one `polars.read_csv`; the slower
    diagnosis runs only when that fails.
    """
    data = source if isinstance(source, bytes) else None
    head = data[: 1 << 16] if data is not None else head_bytes(path, what=what)
    names = header_fields(head, separator)
    keep = [i for i, n in enumerate(names) if n not in skip]

    def read(overrides: Mapping[str, pl.DataType | type[pl.DataType]] | None) -> pl.DataFrame:
        return pl.read_csv(
            io.BytesIO(data) if data is not None else path,
            separator=separator,
            infer_schema=False,
            columns=keep,
            new_columns=names,
            schema_overrides=dict(overrides) if overrides else None,
            raise_if_empty=True,
        )

    if types:
        try:
            return _finish(read(types), path, data, separator, names, first_line, what)
        except (pl.exceptions.ComputeError, pl.exceptions.NoDataError):
            pass  # read again as text below: that path names the offending line
    try:
        frame = read(None)
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as exc:
        raise _diagnose(path, data, separator, names, first_line, str(exc), what) from None
    return _finish(frame, path, data, separator, names, first_line, what)


def _finish(
    frame: pl.DataFrame,
    path: Path,
    data: bytes | None,
    separator: str,
    names: list[str],
    first_line: int,
    what: str,
) -> pl.DataFrame:
    """Reject header-only files and a cut-off last row; attach `_file` and `_line`."""
    if frame.height == 0:
        msg = "header only, no data rows"
        raise DataError(
            msg,
            file=path,
            line=first_line + 1,
            expected=f"data rows below the header ({what})",
            found="end of file",
            fix="download the file again; the publisher's file always has rows",
        )
    _check_last_row(_tail(path, data), path, separator, names, first_line + frame.height)
    return frame.with_columns(
        pl.lit(str(path)).alias("_file"),
        pl.int_range(first_line + 1, first_line + 1 + frame.height, dtype=pl.Int64).alias("_line"),
    )


def _tail(path: Path, data: bytes | None, size: int = 1 << 16) -> bytes:
    if data is not None:
        return data[-size:]
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - size))
        return fh.read()


def _diagnose(
    path: Path,
    data: bytes | None,
    separator: str,
    names: list[str],
    first_line: int,
    detail: str,
    what: str,
) -> DataError:
    """Why polars rejected the file: empty, not UTF-8, or which row is malformed."""
    if data is None:
        data = read_bytes(path, what=what)  # raises for empty files and bad encodings
    return _locate_bad_row(data, path, separator, names, first_line, detail)


def _check_last_row(
    tail: bytes, path: Path, separator: str, names: list[str], line_no: int
) -> None:
    """A download cut off mid-row leaves a last line with fewer fields than the header."""
    body = tail.rstrip(b"\r\n")
    last = body[body.rfind(b"\n") + 1 :].decode("utf-8").rstrip("\r")
    fields = next(csv.reader([last], delimiter=separator), [])
    if len(fields) < len(names):
        msg = "row cut off mid-line"
        raise DataError(
            msg,
            file=path,
            line=line_no,
            column=names[len(fields) - 1] if fields else names[0],
            expected=f"{len(names)} fields",
            found=f"{len(fields)} field(s): {last[-60:]!r}",
            fix="the file is truncated: download it again",
        )


def _locate_bad_row(
    data: bytes, path: Path, separator: str, names: list[str], first_line: int, detail: str
) -> DataError:
    """Find the first row the CSV parser rejected (error path only: a Python scan)."""
    text = data.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        for row in reader:
            line_no = first_line - 1 + reader.line_num
            if reader.line_num > 1 and row and len(row) != len(names):
                what = "too many" if len(row) > len(names) else "too few"
                msg = f"{what} fields"
                return DataError(
                    msg,
                    file=path,
                    line=line_no,
                    column=names[min(len(row), len(names)) - 1] if names else None,
                    expected=f"{len(names)} fields separated by {separator!r}",
                    found=f"{len(row)} field(s)",
                    fix="check the delimiter and quotes on that line, or download the file again",
                )
    except csv.Error as exc:
        msg = "unreadable row (unbalanced quotes: cut off mid-line?)"
        return DataError(
            msg,
            file=path,
            line=first_line - 1 + reader.line_num,
            found=str(exc),
            fix="the file is truncated or corrupt: download it again",
        )
    msg = "the CSV parser rejected the file"
    line_count = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    return DataError(
        msg,
        file=path,
        line=first_line - 1 + line_count,
        found=detail.splitlines()[0] if detail else None,
        fix="the last row is probably cut off (open quote): download the file again",
    )


NumberSpec = (
    tuple[str, "pl.DataType | type[pl.DataType]"]
    | tuple[str, "pl.DataType | type[pl.DataType]", str]
)


def number_exprs(
    columns: Mapping[str, NumberSpec], *, strip: str = ","
) -> tuple[list[pl.Expr], pl.Expr]:
    """Expressions casting text columns to numbers, and one flagging rows with a non-number.

    `columns` maps output name -> (input column, dtype[, characters to remove]); the characters
    default to `strip` (thousands separators). Blank cells are already null from `read_table`.
    Evaluate the flag after the parsed columns exist (it reads them by their output names).
    """
    parsed, bad = [], []
    for out, spec in columns.items():
        src, dtype = spec[0], spec[1]
        clean = pl.col(src)
        for ch in spec[2] if len(spec) > 2 else strip:
            clean = clean.str.replace_all(ch, "", literal=True)
        parsed.append(clean.cast(dtype, strict=False).alias(out))
        bad.append(pl.col(src).is_not_null() & pl.col(out).is_null())
    return parsed, pl.any_horizontal(bad) if bad else pl.lit(False)


def numbers(
    frame: pl.DataFrame,
    path: Path,
    columns: Mapping[str, NumberSpec],
    *,
    strip: str = ",",
    shown: Mapping[str, str] | None = None,
) -> pl.DataFrame:
    """Add the parsed number columns; a cell that is not a number (e.g. `1.2.3`, or `12.5` where an
    integer is due) raises a DataError citing its line and column."""
    parsed, _ = number_exprs(columns, strip=strip)
    out = frame.with_columns(parsed)
    for name, spec in columns.items():
        src, dtype = spec[0], spec[1]
        rows = frame.filter(frame.get_column(src).is_not_null() & out.get_column(name).is_null())
        if rows.height:
            row = rows.row(0, named=True)
            is_int = dtype in (pl.Int64, pl.Int32, pl.Int16)
            msg = f"{rows.height} cell(s) are not numbers"
            raise DataError(
                msg,
                file=path,
                line=row.get("_line"),
                column=(shown or {}).get(src, src),
                expected="an integer" if is_int else "a number",
                found=row[src],
                fix="correct the cell (blank means missing), or download the file again",
            )
    return out


def unknown_labels(
    frame: pl.DataFrame,
    path: Path,
    column: str,
    known: Sequence[str],
    *,
    shown: str,
    fix: str,
) -> None:
    """Raise for the first value of `column` outside `known` (exact labels, no substrings)."""
    bad = frame.filter(~pl.col(column).is_in(list(known)) | pl.col(column).is_null())
    if bad.height:
        row = bad.row(0, named=True)
        labels = bad.get_column(column).unique().to_list()
        msg = f"{len(labels)} unknown label(s) in {bad.height} row(s)"
        raise DataError(
            msg,
            file=path,
            line=row.get("_line"),
            column=shown,
            expected="one of " + "; ".join(repr(k) for k in sorted(known)),
            found=row[column],
            fix=fix,
        )


def read_mapping(path: Path) -> pl.DataFrame:
    """A small mapping CSV beside a loader (all columns text; empty cells stay empty strings)."""
    return pl.read_csv(path, infer_schema=False)
