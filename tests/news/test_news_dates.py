from datetime import UTC, date, datetime

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.news import dates


def _day(html: str, url: str | None = None):
    root = lxml.html.document_fromstring(html)
    return dates.choose(dates.stamps(root, url, dates.json_ld_objects(root)))


def test_offset_timestamp_keeps_the_local_day_not_the_utc_one():
    s = dates.parse_stamp("2025-05-03T00:30:00+08:00", "json-ld")
    assert s.day == date(2025, 5, 3)
    assert s.instant == datetime(2025, 5, 2, 16, 30, tzinfo=UTC)
    assert not s.utc_only


def test_utc_just_after_midnight_trap_prefers_the_declared_local_day():
    html = """<html><head><meta name="date" content="2025-05-03">
    <script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2025-05-02T16:30:00Z"}</script></head><body><p>x</p></body></html>"""
    day, instant, source = _day(html)
    assert (day, source) == (date(2025, 5, 3), "meta")
    assert instant == datetime(2025, 5, 2, 16, 30, tzinfo=UTC)


def test_utc_only_page_without_local_declaration_uses_the_utc_day():
    html = """<html><head><meta property="article:published_time" content="2026-02-20T21:47:00Z">
    </head><body><p>x</p></body></html>"""
    assert _day(html)[:1] == (date(2026, 2, 20),)


def test_json_ld_graph_and_lists_are_searched():
    html = """<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebSite"},
    {"@type": "NewsArticle", "datePublished": "2024-08-05T09:00:00-04:00"}]}</script>
    <script type="application/ld+json">{not json</script></head><body></body></html>"""
    assert _day(html) == (date(2024, 8, 5), datetime(2024, 8, 5, 13, 0, tzinfo=UTC), "json-ld")


def test_comment_times_are_not_the_publication_time():
    html = """<html><body><article><h1>t</h1><p>text</p></article>
    <section class="comments"><time datetime="2025-05-09T10:00:00+00:00">May 9</time></section>
    </body></html>"""
    assert _day(html) == (None, None, None)


def test_url_and_byline_dates():
    assert dates.url_date("https://x.example/2025/05/14/slug").day == date(2025, 5, 14)
    assert dates.url_date("https://x.example/a/20250503/b").day == date(2025, 5, 3)
    assert dates.url_date("https://x.example/2025/13/40/slug") is None
    html = '<html><body><div class="dateline">Oct. 30, 2025 · 6:15 PM KST</div></body></html>'
    assert _day(html) == (date(2025, 10, 30), None, "byline")


def test_human_and_rfc2822_forms():
    assert dates.parse_stamp("3rd May 2025", "x").day == date(2025, 5, 3)
    assert dates.parse_stamp("Sept. 3, 2025", "x").day == date(2025, 9, 3)
    s = dates.parse_stamp("Sat, 03 May 2025 00:30:00 +0800", "x")
    assert s.day == date(2025, 5, 3)
    assert s.instant == datetime(2025, 5, 2, 16, 30, tzinfo=UTC)
    assert dates.parse_stamp("no date here", "x") is None
    assert dates.parse_stamp("2025-02-30", "x") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_stamp_never_raises(text):
    s = dates.parse_stamp(text, "x")
    assert s is None or isinstance(s.day, date)
