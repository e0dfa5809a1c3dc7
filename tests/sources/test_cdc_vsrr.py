"""CDC VSRR loader: the real releases (three layouts) and tiny files reproducing each quirk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis.contracts import OVERDOSE, validate
from analysis.errors import DataError
from analysis.sources import cdc_vsrr

API = "cdc_vsrr/datasciencelink_2026-06_api_T40.4/cdc_api_provisional_overdose_counts.csv"
V2025 = "cdc_vsrr/opioiddatalab_2025-01/data_2025-01-08_08-27-44.csv"
V2018 = "cdc_vsrr/hanyucai_2018-09/VSRR_Provisional_Drug_Overdose_Death_Counts.csv"
V2017 = "cdc_vsrr/buzzfeed_2017-09/VSRR_Provisional_Drug_Overdose_Death_Counts.csv"
FOOT = "Numbers may differ from published reports using final data. See Technical Notes."
PORTAL = (
    "State,Year,Month,Period,Indicator,Data Value,Percent Complete,"
    "Percent Pending Investigation,State Name,Footnote,Footnote Symbol,Predicted Value\n"
)
T404 = '"Synthetic opioids, excl. methadone (T40.4)"'


def _one(frame: pl.DataFrame, **where: object) -> dict:
    rows = frame.filter(**where)
    assert rows.height == 1, rows
    return rows.row(0, named=True)


@pytest.fixture(scope="module")
def releases() -> dict[str, pl.DataFrame]:
    from analysis.config import shared_data_dir

    root = shared_data_dir()
    if root is None:
        pytest.skip("…/shared/data absent: real CDC VSRR releases not available")
    return {name: cdc_vsrr.load(root / name) for name in (API, V2025, V2018, V2017)}


def test_api_release_newest_synthetic_opioid_figures(releases):
    row = _one(releases[API], geo="US", indicator="synthetic_opioids", period_end=date(2026, 1, 31))
    assert (row["deaths"], row["deaths_predicted"]) == (36825, 37488.0)
    assert row["window"] == "12m" and row["vintage"] == date(2026, 6, 1)
    assert releases[API]["indicator"].unique().to_list() == ["synthetic_opioids"]
    assert not {"LA", "PA"} & set(releases[API]["geo"])


def test_revisions_between_vintages(releases):
    def us_t404(name: str, end: date) -> int:
        frame = releases[name]
        return _one(frame, geo="US", indicator="synthetic_opioids", period_end=end)["deaths"]

    assert us_t404(V2025, date(2023, 12, 31)) == 74681
    assert us_t404(API, date(2023, 12, 31)) == 74091
    may17 = date(2017, 5, 31)
    assert us_t404(V2017, may17) == 23678
    assert us_t404(V2018, may17) == us_t404(V2025, may17) == us_t404(API, may17) == 24168


def test_unrevised_months_agree_between_2018_and_2025_vintages(releases):
    key = ["geo", "indicator", "period_end"]
    old = releases[V2018].filter(pl.col("period_end") <= date(2016, 12, 31), geo="US")
    new = releases[V2025].filter(pl.col("period_end") <= date(2016, 12, 31), geo="US")
    both = old.join(new, on=key, suffix="_new")
    assert both.height == old.height == 24 * 10
    assert (both["deaths"] == both["deaths_new"]).all()


def test_thousands_separators_and_excluded_indicators(releases):
    legacy = releases[V2017].filter(geo="US", period_end=date(2015, 1, 31))
    got = dict(legacy.select("indicator", "deaths").iter_rows())
    assert got == {
        "all_drugs": 47523, "opioids": 28986, "synthetic_opioids": 5766, "heroin": 10788,
        "natural_semisynthetic": 12269, "methadone": 3413, "cocaine": 5496,
        "psychostimulants": 4402,
    }  # fmt: skip
    # "Number of Deaths" (2,653,334 all-cause) and "Percent with drugs specified" are not counts
    assert releases[V2025].height == 69000 - 2 * 6095
    assert releases[V2025]["deaths"].max() < 200_000


def test_t404_substring_is_not_matched(releases):
    dec = releases[V2025].filter(geo="US", period_end=date(2023, 12, 31))
    got = dict(dec.select("indicator", "deaths").iter_rows())
    assert got["synthetic_opioids"] == 74681
    assert got["opioids"] > got["natural_semisynthetic_synthetic_methadone"] > 74681


def test_suppression_nyc_and_percent_complete(releases):
    frame = releases[V2025]
    assert frame["is_suppressed"].sum() == 11323
    assert frame.filter(pl.col("is_suppressed"))["deaths"].null_count() == 11323
    assert releases[API]["is_suppressed"].sum() == 1427
    ny = frame.filter(
        pl.col("geo").is_in(["NY", "NYC"]), indicator="all_drugs", period_end=date(2023, 12, 31)
    )
    assert dict(ny.select("geo", "deaths").iter_rows()) == {"NY": 3422, "NYC": 3112}
    la = _one(frame, geo="LA", indicator="all_drugs", period_end=date(2022, 11, 30))
    assert la["pct_complete"] == 99.5 and la["deaths"] == 2427


def test_row_order_does_not_matter(tmp_path):
    rows = [
        f'US,2024,{m},12 month-ending,{T404},"{v}",100,0.1,United States,{FOOT},**,"{v}"'
        for m, v in [("April", "70,100"), ("August", "69,000"), ("January", "71,000")]
    ]
    a = tmp_path / "a" / "x.csv"
    b = tmp_path / "b" / "x.csv"
    for path, body in ((a, rows), (b, rows[::-1])):
        path.parent.mkdir()
        path.write_text(PORTAL + "\n".join(body) + "\n")
    fa = cdc_vsrr.load(a, vintage=date(2025, 1, 1)).sort("period_end")
    fb = cdc_vsrr.load(b, vintage=date(2025, 1, 1)).sort("period_end")
    assert fa.equals(fb)
    assert fa["period_end"].to_list() == [date(2024, 1, 31), date(2024, 4, 30), date(2024, 8, 31)]
    assert fa["deaths"].to_list() == [71000, 70100, 69000]


def test_legacy_layout_with_bom_and_double_space_footnotes(tmp_path):
    path = tmp_path / "release_2017-05" / "VSRR.csv"
    path.parent.mkdir()
    path.write_bytes(
        b"\xef\xbb\xbfState,State Name,Year,Month,Period,Indicator,Data Value,Percent Complete,"
        b"Percent Pending Investigation,Footnote\n"
        b'US,United States,2017,May,12 month-ending,"Synthetic opioids, excl. methadone (T40.4)",'
        b'"23,214",100,0.3,*Likely underreported due to incomplete data\n'
        b"YC,New York City,2017,May,12 month-ending,Heroin (T40.1),,100,0,"
        b'"Underreported due to incomplete data.  Data suppressed (<10)."\n'
    )
    frame = cdc_vsrr.load(path)
    assert frame["vintage"].to_list() == [date(2017, 5, 1)] * 2
    us = _one(frame, geo="US")
    assert us["deaths"] == 23214 and us["deaths_predicted"] is None and not us["is_suppressed"]
    nyc = _one(frame, geo="NYC")
    assert nyc["deaths"] is None and nyc["is_suppressed"]


def test_api_layout_lowercase_columns_in_another_order(tmp_path):
    path = tmp_path / "api_2026-06" / "api.csv"
    path.parent.mkdir()
    path.write_text(
        "state,year,month,period,indicator,percent_complete,percent_pending_investigation,"
        "state_name,footnote,footnote_symbol,data_value,predicted_value\n"
        f"US,2026,January,12 month-ending,{T404},100,0.25,United States,{FOOT},**,36825,37488\n"
    )
    row = cdc_vsrr.load(path).row(0, named=True)
    assert (row["deaths"], row["deaths_predicted"], row["pct_pending"]) == (36825, 37488.0, 0.25)


def test_odd_cell_in_an_uncounted_row_reads_through_the_text_path(tmp_path):
    """The typed read fails on the all-cause row's 'n/a'; the text path ignores uncounted rows."""
    counted = f'US,2024,May,12 month-ending,{T404},"1,234",100,0.5,United States,{FOOT},**,1300\n'
    uncounted = "US,2024,May,12 month-ending,Number of Deaths,5000,100,n/a,United States,,,\n"
    frames = []
    for name, body in (("plain", counted), ("odd", counted + uncounted)):
        path = tmp_path / name / "x.csv"
        path.parent.mkdir()
        path.write_text(PORTAL + body)
        frames.append(cdc_vsrr.load(path, vintage=date(2025, 1, 1)))
    assert frames[0].equals(frames[1])
    assert _one(frames[1], geo="US")["deaths"] == 1234


