"""Column and table declarations, and the one function that checks a frame against them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

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
    rules = _rules(table)
    if frame.height and rules:
        # One parallel pass answers "any offender?" for every rule; details only on a hit.
        screens = [r.mask if r.screen is None else r.screen for r in rules]
        flags = frame.select(
            [screen.fill_null(False).any().alias(str(i)) for i, screen in enumerate(screens)]
        ).row(0)
        for rule, hit in zip(rules, flags, strict=True):
            if hit:
                indexed = frame if "_row" in frame.columns else frame.with_row_index("_row", 1)
                bad = indexed.select(rule.mask.fill_null(False)).to_series()
                if bad.any():
                    _fail(table, indexed, bad, rule.column, rule.what, rule.expected, rule.fix)
    frame = frame.drop("_row", strict=False)
    return table.conform(frame).drop(
        [c for c in ORIGIN_COLUMNS if c in frame.columns] if strip_origin else []
    )


class _Rule(NamedTuple):
    """A row rule: the mask of offending rows and how an error about them reads. `screen` is a
    cheaper mask true at least wherever `mask` is (used to decide whether to look closer)."""

    mask: pl.Expr
    column: str
    what: str
    expected: str
    fix: str
    screen: pl.Expr | None = None


def _rules(table: Table) -> list[_Rule]:
    """Every row rule of `table`, in the order errors are reported: per column nulls, allowed set,
    range; row checks; duplicate keys (screened on a combined hash, ~2x faster than comparing
    whole keys, then confirmed exactly)."""
    rules = []
    for col in table.columns:
        c = pl.col(col.name)
        if col.name in table.key or not col.nullable:
            role = "a key" if col.name in table.key else "required"
            fix = f"fill '{col.name}' (it is {role})"
            rules.append(_Rule(c.is_null(), col.name, "are null", "a value", fix))
        if col.allowed is not None:
            allowed = sorted(col.allowed)
            rules.append(
                _Rule(
                    c.is_not_null() & ~c.is_in(allowed),
                    col.name,
                    "have values outside the declared set",
                    "one of " + ", ".join(allowed),
                    f"use a declared value for '{col.name}'",
                )
            )
        if col.minimum is not None or col.maximum is not None:
            low = c < col.minimum if col.minimum is not None else pl.lit(False)
            high = c > col.maximum if col.maximum is not None else pl.lit(False)
            rules.append(
                _Rule(
                    low.fill_null(False) | high.fill_null(False),
                    col.name,
                    "are out of range",
                    f"values in [{col.minimum}, {col.maximum}]",
                    "correct the value",
                )
            )
    for check in table.checks:
        rules.append(_Rule(check.bad(), check.column, "break a rule", check.expected, check.fix))
    if table.key:
        rules.append(
            _Rule(
                pl.struct(list(table.key)).is_duplicated(),
                table.key[-1],
                f"repeat the key {list(table.key)}",
                "unique keys",
                "remove or merge the duplicated rows",
                _key_hash(table.key).is_duplicated(),
            )
        )
    return rules


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


def _key_hash(key: Sequence[str]) -> pl.Expr:
    """One 64-bit hash per row over the key columns (each hashed with its own seed, then xor-ed)."""
    hashes = [pl.col(name).hash(seed=i) for i, name in enumerate(key)]
    combined = hashes[0]
    for h in hashes[1:]:
        combined = combined.xor(h)
    return combined
