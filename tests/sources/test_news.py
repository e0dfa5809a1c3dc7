"""The `news` source: read_articles for commands, load/load_many/combine for `precursor build`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analysis.contracts import validate
from analysis.contracts.news import ARTICLES
from analysis.errors import DataError
from analysis.news.dedupe import Clusters
from analysis.news.text import article_id
from analysis.sources import SOURCES
from analysis.sources.news import (
    combine,
    frame_of,
    load,
    load_many,
    merge_duplicates,
    read_articles,
)


def test_white_house_documents_and_seed(shared_data, tmp_path, monkeypatch):
    monkeypatch.setenv("PRECURSOR_HOME", str(tmp_path))
    seed = sorted((shared_data.parent / "seed").glob("*.txt"))
    if not seed:
        pytest.skip("…/shared/seed absent: the seed article is not on this machine")
    wh = shared_data / "news" / "whitehouse_briefings"
    frame, errors = read_articles([wh, seed[0]], published=date(2025, 5, 3))
    assert errors == []
    validate(frame, ARTICLES)
    # 128 documents + seed; one White House remarks text was posted on two days: merged
    assert frame.height == 128
    url = "https://www.whitehouse.gov/remarks/2025/01/remarks-by-president-trump-at-executive-order-signing/"
    dup = frame.filter(pl.col("url") == url)
    assert dup.height == 1 and dup["published"][0] == date(2025, 1, 23)
    s = frame.filter(pl.col("title").str.starts_with("China Explores Fentanyl")).row(0, named=True)
    assert (s["published"], s["date_source"], s["published_at"]) == (
        date(2025, 5, 3),
        "caller",
        None,
    )
    assert s["authors"] == ["Abiola"] and s["extractor"] == "plain-text"
    assert frame.filter(pl.col("date_source") == "front-matter").height == 127
    assert frame["published"].null_count() == 0
    assert frame["language"].drop_nulls().unique().to_list() == ["en"]


def test_demo_corpus_builds_the_articles_table(project, run_cli):
    files = SOURCES["news"].files(project / "data" / "raw")
    assert 6 <= len(files) <= 12
    frame = load_many(files)
    validate(frame, ARTICLES)
    assert frame["published"].null_count() == 0
    merged = frame.filter(pl.col("urls").list.len() == 2)
    assert merged.height == 1 and merged["outlet"][0] == "DC Brief"
    code, _, err = run_cli("build", "--only", "articles")
    assert code == 0, err
    table = pl.read_parquet(project / "data" / "processed" / "articles.parquet")
    assert table.height == frame.height
    code, out, err = run_cli("build", "--only", "articles")
    assert code == 0 and "unchanged" in out + err, (out, err)


def test_bad_demo_file_is_a_clear_data_error(project, run_cli, rewrite_raw, tree_hashes):
    files = SOURCES["news"].files(project / "data" / "raw")
    target = next(f for f in files if f.suffix == ".html")
    assert run_cli("build", "--only", "articles")[0] == 0
    before = tree_hashes(project / "data" / "processed")
    rewrite_raw(target, "<html><body><nav>Home | News</nav></body></html>")
    with pytest.raises(DataError) as info:
        load(target)
    msg = str(info.value)
    assert msg.startswith(str(target)) and "no article body" in msg and "fix:" in msg
    code, _, err = run_cli("build", "--only", "articles")
    assert code == 1 and target.name in err and "no article body" in err
    assert tree_hashes(project / "data" / "processed") == before


def test_combine_merges_across_frames(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECURSOR_HOME", str(tmp_path))
    pages = Path(__file__).resolve().parents[2] / "data" / "raw" / "news" / "demo_2026-11"
    a, _ = read_articles([pages / "2025-11-04-fentanyl-tariff-cut.html"])
    b, _ = read_articles([pages / "2025-11-05-fentanyl-tariff-cut-syndicated.html"])
    out = combine({"news": pl.concat([b, a])})
    assert out.height == 1
    row = out.row(0, named=True)
    assert row["published"] == date(2025, 11, 4)
    assert row["urls"] == [
        "https://dcbrief.example/trade/2025/11/04/trump-cuts-china-fentanyl-tariff",
        "https://valleycourier.example/news/nation/trump-cuts-china-fentanyl-tariff-to-10",
    ]
    assert combine({"news": ARTICLES.empty()}).height == 0


def test_stream_batches_drops_copies_and_reports_bad_lines(tmp_path, monkeypatch):
    import json

    from analysis.sources.news import ItemError, stream_batches

    monkeypatch.setenv("PRECURSOR_HOME", str(tmp_path))
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": f"T{i}", "text": f"Story number {i} " * 30, "url": f"https://x/{i}"})
        for i in range(25)
    ]
    lines.insert(5, lines[3])  # an exact copy
    lines.insert(9, "{oops")
    feed.write_text("\n".join(lines) + "\n")
    parts = list(stream_batches([feed], batch_size=10, published=date(2025, 5, 3)))
    frames = [p for p in parts if isinstance(p, pl.DataFrame)]
    errors = [p for p in parts if isinstance(p, ItemError)]
    assert [f.height for f in frames] == [10, 10, 5]
    assert [e.line for e in errors] == [10]
    assert all(validate(f, ARTICLES).height == f.height for f in frames)
    assert frames[0]["published"][0] == date(2025, 5, 3)


def _merged_row_by_row(frame: pl.DataFrame) -> pl.DataFrame:
    """Plain reference for merge_duplicates: every row through Python dicts."""
    if frame.height == 0:
        return frame
    ordered = frame.sort(["published", "raw_path", "url"], nulls_last=True)
    clusters = Clusters()
    kept: dict[str, dict] = {}
    for row in ordered.iter_rows(named=True):
        key = clusters.add(row["article_id"], row["text"]) or row["article_id"]
        if key not in kept:
            kept[key] = row
            continue
        first = kept[key]
        first["urls"] = list(dict.fromkeys([*(first["urls"] or []), *(row["urls"] or [])]))
        first["url"] = first["url"] or row["url"]
    return frame_of(kept.values())


@pytest.mark.parametrize("seed", range(25))
def test_merge_duplicates_is_the_row_by_row_merge(seed):
    import random

    rnd = random.Random(seed)
    stories = [
        " ".join(f"Story {s} sentence {i} on tariffs and fentanyl flows." for i in range(60))
        for s in range(4)
    ]
    records = []
    for n in range(rnd.randint(1, 14)):
        text = rnd.choice(stories)
        if rnd.random() < 0.3:  # a near-identical copy: another id, same story
            text += " Republished with permission."
        url = rnd.choice([None, "", f"https://x.example/{n}", "https://x.example/same"])
        urls = rnd.choice(
            [None, [], [url] if url else [], ["https://y.example/a", "https://x.example/same"]]
        )
        records.append(
            {
                "article_id": article_id(text),
                "url": url,
                "urls": urls,
                "title": f"T{n}",
                "published": rnd.choice([None, date(2025, 5, rnd.randint(1, 3))]),
                "text": text,
                "word_count": 1,
                "raw_path": rnd.choice([None, f"p{rnd.randint(0, 3)}.html"]),
                "raw_sha256": "0" * 64,
                "extractor": "test",
            }
        )
    frame = frame_of(records)
    assert merge_duplicates(frame).equals(_merged_row_by_row(frame))
