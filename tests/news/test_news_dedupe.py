"""Same story at two URLs, or syndicated near-identical text, is one article keeping all URLs."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.news.dedupe import Clusters, signature
from analysis.sources.news import frame_of, merge_duplicates

BODY = " ".join(
    f"Sentence {i} of the wire story says the tariff on Chinese goods fell to ten percent."
    for i in range(40)
)


def _rec(text: str, url: str, day: date, path: str) -> dict:
    from analysis.news.text import article_id, word_count

    return {
        "article_id": article_id(text),
        "url": url,
        "urls": [url],
        "outlet": None,
        "title": "T",
        "authors": [],
        "published": day,
        "published_at": None,
        "date_source": "meta",
        "language": "en",
        "text": text,
        "word_count": word_count(text),
        "raw_path": path,
        "raw_sha256": "0" * 64,
        "extractor": "test",
    }


def test_syndicated_copy_merges_and_keeps_urls_and_earliest_day():
    copy = BODY + " This story was first published elsewhere and is republished with permission."
    other = " ".join(f"Unrelated line {i} about overdose data releases." for i in range(60))
    frame = frame_of(
        [
            _rec(copy, "https://b.example/copy", date(2025, 11, 5), "b.html"),
            _rec(BODY, "https://a.example/orig", date(2025, 11, 4), "a1.html"),
            _rec(BODY, "https://a.example/amp", date(2025, 11, 4), "a2.html"),
            _rec(other, "https://c.example/x", date(2025, 11, 4), "c.html"),
        ]
    )
    out = merge_duplicates(frame).sort("url")
    assert out.height == 2
    story = out.row(0, named=True)
    assert story["url"] == "https://a.example/orig"
    assert story["published"] == date(2025, 11, 4)
    assert story["urls"] == [
        "https://a.example/orig",
        "https://a.example/amp",
        "https://b.example/copy",
    ]


def test_minhash_separates_different_texts_and_joins_near_copies():
    c = Clusters()
    assert c.add("a", BODY) is None
    assert c.add("b", BODY.replace("Sentence 3 ", "Line 3 ")) == "a"
    assert c.add("c", " ".join(reversed(BODY.split()))) is None
    sig = signature(BODY)
    assert sig.shape == (64,) and (sig == signature(BODY)).all()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_signature_is_defined_for_any_text(text):
    sig = signature(text)
    assert sig.shape == (64,) and sig.dtype.kind == "u"
