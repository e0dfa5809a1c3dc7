"""A re-run on an unchanged corpus parses nothing again (cache keyed by content hash)."""

from analysis.news import cache, ingest
from analysis.sources.news import read_articles


def test_second_run_parses_nothing(home, monkeypatch, pages):
    first, errors = read_articles([pages])
    assert not errors and first.height >= 14
    entries = list((home / "data" / "cache" / "articles").rglob("*.json"))
    assert len(entries) == len(list(pages.glob("*.html")))

    def boom(kind, data):
        raise AssertionError("parsed again")

    monkeypatch.setattr(ingest, "_parse", boom)
    second, errors = read_articles([pages])
    assert not errors
    assert second.equals(first)


def test_cache_key_changes_with_content(home, tmp_path, pages):
    page = tmp_path / "p.html"
    page.write_text((pages / "2025-10-30-busan-summit.html").read_text())
    read_articles([page])
    page.write_text(page.read_text().replace("about an hour", "roughly an hour"))
    frame, _ = read_articles([page])
    assert "roughly an hour" in frame["text"][0]
    assert cache.code_version()
