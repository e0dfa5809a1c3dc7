"""Column and table declarations, and the one function that checks a frame against them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import polars as pl

from analysis.errors import ContractError

#: Row-origin columns a loader may attach (file path, 1-based line) so errors can cite them.
ORIGIN_COLUMNS = ("_file", "_line")


@dataclass(frozen=True)
class Column:
    """One declared column: name, polars dtype, unit, description and allowed values."""

    name: str
    dtype: pl.DataType | type[pl.DataType]
    description: str
    unit: str | None = None
    nullable: bool = True
    allowed: frozenset[str] | None = None
    #: Inclusive numeric bounds (None = open).
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Check:
    """A row rule beyond types: `bad(frame)` is a boolean expression true on offending rows."""

    column: str
    bad: Callable[[], pl.Expr]
    expected: str
    fix: str


@dataclass(frozen=True)
class Table:
    """A table contract: ordered columns, key, description and extra row checks."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    checks: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def schema(self) -> pl.Schema:
        return pl.Schema({c.name: c.dtype for c in self.columns})

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def empty(self) -> pl.DataFrame:
        """A zero-row frame with exactly the declared schema."""
        return pl.DataFrame(schema=self.schema)

    def conform(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Select declared columns in declared order (keeping origin columns), casting nothing."""
        keep = [c for c in ORIGIN_COLUMNS if c in frame.columns]
        return frame.select([*self.names, *keep])


def _sample(frame: pl.DataFrame, mask: pl.Series, column: str, limit: int = 3) -> tuple[str, list]:
    bad = frame.filter(mask)
    rows = []
    has_origin = all(c in bad.columns for c in ORIGIN_COLUMNS)
    for rec in bad.head(limit).iter_rows(named=True):
        where = f"{rec['_file']}:{rec['_line']}" if has_origin else f"row {rec.get('_row', '?')}"
        rows.append(f"{where} {rec.get(column)!r}")
    return "; ".join(rows), bad.head(1).to_dicts()


def _fail(
    table: Table,
    frame: pl.DataFrame,
    mask: pl.Series,
    column: str,
    what: str,
    expected: str,
    fix: str,
) -> None:
    count = int(mask.sum())
    examples, first = _sample(frame, mask, column)
    rec = first[0] if first else {}
    msg = f"table '{table.name}': {count} of {frame.height} row(s) {what} [{examples}]"
    raise ContractError(
        msg,
        file=rec.get("_file"),
        line=rec.get("_line"),
        column=column,
        expected=expected,
        fix=fix,
    )


def validate(frame: pl.DataFrame, table: Table, *, strip_origin: bool = True) -> pl.DataFrame:
    """Check `frame` against `table`; return it in declared column order or raise ContractError.

    Checks, in order: missing and extra columns, dtypes, nulls in key or non-nullable columns,
    values outside a declared set or range, declared row checks, and duplicate keys. Errors name the
    table, the column, the count and up to three offending rows (file:line when loaders attached
    `_file`/`_line`).
    """
    cols = [c for c in frame.columns if c not in ORIGIN_COLUMNS and c != "_row"]
    missing = [n for n in table.names if n not in cols]
    extra = [n for n in cols if n not in table.names]
    if missing:
        msg = f"table '{table.name}': missing column(s) {missing}"
        raise ContractError(
            msg,
            column=missing[0],
            expected=f"columns {table.names}",
            found=cols,
            fix="produce every declared column (see analysis.contracts)",
        )
    if extra:
        msg = f"table '{table.name}': undeclared column(s) {extra}"
        raise ContractError(
            msg,
            column=extra[0],
            expected=f"columns {table.names}",
            found=cols,
            fix="declare the column in analysis.contracts or drop it in the loader",
        )
    for col in table.columns:
        got = frame.schema[col.name]
        if got != col.dtype:
            sample = ", ".join(repr(v) for v in frame.get_column(col.name).head(3).to_list())
            msg = f"table '{table.name}': wrong dtype in all {frame.height} row(s) [{sample}]"
            raise ContractError(
                msg,
                column=col.name,
                expected=str(col.dtype),
                found=str(got),
                fix="cast the column in the loader",
            )
    if "_row" not in frame.columns:
        frame = frame.with_row_index("_row", offset=1)
    for col in table.columns:
        s = frame.get_column(col.name)
        if (col.name in table.key or not col.nullable) and s.null_count():
            _fail(
                table,
                frame,
                s.is_null(),
                col.name,
                "are null",
                "a value",
                f"fill '{col.name}' (it is {'a key' if col.name in table.key else 'required'})",
            )
        if col.allowed is not None:
            mask = s.is_not_null() & ~s.is_in(sorted(col.allowed))
            if mask.any():
                _fail(
                    table,
                    frame,
                    mask,
                    col.name,
                    "have values outside the declared set",
                    "one of " + ", ".join(sorted(col.allowed)),
                    f"use a declared value for '{col.name}'",
                )
        if col.minimum is not None or col.maximum is not None:
            mask = pl.Series([False] * frame.height, dtype=pl.Boolean)
            if col.minimum is not None:
                mask = mask | (s < col.minimum).fill_null(False)
            if col.maximum is not None:
                mask = mask | (s > col.maximum).fill_null(False)
            if mask.any():
                _fail(
                    table,
                    frame,
                    mask,
                    col.name,
                    "are out of range",
                    f"values in [{col.minimum}, {col.maximum}]",
                    "correct the value",
                )
    for check in table.checks:
        mask = frame.select(check.bad().fill_null(False)).to_series()
        if mask.any():
            _fail(table, frame, mask, check.column, "break a rule", check.expected, check.fix)
    if table.key and frame.height:
        mask = frame.select(pl.struct(list(table.key)).is_duplicated()).to_series()
        if mask.any():
            _fail(
                table,
                frame,
                mask,
                table.key[-1],
                f"repeat the key {list(table.key)}",
                "unique keys",
                "remove or merge the duplicated rows",
            )
    frame = frame.drop("_row")
    return table.conform(frame).drop(
        [c for c in ORIGIN_COLUMNS if c in frame.columns] if strip_origin else []
    )


def describe(tables: Sequence[Table]) -> str:
    """A Markdown data dictionary generated from the declarations (for the README and docs)."""
    out = []
    for t in tables:
        out.append(f"### `{t.name}`\n\n{t.description} Key: {', '.join(t.key) or '—'}.\n")
        out.append("| column | type | unit | description |\n|---|---|---|---|")
        for c in t.columns:
            out.append(f"| `{c.name}` | {c.dtype} | {c.unit or ''} | {c.description} |")
        out.append("")
    return "\n".join(out)
