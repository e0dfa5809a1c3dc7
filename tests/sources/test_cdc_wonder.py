"""CDC WONDER loader: real pristine and converted exports, stated totals, and hand-made quirks."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis.contracts import OVERDOSE, validate
from analysis.errors import DataError
from analysis.sources import cdc_wonder

BUZZ = "cdc_wonder/buzzfeed_2018-04"
D176_TXT = (
    "cdc_wonder/opioiddatalab_2025/Provisional Mortality Statistics, 2018 through Last Week.txt"
)
DSL = "cdc_wonder/datasciencelink_2025"
D77 = f"{DSL}/Multiple_Cause_of_Death_1999_2020_MANUAL_DOWNLOAD.csv"
D157 = f"{DSL}/Multiple_Cause_of_Death_2018_2023_Single_Race_MANUAL_DOWNLOAD.csv"
D176 = f"{DSL}/Provisional_Mortality_Statistics_2018_through_Last_Week_MANUAL_DOWNLOAD.csv"
#: The footer-less CSV copies carry no release date: the repo commit date is passed instead.
DSL_VINTAGE = "2026-06-27"


def _load(root: Path, name: str) -> pl.DataFrame:
    vintage = date.fromisoformat(DSL_VINTAGE) if name.startswith(DSL) else None
    return cdc_wonder.load(root / name, vintage=vintage)


def _stated_totals(path: Path) -> list[tuple[str, int]]:
    """(year or '', deaths) of the `Total` rows, read independently of the loader."""
    out = []
    for line in path.read_text(encoding="utf-8").split('"---"')[0].splitlines():
        cells = [c.strip('"') for c in line.split("\t")]
        if cells[0] == "Total" and cells[3] == "":  # year (or grand) totals of a monthly file
            out.append((cells[1], int(cells[5])))
    return out


@pytest.mark.parametrize("drug", ["fentanyl", "heroin", "cocaine", "rxopioids"])
def test_monthly_rows_add_up_to_the_totals_the_file_states(shared_data, drug):
    path = shared_data / BUZZ / f"{drug}_monthly_10_16_national.txt"
    frame = cdc_wonder.load(path)
    assert frame.height == 84 and set(frame["window"]) == {"1m"} and set(frame["geo"]) == {"US"}
    by_year = dict(
        frame.group_by(pl.col("period_end").dt.year().cast(pl.String))
        .agg(pl.col("deaths").sum())
        .iter_rows()
    )
    stated = _stated_totals(path)
    assert len(stated) == 8
    for year, deaths in stated:
        assert (by_year[year] if year else sum(by_year.values())) == deaths


def test_fentanyl_monthly_figures_and_footer(shared_data):
    path = shared_data / BUZZ / "fentanyl_monthly_10_16_national.txt"
    frame = cdc_wonder.load(path)
    assert set(frame["indicator"]) == {"synthetic_opioids"}
    assert frame.filter(period_end=date(2010, 1, 31))["deaths"].item() == 282
    assert frame["deaths"].sum() == 45943
    foot = cdc_wonder.footer(path)
    assert foot.dataset == "Multiple Cause of Death, 1999-2016"
    assert foot.query_date == date(2018, 4, 28) and foot.mcd == "T40.4"
    assert frame["vintage"][0] == date(2018, 4, 1)  # the folder names the release month
    assert frame["source"][0] == "CDC WONDER, Multiple Cause of Death, 1999-2016"


def test_annual_by_state_and_suppressed(shared_data):
    frame = cdc_wonder.load(shared_data / BUZZ / "cocaine_fentanyl_15_16_by_state.txt")
    assert frame.height == 102 and frame["geo"].n_unique() == 51
    assert set(frame["window"]) == {"12m"} and set(frame["indicator"]) == {
        "cocaine_and_synthetic_opioids"
    }
    al = frame.filter(geo="AL").sort("period_end")
    assert al["period_end"].to_list() == [date(2015, 12, 31), date(2016, 12, 31)]
    assert al["deaths"].to_list() == [None, 31] and al["is_suppressed"].to_list() == [True, False]
    assert frame["is_suppressed"].sum() == 47


def test_race_and_ethnicity_breakdowns_become_subgroups(shared_data):
    frame = cdc_wonder.load(shared_data / BUZZ / "allDrugs_15_16_by_race_and_ethnicity.txt")
    assert frame.height == 24 and frame["subgroup"].n_unique() == 12
    white = frame.filter(
        subgroup="Race=White; Hispanic Origin=Not Hispanic or Latino", period_end=date(2015, 12, 31)
    )
    assert white["deaths"].item() == 41720
    # the race totals the file states (dropped from the table) are what its rows add up to
    by_year = frame.group_by("period_end").agg(pl.col("deaths").sum()).sort("period_end")
    assert by_year["deaths"].to_list() == [52404, 63632]


def test_provisional_export_footer_and_labels(shared_data):
    path = shared_data / D176_TXT
    frame = cdc_wonder.load(path)
    assert frame.height == 3823 and set(frame["indicator"]) == {"all_drugs"}
    assert frame["period_end"].min() == date(2018, 1, 31)
    assert frame["period_end"].max() == date(2024, 7, 31)
    foot = cdc_wonder.footer(path)
    assert foot.through == (date(2024, 12, 28), date(2025, 1, 5))
    assert foot.mcd == "All" and foot.is_drug_overdose
    # no YYYY-MM in the folder name (opioiddatalab_2025): the query date is the vintage
    assert frame["vintage"][0] == date(2025, 1, 7)
    provisional = frame.filter("is_provisional")["period_end"]
    assert (
        provisional.min() == date(2023, 1, 31)
        and provisional.len() == frame.filter(pl.col("period_end") >= date(2023, 1, 1)).height
    )
    assert frame.filter(geo="NY", period_end=date(2018, 1, 31))["deaths"].item() == 379


def test_converted_csv_copies_agree_where_they_overlap(shared_data):
    d77, d157, d176 = (_load(shared_data, n) for n in (D77, D157, D176))
    key = ["geo", "period_end"]
    for old, new, n in ((d77, d157, 1365), (d157, d176, 3003)):
        both = old.join(new, on=key, suffix="_new")
        assert both.height == n and (both["deaths"] == both["deaths_new"]).all()
    assert d176["period_end"].max() == date(2025, 3, 31)
    assert d157.filter(period_end=date(2023, 12, 31)).height > 0  # "2023 " label, trailing space
    assert d176.filter(pl.col("period_end") >= date(2024, 1, 1))["is_provisional"].all()
    assert not d157["is_provisional"].any()
    assert {f["source"][0] for f in (d77, d157, d176)} == {
        "CDC WONDER, Multiple Cause of Death 1999 2020",
        "CDC WONDER, Multiple Cause of Death 2018 2023 Single Race",
        "CDC WONDER, Provisional Mortality Statistics 2018 through Last Week",
    }


def test_footerless_copy_needs_a_vintage(shared_data):
    with pytest.raises(DataError, match="cannot tell the release date"):
        cdc_wonder.load(shared_data / D77)


# --- a spreadsheet re-save (unquoted headers, codes without leading zero, padded footer) --------

RESAVED = (
    "Notes\tMonth\tMonth Code\tResidence State\tResidence State Code\tDeaths\tPopulation\t"
    "Crude Rate\r\n"
    '\t"Jan., 2019"\t"2019/01"\t"Alabama"\t1\t60\tNot Applicable\tNot Applicable\r\n'
    '\t"May, 2019"\t"2019/05"\t"Alabama"\t1\t70\tNot Applicable\tNot Applicable\r\n'
    '\t"May, 2019"\t"2019/05"\t"Wyoming"\t56\tSuppressed\tNot Applicable\tNot Applicable\r\n'
    'Total\t\t\t"Alabama"\t1\t130\tNot Applicable\tNot Applicable\r\n'
    "---\t\t\t\t\t\t\t\r\n"
    '"Dataset: Provisional Mortality Statistics, 2018 through Last Week"\t\t\t\t\t\t\t\r\n'
    '"UCD - Drug/Alcohol Induced Causes: Drug poisonings (overdose) Unintentional (X40-X44)"\r\n'
    '"Group By: Month; Residence State"\t\t\t\t\t\t\t\r\n'
    "---\t\t\t\t\t\t\t\r\n"
    '"Query Date: Apr 21, 2025 3:02:11 PM"\t\t\t\t\t\t\t\r\n'
    "---\t\t\t\t\t\t\t\r\n"
    '"8. Deaths occurring through April 05, 2025 as of April 19, 2025."\t\t\t\t\t\t\t\r\n'
)


def test_spreadsheet_resaved_export(tmp_path):
    path = tmp_path / "archived data" / "WONDER_2019.txt"
    path.parent.mkdir()
    path.write_text(RESAVED, newline="")
    frame = cdc_wonder.load(path).sort("geo", "period_end")
    assert frame["geo"].to_list() == ["AL", "AL", "WY"]
    assert frame["deaths"].to_list() == [60, 70, None]
    assert frame["is_suppressed"].to_list() == [False, False, True]
    assert frame["period_end"].to_list() == [date(2019, 1, 31), date(2019, 5, 31)] * 1 + [
        date(2019, 5, 31)
    ]
    assert frame["vintage"][0] == date(2025, 4, 21)
    foot = cdc_wonder.footer(path)
    assert foot.through == (date(2025, 4, 5), date(2025, 4, 19))


def test_rows_that_do_not_add_up_to_the_stated_total(tmp_path):
    path = tmp_path / "archived data" / "WONDER_2019.txt"
    path.parent.mkdir()
    path.write_text(RESAVED.replace("\t130\t", "\t131\t"), newline="")
    with pytest.raises(DataError, match=r"add up to 130, not the Total.*expected 131") as err:
        cdc_wonder.load(path)
    assert str(err.value).startswith(f"{path}:5: column 'Deaths'")


BAD = {
    "empty": (b"", "file is empty", 1, None),
    "header_only": (RESAVED.split("\r\n", 1)[0].encode() + b"\r\n---\r\n", "header only", 2, None),
    "no_footer": (RESAVED.split("Total")[0].encode(), "no footer", 5, None),
    "cut_off": (b"Notes,Month,Month Code,State,State Code,Multiple Cause of death,"
                b"Multiple Cause of death Code,Deaths,Population,Crude Rate\r\n"
                b',"Jan., 2018",2018/01,Alabama,01,Other synthetic narcotics,T40.4,12,'
                b"Not Applicable,Not Applicable\r\n"
                b',"Jan., 2018",2018/01,Arizona,04,Other synth', "row cut off", 3,
                "Multiple Cause of death"),
    "wrong_delimiter": (RESAVED.replace("\t", ";").encode(), "delimiter wrong", 1, None),
    "unknown_layout": (RESAVED.replace("Residence State\t", "County\t").encode(),
                       "unknown column layout", 1, "County"),
    "unknown_state": (RESAVED.replace("\t56\t", "\t72\t").encode(), "unknown label", 4,
                      "Residence State Code"),
    "unknown_mcd": (RESAVED.replace('"Group By', '"MCD - ICD-10 Codes: T40.1 (Heroin), T40.2"\r\n'
                                    '"Group By').encode(), "unknown multiple-cause", None,
                    "MCD - ICD-10 Codes"),
    "not_utf8": (RESAVED.replace("Wyoming", "Wyom\xefng").encode("latin-1"), "not UTF-8", 4,
                 "Residence State"),
    "bad_number": (RESAVED.replace("\t70\t", "\t1.2.3\t").encode(), "not numbers", 3, "Deaths"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_line_error(tmp_path, run_cli, case):
    data, detail, line, column = BAD[case]
    path = tmp_path / "wonder_2025-04" / "bad.txt"
    path.parent.mkdir()
    path.write_bytes(data)
    with pytest.raises(DataError) as err:
        cdc_wonder.load(path)
    text = str(err.value)
    assert "\n" not in text and detail in text
    assert text.startswith(f"{path}:{line}:" if line else f"{path}:")
    if column:
        assert f"column '{column}'" in text
    out = tmp_path / "out.parquet"
    code, _, stderr = run_cli("normalize", "cdc_wonder", str(path), "--out", str(out))
    assert code == 1 and stderr.count("\n") == 1 and not out.exists()


def _shared_names() -> list[str]:
    from analysis.config import shared_data_dir

    root = shared_data_dir()
    if root is None:
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.glob("cdc_wonder/*/*"))


@pytest.mark.parametrize("name", _shared_names())
def test_every_shared_file_normalizes_through_the_cli(shared_data, tmp_path, run_cli, name):
    out = tmp_path / "overdose.parquet"
    extra = ("--vintage", DSL_VINTAGE) if name.startswith(DSL) else ()
    code, _, err = run_cli("normalize", "cdc_wonder", str(shared_data / name), "--out", str(out),
                           *extra)  # fmt: skip
    assert code == 0, err
    frame = validate(pl.read_parquet(out), OVERDOSE)
    assert frame.height >= 6
    assert re.match(r"CDC WONDER, ", frame["source"][0])


def test_all_sixteen_shared_files_are_covered(shared_data):
    assert len(_shared_names()) == 16
