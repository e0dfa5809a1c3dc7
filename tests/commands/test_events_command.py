"""`precursor events`: files/folders → events file with url/raw_path, per-item errors."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from analysis.contracts.news import EVENTS

PAGES = Path(__file__).resolve().parents[1] / "data" / "events" / "pages"


def test_events_from_pages_to_each_format(run_cli, tmp_path):
    for suffix in (".jsonl", ".csv", ".parquet"):
        out = tmp_path / f"ev{suffix}"
        code, _, err = run_cli("events", str(PAGES / "p04_indictments.md"), "--out", str(out))
        assert code == 0, err
        frame = (
            pl.read_parquet(out)
            if suffix == ".parquet"
            else pl.read_csv(out)
            if suffix == ".csv"
            else pl.read_ndjson(out)
        )
        assert frame.columns == [*EVENTS.names, "url", "raw_path"]
        assert frame.height >= 3
        assert {Path(p).resolve() for p in frame["raw_path"]} == {PAGES / "p04_indictments.md"}
        assert set(frame["url"]) == {"https://demo.example/courts/2023/10/04/precursor-indictments"}


def test_published_flag_for_text_without_date(run_cli, tmp_path, shared_data):
    seed = shared_data.parent / "seed" / "000_c71b8d0b693a1073.txt"
    if not seed.exists():
        pytest.skip(f"…/shared/seed absent: {seed} not found")
    out = tmp_path / "seed.jsonl"
    code, _, err = run_cli("events", str(seed), "--published", "2025-05-03", "--out", str(out))
    assert code == 0, err
    frame = pl.read_ndjson(out)
    duty = frame.filter(pl.col("event_type") == "trade_policy")
    assert duty["date"].to_list() == ["2025-05-02"]


def test_bad_items_are_recorded_and_batch_goes_on(run_cli, tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\xff\xfe" * 100)
    missing = tmp_path / "nope.md"
    out = tmp_path / "ev.jsonl"
    code, _, err = run_cli(
        "events", str(PAGES / "p03_cdc_data.md"), str(bad), str(missing), "--out", str(out)
    )
    assert code == 1
    assert "binary.txt" in err and "nope.md" in err
    assert pl.read_ndjson(out)["event_type"].to_list().count("public_health") >= 1


def test_undated_text_without_published_fails_that_item(run_cli, tmp_path):
    page = tmp_path / "undated.txt"
    page.write_text(
        "China and the US to meet\n\nChina said it would meet US officials next week to discuss "
        "fentanyl, tariffs and the trade truce, officials in Beijing told reporters.\n\n"
        "The talks would be the first since the spring, and both sides hope for progress on "
        "precursor chemicals and on the tariffs that remain in place.\n"
    )
    out = tmp_path / "ev.csv"
    code, _, err = run_cli("events", str(page), "--out", str(out))
    assert code == 1 and "publication day" in err
    assert out.exists() and pl.read_csv(out).height == 0


def test_unknown_output_format_writes_nothing(run_cli, tmp_path):
    out = tmp_path / "ev.xlsx"
    code, _, err = run_cli("events", str(PAGES / "p03_cdc_data.md"), "--out", str(out))
    assert code == 1 and "ev.xlsx" in err
    assert not out.exists()


def test_merge_flag(run_cli, tmp_path):
    out = tmp_path / "ev.jsonl"
    code, _, err = run_cli(
        "events",
        str(PAGES / "p02_mofcom_precursors.md"),
        str(PAGES / "h11_busan_summit.md"),
        "--merge",
        "--out",
        str(out),
    )
    assert code == 0, err
    frame = pl.read_ndjson(out)
    assert frame["n_sources"].max() >= 1
    assert frame["event_id"].n_unique() == frame.height
