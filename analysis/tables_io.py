"""Write a table to .parquet, .csv or .jsonl atomically (lists become JSON text in CSV)."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from analysis.errors import DataError
from analysis.provenance import atomic_write_bytes

FORMATS = (".parquet", ".csv", ".jsonl")


def check_format(out: Path) -> str:
    """The lower-case suffix of `out` if it is a format `write_frame` writes, else a DataError."""
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        msg = "unknown output format"
        raise DataError(
            msg,
            file=out,
            expected=" or ".join(FORMATS),
            found=suffix or "none",
            fix="name the output with one of those extensions",
        )
    return suffix


def write_frame(frame: pl.DataFrame, out: Path) -> Path:
    """Write `frame` to `out` by its suffix, via a temp file and rename."""
    out = Path(out)
    suffix = check_format(out)
    buf = io.BytesIO()
    if suffix == ".parquet":
        frame.write_parquet(buf)
    elif suffix == ".csv":
        flat = frame.with_columns(
            pl.col(c).map_elements(_json_list, return_dtype=pl.String)
            for c, t in frame.schema.items()
            if isinstance(t, pl.List)
        )
        flat.write_csv(buf)
    else:
        frame.write_ndjson(buf)
    atomic_write_bytes(out, buf.getvalue())
    return out


def _json_list(values: pl.Series | list | None) -> str:
    import json

    return json.dumps(list(values) if values is not None else [], ensure_ascii=False)
