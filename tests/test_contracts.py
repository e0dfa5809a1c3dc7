"""Each check of `analysis.contracts.base.validate`, and the declared tables themselves."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analysis.contracts import TABLES, Check, Column, Table, describe, get, validate
from analysis.errors import ContractError, DataError

DEMO = Table(
    name="demo",
    description="A small table for the tests.",
    columns=(
        Column("id", pl.String, "key", nullable=False),
        Column("day", pl.Date, "day", nullable=False),
        Column("kind", pl.String, "kind", allowed=frozenset({"a", "b"})),
        Column("value", pl.Float64, "value", unit="%", minimum=0, maximum=100),
        Column("start", pl.Date, "start"),
    ),
    key=("id",),
    checks=(
        Check(
            "start",
            lambda: pl.col("start") > pl.col("day"),
            "a start on or before day",
            "swap the dates",
        ),
    ),
)


def frame(**overrides: list) -> pl.DataFrame:
    data = {
        "id": ["x1", "x2", "x3"],
        "day": [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)],
        "kind": ["a", "b", None],
        "value": [1.0, 50.0, 100.0],
        "start": [None, date(2025, 1, 15), date(2025, 3, 1)],
    }
    data.update(overrides)
    return pl.DataFrame(data, schema=DEMO.schema)


def fails(f: pl.DataFrame) -> ContractError:
    with pytest.raises(ContractError) as info:
        validate(f, DEMO)
    message = str(info.value)
    assert "\n" not in message
    assert "table 'demo'" in message
    return info.value


def test_valid_frame_passes_in_declared_order() -> None:
    shuffled = frame().select(["value", "id", "start", "kind", "day"])
    out = validate(shuffled, DEMO)
    assert out.columns == DEMO.names
    assert out.height == 3


def test_missing_column() -> None:
    err = fails(frame().drop("kind"))
    assert err.column == "kind"
    assert "missing column(s) ['kind']" in str(err)


def test_extra_column() -> None:
    err = fails(frame().with_columns(pl.lit(1).alias("surprise")))
    assert err.column == "surprise"
    assert "undeclared" in str(err)


def test_wrong_dtype() -> None:
    err = fails(frame().with_columns(pl.col("value").cast(pl.String)))
    assert err.column == "value"
    assert "wrong dtype in all 3 row(s) ['1.0', '50.0', '100.0']" in str(err)
    assert "expected Float64, found 'String'" in str(err)


def test_null_key_names_count_and_rows() -> None:
    err = fails(frame(id=["x1", None, None]))
    text = str(err)
    assert err.column == "id"
    assert "2 of 3 row(s) are null" in text
    assert "row 2 None; row 3 None" in text


def test_null_in_required_column() -> None:
    err = fails(frame(day=[date(2025, 1, 1), None, date(2025, 3, 1)]))
    assert err.column == "day"
    assert "1 of 3 row(s) are null" in str(err)
    assert "it is required" in str(err)


def test_duplicate_key() -> None:
    err = fails(frame(id=["x1", "x2", "x1"]))
    text = str(err)
    assert err.column == "id"
    assert "2 of 3 row(s) repeat the key ['id']" in text
    assert "row 1 'x1'; row 3 'x1'" in text


def test_value_outside_declared_set() -> None:
    err = fails(frame(kind=["a", "zzz", "b"]))
    assert err.column == "kind"
    assert "1 of 3 row(s) have values outside the declared set" in str(err)
    assert "row 2 'zzz'" in str(err)
    assert "expected one of a, b" in str(err)


@pytest.mark.parametrize("bad", [-0.5, 100.5])
def test_value_out_of_range(bad: float) -> None:
    err = fails(frame(value=[1.0, bad, 3.0]))
    assert err.column == "value"
    assert f"row 2 {bad}" in str(err)
    assert "values in [0, 100]" in str(err)


def test_row_check() -> None:
    err = fails(frame(start=[None, date(2025, 3, 1), None]))
    assert err.column == "start"
    assert "1 of 3 row(s) break a rule" in str(err)
    assert "a start on or before day" in str(err)
    assert "fix: swap the dates" in str(err)


def test_origin_columns_cite_file_and_line_and_are_stripped() -> None:
    f = frame(kind=["a", "b", "nope"]).with_columns(
        pl.lit("raw/demo.csv").alias("_file"), pl.Series("_line", [2, 3, 7], dtype=pl.Int64)
    )
    with pytest.raises(ContractError) as info:
        validate(f, DEMO)
    assert str(info.value).startswith("raw/demo.csv:7: column 'kind'")
    assert info.value.line == 7
    ok = validate(f.with_columns(pl.lit("a").alias("kind")), DEMO)
    assert "_file" not in ok.columns and "_line" not in ok.columns
    kept = validate(f.with_columns(pl.lit("a").alias("kind")), DEMO, strip_origin=False)
    assert kept.columns[-2:] == ["_file", "_line"]


def test_empty_frame_of_every_declared_table_is_valid() -> None:
    for table in TABLES.values():
        assert validate(table.empty(), table).height == 0
        assert table.key, f"{table.name} declares no key"
        assert set(table.key) <= set(table.names)


def test_empty_frame_with_range_columns_passes() -> None:
    assert validate(DEMO.empty(), DEMO).height == 0


def test_get_unknown_table_lists_the_declared_ones() -> None:
    with pytest.raises(DataError, match=r"unknown table 'nope'.*expected one of overdose"):
        get("nope")


def test_describe_lists_every_column() -> None:
    text = describe([DEMO])
    assert "### `demo`" in text
    assert "| `value` | Float64 | % | value |" in text
