"""Trade loader: FRED IMPCH/EXPCH (old and new headers) and Census country.xlsx."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analysis.contracts import TRADE, validate
from analysis.errors import DataError
from analysis.sources import trade

F2026 = "census_trade/fred_2026-03/IMPCH.csv"
F2017_IMP = "census_trade/fred_2017-03/IMPCH.csv"
F2017_EXP = "census_trade/fred_2017-03/EXPCH.csv"
XLSX = "census_trade/census_country_xlsx_2022-03/country.xlsx"
KEY = ["month", "partner", "flow"]


@pytest.fixture(scope="module")
def files() -> dict[str, pl.DataFrame]:
    from analysis.config import shared_data_dir

    root = shared_data_dir()
    if root is None:
        pytest.skip("…/shared/data absent: real FRED and Census trade files not available")
    return {name: trade.load(root / name) for name in (F2026, F2017_IMP, F2017_EXP, XLSX)}


def _value(frame: pl.DataFrame, month: date, flow: str = "imports") -> float:
    return frame.filter(month=month, flow=flow, partner="CN")["value_usd_millions"].item()


def test_fred_2026_imports_from_china(files):
    frame = files[F2026]
    assert _value(frame, date(2019, 1, 1)) == pytest.approx(41302.51, abs=0.005)
    assert frame.height == 492 and frame["month"].max() == date(2025, 12, 1)
    assert frame["source"][0] == "U.S. Census Bureau via FRED, IMPCH"
    assert frame["vintage"][0] == date(2026, 3, 1)


def test_old_fred_header_and_exports(files):
    assert files[F2017_IMP]["month"].min() == date(2006, 12, 1)
    assert _value(files[F2017_IMP], date(2014, 1, 1)) == 38377.8
    assert set(files[F2017_EXP]["flow"]) == {"exports"}


def test_fred_2017_and_2026_agree_within_rounding_where_not_revised(files):
    both = files[F2017_IMP].join(files[F2026], on=KEY, suffix="_new")
    diff = (both["value_usd_millions"] - both["value_usd_millions_new"]).abs()
    unrevised = both["month"] < date(2014, 1, 1)
    assert diff.filter(unrevised).max() <= 0.05 + 1e-9  # values rounded to 0.1 in 2017
    assert diff.filter(~unrevised).max() > 1  # Census revised 2014–2016 since


def test_census_xlsx_china_and_unreleased_months(files):
    frame = files[XLSX]
    cn = frame.filter(partner="CN")
    assert _value(cn, date(2019, 1, 1)) == pytest.approx(41368.589257)
    assert _value(cn, date(2022, 1, 1)) == pytest.approx(47846.865938)
    unreleased = cn.filter(pl.col("month") > date(2022, 1, 1))
    assert unreleased.height == 22 and unreleased["value_usd_millions"].null_count() == 22
    assert cn.filter(pl.col("value_usd_millions") == 0).height == 0
    assert set(frame["partner"]) == {"CN", "HK", "CA", "MX"}  # no aggregates such as 0003 (EU)
    older = cn.join(files[F2026], on=KEY, suffix="_fred").filter(pl.col("month") < date(2019, 1, 1))
    assert (older["value_usd_millions"] - older["value_usd_millions_fred"]).abs().max() < 1e-6


def test_new_header_with_missing_dot(tmp_path):
    path = tmp_path / "fred_2026-03" / "EXPCH.csv"
    path.parent.mkdir()
    path.write_text("observation_date,EXPCH\n2025-11-01,.\n2025-12-01,11620.5\n")
    frame = trade.load(path)
    assert frame["value_usd_millions"].to_list() == [None, 11620.5]
    assert frame["flow"].to_list() == ["exports", "exports"]


BAD = {
    "empty": (b"", "file is empty", 1, None),
    "header_only": (b"observation_date,IMPCH\n", "header only", 2, None),
    "cut_off": (
        b"observation_date,IMPCH\n2025-11-01,1.5\n2025-12-01",
        "row cut off",
        3,
        "observation_date",
    ),
    "wrong_delimiter": (b"observation_date;IMPCH\n2025-11-01;1.5\n", "delimiter wrong", 1, None),
    "unknown_layout": (b"date,value,note\n2025-11-01,1,x\n", "unknown column layout", 1, "date"),
    "unknown_series": (b"DATE,IMPJP\n2025-11-01,1\n", "unknown FRED series", 1, "IMPJP"),
    "not_utf8": (b"DATE,IMPCH\n2025-11-01,1\xff\n", "not UTF-8", 2, "IMPCH"),
    "bad_number": (b"DATE,IMPCH\n2025-11-01,1.2.3\n", "not numbers", 2, "IMPCH"),
    "bad_date": (b"DATE,IMPCH\n2025-11-15,1.2\n", "first-of-month", 2, "DATE"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_line_error(tmp_path, run_cli, case):
    data, detail, line, column = BAD[case]
    path = tmp_path / "fred_2026-03" / "IMPCH.csv"
    path.parent.mkdir()
    path.write_bytes(data)
    with pytest.raises(DataError) as err:
        trade.load(path)
    text = str(err.value)
    assert "\n" not in text and detail in text and text.startswith(f"{path}:{line}:")
    if column:
        assert f"column '{column}'" in text
    if case == "unknown_layout":
        assert "FRED (old header)" in text and "Census country.xlsx" in text
    out = tmp_path / "out.csv"
    code, _, stderr = run_cli("normalize", "trade", str(path), "--out", str(out))
    assert code == 1 and stderr.count("\n") == 1 and not out.exists()


def test_workbook_that_is_not_census_xlsx(tmp_path):
    path = tmp_path / "census_2022-03" / "country.xlsx"
    path.parent.mkdir()
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DataError, match="cannot read the workbook"):
        trade.load(path)


@pytest.mark.parametrize("name", [F2026, F2017_IMP, F2017_EXP, XLSX])
def test_every_shared_file_normalizes_through_the_cli(shared_data, tmp_path, run_cli, name):
    out = tmp_path / "trade.parquet"
    code, _, err = run_cli("normalize", "trade", str(shared_data / name), "--out", str(out))
    assert code == 0, err
    assert validate(pl.read_parquet(out), TRADE).height >= 121


def test_every_file_in_the_shared_folder_is_covered(shared_data):
    found = [p.relative_to(shared_data).as_posix() for p in shared_data.glob("census_trade/*/*")]
    assert sorted(found) == sorted([F2026, F2017_IMP, F2017_EXP, XLSX])
