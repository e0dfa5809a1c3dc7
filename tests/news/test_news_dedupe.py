"""Same story at two URLs, or syndicated near-identical text, is one article keeping all URLs."""

import random
from datetime import date

import pytest
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


def _pairs(n_words: int, jaccard: float, count: int, seed: int) -> list[tuple[str, str, float]]:
    """Random texts and copies with words replaced ≥5 apart: 5-shingle Jaccard near `jaccard`."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20_000)]
    shingles = n_words - 4
    edits = max(1, round(shingles * (1 - jaccard) / (5 * (1 + jaccard))))
    out = []
    for _ in range(count):
        a = [rng.choice(vocab) for _ in range(n_words)]
        b = list(a)
        for i in rng.sample(range(0, n_words, 5), edits):
            b[i] = rng.choice(vocab)
        sa, sb = ({tuple(w[i : i + 5]) for i in range(shingles)} for w in (a, b))
        out.append((" ".join(a), " ".join(b), len(sa & sb) / len(sa | sb)))
    return out


def _merge_rate(pairs: list[tuple[str, str, float]]) -> float:
    merged = 0
    for a, b, _ in pairs:
        c = Clusters()
        c.add("a", a)
        merged += c.add("b", b) == "a"
    return merged / len(pairs)


@pytest.mark.parametrize("n_words", [300, 1500])
def test_one_permutation_minhash_finds_near_copies_and_keeps_stories_apart(n_words):
    """Measured on synthetic pairs of known Jaccard (the estimate is compared with 0.9, so pairs
    right at 0.9 merge about half the time, as with 64 independent hashes)."""
    for target, low, high in [(0.97, 0.98, 1), (0.93, 0.7, 1), (0.75, 0, 0.02), (0.5, 0, 0)]:
        pairs = _pairs(n_words, target, 100, seed=int(target * 100) + n_words)
        mean_j = sum(j for *_, j in pairs) / len(pairs)
        assert abs(mean_j - target) < 0.02, (target, mean_j)
        assert low <= _merge_rate(pairs) <= high, (n_words, target)
    rng = random.Random(n_words)
    c = Clusters()
    for i in range(150):  # distinct stories over a shared small vocabulary are never merged
        text = " ".join(
            rng.choice(["tariff", "china", "the", "of", "fentanyl", "said"]) for _ in range(n_words)
        )
        assert c.add(str(i), text) is None
