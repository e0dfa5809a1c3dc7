"""The curated timeline loader: the shipped file, and hand-made files with each quirk or fault."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis.contracts import EVENTS
from analysis.contracts.news import EVENT_TYPES
from analysis.errors import DataError
from analysis.sources import SOURCES, timeline

HEADER = (
    "event_id,date,announced,date_precision,event_type,actor,counterpart,summary,citation,"
    "confidence"
)
GOOD = (
    '2025-02-04-x,2025-02-04,2025-02-01,,trade_policy,CBP,China,"10% on all goods, from Feb 4",'
    '"EO 14195, 90 FR 9121",0.9'
)


@pytest.fixture
def shipped(repo_root: Path) -> pl.DataFrame:
    files = SOURCES["timeline"].files(repo_root / "data" / "raw")
    assert files, "the repo ships data/raw/timeline/<vintage>/events.csv"
    return timeline.load_many(files)


def write(tmp_path: Path, text: str | bytes, name: str = "events.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_shipped_timeline_is_large_cited_and_curated(shipped: pl.DataFrame) -> None:
    assert shipped.height >= 80
    assert shipped.schema == EVENTS.schema
    assert set(shipped["event_type"]) == EVENT_TYPES
    assert shipped["date"].min() >= date(2017, 1, 1)
    assert shipped["date"].max() <= date(2026, 12, 31)
    assert shipped["date"].dt.year().n_unique() >= 8
    assert (shipped["origin"] == "curated").all()
    assert shipped["article_id"].is_null().all()
    assert (shipped["citation"].str.len_chars() > 10).all()
    assert shipped["confidence"].is_between(0, 1).all()
    assert (shipped["confidence"] < 0.9).sum() >= 5, "unverified items carry lower confidence"


def test_shipped_actors_follow_the_scheme(shipped: pl.DataFrame) -> None:
    assert set(shipped["actor"]) <= set(timeline.ACTORS)
    assert {timeline.actor_country(a) for a in shipped["actor"]} == {"US", "CN"}


def test_shipped_key_facts(shipped: pl.DataFrame) -> None:
    by_id = {r["event_id"]: r for r in shipped.iter_rows(named=True)}
    fent = by_id["2025-02-04-ieepa-fentanyl-10"]
    assert fent["announced"] == date(2025, 2, 1)
    assert fent["event_type"] == "trade_policy"
    assert "90 FR 9121" in fent["citation"]
    ruling = by_id["2026-02-20-scotus-ieepa-ruling"]
    assert ruling["actor"] == "Supreme Court"
    assert by_id["2019-05-01-cn-class-control-in-force"]["event_type"] == "enforcement"
    assert (shipped["announced"].is_null() | (shipped["announced"] <= shipped["date"])).all()


def test_quirks_bom_quoted_commas_multiline_and_default_precision(tmp_path: Path) -> None:
    multi = (
        '2025-03-04-y,2025-03-04,,week,diplomatic,MFA,United States,"spans\ntwo lines",Xinhua,0.5'
    )
    path = write(tmp_path, "\ufeff" + HEADER + "\n" + GOOD + "\n\n" + multi + "\n")
    out = timeline.load(path)
    assert out["event_id"].to_list() == ["2025-02-04-x", "2025-03-04-y"]
    assert out["date_precision"].to_list() == ["day", "week"]
    assert out["summary"][0] == "10% on all goods, from Feb 4"
    assert out["summary"][1] == "spans\ntwo lines"
    assert out["date_basis"].to_list() == ["explicit", "explicit"]


def test_line_numbers_count_physical_lines(tmp_path: Path) -> None:
    multi = '2025-03-04-y,2025-03-04,,,diplomatic,MFA,,"a\nb\nc",Xinhua,0.5'
    bad = "2025-03-05-z,2025-03-05,,,diplomatic,Kremlin,,x,Xinhua,0.5"
    path = write(tmp_path, "\n".join([HEADER, GOOD, multi, bad]) + "\n")
    with pytest.raises(DataError) as info:
        timeline.load(path)
    assert info.value.line == 6
    assert info.value.column == "actor"
    assert "found 'Kremlin'" in str(info.value)


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        (GOOD.replace("trade_policy", "gossip"), "event_type", "one of diplomatic"),
        (GOOD.replace("2025-02-04,2025-02-01", "2025-13-01,2025-02-01"), "date", "ISO date"),
        (
            GOOD.replace("2025-02-04,2025-02-01", "2025-02-04,2025-02-09"),
            "announced",
            "on or before",
        ),
        (GOOD.replace('"EO 14195, 90 FR 9121"', ""), "citation", "a value"),
        (GOOD.replace('"EO 14195, 90 FR 9121"', '"  "'), "citation", "a value"),
        (GOOD.replace(",0.9", ",high"), "confidence", "a plain number"),
        (GOOD.replace(",0.9", ",1.5"), "confidence", "values in [0, 1]"),
        (GOOD.replace("2025-02-04,2025-02-01", "04/02/2025,2025-02-01"), "date", "ISO date"),
    ],
)
def test_bad_values_name_file_line_column(
    tmp_path: Path, row: str, column: str, expected: str
) -> None:
    path = write(tmp_path, f"{HEADER}\n{GOOD.replace('x,', 'ok,', 1)}\n{row}\n")
    with pytest.raises(DataError) as info:
        timeline.load(path)
    text = str(info.value)
    assert "\n" not in text
    assert text.startswith(f"{path}:3: column '{column}'"), text
    assert expected in text and "fix:" in text


def test_duplicate_event_id(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n{GOOD}\n")
    with pytest.raises(DataError) as info:
        timeline.load(path)
    assert info.value.column == "event_id"
    assert f"{path}:2 '2025-02-04-x'; {path}:3 '2025-02-04-x'" in str(info.value)


def test_duplicate_across_vintages(tmp_path: Path) -> None:
    a = write(tmp_path, f"{HEADER}\n{GOOD}\n", "a.csv")
    b = write(tmp_path, f"{HEADER}\n{GOOD}\n", "b.csv")
    with pytest.raises(DataError, match="repeat the key"):
        timeline.load_many([a, b])


@pytest.mark.parametrize(
    ("content", "line", "detail"),
    [
        (b"", 1, "file is empty"),
        (b"  \n", 1, "file is empty"),
        (HEADER.encode() + b"\n", 2, "header but no data rows"),
        (
            HEADER.encode() + b"\n" + GOOD.replace("CBP", "Caf\xe9").encode("latin-1"),
            2,
            "not UTF-8",
        ),
    ],
)
def test_empty_header_only_and_non_utf8(
    tmp_path: Path, content: bytes, line: int, detail: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(DataError) as info:
        timeline.load(path)
    assert info.value.line == line
    assert detail in str(info.value)
    assert str(path) in str(info.value)


def test_non_utf8_names_the_column(tmp_path: Path) -> None:
    bad = GOOD.replace("CBP", "Caf\xe9").encode("latin-1")
    path = write(tmp_path, HEADER.encode() + b"\n" + bad + b"\n")
    with pytest.raises(DataError) as info:
        timeline.load(path)
    assert info.value.column == "actor"
    assert "byte 0xe9" in str(info.value)


def test_header_faults(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="lacks required column") as info:
        timeline.load(write(tmp_path, HEADER.replace("citation", "source") + "\n" + GOOD + "\n"))
    assert info.value.line == 1
    extra = HEADER + ",mood"
    with pytest.raises(DataError, match="unknown column"):
        timeline.load(write(tmp_path, extra + "\n" + GOOD + ",calm\n"))
    with pytest.raises(DataError, match="row has 9 field") as info:
        timeline.load(write(tmp_path, HEADER + "\n" + GOOD.rsplit(",", 1)[0] + "\n"))
    assert info.value.line == 2


def test_no_files_gives_the_empty_table() -> None:
    assert timeline.load_many([]).equals(EVENTS.empty())
