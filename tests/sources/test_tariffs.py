"""The curated tariff-actions loader: the shipped file's coverage, and each faulty input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis.contracts import TARIFF_ACTIONS
from analysis.errors import DataError
from analysis.sources import SOURCES, tariffs

HEADER = (
    "action_id,announced,effective,ends,imposer,target,authority,layer,rate_pct,coverage,"
    "citation,note"
)
GOOD = (
    "us-x,2025-02-01,2025-02-04,,US,CN,ieepa_fentanyl,ieepa_fentanyl,10,all goods,"
    '"EO 14195, 90 FR 9121",'
)


@pytest.fixture
def shipped(repo_root: Path) -> pl.DataFrame:
    files = SOURCES["tariffs"].files(repo_root / "data" / "raw")
    assert files, "the repo ships data/raw/tariffs/<vintage>/tariff_actions.csv"
    return tariffs.load_many(files)


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "tariff_actions.csv"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_shipped_actions_cover_the_issue_list(shipped: pl.DataFrame) -> None:
    assert shipped.schema == TARIFF_ACTIONS.schema
    layers = set(shipped["layer"])
    for layer in (
        "section_301_list1",
        "section_301_list2",
        "section_301_list3",
        "section_301_list4a",
        "section_301_2024_ev",
        "section_232_steel",
        "section_232_aluminum",
        "ieepa_fentanyl",
        "ieepa_reciprocal",
        "section_122",
        "retaliation_reciprocal",
    ):
        assert layer in layers, layer
    assert set(shipped["imposer"]) == {"US", "CN"}
    assert (shipped.filter(pl.col("imposer") == "CN")["authority"] != "section_301").all()
    assert shipped["effective"].min() >= date(2018, 1, 1)
    assert shipped["effective"].max() <= date(2026, 12, 31)
    assert (shipped["effective"] >= shipped["announced"]).all()
    assert {"court_ruling", "truce", "retaliation"} <= set(shipped["authority"])


def test_shipped_key_rates(shipped: pl.DataFrame) -> None:
    def rate(action_id: str) -> tuple[date, float | None]:
        row = shipped.filter(pl.col("action_id") == action_id).row(0, named=True)
        return row["effective"], row["rate_pct"]

    assert rate("us-ieepa-fentanyl-10") == (date(2025, 2, 4), 10.0)
    assert rate("us-ieepa-fentanyl-20") == (date(2025, 3, 4), 20.0)
    assert rate("us-ieepa-fentanyl-busan") == (date(2025, 11, 10), 10.0)
    assert rate("us-ieepa-reciprocal-125") == (date(2025, 4, 10), 125.0)
    assert rate("us-ieepa-fentanyl-void") == (date(2026, 2, 24), 0.0)
    assert rate("us-301-list4a-7.5") == (date(2020, 2, 14), 7.5)
    assert rate("us-301-list3-25") == (date(2019, 5, 10), 25.0)
    assert rate("us-deminimis-cn")[1] is None
    s122 = shipped.filter(pl.col("layer") == "section_122").row(0, named=True)
    assert s122["ends"] == date(2026, 7, 24)


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        (GOOD.replace(",10,", ",ten,"), "rate_pct", "a plain number"),
        (GOOD.replace(",10,", ",10%,"), "rate_pct", "a plain number"),
        (GOOD.replace("2025-02-04", "2025-13-01"), "effective", "ISO date"),
        (GOOD.replace("2025-02-04", "2025-01-30"), "effective", "on or after the announcement"),
        (GOOD.replace('"EO 14195, 90 FR 9121"', ""), "citation", "a value"),
        (GOOD.replace(",US,CN,", ",EU,CN,"), "imposer", "one of CN, US"),
        (GOOD.replace("ieepa_fentanyl,ieepa", "tarrif,ieepa"), "authority", "one of"),
        (GOOD.replace(",10,", ",-5,"), "rate_pct", "values in [0, 1000]"),
        (
            GOOD.replace("2025-02-04,,", "2025-02-04,2025-01-01,"),
            "ends",
            "on or after the effective",
        ),
    ],
)
def test_bad_values_name_file_line_column(
    tmp_path: Path, row: str, column: str, expected: str
) -> None:
    path = write(tmp_path, f"{HEADER}\n{GOOD.replace('us-x', 'us-ok')}\n{row}\n")
    with pytest.raises(DataError) as info:
        tariffs.load(path)
    text = str(info.value)
    assert text.startswith(f"{path}:3: column '{column}'"), text
    assert expected in text and "fix:" in text


def test_duplicate_action_id(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n{GOOD}\n")
    with pytest.raises(DataError, match="repeat the key") as info:
        tariffs.load(path)
    assert info.value.line == 2


def test_optional_columns_may_be_absent(tmp_path: Path) -> None:
    header = HEADER.replace("ends,", "").replace(",note", "")
    row = GOOD.replace("2025-02-04,,", "2025-02-04,").rstrip(",")
    out = tariffs.load(write(tmp_path, f"{header}\n{row}\n"))
    assert out["ends"].to_list() == [None]
    assert out["note"].to_list() == [None]


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"", "file is empty"),
        (HEADER.encode() + b"\n", "no data rows"),
        (b"\xff\xfe" + HEADER.encode("utf-16-le"), "not UTF-8"),
    ],
)
def test_empty_header_only_and_non_utf8(tmp_path: Path, content: bytes, detail: str) -> None:
    with pytest.raises(DataError, match=detail):
        tariffs.load(write(tmp_path, content))


def test_no_files_gives_the_empty_table() -> None:
    assert tariffs.load_many([]).equals(TARIFF_ACTIONS.empty())