# --- bad input: one line naming file, line and column; nothing written ---------------------------

GOOD_ROW = f"US,2024,May,12 month-ending,{T404},100,100,0,United States,{FOOT},**,\n"
BAD = {
    "empty": (b"", "file is empty", 1, None),
    "header_only": (PORTAL.encode(), "header only, no data rows", 2, None),
    "cut_off": ((PORTAL + GOOD_ROW + "US,2024,June,12 month-end").encode(), "row cut off", 3,
                "Period"),
    "wrong_delimiter": ((PORTAL + GOOD_ROW).replace(",", ";").encode(), "delimiter wrong", 1,
                        None),
    "unknown_layout": (b"state,month,deaths\nUS,May,1\n", "unknown column layout", 1, "state"),
    "unknown_label": ((PORTAL + GOOD_ROW.replace("excl. methadone", "incl. methadone")).encode(),
                      "unknown label", 2, "Indicator"),
    "not_utf8": ((PORTAL + GOOD_ROW.replace("United States", "Unit\xe9d")).encode("latin-1"),
                 "not UTF-8", 2, "State Name"),
    "bad_number": ((PORTAL + GOOD_ROW.replace(",100,100,", ",1.2.3,100,")).encode(),
                   "not numbers", 2, "Data Value"),
    # cells parsed while reading (Enum labels, year, percent pending) fall back to the text checks
    "bad_year": ((PORTAL + GOOD_ROW + GOOD_ROW.replace("2024", "2O24")).encode(),
                 "not numbers", 3, "Year"),
    "bad_period": ((PORTAL + GOOD_ROW.replace("12 month", "1 month")).encode(), "unknown label",
                   2, "Period"),
    "bad_pending": ((PORTAL + GOOD_ROW.replace(",100,100,0,", ",100,100,n/a,")).encode(),
                    "not numbers", 2, "Percent Pending Investigation"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_line_error(tmp_path, run_cli, case):
    data, detail, line, column = BAD[case]
    path = tmp_path / "vsrr_2025-01" / "bad.csv"
    path.parent.mkdir()
    path.write_bytes(data)
    with pytest.raises(DataError) as err:
        cdc_vsrr.load(path)
    text = str(err.value)
    assert "\n" not in text and detail in text
    assert text.startswith(f"{path}:{line}:")
    if column:
        assert f"column '{column}'" in text
    if case == "unknown_layout":
        assert "legacy 2017" in text and "portal" in text and "SODA API" in text
    out = tmp_path / "out.parquet"
    code, _, stderr = run_cli("normalize", "cdc_vsrr", str(path), "--out", str(out))
    assert code == 1 and stderr.startswith("error: ") and stderr.count("\n") == 1
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("name", [V2017, V2018, V2025, API])
def test_every_shared_release_normalizes_through_the_cli(shared_data, tmp_path, run_cli, name):
    out = tmp_path / "overdose.parquet"
    code, _, err = run_cli("normalize", "cdc_vsrr", str(shared_data / name), "--out", str(out))
    assert code == 0, err
    frame = validate(pl.read_parquet(out), OVERDOSE)
    assert frame.height > 6000 and frame["window"].unique().to_list() == ["12m"]


def test_every_file_in_the_shared_folder_is_covered(shared_data):
    found = [p.relative_to(shared_data).as_posix() for p in shared_data.glob("cdc_vsrr/*/*")]
    assert sorted(found) == sorted([V2017, V2018, V2025, API])


def test_mapping_file_covers_exact_labels():
    labels = cdc_vsrr.INDICATORS.get_column("label").to_list()
    assert len(labels) == len(set(labels)) == 12
    assert sum("T40.4" in label for label in labels) == 3
    path = Path(cdc_vsrr.__file__).with_name("cdc_vsrr_indicators.csv")
    assert path.exists()
