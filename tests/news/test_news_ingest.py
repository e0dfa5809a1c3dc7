"""Bad inputs become per-item errors with a reason; the rest of the batch goes on."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.news.ingest import ItemError, iter_articles
from analysis.news.raw import MAX_BYTES

GOOD = (
    "<html><head><title>Good page</title></head><body><article><h1>Good page</h1>"
    + "<p>Officials in Beijing and Washington met on Friday to discuss fentanyl precursors, "
    "export licences and the tariff truce agreed in the spring, according to both sides.</p>"
    * 3
    + "</article></body></html>"
)


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_each_bad_item_is_recorded_and_the_batch_goes_on(tmp_path, home):
    d = tmp_path / "in"
    d.mkdir()
    _write(d, "a-good.html", GOOD)
    _write(d, "b-nobody.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    _write(d, "c-binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    _write(d, "d-latin1.txt", "Titre\n\nCaf\xe9 cr\xe8me, d\xe9j\xe0 vu.".encode("latin-1"))
    big = d / "e-huge.html"
    with open(big, "wb") as fh:  # sparse 50 MB file: refused by size before reading
        fh.truncate(50 * 1024 * 1024)
    _write(d, "f-deep.html", "<html><body>" + "<div>" * 100_000 + "<p>x</p>" + "</div>" * 100_000)
    _write(d, "g-empty.md", "")
    _write(d, "h-good.txt", "A title\n\n" + "Plain words make a body of a story here. " * 5)
    _write(d, "notes.xyz", "ignored: unknown extension inside a folder")
    start = time.monotonic()
    got = list(iter_articles([d, tmp_path / "missing.html"], published=date(2025, 5, 3)))
    assert time.monotonic() - start < 10
    errors = {Path(e.item).name: e.reason for e in got if isinstance(e, ItemError)}
    ok = [r for r in got if not isinstance(r, ItemError)]
    assert sorted(Path(r["raw_path"]).name for r in ok) == ["a-good.html", "h-good.txt"]
    assert "no article body" in errors["b-nobody.html"]
    assert "binary" in errors["c-binary.html"]
    assert "not UTF-8" in errors["d-latin1.txt"] and "0xe9" in errors["d-latin1.txt"]
    assert "MB" in errors["e-huge.html"] and str(MAX_BYTES // 1024 // 1024) in errors["e-huge.html"]
    assert "no article body" in errors["f-deep.html"]
    assert "empty" in errors["g-empty.md"]
    assert "no such file" in errors["missing.html"]
    assert len(errors) == 7
    txt = next(r for r in ok if r["raw_path"].endswith(".txt"))
    assert (txt["published"], txt["date_source"]) == (date(2025, 5, 3), "caller")


def test_sidecar_published_field_dates_a_plain_text(tmp_path, home):
    path = _write(tmp_path, "story.txt", "A title\n\n" + "Words of the story body go on. " * 6)
    meta = tmp_path / "story.txt.meta.json"
    meta.write_text(json.dumps({"published": "2025-05-03", "article_url": "https://x.example/s"}))
    (rec,) = iter_articles([path], published=date(2020, 1, 1))
    assert (rec["published"], rec["date_source"]) == (date(2025, 5, 3), "sidecar")
    assert rec["url"] == "https://x.example/s" and rec["outlet"] == "x.example"


def test_json_lines_errors_name_the_line(tmp_path, home):
    path = _write(
        tmp_path,
        "feed.jsonl",
        json.dumps({"title": "One", "text": "A body of text.", "published": "2025-05-03"})
        + "\nnot json\n",
    )
    got = list(iter_articles([path]))
    assert got[0]["published"] == date(2025, 5, 3)
    assert isinstance(got[1], ItemError) and got[1].line == 2
    assert str(got[1]).startswith(f"{path}:2: line is not valid JSON")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".html", ".txt", ".md", ".jsonl"]))
def test_arbitrary_bytes_give_a_record_or_an_error_never_an_exception(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    for rec in iter_articles([path], use_cache=False):
        assert isinstance(rec, ItemError) or rec["text"]
