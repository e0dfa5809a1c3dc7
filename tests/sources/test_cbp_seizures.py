"""CBP seizure loader: the real nationwide and AMO files and tiny files reproducing each quirk."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analysis.contracts import SEIZURES, validate
from analysis.errors import DataError
from analysis.sources import cbp_seizures

NEW = "cbp_seizures/ntimbs_2026-01/nationwide-drugs-fy23-fy26-dec.csv"
OLD = "cbp_seizures/ntimbs_2026-01/nationwide-drugs-fy19-fy22.csv"
MID = "cbp_seizures/jacobaschoff_2023-11/nationwide-drugs-fy20-fy23.csv"
AMO = [
    "cbp_seizures/ntimbs_2026-01/amo-drug-seizures-fy23-fy26-dec.csv",
    "cbp_seizures/ntimbs_2026-01/amo-drug-seizures-fy19-fy22.csv",
    "cbp_seizures/jacobaschoff_2023-11/amo-drug-seizures-fy20-fy23.csv",
]
HEADER = (
    "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,"
    "Count of Event,Sum Qty (lbs)\r\n"
)


@pytest.fixture(scope="module")
def files() -> dict[str, pl.DataFrame]:
    from analysis.config import shared_data_dir

    root = shared_data_dir()
    if root is None:
        pytest.skip("…/shared/data absent: real CBP seizure files not available")
    return {name: cbp_seizures.load(root / name) for name in (NEW, OLD, MID, *AMO)}


def _fentanyl_by_fy(frame: pl.DataFrame) -> dict[int, int]:
    by_fy = frame.filter(drug="fentanyl").group_by("fiscal_year").agg(pl.col("quantity_lbs").sum())
    return {fy: round(lbs) for fy, lbs in by_fy.iter_rows()}


def test_nationwide_fentanyl_pounds_by_fiscal_year(files):
    got = _fentanyl_by_fy(pl.concat([files[OLD], files[NEW]]))
    assert got == {
        2019: 2804, 2020: 4791, 2021: 11201, 2022: 14700, 2023: 27023, 2024: 21889,
        2025: 12027, 2026: 3398,
    }  # fmt: skip


def test_older_and_newer_releases_agree_where_not_revised(files):
    key = ["month", "component", "region", "area", "land_filter", "drug"]
    old = files[OLD].filter(pl.col("fiscal_year").is_between(2020, 2022))
    mid = files[MID].filter(pl.col("fiscal_year").is_between(2020, 2022))
    both = old.join(mid, on=key, how="full", suffix="_mid")
    assert both.height == old.height == mid.height
    assert (both["events"] == both["events_mid"]).all()
    assert ((both["quantity_lbs"] - both["quantity_lbs_mid"]).abs() < 1e-6).all()
    assert _fentanyl_by_fy(files[MID])[2023] == _fentanyl_by_fy(files[NEW])[2023] == 27023
    assert files[OLD]["vintage"][0] == date(2026, 1, 1)
    assert files[MID]["vintage"][0] == date(2023, 11, 1)


def test_fiscal_year_to_calendar_month_and_fytd(files):
    new = files[NEW]
    fy26 = new.filter(fiscal_year=2026)
    assert sorted(fy26["month"].unique().to_list()) == [
        date(2025, 10, 1), date(2025, 11, 1), date(2025, 12, 1),
    ]  # fmt: skip
    fy24 = new.filter(fiscal_year=2024)
    assert fy24["month"].min() == date(2023, 10, 1) and fy24["month"].max() == date(2024, 9, 1)
    assert set(new["component"]) == {"OFO", "USBP"}
    assert {"other", "khat", "fentanyl", "methamphetamine", "cocaine"} <= set(new["drug"])


def test_amo_files_use_branch_as_area(files):
    for name in AMO:
        frame = files[name]
        assert set(frame["component"]) == {"AMO"}
        assert set(frame["land_filter"]) == {"Land", "Other"}
        assert "Air and Marine Operations" in frame["source"][0]
    assert "Caribbean Air And Marine Branch" in set(files[AMO[0]]["area"])


def test_scientific_notation_quantities(tmp_path):
    path = tmp_path / "cbp_2026-01" / "nationwide.csv"
    path.parent.mkdir()
    path.write_text(
        HEADER
        + "2026 (FYTD),DEC,Office of Field Operations,Coastal/Interior,Other,TAMPA FIELD OFFICE,"
        "Cocaine,1,4.40924524e-05\r\n"
        "2023,APR,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Other Drugs**,2,"
        "147.04832875399998\r\n",
        newline="",
    )
    frame = cbp_seizures.load(path)
    assert frame["quantity_lbs"].to_list() == pytest.approx([4.40924524e-05, 147.04832875399998])
    assert frame["month"].to_list() == [date(2025, 12, 1), date(2023, 4, 1)]
    assert frame["drug"].to_list() == ["cocaine", "other"]
    lf = path.with_name("lf.csv")
    lf.write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))
    assert cbp_seizures.load(lf).equals(frame)


BAD = {
    "empty": (b"", "file is empty", 1, None),
    "header_only": (HEADER.encode(), "header only", 2, None),
    "cut_off": (
        (HEADER + "2023,APR,U.S. Border Patrol,Southwest Border,Land Only,TUCSON").encode(),
        "row cut off",
        2,
        "Area of Responsibility",
    ),
    "wrong_delimiter": (HEADER.replace(",", "\t").encode(), "delimiter wrong", 1, None),
    "unknown_drug": (
        (
            HEADER + "2023,APR,U.S. Border Patrol,Southwest Border,Land Only,X,Xylazine,1,2\n"
        ).encode(),
        "unknown label",
        2,
        "Drug Type",
    ),
    "bad_number": (
        (
            HEADER + "2023,APR,U.S. Border Patrol,Southwest Border,Land Only,X,Heroin,1,1.2.3\n"
        ).encode(),
        "not numbers",
        2,
        "Sum Qty (lbs)",
    ),
    "bad_fy": (
        (HEADER + "FY23,APR,U.S. Border Patrol,Southwest Border,Land Only,X,Heroin,1,1\n").encode(),
        "not numbers",
        2,
        "FY",
    ),
    "not_utf8": (
        (
            HEADER + "2023,APR,U.S. Border Patrol,Southwest Border,Land Only,\xc9L,Heroin,1,1\n"
        ).encode("latin-1"),
        "not UTF-8",
        2,
        "Area of Responsibility",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_line_error(tmp_path, run_cli, case):
    data, detail, line, column = BAD[case]
    path = tmp_path / "cbp_2026-01" / "bad.csv"
    path.parent.mkdir()
    path.write_bytes(data)
    with pytest.raises(DataError) as err:
        cbp_seizures.load(path)
    text = str(err.value)
    assert "\n" not in text and detail in text and text.startswith(f"{path}:{line}:")
    if column:
        assert f"column '{column}'" in text
    out = tmp_path / "out.parquet"
    code, _, stderr = run_cli("normalize", "cbp_seizures", str(path), "--out", str(out))
    assert code == 1 and stderr.count("\n") == 1 and not out.exists()


def test_unknown_layout_lists_known_layouts(tmp_path):
    path = tmp_path / "cbp_2026-01" / "x.csv"
    path.parent.mkdir()
    path.write_text("FY,Month,Drug,Pounds\n2024,OCT,Fentanyl,1\n")
    with pytest.raises(DataError, match=r"nationwide: FY, .*AMO: FY, .*Branch"):
        cbp_seizures.load(path)


@pytest.mark.parametrize("name", [NEW, OLD, MID, *AMO])
def test_every_shared_file_normalizes_through_the_cli(shared_data, tmp_path, run_cli, name):
    out = tmp_path / "seizures.parquet"
    code, _, err = run_cli("normalize", "cbp_seizures", str(shared_data / name), "--out", str(out))
    assert code == 0, err
    frame = validate(pl.read_parquet(out), SEIZURES)
    assert frame.height > 1000


def test_every_file_in_the_shared_folder_is_covered(shared_data):
    found = [p.relative_to(shared_data).as_posix() for p in shared_data.glob("cbp_seizures/*/*")]
    assert sorted(found) == sorted([NEW, OLD, MID, *AMO])
