"""`precursor articles PATH_OR_URL... --out FILE`: outputs, per-item failures, exit code."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

#: Hand-marked pages: the demo corpus in data/raw plus the extra test fixtures.
PAGE_DIRS = (
    Path(__file__).resolve().parents[2] / "data" / "raw" / "news" / "demo_2026-11",
    Path(__file__).resolve().parents[1] / "data" / "news" / "pages",
)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECURSOR_HOME", str(tmp_path / "home"))
    return tmp_path


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_writes_each_format(home, run_cli, suffix):
    out = home / f"articles{suffix}"
    code, _, err = run_cli("articles", *map(str, PAGE_DIRS), "--out", str(out))
    assert code == 0, err
    frame = (
        pl.read_parquet(out)
        if suffix == ".parquet"
        else pl.read_ndjson(out)
        if suffix == ".jsonl"
        else pl.read_csv(out)
    )
    pages = sum(len(list(d.glob("*.html"))) for d in PAGE_DIRS)
    # + the demo corpus' seed-style .txt and its two JSON-lines articles; the syndicated copy merges
    assert frame.height == pages + 1 + 2 - 1
    assert {"article_id", "urls", "published", "date_source", "raw_path"} <= set(frame.columns)


def test_failures_are_listed_and_exit_code_is_nonzero(home, run_cli):
    bad = home / "bad.html"
    bad.write_text("<html><body><nav>only navigation</nav></body></html>")
    seed_like = home / "seed.txt"
    seed_like.write_text("Title\n\nBy A Writer\n\n" + "A sentence of the story body. " * 8)
    out, errs = home / "a.csv", home / "errors.jsonl"
    code, _, err = run_cli(
        "articles",
        str(bad),
        str(seed_like),
        str(home / "nope.md"),
        "--out",
        str(out),
        "--errors",
        str(errs),
        "--published",
        "2025-05-03",
    )
    assert code == 1
    assert f"failed: {bad}: no article body" in err
    assert "2 item(s) failed" in err
    rows = [json.loads(x) for x in errs.read_text().splitlines()]
    assert [Path(r["item"]).name for r in rows] == ["bad.html", "nope.md"]
    frame = pl.read_csv(out)
    assert frame.height == 1 and frame["published"][0] == "2025-05-03"


def test_unknown_output_format_writes_nothing(home, run_cli):
    code, _, err = run_cli("articles", str(PAGE_DIRS[0]), "--out", str(home / "a.xlsx"))
    assert code == 1 and "expected .parquet or .csv or .jsonl" in err
    assert not (home / "a.xlsx").exists()


def test_progress_bar_on_long_runs(home, run_cli):
    folder = home / "many"
    folder.mkdir()
    text = (PAGE_DIRS[0] / "2025-10-30-busan-summit.html").read_text()
    for i in range(25):
        (folder / f"p{i:02d}.html").write_text(text.replace("about an hour", f"{i} minutes"))
    code, _, err = run_cli("articles", str(folder), "--out", str(home / "m.parquet"))
    assert code == 0
    assert "articles [" in err and "25/25" in err
