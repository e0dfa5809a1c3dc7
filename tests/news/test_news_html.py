"""Body text and publication day on the fixture pages, against bodies marked by hand."""

from datetime import date
from pathlib import Path

import lxml.html
import pytest

from analysis.news.html import dated_list_items, extract_html
from analysis.news.meta import split_byline
from analysis.news.quality import ours, score_pages
from analysis.news.raw import ItemFailure

DATA = Path(__file__).resolve().parents[1] / "data" / "news"


def test_text_f1_and_publication_day_meet_the_targets(pages, expected):
    scores = score_pages(pages, DATA / "expected.json", ours)
    assert len(scores) == len(expected) >= 15
    mean_f1 = sum(s.f1 for s in scores) / len(scores)
    assert mean_f1 >= 0.95, [(s.page, round(s.f1, 3)) for s in scores]
    assert min(s.f1 for s in scores) >= 0.9
    right = sum(s.day_ok for s in scores) / len(scores)
    assert right >= 0.97, [s.page for s in scores if not s.day_ok]


def test_metadata_from_json_ld_meta_and_bylines(pages):
    rec = extract_html((pages / "2025-05-12-geneva-joint-statement.html").read_text())
    assert rec["title"] == "US and China agree to cut tariffs for 90 days after Geneva talks"
    assert rec["authors"] == ["Lena Marsh", "Tomas Ferreira"]
    assert rec["outlet"] == "Harbor Ledger"
    assert rec["url"] == "https://harborledger.example/world/us-china-geneva-tariff-truce"
    assert rec["language"] == "en"
    assert rec["date_source"] == "json-ld"
    assert "Finally some sense" not in rec["text"]  # reader comments are not the article
    assert "cookies" not in rec["text"]
    assert not rec["text"].startswith("US and China agree")  # headline not repeated in body


def test_utc_trap_page_is_dated_on_its_local_day(pages):
    rec = extract_html((pages / "2025-05-03-de-minimis-parcels.html").read_text())
    assert rec["published"] == date(2025, 5, 3)
    assert rec["published_at"].isoformat() == "2025-05-02T16:30:00+00:00"


def test_date_only_in_url_and_only_in_dateline(pages):
    rec = extract_html((pages / "2025-05-14-cdc-provisional-2024.html").read_text())
    assert (rec["published"], rec["date_source"]) == (date(2025, 5, 14), "url")
    assert rec["authors"] == ["Priya Natarajan"]
    rec = extract_html((pages / "2025-10-30-busan-summit.html").read_text())
    assert (rec["published"], rec["date_source"]) == (date(2025, 10, 30), "byline")
    assert rec["authors"] == ["Min-jun Seo"]


def test_page_without_article_body_is_refused():
    html = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    with pytest.raises(ItemFailure, match="no article body"):
        extract_html(html)


def test_page_nested_100000_deep_fails_cleanly_and_fast():
    html = (
        "<html><body>" + "<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000 + "</body></html>"
    )
    with pytest.raises(ItemFailure):
        extract_html(html)


def test_byline_splitting():
    assert split_byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_byline("Priya Natarajan, Senior Health Reporter") == ["Priya Natarajan"]
    assert split_byline("By Alex Rivera, DC Brief") == ["Alex Rivera"]


def test_article_wrapper_with_a_junk_looking_class_is_kept():
    story = "This is article prose about tariffs and fentanyl precursors in a long paragraph. " * 3
    more = "A second paragraph of the story with more words about the trade talks in Geneva. " * 3
    comment = "A long reader comment that goes on about politics and the economy these days. " * 2
    html = (
        f'<html><body><div class="post tag-related"><p>{story}</p><p>{more}</p></div>'
        f'<section class="comments"><p>{comment}</p><p>{comment}</p></section></body></html>'
    )
    text = extract_html(html)["text"]
    assert text.startswith("This is article prose") and "trade talks in Geneva" in text
    assert "reader comment" not in text


def test_a_box_of_dated_entries_joins_the_text_and_other_lists_do_not():
    story = "Washington halved the fentanyl tariff on Chinese goods on Monday, officials said. " * 3
    more = "Importers said the cut would show up in their landed costs within weeks of the change. "
    html = (
        f"<html><body><article><h1>Tariff halved</h1><p>{story}</p><p>{more * 3}</p>"
        '<aside class="timeline-box"><h2>How we got here</h2><ul>'
        "<li><strong>Feb. 4:</strong> A 10 percent tariff on all imports from China takes "
        "effect.</li>"
        "<li><strong>March 4:</strong> Trump doubles the fentanyl tariff to 20 percent.</li>"
        "</ul></aside>"
        "<ul><li><a href='/a'>Markets close higher on trade hopes</a></li>"
        "<li><a href='/b'>Five things to know about soybeans this week</a></li></ul>"
        "</article></body></html>"
    )
    text = extract_html(html)["text"]
    assert text.endswith(
        "Feb. 4: A 10 percent tariff on all imports from China takes effect.\n\n"
        "March 4: Trump doubles the fentanyl tariff to 20 percent."
    )
    assert "soybeans" not in text


def test_a_nested_timeline_gives_each_entry_once():
    root = lxml.html.fromstring(
        "<div><ul><li>2025<ul>"
        "<li>Feb. 4: A 10 percent tariff on all imports from China takes effect.</li>"
        "<li>March 4: Trump doubles the fentanyl tariff to 20 percent.</li>"
        "</ul></li></ul></div>"
    )
    assert dated_list_items(root) == [
        "Feb. 4: A 10 percent tariff on all imports from China takes effect.",
        "March 4: Trump doubles the fentanyl tariff to 20 percent.",
    ]
